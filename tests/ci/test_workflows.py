"""The CI definitions: valid against their published schemas, pinned, and every command in them really runs."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.ci.gitrepo import CaseRepo
from tests.ci.runs import GITHUB_CONTEXT, workflow
from tests.ci.workflows import (
    GITHUB_ACTIONS,
    GITHUB_WORKFLOWS,
    GITLAB_CI,
    Step,
    action_steps,
    ecoredress_commands,
    github_steps,
    gitlab_jobs,
    gitlab_pipeline,
    gitlab_steps,
    load_yaml,
    resolve,
    run_step,
)
from tests.conftest import ROOT

HERE = Path(__file__).parent
DEFINITIONS = (
    [(p, "vendor.github-workflows") for p in GITHUB_WORKFLOWS]
    + [(p, "vendor.github-actions") for p in GITHUB_ACTIONS]
    + [(GITLAB_CI, "vendor.gitlab-ci")]
)
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
LOCAL_ACTION = re.compile(r"^\s*(?:-\s+)?uses:\s+(\./\.github/actions/[\w-]+)$")


def validate(path: Path, schema: str) -> subprocess.CompletedProcess[str]:
    """check-jsonschema with its vendored copy of the schema: works offline, as CI must."""
    command = [sys.executable, "-m", "check_jsonschema", "--no-cache", "--builtin-schema", schema, str(path)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_there_are_workflows_for_pull_requests_and_pages():
    assert {p.name for p in GITHUB_WORKFLOWS} == {"review.yml", "pages.yml"}
    for path in GITHUB_WORKFLOWS:  # both set up through the shared action, so they cannot drift apart
        steps = [s for job in load_yaml(path)["jobs"].values() for s in job.get("steps", [])]
        assert any(s.get("uses") == "./.github/actions/setup" for s in steps), path.name
    assert GITLAB_CI.is_file()


@pytest.mark.parametrize(("path", "schema"), DEFINITIONS, ids=lambda v: getattr(v, "name", v))
def test_definitions_validate_against_their_schemas(path, schema):
    result = validate(path, schema)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("name", "old", "new", "complaint"),
    [
        (
            "pages.yml",
            "    name: 校验并构建门户\n    runs-on:",
            "    name: 校验并构建门户\n    run-on:",
            "is not valid",
        ),
        ("review.yml", "  pull_request:\n    branches: [main]", "  pull_request:\n    branch: [main]", "branch"),
        (".gitlab-ci.yml", "check:\n  stage: check", "check:\n  stage: check\n  scrip: []", "scrip"),
        (".gitlab-ci.yml", "    when: always\n    reports:", "    when: sometimes\n    reports:", "sometimes"),
    ],
)
def test_a_broken_definition_fails_validation(tmp_path, name, old, new, complaint):
    source = GITLAB_CI if name == GITLAB_CI.name else ROOT / ".github" / "workflows" / name
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    broken = tmp_path / name
    broken.write_text(text.replace(old, new), encoding="utf-8")
    result = validate(broken, {p.name: s for p, s in DEFINITIONS}[name])
    assert result.returncode == 1 and complaint in result.stdout, result.stdout + result.stderr


def test_actions_are_pinned_to_commits_with_their_version():
    for path in [*GITHUB_WORKFLOWS, *GITHUB_ACTIONS]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not re.match(r"^\s*(-\s+)?uses:", line):
                continue
            local = LOCAL_ACTION.match(line)
            if local:
                assert (ROOT / local.group(1) / "action.yml").is_file(), line
            else:
                assert PINNED.match(line), (
                    f"{path.name}: pin to a full commit SHA with a `# vX.Y.Z` comment: {line.strip()}"
                )


def test_run_scripts_take_values_through_env_only():
    """`${{ }}` inside a script is a script-injection risk (a branch name is attacker-chosen) and cannot be tested."""
    for path in GITHUB_WORKFLOWS:
        for job in load_yaml(path)["jobs"].values():
            for step in job.get("steps", []):
                assert "${{" not in step.get("run", ""), f"{path.name}: {step.get('name')}"


def all_steps():
    variables = {"CI_PROJECT_DIR": "/builds/repo", "CI_MERGE_REQUEST_DIFF_BASE_SHA": "0" * 40}
    workflows = [s for p in GITHUB_WORKFLOWS for s in github_steps(p, GITHUB_CONTEXT)]
    return workflows + [s for p in GITHUB_ACTIONS for s in action_steps(p)] + gitlab_steps(variables)


def test_every_step_either_installs_or_runs_ecoredress():
    """So the partition the runs below rely on is complete: nothing else happens in CI that tests skip."""
    for step in all_steps():
        if not ecoredress_commands(step.script):
            assert re.search(r"\b(pip install|apt-get install|npm ci)\b", step.script), f"{step.source}: {step.name}"


def test_apt_packages_of_ci_are_installed_by_ci_install():
    wanted = set()
    texts = [p.read_text(encoding="utf-8") for p in [*GITHUB_WORKFLOWS, *GITHUB_ACTIONS, GITLAB_CI]]
    for text in texts:
        for block in re.findall(r"apt-get install((?:[^\n]|\\\n)+)", text):
            wanted |= {
                w
                for w in re.findall(r"(?<![-\w\"=])([a-z][a-z0-9.+-]+)", block.replace("\\\n", " "))
                if w.startswith("fonts-")
            }
    assert wanted, "the workflows install CJK fonts"
    assert wanted <= set(re.findall(r"\bfonts-[a-z0-9-]+", (ROOT / ".ci" / "install").read_text(encoding="utf-8")))


def test_every_ecoredress_command_in_ci_runs_in_these_tests(review_run, gitlab_run, gitlab_main_run, pages_run):
    in_ci = {(s.source, s.name) for s in all_steps() if ecoredress_commands(s.script)}
    runs = (review_run, gitlab_run, gitlab_main_run, pages_run)
    ran = {(r.step.source, r.step.name) for run in runs for r in run.ran}
    assert in_ci == ran
    commands = {c for s in all_steps() for c in ecoredress_commands(s.script)}
    assert {"check", "render", "site build", "site diff", "build"} <= commands, commands


def test_every_run_succeeds(review_run, gitlab_run, gitlab_main_run, pages_run):
    for run in (review_run, gitlab_run, gitlab_main_run, pages_run):
        for ran in run.ran:
            assert ran.code == 0, f"{ran.step.source} «{ran.step.name}»\n{ran.out}\n{ran.err}"
            assert "Traceback" not in ran.err, ran.err


# --- GitHub: the pull-request workflow ---------------------------------------------------------------


def test_review_check_writes_annotations(review_run):
    out = review_run.step("校验案件（问题标注在 YAML 行上）").out
    assert all(re.match(r"^::(error|warning|notice) file=cases/", line) for line in out.splitlines()), out


def test_review_renders_only_the_changed_cases(review_run):
    documents = review_run.repo.root / "build" / "documents"
    rendered = {p.name for p in documents.iterdir() if p.is_dir() and not p.name.startswith(".")}
    assert rendered == {"YC-2023-002", "YC-2023-003"}
    assert list((documents / "YC-2023-003").glob("*.pdf")) and list((documents / "YC-2023-003").glob("*.docx"))


def test_review_preview_contains_the_new_case_and_its_public_agreement(review_run):
    preview = review_run.repo.root / "build" / "site"
    page = next(preview.glob("cases/YC-2023-003*/index.html"), None) or next(preview.glob("cases/YC-2023-003*.html"))
    assert "1,272,400.00" in html.unescape(
        page.read_text(encoding="utf-8")
    )  # page text is written as character references
    assert list(preview.rglob("YC-2023-003*/**/*.pdf")) or list(preview.glob("documents/YC-2023-003*/*.pdf"))


def test_review_summary_is_chinese_and_shows_the_disclosure_diff(review_run):
    summary = review_run.summary.read_text(encoding="utf-8")
    assert summary.startswith("## 案件合并请求检查")
    assert summary.count("✅ 通过") == 3
    assert "### 信息公开变化（对比 `origin/main`）" in summary
    assert "| YC-2023-003 |" in summary and "银环赔协〔2023〕3号" in summary
    assert "| 1,272,400.00 元 | 1,300,000.00 元 |" in summary


def test_review_uploads_what_the_steps_produce(review_run):
    workflow = load_yaml(ROOT / ".github" / "workflows" / "review.yml")
    context = {**GITHUB_CONTEXT, **{f"env.{k}": v for k, v in workflow["env"].items()}}
    uploads = [s for s in workflow["jobs"]["review"]["steps"] if "upload-artifact" in s.get("uses", "")]
    assert {s["with"]["name"] for s in uploads} == {"documents-public", "site-preview"}
    for step in uploads:
        patterns = [resolve(line, context) for line in step["with"]["path"].splitlines() if line.strip()]
        matched = (
            [p for pattern in patterns for p in review_run.repo.root.glob(pattern)]
            if "*" in "".join(patterns)
            else [review_run.repo.root / patterns[0]]
        )
        if step["with"]["name"] == "documents-public":
            # Only masked copies leave the runner: an artifact is readable by anyone who can read the repository.
            assert matched and all(p.stem.endswith("-public") for p in matched), matched
        else:
            assert matched[0].is_dir() and any(matched[0].rglob("index.html"))


def test_review_of_a_pull_request_that_only_creates_a_case(tmp_path):
    """The most common first pull request: a case just made with `ecoredress new` calls for no document yet."""
    repo = CaseRepo.from_project(tmp_path / "repo")
    repo.git("update-ref", "refs/remotes/origin/main", "HEAD")
    created = subprocess.run(
        [
            "ecoredress",
            "new",
            "--holder",
            "银川",
            "--found-on",
            "2024-03-01",
            "--title",
            "某公司向某河排放废水生态环境损害赔偿案",
        ],
        cwd=repo.root,
        capture_output=True,
        text=True,
    )
    assert created.returncode == 0, created.stdout + created.stderr
    repo.commit("新建案件")
    steps = {
        s.name: s for s in github_steps(workflow("review.yml"), {**GITHUB_CONTEXT, "steps.check.outcome": "failure"})
    }
    render = run_step(steps["生成改动案件的文书"], repo.root)
    assert render.code == 0 and "尚未进行到出具文书的环节" in render.out, render.out + render.err
    summary_file = tmp_path / "summary.md"
    summary = run_step(
        steps["写检查摘要（含信息公开变化）"],
        repo.root,
        {"GITHUB_STEP_SUMMARY": str(summary_file), "DOCUMENTS_DIR": "absent"},
    )
    assert summary.code == 0, summary.err
    text = summary_file.read_text(encoding="utf-8")
    assert "| 校验案件（ecoredress check） | ❌ 未通过 |" in text and "（共 0 个文件）" in text
    assert "本次修改不改变公开内容" in text, "a case without a decision to publish is not published"
    (new_case,) = repo.git("diff", "--name-only", "origin/main", "HEAD").split()
    (repo.root / new_case).write_text("id: [\n", encoding="utf-8")
    repo.commit("损坏的案件")
    broken = run_step(steps["生成改动案件的文书"], repo.root)
    assert broken.code != 0 and "不能据此出具文书" in broken.err, "any other render failure fails the job"
    assert run_step(steps["生成改动案件的文书"], repo.root, {"BASE_REF": "no-such-branch"}).code != 0


# --- GitLab ------------------------------------------------------------------------------------------


def test_gitlab_code_quality_report(gitlab_run):
    report = json.loads((gitlab_run.repo.root / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, json.loads((HERE / "code_quality.schema.json").read_text(encoding="utf-8")))
    assert gitlab_jobs()["check"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"


def test_gitlab_runs_the_jobs_each_pipeline_selects(gitlab_run, gitlab_main_run):
    assert [r.step.name for r in gitlab_run.ran] == ["check", "render", "site", "disclosure-diff"]
    assert [r.step.name for r in gitlab_main_run.ran] == ["check", "pages", "internal-site"]


@pytest.mark.parametrize(
    "rule",
    [{"if": "$CI_COMMIT_TAG =~ /^v/"}, {"if": "$CI_COMMIT_BRANCH"}, {"if": "$A == $B", "when": "never"}],
    ids=["regex", "presence", "when"],
)
def test_a_rule_these_tests_cannot_read_fails_them(tmp_path, rule):
    config = {"stages": ["check"], "workflow": {"rules": [{"if": "$A == $B"}]}, "job": {"stage": "check"}}
    config["job"] |= {"script": ["ecoredress check"], "rules": [rule]}
    (tmp_path / "ci.yml").write_text(json.dumps(config), encoding="utf-8")
    with pytest.raises(AssertionError, match="rule not understood"):
        gitlab_pipeline({"A": "1", "B": "1"}, tmp_path / "ci.yml")


def test_gitlab_artifacts_exist_after_the_jobs(gitlab_run, gitlab_main_run):
    for run in (gitlab_run, gitlab_main_run):
        for ran in run.ran:
            artifacts = gitlab_jobs()[ran.step.name].get("artifacts", {})
            for path in artifacts.get("paths", []) + list(artifacts.get("reports", {}).values()):
                assert (run.repo.root / path).exists(), f"{ran.step.name}: {path}"
    assert (gitlab_main_run.repo.root / "public" / "index.html").is_file()
    diff = (gitlab_run.repo.root / "disclosure-diff.md").read_text(encoding="utf-8")
    assert "| YC-2023-003 |" in diff and "1,300,000.00 元" in diff


def test_gitlab_publishes_pages_from_the_default_branch_only():
    jobs = gitlab_jobs()
    assert jobs["pages"]["artifacts"]["paths"] == ["public"]
    assert [r["if"] for r in jobs["pages"]["rules"]] == ["$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"]
    for name in ("render", "site", "disclosure-diff"):
        assert jobs[name]["extends"][-1] == ".merge_request", name
    assert load_yaml(GITLAB_CI)[".merge_request"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]


def test_private_documents_are_for_project_members_only():
    assert gitlab_jobs()["render"]["artifacts"]["access"] == "developer"


# --- The internal site, from either CI ---------------------------------------------------------------

BROKEN_CASE = "YC-2024-999.yaml"
GOOD_CASE = "YC-2026-001"


def internal_site_jobs() -> list[tuple[Step, str]]:
    """(the step that builds the internal site, the folder its artifact keeps) in each CI definition."""
    pages = load_yaml(workflow("pages.yml"))
    context = {**GITHUB_CONTEXT, **{f"env.{k}": str(v) for k, v in pages["env"].items()}}
    (github,) = [
        s
        for s in github_steps(workflow("pages.yml"), GITHUB_CONTEXT)
        if s.source == "pages.yml:internal" and ecoredress_commands(s.script)
    ]
    (upload,) = [s for s in pages["jobs"]["internal"]["steps"] if "upload-artifact" in s.get("uses", "")]
    (gitlab,) = [s for s in gitlab_steps({}) if s.name == "internal-site"]
    return [
        (github, resolve(upload["with"]["path"], context)),
        (gitlab, gitlab_jobs()["internal-site"]["artifacts"]["paths"][0]),
    ]


def test_the_internal_site_is_kept_even_when_its_job_fails():
    pages = load_yaml(workflow("pages.yml"))
    (upload,) = [s for s in pages["jobs"]["internal"]["steps"] if "upload-artifact" in s.get("uses", "")]
    assert upload["if"] == "${{ !cancelled() }}"
    assert gitlab_jobs()["internal-site"]["artifacts"]["when"] == "always"


@pytest.mark.slow
@pytest.mark.parametrize("index", [0, 1], ids=["github", "gitlab"])
def test_a_broken_case_file_on_main_gives_the_internal_site_and_a_failed_job(tmp_path, index):
    """Staff see a file that fails validation on the internal site's dashboard: CI builds the site from the other
    cases and keeps it, and the job fails so that the run shows the problem."""
    step, kept = internal_site_jobs()[index]
    repo = CaseRepo.from_project(tmp_path / "repo")
    for case in repo.cases.glob("*.yaml"):  # one good case with few documents keeps the run short
        if case.name != f"{GOOD_CASE}.yaml":
            case.unlink()
    (repo.cases / BROKEN_CASE).write_text("id: YC-2024-999\ntitle: [未闭合\n", encoding="utf-8")
    ran = run_step(step, repo.root)
    assert ran.code == 1, ran.out + ran.err
    site = repo.root / kept
    assert BROKEN_CASE in html.unescape((site / "index.html").read_text(encoding="utf-8"))
    assert (site / "cases" / GOOD_CASE / "index.html").is_file()
    assert any((site / "documents" / GOOD_CASE).glob("*.pdf")), "the good case's documents are rendered"
