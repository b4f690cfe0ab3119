"""A value YAML resolves to a type that its constructor then cannot make (0x_, !!int x, !!bool x, a bare !!int)
is a located finding in Chinese, never a Python traceback: in `check`, in `fix` and in every loader."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from ruamel.yaml.error import YAMLError

from ecoredress.errors import UserError
from ecoredress.loading.guarded import Limits
from ecoredress.loading.yamlio import load_data, load_roundtrip
from tests.conftest import case_repository, run_cli

UNREADABLE = ["0x_", "._", "0o_", "0b_", "-_", "+_", "!!int x", "!!bool x", "!!int", "!!float", "!!float .5.5"]


@pytest.mark.parametrize("value", UNREADABLE)
def test_check_and_fix_locate_a_value_that_cannot_be_read(tmp_path, value):
    repo = case_repository(tmp_path / "repo", ["YC-2023-002"])
    case = repo / "cases" / "YC-2023-002.yaml"
    lines = case.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines.insert(at + 1, f"remark: {value}\n")
    case.write_text("".join(lines), encoding="utf-8")
    before = case.read_bytes()
    for command in ("check", "fix"):
        result = run_cli("--project", str(repo), command, str(case))
        assert result.code == 1, (command, result.out, result.err)
        said = result.out + result.err
        assert f"YC-2023-002.yaml:{at + 2}:9:" in said and "不能作为" in said, (command, said)
        assert "Traceback" not in said
    assert case.read_bytes() == before


TAGS = st.sampled_from(["", "!!int ", "!!float ", "!!bool ", "!!null ", "!!str ", "!!timestamp "])
VALUE = st.text(st.sampled_from("0123456789+-._xobeE:TZ nNaIifyt~"), max_size=12)


@settings(max_examples=300)
@given(tag=TAGS, value=VALUE, where=st.sampled_from(["a: {}\n", "- {}\n", "a: [{}]\n", "a:\n  b: {}\n"]))
@example(tag="", value="._", where="a: {}\n")  # a dot and no digit: no number to measure
def test_any_typed_value_loads_or_is_a_located_error(tag, value, where):
    text = where.format(tag + value)
    for load in (load_data, load_roundtrip):
        with contextlib.suppress(UserError, YAMLError):  # located: our finding, or ruamel's syntax error, its mark
            load(text)


def test_the_value_is_located_under_the_limits_the_file_was_read_with():
    # A file over the default number of values, read under a raised limit: the unreadable value is what is reported.
    text = "a: [" + ", ".join(["1"] * 25_000) + "]\nb: 0x_\n"
    with pytest.raises(UserError, match="不能作为整数读取") as raised:
        load_data(text, Limits(values=30_000))
    assert (raised.value.line, raised.value.column) == (2, 4)
