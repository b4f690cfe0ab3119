"""Working days and period counting.

- 第三十九条: periods are natural days unless the article says working days.
- 工作日 follow the State Council's yearly holiday notice (国办发明电), including 调休 weekend working days.
  The notices ship as ``regulation/holidays/YYYY.yaml``; a case repository adds a year the package does not
  know yet (e.g. 2027) in ``calendar/holidays.local.yaml``.
- 民法典 第二百零一条: the start day is not counted. 第二百零三条: a period whose last day is a rest day or
  holiday ends on the first working day after it.

A date in a year without data is an explicit ``CalendarYearMissing`` error, never a guess.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ecoredress.errors import UserError
from ecoredress.loading.yamlio import load_data, load_file

LOCAL_OVERRIDE = Path("calendar") / "holidays.local.yaml"
_ONE_DAY = dt.timedelta(days=1)


class CalendarError(UserError):
    """A calendar problem the user fixes by editing the holiday data."""


class CalendarYearMissing(CalendarError):
    def __init__(self, year: int, known: list[int], override: Path | None) -> None:
        self.year = year
        where = override.as_posix() if override else LOCAL_OVERRIDE.as_posix()
        span = f"{known[0]}–{known[-1]}" if known else "无"
        super().__init__(
            f"缺少 {year} 年的法定节假日和调休数据（已有年份：{span}），无法按工作日或节假日顺延计算期限。"
            f"请在案件仓库的 {where} 中按国务院办公厅关于 {year} 年部分节假日安排的通知补充该年数据"
            f"（格式与 ecoredress/regulation/holidays/{known[-1] if known else 2026}.yaml 相同，写在 years: 列表下）。"
        )


@dataclass(frozen=True)
class Holiday:
    name: str
    start: dt.date
    end: dt.date
    workdays: tuple[dt.date, ...] = ()


@dataclass(frozen=True)
class YearData:
    year: int
    notices: tuple[str, ...]
    holidays: tuple[Holiday, ...]
    source: str


@dataclass(frozen=True)
class DayNote:
    """Why a day in a counted span is or is not a working day (for ``days --explain``)."""

    date: dt.date
    workday: bool
    reason: str


@dataclass
class Calendar:
    years: dict[int, YearData]
    override: Path | None = None
    _holiday: dict[dt.date, str] = field(default_factory=dict, init=False, repr=False)
    _makeup: dict[dt.date, str] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for data in self.years.values():
            for h in data.holidays:
                day = h.start
                while day <= h.end:
                    self._holiday[day] = h.name
                    day += _ONE_DAY
                for w in h.workdays:
                    self._makeup[w] = h.name

    @property
    def known_years(self) -> list[int]:
        return sorted(self.years)

    def _require(self, day: dt.date) -> None:
        if day.year not in self.years:
            raise CalendarYearMissing(day.year, self.known_years, self.override)

    def is_workday(self, day: dt.date) -> bool:
        self._require(day)
        if day in self._makeup:
            return True
        return day.weekday() < 5 and day not in self._holiday

    def note(self, day: dt.date) -> DayNote:
        self._require(day)
        if day in self._makeup:
            return DayNote(day, True, f"{self._makeup[day]}调休上班日")
        if day in self._holiday:
            return DayNote(day, False, f"{self._holiday[day]}放假")
        if day.weekday() >= 5:
            return DayNote(day, False, "周末")
        return DayNote(day, True, "工作日")

    def next_workday(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the first working day after it (民法典第二百零三条)."""
        while not self.is_workday(day):
            day += _ONE_DAY
        return day

    def add_workdays(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after ``start`` (the start day is not counted)."""
        if n < 0:
            raise ValueError("n must be non-negative")
        day, left = start, n
        while left:
            day += _ONE_DAY
            if self.is_workday(day):
                left -= 1
        return day

    def add_days(self, start: dt.date, n: int) -> dt.date:
        """Last day of a period of n natural days from ``start``: start not counted; a last day that is not a
        working day moves to the next working day (民法典第二百零一条、第二百零三条)."""
        try:
            end = start + dt.timedelta(days=n)
        except OverflowError:  # past 9999-12-31: as much a year without holiday data as any other
            raise CalendarYearMissing(dt.MAXYEAR, self.known_years, self.override) from None
        return self.next_workday(end)

    def explain(self, start: dt.date, end: dt.date) -> list[DayNote]:
        """Notes for every day after ``start`` up to ``end`` that is not an ordinary weekday."""
        notes, day = [], start + _ONE_DAY
        while day <= end:
            note = self.note(day)
            if note.reason != "工作日":
                notes.append(note)
            day += _ONE_DAY
        return notes

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end``."""
        count, day = 0, start
        while day < end:
            day += _ONE_DAY
            count += self.is_workday(day)
        return count


def parse_year(data: Any, source: str) -> YearData:
    """One year of a holiday notice, as shipped or as written by staff in the local override file."""
    try:
        year = int(data["year"])
        notices = tuple(str(n["number"]) for n in data.get("notices") or [])
        holidays = tuple(
            Holiday(
                name=str(h["name"]),
                start=_date(h["from"]),
                end=_date(h["to"]),
                workdays=tuple(_date(w) for w in h.get("workdays") or []),
            )
            for h in data.get("holidays") or []
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise CalendarError(
            f"{source}：节假日数据格式不对（{exc}）。每年应写 year、notices（通知文号）和 holidays"
            "（name、from、to，可选 workdays 调休上班日），参照 ecoredress/regulation/holidays/2026.yaml。"
        ) from exc
    if not notices:
        raise CalendarError(
            f"{source}：{year} 年的数据须写明所依据的国务院办公厅通知文号（notices: - number: 国办发明电〔YYYY〕N号）。"
        )
    return YearData(year, notices, holidays, source)


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def shipped_years() -> dict[int, YearData]:
    folder = resources.files("ecoredress.regulation") / "holidays"
    years = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            data = parse_year(load_data(entry.read_text(encoding="utf-8")), f"holidays/{entry.name}")
            years[data.year] = data
    return years


def local_years(project_root: Path) -> dict[int, YearData]:
    """Years from the case repository's override file; a year there replaces the shipped one."""
    path = project_root / LOCAL_OVERRIDE
    try:
        data = load_file(path, project_root)
    except FileNotFoundError:
        return {}
    entries = data.get("years") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise CalendarError(
            f"{path}：本地节假日文件应为“years:”下的列表，每项为一年的数据（year、notices、holidays）。"
        )
    return {y.year: y for y in (parse_year(e, path.as_posix()) for e in entries)}


@lru_cache(maxsize=8)
def load_calendar(project_root: Path | None = None) -> Calendar:
    """The shipped notices plus the case repository's ``calendar/holidays.local.yaml`` (if any)."""
    years = shipped_years()
    override = None
    if project_root is not None:
        override = project_root / LOCAL_OVERRIDE
        years.update(local_years(project_root))
    return Calendar(years, override)
