"""The interview engine: next question, answer, back/edit, jump, progress, review.

No Textual here: the TUI, the plain line mode and the answers-file mode all drive this class.
The report is rebuilt from the base report plus every applicable answer, in outline order, after
each change; so back/edit keeps every answer and re-derives what depends on an edited one.
"""

from __future__ import annotations

from dataclasses import dataclass

from pathlib import Path
from typing import Any, Callable, Optional

from nianbao import store
from nianbao.chinese.normalize import hidden_note, strip_hidden
from nianbao.interview.conditions import CONDITIONS, INSTANCES, Instance, WalkState
from nianbao.interview.errors import AnswerError
from nianbao.interview.derive import derive
from nianbao.interview.kinds import apply_answer, describe_value, fields_of, kind_of, parse_answer, show_value
from nianbao.interview.kinds.options import OPTION_SETS
from nianbao.interview.prompts import default_interview
from nianbao.interview.spec import Interview, Question, Section
from nianbao.interview import cells
from nianbao.interview.cells import CELL_PREFIX  # noqa: F401  (re-exported)
from nianbao.interview.reply import Reply
from nianbao.interview.together import answer_together
from nianbao.render.outputs import draft_text_or_none
from nianbao.interview.status import DONE, HAS_PROBLEM, IN_PROGRESS, NOT_STARTED, SectionProgress  # noqa: F401  (re-exported)
from nianbao.report.fieldnames import describe_path
from nianbao.report.findings import Finding
from nianbao.report.model import Report
from nianbao.rules import check_report
from nianbao.session import Session, reporting_year

# Answers keyed "cell:<path>" are edits made in the table grid; they are applied last.

# Which section a table's findings belong to.
_TABLE_SECTION = {"表二": "active", "表三": "requests", "表四": "appeals"}


@dataclass
class Step:
    """One question as asked: a question, or one instance of a repeating question."""

    question: Question
    section: Section
    instance: Optional[Instance] = None
    raw: Optional[str] = None  # the answer as typed
    answered: bool = False
    problem: Optional[str] = None  # a rule the accepted answer still breaks (re-asked)
    carried: bool = False  # prefilled from last year, not yet confirmed
    suggestion: str = ""  # text to put in the answer box (last answer, or the current value)

    @property
    def id(self) -> str:
        return self.question.id if self.instance is None else f"{self.question.id}.{self.instance.key}"

    @property
    def pending(self) -> bool:
        return not self.answered or self.problem is not None or self.carried

    @property
    def short(self) -> str:
        if self.instance is None:
            return self.question.short
        label = next(iter(self.instance.words.values()))
        return f"{self.question.short}·{label}"


@dataclass
class ReviewRow:
    section: str
    step_id: str
    label: str
    answer: str
    problem: Optional[str]
    carried: bool = False  # prefilled from last year, not yet confirmed
    understood: str = ""  # the value read from the answer, as said back; "" to show the answer


class Engine:
    def __init__(
        self,
        session: Session,
        path: Optional[Path] = None,
        interview: Optional[Interview] = None,
        on_save: Optional[Callable[[Session], None]] = None,
    ):
        self.session = session
        self.path = Path(path) if path else None
        self.interview = interview or default_interview()
        self.on_save = on_save
        if session.interview.base is None:
            session.interview.base = session.report.model_copy(deep=True)
        self.steps: list[Step] = []
        self.findings: list[Finding] = []
        self.save_error: Optional[str] = None  # why the last autosave failed (disk full, no permission)
        self._notes: dict[str, list[str]] = {}
        self._confirming_no: Optional[str] = None  # the gate whose "no" would zero grid edits, asked once
        self.replay()

    # --- building ------------------------------------------------------------------------------
    def replay(self) -> None:
        """Rebuild the report and the list of steps from the base report and the answers."""
        answers = self.session.interview.answers
        base = self.session.interview.base or Report()
        state = WalkState(session=self.session, report=base.model_copy(deep=True))
        carried = set(self.session.carried_over)
        steps: list[Step] = []
        asked: set[str] = set()
        self._notes = {}
        for section in self.interview.sections:
            for q in section.questions:
                if q.when and not CONDITIONS[q.when](state):
                    continue
                asked.add(q.id)
                instances = INSTANCES[q.foreach](state) if q.foreach else [None]
                for inst in instances:
                    step = Step(q, section, inst)
                    steps.append(step)
                    self._apply_step(state, step, answers.get(step.id), carried)
        derive(state, asked)
        cells.apply_cell_edits(self.session.interview.answers, state.report)
        self.session.report = state.report
        self.steps = steps
        self.findings = check_report(state.report, last_year=self.session.last_year, render=draft_text_or_none)
        empty = Report()
        for step in steps:
            if step.raw is None:
                step.suggestion = _suggestion(state.report, empty, step)

    def _apply_step(self, state: WalkState, step: Step, raw: Optional[str], carried: set[str]) -> None:
        q, inst = step.question, step.instance
        step.carried = _holds_values(q) and any(_covers(p, leaf) for p in carried for leaf in fields_of(q, inst))
        if raw is None:
            return
        step.raw = raw
        step.suggestion = raw
        try:
            value = parse_answer(raw, q, inst)
            self._notes[step.id] = apply_answer(state, q, inst, value)
        except AnswerError as exc:
            step.problem = str(exc)
            step.answered = True
            return
        state.values[step.id] = value
        step.answered = True
        step.problem = kind_of(q).problem_after(state.report, q, inst)

    # --- the grid's cells (interview/cells.py) ---------------------------------------------------
    def set_cell(self, path: str, text: str) -> Reply:
        """Edit one table cell directly (the grid). Checks run at once, like any answer."""
        return cells.set_cell(self, path, text)

    def recompute_totals(self, path: str) -> Reply:
        """Set the 总计 cells a grid cell is part of to the sum of their parts."""
        return cells.recompute_totals(self, path)

    def stale_totals(self, path: str) -> list[str]:
        return cells.stale_totals(self.session.report, path)

    # --- asking --------------------------------------------------------------------------------
    def current(self) -> Optional[Step]:
        position = self.session.interview.position
        if position:
            for step in self.steps:
                if step.id == position:
                    return step
        return next((s for s in self.steps if s.pending), None)

    def ask_text(self, step: Step) -> str:
        words: dict[str, Any] = dict(step.instance.words) if step.instance else {}
        if "{last_year_problems}" in step.question.ask:
            known = self.session.last_year.problems.problems if self.session.last_year else []
            # Quoted when last year's report is loaded; asked all the same when it is not.
            words["last_year_problems"] = f"：{'；'.join(known)}。" if known else "，"
        return step.question.ask.format(**words) if words else step.question.ask

    def prompt_text(self, step: Step) -> str:
        """The question as the assistant asks it, with numbered options for a choice."""
        text = self.ask_text(step)
        q = step.question
        if kind_of(q).lists_options:
            options = OPTION_SETS[q.options or ""]
            text += "\n" + "\n".join(f"  {i}. {label}" for i, label in enumerate(options.values(), 1))
        return text

    @property
    def finished(self) -> bool:
        return self.current() is None

    # --- answering -----------------------------------------------------------------------------
    def answer(self, text: str) -> Reply:
        step = self.current()
        if step is None:
            return Reply(False, "问答已全部完成，可以查看、检查和导出报告。")
        text, hidden = strip_hidden(text)  # nothing typed or pasted may drive the terminal
        reply = self._answer(step, text)
        if hidden:
            reply.message += hidden_note(hidden)
        return reply

    def _answer(self, step: Step, text: str) -> Reply:
        try:
            parse_answer(text, step.question, step.instance)
        except AnswerError as exc:
            try:
                together = answer_together(self, step, text)
            except AnswerError as refused:
                exc, together = refused, None
            return together if together is not None else Reply(False, f"{step.question.short}：{exc}")
        edited = cells.edits_a_no_would_zero(self.session.interview.answers, step, text)
        if edited and self._confirming_no != step.id:
            self._confirming_no = step.id
            listed = "、".join(f"{describe_path(tuple(path.split('.')))} {raw.strip()}" for path, raw in edited)
            return Reply(
                False,
                f"{step.question.short}：表里已有{listed}，确定没有吗？"
                "确定请再答一次“没有”（这些数字将改为 0）；不是就答“有”。",
            )
        self._confirming_no = None
        for path, _ in edited:  # confirmed: the gate's zeros stand, the grid's numbers go
            del self.session.interview.answers[CELL_PREFIX + path]
        before = {(f.rule, f.where, f.message) for f in self.findings}
        self.session.interview.answers[step.id] = text
        confirmed = fields_of(step.question, step.instance) if _holds_values(step.question) else []
        self.session.carried_over = [
            p for p in self.session.carried_over if not any(_covers(p, leaf) for leaf in confirmed)
        ]
        self.session.interview.position = None
        self.replay()
        done = self._step(step.id)
        new_findings = [f for f in self.findings if (f.rule, f.where, f.message) not in before]
        self.session.interview.finished = self.finished
        self.save()
        if self.save_error:
            return Reply(True, self.save_error, problem=True, findings=new_findings)
        if done is not None and done.problem:
            return Reply(True, done.problem, problem=True, findings=new_findings)
        message = _acknowledge(self.session.report, done or step, "".join(self._notes.get(step.id, [])))
        relevant = [
            f for f in new_findings if not f.incomplete and _section_of(f) in (None, step.section.id)
        ]
        if relevant:
            message += " " + " ".join(f"（{f.rule}）{f.message}" for f in relevant)
        return Reply(True, message, findings=relevant)

    def _step(self, step_id: str) -> Optional[Step]:
        return next((s for s in self.steps if s.id == step_id), None)

    def save(self) -> bool:
        """Autosave. A failure is reported (save_error), never raised: the answers stay in memory,
        a copy is saved elsewhere if any folder takes it, and the next save writes them all once
        the disk or the folder allows it. Returns whether the session file holds every answer."""
        if self.path is not None:
            try:
                store.save(self.session, self.path)
            except OSError as exc:
                self.save_error = self._save_failed(exc)
            else:
                self.save_error = None
        if self.on_save:
            self.on_save(self.session)
        return self.save_error is None

    def _save_failed(self, exc: OSError) -> str:
        reason = exc.strerror or str(exc) or type(exc).__name__
        said = f"自动保存失败：{self.path}（{reason}），回答未保存到会话文件。"
        rescued = store.save_elsewhere(self.session.model_copy(deep=True), self.path)
        if rescued is not None:
            return said + f"已另存一份到 {rescued}（可用 nianbao resume {rescued} 继续）。请检查磁盘空间或文件夹权限，之后的回答会一并保存。"
        return said + "另存到其他位置也失败了。请先释放磁盘空间或检查文件夹权限，再保存（Ctrl+S），否则退出后这些回答会丢失。"

    # --- moving --------------------------------------------------------------------------------
    def back(self) -> Optional[Step]:
        """Go to the question before the current one; every answer is kept. None when the
        current question is the first: there is nothing to go back to."""
        current = self.current()
        index = self.steps.index(current) if current else len(self.steps)
        if index == 0:
            return None
        target = self.steps[index - 1]
        self.session.interview.position = target.id
        self.save()
        return target

    def goto(self, step_id: str) -> Optional[Step]:
        step = self._step(step_id)
        if step is None:
            return None
        self.session.interview.position = step.id
        self.save()
        return step

    def jump(self, section_id: str) -> Optional[Step]:
        """Go to a section: its first unanswered question, or its first question."""
        in_section = [s for s in self.steps if s.section.id == section_id]
        if not in_section:
            return None
        target = next((s for s in in_section if s.pending), in_section[0])
        return self.goto(target.id)

    def resume_flow(self) -> None:
        """Leave an edited question: continue with the first unanswered one."""
        self.session.interview.position = None
        self.save()

    # --- overview ------------------------------------------------------------------------------
    def progress(self) -> list[SectionProgress]:
        out = []
        error_sections = {_section_of(f) for f in self.findings if f.is_error and not f.incomplete}
        for section in self.interview.sections:
            steps = [s for s in self.steps if s.section.id == section.id]
            answered = sum(1 for s in steps if s.answered and not s.carried)
            if any(s.problem for s in steps) or (section.id in error_sections and answered):
                status = HAS_PROBLEM
            elif steps and all(not s.pending for s in steps):
                status = DONE
            elif answered:
                status = IN_PROGRESS
            else:
                status = NOT_STARTED
            out.append(SectionProgress(section.id, section.title, status, answered, len(steps)))
        return out

    def review(self) -> list[ReviewRow]:
        rows = [
            ReviewRow(
                s.section.title,
                s.id,
                s.short,
                s.raw if s.raw is not None else (s.suggestion if s.carried else "（未答）"),
                s.problem,
                s.carried,
                self._understood(s),
            )
            for s in self.steps
        ]
        for key, raw in self.session.interview.answers.items():
            if key.startswith(CELL_PREFIX):
                rows.append(ReviewRow("表格修改", key, describe_path(tuple(key[len(CELL_PREFIX):].split("."))), raw, None))
        return rows

    def _understood(self, step: Step) -> str:
        """What the review shows of an answer: the value read from it (县级部门, the checklist's
        items by name), as said back when it was accepted; the answer as typed for a gate, for an
        answer a rule still rejects, and for one not read at all."""
        if step.raw is None and not step.carried or step.problem or not _holds_values(step.question):
            return ""
        return describe_value(self.session.report, step.question, step.instance)

    @property
    def answer_count(self) -> int:
        return sum(1 for s in self.steps if s.answered)


def _holds_values(q: Question) -> bool:
    """Whether a question's answer is the value of its fields. A yes/no gate only guards them
    (its "no" fills zeros), so it neither shows nor confirms values carried over."""
    return kind_of(q).holds_values


def _covers(path: str, leaf: str) -> bool:
    """A carried-over path names a leaf, or a whole part ("table3.rows.carried_in") above it."""
    return leaf == path or leaf.startswith(path + ".")


def _acknowledge(report: Report, step: Step, notes: str) -> str:
    """Say back everything that was understood (never cut), so a misread answer is caught at
    once, then what was filled in for the clerk (`notes`: a total computed, zeros of a "no")."""
    understood = describe_value(report, step.question, step.instance).replace("\n", "；")
    if not kind_of(step.question).holds_values:
        understood = ""  # a gate: the note of apply_answer says what "no" filled in
    said = " ".join(part for part in (f"已记下：{understood}。" if understood else "", notes) if part)
    return said or "好的，已记下。"


def _suggestion(report: Report, empty: Report, step: Step) -> str:
    """What to put in the answer box of an unanswered question: a value the report already holds
    (prefilled or imported), never a bare model default; else the question's own suggestion."""
    current = show_value(report, step.question, step.instance)
    if current and current != show_value(empty, step.question, step.instance):
        return current
    return SUGGESTIONS[step.question.suggest]() if step.question.suggest else ""


SUGGESTIONS = {"reporting_year": lambda: str(reporting_year())}


def _section_of(f: Finding) -> Optional[str]:
    if f.table in _TABLE_SECTION:
        return _TABLE_SECTION[f.table]
    return f.section
