"""The department's particulars on the papers it files with a court: set once per department, checked per case.

《中华人民共和国民事诉讼法》第一百二十四条第一项: a complaint states, for a legal person or other organisation, its
名称、住所和法定代表人或者主要负责人的姓名、职务、联系方式. The applications for judicial confirmation and for
enforcement name the applicant the same way in court practice; no article of their own is cited for them here. A
department is shared by many cases and its head changes without any case changing, so the particulars are settings
(``[tool.ecoredress.departments."名称"]``), not case data. A case that calls for one of these filings
(``Spec.court_filing``) while its department has a particular unset gets a warning: the document leaves a blank there.

Item (二) of the same article: the complaint states the defendant's 名称（姓名）and 住所. An obligor's address is case
data (``obligors[i].address``); one missing on a case that calls for a filing is a warning at that obligor, and the
filing leaves a blank there as well.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable

from ecoredress.model import Case
from ecoredress.model.parties import Organisation
from ecoredress.regulation.document_kinds import SPECS, Spec, Subject, issuing_department
from ecoredress.regulation.findings import Finding, warning
from ecoredress.regulation.rules.registry import CaseContext, case_check
from ecoredress.regulation.statutes import complaint_defendant_article, complaint_plaintiff_article
from ecoredress.settings import DepartmentSettings

# The particulars a filing states; ``full_name`` is optional (only where the cases record a short form).
PARTICULARS = ("address", "head", "head_title", "phone")
_COMPLAINT = "complaint"


def missing_particulars(particulars: DepartmentSettings | None) -> list[str]:
    """The keys of ``PARTICULARS`` a department has not set."""
    return [key for key in PARTICULARS if particulars is None or getattr(particulars, key) is None]


def _filings(case: Case) -> list[tuple[Spec, Subject]]:
    """The court filings the case calls for, each with its subject (whose ``issued_on`` is the filing's date)."""
    return [(spec, subject) for spec in SPECS if spec.court_filing for subject in spec.subjects(case)]


def _listed(filings: list[tuple[Spec, Subject]]) -> str:
    return "、".join(f"{spec.title}（{subject.issued_on}）" for spec, subject in filings)


def _complaint_on(filings: list[tuple[Spec, Subject]]) -> dt.date | None:
    return next((subject.issued_on for spec, subject in filings if spec.key == _COMPLAINT), None)


def _basis(
    filings: list[tuple[Spec, Subject]],
    article_of: Callable[[dt.date], str],
    in_complaint: str,
    party: str,
    in_application: str,
) -> tuple[str, str | None]:
    """Why the filings state a particular, and the article cited: the complaint's (``in_complaint``), as in force on
    its date; applications alone state ``party``'s ``in_application`` after the complaint's form (参照, no article)."""
    if (complaint := _complaint_on(filings)) is not None:
        why = f"起诉状应当写明{in_complaint}"
        return (why + f"，申请书同样写明{party}" if len(filings) > 1 else why), article_of(complaint)
    cited = article_of(filings[0][1].issued_on)
    return f"申请书与起诉状一样写明{party}的{in_application}（参照{cited}）", None


@case_check
def court_filing_particulars(ctx: CaseContext) -> Iterable[Finding]:
    case = ctx.case
    filings = _filings(case)
    if not filings:
        return
    name = issuing_department(case)
    particulars = ctx.departments.get(name)
    missing = missing_particulars(particulars)
    if not missing:
        return
    fields = DepartmentSettings.model_fields
    named = "、".join(f"{fields[key].title}（{key}）" for key in missing)
    listed = _listed(filings)
    why, article = _basis(
        filings,
        complaint_plaintiff_article,
        "原告的名称、住所和法定代表人或者主要负责人的姓名、职务、联系方式",
        "申请人",
        "名称、住所和主要负责人的姓名、职务、联系方式",
    )
    table = f"[tool.ecoredress.departments.{json.dumps(name, ensure_ascii=False)}]"  # a TOML key, quoted
    section = f" 的 {table} 一节中" if particulars else f" 中新建 {table} 一节，"
    where = ("lead_department",) if case.jurisdiction.lead_department else ("designated_departments", 0)
    yield warning(
        "department-particulars-missing",
        f"本案由{name}向人民法院提交{listed}。{why}，但设置中没有{name}的{named}，文书中"
        f"{'该项' if len(missing) == 1 else '这些项'}留有空白，须手工填写。请在 pyproject.toml{section}填写 "
        f"{'、'.join(missing)}（见 README“设置”）。",
        ("jurisdiction", *where),
        article,
    )


@case_check
def court_filing_defendant_address(ctx: CaseContext) -> Iterable[Finding]:
    case = ctx.case
    filings = _filings(case)
    if not filings:
        return
    why, article = _basis(
        filings, complaint_defendant_article, "被告的名称（姓名）、住所等信息", "赔偿义务人", "名称（姓名）、住所等信息"
    )
    for n, obligor in enumerate(case.obligors):
        if obligor.address is not None:
            continue
        label = "住所" if isinstance(obligor, Organisation) else "住址"
        key = f"obligors[{n}].address"
        yield warning(
            "defendant-address-missing",
            f"本案向人民法院提交{_listed(filings)}。{why}，但赔偿义务人{obligor.name}没有{label}（{key}），"
            f"文书中其{label}一项留有空白，须手工填写。请在案件文件中该赔偿义务人下填写 address（{label}）。",
            ("obligors", n),
            article,
            on=_complaint_on(filings) or filings[0][1].issued_on,
        )
