"""A repository of another region under another regulation gets its own names, dates and thresholds everywhere
they are printed: nothing of Ningxia or of 宁环规发〔2024〕4号 is written in the code."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from ecoredress.editing.scaffold import create_case_file
from ecoredress.loading.yamlio import load_data
from ecoredress.model.enums import RightsHolder
from ecoredress.project import Project, find_project
from ecoredress.publish.opendata import datapackage, feed, write_open_data
from ecoredress.publish.pages import write_pages
from ecoredress.publish.site import publisher
from ecoredress.registers.annual import build_annual, report_month, to_markdown
from ecoredress.registers.cases import open_repository
from tests.conftest import ROOT, run_cli

SHIPPED = ROOT / "scripts" / "ecoredress" / "regulation" / "profiles" / "ningxia-2024.yaml"
ISSUED = dt.date(2030, 1, 1)
TITLE = "示例省生态环境损害赔偿管理办法"
REFERENCE = "示环规〔2030〕1号"
CHANGED = {"simplified_consultation.ceiling": 300000, "consultation.days": 60}
PROFILE_WORDS = ("宁环规发", "2024-04-03", "50 万元", "90 日")  # what the shipped profile would have put in
NINGXIA = ("宁夏", "宁环规发", "2024-04-03", "50 万元", "ningxia")


def other_profile() -> dict[str, Any]:
    """The shipped profile as another province would write it: its own title, date, and a 30万元 / 60-day rule."""
    data: dict[str, Any] = load_data(SHIPPED.read_text(encoding="utf-8"))
    data.update(id="shili-2030", title=TITLE, reference=REFERENCE, issued=ISSUED)
    del data["instruments"]
    for key, parameter in data["parameters"].items():
        for value in parameter["values"]:
            value.update(effective=ISSUED, reference=REFERENCE)
            value["value"] = CHANGED.get(key, value["value"])
    return data


@pytest.fixture
def project(tmp_path: Path) -> Project:
    from ruamel.yaml import YAML

    (tmp_path / "pyproject.toml").write_text(
        '[tool.ecoredress]\nprofile = "shili-2030"\n'
        '[tool.ecoredress.region]\nname = "示例省"\ndepartment = "示例省生态环境厅"\ncode = "shili"\n',
        encoding="utf-8",
    )
    (tmp_path / "profiles").mkdir()
    yaml = YAML()
    yaml.representer.ignore_aliases = lambda _: True  # the same date object everywhere: written out, not aliased
    with (tmp_path / "profiles" / "shili-2030.yaml").open("w", encoding="utf-8") as out:
        yaml.dump(other_profile(), out)
    (tmp_path / "cases").mkdir()
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return find_project(tmp_path)


def assert_not_ningxia(text: str) -> None:
    assert not [word for word in NINGXIA if word in text], text


def test_the_schema_states_the_repository_profile(project):
    assert run_cli("--project", str(project.root), "schema").code == 0
    text = (project.root / "schema" / "case.schema.json").read_text(encoding="utf-8")
    assert f"依据《{TITLE}》{REFERENCE}" in text
    assert f"依规则配置 shili-2030，自 2030-01-01 起为 30 万元（{REFERENCE}第十七条）" in text
    assert "自 2030-01-01 起为 60 日" in text
    # The case model itself is Ningxia's (its rights holders, 宁东 base, examples): only the profile's words change.
    assert not [word for word in PROFILE_WORDS if word in text]
    assert run_cli("--project", str(project.root), "schema", "--check").code == 0


def test_open_data_feed_and_home_page_name_the_region_and_its_regulation(project, tmp_path):
    portal = publisher(project)
    assert (portal.name, portal.region, portal.in_force_from) == ("示例省生态环境厅", "示例省", ISSUED)
    package = json.loads(datapackage([], portal))
    assert package["name"] == "shili-eco-damage-compensation-disclosure"
    assert (
        package["title"] == "示例省生态环境损害赔偿案件公开数据" and f"《{TITLE}》第三十三条" in package["description"]
    )
    atom = feed([], portal)
    assert "<title>示例省生态环境损害赔偿信息公开：案件更新</title>" in atom
    assert "<updated>2030-01-01T00:00:00+08:00</updated>" in atom  # no case yet: the day the regulation took effect
    docs = tmp_path / "docs"
    write_open_data([], portal, docs)
    write_pages([], project.template_folder("site"), docs, portal)
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert "<h1>示例省生态环境损害赔偿信息公开</h1>" in home and f"依据《{TITLE}》" in home
    for text in (home, atom, json.dumps(package, ensure_ascii=False)):
        assert_not_ningxia(text)
    schema = json.loads((docs / "data" / "case.schema.json").read_text(encoding="utf-8"))
    assert f"依据《{TITLE}》第三十三条" in schema["description"]


def test_annual_report_cites_the_regulation_and_periods_of_the_profile(project):
    repo = open_repository(project)
    report = build_annual(repo, 2030, report_month(repo))
    text = to_markdown(report)
    assert f"依据《{TITLE}》第三十五条" in text and "磋商（60 日）" in text
    assert not [word for word in PROFILE_WORDS if word in text]  # the rows name the model's rights holders


def test_the_internal_site_is_named_for_the_region(project):
    from ecoredress.workbench.internal_site import site_overrides

    assert site_overrides(project)["site_name"] == "示例省生态环境损害赔偿案件办理（内部资料）"


def test_a_new_regional_case_is_led_by_the_region_department(project):
    path = create_case_file(project, RightsHolder.REGION, dt.date(2030, 3, 1), None)
    assert "示例省生态环境厅" in path.read_text(encoding="utf-8")


def test_the_sample_repository_keeps_ningxia():
    portal = publisher(find_project(ROOT))
    assert (portal.region, portal.region_code, portal.in_force_from) == ("宁夏", "ningxia", dt.date(2024, 4, 3))
    assert portal.regulation == "《宁夏回族自治区生态环境损害赔偿管理工作规定》"
