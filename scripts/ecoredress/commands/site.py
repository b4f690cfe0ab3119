"""ecoredress site: build the public disclosure portal (第三十三条), preview it, diff it against git, publish it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ecoredress.project import Project
    from ecoredress.publish.site import SiteResult


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "site",
        help="生成信息公开网站（第三十三条）或在本机预览",
        description="由公开案件生成静态网站。只发布作出公开决定的案件，个人信息和内部信息一律不公开。",
    )
    actions = parser.add_subparsers(dest="site_action", metavar="操作", required=True)
    from ecoredress.commands._arguments import date_argument

    build = actions.add_parser(
        "build",
        help="生成网站（原子替换：失败时保留原网站）",
        description="生成信息公开网站；加 --internal 时生成内部网站：全部案件（含未公开的）、不脱敏、待办期限、"
        "校验结果、全部文书、台账和年度报告，以及表单编辑器（/admin/）。内部网站每页标明“内部资料”，不得公开发布。",
    )
    build.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="目录",
        help="输出目录（默认：public/；--internal 时 build/internal/）",
    )
    build.add_argument("--internal", action="store_true", help="生成供办案人员使用的内部网站（不得部署到公开网站）")
    build.add_argument(
        "--engine",
        choices=("zensical", "mkdocs"),
        default=None,
        help="网站生成引擎（默认：pyproject.toml [tool.ecoredress.site] engine，未设置时 zensical）",
    )
    build.add_argument(
        "--as-of",
        type=date_argument,
        default=None,
        metavar="YYYY-MM-DD",
        help="内部网站以该日期为“今天”计算期限（默认：今天）",
    )
    build.set_defaults(func=run_build)
    serve = actions.add_parser("serve", help="在 127.0.0.1 上预览网站，案件文件改动后自动重新生成")
    serve.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    serve.set_defaults(func=run_serve)
    _register_review_actions(actions)


def output_dir(project: Project, out: Path | None) -> Path:
    return out if out is not None else project.root / "public"


def run_build(args: argparse.Namespace) -> int:
    from ecoredress.errors import UserError
    from ecoredress.project import find_project
    from ecoredress.publish.site import build_site

    project = find_project(args.project)
    if args.internal:
        return _build_internal(project, args)
    if args.as_of:
        raise UserError("--as-of 只用于内部网站（--internal）：信息公开网站不按日期计算期限。")
    result = build_site(project, output_dir(project, args.out), engine=args.engine)
    print(site_summary(result))
    return 1 if result.skipped else 0


def site_summary(result: SiteResult) -> str:
    counts = f"公开案件 {result.published} 件 / 共 {result.cases} 件，公开文书 {result.documents} 份"
    if not result.changed:
        return f"网站没有变化，未重新生成：{result.out}（{counts}）"
    return f"网站已生成：{result.out}（{counts}）"


def _build_internal(project: Project, args: argparse.Namespace) -> int:
    from ecoredress.workbench.internal_site import DEFAULT_OUT, build_internal_site

    result = build_internal_site(project, args.out or project.root / DEFAULT_OUT, args.as_of, engine=args.engine)
    editor = (
        "表单编辑器：/admin/" if result.editor else "表单编辑器未设置（见 README“表单编辑”），/admin/ 只显示设置说明"
    )
    invalid = f"，{result.invalid} 个文件未通过校验（见首页）" if result.invalid else ""
    print(
        f"内部网站已生成：{result.out}（案件 {result.cases} 件{invalid}，文书文件 {result.documents} 个；{editor}）。"
        "内部资料，不得公开发布。"
    )
    return 1 if result.invalid else 0


def run_serve(args: argparse.Namespace) -> int:
    from ecoredress.project import find_project
    from ecoredress.publish.serve import serve

    serve(find_project(args.project), args.port)
    return 0


def _register_review_actions(site_actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`site diff` and `site publish`: what a change would make public, and copying a build to the web root."""
    from ecoredress.publish.diff_format import FORMATS

    diff = site_actions.add_parser(
        "diff",
        help="对比某一 git 版本与当前工作区，列出将新公开、撤回或改变的公开内容",
        description=(
            "按门户的公开规则（第三十三条，已去标识化）计算两边的公开内容并对比：新公开的案件、撤回公开的案件、"
            "变化的公开字段（金额单独标出）、新公开的文书。合并请求的 CI 把结果写入检查摘要，审核人在合并前即可看到。"
        ),
    )
    diff.add_argument(
        "--base", default="HEAD", metavar="git版本", help="对比基准：分支、标签或提交（默认 HEAD；CI 中如 origin/main）"
    )
    diff.add_argument("--format", choices=sorted(FORMATS), default="text", help="输出格式（默认 text）")
    diff.set_defaults(func=run_diff)

    publish = site_actions.add_parser(
        "publish",
        help="把构建好的门户复制到网站目录，只更新内容有变化的文件",
        description=(
            "把 --from 目录（ecoredress site build 的输出）同步到 --to 目录：内容未变的文件不动，"
            "变化的文件逐个原子替换，"
            "以前发布过、本次已不存在的文件最后删除。目标目录中另有的文件（非 ecoredress 发布）不会被删除。"
        ),
    )
    publish.add_argument("--from", dest="source", type=Path, required=True, metavar="目录", help="构建好的门户目录")
    publish.add_argument("--to", dest="target", type=Path, required=True, metavar="目录", help="网站服务器提供的目录")
    publish.add_argument(
        "--internal", action="store_true", help="发布的是内部网站（目标须是只对办案人员开放的内网服务器目录）"
    )
    publish.set_defaults(func=run_publish)


def run_diff(args: argparse.Namespace) -> int:
    from ecoredress.project import find_project
    from ecoredress.publish.diff import disclosure_diff
    from ecoredress.publish.diff_format import FORMATS

    project = find_project(args.project)
    diff = disclosure_diff(project.root, project.cases_dir, args.base)
    sys.stdout.write(FORMATS[args.format](diff))
    return 0


def run_publish(args: argparse.Namespace) -> int:
    from ecoredress.publish.sync import sync_tree
    from ecoredress.workbench.internal_site import is_internal_build

    if is_internal_build(args.source) != args.internal:
        from ecoredress.errors import UserError

        raise UserError(
            f"{args.source} 是内部网站（含个人信息和未公开的案件），不能发布到公开网站目录。"
            "只发布到只对办案人员开放的内网服务器时，加 --internal。"
            if not args.internal
            else f"{args.source} 不是内部网站（ecoredress site build --internal 的输出），请去掉 --internal。"
        )

    result = sync_tree(args.source, args.target)
    print(
        f"已发布到 {args.target}：更新 {len(result.copied)} 个文件，"
        f"未变 {len(result.unchanged)} 个，删除 {len(result.removed)} 个。"
    )
    return 0
