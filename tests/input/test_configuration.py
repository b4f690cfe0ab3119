"""The repository's settings ([tool.ecoredress] in pyproject.toml) and rule profiles (profiles/NAME.yaml): each
checked once against its model, every problem a Chinese message naming the key path, never a traceback, never a
misspelt key silently ignored."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecoredress.errors import UserError
from ecoredress.loading.yamlio import load_data
from ecoredress.project import find_project, parse_settings
from ecoredress.regulation.profile import parse_profile
from ecoredress.settings import Settings
from tests.conftest import ROOT, run_cli

SHIPPED_PROFILE = ROOT / "scripts" / "ecoredress" / "regulation" / "profiles" / "ningxia-2024.yaml"
ENGLISH = re.compile(r"\b(should|Input|valid|Value error|Field)\b")


def said(message: str) -> str:
    """The message without the values it quotes (a generated value may hold any word)."""
    return "\n".join(line.split("，实为")[0] for line in message.splitlines())


HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


def sample_settings() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ecoredress"]


def repository(root: Path, table: dict[str, Any], profile: dict[str, Any] | None = None) -> Path:
    """A case repository at ``root`` with these settings and, if given, its own profile ``profiles/local.yaml``."""
    (root / "pyproject.toml").write_text(f"[tool]\necoredress = {toml_value(table)}\n", encoding="utf-8")
    (root / "cases").mkdir(exist_ok=True)
    if profile is not None:
        (root / "profiles").mkdir(exist_ok=True)
        (root / "profiles" / "local.yaml").write_text(_yaml(profile), encoding="utf-8")
    return root


def toml_value(value: Any) -> str:
    """A value as TOML (inline tables; a JSON string is a valid TOML basic string)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, dt.date)):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {toml_value(v)}" for k, v in value.items()) + "}"


def _yaml(data: Any) -> str:
    import io

    from ruamel.yaml import YAML

    buffer = io.StringIO()
    YAML().dump(data, buffer)
    return buffer.getvalue()


def check_in(root: Path) -> tuple[int, str]:
    result = run_cli("--project", str(root), "check")
    return result.code, result.err


def with_change(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    table = sample_settings()
    node = table
    for part in path[:-1]:
        node = node.setdefault(part, {})
    node[path[-1]] = value
    return table


# --- pyproject.toml [tool.ecoredress] ----------------------------------------------------------------------------

# (where, value, what the message must say): misspelt keys, wrong types, nested wrong types, huge values.
SETTINGS_CORPUS = [
    pytest.param(
        ("site", "engine"), "mkdoc", '[tool.ecoredress.site] engine：应为 mkdocs 或 zensical，实为 "mkdoc"', id="enum"
    ),
    pytest.param(("site", "engin"), "mkdocs", "[tool.ecoredress.site] engin：没有这一项", id="misspelt-key"),
    pytest.param(("profil",), "ningxia-2024", "[tool.ecoredress] profil：没有这一项", id="misspelt-top-key"),
    pytest.param(
        ("limits", "max_depth"), "20", '[tool.ecoredress.limits] max_depth：应为整数，实为 "20"', id="string-for-int"
    ),
    pytest.param(("limits", "max_depth"), 10**18, "[tool.ecoredress.limits] max_depth：应不超过 100", id="huge-int"),
    pytest.param(("limits", "max_file_mb"), -1, "[tool.ecoredress.limits] max_file_mb：应大于 0", id="negative"),
    pytest.param(("limits", "max_values"), True, "[tool.ecoredress.limits] max_values：应为整数，实为 true", id="bool"),
    pytest.param(("annual_report_month",), 13, "[tool.ecoredress] annual_report_month：应不超过 12", id="month"),
    pytest.param(
        ("documents", "docx_fonts"),
        {"body": 3},
        "[tool.ecoredress.documents] docx_fonts.body：应为文本",
        id="nested-type",
    ),
    pytest.param(
        ("documents", "pdf_fonts"),
        {"bdy": "x"},
        "[tool.ecoredress.documents] pdf_fonts.bdy：没有这一项",
        id="nested-misspelt",
    ),
    pytest.param(
        ("documents", "pdf_fonts"),
        "fancy",
        "[tool.ecoredress.documents] pdf_fonts.preset：应为 government 或 free",
        id="preset",
    ),
    pytest.param(
        ("documents", "font_dirs"), "fonts", "[tool.ecoredress.documents] font_dirs：应为列表", id="string-for-list"
    ),
    pytest.param(("site", "url"), "ecoredress.example", "[tool.ecoredress.site] url：应为网站的完整地址", id="url"),
    pytest.param(("site",), "yes", "[tool.ecoredress] site：应为一组键值", id="table-as-string"),
    pytest.param(("site", "publisher"), "宁" * 1_000_000, "[tool.ecoredress.site] publisher：", id="huge-string"),
    pytest.param(("region", "code"), "宁夏", "[tool.ecoredress.region] code：应为小写拼音字母开头", id="pattern"),
    pytest.param(
        ("cms", "backend"),
        "bitbucket",
        "[tool.ecoredress.cms] backend：应为 gitlab、github、gitea 或 forgejo",
        id="cms-backend",
    ),
    pytest.param(  # a misspelt particular of a department: the keys it may have, each with its Chinese name
        ("departments", "石嘴山市生态环境局", "adress"),
        "石嘴山市大武口区虚构路 401 号",
        '[tool.ecoredress.departments."石嘴山市生态环境局"] adress：没有这一项（可用：full_name（全称）、'
        "address（住所）、head（主要负责人姓名）、head_title（主要负责人职务）、phone（联系电话）），请检查拼写",
        id="department-misspelt",
    ),
    pytest.param(
        ("departments", "石嘴山市生态环境局", "address"),
        "石嘴山市\n大武口区",
        '[tool.ecoredress.departments."石嘴山市生态环境局"] address：应为一行文字，不能含换行符或控制字符',
        id="department-line-break",
    ),
    pytest.param(
        ("departments", "石嘴山市生态环境局", "phone"),
        9525550401,
        '[tool.ecoredress.departments."石嘴山市生态环境局"] phone：应为文本（加英文双引号），实为 9525550401',
        id="department-phone-as-number",
    ),
    pytest.param(
        ("departments", "石嘴山市生态环境局"),
        "王虚构",
        "[tool.ecoredress.departments] 石嘴山市生态环境局：应为一组键值",
        id="department-not-a-table",
    ),
]


@pytest.mark.parametrize(("path", "value", "said"), SETTINGS_CORPUS)
def test_a_bad_setting_is_named_with_its_table_key_and_value(tmp_path, path, value, said):
    code, err = check_in(repository(tmp_path, with_change(path, value)))
    assert code == 2 and said in err, err
    assert str(tmp_path / "pyproject.toml") in err and "README“设置”" in err
    assert "Traceback" not in err and len(err) < 3000, "a huge value is cut short, not echoed"


def test_every_problem_is_listed_at_once(tmp_path):
    table = with_change(("site", "engin"), "mkdocs")
    table["limits"] = {"max_depth": "deep", "max_vals": 1}
    code, err = check_in(repository(tmp_path, table))
    assert code == 2
    assert all(key in err for key in ("site] engin", "limits] max_depth", "limits] max_vals")), err


def test_the_command_line_reports_it_without_a_traceback(tmp_path):
    """The real process: exit code 2 and the message on stderr."""
    root = repository(tmp_path, with_change(("site", "engine"), "mkdoc"))
    result = subprocess.run(
        [sys.executable, "-m", "ecoredress", "--project", str(root), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "engine：应为 mkdocs 或 zensical" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_sample_settings_are_valid_and_typed():
    project = find_project(ROOT)
    assert project.settings.site.engine == "zensical" and project.settings.documents.docx_fonts.preset == "government"
    assert project.settings.limits.max_depth is None  # not set: the default limit applies


# Any TOML value where a setting is expected: the settings load, or a UserError names pyproject.toml.
TOML_VALUES = st.recursive(
    st.one_of(
        st.text(max_size=20),
        st.integers(min_value=-(2**63), max_value=2**63 - 1),
        st.floats(allow_nan=False),
        st.booleans(),
        st.dates(),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["preset", "body", "x", "url"]), inner, max_size=3)
    ),
    max_leaves=6,
)
KEY_PATHS = st.sampled_from(
    [
        ("profile",),
        ("cases",),
        ("annual_report_month",),
        ("site", "url"),
        ("site", "engine"),
        ("site", "publisher"),
        ("documents", "docx_fonts"),
        ("documents", "font_dirs"),
        ("documents", "out"),
        ("limits", "max_file_mb"),
        ("limits", "max_depth"),
        ("cms",),
        ("region", "name"),
        ("region", "code"),
        ("site", "nonexistent"),
        ("departments",),
        ("departments", "银川市生态环境局"),
        ("departments", "银川市生态环境局", "head"),
        ("departments", "银川市生态环境局", "nonexistent"),
    ]
)


@given(path=KEY_PATHS, value=TOML_VALUES)
@settings(max_examples=300, deadline=None)
def test_any_value_of_any_setting_loads_or_is_a_clear_error(path, value):
    try:
        loaded = parse_settings(with_change(path, value), Path("pyproject.toml"))
    except UserError as exc:
        message = str(exc)
    else:
        assert isinstance(loaded, Settings)
        return
    assert message.startswith("pyproject.toml [tool.ecoredress") and "：" in message
    assert not ENGLISH.search(said(message)), message  # pydantic's own words never reach the user


# --- rule profiles ---------------------------------------------------------------------------------------------


def shipped_profile() -> dict[str, Any]:
    data: dict[str, Any] = load_data(SHIPPED_PROFILE.read_text(encoding="utf-8"))
    return data


def profile_with(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(shipped_profile())
    change(data)
    return data


def _rename(mapping: dict[str, Any], old: str, new: str) -> None:
    mapping[new] = mapping.pop(old)


def set_first_value(parameter: str, key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A change to a profile: ``key`` of the first dated value of ``parameter`` set to ``value``."""
    return lambda profile: profile["parameters"][parameter]["values"][0].__setitem__(key, value)


PROFILE_CORPUS = [
    pytest.param(
        lambda d: _rename(d["parameters"], "consultation.days", "consultaton.days"),
        ["parameters → consultaton.days：没有这一项", "parameters → consultation.days：缺少此项"],
        id="misspelt-parameter",
    ),
    pytest.param(
        set_first_value("consultation.days", "value", "九十"),
        ['parameters → consultation.days → values 第 1 项 → value：应为整数，实为 "九十"'],
        id="wrong-type",
    ),
    pytest.param(
        set_first_value("consultation.days", "value", 10**9),
        ["parameters → consultation.days → values 第 1 项 → value：应不超过 3650"],
        id="huge-days",
    ),
    pytest.param(
        set_first_value("simplified_consultation.ceiling", "value", -5),
        ["parameters → simplified_consultation.ceiling → values 第 1 项 → value：应不小于 0"],
        id="negative-amount",
    ),
    pytest.param(
        set_first_value("consultation.days", "efective", dt.date(2024, 4, 3)),
        ["values 第 1 项 → efective：没有这一项（可用：value、effective、article、reference）"],
        id="misspelt-value-key",
    ),
    pytest.param(
        set_first_value("consultation.days", "effective", "下个月"),
        ["values 第 1 项 → effective：应为 YYYY-MM-DD 格式的日期"],
        id="not-a-date",
    ),
    pytest.param(
        set_first_value("consultation.days", "article", "18条"),
        ["values 第 1 项 → article：应写作“第十条”“第十条第一款”"],
        id="not-an-article",
    ),
    pytest.param(
        lambda d: d["instruments"][1]["articles"].__setitem__("第十二条", 18),
        ["instruments 第 2 项 → articles → 第十二条：应为文本（加英文双引号），实为 18"],
        id="nested-wrong-type",
    ),
    pytest.param(
        set_first_value("punitive.base_categories", "value", ["永久损害"]),
        ["punitive.base_categories → values 第 1 项 → value 第 1 项：应为 期间服务功能损失"],
        id="unknown-category",
    ),
    pytest.param(lambda d: d.__setitem__("titel", "x"), ["titel：没有这一项"], id="misspelt-top-key"),
    pytest.param(lambda d: d["parameters"].clear(), ["parameters → screening.min_per_quarter：缺少此项"], id="empty"),
    pytest.param(
        lambda d: d["parameters"]["consultation.days"].__setitem__("values", []),
        ["parameters → consultation.days → values：应至少有 1 项"],
        id="no-values",
    ),
]


@pytest.mark.parametrize(("change", "said"), PROFILE_CORPUS)
def test_a_bad_profile_is_named_with_its_key_path(tmp_path, change, said):
    root = repository(tmp_path, {"profile": "local"}, profile_with(change))
    code, err = check_in(root)
    assert code == 2, err
    for text in said:
        assert text in err, err
    assert f"规则配置 {(root / 'profiles' / 'local.yaml').as_posix()}" in err and "Traceback" not in err


def test_a_profile_named_in_the_settings_must_exist(tmp_path):
    code, err = check_in(repository(tmp_path, {"profile": "ningxai-2024"}))
    assert code == 2 and "未知的规则配置“ningxai-2024”" in err


PROFILE_VALUES = st.one_of(
    st.none(),
    st.text(max_size=10),
    st.integers(),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.dates(),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in _leaves(v, (*path, k))] or [path]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _leaves(v, (*path, i))] or [path]
    return [path]


LEAVES = _leaves(shipped_profile())


@given(leaf=st.sampled_from(LEAVES), value=PROFILE_VALUES)
@settings(max_examples=300, deadline=None, suppress_health_check=HEALTH)
def test_any_value_anywhere_in_a_profile_loads_or_is_a_clear_error(leaf, value):
    data = copy.deepcopy(shipped_profile())
    node = data
    for part in leaf[:-1]:
        node = node[part]
    node[leaf[-1]] = value
    try:
        profile = parse_profile(data, "profiles/x.yaml")
    except UserError as exc:
        message = str(exc)
    else:
        days = profile.param("consultation.days").at(dt.date(2025, 1, 1))  # loaded: its values are usable
        assert isinstance(days, int) and 1 <= days <= 3650
        return
    assert message.startswith("规则配置 profiles/x.yaml ") and "：" in message
    assert not ENGLISH.search(said(message)), message


def test_the_shipped_profile_round_trips_unchanged():
    profile = parse_profile(shipped_profile(), "profiles/ningxia-2024.yaml")
    assert profile.get("simplified_consultation.ceiling") == 500000 and profile.in_force_from == dt.date(2024, 4, 3)
