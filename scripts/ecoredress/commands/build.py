"""ecoredress build: the main job — check the cases, render the documents, build the portal; then a summary."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    from ecoredress.documents.settings import default_jobs

    parser = subparsers.add_parser(
        "build",
        help="一键完成：校验案件、生成文书、生成信息公开网站",
        description="依次运行 check、render、site build。校验发现错误时停止，不生成任何输出。",
    )
    parser.add_argument("--out", type=Path, default=None, metavar="目录", help="网站输出目录（默认：public/）")
    parser.add_argument("--skip-documents", action="store_true", help="不生成文书（网站中不提供 PDF 下载）")
    parser.add_argument("--jobs", type=int, default=default_jobs(), metavar="N", help=f"生成文书的并行进程数（默认 {default_jobs()}）")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ecoredress.commands.site import output_dir
    from ecoredress.loading.discovery import discover_case_files
    from ecoredress.project import find_project
    from ecoredress.publish.site import build_site
    from ecoredress.validation.checker import check_files
    from ecoredress.validation.findings import Severity
    from ecoredress.validation.report import FORMATS

    project = find_project(args.project)
    report = check_files(discover_case_files([project.cases_dir]), base=Path.cwd(), project=project)
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    if report.findings:  # warnings do not stop the build, but staff must see them
        print(FORMATS["text"](report), end="")
    if not report.valid:
        print(f"校验未通过：{errors} 个错误。请修正后重新运行 ecoredress build；未生成文书和网站。")
        return 1
    cases = report.cases  # every file is valid here: parse once, use for documents and site
    lines = [f"校验：{len(report.files)} 个案件文件，0 个错误，{warnings} 个警告"]
    lines.append("文书：" + (_render(project, cases, args.jobs) if not args.skip_documents else "已按 --skip-documents 跳过"))
    site = build_site(project, output_dir(project, args.out), cases=cases, with_documents=not args.skip_documents)
    lines.append(f"网站：{site.out}（公开案件 {site.published} 件 / 共 {site.cases} 件，可下载公开文书 {site.documents} 份）")
    print("生成完成。\n" + "\n".join(f"  {line}" for line in lines))
    return 0


def _render(project, cases, jobs: int) -> str:  # noqa: ANN001 - Project, list[Case]
    """Render every document the cases call for; a summary line."""
    from ecoredress.documents.plan import plan_jobs
    from ecoredress.documents.renderer import render_documents
    from ecoredress.documents.settings import document_settings
    from ecoredress.regulation.profile import load_profile

    settings = document_settings(project)
    templates = project.template_folder("documents")
    planned = plan_jobs(cases, load_profile(project_root=project.root), templates, None)
    if not planned:
        return "没有需要生成的文书"
    result = render_documents(planned, settings, templates, settings.out_dir, workers=max(1, jobs))
    return f"{result.documents} 份，生成 {len(result.rendered)} 个文件，{len(result.skipped)} 个未变化已跳过（{result.manifest.parent}）"
