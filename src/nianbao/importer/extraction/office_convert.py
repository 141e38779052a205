"""Old Word (.doc) and WPS (.wps) files to .docx, by LibreOffice headless, for docx_text.py.

Each conversion runs in a temporary folder (removed afterwards, whatever happens) with its own
LibreOffice profile and a timeout: render/pdf.py's helpers, shared with the PDF export.
A .wps from WPS 文字 is a Word-compatible binary file: it is handed to LibreOffice named .doc,
so that LibreOffice reads it with its Word filter (its .wps filter is for Microsoft Works).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from nianbao.importer.errors import ReportImportError

# Old Word, WPS and other OLE compound files start with this; so does RTF with "{\rtf".
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF_MAGIC = b"{\\rtf"
TIMEOUT = 120.0  # seconds; a fresh profile's first start alone takes a few
_KINDS = {".doc": "旧版 Word（.doc）", ".wps": "WPS（.wps）"}


def kind_name(suffix: str) -> str:
    return _KINDS.get(suffix, "Word/WPS")


def office_to_docx(data: bytes, suffix: str, name: str = "") -> bytes:
    """The .docx LibreOffice makes of a .doc/.wps file. Raises ReportImportError (Chinese)."""
    from nianbao.render.pdf import OfficeFailed, convert_with_office, find_office

    kind = kind_name(suffix)
    if not (data.startswith(OLE_MAGIC) or data.startswith(RTF_MAGIC)):
        raise ReportImportError(f"{name}：不是有效的{kind}文件，无法读取。如能打开，请在 Word/WPS 中另存为 .docx 后再试。")
    office = find_office()
    if office is None:
        raise ReportImportError(
            f"{name}：读取{kind}文件需要 LibreOffice，本机未找到。请安装 LibreOffice"
            "（Debian/Ubuntu：apt-get install libreoffice-writer；Windows：从 libreoffice.org 下载安装），"
            "或在 Word/WPS 中另存为 .docx 后再试。"
        )
    with tempfile.TemporaryDirectory(prefix="nianbao-doc-") as tmp:
        source = Path(tmp) / ("report.rtf" if data.startswith(RTF_MAGIC) else "report.doc")
        source.write_bytes(data)
        try:
            result = convert_with_office(source, Path(tmp), office, "docx:MS Word 2007 XML", TIMEOUT)
            return result.read_bytes()
        except OSError as exc:
            raise ReportImportError(f"{name}：无法启动 LibreOffice（{office}）：{exc.strerror or exc}") from None
        except subprocess.TimeoutExpired:
            raise ReportImportError(
                f"{name}：LibreOffice 转换{kind}文件超时（{TIMEOUT:.0f} 秒），已停止。文件可能已损坏，"
                "请在 Word/WPS 中另存为 .docx 后再试。"
            ) from None
        except OfficeFailed:
            raise ReportImportError(
                f"{name}：LibreOffice 无法打开这个{kind}文件（可能已损坏或设有密码），请在 Word/WPS 中另存为 .docx 后再试。"
            ) from None


def office_to_text(data: bytes, name: str = "") -> str:
    """The "office" input form's extractor (.doc, .wps, OLE files): through LibreOffice, except
    for a web page or text saved as .doc, which is read as the text it is."""
    from nianbao.importer.extraction.decode import decode_bytes
    from nianbao.importer.extraction.docx_text import docx_to_text
    from nianbao.importer.extraction.html_text import text_bytes_to_text

    if not (data.startswith(OLE_MAGIC) or data.startswith(RTF_MAGIC)):
        try:
            decode_bytes(data)
        except ReportImportError:
            pass  # binary: office_to_docx says what it is not
        else:
            return text_bytes_to_text(data, name)
    return docx_to_text(office_to_docx(data, Path(name).suffix.lower(), name), name)
