"""Quarterly clue screening logs (第九条): ``cases/screening/*.yaml``, one file per rights-holder and year."""

from __future__ import annotations

import datetime as dt

from ecoredress.model.enums import ClueSource, RightsHolder
from ecoredress.model.types import Section, field


class Screening(Section):
    id: str = field("筛查记录编号", "权利人代码-年份-Q季度，如 YC-2024-Q1；案件的 clue.screening_ref 引用它")
    screened_on: dt.date = field("筛查日期")
    department: str = field("组织筛查的部门或机构")
    channels: list[ClueSource] = field("筛查渠道", "国家规定的渠道（第九条）", min_length=1)
    items_screened: int = field("筛查的案件或信息数", ge=0)
    clues_found: int = field("发现的损害赔偿线索数", ge=0)
    cases: list[str] = field("据此启动的案件编号", default_factory=list)
    note: str | None = field("说明", default=None)


class ScreeningLog(Section):
    rights_holder: RightsHolder = field("赔偿权利人")
    year: int = field("年度")
    screenings: list[Screening] = field("筛查记录", default_factory=list)
