"""Read and write report facts by dotted path: "agency.name", "table3.rows.new.natural".

Table 3 cells are addressed by row key and column key; everything else by attribute names.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from nianbao.report import labels as L
from nianbao.report.model import Report, Table3


class PathError(KeyError):
    pass


def _split(path: str) -> list[str]:
    return [p for p in path.split(".") if p]


def get_path(report: Report, path: str) -> Any:
    obj: Any = report
    parts = _split(path)
    for i, part in enumerate(parts):
        if isinstance(obj, Table3) and part == "rows" and len(parts) == i + 3:
            return obj.get(parts[i + 1], parts[i + 2])
        if isinstance(obj, BaseModel):
            if part not in type(obj).model_fields:
                raise PathError(path)
            obj = getattr(obj, part)
        elif isinstance(obj, dict):
            if part not in obj:
                raise PathError(path)
            obj = obj[part]
        else:
            raise PathError(path)
    return obj


def set_path(report: Report, path: str, value: Any) -> None:
    parts = _split(path)
    parent: Any = report
    for i, part in enumerate(parts[:-1]):
        if isinstance(parent, Table3) and part == "rows" and len(parts) == i + 3:
            parent.set(parts[i + 1], parts[i + 2], value)
            return
        if not isinstance(parent, BaseModel) or part not in type(parent).model_fields:
            raise PathError(path)
        parent = getattr(parent, part)
    last = parts[-1]
    if not isinstance(parent, BaseModel) or last not in type(parent).model_fields:
        raise PathError(path)
    setattr(parent, last, value)


@lru_cache(maxsize=1)
def all_leaf_paths() -> tuple[str, ...]:
    """Every fact of the report as a path (the model's shape never changes at run time)."""
    return tuple(leaf_paths(Report()))


def leaf_paths(model: BaseModel, prefix: str = "") -> list[str]:
    """Every fact of a model as a path; Table 3 as row.column cells."""
    out: list[str] = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        path = f"{prefix}{name}"
        if isinstance(value, Table3):
            out += [f"{path}.rows.{r}.{c}" for r in L.T3_ROW_KEYS for c in L.T3_COLUMN_KEYS]
        elif isinstance(value, BaseModel):
            out += leaf_paths(value, path + ".")
        else:
            out.append(path)
    return out
