"""The 发文字号 warning (validation/doc_numbers.py) beyond its scenarios (scenarios/doc_numbers.yaml): the dates its
basis, GB/T 9704-2012, governs, and the kinds it covers."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from ecoredress.regulation.calendar import load_calendar
from ecoredress.regulation.document_kinds import BY_KEY
from ecoredress.regulation.profile import load_profile
from ecoredress.regulation.rules.registry import CaseContext
from ecoredress.validation.analogy import in_time
from ecoredress.validation.doc_numbers import BASIS, CODE, outgoing_documents_numbered
from scenario_runner import SCENARIOS, build_case, load_file

PROFILE = load_profile("ningxia-2024")
SPEC = load_file(SCENARIOS / "doc_numbers.yaml")
UNNUMBERED = next(s for s in SPEC["scenarios"] if s["name"] == "缴款通知书没有记录发文字号")


def _payment_notice_on(day: dt.date) -> list:
    """The findings of the check on the case whose payment notice has no number, the agreement signed on ``day``."""
    case = build_case(SPEC, UNNUMBERED)
    case = case.model_copy(update={"agreement": case.agreement.model_copy(update={"signed_on": day})})
    context = CaseContext(case, SCENARIOS / "x.yaml", dt.date(2030, 1, 1), PROFILE, load_calendar(None))
    return list(outgoing_documents_numbered(context))


@given(st.dates(dt.date(2005, 1, 1), dt.date(2029, 12, 31)))
def test_only_documents_dated_from_the_standards_first_day_are_judged_by_it(day):
    found = _payment_notice_on(day)
    assert [f.code for f in found] == ([CODE] if day >= dt.date(2012, 7, 1) else [])
    for finding in found:
        assert (finding.article, finding.fact_on) == (BASIS, day)
        # a national standard in force throughout: never 参照 the profile's regulation, whatever the date
        assert in_time(finding, PROFILE) is finding


def test_the_outgoing_kinds_are_the_departments_decisions_notices_and_letters():
    outgoing = sorted(key for key, spec in BY_KEY.items() if spec.outgoing)
    assert outgoing == sorted(
        [
            "simplified-reminder",
            "claim-end",
            "consultation-notice",
            "meeting-notice",
            "procuratorate-invitation",
            "consultation-end",
            "payment-notice",
            "plan-change-decision",
            "rectification-notice",
            "restoration-end-decision",
            "referral-letter",
            "handling-letter",
        ]
    )
    for key in outgoing:  # each is issued by the department alone, to someone outside the file
        assert BY_KEY[key].issuer == "指定部门或机构" and not BY_KEY[key].form, key
