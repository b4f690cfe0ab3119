"""Scaffold a new case file from templates/case/new.yaml.j2 with the next free case id."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jinja2
from ruamel.yaml.error import YAMLError

from ecoredress.errors import UserError
from ecoredress.loading.discovery import discover_case_files
from ecoredress.loading.yamlio import load_data
from ecoredress.model.enums import HOLDER_CITY, HOLDER_CODES, City, RightsHolder
from ecoredress.model.types import CASE_ID_RE, PLACEHOLDER
from ecoredress.project import Project

TEMPLATE_FOLDER, TEMPLATE = "case", "new.yaml.j2"


def holder_from_text(text: str) -> RightsHolder:
    """Accept a rights-holder by case-id code (YC), full name, or city name (银川 / 银川市)."""
    for holder, code in HOLDER_CODES.items():
        if text.upper() == code or text == holder.value or (text and holder.value.startswith(text)):
            return holder
    choices = "、".join(f"{code}（{holder.value}）" for holder, code in HOLDER_CODES.items())
    raise UserError(f"无法识别赔偿权利人“{text}”。可用：{choices}。")


def next_case_id(project: Project, holder: RightsHolder, year: int) -> str:
    code = HOLDER_CODES[holder]
    used = [0]
    if project.cases_dir.exists():
        for path in discover_case_files([project.cases_dir]):
            match = CASE_ID_RE.match(path.stem)
            if match and match.group(1) == code and int(match.group(2)) == year:
                used.append(int(match.group(3)))
    if max(used) >= 999:
        raise UserError(f"{code}-{year} 的案件序号已用完（999）。")
    return f"{code}-{year}-{max(used) + 1:03d}"


def _yaml_text(value: str) -> str:
    """The text as a YAML scalar: plain when YAML reads it back unchanged, else JSON-quoted (valid YAML)."""
    try:
        if load_data(f"v: {value}") == {"v": value}:
            return value
    except YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)


def render_new_case(project: Project, holder: RightsHolder, found_on: dt.date, title: str | None, case_id: str) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(project.template_folder(TEMPLATE_FOLDER)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    city = HOLDER_CITY.get(holder, City.YINCHUAN)
    department = project.settings.region.department if holder is RightsHolder.REGION else f"{city.value}生态环境局"
    values = {
        "case_id": case_id,
        "path": f"{project.settings.cases}/{case_id}.yaml",
        "title": _yaml_text(title or f"{PLACEHOLDER}生态环境损害赔偿案"),
        "summary": _yaml_text(f"{PLACEHOLDER}简要说明案情：时间、地点、行为、损害后果。"),
        "rights_holder": holder.value,
        "regional": holder is RightsHolder.REGION,
        "department": department,
        "source": "日常监管与执法巡查",
        "found_on": found_on.isoformat(),
        "clue_description": _yaml_text(f"{PLACEHOLDER}线索内容"),
        "damage_type": "其他",
        "city": city.value,
        "site": _yaml_text(f"{PLACEHOLDER}损害地点"),
        "damage_description": _yaml_text(f"{PLACEHOLDER}损害情况"),
    }
    try:
        return env.get_template(TEMPLATE).render(values)
    except jinja2.TemplateNotFound as exc:
        raise UserError(
            f"找不到新案件模板 {project.templates_dir / TEMPLATE_FOLDER / TEMPLATE}。请从 ecoredress 仓库复制 "
            "templates/case/。"
        ) from exc


def create_case_file(project: Project, holder: RightsHolder, found_on: dt.date, title: str | None) -> Path:
    case_id = next_case_id(project, holder, found_on.year)
    target = project.cases_dir / f"{case_id}.yaml"
    if target.exists():  # next_case_id skips used ids; a race with another writer is the only way here
        raise UserError(f"{target} 已存在，未作任何修改。")
    text = render_new_case(project, holder, found_on, title, case_id)
    project.cases_dir.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return target
