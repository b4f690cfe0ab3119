"""Suspected names of persons in published text that the case neither records nor lists (domain §5).

Masking replaces the names of recorded persons and of the names a case lists in ``disclosure.person_names``;
any other person named in a published field (举报人李秀英) would appear as written. ``check`` warns about each
word jieba tags as a person's name (``model.person_names``), at its line and column, until the case lists it
for masking or declares it not a person (``disclosure.not_person_names``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from pydantic import BaseModel

from ecoredress.model import PRIVATE, Case
from ecoredress.model.introspect import public_strings
from ecoredress.model.person_names import surname_length, suspected_names
from ecoredress.regulation.findings import Finding, warning
from ecoredress.regulation.rules.registry import CaseContext, case_check

CODE = "unlisted-person-name"


def _private_strings(model: BaseModel) -> Iterator[str]:
    """Every string in a field marked private, and the names of meeting participants (masked as well)."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        for item in value if isinstance(value, list) else [value]:
            if extra.get(PRIVATE) and isinstance(item, str):
                yield item
            elif isinstance(item, BaseModel):
                yield from _private_strings(item)


def _known(case: Case) -> tuple[set[str], set[str]]:
    """Texts a suspect may be part of and still be masked (recorded persons' data, listed names, participants),
    and the words declared not to be names."""
    masked = {re.sub(r"\s+", "", s) for s in _private_strings(case)}
    if case.consultation:
        masked |= {p.strip() for m in case.consultation.meetings for p in m.participants}
    return masked, {re.sub(r"\s+", "", w) for w in case.disclosure.not_person_names}


@case_check
def unlisted_person_names(context: CaseContext) -> Iterable[Finding]:
    case = context.case
    masked, not_names = _known(case)
    warned: set[tuple[tuple[str | int, ...], str]] = set()
    for loc, text in public_strings(case):
        for offset, name in suspected_names(text):
            if name in not_names or any(name in value for value in masked) or (loc, name) in warned:
                continue
            warned.add((loc, name))
            message = (
                f"“{name}”疑似自然人姓名，本字段将公开，而案件没有记录此人，公开时会原样显示。"
                f"是人名的，请列入 disclosure.person_names（公开时写作“{name[: surname_length(name)]}某”）；"
                "不是人名的（地名、单位名、河湖山名等），请列入 disclosure.not_person_names。"
            )
            yield replace(warning(CODE, message, loc), excerpt=(name, offset))
