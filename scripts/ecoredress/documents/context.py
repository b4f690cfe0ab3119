"""What a document template sees: the case as it stood on the document's date, as plain data.

Only facts dated on or before the issue date reach a template (``case_as_of``); the undated narrative
fields (``x-undated``: the case summary, the agreement summary, the progress note) never do, so a
template that reaches for one fails loudly. The public variant also loses private and internal fields,
and every string, generated ones included, is masked: persons as 张某, companies per the disclosure.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel

from ecoredress.documents.narrative import recount, steps
from ecoredress.documents.parties import department_party, filing_particulars, obligor_parties, persons
from ecoredress.errors import UserError
from ecoredress.model import Case
from ecoredress.model.enums import RightsHolder
from ecoredress.model.outcome import Restoration
from ecoredress.model.types import UNDATED, is_withheld
from ecoredress.presentation.masking import Masker
from ecoredress.regulation.asof import case_as_of, section_as_of
from ecoredress.regulation.calendar import Calendar
from ecoredress.regulation.document_kinds import Spec, Subject, issuing_department
from ecoredress.regulation.obligations import cash_owed, in_kind, obligor_restores, outstanding, received
from ecoredress.regulation.profile import Profile
from ecoredress.regulation.statutes import CIVIL_CODE, civil_code_in_force, tort_law
from ecoredress.settings import DepartmentSettings

NO_DEPARTMENTS: Mapping[str, DepartmentSettings] = MappingProxyType({})


def treasury(case: Case) -> str:
    """The treasury the money goes to: that of the designated department's level (第三十二条)."""
    holder = case.jurisdiction.rights_holder
    return "自治区本级国库" if holder is RightsHolder.REGION else f"{holder.value.removesuffix('人民政府')}本级国库"


def citation_text(profile: Profile, articles: str, on: dt.date, what: str) -> str:
    """The instrument (and article) that governed ``articles`` on ``on``, as a document cites it."""
    citation = profile.citation(articles, on)
    if citation is None:
        raise UserError(
            f"{what}的日期 {on} 早于规则配置 {profile.id} 中最早的依据文件生效日期，无法确定应当引用的依据。"
        )
    return citation.text


def _undated(info: Any) -> bool:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    return bool(extra.get(UNDATED))


def _data(value: Any, masker: Masker | None) -> Any:
    """Plain data without the undated narrative fields; for the public variant also without private and
    internal fields, and masked."""
    if isinstance(value, BaseModel):
        return {
            name: _data(getattr(value, name), masker)
            for name, info in type(value).model_fields.items()
            if not _undated(info) and not (masker and is_withheld(info))
        }
    if isinstance(value, (list, tuple)):
        return [_data(item, masker) for item in value]
    if masker and isinstance(value, enum.Enum):
        return value.value
    if masker and isinstance(value, str):
        return masker.text(value)
    return value


def _agreed(now: Case, full: Case) -> Case:
    """``now`` with the restoration mode the agreement or judgment settled, though no restoration step is dated yet:
    who restores decides what is paid in money (第二十条、第三十二条)."""
    if now.restoration is not None or full.restoration is None or not (now.agreement or now.litigation):
        return now
    return now.model_copy(update={"restoration": Restoration(mode=full.restoration.mode)})


def document_context(
    case: Case,
    spec: Spec,
    subject: Subject,
    profile: Profile,
    calendar: Calendar,
    public: bool,
    departments: Mapping[str, DepartmentSettings] = NO_DEPARTMENTS,
) -> dict[str, Any]:
    """Template variables of one document (see the module docstring). ``departments``: the repository's
    ``[tool.ecoredress.departments]``, whose particulars a court filing states."""
    day = subject.issued_on
    view = case_as_of(case, day, profile, calendar)
    if view is None:
        raise UserError(f"案件 {case.id} 的{spec.title}日期 {day} 早于发现线索的日期，不能出具。请核对日期。")
    now = _agreed(view.case, case)
    masker = Masker(case) if public else None
    mask = masker.text if masker else (lambda text: text)
    # A court filing names the department by its full name, with its particulars (none in a public copy).
    settings = departments.get(issuing_department(case)) if spec.court_filing else None
    department = mask(settings.full_name if settings and settings.full_name else issuing_department(case))
    particulars = filing_particulars(settings) if spec.court_filing and not masker else ()
    told: dict[tuple[str, str, str | None], list[Any]] = {}

    def history(
        families: list[str],
        we: str = "本机关",
        they: str = "赔偿义务人",
        before: dt.date | None = None,
        to: str | None = None,
    ) -> str:
        """The steps of ``families`` told up to the issue date (or only those before the day ``before``), in a letter
        to the procuratorate ``to`` if given (贵院)."""
        found = told.setdefault((we, they, to), steps(now, we, they, to))
        return mask(recount(found, families, before or day, spec.own if before is None else None))

    def cite(articles: str) -> str:
        return citation_text(profile, articles, day, spec.title)

    parties = obligor_parties(case, "乙方", masker)
    return {
        "case": _data(now, masker),
        "subject": _data(section_as_of(subject.item, day), masker),
        "party": parties[subject.party - 1] if subject.party else None,
        "title": spec.title,
        "doc_no": mask(subject.doc_no) if subject.doc_no else subject.doc_no,
        "issued_on": day,
        "department": department,
        "holder": case.jurisdiction.rights_holder.value,
        "parties": parties,
        "obligor_names": "、".join(p.name for p in parties),
        "party_as": lambda role: obligor_parties(case, role, masker, spec.court_filing),
        "department_as": lambda role: department_party(role, department, particulars),
        "signers": persons,
        "basis": cite(spec.articles_for(now, subject.item)),
        "ground": spec.ground(now),
        "own_rules": profile.governing(day) is profile.instruments[-1],  # the profile's own regulation governs
        "tort_law": tort_law(day),
        "civil_code": CIVIL_CODE if civil_code_in_force(day) else None,  # not yet in force: cite nothing of it
        "cite": cite,
        "param": lambda key: profile.in_force(key, day),
        "history": history,
        "owed": cash_owed(now),
        "paid": received(now),
        "outstanding": outstanding(now),
        "in_kind": sorted(c.value for c in in_kind(now)),
        "treasury": treasury(case),
        "obligor_restores": obligor_restores(now),
        "public": public,
    }
