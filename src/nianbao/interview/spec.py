"""The interview as data: load prompts/*.yaml and check them against the model.

A broken prompts file is a PromptsError naming the file and the question.
"""

from __future__ import annotations

import fnmatch
from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from nianbao.interview import yamlfiles
from nianbao.interview.paths import all_leaf_paths
from nianbao.report import labels as L
from nianbao.resources import prompts_dir

Kind = Literal[
    "text", "paragraph", "list", "yes_no", "choice", "year", "count", "amount_wan", "row",
    "checklist", "contact", "labelled_counts", "counts", "outcomes", "t4_group",
]


class PromptsError(Exception):
    """prompts/ cannot be used; the message names the file and the question."""


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    short: str  # a few words for the review list and the task list
    kind: Kind
    ask: str
    help: str = ""
    example: str = ""
    fields: list[str] = Field(min_length=1)
    when: Optional[str] = None  # name of a condition in conditions.py
    options: Optional[str] = None  # name of an option set in kinds.py
    foreach: Optional[str] = None  # name of an instance generator in conditions.py
    optional: bool = False  # "无" is accepted and means empty
    value_kind: Literal["count", "amount_yuan"] = "count"  # for kind "row"
    suggest: Optional[Literal["previous_year"]] = None  # a default put in the answer box


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    title: str
    file: str = ""
    derived: list[str] = Field(default_factory=list)
    questions: list[Question]


class Interview(BaseModel):
    sections: list[Section]

    def question(self, qid: str) -> Question:
        return self._by_id()[qid]

    def section_of(self, qid: str) -> Section:
        for section in self.sections:
            if any(q.id == qid for q in section.questions):
                return section
        raise KeyError(qid)

    def _by_id(self) -> dict[str, Question]:
        return {q.id: q for s in self.sections for q in s.questions}


_EXPAND = {"@outcomes": L.T3_OUTCOME_KEYS}


@lru_cache(maxsize=1024)
def expand_field(pattern: str) -> tuple[str, ...]:
    """A field pattern ("table3.rows.new.*", "table3.rows.@outcomes.*") to the leaf paths it names."""
    leaves = all_leaf_paths()
    patterns = [pattern]
    for token, keys in _EXPAND.items():
        if token in pattern:
            patterns = [pattern.replace(token, key) for key in keys]
    found: list[str] = []
    for pat in patterns:
        hits = [leaf for leaf in leaves if fnmatch.fnmatchcase(leaf, pat) or leaf.startswith(pat + ".")]
        found += hits
    return tuple(found)


def load_interview(folder: Path | None = None) -> Interview:
    folder = folder or prompts_dir()
    files = yamlfiles.prompt_files(folder)
    if not files:
        raise PromptsError(f"问答配置文件夹 {folder} 中没有 .yaml 文件")
    sections = [_load_file(path) for path in files]
    interview = Interview(sections=sections)
    _check(interview)
    return interview


def _load_file(path: Path) -> Section:
    try:
        raw = yamlfiles.read(path)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else "格式"
        problem = getattr(exc, "problem", None) or "YAML 格式错误"
        raise PromptsError(f"问答配置 {path.name} 无法读取：{where}，{problem}") from None
    except UnicodeDecodeError:
        raise PromptsError(f"问答配置 {path.name} 不是 UTF-8 文本") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("section"), dict):
        raise PromptsError(f"问答配置 {path.name} 缺少 section（id、title）")
    questions = raw.get("questions") or []
    for i, q in enumerate(questions):
        try:
            Question.model_validate(q)
        except ValidationError as exc:
            first = exc.errors()[0]
            qid = q.get("id", f"第{i + 1}个问题") if isinstance(q, dict) else f"第{i + 1}个问题"
            where = ".".join(str(p) for p in first["loc"])
            raise PromptsError(f"问答配置 {path.name} 的问题 {qid}：{where} {first['msg']}") from None
    try:
        return Section(**raw["section"], file=path.name, derived=raw.get("derived") or [], questions=questions)
    except ValidationError as exc:
        raise PromptsError(f"问答配置 {path.name}：{exc.errors()[0]['msg']}") from None


def _check(interview: Interview) -> None:
    """Every question names real fields and known kinds/options; every fact is asked or derived."""
    from nianbao.interview import conditions, kinds  # late: they import this module's types

    leaves = all_leaf_paths()
    covered: set[str] = set()
    seen: set[str] = set()
    for section in interview.sections:
        for pattern in section.derived:
            hits = expand_field(pattern)
            if not hits:
                raise PromptsError(f"问答配置 {section.file} 的 derived：报告中没有“{pattern}”这一项")
            covered.update(hits)
        for q in section.questions:
            where = f"问答配置 {section.file} 的问题 {q.id}"
            if q.id in seen:
                raise PromptsError(f"{where}：id 重复")
            seen.add(q.id)
            for pattern in q.fields:
                hits = expand_field(pattern)
                if not hits:
                    raise PromptsError(f"{where}：报告中没有“{pattern}”这一项")
                covered.update(hits)
            if q.when and q.when not in conditions.CONDITIONS:
                raise PromptsError(f"{where}：未知的条件 when: {q.when}")
            if q.foreach and q.foreach not in conditions.INSTANCES:
                raise PromptsError(f"{where}：未知的 foreach: {q.foreach}")
            if q.options and q.options not in kinds.OPTION_SETS:
                raise PromptsError(f"{where}：未知的 options: {q.options}")
            if q.kind in kinds.NEEDS_OPTIONS and not q.options:
                raise PromptsError(f"{where}：{q.kind} 类问题需要 options")
    missing = [leaf for leaf in leaves if leaf not in covered]
    if missing:
        raise PromptsError("报告中这些项目既没有问题询问，也没有标为 derived：" + "、".join(missing[:8]))


@lru_cache(maxsize=1)
def default_interview() -> Interview:
    return load_interview()
