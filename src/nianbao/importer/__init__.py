"""Read published reports (txt, html, docx; 2021 and 2019 formats) into the report model.

    from nianbao.importer import import_path, ReportImportError
    imported = import_path("report.html")   # ImportedReport: report, text, format, sections, notes
"""

from nianbao.importer.errors import ReportImportError
from nianbao.importer.reader import REPORT_SUFFIXES, import_bytes, import_path, import_text
from nianbao.importer.result import ImportedReport

__all__ = [
    "ImportedReport",
    "ReportImportError",
    "REPORT_SUFFIXES",
    "import_bytes",
    "import_path",
    "import_text",
]
