"""ecoredress cms: the form editor (Decap CMS) — its generated configuration, and the editor on one PC."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ecoredress.commands._arguments import date_argument

    parser = subparsers.add_parser(
        "cms",
        help="表单编辑器：生成配置，或在本机启动表单编辑",
        description="表单编辑器（Decap CMS）按 schema/case.schema.json 生成配置，不手写；保存到 [tool.ecoredress.cms] "
        "设置的 git 服务器，"
        "或用 serve 在本机直接编辑案件文件。",
    )
    actions = parser.add_subparsers(dest="cms_action", metavar="操作", required=True)
    config = actions.add_parser(
        "config",
        help="输出表单编辑器的配置（admin/config.yml），由案件文件的 JSON Schema 生成",
        description="生成 Decap CMS 配置：schema 中的每个字段都是表单中的一项，标签为中文标题，说明为提示。"
        "内部网站生成时自动写入 admin/config.yml。",
    )
    config.add_argument("--out", type=Path, default=None, metavar="文件", help="写入文件（默认：标准输出）")
    config.add_argument(
        "--local-backend",
        default=None,
        metavar="网址",
        help="本机 decap-server 的地址（未设置 [tool.ecoredress.cms] 时默认 http://127.0.0.1:8081/api/v1）",
    )
    config.set_defaults(func=run_config)
    serve = actions.add_parser(
        "serve",
        help="在本机启动表单编辑：decap-server 读写本仓库的案件文件，内部网站和表单编辑器在 127.0.0.1 上",
        description="一条命令启动本机表单编辑：decap-server（只监听 127.0.0.1）直接读写 cases/ 下的文件，"
        "内部网站（含 /admin/ 表单编辑器）在 127.0.0.1 上提供，案件文件改动后自动重新生成。需要 Node.js 和 npm ci。",
    )
    serve.add_argument(
        "--port", type=int, default=8090, help="内部网站和表单编辑器的端口（默认 8090；0 为任一空闲端口）"
    )
    serve.add_argument(
        "--backend-port", type=int, default=8081, help="decap-server 的端口（默认 8081；0 为任一空闲端口）"
    )
    serve.add_argument(
        "--as-of", type=date_argument, default=None, metavar="YYYY-MM-DD", help="以该日期为“今天”计算期限（默认：今天）"
    )
    serve.set_defaults(func=run_serve)


def run_config(args: argparse.Namespace) -> int:
    from ecoredress.project import find_project
    from ecoredress.workbench.admin import schema
    from ecoredress.workbench.cms_config import cms_config, config_text
    from ecoredress.workbench.cms_settings import cms_settings
    from ecoredress.workbench.local import DEFAULT_BACKEND

    project = find_project(args.project)
    settings = cms_settings(project)
    local = args.local_backend or (None if settings else DEFAULT_BACKEND)  # without a git server, only the local one
    text = config_text(cms_config(schema(project), settings, local))
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print(f"已写入 {args.out}")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from ecoredress.project import find_project
    from ecoredress.workbench.local import serve_editor

    serve_editor(find_project(args.project), args.port, args.backend_port, args.as_of)
    return 0
