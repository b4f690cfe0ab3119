"""Steps the facts record although the step that must come first is missing (see ``lifecycle``)."""

from __future__ import annotations

from collections.abc import Iterator

from ecoredress.regulation.findings import Finding, error
from ecoredress.regulation.lifecycle import impossible_transitions
from ecoredress.regulation.rules.registry import CaseContext, case_check


@case_check
def transitions(ctx: CaseContext) -> Iterator[Finding]:
    for t in impossible_transitions(ctx.case):
        yield error(t.code, t.message, t.loc, t.article, on=t.on)
