"""Working days and period counting against the State Council notices (and the chinese-calendar package)."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest

from ecoredress.regulation.calendar import CalendarYearMissing, load_calendar, shipped_years

D = dt.date.fromisoformat
CAL = load_calendar(None)


# (start, working days, due date) — checked by hand against the notices 国办发明电.
WORKDAY_CASES = [
    ("2024-09-27", 30, "2024-11-13"),  # National Day 2024: 9-29 (Sun) and 10-12 (Sat) are working days
    ("2024-09-27", 1, "2024-09-29"),   # the 调休 Sunday is the first working day
    ("2024-09-30", 1, "2024-10-08"),   # 10-1..10-7 off
    ("2024-10-11", 1, "2024-10-12"),   # Saturday 10-12 is a working day
    ("2024-02-08", 1, "2024-02-09"),   # 除夕 2024-02-09 is a working day (holiday 2-10..2-17)
    ("2024-02-09", 1, "2024-02-18"),   # Spring Festival 2024: 2-18 (Sun) is a working day
    ("2025-01-24", 2, "2025-01-27"),   # 2025-01-26 (Sun) working day, then 1-27
    ("2025-01-27", 1, "2025-02-05"),   # Spring Festival 2025: 1-28..2-4 off
    ("2026-02-13", 1, "2026-02-14"),   # 2026-02-14 (Sat) working day before Spring Festival
    ("2026-02-14", 1, "2026-02-24"),   # 2-15..2-23 off
    ("2023-12-29", 1, "2024-01-02"),   # year end: 12-30/31 weekend, 2024-01-01 元旦
    ("2022-12-30", 1, "2023-01-03"),   # year end: 2022-12-31..2023-01-02 元旦
    ("2025-12-31", 1, "2026-01-04"),   # year end: 2026-01-01..01-03 元旦, 01-04 (Sun) is a working day
    ("2020-01-23", 1, "2020-02-03"),   # 2020 Spring Festival extended to 2-2 (国办发明电〔2020〕1号); 2-1 no longer a working day
]


@pytest.mark.parametrize(("start", "n", "due"), WORKDAY_CASES)
def test_add_workdays(start, n, due):
    assert CAL.add_workdays(D(start), n) == D(due)


# (start, natural days, due date): start not counted, a last day off moves to the next working day.
DAY_CASES = [
    ("2024-09-27", 90, "2024-12-26"),
    ("2024-09-03", 28, "2024-10-08"),  # 10-01 falls in National Day → 10-08
    ("2024-03-01", 30, "2024-04-01"),  # 03-31 Sunday → Monday
    ("2024-07-01", 90, "2024-09-29"),  # 09-29 Sunday but a 调休 working day: no move
    ("2023-12-01", 30, "2024-01-02"),  # 12-31 Sunday, 01-01 元旦 → 01-02
]


@pytest.mark.parametrize(("start", "n", "due"), DAY_CASES)
def test_add_days(start, n, due):
    assert CAL.add_days(D(start), n) == D(due)


@pytest.mark.parametrize("year", sorted(shipped_years()))
def test_shipped_years_match_chinese_calendar(year):
    day = dt.date(year, 1, 1)
    mismatches = []
    while day.year == year:
        if CAL.is_workday(day) != chinese_calendar.is_workday(day):
            mismatches.append(day)
        day += dt.timedelta(days=1)
    assert mismatches == []


def test_every_year_cites_its_notice():
    for year, data in shipped_years().items():
        assert data.notices and all(n.startswith("国办发明电〔") for n in data.notices), year


def test_year_without_data_names_the_override_file(tmp_path):
    with pytest.raises(CalendarYearMissing) as exc:
        load_calendar(tmp_path).add_workdays(D("2026-12-01"), 30)
    assert "2027" in str(exc.value) and "calendar/holidays.local.yaml" in str(exc.value)


def test_local_override_adds_a_year(tmp_path):
    (tmp_path / "calendar").mkdir()
    (tmp_path / "calendar" / "holidays.local.yaml").write_text(
        "years:\n"
        "  - year: 2027\n"
        "    notices: [{number: 国办发明电〔2026〕99号}]\n"
        "    holidays:\n"
        "      - {name: 元旦, from: 2027-01-01, to: 2027-01-03}\n",
        encoding="utf-8",
    )
    cal = load_calendar(tmp_path)
    assert cal.add_workdays(D("2026-12-31"), 1) == D("2027-01-04")
    assert 2027 in cal.known_years


def test_explain_lists_holidays_and_makeup_days():
    notes = CAL.explain(D("2024-09-27"), D("2024-11-13"))
    makeup = [n.date for n in notes if n.workday]
    assert makeup == [D("2024-09-29"), D("2024-10-12")]
    assert sum(1 for n in notes if "国庆节" in n.reason and not n.workday) == 7


def test_days_command(cli):
    result = cli("days", "--from", "2024-09-27", "--workdays", "30", "--explain")
    assert result.code == 0
    assert "到期日：2024-11-13（星期三）" in result.out
    assert "2024-09-29（星期日）  国庆节调休上班日" in result.out and "2024-10-12（星期六）" in result.out
    result = cli("days", "--from", "2024-09-27", "--days", "90")
    assert result.code == 0 and "到期日：2024-12-26（星期四）" in result.out


def test_days_command_year_without_data(cli):
    result = cli("days", "--from", "2026-12-20", "--workdays", "30")
    assert result.code == 2
    assert "2027" in result.err and "calendar/holidays.local.yaml" in result.err and "Traceback" not in result.err
