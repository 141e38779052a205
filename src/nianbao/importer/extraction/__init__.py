"""Bytes of each input form to text: one extractor per form (forms.py chooses)."""
