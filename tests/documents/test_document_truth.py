"""Each document is true as of its own date: no later fact, no law cited before it existed, the right roles."""

from __future__ import annotations

import datetime as dt
import enum
import re
from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel

from document_samples import sample_calendar, sample_cases, sample_jobs, sample_profile, sample_templates
from ecoredress.documents.plan import case_jobs
from ecoredress.model.enums import ClaimEndGround, ConsultationEndGround, ConsultationOutcome
from ecoredress.model.types import TERM_FIELDS
from ecoredress.presentation.formatting import cn_date, money
from ecoredress.regulation.asof import facts_as_of
from ecoredress.regulation.document_kinds import BY_KEY
from ecoredress.regulation.grounds import CLAIM_END_ITEMS, CONSULTATION_END_ITEMS

JOBS = sample_jobs()
CASES = {case.id: case for case in sample_cases()}
PROFILE = sample_profile()
NINGXIA = "宁环规发〔2024〕4号"

# Names that a document derives on its own (a court, a treasury, an institution) may equal a name recorded
# with a later fact; the facts that only a later step can supply are its dates, numbers and descriptions.
_NAMES = frozenset(
    {
        "court",
        "procuratorate",
        "treasury",
        "institution",
        "payee",
        "executor",
        "venue",
        "pool",
        "specialty",
        "name",
        "participants",
        "title",
        "site",
        "kind",
        "category",
    }
)


def _facts(node: Any, terms: bool) -> set[str]:
    """The strings a document would print for the facts in ``node``: dates as documents write them, and text
    (code-list values are the documents' own words). ``terms``: also the terms fixed in advance."""
    if isinstance(node, BaseModel):
        skip = _NAMES | (set() if terms else TERM_FIELDS)
        return {v for name in type(node).model_fields if name not in skip for v in _facts(getattr(node, name), terms)}
    if isinstance(node, list):
        return {v for item in node for v in _facts(item, terms)}
    if isinstance(node, dt.date):
        return {cn_date(node)}
    if isinstance(node, str) and not isinstance(node, enum.Enum):
        core = node.strip().rstrip("。；，")
        return {core} if len(core) >= 8 else set()  # shorter text (修复效果评估) is also the documents' own wording
    return set()


def _plain(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def _subject(job) -> Any:
    """The part of the case the document is issued for: its own facts (a meeting it convenes) are no leak."""
    subjects = BY_KEY[job.key].subjects(CASES[job.case_id])
    number = re.search(r"-(\d+)$", job.stem.removesuffix("-public"))
    return subjects[int(number.group(1)) - 1 if number and len(subjects) > 1 else 0].item


def later_facts(job) -> set[str]:
    """What only facts dated after the document could put into it."""
    case = CASES[job.case_id]
    now = facts_as_of(case, job.issued_on)
    known = (_facts(now, terms=True) if now else set()) | _facts(_subject(job), terms=True)
    return _facts(case, terms=False) - known


@pytest.mark.parametrize("job", JOBS, ids=[job.stem for job in JOBS])
def test_no_fact_dated_after_the_document(job):
    text = _plain(job.markdown)
    leaked = sorted(fact for fact in later_facts(job) if fact in text)
    assert leaked == [], f"{job.stem}（{job.issued_on}）写入了此后才发生的事实"


@pytest.mark.parametrize("job", JOBS, ids=[job.stem for job in JOBS])
def test_no_undated_narrative_is_pasted(job):
    # The summary, the agreement summary and the progress note are written once and may tell of later steps.
    case = CASES[job.case_id]
    text = _plain(job.markdown)
    undated = [
        case.summary,
        case.agreement.summary if case.agreement else None,
        case.restoration.implementation.progress if case.restoration and case.restoration.implementation else None,
    ]
    for value in filter(None, undated):
        assert value.strip().rstrip("。") not in text, job.stem


@pytest.mark.parametrize("job", JOBS, ids=[job.stem for job in JOBS])
def test_cites_the_instrument_in_force_on_its_date(job):
    governing = PROFILE.governing(job.issued_on)
    if job.key in BY_KEY and BY_KEY[job.key].form:  # a form to fill in and sign (送达回证, 磋商记录) cites nothing
        assert "《" not in job.markdown, job.stem
    else:
        assert governing.name in job.markdown, f"{job.stem} 未引用 {job.issued_on} 有效的 {governing.name}"
    for instrument in PROFILE.instruments:
        if instrument.effective > job.issued_on:
            assert instrument.reference not in job.markdown, (
                f"{job.stem}（{job.issued_on}）引用了尚未施行的 {instrument.reference}"
            )
    assert "依据：" not in job.markdown  # the basis is cited in the body, never as a line under the date


def test_no_document_before_the_ningxia_regulation_cites_it():
    early = [job for job in JOBS if job.issued_on < dt.date(2024, 4, 3)]
    assert len(early) > 40 and not [job.stem for job in early if NINGXIA in job.markdown]


def _job(stem: str):
    return next(job for job in JOBS if job.stem == stem)


def test_agreement_of_2023_tells_neither_the_confirmation_nor_the_evaluation():
    text = _job("NX-2023-001/agreement").markdown
    case = CASES["NX-2023-001"]
    jc, evaluation = case.agreement.judicial_confirmation, case.restoration.evaluations[0]
    for later in (
        jc.ruling_no,
        cn_date(jc.ruled_on),
        "经司法确认，",
        "已经司法确认",
        "确认有效",
        "评估通过",
        cn_date(evaluation.evaluated_on),
        evaluation.summary.rstrip("。"),
    ):
        assert later not in text
    application = _job("NX-2023-001/judicial-confirmation").markdown
    assert "请求依法确认" in application and jc.ruling_no not in application and "确认赔偿协议有效" not in application


def test_each_evaluation_carries_its_own_number():
    first, second = _job("GY-2024-001/effect-evaluation-1"), _job("GY-2024-001/effect-evaluation-2")
    assert first.doc_no is None and first.issued_on == dt.date(2025, 9, 10)
    assert second.doc_no == "固林草函〔2026〕25号" and "固林草函〔2026〕25号" not in first.markdown


def test_extension_notice_is_the_institution_telling_the_commissioning_parties():
    job = _job("NX-2023-001/assessment-extension")
    recipient = job.markdown.split("::: recipient")[1].split(":::")[0]
    signature = job.markdown.split("::: signature")[1].split(":::")[0]
    assert "宁夏回族自治区自然资源厅、宁夏虚构矿业有限公司" in recipient  # joint commission: both commissioned
    assert "宁夏虚构自然资源司法鉴定中心" in signature and "自然资源厅" not in signature
    # The complex-case term (60) is what the extension reaches, not what the commission had set.
    commission = _job("NX-2023-001/assessment-commission").markdown
    assert "60个工作日" not in commission and "延长至60个工作日" in job.markdown


@pytest.mark.parametrize("stem", ["GY-2024-001/agreement", "ZW-2025-001/agreement"])
def test_several_natural_persons_are_jointly_liable(stem):
    assert "乙方一、乙方二对本协议约定的全部赔偿义务承担连带责任" in _job(stem).markdown


def test_restoration_in_kind_is_not_paid_into_the_treasury():
    text = _job("NX-2023-001/agreement").markdown
    assert "一次性缴入自治区本级国库" in text and money(Decimal("6556800.00")) in text
    assert f"将赔偿资金{money(Decimal('28116800.00'))}" not in text
    notice = _job("NX-2023-001/payment-notice").markdown
    assert money(Decimal("6556800.00")) in notice and "清除污染、修复费用由你方以实际修复履行" in notice


def test_simplified_reminder_compares_the_estimated_costs():
    text = _job("GY-2025-001/simplified-reminder").markdown
    assert money(Decimal("150000")) in text and money(Decimal("90000")) in text and money(Decimal("3500")) not in text


def test_the_department_signs_what_it_is_named_in_the_parties():
    text = _job("YC-2023-002/agreement").markdown
    assert "甲方（赔偿权利人指定的部门或机构）：银川市生态环境局" in text
    assert "甲方（盖章）：银川市生态环境局" in text and "：银川市人民政府（盖章）" not in text


def test_an_expert_opinion_is_called_an_expert_opinion():
    text = _job("WZ-2024-001/simplified-agreement").markdown
    assert "专家意见（吴环专意〔2024〕2号）" in text and "鉴定评估报告（吴环专意" not in text


def test_no_filing_receipt_for_a_plan_the_department_made():
    # WZ-2023-001: the department restores with the compensation money; the plan is its own, nothing is filed with it.
    assert not [job for job in JOBS if job.case_id == "WZ-2023-001" and job.key == "plan-filing-receipt"]
    assert [job for job in JOBS if job.case_id == "NX-2023-001" and job.key == "plan-filing-receipt"]


def test_copies_are_counted_from_the_parties():
    assert "一式三份，甲方执二份，乙方执一份" in _job("YC-2023-002/agreement").markdown
    assert "一式四份，甲方执二份，乙方各方各执一份" in _job("GY-2024-001/agreement").markdown


def test_an_agreement_is_told_performed_after_the_evaluation_that_completes_it():
    # GY-2024-001: the second evaluation passed on 2026-09-08, and with it the agreement was performed.
    for stem in ("GY-2024-001/handling-letter", "GY-2024-001/closing-report"):
        assert "2026年9月8日，本机关组织修复效果评估，评估通过。同日，赔偿协议履行完毕。" in _job(stem).markdown, stem


def test_a_closing_report_proposes_closing_a_case_it_does_not_call_closed():
    reports = [job for job in JOBS if job.key == "closing-report"]
    assert reports
    for job in reports:
        assert "拟予结案" in job.markdown and "“结案”" not in job.markdown, job.stem


def test_a_failed_evaluation_asks_for_rectification_as_the_regulation_says():
    # 第二十四条: 应当要求赔偿义务人限期整改 — a civil duty under the agreement, not an administrative order.
    text = _job("GY-2024-001/rectification-notice").markdown
    assert "现要求你方于2026年5月31日前完成整改" in text and "责令" not in text


COURT_FILINGS = {"complaint", "judicial-confirmation", "enforcement-application"}


def test_annexes_are_listed_where_the_kind_lists_them():
    annexed = [job for job in JOBS if "::: annex" in job.markdown]
    assert {job.key for job in annexed} >= COURT_FILINGS | {"consultation-notice", "referral-letter"}
    for job in annexed:
        annex = job.markdown.index("::: annex")
        if job.key in COURT_FILINGS:  # court practice: 附： after the date
            assert (
                job.markdown[annex:].startswith("::: annex\n\n附：") and job.markdown.rindex(":::: parties") < annex
            ), job.stem
        else:  # GB/T 9704 §7.3.3: 附件： below the body and before the signature
            assert job.markdown[annex:].startswith("::: annex\n\n附件：") and annex < job.markdown.index(
                "::: signature"
            ), job.stem


@pytest.mark.parametrize(
    ("assessment", "drafted"),
    [({"report_on": None}, False), ({"report_on": dt.date(2025, 7, 1)}, False), ({}, True)],
    ids=["no-report", "report-after-service", "report-before-service"],
)
def test_a_consultation_notice_is_drafted_only_on_an_assessment_issued_by_its_date(assessment, drafted):
    # 第十六条: the notice is made on the report or expert opinion and names it with its date; YC-2025-001 served the
    # notice on 2025-06-30 on the report of 2025-05-16.
    case = next(c for c in sample_cases() if c.id == "YC-2025-001")
    assert case.assessment is not None and case.consultation is not None
    case = case.model_copy(update={"assessment": case.assessment.model_copy(update=assessment)})
    assert bool(BY_KEY["consultation-notice"].subjects(case)) is drafted
    if drafted:
        text = _job("YC-2025-001/consultation-notice").markdown
        assert "本机关依据2025年5月16日出具的鉴定评估报告（宁虚鉴〔2025〕环损字第8号）制作本告知书" in text
        assert "另行送达" not in text


def test_a_meeting_the_obligor_walked_out_of_is_recorded_as_such():
    # 第十八条第二项 (退出磋商会议): the record of the meeting says so, and the case history tells it.
    case = CASES["YC-2025-001"]
    cons = case.consultation
    assert cons is not None and cons.meetings[0].obligor_attended
    meetings = [cons.meetings[0].model_copy(update={"obligor_withdrew": True}), *cons.meetings[1:]]
    case = case.model_copy(update={"consultation": cons.model_copy(update={"meetings": meetings})})
    record = case_jobs(case, [BY_KEY["meeting-record"]], PROFILE, sample_calendar(), sample_templates())[0].markdown
    assert "赔偿义务人到会情况：到会，会议中途退出" in record
    assert "到会，会议中途退出" not in _job("YC-2025-001/meeting-record-1").markdown


def _render(case, key: str) -> str:
    return case_jobs(case, [BY_KEY[key]], PROFILE, sample_calendar(), sample_templates())[0].markdown


@pytest.mark.parametrize("ground", list(ClaimEndGround))
def test_a_claim_end_decision_cites_and_quotes_the_item_of_its_ground(ground):
    # 第十二条: the decision names the item the recorded ground is and quotes the law's words, not the tool's label.
    case = CASES["ZW-2024-001"]
    assert case.claim_end is not None
    case = case.model_copy(update={"claim_end": case.claim_end.model_copy(update={"ground": ground})})
    text, item = _render(case, "claim-end"), CLAIM_END_ITEMS[ground]
    assert f"{NINGXIA}）{item.cited}规定的情形：“{item.text}”。终止理由：" in text
    assert f"{NINGXIA}）{item.cited}、第十六条第一款的规定，本机关决定终止" in text
    assert ground.value not in text


def _terminated(ground: ConsultationEndGround):
    # YC-2025-001 as if its consultation had ended without an agreement on 2025-08-20.
    case = CASES["YC-2025-001"]
    assert case.consultation is not None
    cons = case.consultation.model_copy(
        update={
            "outcome": ConsultationOutcome.TERMINATED,
            "ended_on": dt.date(2025, 8, 20),
            "end_ground": ground,
            "end_reason": "义务人在第二次磋商会议上明确表示不再磋商。",
        }
    )
    return case.model_copy(update={"consultation": cons, "agreement": None})


@pytest.mark.parametrize("ground", list(ConsultationEndGround))
def test_a_consultation_end_notice_cites_and_quotes_the_item_of_its_ground(ground):
    # 第十八条: the notice names the item and quotes it; the recorded reason, written of the 义务人, is stated apart
    # as the reason, not run into a sentence addressed to 你方.
    text, item = _render(_terminated(ground), "consultation-end"), CONSULTATION_END_ITEMS[ground]
    assert f"{item.cited}规定的情形：“{item.text}”。终止理由：义务人在第二次磋商会议上明确表示不再磋商。" in text
    assert f"{NINGXIA}）{item.cited}的规定，本机关决定自2025年8月20日起终止磋商" in text
    assert "鉴于" not in text and f"“{ground.value}”" not in text


def test_a_consultation_end_notice_before_the_ningxia_regulation_quotes_none_of_it():
    text = _job("SZS-2022-001/consultation-end").markdown
    assert "第十八条" not in text and "规定的情形" not in text
    assert "终止理由：义务人经书面通知，无故不参加第二次磋商会议。" in text


def test_a_comprehensive_assessment_is_the_basis_of_the_conclusion_still_to_come():
    # 第十六条: on its date (2024-07-10) no conclusion was formed; ZW-2024-001's conclusion then ended the claim, so
    # the opinion is not called the basis of a consultation.
    text = _job("ZW-2024-001/comprehensive-assessment").markdown
    assert "本认定意见作为本案形成调查结论、提出启动索赔磋商或者终止索赔程序意见的依据。" in text
    assert "索赔磋商的依据" not in text


def test_a_comprehensive_assessment_made_after_a_conclusion_to_consult_serves_the_consultation():
    case = CASES["GY-2025-001"]
    assert case.conclusion is not None and case.assessment is not None
    early = case.conclusion.model_copy(update={"concluded_on": dt.date(2025, 6, 1)})  # report: 2025-06-03
    text = _render(case.model_copy(update={"conclusion": early}), "comprehensive-assessment")
    assert "本认定意见作为本案索赔磋商的依据。" in text and "形成调查结论" not in text


# 民法典第一千二百三十四条: what the obligor does not restore in time, the department may restore at its cost.
FALLBACK = "甲方可以{}自行或者委托他人进行修复，所需费用由乙方负担，乙方应当按照甲方通知的期限将该费用缴入"
CIVIL_CODE_1234 = "依照《中华人民共和国民法典》第一千二百三十四条的规定，"


@pytest.mark.parametrize("stem", ["YC-2023-002/agreement", "GY-2025-001/simplified-agreement", "ZW-2022-001/agreement"])
def test_an_agreement_the_obligor_restores_under_says_who_restores_if_it_does_not(stem):
    # 委托修复, 自行修复 and 替代修复: the obligor restores, so the agreement says what follows a missed term.
    text = _job(stem).markdown
    assert FALLBACK.format(CIVIL_CODE_1234) in text
    assert "未在本协议约定或者备案的修复方案确定的期限内完成修复" in text


@pytest.mark.parametrize("stem", ["WZ-2023-001/agreement", "WZ-2024-001/simplified-agreement"])
def test_an_agreement_to_pay_money_only_has_no_restoration_fallback(stem):
    # 权利人以赔偿资金组织修复: the obligor pays and restores nothing, so there is no restoration of its to miss.
    text = _job(stem).markdown
    assert "第一千二百三十四条" not in text and "自行或者委托他人进行修复" not in text


def _shifted(case, days: int):
    """``case`` with every date moved ``days`` earlier."""

    def move(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value - dt.timedelta(days=days)
        if isinstance(value, dict):
            return {k: move(v) for k, v in value.items()}
        if isinstance(value, list):
            return [move(v) for v in value]
        return value

    return type(case).model_validate(move(case.model_dump(by_alias=True)))


@pytest.mark.parametrize(("signed", "civil_code"), [(dt.date(2020, 12, 31), False), (dt.date(2021, 1, 1), True)])
def test_an_agreement_cites_the_civil_code_only_from_the_day_it_took_effect(signed, civil_code):
    # 民法典第一千二百六十条: in force from 2021-01-01; before it the 侵权责任法 governed, which has no such article.
    # The clause is then the parties' own stipulation, cited to no law.
    case = CASES["YC-2023-002"]
    case = _shifted(case, (case.agreement.signed_on - signed).days)
    assert case.agreement.signed_on == signed
    text = _render(case, "agreement")
    assert FALLBACK.format(CIVIL_CODE_1234 if civil_code else "") in text
    assert ("民法典" in text) is civil_code
    assert ("《中华人民共和国侵权责任法》" in text) is not civil_code
