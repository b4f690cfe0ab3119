"""The form editor's configuration (Decap CMS ``config.yml``), generated from ``schema/case.schema.json``.

Nothing of the form is written by hand: every property of the schema becomes a field, with the schema's
Chinese title as its label and its description as the hint. Enums become selects, dates date pickers that
store plain ``YYYY-MM-DD``, amounts (``x-unit: 元``) number fields with two decimals, objects and lists their
widgets, and the obligors' person/organisation union (a ``oneOf`` with a ``kind`` discriminator) a list with
one type per variant. A schema shape the generator does not know stops the build (``UnsupportedSchema``)
instead of leaving the field out: Decap drops a value the form has no field for when it saves the file.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ecoredress.errors import UserError
from ecoredress.model.types import INTERNAL, PRIVATE
from ecoredress.workbench.cms_settings import TABLE, CmsSettings

Schema = dict[str, Any]
COLLECTION = "cases"
FORMAT = "ecoredress-yaml"  # the YAML writer of admin/ecoredress-cms.js: keeps comments, order and quoting
DATE = {
    "widget": "datetime",
    "format": "YYYY-MM-DD",
    "date_format": "YYYY-MM-DD",
    "time_format": False,
    "picker_utc": True,
}
AMOUNT = {"widget": "number", "value_type": "float", "step": 0.01, "min": 0}
# Free text told in sentences gets a multi-line box; names, numbers and places a single line.
_NARRATIVE = re.compile(
    r"(summary|description|reason|grounds|minutes|progress|causation|extent|profile|terms|result|notes|basis|other)$"
)


_LOCAL = re.compile(r"^http://(127\.0\.0\.1|localhost):\d{1,5}/api/v1$")


class UnsupportedSchema(UserError):
    """A schema shape the form generator cannot map to a Decap widget."""

    exit_code = 1


def case_fields(schema: Schema) -> list[dict[str, Any]]:
    """The Decap fields of a case: one per property of the schema, in the schema's order."""
    return _Fields(schema.get("$defs", {})).of_object(schema, "")


def cms_config(schema: Schema, settings: CmsSettings | None, local_backend: str | None = None) -> dict[str, Any]:
    """The whole configuration. ``settings`` name the git server; ``local_backend`` is the URL of a decap-server
    on this PC (``ecoredress cms serve``), which the editor uses instead when it answers. Without settings the
    editor can only save through that server."""
    if local_backend is not None and not _LOCAL.match(local_backend):
        raise UserError(
            f"本机 decap-server 的地址“{local_backend}”无效。应为 http://127.0.0.1:端口/api/v1 这样只在本机的地址。"
        )
    if settings is None and local_backend is None:
        raise UserError(
            f"表单编辑器没有可保存的去处：请在 pyproject.toml 中设置 {TABLE}，或在本机运行 ecoredress cms serve。"
        )
    config: dict[str, Any] = {
        "locale": "zh_Hans",
        "backend": settings.backend_config() if settings else {"name": "proxy", "proxy_url": local_backend},
    }
    if settings and settings.editorial_workflow:
        config["publish_mode"] = "editorial_workflow"  # each change becomes a merge request, checked by CI before merge
    if local_backend:
        config["local_backend"] = {"url": local_backend}
    config.update(
        {
            # Uploads are not case data; they stay out of cases/ (the editor hides its media library).
            "media_folder": "build/cms-media",
            "slug": {"encoding": "unicode", "clean_accents": False, "sanitize_replacement": "-"},
            "show_preview_links": False,  # a case file has no page of its own to preview
            "collections": [
                {
                    "name": COLLECTION,
                    "label": "案件",
                    "label_singular": "案件",
                    "description": (
                        "每个案件一个文件，文件名与案件编号相同。"
                        "保存后请运行 ecoredress check（合并请求由 CI 自动检查）。"
                    ),
                    "folder": "cases",
                    "extension": "yaml",
                    "format": FORMAT,
                    "create": True,
                    "delete": False,  # removing a case is a decision made in git, with a reviewer
                    "identifier_field": "id",
                    "slug": "{{fields.id}}",
                    "summary": "{{id}}　{{title}}",
                    "sortable_fields": ["id", "title"],
                    "editor": {"preview": False},
                    "fields": case_fields(schema),
                }
            ],
        }
    )
    return config


def config_text(config: dict[str, Any]) -> str:
    """YAML for ``admin/config.yml``; JSON is YAML, and a JSON dump needs no YAML writer to be exact."""
    return json.dumps(config, ensure_ascii=False, indent=2) + "\n"


class _Fields:
    def __init__(self, defs: dict[str, Schema]) -> None:
        self.defs = defs

    def resolve(self, node: Schema) -> Schema:
        while "$ref" in node:
            node = self.defs[node["$ref"].rsplit("/", 1)[-1]]
        return node

    def of_object(
        self, node: Schema, path: str, optional: bool = False, skip: str | None = None
    ) -> list[dict[str, Any]]:
        """The fields of an object; ``optional`` when the object itself may be left out of the file."""
        node = self.resolve(node)
        required = set(node.get("required", []))
        return [
            self.field(name, prop, name in required, f"{path}.{name}".lstrip("."), optional)
            for name, prop in node.get("properties", {}).items()
            if name != skip
        ]

    def field(self, name: str, prop: Schema, required: bool, path: str, in_optional: bool) -> dict[str, Any]:
        inner, nullable = self.unwrap(prop)
        title = prop.get("title") or inner.get("title") or name
        needed = required and not nullable
        field: dict[str, Any] = {"name": name, "label": title}
        # Decap checks the fields of a section the user never opened: inside an optional section a field the
        # schema requires is marked in its hint, and `ecoredress check` enforces it once the section is there.
        hint = _hint(prop, inner, title, needed and in_optional)
        if hint:
            field["hint"] = hint
        field["required"] = needed and not in_optional
        field.update(self.widget(inner, path, name, field["required"], in_optional or not needed, title))
        return field

    def unwrap(self, prop: Schema) -> tuple[Schema, bool]:
        """The value's schema without the ``null`` of an optional field; True if it was optional."""
        node = self.resolve(prop)
        options = node.get("anyOf")
        if options and any(o.get("type") == "null" for o in options):
            rest = [o for o in options if o.get("type") != "null"]
            if len(rest) == 1:
                return self.resolve(rest[0]), True
        return node, False

    def widget(
        self, node: Schema, path: str, name: str, required: bool, optional: bool, label: str = ""
    ) -> dict[str, Any]:
        if "enum" in node:
            return {"widget": "select", "options": list(node["enum"])}
        if _is_amount(node):
            return dict(AMOUNT)
        kind = node.get("type")
        if kind == "string" and node.get("format") == "date":
            return dict(DATE)
        if kind == "string" and "const" not in node:
            return _text_widget(node, name)
        if kind == "boolean":
            # A required yes/no of the case itself starts at "no": Decap cannot save a switch never touched. Not in
            # an optional section nor in a list item: Decap would write the default, and so create the section, or
            # a list item, in every new file.
            return {"widget": "boolean", **({"default": False} if required and "[]" not in path else {})}
        if kind in ("integer", "number"):
            return {
                "widget": "number",
                "value_type": "int" if kind == "integer" else "float",
                **({"min": node["minimum"]} if "minimum" in node else {}),
            }
        if kind == "object" and "properties" in node:
            return {"widget": "object", "collapsed": optional, "fields": self.of_object(node, path, optional)}
        if kind == "array":
            return self.list_widget(node, path, name, label)
        raise UnsupportedSchema(
            f"表单生成器不支持 schema 中 {path} 的写法（{json.dumps(node, ensure_ascii=False)[:120]}）。请扩展 "
            "workbench/cms_config.py。"
        )

    def list_widget(self, node: Schema, path: str, name: str, label: str) -> dict[str, Any]:
        items = self.resolve(node["items"])
        limits = {"min": node["minItems"]} if node.get("minItems") else {}
        if "enum" in items:
            return {"widget": "select", "multiple": True, "options": list(items["enum"]), **limits}
        variants = items.get("oneOf") or items.get("anyOf")
        if variants:
            return {"widget": "list", "collapsed": True, **self.variants(variants, items, path), **limits}
        if items.get("type") == "object":
            fields = self.of_object(items, f"{path}[]")  # an item is added on purpose: its required fields are required
            return {"widget": "list", "collapsed": True, "summary": _summary(fields), "fields": fields, **limits}
        item = self.widget(items, f"{path}[]", name, True, False, label)
        return {"widget": "list", "field": {"name": name, "label": label, **item}, **limits}

    def variants(self, variants: list[Schema], items: Schema, path: str) -> dict[str, Any]:
        """A union of objects told apart by a constant property: one list type per variant."""
        key = (items.get("discriminator") or {}).get("propertyName") or _shared_const(self, variants, path)
        types = []
        for variant in map(self.resolve, variants):
            tag = self.resolve(variant["properties"][key])
            if "const" not in tag:
                raise UnsupportedSchema(f"表单生成器无法区分 {path} 的各种类型：{key} 不是常量。")
            fields = self.of_object(variant, f"{path}[]", skip=key)
            types.append(
                {
                    "name": tag["const"],
                    "label": tag["const"],
                    "widget": "object",
                    "summary": _summary(fields),
                    "fields": fields,
                }
            )
        return {"typeKey": key, "types": types}


def _shared_const(fields: _Fields, variants: list[Schema], path: str) -> str:
    keys: set[str] | None = None
    for variant in map(fields.resolve, variants):
        consts = {k for k, v in variant.get("properties", {}).items() if "const" in fields.resolve(v)}
        keys = consts if keys is None else keys & consts
    if not keys:
        raise UnsupportedSchema(f"表单生成器无法区分 {path} 的各种类型：各类型没有共同的常量字段。")
    return sorted(keys)[0]


def _is_amount(node: Schema) -> bool:
    return node.get("x-unit") == "元"


def _text_widget(node: Schema, name: str) -> dict[str, Any]:
    widget: dict[str, Any] = {"widget": "text" if _NARRATIVE.search(name) else "string"}
    if "pattern" in node:
        example = "、".join(node.get("examples", []))
        widget["pattern"] = [node["pattern"], f"格式不符{'，示例：' + example if example else ''}"]
    return widget


def _hint(prop: Schema, inner: Schema, title: str, needed_in_section: bool) -> str | None:
    description = prop.get("description") or inner.get("description") or ""
    marks = [
        text
        for key, text in ((PRIVATE, "个人信息，不公开"), (INTERNAL, "内部信息，不公开"))
        if prop.get(key) or inner.get(key)
    ]
    parts = [description] if description and description != title else []
    parts += [m for m in marks if "不公开" not in description]
    if needed_in_section:
        parts.append("填写本节时必填")
    return "；".join(parts) or None


def _summary(fields: list[dict[str, Any]]) -> str:
    """What a collapsed list item shows: its first two single-value fields."""
    shown = [
        f["name"] for f in fields if f["widget"] in ("string", "datetime", "select", "number") and not f.get("multiple")
    ][:2]
    return " ".join(f"{{{{fields.{name}}}}}" for name in shown)
