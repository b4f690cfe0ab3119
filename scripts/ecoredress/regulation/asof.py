"""A case as it stood on a given date: facts dated later are removed.

Used for reports "as of" a date (the annual report's stage counts at year end). A section whose
required date lies after the date did not exist yet and is dropped (from a list too); an optional
date after it is cleared. If the case's clue itself is later, the case did not exist: None.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from ecoredress.model import Case
from ecoredress.model.types import TERM_FIELDS

_DROP = object()


def facts_as_of(case: Case, day: dt.date) -> Case | None:
    result = _trim(case, day)[0]
    return None if result is _DROP else result


def _trim(node: Any, day: dt.date) -> tuple[Any, bool, bool]:
    """(trimmed node or _DROP, whether it held a date, whether it still holds one). An optional section or a
    list item whose every date lies after ``day`` (an assessment commissioned later) did not exist yet."""
    if isinstance(node, list):
        parts = [_trim(item, day) for item in node]
        kept = [p[0] for p in parts if p[0] is not _DROP and not (p[1] and not p[2])]
        return kept, any(p[1] for p in parts), any(p[2] for p in parts)
    if isinstance(node, dt.date):
        return node, True, node <= day
    if not isinstance(node, BaseModel):
        return node, False, False
    updates: dict[str, Any] = {}
    had = kept = False
    for name, info in type(node).model_fields.items():
        value = getattr(node, name)
        if name in TERM_FIELDS:  # a term fixed in advance is known on ``day`` even if it falls later
            continue
        trimmed, child_had, child_kept = _trim(value, day)
        had, kept = had or child_had, kept or child_kept
        not_yet = trimmed is _DROP or (child_had and not child_kept and not isinstance(value, list))
        if not_yet and info.is_required() and (trimmed is _DROP or isinstance(value, dt.date)):
            return _DROP, True, False
        if not_yet and not info.is_required():
            updates[name] = None
        elif trimmed is not value and trimmed is not _DROP:
            updates[name] = trimmed
    return (node.model_copy(update=updates) if updates else node), had, kept
