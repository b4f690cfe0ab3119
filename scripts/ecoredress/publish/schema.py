"""JSON Schema of the published projection (data/case.schema.json on the site)."""

from __future__ import annotations

from typing import Any

from ecoredress.model.schema import SCHEMA_DIALECT
from ecoredress.publish.projection import PublishedCase


def published_schema(regulation: str) -> dict[str, Any]:
    """``regulation``: the title of the profile's regulation, in 《》."""
    schema: dict[str, Any] = PublishedCase.model_json_schema(mode="serialization")
    schema["$schema"] = SCHEMA_DIALECT
    schema["$id"] = "case.schema.json"
    schema["description"] = (
        f"公开的生态环境损害赔偿案件（data/cases.json 的每个元素）。依据{regulation}"
        "第三十三条公开；个人信息和内部信息不在本结构中。"
    )
    return schema
