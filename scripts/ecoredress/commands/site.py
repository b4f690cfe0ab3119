"""ecoredress site: build the public disclosure portal (第三十三条) or preview it locally."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "site",
        help="生成信息公开网站（第三十三条）或在本机预览",
        description="由公开案件生成静态网站。只发布作出公开决定的案件，个人信息和内部信息一律不公开。",
    )
    actions = parser.add_subparsers(dest="site_action", metavar="操作", required=True)
    build = actions.add_parser("build", help="生成网站（原子替换：失败时保留原网站）")
    build.add_argument("--out", type=Path, default=None, metavar="目录", help="输出目录（默认：public/）")
    build.set_defaults(func=run_build)
    serve = actions.add_parser("serve", help="在 127.0.0.1 上预览网站，案件文件改动后自动重新生成")
    serve.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    serve.set_defaults(func=run_serve)
    from ecoredress.site_commands import register as register_review_actions  # site diff, site publish

    register_review_actions(actions)


def output_dir(project, out: Path | None) -> Path:  # noqa: ANN001 - Project
    return out if out is not None else project.root / "public"


def run_build(args: argparse.Namespace) -> int:
    from ecoredress.project import find_project
    from ecoredress.publish.site import build_site

    project = find_project(args.project)
    result = build_site(project, output_dir(project, args.out))
    print(f"网站已生成：{result.out}（公开案件 {result.published} 件 / 共 {result.cases} 件，公开文书 {result.documents} 份）")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from ecoredress.project import find_project
    from ecoredress.publish.serve import serve

    serve(find_project(args.project), args.port)
    return 0
