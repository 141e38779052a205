"""Synonyms for the label phrases of count answers ("企业" for 商业企业, "律所" for 法律服务机构):
data in prompts/synonyms.yaml, which an office can extend, validated when the interview loads.

Besides the file's words, the phrases that follow from the official labels (group headings, a
row's label with its group heading) are built here from report.labels, so that a renamed label
needs no second edit.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from nianbao.interview.errors import PromptsError
from nianbao.interview.yamlfiles import LOADER
from nianbao.report import labels as L
from nianbao.resources import prompts_dir

SYNONYMS_FILE = "synonyms.yaml"
# A phrase mapped to HEADING is recognised but names no cell (e.g. the group heading
# "（三）不予公开"): it stops "公开" inside it from being read as 予以公开.
HEADING = ""
HEADINGS_ENTRY = "headings"

# The items each group's words may name, by the option-set name its questions use.
ITEMS: dict[str, dict[str, str]] = {
    "t3_columns": dict(L.T3_COLUMNS),
    "t3_outcomes": {row.key: row.label for row in L.T3_ROWS},
    "t4_columns": dict(L.T4_COLUMNS),
    # Values of a row question named by words ("制发2件，废止1件"), by the field's last name.
    "row_values": {
        **L.T2_DOC_COLUMNS,
        **{key: L.T2_ROWS[key] for key in ("licensing", "penalty", "coercion")},
        "meetings": "专题会议次数",
        "trainings": "业务培训次数",
        "fee_notice_amount": "收费通知金额",
        "fees_collected": "实际收取金额",
    },
}


def _from_labels() -> dict[str, dict[str, str]]:
    t3_rows = {label: HEADING for label in L.T3_GROUPS.values() if label != L.T3_GROUPS["other_handling"]}
    # The row label with its group heading: "（三）不予公开 1.属于国家秘密".
    t3_rows.update({L.t3_row_full_label(row.key): row.key for row in L.T3_ROWS if row.group not in (None, "results")})
    t4 = {label: HEADING for label in L.T4_GROUPS.values()}
    t4[L.T4_LITIGATION] = HEADING
    return {
        "t3_columns": {L.T3_ORG_GROUP: HEADING, L.T3_APPLICANT: HEADING},
        "t3_outcomes": t3_rows,
        "t4_columns": t4,
        # A Table 2 row named before its values: "规章：制发1件，废止0件，现行有效12件".
        "row_values": {label: HEADING for label in (L.T2_ROWS["regulations"], L.T2_ROWS["normative_documents"], L.T2_DECISIONS)},
    }


def load_synonyms(folder: Path | None = None) -> dict[str, dict[str, str]]:
    """phrase -> item key (HEADING for a heading), by group; PromptsError when the file is broken."""
    path = (folder or prompts_dir()) / SYNONYMS_FILE
    found: dict[str, dict[str, str]] = {name: {} for name in ITEMS}
    if path.is_file():
        for name, words in _read(path).items():
            found[name].update(words)
    for name, words in _from_labels().items():
        found[name].update(words)
    return found


@lru_cache(maxsize=1)
def _default() -> dict[str, dict[str, str]]:
    return load_synonyms()


def synonyms_for(option_set: str) -> dict[str, str]:
    return _default().get(option_set, {})


def _read(path: Path) -> dict[str, dict[str, str]]:
    where = f"同义词文件 {path.name}"
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "YAML 格式错误"
        raise PromptsError(f"{where} 无法读取：{_at(mark) or '格式'}，{problem}") from None
    except UnicodeDecodeError:
        raise PromptsError(f"{where} 不是 UTF-8 文本") from None
    except OSError as exc:
        raise PromptsError(f"{where} 无法读取：{exc.strerror or exc}") from None
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise PromptsError(f"{where}（{_at(root.start_mark)}）：应按组写，组名为 {'、'.join(ITEMS)}")
    groups: dict[str, dict[str, str]] = {}
    for name_node, body in root.value:
        name = str(name_node.value)
        if name not in ITEMS:
            raise PromptsError(f"{where}（{_at(name_node.start_mark)}）：没有“{name}”这一组，可用的组：{'、'.join(ITEMS)}")
        if not isinstance(body, yaml.MappingNode):
            raise PromptsError(f"{where} 的 {name}（{_at(body.start_mark)}）：应写成“项目代号: [说法, …]”")
        groups[name] = _read_group(where, name, body)
    return groups


def _read_group(where: str, name: str, body: yaml.MappingNode) -> dict[str, str]:
    items = ITEMS[name]
    words: dict[str, str] = {}
    owner: dict[str, str] = {}
    for key_node, list_node in body.value:
        key = str(key_node.value)
        entry = f"{where} 的 {name}.{key}"
        if key != HEADINGS_ENTRY and key not in items:
            known = "、".join([*items, HEADINGS_ENTRY])
            raise PromptsError(f"{entry}（{_at(key_node.start_mark)}）：没有这个项目代号，可用的代号：{known}")
        if not isinstance(list_node, yaml.SequenceNode):
            raise PromptsError(f"{entry}（{_at(list_node.start_mark)}）：应写成方括号里的说法，例如 [企业, 公司]")
        for word_node in list_node.value:
            word = str(getattr(word_node, "value", "")).strip() if isinstance(word_node, yaml.ScalarNode) else ""
            if not word:
                raise PromptsError(f"{entry}（{_at(word_node.start_mark)}）：每个说法应是一段不空的文字")
            if word in owner:
                raise PromptsError(f"{entry}（{_at(word_node.start_mark)}）：“{word}”已写在 {name}.{owner[word]} 下，一个说法只能指一项")
            owner[word] = key
            words[word] = HEADING if key == HEADINGS_ENTRY else key
    return words


def _at(mark) -> str:
    return f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark is not None else ""
