"""Checking many files: one file read and checked (check_one), and a batch over N processes.

A reviewer checks dozens to thousands of reports; each is independent, so the batch spreads
them over processes (concurrent.futures) and hands back the results in the order given.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Union

from nianbao import store
from nianbao.importer import ReportImportError, report_suffixes
from nianbao.importer.forms import form_by_suffix
from nianbao.report import labels as L
from nianbao.report.findings import Finding
from nianbao.report.model import Report
from nianbao.rules import check_report


@dataclass
class Checked:
    """One file's result: what was read and what the rules found."""

    file: str
    report: Optional[Report]  # None once back from a worker process (see __getstate__)
    format: str
    year: Optional[int]
    findings: list[Finding]
    notes: list[str] = field(default_factory=list)
    session: bool = False
    unread_cells: int = 0  # cells that held something the importer could not read
    agency: str = ""
    tables: dict[str, Any] = field(default_factory=dict)  # tables_json(report)

    def __post_init__(self) -> None:
        if self.report is not None:
            self.agency = self.report.agency.name
            self.tables = tables_json(self.report)

    def __getstate__(self) -> dict:
        # Rebuilding a Report in the parent costs more than checking it took to send: a batch
        # needs only the agency and the tables, which are kept.
        return {**self.__dict__, "report": None}


def tables_json(report: Report) -> dict[str, Any]:
    """The three tables as lists of rows, as `check --json` gives them."""
    t2 = report.table2
    docs = [[getattr(getattr(t2, row), col) for col in L.T2_DOC_COLUMNS] for row in ("regulations", "normative_documents")]
    fee = None if t2.fees is None else float(t2.fees)
    return {
        "表二": [*docs, [t2.licensing], [t2.penalty], [t2.coercion], [fee]],
        "表三": [list(report.table3.rows[key]) for key in L.T3_ROW_KEYS],
        "表四": report.table4.values(),
    }


class Unusable(Exception):
    """A file that cannot be checked; the message is the Chinese line to print."""

    def __init__(self, file: str, message: str):
        super().__init__(file, message)  # args survive pickling back from a worker process
        self.file, self.message = file, message

    def __str__(self) -> str:
        return self.message


@dataclass
class LastYear:
    report: Report
    text: Optional[str]


Result = Union[Checked, Unusable]


def is_published(name: str, data_dir: Optional[Path] = None) -> bool:
    """A published report (imported), not a session (loaded): by its suffix, or any existing
    file that is not .json (a report saved as .md or without a suffix is still read) unless a
    saved session has that name (a file `lilin` beside the user does not hide session lilin)."""
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix in report_suffixes():
        return True
    return suffix != store.SUFFIX and path.is_file() and store.resolve(name, data_dir) == path


def check_one(name: str, last_year: Optional[LastYear] = None, data_dir: Optional[Path] = None) -> Checked:
    """Read and check one file. Raises Unusable with the Chinese reason."""
    last = last_year.report if last_year else None
    last_text = last_year.text if last_year else None
    if is_published(name, data_dir):
        from nianbao.importer import import_path

        try:
            imported = import_path(name)
            findings = check_report(
                imported.report,
                last_year=last,
                text=imported.text,
                format=imported.format,
                sections=imported.sections,
                last_year_text=last_text,
                unread=imported.unread,
                old_layouts=imported.old_layouts,
                absent=imported.absent,
            )
        except ReportImportError as exc:
            raise Unusable(name, str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - a program defect must not stop a batch of files
            raise Unusable(name, f"{name}：读取或检查时程序出错（{type(exc).__name__}），请把这份文件反馈给开发者。") from None
        return Checked(
            name, imported.report, imported.format, imported.year, findings, list(imported.notes),
            unread_cells=unread_cells(imported.report, imported.unread),
        )
    try:
        session = store.load(store.resolve(name, data_dir))
    except store.SessionError as exc:
        raise Unusable(name, str(exc)) from None
    from nianbao.services.checking import check_session

    findings = check_session(session, last_year=last, last_year_text=last_text).findings
    return Checked(name, session.report, "2021", session.report.year, findings, session=True)


def unread_cells(report: Report, unread: set[str] | frozenset[str]) -> int:
    """How many cells of the parts the importer could not read (ImportedReport.unread) are empty."""
    count = 0
    for part in unread:
        table, _, row = part.partition(".")
        if table == "table2":
            value = getattr(report.table2, row, None)
            values = list(value.model_dump().values()) if hasattr(value, "model_dump") else [value]
        elif table == "table3":
            values = report.table3.rows.get(row, [])
        else:
            values = report.table4.values()
        count += sum(v is None for v in values)
    return count


def default_jobs() -> int:
    """The cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


# Starting a process costs about as much as checking a few dozen reports: fewer than this many
# files per process are checked here.
MIN_FILES_PER_PROCESS = 16


def check_many(
    names: list[str],
    last_year: Optional[LastYear] = None,
    data_dir: Optional[Path] = None,
    jobs: int = 1,
    on_result: Optional[Callable[[Result], None]] = None,
) -> list[Result]:
    """Every file checked, results in the order of `names`; `jobs` processes at most."""
    results: list[Result] = []
    for result in _results(names, last_year, data_dir, jobs):
        results.append(result)
        if on_result:
            on_result(result)
    return results


def _results(names: list[str], last_year, data_dir, jobs: int) -> Iterator[Result]:
    jobs = min(jobs, len(names) // MIN_FILES_PER_PROCESS)
    if jobs <= 1:
        for name in names:
            yield _checked_or_unusable(name, last_year, data_dir)
        return
    # The first file here, and every input form's extractor loaded: the lazy imports and
    # compiled patterns are then inherited by the workers where processes are forked, instead
    # of being redone in each.
    for suffix in {Path(name).suffix.lower() for name in names if is_published(name, data_dir)}:
        form_by_suffix(suffix).load_extractor()
    yield _checked_or_unusable(names[0], last_year, data_dir)
    rest = names[1:]
    chunk = max(1, min(64, len(rest) // (jobs * 8)))
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(last_year, data_dir)) as pool:
            for result in pool.map(_check_in_worker, rest, chunksize=chunk):
                done += 1
                yield result
    except (OSError, BrokenProcessPool):
        # Processes could not be started, or one died (out of memory, a locked-down machine):
        # the rest are checked here, none is dropped.
        for name in rest[done:]:
            yield _checked_or_unusable(name, last_year, data_dir)


def _checked_or_unusable(name: str, last_year, data_dir) -> Result:
    try:
        return check_one(name, last_year, data_dir)
    except Unusable as exc:
        return exc


_worker_args: tuple = (None, None)


def _start_worker(last_year, data_dir) -> None:
    global _worker_args
    _worker_args = (last_year, data_dir)


def _check_in_worker(name: str) -> Result:
    return _checked_or_unusable(name, *_worker_args)
