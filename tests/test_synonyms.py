"""prompts/synonyms.yaml: the words count answers understand besides the official labels."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nianbao.interview import synonyms as S
from nianbao.interview.errors import PromptsError
from nianbao.interview.prompts import load_interview
from nianbao.resources import prompts_dir


@pytest.fixture
def prompts_copy(tmp_path) -> Path:
    folder = tmp_path / "prompts"
    shutil.copytree(prompts_dir(), folder)
    return folder


def _write(folder: Path, text: str) -> None:
    (folder / S.SYNONYMS_FILE).write_text(text, encoding="utf-8")


def test_the_shipped_file_gives_the_words_clerks_use():
    words = S.load_synonyms()
    assert words["t3_columns"]["企业"] == "business"
    assert words["t3_columns"]["律所"] == "legal"
    assert words["t3_outcomes"]["不予公开"] == S.HEADING
    assert words["t4_columns"]["审理中"] == "pending"


def test_the_synonyms_file_is_not_a_section():
    sections = [s.file for s in load_interview().sections]
    assert S.SYNONYMS_FILE not in sections and sections


def test_an_office_adds_a_word_and_answers_use_it(prompts_copy, monkeypatch):
    text = (prompts_copy / S.SYNONYMS_FILE).read_text(encoding="utf-8")
    _write(prompts_copy, text.replace("natural: [个人,", "natural: [老百姓, 个人,"))
    monkeypatch.setenv("NIANBAO_PROMPTS_DIR", str(prompts_copy))
    S._default.cache_clear()
    try:
        from nianbao.interview.parse import parse_t3_column_counts

        assert parse_t3_column_counts("老百姓3件，企业1件") == {"natural": 3, "business": 1}
    finally:
        S._default.cache_clear()


@pytest.mark.parametrize(
    "text, fragments",
    [
        ("t3_rows:\n  new: [新收]\n", ["t3_rows", "第 1 行第 1 列", "可用的组"]),
        ("t3_columns:\n  naturel: [个人]\n", ["t3_columns.naturel", "第 2 行第 3 列", "natural"]),
        ("t3_columns:\n  natural: 个人\n", ["t3_columns.natural", "第 2 行", "方括号"]),
        ("t3_columns:\n  natural: [个人]\n  business: [个人]\n", ["t3_columns.business", "第 3 行", "“个人”已写在 t3_columns.natural"]),
        ("t3_columns:\n  natural: [个人, ]\n  legal: [\"\"]\n", ["t3_columns.legal", "不空"]),
        ("t3_columns:\n  natural: [个人\n", ["无法读取", "行"]),
        ("- 个人\n", ["应按组写"]),
    ],
)
def test_a_broken_synonyms_file_is_named_with_the_entry_and_where(prompts_copy, text, fragments):
    _write(prompts_copy, text)
    with pytest.raises(PromptsError) as caught:
        load_interview(prompts_copy)
    message = str(caught.value)
    assert message.startswith("同义词文件 synonyms.yaml")
    for fragment in fragments:
        assert fragment in message, message


def test_a_synonyms_file_that_is_not_utf8_is_named(prompts_copy):
    (prompts_copy / S.SYNONYMS_FILE).write_bytes("t3_columns:\n  natural: [个人]\n".encode("gbk"))
    with pytest.raises(PromptsError, match="synonyms.yaml 不是 UTF-8"):
        load_interview(prompts_copy)
