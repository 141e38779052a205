"""A plain, non-editable `pip install <repo>` into a fresh venv runs and finds its packaged data.

The dependencies are not downloaded again: after installing nianbao itself with --no-deps, the fresh
venv gets a .pth file listing the site-packages folders of the interpreter running the tests, so
only nianbao comes from the new install (its own site-packages is earlier on sys.path). Building
the wheel needs hatchling, which pip fetches into its isolated build environment.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nianbao.report import labels as L

pytestmark = pytest.mark.slow

GOLDEN_TXT = Path(__file__).resolve().parent / "golden" / "lilin-2021.txt"


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=timeout)
    assert proc.returncode == 0, f"{args} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return proc


def _borrowed_site_dirs() -> list[str]:
    """The site-packages folders of the running interpreter (they hold nianbao's dependencies)."""
    return [
        p for p in dict.fromkeys(sys.path)
        if Path(p).name in ("site-packages", "dist-packages") and Path(p).is_dir()
    ]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    repo = Path(__file__).resolve().parents[1]
    base = tmp_path_factory.mktemp("install")
    venv = base / "venv"
    env = {
        k: v for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "PYTHONHOME", "NIANBAO_TEMPLATES_DIR", "NIANBAO_PROMPTS_DIR", "VIRTUAL_ENV")
    }
    env.update(NIANBAO_DATA_DIR=str(base / "data"), PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONIOENCODING="utf-8")
    _run([sys.executable, "-m", "venv", str(venv)], base, env)
    python = venv / "bin" / "python"
    _run(
        [str(python), "-m", "pip", "install", "--no-deps", "--ignore-installed", "--no-input", "--quiet", str(repo)],
        base,
        env,
    )
    purelib = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], base, env).stdout.strip())
    (purelib / "_borrowed_test_deps.pth").write_text("\n".join(_borrowed_site_dirs()) + "\n", encoding="utf-8")
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    return {"repo": repo, "venv": venv, "python": python, "purelib": purelib, "cwd": elsewhere, "env": env}


def test_installed_nianbao_prints_lilin(installed: dict) -> None:
    example = installed["repo"] / "examples" / "lilin-2021.json"
    proc = _run(
        [str(installed["venv"] / "bin" / "nianbao"), "print", str(example), "--plain"],
        installed["cwd"],
        installed["env"],
    )
    text = proc.stdout
    lines = text.splitlines()
    assert lines[0] == "梨林镇人民政府2021年政府信息公开工作年度报告"
    assert [line for line in lines if line in L.SECTIONS.values()] == list(L.SECTIONS.values())
    assert (
        "主动公开政府信息850条，其中微信公众号“大美梨林”510条、济源市人民政府网梨林镇版块340条。" in text
    )
    assert proc.stderr == ""
    assert text == GOLDEN_TXT.read_text(encoding="utf-8")  # the packaged templates are the repo's


def test_installed_package_and_data_live_in_site_packages(installed: dict) -> None:
    code = (
        "import nianbao, nianbao.resources as r; "
        "print(nianbao.__file__); print(r.templates_dir()); print(r.prompts_dir())"
    )
    proc = _run([str(installed["python"]), "-c", code], installed["cwd"], installed["env"])
    module, templates, prompts = (Path(line) for line in proc.stdout.splitlines())
    purelib = installed["purelib"]
    assert module == purelib / "nianbao" / "__init__.py"
    assert templates == purelib / "nianbao" / "templates"
    assert prompts == purelib / "nianbao" / "prompts"
    assert sorted(p.name for p in templates.glob("*.j2")) == sorted(
        p.name for p in (installed["repo"] / "templates").glob("*.j2")
    )
    assert prompts.is_dir()
    assert not templates.resolve().is_relative_to(installed["repo"].resolve())


def test_installed_module_entry_point(installed: dict) -> None:
    missing = installed["cwd"] / "missing.json"
    proc = subprocess.run(
        [str(installed["python"]), "-m", "nianbao", "print", str(missing)],
        cwd=installed["cwd"],
        env=installed["env"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr == f"错误：找不到会话文件：{missing}\n"
