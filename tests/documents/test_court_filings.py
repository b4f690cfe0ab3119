"""The department on its court filings (民事诉讼法第一百二十四条第一项): its 住所, 主要负责人 and 职务, 联系电话
come from the repository's settings ([tool.ecoredress.departments]), a particular not set is a blank to fill in,
and every value is escaped like case text. One template rendered per example, no pandoc."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from ecoredress.documents.context import document_context
from ecoredress.documents.plan import case_jobs
from ecoredress.model import Case
from ecoredress.model.enums import ObligorKind
from ecoredress.model.parties import Person
from ecoredress.presentation.formatting import close_spacing
from ecoredress.presentation.markdown import escape_markdown
from ecoredress.regulation.document_kinds import BY_KEY, issuing_department
from ecoredress.settings import DepartmentSettings

BLANK = "[　　　　　　　　]{.underline}"
SZS = "石嘴山市生态环境局"


def shown(text: str | None) -> str:
    """A value as a document prints any case text: spacing closed, Markdown kept literal (templating._finalize)."""
    return escape_markdown(close_spacing(text or ""))


def complaint(case, profile, calendar, templates, departments) -> list[str]:
    """The paragraphs of SZS-2022-001's complaint, as the template writes them."""
    (job,) = case_jobs(case, [BY_KEY["complaint"]], profile, calendar, templates, departments)
    return [block for block in job.markdown.split("\n\n") if block.strip()]


def test_the_complaint_states_the_plaintiffs_address_head_and_phone(cases_by_id, project, profile, calendar, templates):
    """From the sample settings, right below the plaintiff and before the defendant."""
    blocks = complaint(cases_by_id["SZS-2022-001"], profile, calendar, templates, project.settings.departments)
    start = blocks.index(f"原告：{SZS}（赔偿权利人石嘴山市人民政府指定的部门或机构）")
    assert blocks[start + 1 : start + 5] == [
        "住所：石嘴山市大武口区虚构路401号",  # as set, "虚构路 401 号": spacing closed as in any case text
        "主要负责人：王虚构，职务：局长",
        r"联系电话：0952\-5550401",
        "被告：宁夏虚构冶金有限公司",
    ]


def test_a_particular_the_settings_lack_is_a_blank_to_fill_in(cases_by_id, profile, calendar, templates):
    only_address = {SZS: DepartmentSettings(address="石嘴山市大武口区虚构路 401 号")}
    blocks = complaint(cases_by_id["SZS-2022-001"], profile, calendar, templates, only_address)
    assert f"主要负责人：{BLANK}，职务：{BLANK}" in blocks and f"联系电话：{BLANK}" in blocks
    nothing = complaint(cases_by_id["SZS-2022-001"], profile, calendar, templates, {})
    assert f"住所：{BLANK}" in nothing and f"主要负责人：{BLANK}，职务：{BLANK}" in nothing


def test_a_department_recorded_by_a_short_name_files_under_its_full_name(cases_by_id, profile, calendar, templates):
    full = {SZS: DepartmentSettings(full_name="宁夏回族自治区石嘴山市生态环境局（虚构全称）")}
    blocks = complaint(cases_by_id["SZS-2022-001"], profile, calendar, templates, full)
    assert blocks[1].startswith("原告：宁夏回族自治区石嘴山市生态环境局（虚构全称）（赔偿权利人")
    assert "具状人（盖章）：宁夏回族自治区石嘴山市生态环境局（虚构全称）" in blocks
    assert not any(block.startswith(f"原告：{SZS}") for block in blocks)


def test_a_public_copy_names_no_head(cases_by_id, project, profile, calendar):
    """Court filings have no public copy today; were one made, the head's name would not be in it."""
    case, spec = cases_by_id["SZS-2022-001"], BY_KEY["complaint"]
    context = document_context(
        case, spec, spec.subjects(case)[0], profile, calendar, public=True, departments=project.settings.departments
    )
    assert context["department_as"]("原告").particulars == ()


def _valid(text: str) -> bool:
    try:
        DepartmentSettings(address=text)
    except ValidationError:
        return False
    return True


# Anything a setting may hold: Markdown, HTML, Jinja and typst syntax, full-width and mixed text.
PIECES = st.sampled_from(["*", "_", "#", "|", "<b>", "[x](y)", "{{ x }}", "{% if %}", "$", "`", "\\", "@", "1. ", "- "])
HOSTILE = st.lists(st.one_of(PIECES, st.text(st.characters(codec="utf-8"), max_size=6)), min_size=1, max_size=6).map(
    "".join
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(address=HOSTILE.filter(_valid), head=HOSTILE.filter(_valid))
def test_any_particular_is_escaped_like_case_text(address, head, cases_by_id, profile, calendar, templates):
    particulars = {SZS: DepartmentSettings(address=address, head=head, head_title="局长", phone="0952-5550401")}
    blocks = complaint(cases_by_id["SZS-2022-001"], profile, calendar, templates, particulars)
    stated = DepartmentSettings(address=address, head=head)  # as the settings keep them (trimmed)
    assert f"住所：{shown(stated.address)}" in blocks
    assert f"主要负责人：{shown(stated.head)}，职务：局长" in blocks


# Each court filing and the label of the party named after the department.
FILINGS = {
    "complaint": ("SZS-2022-001", "被告："),
    "judicial-confirmation": ("YC-2023-002", "申请人：宁夏虚构化工有限公司"),
    "enforcement-application": ("SZS-2022-001", "被执行人："),
}


@pytest.mark.parametrize("key", sorted(FILINGS))
def test_every_court_filing_states_the_particulars_before_the_other_party(
    key, cases_by_id, project, profile, calendar, templates
):
    case_id, other = FILINGS[key]
    case = cases_by_id[case_id]
    mine = project.settings.departments[issuing_department(case)]
    (job,) = case_jobs(case, [BY_KEY[key]], profile, calendar, templates, project.settings.departments)
    blocks = [block for block in job.markdown.split("\n\n") if block.strip()]
    at = blocks.index(f"住所：{shown(mine.address)}")
    assert blocks[at + 1] == f"主要负责人：{shown(mine.head)}，职务：{shown(mine.head_title)}"
    assert blocks[at + 2] == f"联系电话：{shown(mine.phone)}"
    assert blocks[at + 3].startswith(other)


# 民事诉讼法第一百二十四条第二项: the defendant's 住所 too; one not recorded is the same blank.
PERSON = Person(kind=ObligorKind.PERSON, name="张虚构", id_number="640104198001010013")


def _without_addresses(case: Case) -> Case:
    """``case`` with its organisation's address removed and a natural person without one added as a second obligor."""
    organisation = case.obligors[0].model_copy(update={"address": None})
    return case.model_copy(update={"obligors": [organisation, PERSON]})


@pytest.mark.parametrize("key", sorted(FILINGS))
def test_a_defendant_without_an_address_gets_a_blank_on_every_court_filing(
    key, cases_by_id, project, profile, calendar, templates
):
    case = _without_addresses(cases_by_id[FILINGS[key][0]])
    (job,) = case_jobs(case, [BY_KEY[key]], profile, calendar, templates, project.settings.departments)
    blocks = [block for block in job.markdown.split("\n\n") if block.strip()]
    organisation, person = case.obligors
    first = next(i for i, block in enumerate(blocks) if block.endswith(f"：{organisation.name}"))
    assert blocks[first + 1] == f"统一社会信用代码：{organisation.credit_code}"
    assert f"住所：{BLANK}" in blocks[first + 2 : first + 4]
    second = next(i for i, block in enumerate(blocks) if block.endswith(f"二：{person.name}"))
    assert blocks[second + 1 : second + 3] == [f"公民身份号码：{person.id_number}", f"住址：{BLANK}"]


def test_a_recorded_address_is_stated_and_no_blank_added(cases_by_id, project, profile, calendar, templates):
    blocks = complaint(cases_by_id["SZS-2022-001"], profile, calendar, templates, project.settings.departments)
    at = blocks.index("被告：宁夏虚构冶金有限公司")
    assert blocks[at + 3] == "住所：石嘴山市惠农区虚构工业园区12号" and BLANK not in blocks[at + 4]


def test_only_a_court_filing_and_never_a_public_copy_has_the_defendants_blank(cases_by_id, profile, calendar):
    case = _without_addresses(cases_by_id["SZS-2022-001"])
    filing, other = BY_KEY["complaint"], BY_KEY["investigation-report"]
    public = document_context(case, filing, filing.subjects(case)[0], profile, calendar, public=True)
    assert all(p.particulars == () and p.details == () for p in public["party_as"]("被告"))
    internal = document_context(case, other, other.subjects(case)[0], profile, calendar, public=False)
    assert all(p.particulars == () for p in internal["party_as"]("赔偿义务人"))
