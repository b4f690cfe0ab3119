"""What a document template sees: the case as plain data, masked for the public variant."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ecoredress.documents.kinds import Spec, Subject
from ecoredress.model import Case
from ecoredress.publish.masking import Masker, public_data
from ecoredress.regulation.profile import Profile


def _internal_data(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump()
    return value


def legal_basis(profile: Profile, articles: str) -> str:
    return f"《{profile.title}》（{profile.reference}）{articles}"


def issuing_department(case: Case) -> str:
    """The department that signs: the lead department if named (第五条第三款), else the designated one."""
    return case.jurisdiction.lead_department or case.jurisdiction.designated_departments[0]


def document_context(case: Case, spec: Spec, subject: Subject, profile: Profile, public: bool) -> dict[str, Any]:
    """Template variables. In the public variant private and internal fields are absent (a template that
    reaches for one fails loudly) and every string is masked: persons as 张某, companies per disclosure."""
    masker = Masker(case) if public else None
    data = (lambda value: public_data(value, masker)) if masker else _internal_data
    return {
        "case": data(case),
        "subject": data(subject.item),
        "obligor_names": [masker.obligor_name(o) if masker else o.name for o in case.obligors],
        "title": spec.title,
        "doc_no": subject.doc_no,
        "issued_on": subject.issued_on,
        "department": issuing_department(case),
        "basis": legal_basis(profile, spec.articles),
        "profile": profile,
        "public": public,
    }
