"""Loading prompts/: the section files, checked against the model, the kinds and the synonyms.

A broken prompts file is a PromptsError naming the file and the question.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from nianbao.interview import conditions, yamlfiles
from nianbao.interview.errors import PromptsError
from nianbao.interview.fields import expand_field
from nianbao.interview.kinds import KINDS
from nianbao.interview.kinds.options import OPTION_SETS
from nianbao.interview.paths import all_leaf_paths
from nianbao.interview.spec import Interview, Question, Section
from nianbao.interview.synonyms import load_synonyms
from nianbao.resources import prompts_dir

__all__ = ["PromptsError", "default_interview", "load_interview"]


def load_interview(folder: Path | None = None) -> Interview:
    folder = folder or prompts_dir()
    files = yamlfiles.prompt_files(folder)
    if not files:
        raise PromptsError(f"问答配置文件夹 {folder} 中没有 .yaml 文件")
    sections = [_load_file(path) for path in files]
    interview = Interview(sections=sections)
    _check(interview)
    load_synonyms(folder)  # a broken synonyms file is reported now, not at the first count answered
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
            if q.options and q.options not in OPTION_SETS:
                raise PromptsError(f"{where}：未知的 options: {q.options}")
            if q.kind not in KINDS:
                raise PromptsError(f"{where}：未知的回答类型 kind: {q.kind}（可用的类型：{'、'.join(KINDS)}）")
            if KINDS[q.kind].needs_options and not q.options:
                raise PromptsError(f"{where}：{q.kind} 类问题需要 options")
    missing = [leaf for leaf in leaves if leaf not in covered]
    if missing:
        raise PromptsError("报告中这些项目既没有问题询问，也没有标为 derived：" + "、".join(missing[:8]))


@lru_cache(maxsize=1)
def default_interview() -> Interview:
    return load_interview()
