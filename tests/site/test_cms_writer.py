"""The form editor's YAML writer (templates/cms/ecoredress-yaml.js), run in Node as Decap runs it: a save keeps
every value the form did not change, and the text around it; what it writes reads back as typed.

Decap's own YAML format, measured on the same sample files (bench/cms/RESULTS.md), drops every comment and
rewrites about a fifth of the lines of a file saved without any change.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ecoredress.loading.yamlio import load_data
from ecoredress.project import find_project
from ecoredress.validation.checker import load_case
from ecoredress.workbench.admin import write_admin

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "cases").glob("*.yaml"))}
TOP_KEY = re.compile(r"^[A-Za-z_]\w*:")
SAMPLE_COMPANY = load_data(SAMPLES["YC-2023-002.yaml"])["obligors"][0]


class Writer:
    """One Node process running the writer; each call is one load-change-save of Decap."""

    def __init__(self, admin: Path) -> None:
        self.process = subprocess.Popen(
            ["node", str(Path(__file__).with_name("cms_writer.mjs")), str(admin)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def save(self, base: str, *edits: dict[str, Any]) -> str:
        return self._ask({"base": base, "edits": list(edits)})

    def create(self, data: dict[str, Any]) -> str:
        return self._ask({"data": data})

    def _ask(self, request: dict[str, Any]) -> str:
        self.process.stdin.write(json.dumps(request, ensure_ascii=False, default=_json) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the writer stopped (see its error above)"
        return json.loads(line)["text"]

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)


def _json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)  # what a number field of the form holds
    if isinstance(value, dt.date):
        return value.isoformat()  # what a date field of the form holds
    raise TypeError(value)


@pytest.fixture(scope="module")
def writer(tmp_path_factory):
    site = tmp_path_factory.mktemp("admin")
    write_admin(find_project(ROOT), site, local_backend="http://127.0.0.1:8081/api/v1")
    running = Writer(site / "admin")
    yield running
    running.close()


def set_(path: list, value: Any) -> dict[str, Any]:
    return {"op": "set", "path": path, "value": value}


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]


def at(data: Any, path: list) -> Any:
    for key in path:
        data = data[key]
    return data


def put(data: Any, path: list, value: Any) -> None:
    at(data, path[:-1])[path[-1]] = value


CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def typed(value: str) -> str:
    """What the form saves of typed text: control characters, which no case file may hold, are dropped."""
    return CONTROLS.sub("", value)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_saving_without_a_change_keeps_the_file_byte_for_byte(writer, name):
    assert writer.save(SAMPLES[name]) == SAMPLES[name]


def amounts(data: Any, path: list) -> list[list]:
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in amounts(value, [*path, key])]
    if isinstance(data, list):
        return [p for index, value in enumerate(data) for p in amounts(value, [*path, index])]
    return (
        [path]
        if isinstance(data, Decimal)
        or (isinstance(data, int) and not isinstance(data, bool) and path[-1] in AMOUNT_KEYS)
        else []
    )


AMOUNT_KEYS = {
    "amount",
    "total",
    "estimated_amount",
    "damage_amount",
    "costs",
    "base",
    "claim_amount",
    "payment",
    "draft_amount",
    "estimated_commission_costs",
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_changing_one_amount_changes_one_line_and_nothing_else(writer, name):
    original = load_data(SAMPLES[name])
    for path in amounts(original, [])[::3]:  # every third amount of every sample, in lists and sections alike
        saved = writer.save(SAMPLES[name], set_(path, 98765.4))
        expected = load_data(SAMPLES[name])
        put(expected, path, Decimal("98765.40"))
        assert load_data(saved) == expected, path
        removed, added = changed_lines(SAMPLES[name], saved)  # one line out, one line in
        assert removed[1:].split(":")[0] == added[1:].split(":")[0] and "98765.40" in added, (removed, added)


# Text as staff type it, and as an attacker would: YAML indicators, things YAML would read as another type,
# line breaks of every kind, markup.
TEXT = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
    st.sampled_from(
        [
            "2024-05-01",
            "1_000",
            "=",
            "<<",
            "0x1F",
            "1e3",
            ".5",
            "-",
            "~",
            "null",
            "true",
            "yes",
            "on",
            "Null",
            "@x",
            "`x`",
            "&a",
            "*a",
            "!tag",
            "|",
            ">",
            "%YAML",
            "a: b",
            "a #b",
            "- a",
            "[a]",
            "{a: 1}",
            "'q'",
            '"q"',
            "x\n- y",
            "a\r\nb",
            "a\u2028b",
            "  lead",
            "trail  ",
            "\t",
            "\n",
            " ",
            "\n\n",
            "<script>alert(1)</script>",
            "{{7*7}}",
            "```{onfocus=alert(1)}",
            "第十条第一款",
            "宁环赔〔2024〕3号",
            "张某甲：某公司",
        ]
    ),
)


def string_leaves(data: Any, path: list) -> list[list]:
    if isinstance(data, dict):
        return [p for key, value in data.items() if key != "kind" for p in string_leaves(value, [*path, key])]
    if isinstance(data, list):
        return [p for index, value in enumerate(data) for p in string_leaves(value, [*path, index])]
    return [path] if isinstance(data, str) else []


def sections(text: str) -> dict[str, list[str]]:
    """Each top-level key's lines, with the comment lines right above it."""
    found: dict[str, list[str]] = {}
    lines, lead = text.splitlines(), []
    key = None
    for line in lines:
        if TOP_KEY.match(line):
            key = line.split(":")[0]
            found[key] = [*lead, line]
            lead = []
        elif line.startswith("#"):
            lead.append(line)
        elif key:
            found[key] += [*lead, line]
            lead = []
    return found


def comments(text: str) -> list[str]:
    return sorted(
        part.split("#", 1)[1].strip()
        for part in text.splitlines()
        if "#" in part and not part.lstrip().startswith(("'", '"'))
    )


@given(name=st.sampled_from(sorted(SAMPLES)), pick=st.integers(min_value=0), value=TEXT)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_typed_into_any_field_reads_back_as_typed(writer, name, pick, value):
    assume(
        typed(value)
    )  # text of controls alone empties the field: test_control_characters_pasted_into_the_form_are_not_saved
    original = load_data(SAMPLES[name])
    leaves = string_leaves(original, [])
    path = leaves[pick % len(leaves)]
    saved = writer.save(SAMPLES[name], set_(path, value))
    expected = load_data(SAMPLES[name])
    put(expected, path, typed(value))
    assert load_data(saved) == expected
    before, after = sections(SAMPLES[name]), sections(saved)
    assert {k: v for k, v in after.items() if k != path[0]} == {k: v for k, v in before.items() if k != path[0]}
    assert comments(saved) == comments(SAMPLES[name]) or "#" in value


def pruned(value: Any) -> Any:
    """Empty lists, sections and texts left out: a list whose last item the form removed is no longer written."""
    if isinstance(value, dict):
        return {k: v for k, v in ((k, pruned(v)) for k, v in value.items()) if v not in ([], {}, "", None)}
    if isinstance(value, list):
        return [pruned(v) for v in value]
    return value


# Each of these once came back as something else, or not at all (hypothesis found them): in a block value, in
# an item of a flow list ([a, b]), and as the case id (the base of the save is the file, not the id).
TRICKY = ["=", "<<", "0,", ":0", "0?", "a\x7fb", "0\xa0", "\n", " ", "2024-05-01", "1_000", "a\u2028b", "x\n- y", "[a]"]


def test_control_characters_pasted_into_the_form_are_not_saved(writer):
    # The guarded reader refuses them in any case file; a form save must never produce a file check refuses.
    base = SAMPLES["GY-2024-001.yaml"]
    saved = writer.save(
        base, set_(["clue", "description"], "群众\x00举报\x1b[31m某公司\x7f夜间\x85排放\r废水。\t（附照片）")
    )
    assert load_data(saved)["clue"]["description"] == "群众举报[31m某公司夜间排放废水。\t（附照片）"
    emptied = writer.save(base, set_(["clue", "description"], "\x0b\x1f"))
    assert "description" not in load_data(emptied)["clue"]


@pytest.mark.parametrize(
    "path",
    [["clue", "description"], ["jurisdiction", "designated_departments", 0], ["id"]],
    ids=lambda p: ".".join(map(str, p)),
)
@pytest.mark.parametrize("value", TRICKY, ids=repr)
def test_text_yaml_or_libyaml_would_misread_reads_back_as_typed(writer, path, value):
    base = SAMPLES["GY-2024-001.yaml"]
    saved = writer.save(base, set_(path, value))
    expected = load_data(base)
    put(expected, path, typed(value))
    assert load_data(saved) == expected
    assert {k: v for k, v in sections(saved).items() if k != path[0]} == {
        k: v for k, v in sections(base).items() if k != path[0]
    }


def structural_edits(data: dict) -> list[tuple[str, list, Any]]:
    """Edits a form makes to the structure: remove a list item, add a copy of one, remove an optional section."""
    edits = []
    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            edits += [("delete", [key, 0], None), ("append", [key], value[-1])]
        if isinstance(value, dict):
            for inner, items in value.items():
                if isinstance(items, list) and items and isinstance(items[0], dict):
                    edits += [("delete", [key, inner, len(items) - 1], None), ("append", [key, inner], items[0])]
    return edits + [
        ("delete", [key], None) for key in ("referrals", "funds", "restoration", "major_case") if key in data
    ]


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_adding_and_removing_entries_rewrites_only_that_section(writer, name):
    original = load_data(SAMPLES[name])
    for op, path, value in structural_edits(original):
        saved = writer.save(
            SAMPLES[name], {"op": op, "path": path, "value": json.loads(json.dumps(value, default=_json))}
        )
        expected = load_data(SAMPLES[name])
        if op == "append":
            at(expected, path).append(value)
        elif len(path) == 1:
            del expected[path[0]]
        else:
            del at(expected, path[:-1])[path[-1]]
        assert pruned(load_data(saved)) == pruned(expected), (op, path)
        before, after = sections(SAMPLES[name]), sections(saved)
        assert {k: v for k, v in after.items() if k != path[0]} == {k: v for k, v in before.items() if k != path[0]}, (
            op,
            path,
        )


def test_a_new_case_is_written_in_the_schema_order_and_passes_check(writer, tmp_path):
    data = {  # the order a form may hold the values in
        "disclosure": {"publish": False},
        "damage": {
            "description": "排放超标废水，河段水质恶化。",
            "in_red_line": False,
            "site": "银川市某区某河段",
            "cities": ["银川市"],
            "types": ["水污染"],
            "estimated_amount": 1200000,
        },
        "clue": {"description": "群众举报某公司夜间排放废水。", "found_on": "2024-03-02", "source": "群众举报"},
        "jurisdiction": {"designated_departments": ["银川市生态环境局"], "rights_holder": "银川市人民政府"},
        "summary": "2024年3月，某公司向某河排放超标废水。",
        "title": "某公司向某河排放废水生态环境损害赔偿案",
        "id": "YC-2024-009",
        "obligors": [{"credit_code": SAMPLE_COMPANY["credit_code"], "name": "宁夏虚构化工有限公司", "kind": "单位"}],
        "notes": "",  # a field opened and cleared
        "major_case": {},
    }
    text = writer.create(data)
    assert text.startswith("# yaml-language-server: $schema=../schema/case.schema.json\n")
    keys = [line.split(":")[0] for line in text.splitlines() if TOP_KEY.match(line)]
    assert keys == ["id", "title", "summary", "jurisdiction", "clue", "obligors", "damage", "disclosure"]
    assert "  - kind: 单位\n    name: 宁夏虚构化工有限公司\n" in text and "  estimated_amount: 1200000.00\n" in text
    assert "  found_on: 2024-03-02\n" in text and "  cities: [银川市]\n" in text
    path = tmp_path / "YC-2024-009.yaml"
    path.write_text(text, encoding="utf-8")
    checked = load_case(path, path.name)
    assert checked.case is not None, [f.message for f in checked.findings]
