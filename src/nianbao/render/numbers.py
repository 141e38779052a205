"""Numbers as the report prints them. Kept free of Jinja2 so the interview can start fast."""

from __future__ import annotations

from decimal import Decimal


def fmt_number(value) -> str:
    """3 -> "3"; Decimal("1.50") -> "1.5"; 0.0 -> "0"."""
    if value is None:
        return ""
    if isinstance(value, float):
        value = Decimal(str(value))
    if isinstance(value, Decimal):
        # -0.0 is a zero a clerk typed or a file holds; a report never prints "-0"
        return "0" if value.is_zero() else format(value.normalize(), "f")
    return str(value)


UNKNOWN_CELL = "?"


def cell_text(value) -> str:
    """A table cell as printed: the number, or "?" for a value not known."""
    return UNKNOWN_CELL if value is None else fmt_number(value)
