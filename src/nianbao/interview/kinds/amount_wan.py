"""An amount of money in 万元 (Table 2's 行政事业性收费)."""

from __future__ import annotations

from nianbao.interview.kinds.count import Count


class AmountWan(Count):
    name = "amount_wan"
    hint = ""

    def parse(self, text, q, inst):
        from nianbao.interview import parse as P

        return P.parse_amount_wan(text)


KIND = AmountWan()
