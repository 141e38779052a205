"""The one exception the importer raises: a file that cannot be read as a report at all."""

from __future__ import annotations


class ReportImportError(Exception):
    """A published report that cannot be used (binary, empty, damaged, too large...).

    The message is Chinese and names the file; the CLI prints it as is.
    """
