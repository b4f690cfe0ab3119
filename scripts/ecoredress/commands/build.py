"""ecoredress build: the main job — check the cases, render the documents, build the portal; then a summary."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ecoredress.model import Case
    from ecoredress.project import Project


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ecoredress.documents.settings import default_jobs

    parser = subparsers.add_parser(
        "build",
        help="一键完成：校验案件、生成文书、生成信息公开网站",
        description="依次运行 check、render、site build。校验发现错误时停止，不生成任何输出。",
    )
    parser.add_argument("--out", type=Path, default=None, metavar="目录", help="网站输出目录（默认：public/）")
    parser.add_argument("--skip-documents", action="store_true", help="不生成文书（网站中不提供 PDF 下载）")
    parser.add_argument(
        "--jobs", type=int, default=default_jobs(), metavar="N", help=f"生成文书的并行进程数（默认 {default_jobs()}）"
    )
    parser.set_defaults(func=run)


NOTHING_CHANGED = "没有变化：案件、模板、设置和程序与上次 ecoredress build 相同，文书和网站已是最新，未重新校验和生成。"


def run(args: argparse.Namespace) -> int:
    from ecoredress.build_inputs import BuildStamp, forget_stamp, inputs_key, outputs_key, read_stamp, write_stamp
    from ecoredress.commands.site import output_dir
    from ecoredress.documents.settings import document_settings
    from ecoredress.project import find_project

    project = find_project(args.project)
    site_out, documents = output_dir(project, args.out), document_settings(project).out_dir
    # Finding paths are relative to the working folder: it is an input too.
    inputs = inputs_key(project, f"{site_out.resolve()}\0{args.skip_documents}\0{Path.cwd()}")
    stamp = read_stamp(project)
    if inputs and stamp and stamp.inputs == inputs and stamp.outputs == outputs_key(documents, site_out):
        print(stamp.findings, end="")
        print(NOTHING_CHANGED)
        return 0
    forget_stamp(project)
    code, findings, summary = _build(project, args, site_out)
    print(findings + summary, end="")
    if code == 0 and inputs:
        write_stamp(project, BuildStamp(inputs, outputs_key(documents, site_out), findings))
    return code


def _build(project: Project, args: argparse.Namespace, site_out: Path) -> tuple[int, str, str]:
    """Check, render, build the site; the exit code, the findings and the summary to print."""
    from ecoredress.loading.discovery import discover_case_files
    from ecoredress.publish.site import build_site
    from ecoredress.regulation.findings import Severity
    from ecoredress.validation.report import FORMATS
    from ecoredress.validation.repository import check_files

    report = check_files(discover_case_files([project.cases_dir]), base=Path.cwd(), project=project)
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    printed = (
        FORMATS["text"](report) if report.findings else ""
    )  # warnings do not stop the build, but staff must see them
    if not report.valid:
        return 1, printed, f"校验未通过：{errors} 个错误。请修正后重新运行 ecoredress build；未生成文书和网站。\n"
    cases = report.cases  # every file is valid here: parse once, use for documents and site
    lines = [f"校验：{len(report.files)} 个案件文件，0 个错误，{warnings} 个警告"]
    lines.append(
        "文书：" + (_render(project, cases, args.jobs) if not args.skip_documents else "已按 --skip-documents 跳过")
    )
    site = build_site(project, site_out, cases=cases, with_documents=not args.skip_documents)
    unchanged = "" if site.changed else "，没有变化，未重新生成"
    lines.append(
        f"网站：{site.out}（公开案件 {site.published} 件 / 共 {site.cases} 件，可下载公开文书 {site.documents} "
        f"份{unchanged}）"
    )
    return 0, printed, "生成完成。\n" + "\n".join(f"  {line}" for line in lines) + "\n"


def _render(project: Project, cases: list[Case], jobs: int) -> str:
    """Render every document the cases call for; a summary line."""
    from ecoredress.documents.plan import plan_jobs
    from ecoredress.documents.renderer import render_documents
    from ecoredress.documents.settings import document_settings
    from ecoredress.regulation.calendar import load_calendar
    from ecoredress.regulation.profile import project_profile

    settings = document_settings(project)
    templates = project.template_folder("documents")
    profile, calendar = project_profile(project), load_calendar(project.root)
    planned = plan_jobs(cases, profile, calendar, templates, None, project.settings.departments)
    if not planned:
        return "没有需要生成的文书"
    result = render_documents(planned, settings, templates, settings.out_dir, workers=max(1, jobs))
    return (
        f"{result.documents} 份，生成 {len(result.rendered)} 个文件，"
        f"{len(result.skipped)} 个未变化已跳过（{result.manifest.parent}）"
    )
