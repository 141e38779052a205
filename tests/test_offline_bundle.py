"""scripts/offline_bundle.py: the bundle for this machine installs with no index and runs; the
Windows set holds every requirement its markers select.

Building needs PyPI (or the mirror pip and uv are configured with) and uv: skipped, saying so,
where either is missing.
"""

from __future__ import annotations

import email.parser
import os
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.tags import compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "offline_bundle.py"
GOLDEN_TXT = REPO / "tests" / "golden" / "lilin-2021.txt"
STEM = "nianbao-offline-0.1.0"


def _pypi_unreachable() -> str | None:
    try:
        urllib.request.urlopen("https://pypi.org/simple/pip/", timeout=10).close()
    except OSError as exc:
        return f"PyPI is unreachable ({exc}): the bundle cannot be built here"
    try:
        import uv  # noqa: F401
    except ImportError:
        return "uv is not installed (pip install uv): the bundle cannot be resolved per platform"
    return None


_why_not = _pypi_unreachable()
pytestmark = [pytest.mark.slow, pytest.mark.skipif(_why_not is not None, reason=_why_not or "")]


def _build(out: Path, *args: str) -> Path:
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out), *args], capture_output=True, text=True, timeout=900
    )
    assert proc.returncode == 0, proc.stderr
    bundle = out / f"{STEM}.zip"
    assert bundle.is_file(), proc.stdout
    return bundle


def _unpacked(bundle: Path, folder: Path) -> Path:
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(folder)
    return folder / STEM


@pytest.fixture(scope="module")
def this_machine(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("bundle")
    return _unpacked(_build(base / "dist", "--only-this-machine"), base / "unpacked")


@pytest.fixture(scope="module")
def windows(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("windows")
    return _unpacked(_build(base / "dist", "--target", "windows-amd64", "--python", "3.12"), base / "unpacked")


def _offline_env(tmp: Path) -> dict[str, str]:
    """No pip configuration (no index, no extra find-links): only the bundle's wheels."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "UV_")) and k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", NIANBAO_DATA_DIR=str(tmp / "data"), PYTHONIOENCODING="utf-8")
    return env


@pytest.mark.skipif(sys.platform == "win32", reason="install.sh is the route tested here")
def test_the_bundle_for_this_machine_installs_with_no_index_and_prints_lilin(this_machine, tmp_path):
    env = _offline_env(tmp_path)
    # The interpreter running the tests stands in for the office's Python 3.11+.
    install = subprocess.run(
        ["sh", str(this_machine / "install.sh")], env={**env, "PYTHON": sys.executable},
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    assert "安装完成" in install.stdout
    nianbao = this_machine / ".venv" / "bin" / "nianbao"
    proc = subprocess.run(
        [str(nianbao), "print", str(REPO / "examples" / "lilin-2021.json")],
        env=env, capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == GOLDEN_TXT.read_text(encoding="utf-8")
    where = subprocess.run(
        [str(this_machine / ".venv" / "bin" / "python"), "-c", "import nianbao; print(nianbao.__file__)"],
        env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )
    assert Path(where.stdout.strip()).is_relative_to(this_machine / ".venv")  # not the repo's


def test_the_bundle_says_how_to_install_in_chinese(this_machine):
    readme = (this_machine / "README.txt").read_text(encoding="utf-8-sig")
    assert "Python 3.11" in readme and "python.org" in readme and "华为云" in readme and "清华" in readme
    assert "install.bat" in readme and "install.sh" in readme
    bat = (this_machine / "install.bat").read_bytes().decode("gbk")  # cmd.exe on Chinese Windows reads GBK
    assert "--no-index --find-links wheels nianbao" in bat and "\r\n" in bat
    assert "--no-index --find-links wheels nianbao" in (this_machine / "install.sh").read_text(encoding="utf-8")
    with zipfile.ZipFile(this_machine.parents[1] / "dist" / f"{STEM}.zip") as archive:
        mode = archive.getinfo(f"{STEM}/install.sh").external_attr >> 16
    assert mode & 0o111  # unzip makes it executable


def _wheels(bundle: Path) -> dict[str, tuple[Path, object, frozenset]]:
    found = {}
    for path in (bundle / "wheels").glob("*.whl"):
        name, version, _, tags = parse_wheel_filename(path.name)
        found[name] = (path, version, tags)
    return found


def _requires(wheel: Path) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        message = email.parser.BytesParser().parsebytes(archive.read(metadata))
    return [Requirement(line) for line in message.get_all("Requires-Dist") or []]


WINDOWS_312 = {
    **default_environment(),
    "implementation_name": "cpython", "platform_python_implementation": "CPython", "os_name": "nt",
    "sys_platform": "win32", "platform_system": "Windows", "platform_machine": "AMD64",
    "python_version": "3.12", "python_full_version": "3.12.0", "implementation_version": "3.12.0",
    "platform_release": "10", "platform_version": "10.0.19045",
}


def test_the_windows_set_holds_every_requirement_its_markers_select(windows):
    wheels = _wheels(windows)
    usable = {*cpython_tags((3, 12), platforms=["win_amd64"]), *compatible_tags((3, 12), platforms=["win_amd64"])}
    for name, (path, _, tags) in wheels.items():
        assert tags & usable, f"{path.name} does not install on Windows amd64, Python 3.12"
    # Walked from nianbao's own requirements with Windows' markers, independently of the resolver.
    missing, done, todo = [], set(), [("nianbao", "")]
    while todo:
        name, extra = todo.pop()  # extra: one a dependent asked for (markdown-it-py[linkify])
        if (name, extra) in done:
            continue
        done.add((name, extra))
        for req in _requires(wheels[name][0]):
            if req.marker is not None and not req.marker.evaluate({**WINDOWS_312, "extra": extra}):
                continue
            if extra and (req.marker is None or "extra" not in str(req.marker)):
                continue  # the package's plain requirements are walked with extra ""
            dep = canonicalize_name(req.name)
            if dep not in wheels or not req.specifier.contains(wheels[dep][1], prereleases=True):
                missing.append(f"{name} needs {req}")
            else:
                todo += [(dep, "")] + [(dep, e) for e in req.extras]
    seen = {name for name, _ in done}
    assert missing == []
    assert "colorama" in seen  # selected only on Windows (sys_platform == 'win32')
    lock = (windows / "locks" / "windows-amd64-py3.12.txt").read_text(encoding="utf-8")
    pinned = {canonicalize_name(Requirement(line).name): str(Requirement(line).specifier) for line in lock.splitlines() if line and not line.startswith("#")}
    assert set(pinned) == seen - {"nianbao"}  # the resolver's lock for the target: every wheel, no other
    assert all(pinned[name] == f"=={wheels[name][1]}" for name in pinned)


def test_every_platform_gets_the_same_versions(this_machine, windows):
    here, there = _wheels(this_machine), _wheels(windows)
    assert {n: v for n, (_, v, _) in here.items() if n in there} == {n: v for n, (_, v, _) in there.items() if n in here}
    assert "colorama" not in here or sys.platform == "win32"
