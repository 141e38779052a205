"""Turning what a clerk types into values, one module per job.

Every parser takes the raw text and returns a value or raises AnswerError with a Chinese
message that says what is expected. Input is NFKC-normalised first (full-width digits and
punctuation become ASCII), except free text (parse_text, parse_list items), which keeps the
clerk's full-width punctuation as typed.
"""

from nianbao.interview.parse.choice import parse_choice
from nianbao.interview.parse.counts import parse_count, parse_row
from nianbao.interview.parse.labelled import (
    parse_counts_by_label,
    parse_t3_column_counts,
    parse_t3_row_counts,
    parse_t4_counts,
)
from nianbao.interview.parse.money import parse_amount_wan, parse_amount_yuan
from nianbao.interview.parse.text import parse_list, parse_text
from nianbao.interview.parse.year import parse_year
from nianbao.interview.parse.yesno import parse_yes_no

__all__ = [
    "parse_amount_wan", "parse_amount_yuan", "parse_choice", "parse_count", "parse_counts_by_label",
    "parse_list", "parse_row", "parse_t3_column_counts", "parse_t3_row_counts", "parse_t4_counts",
    "parse_text", "parse_year", "parse_yes_no",
]
