"""The report's year ("2024", "2024年度", "二〇二四")."""

from __future__ import annotations

from nianbao.interview.kinds.count import Count


class Year(Count):
    name = "year"
    hint = ""

    def parse(self, text, q, inst):
        from nianbao.interview import parse as P

        return P.parse_year(text)


KIND = Year()
