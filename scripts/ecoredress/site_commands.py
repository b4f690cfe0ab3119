"""``ecoredress site diff`` and ``ecoredress site publish``: added to the ``site`` command group (commands/site.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(site_actions: argparse._SubParsersAction) -> None:
    from ecoredress.disclosure_diff_format import FORMATS

    diff = site_actions.add_parser(
        "diff",
        help="对比某一 git 版本与当前工作区，列出将新公开、撤回或改变的公开内容",
        description=(
            "按门户的公开规则（第三十三条，已去标识化）计算两边的公开内容并对比：新公开的案件、撤回公开的案件、"
            "变化的公开字段（金额单独标出）、新公开的文书。合并请求的 CI 把结果写入检查摘要，审核人在合并前即可看到。"
        ),
    )
    diff.add_argument("--base", default="HEAD", metavar="git版本", help="对比基准：分支、标签或提交（默认 HEAD；CI 中如 origin/main）")
    diff.add_argument("--format", choices=sorted(FORMATS), default="text", help="输出格式（默认 text）")
    diff.set_defaults(func=run_diff)

    publish = site_actions.add_parser(
        "publish",
        help="把构建好的门户复制到网站目录，只更新内容有变化的文件",
        description=(
            "把 --from 目录（ecoredress site build 的输出）同步到 --to 目录：内容未变的文件不动，变化的文件逐个原子替换，"
            "以前发布过、本次已不存在的文件最后删除。目标目录中另有的文件（非 ecoredress 发布）不会被删除。"
        ),
    )
    publish.add_argument("--from", dest="source", type=Path, required=True, metavar="目录", help="构建好的门户目录")
    publish.add_argument("--to", dest="target", type=Path, required=True, metavar="目录", help="网站服务器提供的目录")
    publish.set_defaults(func=run_publish)


def run_diff(args: argparse.Namespace) -> int:
    from ecoredress.disclosure_diff import disclosure_diff
    from ecoredress.disclosure_diff_format import FORMATS
    from ecoredress.project import find_project

    project = find_project(args.project)
    diff = disclosure_diff(project.root, project.cases_dir, args.base)
    sys.stdout.write(FORMATS[args.format](diff))
    return 0


def run_publish(args: argparse.Namespace) -> int:
    from ecoredress.site_sync import sync_tree

    result = sync_tree(args.source, args.target)
    print(
        f"已发布到 {args.target}：更新 {len(result.copied)} 个文件，"
        f"未变 {len(result.unchanged)} 个，删除 {len(result.removed)} 个。"
    )
    return 0
