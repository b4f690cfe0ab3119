"""A case as it stood on a given day: its facts dated on or before the day, its stage and open duties then.

Documents (each true as of its issue date), the annual report (stage at the year's end), ``deadlines
--as-of`` and ``check --as-of`` all look at a case through ``case_as_of``. A section whose required date
lies after the day did not exist yet and is dropped (from a list too); an optional date after it is
cleared. Terms fixed in advance (答复期限, 分期应付日期, 整改期限) are known before they fall and stay.
If the clue itself is later, the case did not exist on the day: None.

Free text is written once and may describe later events; it is kept here (the day's facts are what the
dates say), and ``ecoredress.documents`` never prints the undated narrative fields (``x-undated``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ecoredress.model import Case
from ecoredress.model.introspect import Loc
from ecoredress.model.types import TERM_FIELDS
from ecoredress.regulation.deadlines import case_terms
from ecoredress.regulation.lifecycle import derive_stage, next_step

if TYPE_CHECKING:
    from ecoredress.regulation.calendar import Calendar
    from ecoredress.regulation.deadlines import Term
    from ecoredress.regulation.lifecycle import NextStep, Stage
    from ecoredress.regulation.profile import Profile

_DROP = object()


@dataclass(frozen=True)
class CaseAsOf:
    """The case on ``day``: ``case`` holds only what had happened by then."""

    day: dt.date
    case: Case
    stage: Stage
    next_step: NextStep | None
    open_duties: list[Term]
    kept: dict[Loc, tuple[int, ...]] = field(default_factory=dict)  # list path -> original positions of kept items

    def original_loc(self, loc: Loc) -> Loc:
        """``loc`` in ``case`` as a location in the case file (list items dropped before it shift positions)."""
        out: list[str | int] = []
        for part in loc:
            if isinstance(part, int) and (positions := self.kept.get(tuple(out))) is not None and part < len(positions):
                part = positions[part]
            out.append(part)
        return tuple(out)


def case_as_of(case: Case, day: dt.date, profile: Profile, calendar: Calendar) -> CaseAsOf | None:
    """The case as it stood on ``day``, or None when its clue was found later."""
    kept: dict[Loc, tuple[int, ...]] = {}
    trimmed = _trim(case, day, (), kept)[0]
    if trimmed is _DROP:
        return None
    duties = [t for t in case_terms(trimmed, profile, calendar) if t.done_on is None]
    return CaseAsOf(day, trimmed, derive_stage(trimmed), next_step(trimmed, profile, calendar), duties, kept)


def facts_as_of(case: Case, day: dt.date) -> Case | None:
    """Only the facts of ``case`` dated on or before ``day`` (None if the case did not exist yet)."""
    result = _trim(case, day, (), {})[0]
    return None if result is _DROP else result


def fact_dates(node: Any) -> list[dt.date]:
    """Every date a case (or a part of it) records an event on; terms fixed in advance are not events."""
    if isinstance(node, dt.date):
        return [node]
    if isinstance(node, list):
        return [d for item in node for d in fact_dates(item)]
    if isinstance(node, BaseModel):
        return [
            d for name in type(node).model_fields if name not in TERM_FIELDS for d in fact_dates(getattr(node, name))
        ]
    return []


def section_as_of(section: Any, day: dt.date) -> Any:
    """One part of a case as of ``day``; a part whose own date is later (a notice issued before it was
    served) is the document's own subject and is kept, its later facts still cut."""
    trimmed = _trim(section, day, (), {})[0]
    if trimmed is not _DROP:
        return trimmed
    if not isinstance(section, BaseModel):
        return section
    updates = {}
    for name in type(section).model_fields:
        value = getattr(section, name)
        if isinstance(value, (BaseModel, list)) and (child := _trim(value, day, (), {})[0]) is not value:
            updates[name] = None if child is _DROP else child
    return section.model_copy(update=updates) if updates else section


def _trim(node: Any, day: dt.date, loc: Loc, kept: dict[Loc, tuple[int, ...]]) -> tuple[Any, bool, bool]:
    """(trimmed node or _DROP, whether it held a date, whether it still holds one). An optional section or a
    list item whose every date lies after ``day`` (an assessment commissioned later) did not exist yet."""
    if isinstance(node, list):
        parts = [_trim(item, day, (*loc, i), kept) for i, item in enumerate(node)]
        positions = tuple(i for i, p in enumerate(parts) if p[0] is not _DROP and not (p[1] and not p[2]))
        if len(positions) < len(node):
            kept[loc] = positions
        return [parts[i][0] for i in positions], any(p[1] for p in parts), any(p[2] for p in parts)
    if isinstance(node, dt.date):
        return node, True, node <= day
    if not isinstance(node, BaseModel):
        return node, False, False
    updates: dict[str, Any] = {}
    had = still = False
    for name, info in type(node).model_fields.items():
        value = getattr(node, name)
        if name in TERM_FIELDS:  # a term fixed in advance is known on ``day`` even if it falls later
            continue
        trimmed, child_had, child_kept = _trim(value, day, (*loc, name), kept)
        had, still = had or child_had, still or child_kept
        not_yet = trimmed is _DROP or (child_had and not child_kept and not isinstance(value, list))
        if not_yet and info.is_required() and (trimmed is _DROP or isinstance(value, dt.date)):
            return _DROP, True, False
        if not_yet and not info.is_required():
            updates[name] = None
        elif trimmed is not value and trimmed is not _DROP:
            updates[name] = trimmed
    return (node.model_copy(update=updates) if updates else node), had, still
