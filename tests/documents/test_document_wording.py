"""Wording a legal officer reads as true: the heading names what the notice transmits, a letter to a procuratorate
calls it 贵院, figures sit against Chinese without spaces, and a referral cites the paragraph only when it fits."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from document_samples import sample_calendar, sample_cases, sample_jobs, sample_profile, sample_templates
from ecoredress.documents.narrative import YOU, addressed
from ecoredress.documents.plan import case_jobs
from ecoredress.documents.templating import environment
from ecoredress.model.enums import AssessmentMode
from ecoredress.model.types import CJK_CHAR
from ecoredress.presentation.formatting import close_spacing
from ecoredress.regulation.document_kinds import BY_KEY

JOBS = sample_jobs()
CASES = {case.id: case for case in sample_cases()}
NINGXIA = "《宁夏回族自治区生态环境损害赔偿管理工作规定》（宁环规发〔2024〕4号）"
TO_PROCURATORATE = ("procuratorate-invitation", "handling-letter", "referral-letter")
# A space (of any width but the ideographic one) between Chinese and a figure or a Latin letter, or inside a figure
# grouped in thousands.
GAP = "[ \u00a0\u2002-\u200a\u202f]+"
LOOSE = re.compile(rf"{CJK_CHAR}{GAP}[0-9A-Za-z]|[0-9A-Za-z%]{GAP}{CJK_CHAR}|(?<![0-9.])[0-9]{{1,3}}{GAP}[0-9]{{3}}\b")


def _render(case, key: str, index: int = 0) -> str:
    return case_jobs(case, [BY_KEY[key]], sample_profile(), sample_calendar(), sample_templates())[index].markdown


def _body(markdown: str) -> str:
    """The text after the 主送 line: where the addressee is spoken to, not named as such."""
    return markdown.split("::: recipient", 1)[1].split(":::", 1)[1]


# (a) 第十五条第二款: an expert opinion (专家意见) or a comprehensive finding (综合认定意见) is no 鉴定评估意见.
HEADINGS = {
    AssessmentMode.EXPERT_OPINION: "# 三、专家意见",
    AssessmentMode.COMPREHENSIVE: "# 三、综合认定意见",
    AssessmentMode.SOLE_COMMISSION: "# 三、鉴定评估意见",
    AssessmentMode.JOINT_COMMISSION: "# 三、鉴定评估意见",
}


def test_the_consultation_notice_heads_the_assessment_by_what_it_is():
    notices = [job for job in JOBS if job.key == "consultation-notice"]
    modes = set()
    for job in notices:
        assessment = CASES[job.case_id].assessment
        assert assessment is not None
        modes.add(assessment.mode)
        heading = next(line for line in job.markdown.splitlines() if line.startswith("# 三、"))
        assert heading == HEADINGS[assessment.mode], job.stem
    assert modes == set(AssessmentMode)  # the samples show every kind


# (b) A letter to a procuratorate speaks to it: 贵院, never its own name in the third person.
@pytest.mark.parametrize("job", [j for j in JOBS if j.key in TO_PROCURATORATE], ids=lambda j: j.stem)
def test_a_letter_to_a_procuratorate_calls_it_gui_yuan(job):
    addressee = job.markdown.split("::: recipient", 1)[1].split(":::", 1)[0].strip().rstrip("：")
    body = _body(job.markdown)
    assert addressee.endswith("人民检察院") and addressee not in body and YOU in body, job.stem


def test_the_invitation_tells_the_clue_the_addressee_referred_as_its_own():
    # GY-2024-001: 隆德县人民检察院 referred the clue (2024-03-12) and is invited to the meeting of 2024-07-02.
    text = _body(_render(CASES["GY-2024-001"], "procuratorate-invitation"))
    assert "本机关收到贵院移送的线索：贵院在审查起诉滥伐林木案件时发现" in text
    assert "检察机关移送的线索" not in text


def test_the_addressees_own_clue_text_is_told_to_it_whichever_way_it_names_itself():
    case = CASES["GY-2024-001"]
    clue = case.clue.model_copy(
        update={"description": "检察院发现林地受损；隆德县检察院建议启动索赔，*宁夏回族自治区人民检察院*另行督办。"}
    )
    text = _body(_render(case.model_copy(update={"clue": clue}), "procuratorate-invitation"))
    # Another procuratorate keeps its name; the user's Markdown characters stay literal text.
    assert (
        "本机关收到贵院移送的线索：贵院发现林地受损；贵院建议启动索赔，\\*宁夏回族自治区人民检察院\\*另行督办。" in text
    )


def test_a_clue_from_another_procuratorate_is_not_the_addressees():
    # The invitation goes to a procuratorate that did not refer the clue: the clue stays 检察机关's.
    case = CASES["GY-2024-001"]
    meetings = [m.model_copy(update={"procuratorate": "固原市人民检察院"}) for m in case.consultation.meetings]
    case = case.model_copy(update={"consultation": case.consultation.model_copy(update={"meetings": meetings})})
    text = _body(_render(case, "procuratorate-invitation"))
    assert "本机关收到检察机关移送的线索：隆德县人民检察院在审查起诉" in text


@pytest.mark.parametrize(
    ("text", "theirs", "told"),
    [
        ("隆德县人民检察院在审查起诉时发现", False, "贵院在审查起诉时发现"),
        ("隆德县检察院建议启动索赔", False, "贵院建议启动索赔"),
        ("隆德县人民检察院第五检察部参加", False, "贵院第五检察部参加"),
        ("检察院发现林地受损", False, "检察院发现林地受损"),  # our own text: a bare 检察院 may be any
        ("检察院发现林地受损，检察机关建议索赔", True, "贵院发现林地受损，贵院建议索赔"),
        ("宜由检察机关提起公益诉讼", True, "宜由检察机关提起公益诉讼"),  # not a clause of its own
        ("检察机关、公安机关联合督办", True, "检察机关、公安机关联合督办"),  # both of them
        ("西吉县人民检察院移送", True, "西吉县人民检察院移送"),
    ],
)
def test_addressed_names_only_the_addressee(text, theirs, told):
    assert addressed(text, "隆德县人民检察院", theirs) == told


def test_a_branch_under_the_addressees_name_is_not_the_addressee():
    branch = "宁夏回族自治区人民检察院银川铁路运输分院"
    assert (
        addressed(f"{branch}移送，宁夏回族自治区人民检察院督办", "宁夏回族自治区人民检察院")
        == f"{branch}移送，贵院督办"
    )


@given(st.text(alphabet="检察院机关人民隆德县西吉，。、和及发现*#\\ ", max_size=40))
def test_addressed_changes_nothing_but_the_addressees_name(text):
    told = addressed(text, "隆德县人民检察院")
    # Each name of the addressee became 贵院, and everything between is kept as it was.
    assert told.split(YOU) == re.split("隆德县人民检察院|隆德县检察院", text)
    theirs = addressed(text, "隆德县人民检察院", theirs=True)
    assert "隆德县人民检察院" not in theirs and "隆德县检察院" not in theirs


# (c) No space between Chinese and a figure or a Latin letter, none inside a figure (GB/T 9704).
def test_no_space_sets_a_figure_apart():
    assert {job.stem: LOOSE.findall(job.markdown) for job in JOBS if LOOSE.search(job.markdown)} == {}


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("2025 年 9 月 30 日前", "2025年9月30日前"),
        ("宁虚林鉴〔2024〕第 9 号", "宁虚林鉴〔2024〕第9号"),
        ("罚款 1 200 000 元", "罚款1200000元"),
        ("罚款\u00a01\u2009200\u202f000.50\u00a0元", "罚款1200000.50元"),
        ("计算基数的 50% 承担", "计算基数的50%承担"),
        ("地表水 IV 类，pH 升高", "地表水IV类，pH升高"),
        ("Li Ming 等 3 人", "Li Ming等3人"),  # between Latin words a space stays
        ("账号 6222 0012 3456", "账号6222 0012 3456"),  # groups of four are no thousands
        ("\u3000\u3000年\u3000月", "\u3000\u3000年\u3000月"),  # ideographic blanks are Chinese text's own
    ],
)
def test_close_spacing(typed, printed):
    assert close_spacing(typed) == printed


@given(st.text(alphabet="年号公顷第，。1203 \u00a0\u2009a*#|\\-.\n", max_size=40))
def test_case_text_is_set_close_and_still_escaped(text):
    printed = environment(sample_templates()).from_string("{{ t }}").render(t=text)
    assert LOOSE.search(printed) is None
    # Only spaces go: every other character is there, in order, and Markdown characters stay escaped.
    assert re.sub(r"\s", "", re.sub(r"\\(.)", r"\1", printed)) == re.sub(r"\s", "", text)
    assert not re.search(r"[*#|\\-]", re.sub(r"\\.", "", printed))


# (item 7) 第二十六条第二款 sends a public-interest clue to the 同级检察机关.
def test_a_referral_to_another_level_cites_the_article_not_the_paragraph():
    # ZW-2025-001: 中卫市 departments referred the clue to 中宁县人民检察院, a county procuratorate.
    job = next(j for j in JOBS if j.stem == "ZW-2025-001/referral-letter")
    assert f"根据{NINGXIA}第二十六条的规定，现将线索移送贵院" in job.markdown
    assert "第二十六条第二款" not in job.markdown and job.articles == f"{NINGXIA}第二十六条"


def test_a_referral_to_the_same_level_cites_the_paragraph():
    case = CASES["ZW-2025-001"]
    referrals = [r.model_copy(update={"procuratorate": "中卫市人民检察院"}) for r in case.referrals]
    text = _render(case.model_copy(update={"referrals": referrals}), "referral-letter")
    assert f"根据{NINGXIA}第二十六条第二款的规定，现将线索移送贵院" in text
