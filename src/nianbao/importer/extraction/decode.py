"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, else a best guess."""

from __future__ import annotations

import codecs

from nianbao.importer.errors import ReportImportError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A sample is enough for charset detection; the whole file would be slow for large inputs.
_SAMPLE = 64 * 1024
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: an image, a PDF, an old .doc, a zip..."""
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * 0.05


def decode_bytes(data: bytes, name: str = "") -> str:
    """Decode a text or HTML file. Raises ReportImportError for binary content."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    if looks_binary(data):
        raise ReportImportError(f"{name}：不是文本文件（可能是图片、PDF 或旧版 .doc），无法读取。")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # GB18030 is a superset of GBK and GB2312, the encodings Chinese government sites use.
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    return _best_guess(data, name)


def _best_guess(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    match = from_bytes(data[:_SAMPLE]).best()
    if match is None or match.encoding is None:
        raise ReportImportError(f"{name}：无法识别文件的文字编码，请另存为 UTF-8 文本后再试。")
    return data.decode(match.encoding, errors="replace")
