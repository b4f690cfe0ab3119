"""JSON Schema of the case file, as the model alone gives it (regulation/case_schema.py adds the profile's
values and writes the file editors use)."""

from __future__ import annotations

from typing import Any

from ecoredress.model.case import Case

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
PRIVACY_NOTE = "标有 x-private 的字段为个人信息、标有 x-internal 的字段为内部信息，均不会公开。"


def case_schema() -> dict[str, Any]:
    schema = Case.model_json_schema()
    schema["$schema"] = SCHEMA_DIALECT
    # yaml-language-server reads "$schema: ...#" comments but not a "$schema" key inside the file.
    schema["properties"].pop("$schema", None)
    return schema
