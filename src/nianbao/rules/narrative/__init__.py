"""Narrative rules N-1..N-9: the report's words against its own tables and facts.

The text is ctx.text (rendered or imported), split into sections, or ctx.sections when the
importer gives them. Rules that read figures out of sentences only warn (W): a regex can misread
a sentence, so the message always quotes what it read.
"""

# Importing the modules registers their rules, in id order.
from nianbao.rules.narrative import counts, fees, structure, breakdowns, stated  # noqa: F401,I001
