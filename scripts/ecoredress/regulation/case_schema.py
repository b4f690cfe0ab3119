"""schema/case.schema.json: the case model's JSON Schema with the repository's rule profile written in.

A field whose description speaks of a period or threshold (``x-parameter`` in the model) gets the profile's
values appended, each with its effective date, article and instrument, so an editor's hover text states what
the repository's own profile says and a revised profile gives a revised schema, never a number fixed in code.
"""

from __future__ import annotations

import json
from typing import Any

from ecoredress.model.schema import PRIVACY_NOTE, case_schema
from ecoredress.model.types import PARAMETER
from ecoredress.regulation.profile import Parameter, Profile


def profiled_case_schema(profile: Profile) -> dict[str, Any]:
    schema = case_schema()
    schema["description"] = f"生态环境损害赔偿案件文件（依据《{profile.title}》{profile.reference}）。{PRIVACY_NOTE}"
    _fill(schema, profile)
    return schema


def case_schema_text(profile: Profile) -> str:
    return json.dumps(profiled_case_schema(profile), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _fill(node: Any, profile: Profile) -> None:
    if isinstance(node, dict):
        if (key := node.pop(PARAMETER, None)) is not None:
            node["description"] = f"{node.get('description', '')}{parameter_note(profile, profile.param(key))}"
        for child in node.values():
            _fill(child, profile)
    elif isinstance(node, list):
        for child in node:
            _fill(child, profile)


def parameter_note(profile: Profile, parameter: Parameter) -> str:
    """：依规则配置 ningxia-2024，自 2024-04-03 起为 50 万元（宁环规发〔2024〕4号第十七条）。"""
    values = "；".join(
        f"自 {v.effective} 起为 {quantity(v.value, parameter.unit)}（{v.reference}{v.article}）"
        for v in parameter.values
    )
    note = parameter.note or ""
    return f"：依规则配置 {profile.id}，{values}。{note}"


def quantity(value: Any, unit: str) -> str:
    """500000 元 → 50 万元; 60 工作日 → 60 个工作日."""
    if unit == "元" and isinstance(value, int) and value and value % 10_000 == 0:
        return f"{value // 10_000} 万元"
    return f"{value} {'个' if unit == '工作日' else ''}{unit}"
