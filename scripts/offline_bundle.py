"""Build dist/nianbao-offline-VERSION.zip: nianbao and every dependency as wheels, for machines
without internet, with install.bat / install.sh and a Chinese README.

    python scripts/offline_bundle.py                      # every target and Python
    python scripts/offline_bundle.py --only-this-machine  # this platform and Python (tests)
    python scripts/offline_bundle.py --out DIR

The dependencies are read from pyproject.toml. One universal resolution (uv pip compile
--universal) pins one version of each package for every platform; each target is then resolved
on its own (uv pip compile --python-platform --python-version, constrained by those pins), so that
a dependency only one platform selects (colorama on Windows) is in that platform's list; then
pip download fetches exactly that list as wheels for that platform (--no-deps: pip would evaluate
the markers for the machine running it). A Python version some target cannot get every wheel for
is left out of the whole bundle, and the output says which and why.
Needs uv (pip install uv) and the internet (or a PyPI mirror in pip's and uv's configuration).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHONS = ("3.11", "3.12", "3.13", "3.14", "3.15")


@dataclass(frozen=True)
class Target:
    name: str  # the folder of its locks in the bundle
    uv_platform: str | None  # uv pip compile --python-platform; None: the running machine
    pip_platforms: tuple[str, ...]  # pip download --platform (each also accepts older tags)


TARGETS = (
    Target("windows-amd64", "x86_64-pc-windows-msvc", ("win_amd64",)),
    Target("linux-x86_64", "x86_64-manylinux_2_28", ("manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64")),
    Target("linux-aarch64", "aarch64-manylinux_2_28", ("manylinux_2_28_aarch64", "manylinux_2_17_aarch64", "manylinux2014_aarch64")),
    # macOS 13: the oldest uv resolves for by default, so the lock's versions have wheels there.
    Target("macos-arm64", "aarch64-apple-darwin", ("macosx_13_0_arm64",)),
    Target("macos-x86_64", "x86_64-apple-darwin", ("macosx_13_0_x86_64",)),
)


class BuildError(Exception):
    """A step failed; the message says which and what to do."""


def project() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def run(args: list[str], what: str) -> None:
    proc = subprocess.run(args, cwd=REPO, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
        raise BuildError(f"{what} failed (exit {proc.returncode}):\n{tail}")


def uv() -> list[str]:
    found = shutil.which("uv")
    if found:
        return [found]
    try:
        import uv as uv_module  # the PyPI package ships the binary

        return [uv_module.find_uv_bin()]
    except ImportError:
        raise BuildError("uv is needed to resolve each platform: pip install uv") from None


def requirements_file(folder: Path) -> Path:
    """pyproject.toml's dependencies as a requirements file (uv reads it, comments and all)."""
    path = folder / "requirements.in"
    path.write_text("\n".join(project()["dependencies"]) + "\n", encoding="utf-8")
    return path


def compile_lock(reqs: Path, out: Path, python: str, target: Target | None, constraints: Path | None) -> None:
    """target None: one resolution valid on every platform (the pins)."""
    args = [*uv(), "pip", "compile", str(reqs), "--quiet", "--no-header", "--no-annotate", "--python-version", python, "-o", str(out)]
    if target is None:
        args += ["--universal"]
    elif target.uv_platform:
        args += ["--python-platform", target.uv_platform]
    if constraints is not None:
        args += ["-c", str(constraints)]
    run(args, f"resolving for {target.name if target else 'every platform'}, Python {python}")


def download(lock: Path, wheels: Path, python: str, target: Target) -> None:
    args = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:", "-d", str(wheels), "-r", str(lock)]
    if target.uv_platform:
        args += ["--implementation", "cp", "--python-version", python]
        for tag in target.pip_platforms:
            args += ["--platform", tag]
    run(args, f"downloading wheels for {target.name}, Python {python}")


def build(out_dir: Path, targets: tuple[Target, ...], pythons: tuple[str, ...]) -> Path:
    meta = project()
    version = meta["version"]
    stem = f"nianbao-offline-{version}"
    with tempfile.TemporaryDirectory(prefix="nianbao-bundle-") as tmp:
        root = Path(tmp) / stem
        wheels, locks = root / "wheels", root / "locks"
        wheels.mkdir(parents=True)
        locks.mkdir()
        reqs = requirements_file(Path(tmp))
        pins = locks / "constraints.txt"
        compile_lock(reqs, pins, min(pythons, key=lambda v: tuple(map(int, v.split(".")))), None, None)
        kept: list[str] = []
        for python in pythons:
            # Staged apart: a Python left out leaves none of its wheels or locks behind.
            stage = Path(tmp) / f"stage-{python}"
            (stage / "locks").mkdir(parents=True)
            try:
                for target in targets:
                    lock = stage / "locks" / f"{target.name}-py{python}.txt"
                    compile_lock(reqs, lock, python, target, pins)
                    download(lock, stage / "wheels", python, target)
            except BuildError as exc:
                if len(pythons) == 1:
                    raise
                print(f"Python {python} left out: {exc}", file=sys.stderr)
                continue
            for path in [*(stage / "wheels").iterdir(), *(stage / "locks").iterdir()]:
                destination = (wheels if path.suffix == ".whl" else locks) / path.name
                if not destination.exists():
                    shutil.move(path, destination)
            kept.append(python)
        if not kept:
            raise BuildError("no Python version has every wheel for every target")
        run([*uv(), "build", "--wheel", "--quiet", "--out-dir", str(wheels), str(REPO)], "building nianbao's wheel")
        write_installers(root, version, targets, kept)
        out_dir.mkdir(parents=True, exist_ok=True)
        bundle = out_dir / f"{stem}.zip"
        zip_folder(root, bundle)
    print(f"{bundle}: {', '.join(t.name for t in targets)}; Python {', '.join(kept)}")
    return bundle


def zip_folder(root: Path, bundle: Path) -> None:
    partial = bundle.with_name(bundle.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_dir():
                continue
            info = zipfile.ZipInfo.from_file(path, Path(root.name) / path.relative_to(root))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o755 if path.suffix == ".sh" else 0o644) << 16
            archive.writestr(info, path.read_bytes())
    os.replace(partial, bundle)


INSTALL_SH = """#!/bin/sh
# 年报助手离线安装：在本文件夹建虚拟环境 .venv，只从 wheels 文件夹安装，不连网。
set -e
cd "$(dirname "$0")"
PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    echo "需要 Python 3.11 或更新版本（命令 $PY），请先安装，见 README.txt。" >&2
    exit 1
fi
if ! "$PY" -m venv .venv; then
    echo "无法创建虚拟环境。Debian/Ubuntu/统信/麒麟：sudo apt install python3-venv 后重试。" >&2
    exit 1
fi
.venv/bin/python -m pip install --no-index --find-links wheels nianbao
echo "安装完成。启动年报助手：$(pwd)/.venv/bin/nianbao"
"""

# cmd.exe reads a .bat in the console's code page: written in GBK (code page 936, Chinese Windows).
INSTALL_BAT = r"""@echo off
rem 年报助手离线安装：在本文件夹建虚拟环境 .venv，只从 wheels 文件夹安装，不连网。
setlocal
cd /d "%~dp0"
set "PY=py -3"
where py >nul 2>nul || set "PY=python"
%PY% -c "import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)" >nul 2>nul
if errorlevel 1 goto nopython
%PY% -m venv .venv
if errorlevel 1 goto failed
.venv\Scripts\python -m pip install --no-index --find-links wheels nianbao
if errorlevel 1 goto failed
echo 安装完成。启动年报助手：双击 nianbao.bat，或运行 %CD%\.venv\Scripts\nianbao
pause
exit /b 0
:nopython
echo 需要 Python 3.11 或更新版本，请先安装，见 README.txt。
pause
exit /b 1
:failed
echo 安装没有完成，请把上面的提示发给技术人员。
pause
exit /b 1
"""

START_BAT = r"""@echo off
"%~dp0.venv\Scripts\nianbao.exe" %*
"""

README = """年报助手 {version} 离线安装包
================================

本安装包含年报助手及其全部依赖，安装时不需要连接互联网，适用于：
{targets}
Python 版本：{pythons}

一、先安装 Python 3.11 或更新版本（本机已有则跳过）
  · Windows：使用 python.org 的安装程序（https://www.python.org/downloads/windows/ ，
    国内可从华为云镜像 https://mirrors.huaweicloud.com/python/ 下载同一安装程序），
    安装时勾选“Add python.exe to PATH”。可在有网的电脑下载后用 U 盘拷贝。
  · 统信 UOS、银河麒麟、openEuler、Debian/Ubuntu 等 Linux：用系统自带的软件包
    （如 sudo apt install python3 python3-venv，或 sudo dnf install python3），
    系统版本自带的 Python 低于 3.11 时请联系运维；软件源可用清华 https://mirrors.tuna.tsinghua.edu.cn/
    或单位内网镜像。
  · macOS（13 或更新版本）：使用 python.org 的安装程序。

二、安装年报助手
  · Windows：解压后双击 install.bat。
  · Linux、macOS：解压后在终端运行 sh install.sh
    （指定 Python：PYTHON=/usr/bin/python3.12 sh install.sh）。
  安装程序在本文件夹里建立 .venv，只从 wheels 文件夹安装。

三、使用
  · Windows：双击 nianbao.bat，或运行 .venv\\Scripts\\nianbao
  · Linux、macOS：运行 .venv/bin/nianbao
  试一试：.venv/bin/nianbao print 会话文件.json

locks 文件夹是各平台、各 Python 版本实际安装的版本清单，供技术人员核对。
"""


def write_installers(root: Path, version: str, targets: tuple[Target, ...], pythons: list[str]) -> None:
    (root / "install.sh").write_text(INSTALL_SH, encoding="utf-8", newline="\n")
    for name, text in (("install.bat", INSTALL_BAT), ("nianbao.bat", START_BAT)):
        (root / name).write_bytes(text.replace("\n", "\r\n").encode("gbk"))
    where = "\n".join(f"  · {t.name}" for t in targets)
    # A BOM so that old Notepad versions read it as UTF-8.
    readme = README.format(version=version, targets=where, pythons="、".join(pythons))
    (root / "README.txt").write_text(readme.replace("\n", "\r\n"), encoding="utf-8-sig", newline="")


def this_machine() -> tuple[tuple[Target, ...], tuple[str, ...]]:
    name = f"{sysconfig.get_platform().replace('-', '_').replace('.', '_')}"
    return (Target(f"this-machine-{name}", None, ()),), (f"{sys.version_info.major}.{sys.version_info.minor}",)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only-this-machine", action="store_true", help="this platform and Python only")
    parser.add_argument("--out", type=Path, default=REPO / "dist", help="the folder for the zip (default dist/)")
    parser.add_argument("--target", action="append", choices=[t.name for t in TARGETS], help="only these targets")
    parser.add_argument("--python", action="append", choices=PYTHONS, help="only these Python versions")
    args = parser.parse_args(argv)
    if args.only_this_machine:
        targets, pythons = this_machine()
    else:
        targets = tuple(t for t in TARGETS if not args.target or t.name in args.target)
        pythons = tuple(args.python or PYTHONS)
    try:
        build(args.out, targets, pythons)
    except BuildError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
