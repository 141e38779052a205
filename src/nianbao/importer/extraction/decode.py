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
    text = _utf8_with_a_few_bad_bytes(data)
    if text is not None:
        return text
    try:
        # GB18030 is a superset of GBK and GB2312, the encodings Chinese government sites use.
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    return _best_guess(data, name)


# A UTF-8 file damaged in a few places (one byte lost in a copy, a file cut mid-character) is
# still UTF-8: at most one bad place per this many good non-ASCII characters. GB18030 text read
# as UTF-8 has almost no good multi-byte characters, so it never passes.
_GOOD_PER_BAD = 100
_REPLACED = "\ufffd"


def _utf8_with_a_few_bad_bytes(data: bytes) -> str | None:
    """The text with each bad byte sequence replaced by U+FFFD (import_text notes them), or None
    when the file is not UTF-8 at all."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count(_REPLACED) - data.count(_REPLACED.encode("utf-8"))  # one per bad byte at most
    good = sum(1 for char in text if char > "\x7f") - text.count(_REPLACED)
    return text if 0 < bad and bad * _GOOD_PER_BAD <= good else None


def _best_guess(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    match = from_bytes(data[:_SAMPLE]).best()
    if match is None or match.encoding is None:
        raise ReportImportError(f"{name}：无法识别文件的文字编码，请另存为 UTF-8 文本后再试。")
    return data.decode(match.encoding, errors="replace")
