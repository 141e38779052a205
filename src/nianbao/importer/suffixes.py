"""Which files are published reports, by suffix (light: the check command needs it at start)."""

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
DOCX_SUFFIXES = (".docx",)
PDF_SUFFIXES = (".pdf",)
OFFICE_SUFFIXES = (".doc", ".wps")  # converted to .docx by LibreOffice
REPORT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + DOCX_SUFFIXES + PDF_SUFFIXES + OFFICE_SUFFIXES
