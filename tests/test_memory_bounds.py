"""Issue 13, item 9: memory without bounds. A docx of millions of empty paragraphs (206 KB
zipped) and a YAML alias bomb given to --answers, each run as a real `nianbao` process under
a 1 GB address-space limit: a Chinese message, never MemoryError."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document

pytestmark = pytest.mark.skipif(os.name != "posix", reason="RLIMIT_AS is POSIX")
ONE_GB = 1 << 30


def _limited(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`nianbao ARGS` under a 1 GB address-space limit."""
    code = (
        "import resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({ONE_GB}, {ONE_GB}))\n"
        "from nianbao.launch import main\n"
        f"sys.argv = ['nianbao'] + {args!r}\n"
        "main()\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        env=dict(os.environ, PYTHONIOENCODING="utf-8", **(env or {})),
    )


def _empty_paragraphs_docx(path: Path, count: int) -> None:
    buffer = io.BytesIO()
    Document().save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                head, tail = data.split(b"<w:body>", 1)
                data = head + b"<w:body>" + b"<w:p/>" * count + tail
            out.writestr(item, data)


def test_a_docx_of_two_million_empty_paragraphs_is_refused_within_1_gb(tmp_path):
    path = tmp_path / "empty.docx"
    _empty_paragraphs_docx(path, 2_000_000)
    assert path.stat().st_size < 300_000
    result = _limited(["check", str(path)])
    assert result.returncode == 2, result.stderr[-2000:]
    assert "MemoryError" not in result.stderr and "Traceback" not in result.stderr
    assert "超过 100,000 个段落" in result.stderr and str(path) in result.stderr


def test_a_docx_of_ordinary_size_is_still_read(tmp_path):
    document = Document()
    document.add_paragraph("某镇人民政府2021年政府信息公开工作年度报告")
    for _ in range(2000):
        document.add_paragraph("")
    path = tmp_path / "ok.docx"
    document.save(path)
    result = _limited(["check", str(path)])
    assert "不像是一份年报" not in result.stderr and "Traceback" not in result.stderr


def test_a_yaml_alias_bomb_is_refused_within_1_gb(tmp_path):
    lines = ['a: &a ["哈","哈","哈","哈","哈","哈","哈","哈","哈"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert bomb.stat().st_size < 600
    result = _limited(["--data-dir", str(tmp_path / "data"), "new", "--answers", str(bomb), "--name", "x"])
    assert result.returncode == 2
    assert "MemoryError" not in result.stderr and "Traceback" not in result.stderr
    assert "别名" in result.stderr
    assert not (tmp_path / "data" / "sessions" / "x.json").exists()
