"""`site diff`: what a change makes public, on a test repository with two commits."""

from __future__ import annotations

import json
import re

import pytest

from ecoredress.errors import UserError
from ecoredress.publish.diff import disclosure_diff
from ecoredress.publish.diff_format import FORMATS
from tests.ci.gitrepo import NEW_CASE, NEW_TOTAL, CaseRepo
from tests.conftest import run_cli


@pytest.fixture
def repo(tmp_path):
    """Commit 1: the sample case. Commit 2: a new public case and a changed agreement amount."""
    repo = CaseRepo.create(tmp_path)
    repo.add_copy("YC-2023-003.yaml", *NEW_CASE)
    repo.edit("YC-2023-002.yaml", *NEW_TOTAL)
    repo.commit("新增案件并更正协议金额")
    return repo


def diff_of(repo: CaseRepo, base: str):
    return disclosure_diff(repo.root, repo.cases, base)


def test_reports_the_new_case_and_the_changed_amount(repo):
    diff = diff_of(repo, "HEAD~1")
    assert [c.id for c in diff.published] == ["YC-2023-003"]
    assert diff.withdrawn == []
    assert [(i, d.doc_no) for i, d in diff.new_documents] == [("YC-2023-003", "银环赔协〔2023〕3号")]
    (case_id,) = diff.changed
    _, changes = diff.changed[case_id]
    amounts = {".".join(map(str, c.path)): (str(c.old), str(c.new)) for c in changes if c.is_amount}
    assert case_id == "YC-2023-002"
    assert amounts["agreement.total"] == ("1272400.00", "1300000.00")
    assert amounts["amount"] == ("1272400.00", "1300000.00")
    assert all(c.is_amount for c in changes), "only the amounts changed"


def test_text_and_markdown_are_chinese_and_show_old_and_new(repo):
    text = FORMATS["text"](diff_of(repo, "HEAD~1"))
    assert "新公开案件 1 件" in text and "+ YC-2023-003" in text
    assert "【金额】赔偿协议 › 赔偿总额（元）：1,272,400.00 元 → 1,300,000.00 元" in text
    assert "新公开文书 1 份" in text and "银环赔协〔2023〕3号" in text
    markdown = FORMATS["markdown"](diff_of(repo, "HEAD~1"))
    assert markdown.startswith("### 信息公开变化（对比 `HEAD~1`）")
    row = next(line for line in markdown.splitlines() if "赔偿总额" in line)
    assert re.fullmatch(
        r"\| YC-2023-002 \| \*\*赔偿协议 › 赔偿总额（元）\*\* \| 1,272,400.00 元 \| 1,300,000.00 元 \|", row
    )


def test_json_keeps_exact_amounts(repo):
    payload = json.loads(FORMATS["json"](diff_of(repo, "HEAD~1")))
    assert payload["published"][0]["id"] == "YC-2023-003"
    change = next(c for c in payload["changed"][0]["changes"] if c["path"] == "agreement.total")
    assert (change["old"], change["new"], change["amount"]) == ("1272400.00", "1300000.00", True)


def test_no_change_since_head(repo):
    diff = diff_of(repo, "HEAD")
    assert diff.empty
    assert "本次修改不改变公开内容" in FORMATS["text"](diff)


def test_private_and_internal_edits_change_nothing_public(repo):
    repo.edit(
        "YC-2023-002.yaml",
        ("legal_representative: 马虚构", "legal_representative: 马新任"),
        ("notes: 义务人法务", "notes: 新备注 义务人法务"),
    )
    diff = diff_of(repo, "HEAD")
    assert diff.empty, FORMATS["text"](diff)


def test_withdrawal_and_unpublished_cases(repo):
    repo.edit("YC-2023-003.yaml", ("  publish: true", "  publish: false"))
    repo.add_copy("YC-2023-004.yaml", ("id: YC-2023-002", "id: YC-2023-004"), ("  publish: true", "  publish: false"))
    diff = diff_of(repo, "HEAD")
    assert [c.id for c in diff.withdrawn] == ["YC-2023-003"]
    assert diff.published == [], "a case without a decision to publish is not published"
    assert [(i, d.doc_no) for i, d in diff.withdrawn_documents] == [("YC-2023-003", "银环赔协〔2023〕3号")]
    assert "撤回公开的案件 1 件" in FORMATS["text"](diff)


def test_masked_names_are_what_the_diff_shows(repo):
    repo.edit("YC-2023-003.yaml", ("  company_naming: 全称", "  company_naming: 某公司"))
    repo.commit("改为某公司")
    repo.edit("YC-2023-003.yaml", ("summary: >-\n", "summary: >-\n  宁夏虚构化工有限公司补充说明。\n"))
    text = FORMATS["text"](diff_of(repo, "HEAD"))
    assert "宁夏虚构化工有限公司补充说明" not in text and "某公司补充说明" in text


def test_markdown_keeps_case_text_as_text(repo):
    # The job summary renders Markdown: a title must not become a link, emphasis or a broken table.
    title = "title: 宁夏虚构化工有限公司向典农河排放超标废水生态环境损害赔偿案\n"
    repo.edit("YC-2023-003.yaml", (title, "title: '[点此](http://evil.example) **粗** | 宁夏虚构化工有限公司排污案'\n"))
    markdown = FORMATS["markdown"](diff_of(repo, "HEAD"))
    assert r"\[点此\]\(http\://evil.example\) \*\*粗\*\* \|" in markdown
    assert "[点此](http://evil.example)" not in markdown


def test_unreadable_file_is_listed_not_fatal(repo):
    (repo.cases / "YC-2023-009.yaml").write_text("id: [\n", encoding="utf-8")
    diff = diff_of(repo, "HEAD")
    assert diff.unreadable == ["cases/YC-2023-009.yaml"]
    assert "未计入对比" in FORMATS["text"](diff)


def test_unknown_ref_is_a_chinese_error(repo):
    with pytest.raises(UserError, match="无法读取 git 版本 no-such-branch"):
        diff_of(repo, "no-such-branch")


def test_command_line(repo, monkeypatch):
    monkeypatch.chdir(repo.root)
    result = run_cli("site", "diff", "--base", "HEAD~1", "--format", "markdown")
    assert result.code == 0 and "| YC-2023-003 |" in result.out
    assert run_cli("site", "diff").out.endswith("本次修改不改变公开内容。\n"), "the default base is HEAD"
    missing = run_cli("site", "diff", "--base", "no-such-branch")
    assert (
        missing.code == 2 and "错误：无法读取 git 版本 no-such-branch" in missing.err and "Traceback" not in missing.err
    )
    assert run_cli("site", "diff", "--format", "xml").code == 2


def test_documents_without_a_number_are_told_apart_and_shown():
    import datetime as dt

    from ecoredress.publish.diff import DisclosureDiff, document_changes
    from ecoredress.publish.projection import PublishedDocument

    agreement = PublishedDocument(kind="赔偿协议", issued_on=dt.date(2024, 7, 9))
    evaluation = PublishedDocument(kind="修复效果评估意见", issued_on=dt.date(2025, 9, 5))
    numbered = PublishedDocument(kind="赔偿协议", doc_no="银环赔协〔2024〕3号", issued_on=dt.date(2024, 7, 9))
    added, removed = document_changes([numbered], [agreement, evaluation, numbered])
    assert added == [evaluation, agreement] and removed == []
    added, removed = document_changes([agreement, evaluation], [evaluation])
    assert added == [] and removed == [agreement]
    diff = DisclosureDiff("HEAD")
    diff.new_documents = [("YC-2024-001", agreement)]
    assert "YC-2024-001 赔偿协议 （无文号）（2024-07-09）" in FORMATS["text"](diff)
    assert "| YC-2024-001 | 赔偿协议 | （无文号） | 2024-07-09 |" in FORMATS["markdown"](diff)
