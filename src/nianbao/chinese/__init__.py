"""Chinese text, handled once: numerals both ways, answer words, normalising, numbering, lists.

It sits just above the report model (it may use report.labels) and below everything that reads
or writes Chinese text: the interview's answer parsers, the importer and the rules.
"""
