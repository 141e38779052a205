"""The input forms a published report comes in, and how a file picks one: the one map.

Light on purpose (`check` reads it at start-up): a form names its extractor as "module:function",
loaded only when a file of that form is read. An extractor takes (data, file name) and returns
the report's text, tables as tab-separated cells; it raises ReportImportError with the Chinese
reason. A file's content decides before its name (a .doc that is a docx is read as docx).
To add a form: one entry here and its extractor module.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Callable

MiB = 1024 * 1024


@dataclass(frozen=True)
class InputForm:
    name: str
    title: str  # shown to the user, in Chinese
    suffixes: tuple[str, ...]
    extractor: str  # "module:function", function(data: bytes, file: str) -> str
    magic: tuple[bytes, ...] = ()  # how the content starts, whatever the file is called
    max_bytes: int = 20 * MiB  # a report is tens of kilobytes; a web page with it a few megabytes
    needs_office: bool = False  # read through LibreOffice on this machine

    def load_extractor(self) -> Callable[[bytes, str], str]:
        module, _, function = self.extractor.partition(":")
        return getattr(import_module(module), function)


_BINARY_MAX = 100 * MiB  # fonts and images make binary documents large
INPUT_FORMS: dict[str, InputForm] = {
    f.name: f
    for f in (
        InputForm("docx", "Word 文档", (".docx",), "nianbao.importer.extraction.docx_text:docx_to_text", (b"PK\x03\x04",), _BINARY_MAX),
        InputForm("pdf", "PDF", (".pdf",), "nianbao.importer.extraction.pdf_text:pdf_to_text", (b"%PDF-",), _BINARY_MAX),
        InputForm(
            "office",
            "旧版 Word / WPS 文档",
            (".doc", ".wps"),
            "nianbao.importer.extraction.office_convert:office_to_text",
            (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),  # OLE: .doc and .wps whatever their name
            _BINARY_MAX,
            needs_office=True,
        ),
        InputForm("html", "网页", (".html", ".htm", ".shtml", ".xhtml"), "nianbao.importer.extraction.html_text:html_bytes_to_text"),
        InputForm("text", "纯文本", (".txt", ".text"), "nianbao.importer.extraction.html_text:text_bytes_to_text"),
    )
}
DEFAULT_FORM = "text"  # a file with another suffix is read as text (an HTML page inside is noticed)


def report_suffixes() -> tuple[str, ...]:
    """Every suffix a published report may have (a folder given to `check` is searched for them)."""
    return tuple(suffix for form in INPUT_FORMS.values() for suffix in form.suffixes)


def form_for(data: bytes, suffix: str) -> InputForm:
    """The form of a file: by its first bytes, else by its suffix, else text."""
    for form in INPUT_FORMS.values():
        if any(data.startswith(magic) for magic in form.magic):
            return form
    return form_by_suffix(suffix)


def form_by_suffix(suffix: str) -> InputForm:
    suffix = suffix.lower()
    for form in INPUT_FORMS.values():
        if suffix in form.suffixes:
            return form
    return INPUT_FORMS[DEFAULT_FORM]
