"""Read published reports (every input form of forms.py; 2021 and 2019 formats) into the report model.

    from nianbao.importer import import_path, ReportImportError
    imported = import_path("report.html")   # ImportedReport: report, text, format, sections, notes

The reader is loaded on first use, so commands that never import a report start faster.
"""

from nianbao.importer.errors import ReportImportError
from nianbao.importer.forms import report_suffixes

_LAZY = {
    "ImportedReport": "nianbao.importer.result",
    "import_bytes": "nianbao.importer.reader",
    "import_path": "nianbao.importer.reader",
    "import_text": "nianbao.importer.reader",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["ImportedReport", "ReportImportError", "report_suffixes", "import_bytes", "import_path", "import_text"]
