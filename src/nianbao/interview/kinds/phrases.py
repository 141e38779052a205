"""What the kinds answered with label phrases ("自然人3件，企业1件") share: counts, outcomes, t4_group."""

from __future__ import annotations

from nianbao.interview.kinds.base import AnswerKind


class LabelPhraseCounts(AnswerKind):
    needs_options = True

    def read_counts(self, text, q) -> dict[str, int]:
        """The counts named in `text`, by the keys of the question's option set (synonyms too)."""
        from nianbao.interview import parse as P
        from nianbao.interview.kinds.options import options_of
        from nianbao.interview.parse.labelled import GROUPS
        from nianbao.interview.synonyms import synonyms_for

        groups = GROUPS[q.options]() if q.options in GROUPS else None
        return P.parse_counts_by_label(text, options_of(q.options), synonyms_for(q.options or ""), groups)
