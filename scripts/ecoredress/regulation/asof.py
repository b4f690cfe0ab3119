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

_DROP = object()


def facts_as_of(case: Case, day: dt.date) -> Case | None:
    result = _trim(case, day)
    return None if result is _DROP else result


def _trim(node: Any, day: dt.date) -> Any:
    if isinstance(node, list):
        return [kept for item in node if (kept := _trim(item, day)) is not _DROP]
    if not isinstance(node, BaseModel):
        return node
    updates: dict[str, Any] = {}
    for name, info in type(node).model_fields.items():
        value = getattr(node, name)
        optional = not info.is_required()
        if isinstance(value, dt.date) and value > day:
            if not optional:
                return _DROP
            updates[name] = None
        elif isinstance(value, (BaseModel, list)):
            trimmed = _trim(value, day)
            if trimmed is _DROP:
                if not optional:
                    return _DROP
                updates[name] = None
            elif trimmed is not value:
                updates[name] = trimmed
    return node.model_copy(update=updates) if updates else node

