"""JSON Schema of the case file, for editors (yaml-language-server) and for anyone consuming the data."""

from __future__ import annotations

import json
from typing import Any

from ecoredress.model.case import Case

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def case_schema() -> dict[str, Any]:
    schema = Case.model_json_schema()
    schema["$schema"] = SCHEMA_DIALECT
    schema["description"] = (
        "生态环境损害赔偿案件文件（依据《宁夏回族自治区生态环境损害赔偿管理工作规定》宁环规发〔2024〕4号）。"
        "标有 x-private 的字段为个人信息、标有 x-internal 的字段为内部信息，均不会公开。"
    )
    # yaml-language-server reads "$schema: ...#" comments but not a "$schema" key inside the file.
    schema["properties"].pop("$schema", None)
    return schema


def case_schema_text() -> str:
    return json.dumps(case_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
