"""ecoredress schema: write or verify schema/case.schema.json."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="生成案件文件的 JSON Schema（供编辑器自动补全和悬停提示）",
        description="由案件模型和案件仓库的规则配置（期限、金额上限及其条款）生成 schema/case.schema.json。"
        "加 --check 时只比对，不一致则退出码为 1。",
    )
    parser.add_argument("--check", action="store_true", help="只检查文件是否与模型一致")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ecoredress.project import find_project
    from ecoredress.regulation.case_schema import case_schema_text
    from ecoredress.regulation.profile import project_profile

    project = find_project(args.project)
    target: Path = project.root / "schema" / "case.schema.json"
    text = case_schema_text(project_profile(project))
    current = target.read_text(encoding="utf-8") if target.exists() else None
    if args.check:
        if current == text:
            print(f"{target.name} 与案件模型和规则配置一致。")
            return 0
        print(f"{target} 与案件模型或规则配置不一致。请运行 ecoredress schema 重新生成并提交。")
        return 1
    if current != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"已写入 {target}")
    else:
        print(f"{target} 已是最新。")
    return 0
