from __future__ import annotations

import datetime as dt
import json
import shutil
from decimal import Decimal

from ecoredress.editing.scaffold import create_case_file, holder_from_text, next_case_id
from ecoredress.loading.yamlio import load_data
from ecoredress.project import find_project
from ecoredress.regulation.case_schema import case_schema_text
from ecoredress.regulation.profile import load_profile
from ecoredress.validation.checker import check_files
from tests.conftest import CASES, ROOT, run_cli


def test_committed_schema_equals_the_model():
    committed = (ROOT / "schema" / "case.schema.json").read_text(encoding="utf-8")
    assert committed == case_schema_text(load_profile("ningxia-2024")), (
        "运行 ecoredress schema 重新生成 schema/case.schema.json"
    )


def test_schema_carries_chinese_titles_and_privacy_markers():
    schema = json.loads(case_schema_text(load_profile("ningxia-2024")))
    person = schema["$defs"]["Person"]["properties"]
    assert person["id_number"]["title"] == "身份证号码" and person["id_number"]["x-private"] is True
    assert schema["properties"]["notes"]["x-internal"] is True
    assert schema["properties"]["jurisdiction"]["title"] == "管辖"


def test_every_sample_points_editors_at_the_schema():
    for path in sorted(CASES.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/case.schema.json", path.name


def test_yaml_numbers_become_exact_decimals():
    data = load_data("a: 0.1\nb: 1234567.89\nc: 7\n")
    assert data == {"a": Decimal("0.1"), "b": Decimal("1234567.89"), "c": 7}


def _repo_copy(tmp_path):
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(ROOT / "templates" / "case", tmp_path / "templates" / "case")
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    (tmp_path / "cases").mkdir()
    shutil.copy(CASES / "YC-2023-002.yaml", tmp_path / "cases")
    return find_project(tmp_path)


def test_new_takes_the_next_free_number_and_passes_check(tmp_path):
    project = _repo_copy(tmp_path)
    holder = holder_from_text("银川")
    assert next_case_id(project, holder, 2023) == "YC-2023-003"
    assert next_case_id(project, holder, 2026) == "YC-2026-001"
    first = create_case_file(project, holder, dt.date(2026, 11, 20), "宁夏某公司倾倒废渣生态环境损害赔偿案")
    second = create_case_file(project, holder, dt.date(2026, 11, 21), None)
    assert (first.name, second.name) == ("YC-2026-001.yaml", "YC-2026-002.yaml")
    report = check_files([first, second], base=tmp_path, as_of=dt.date(2026, 11, 29), project=project)
    assert report.valid, [f.message for f in report.findings]
    text = first.read_text(encoding="utf-8")
    assert "# 管辖（第五条）" in text and "title: 宁夏某公司倾倒废渣生态环境损害赔偿案" in text


def test_new_command_reports_and_rejects_unknown_holder(tmp_path):
    _repo_copy(tmp_path)
    ok = run_cli("--project", str(tmp_path), "new", "--holder", "NX", "--found-on", "2025-03-01")
    assert ok.code == 0 and "cases/NX-2025-001.yaml" in ok.out
    assert "regional_grounds" in (tmp_path / "cases" / "NX-2025-001.yaml").read_text(encoding="utf-8")
    bad = run_cli("--project", str(tmp_path), "new", "--holder", "北京")
    assert bad.code == 2 and "无法识别赔偿权利人" in bad.err


def test_wrapped_chinese_lines_are_joined_without_a_space(sample_cases):
    from ecoredress.model.types import join_folded_cjk

    assert (
        join_folded_cjk("造成下游约 2.4 公里河段水质恶化、\n水生生物受损。经委托 鉴定")
        == "造成下游约 2.4 公里河段水质恶化、水生生物受损。经委托鉴定"
    )
    assert join_folded_cjk("Noto Serif 与 AR PL UKai") == "Noto Serif 与 AR PL UKai"  # Latin words keep their spaces
    yc = next(c for c in sample_cases if c.id == "YC-2023-002")
    assert "含氮废水，造成下游" in yc.summary  # the sample wraps this sentence with a folded block


def test_new_quotes_titles_yaml_would_misread(tmp_path):
    project = _repo_copy(tmp_path)
    for title in ("true", "2024-01-01", "某公司: 排污", '名称含"引号"与\\反斜杠'):
        path = create_case_file(project, holder_from_text("YC"), dt.date(2026, 11, 20), title)
        report = check_files([path], base=tmp_path, as_of=dt.date(2026, 11, 29), project=project)
        assert report.valid and report.cases[0].title == title, [f.message for f in report.findings]
