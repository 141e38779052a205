"""Words clerks answer with, one set per meaning."""

from __future__ import annotations

# Answers meaning "none": a count of 0, an amount of 0, an empty list, a row of zeros, an
# optional text left empty. (One set: the interview once had two, one without 否, one without 零.)
NONE_WORDS: frozenset[str] = frozenset(
    {"无", "没有", "没", "否", "暂无", "不涉及", "零", "〇", "0", "均无", "全无", "都没有", "本年无", "今年无",
     "无此情况", "无此类情况", "没有发生", "未发生"}
)
# Extra "none" answers for money.
NO_FEE_WORDS: frozenset[str] = frozenset({"未收费", "未收取", "无收费", "不收费", "没有收费", "免费"})

YES_WORDS: frozenset[str] = frozenset(
    {"有", "是", "对", "是的", "有的", "对的", "好", "好的", "确认", "确定", "嗯", "可以", "y", "yes", "1",
     "ok", "true"}
)
NO_WORDS: frozenset[str] = frozenset(
    {"没有", "无", "否", "不是", "没", "不", "不对", "没有的", "暂无", "不涉及", "n", "no", "0", "false"}
)

# Words before a count: "共3件", "合计12条".
COUNT_PREFIXES: tuple[str, ...] = ("共计", "合计", "总计", "总共", "一共", "累计", "全年", "本年", "今年", "共", "计")
# Measure words after a count: "3件", "12条", "5人次".
MEASURE_WORDS: tuple[str, ...] = (
    "人次", "件次", "件", "条", "个", "次", "项", "篇", "期", "场", "家", "份", "起", "批", "名", "人",
    "本", "册", "例", "宗",
)

# Surrounding characters ignored around short answers ("无。", "“3”", "(12)").
EDGE_PUNCTUATION = " \t\r\n。,，;；:：!！?？、\"'“”‘’()（）[]【】《》<>「」『』~～…"
