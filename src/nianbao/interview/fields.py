"""Field patterns of prompts/ ("table3.rows.new.*", "table3.rows.@outcomes.*") to the report's leaf paths."""

from __future__ import annotations

import fnmatch
from functools import lru_cache

from nianbao.interview.paths import all_leaf_paths
from nianbao.report import labels as L

_EXPAND = {"@outcomes": L.T3_OUTCOME_KEYS}


@lru_cache(maxsize=1024)
def expand_field(pattern: str) -> tuple[str, ...]:
    """A field pattern ("table3.rows.new.*", "table3.rows.@outcomes.*") to the leaf paths it names."""
    leaves = all_leaf_paths()
    patterns = [pattern]
    for token, keys in _EXPAND.items():
        if token in pattern:
            patterns = [pattern.replace(token, key) for key in keys]
    found: list[str] = []
    for pat in patterns:
        hits = [leaf for leaf in leaves if fnmatch.fnmatchcase(leaf, pat) or leaf.startswith(pat + ".")]
        found += hits
    return tuple(found)
