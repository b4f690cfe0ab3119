"""The form editor's configuration is generated from schema/case.schema.json and covers every field of it
(a field the form does not know would be lost when Decap saves the file); its settings are checked key by key."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecoredress.errors import UserError
from ecoredress.project import Project, find_project, parse_settings
from ecoredress.workbench.cms_config import AMOUNT, DATE, UnsupportedSchema, case_fields, cms_config
from ecoredress.workbench.cms_settings import cms_settings

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schema" / "case.schema.json").read_text(encoding="utf-8"))
LOCAL = "http://127.0.0.1:8081/api/v1"


def resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def schema_paths(schema: dict, node: dict | None = None, prefix: str = "") -> set[str]:
    """Every property of the schema as a dotted path ("[]" for list items), read from the schema alone."""
    node = resolve(schema, node if node is not None else schema)
    for option in node.get("anyOf", []):
        if option.get("type") != "null":
            return schema_paths(schema, option, prefix)
    found: set[str] = set()
    for name, prop in node.get("properties", {}).items():
        found.add(f"{prefix}{name}")
        found |= schema_paths(schema, prop, f"{prefix}{name}.")
    if node.get("type") == "array":
        items = resolve(schema, node["items"])
        for variant in items.get("oneOf", []) or [items]:
            found |= schema_paths(schema, variant, f"{prefix}[].")
    return found


def form_paths(fields: list[dict], prefix: str = "") -> set[str]:
    found: set[str] = set()
    for field in fields:
        path = f"{prefix}{field['name']}"
        found.add(path)
        inner = field.get("fields", [])
        step = f"{path}.[]." if field["widget"] == "list" else f"{path}."
        found |= form_paths(inner, step)
        for variant in field.get("types", []):
            found |= {f"{path}.[].{field['typeKey']}"} | form_paths(variant["fields"], f"{path}.[].")
    return found


def missing(schema: dict, fields: list[dict]) -> set[str]:
    return schema_paths(schema) - form_paths(fields)


def test_every_field_of_the_schema_is_in_the_form():
    fields = case_fields(SCHEMA)
    assert missing(SCHEMA, fields) == set()
    assert form_paths(fields) - schema_paths(SCHEMA) == set(), "the form invents no field"
    assert len(schema_paths(SCHEMA)) > 200  # (a walk that stopped early would pass the two checks above)


def test_a_field_left_out_of_the_form_is_found():
    fields = case_fields(SCHEMA)
    damage = next(f for f in fields if f["name"] == "damage")
    damage["fields"] = [f for f in damage["fields"] if f["name"] != "estimated_amount"]
    obligors = next(f for f in fields if f["name"] == "obligors")
    person = next(t for t in obligors["types"] if t["name"] == "个人")
    person["fields"] = [f for f in person["fields"] if f["name"] != "plate_number"]
    assert missing(SCHEMA, fields) == {"damage.estimated_amount", "obligors.[].plate_number"}


def field_at(fields: list[dict], path: str) -> dict:
    """A field by dotted path; a variant of a typed list is named by its type (obligors.个人.name)."""
    head, _, rest = path.partition(".")
    field = next(f for f in fields if f["name"] == head)
    if not rest:
        return field
    if "types" in field:
        variant, _, rest = rest.partition(".")
        return field_at(next(t["fields"] for t in field["types"] if t["name"] == variant), rest)
    return field_at(field["fields"], rest)


def test_labels_hints_and_widgets_come_from_the_schema():
    fields = case_fields(SCHEMA)
    clue = resolve(SCHEMA, SCHEMA["properties"]["clue"])["properties"]
    found_on = field_at(fields, "clue.found_on")
    assert found_on["label"] == clue["found_on"]["title"] == "发现日期"
    assert found_on["hint"] == clue["found_on"]["description"]
    assert {k: found_on[k] for k in DATE} == DATE  # stored as a plain YYYY-MM-DD
    source = field_at(fields, "clue.source")
    assert source["widget"] == "select" and source["options"] == SCHEMA["$defs"]["ClueSource"]["enum"]
    total = field_at(fields, "agreement.total")
    assert {k: total[k] for k in AMOUNT} == AMOUNT and total["label"] == "赔偿总额（元）"
    types = field_at(fields, "damage.types")
    assert types["widget"] == "select" and types["multiple"] and types["min"] == 1
    obligors = field_at(fields, "obligors")
    assert obligors["typeKey"] == "kind" and [t["name"] for t in obligors["types"]] == ["单位", "个人"]
    person_name = field_at(fields, "obligors.个人.name")
    assert person_name["label"] == "姓名" and "不公开" in person_name["hint"]
    meetings = field_at(fields, "consultation.meetings")
    assert meetings["widget"] == "list" and field_at(meetings["fields"], "held_on")["widget"] == "datetime"


def test_required_fields_are_required_only_where_decap_can_leave_them_out():
    fields = case_fields(SCHEMA)
    assert field_at(fields, "id")["required"] and field_at(fields, "clue.found_on")["required"]
    assert field_at(fields, "damage.in_red_line") == {
        **field_at(fields, "damage.in_red_line"),
        "required": True,
        "default": False,
    }
    # Decap checks the fields of a section nobody opened: inside an optional section nothing is required.
    completed = field_at(fields, "preliminary_check.completed_on")
    assert completed["required"] is False and "填写本节时必填" in completed["hint"]
    # An item is added on purpose: its required fields are, but no default may create an item by itself.
    meeting = field_at(fields, "consultation.meetings")["fields"]
    assert field_at(meeting, "held_on")["required"] is True
    assert {f["name"] for f in _defaults(fields, optional=False)} == {"in_red_line", "publish"}


def _defaults(fields: list[dict], optional: bool):
    """Fields with a default; with ``optional``, anywhere in an optional section or a list item (none may be)."""
    for field in fields:
        if "default" in field:
            assert not optional, field["name"]
            yield field
        inner = optional or field["widget"] == "list" or not field["required"]
        yield from _defaults(field.get("fields", []), inner)
        for variant in field.get("types", []):
            yield from _defaults(variant["fields"], True)


def _all(fields: list[dict]):
    for field in fields:
        yield field
        yield from _all(field.get("fields", []))
        for variant in field.get("types", []):
            yield from _all(variant["fields"])


def test_every_pattern_is_a_javascript_regular_expression():
    patterns = sorted({f["pattern"][0] for f in _all(case_fields(SCHEMA)) if "pattern" in f})
    assert len(patterns) >= 2  # case id, 发文字号
    script = "for (const p of JSON.parse(process.argv[1])) new RegExp(p);"
    assert subprocess.run(["node", "-e", script, json.dumps(patterns)], capture_output=True, text=True).returncode == 0


# Generated schemas: objects, optional objects, lists of objects, lists of enums, dates, amounts, unions.
LEAVES = st.sampled_from(
    [
        {"type": "string"},
        {"type": "string", "format": "date"},
        {"type": "boolean"},
        {"type": "integer", "minimum": 1},
        {"anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": "^\\d+$"}], "x-unit": "元"},
        {"enum": ["甲", "乙"], "type": "string"},
        {"anyOf": [{"type": "string"}, {"type": "null"}]},
    ]
)
NAMES = st.from_regex(r"[a-z]{1,8}", fullmatch=True)


def objects(children):
    return st.dictionaries(NAMES, children, min_size=1, max_size=4).flatmap(
        lambda props: st.sets(st.sampled_from(sorted(props))).map(
            lambda required: {"type": "object", "properties": props, "required": sorted(required)}
        )
    )


SCHEMAS = st.recursive(
    LEAVES,
    lambda inner: st.one_of(
        objects(inner),
        objects(inner).map(lambda o: {"anyOf": [o, {"type": "null"}]}),
        objects(inner).map(lambda o: {"type": "array", "items": o}),
        st.just({"type": "array", "items": {"enum": ["甲"], "type": "string"}}),
    ),
    max_leaves=12,
)


@given(root=objects(SCHEMAS))
@settings(max_examples=150, deadline=None)
def test_every_field_of_a_generated_schema_is_in_the_form(root):
    assert missing(root, case_fields(root)) == set()


def test_a_shape_the_generator_does_not_know_stops_the_build():
    odd = {"type": "object", "properties": {"either": {"anyOf": [{"type": "string"}, {"type": "integer"}]}}}
    with pytest.raises(UnsupportedSchema, match="either"):
        case_fields(odd)


def test_the_config_has_the_chinese_interface_and_the_case_collection():
    config = cms_config(SCHEMA, None, LOCAL)
    assert config["locale"] == "zh_Hans"
    assert config["local_backend"] == {"url": LOCAL} and config["backend"] == {"name": "proxy", "proxy_url": LOCAL}
    (collection,) = config["collections"]
    assert (
        collection["folder"] == "cases"
        and collection["extension"] == "yaml"
        and collection["format"] == "ecoredress-yaml"
    )
    assert collection["slug"] == "{{fields.id}}" and collection["delete"] is False
    with pytest.raises(UserError, match="只在本机"):
        cms_config(SCHEMA, None, "http://example.com/api/v1")
    with pytest.raises(UserError, match="tool.ecoredress.cms"):
        cms_config(SCHEMA, None, None)


def project_with(cms: object) -> Project:
    return Project(ROOT, parse_settings({"cms": cms}, ROOT / "pyproject.toml"))


@pytest.mark.parametrize(
    ("table", "backend", "editorial"),
    [
        (
            {
                "backend": "gitlab",
                "repo": "dept/eco/cases",
                "base_url": "https://git.example.gov.cn/",
                "app_id": "abc123",
            },
            {
                "name": "gitlab",
                "repo": "dept/eco/cases",
                "branch": "main",
                "base_url": "https://git.example.gov.cn",
                "api_root": "https://git.example.gov.cn/api/v4",
                "app_id": "abc123",
                "auth_type": "pkce",
                "use_graphql": False,
            },
            True,
        ),
        (
            {
                "backend": "forgejo",
                "repo": "eco/cases",
                "base_url": "https://git.example.gov.cn",
                "app_id": "x",
                "branch": "master",
            },
            {
                "name": "forgejo",
                "repo": "eco/cases",
                "branch": "master",
                "base_url": "https://git.example.gov.cn",
                "api_root": "https://git.example.gov.cn/api/v1",
                "app_id": "x",
            },
            True,
        ),
        (
            {"backend": "gitea", "repo": "eco/cases", "base_url": "http://10.0.0.5:3000", "app_id": "x"},
            {
                "name": "gitea",
                "repo": "eco/cases",
                "branch": "main",
                "base_url": "http://10.0.0.5:3000",
                "api_root": "http://10.0.0.5:3000/api/v1",
                "app_id": "x",
            },
            False,
        ),
        (
            {
                "backend": "github",
                "repo": "eco/cases",
                "base_url": "https://oauth.example.gov.cn",
                "editorial_workflow": False,
            },
            {"name": "github", "repo": "eco/cases", "branch": "main", "base_url": "https://oauth.example.gov.cn"},
            False,
        ),
    ],
)
def test_settings_for_each_backend(table, backend, editorial):
    settings_ = cms_settings(project_with(table))
    assert settings_.backend_config() == backend
    config = cms_config(SCHEMA, settings_)
    assert config["backend"] == backend
    assert (config.get("publish_mode") == "editorial_workflow") is editorial
    assert "local_backend" not in config


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"backend": "bitbucket"}, "backend"),
        ({"repo": None}, "repo"),
        ({"repo": "../etc"}, "repo"),
        ({"base_url": "javascript:alert(1)"}, "base_url"),
        ({"base_url": "https://user:pw@git.example.gov.cn"}, "base_url"),
        ({"api_root": "ftp://git.example.gov.cn"}, "api_root"),
        ({"app_id": "a b"}, "app_id"),
        ({"auth_type": "password"}, "auth_type"),
        ({"editorial_workflow": "yes"}, "editorial_workflow"),
        ({"branch": "-x"}, "branch"),
        ({"colour": "green"}, "colour"),
    ],
)
def test_a_bad_setting_is_named_in_the_error(change, key):
    table = {"backend": "gitlab", "repo": "dept/cases", "app_id": "abc", **change}
    table = {k: v for k, v in table.items() if v is not None}
    with pytest.raises(UserError, match=key):
        cms_settings(project_with(table))


def test_editorial_workflow_is_refused_where_decap_does_not_support_it():
    with pytest.raises(UserError, match="editorial_workflow"):
        cms_settings(
            project_with(
                {
                    "backend": "gitea",
                    "repo": "a/b",
                    "base_url": "https://g.example",
                    "app_id": "x",
                    "editorial_workflow": True,
                }
            )
        )
    with pytest.raises(UserError, match="auth_type"):
        cms_settings(
            project_with(
                {
                    "backend": "forgejo",
                    "repo": "a/b",
                    "base_url": "https://g.example",
                    "app_id": "x",
                    "auth_type": "pkce",
                }
            )
        )
    with pytest.raises(UserError, match="base_url"):
        cms_settings(project_with({"backend": "github", "repo": "a/b"}))


def test_cms_config_command(cli, tmp_path):
    out = tmp_path / "config.yml"
    result = cli("cms", "config", "--local-backend", LOCAL, "--out", str(out))
    assert result.code == 0, result.err
    written = json.loads(out.read_text(encoding="utf-8"))  # JSON, which YAML reads as it is
    assert written == cms_config(SCHEMA, cms_settings(find_project(ROOT)), LOCAL)
    assert cli("cms", "config", "--local-backend", "http://evil.example/api/v1").code == 2
