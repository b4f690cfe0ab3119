"""第二十三条–第二十五条 over generated facts (the readable examples are in scenarios/art23_restoration.yaml).

第二十三条 and 第二十四条 bind the obligor that restores (“赔偿义务人开展生态环境损害修复的”);
第二十五条 ends restoration only “经赔偿权利人或其指定的部门、机构评估同意后”.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from ecoredress.model import Case
from ecoredress.model.enums import RestorationEndGround, RestorationMode
from scenario_runner import SCENARIOS, findings, load_file, merge

BASE = load_file(SCENARIOS / "_base.yaml")
AS_OF = dt.date(2024, 12, 31)
APPROVED = dt.date(2024, 7, 20)
OBLIGOR_MODES = [RestorationMode.SELF, RestorationMode.COMMISSIONED, RestorationMode.ALTERNATIVE]
PAID = {"receipts": [{"received_on": dt.date(2023, 11, 20), "amount": "1272400.00", "treasury": "银川市本级国库"}]}


def _codes(facts: dict) -> set[str]:
    return {f.code for f in findings(Case.model_validate(merge(BASE, facts)), AS_OF)}


@settings(max_examples=40, deadline=None)
@given(
    offset=st.none() | st.integers(min_value=-60, max_value=30),
    ground=st.sampled_from(RestorationEndGround),
    mode=st.sampled_from(RestorationMode),
)
def test_ending_restoration_needs_an_evaluation_on_or_before_the_approval(offset, ground, mode):
    end = {"applied_on": dt.date(2024, 7, 1), "ground": ground.value, "approved_on": APPROVED}
    if offset is not None:
        day = APPROVED + dt.timedelta(days=offset)
        end["evaluation"] = {"evaluated_on": day, "evaluator": "银川市生态环境局", "conclusion": ground.value}
    codes = _codes({"restoration": {"mode": mode.value, "evaluations": [], "end": end}, "funds": PAID})
    assert ("art25-approval-without-evaluation" in codes) is (offset is None or offset > 0)


@settings(max_examples=40, deadline=None)
@given(
    filed=st.booleans(),
    review_passed=st.booleans(),
    passed=st.lists(st.booleans(), max_size=3),
    major_change=st.booleans(),
    mode=st.sampled_from(OBLIGOR_MODES + [RestorationMode.FUNDED]),
)
def test_articles_23_and_24_bind_only_the_obligor_that_restores(filed, review_passed, passed, major_change, mode):
    plan = {"review_passed": review_passed} | ({} if filed else {"filed_on": None, "filing_no": None})
    evaluations = [
        {"evaluated_on": dt.date(2024, 8, 8) + dt.timedelta(days=30 * i), "passed": p} for i, p in enumerate(passed)
    ]
    changes = (
        [{"applied_on": dt.date(2024, 1, 10), "description": "补植树种调整", "major": True}] if major_change else []
    )
    facts = {"restoration": {"mode": mode.value, "plan": plan, "evaluations": evaluations, "changes": changes}}
    codes = _codes(facts | {"funds": PAID})
    governed = {c for c in codes if c.startswith(("art23-", "art24-"))}
    if mode is RestorationMode.FUNDED:
        assert governed == set()
    else:
        assert ("art23-implementation-before-filing" in governed) is not filed
        assert ("art24-rectification-missing" in governed) is (False in passed)
        assert ("art24-change-not-reviewed" in governed) is major_change
