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
    ("2024-09-27", 1, "2024-09-29"),  # the 调休 Sunday is the first working day
    ("2024-09-30", 1, "2024-10-08"),  # 10-1..10-7 off
    ("2024-10-11", 1, "2024-10-12"),  # Saturday 10-12 is a working day
    ("2024-02-08", 1, "2024-02-09"),  # 除夕 2024-02-09 is a working day (holiday 2-10..2-17)
    ("2024-02-09", 1, "2024-02-18"),  # Spring Festival 2024: 2-18 (Sun) is a working day
    ("2025-01-24", 2, "2025-01-27"),  # 2025-01-26 (Sun) working day, then 1-27
    ("2025-01-27", 1, "2025-02-05"),  # Spring Festival 2025: 1-28..2-4 off
    ("2026-02-13", 1, "2026-02-14"),  # 2026-02-14 (Sat) working day before Spring Festival
    ("2026-02-14", 1, "2026-02-24"),  # 2-15..2-23 off
    ("2023-12-29", 1, "2024-01-02"),  # year end: 12-30/31 weekend, 2024-01-01 元旦
    ("2022-12-30", 1, "2023-01-03"),  # year end: 2022-12-31..2023-01-02 元旦
    ("2025-12-31", 1, "2026-01-04"),  # year end: 2026-01-01..01-03 元旦, 01-04 (Sun) is a working day
    (
        "2020-01-23",
        1,
        "2020-02-03",
    ),  # 2020 Spring Festival extended to 2-2 (国办发明电〔2020〕1号); 2-1 no longer a working day
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
        assert data.source == f"holidays/{year}.yaml"  # named in messages about the data


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


# -- counting helpers, explanations and the holiday files ------------------------------------------------

from ecoredress.regulation.calendar import (  # noqa: E402
    CalendarError,
    DayNote,
    local_years,
    parse_year,
)


def test_workdays_between_counts_after_the_start_up_to_the_end():
    assert CAL.workdays_between(D("2024-09-27"), D("2024-11-13")) == 30  # the 30-working-day term above
    assert CAL.workdays_between(D("2024-09-27"), D("2024-09-27")) == 0
    assert CAL.workdays_between(D("2024-09-27"), D("2024-09-28")) == 0  # Saturday
    assert CAL.workdays_between(D("2024-09-27"), D("2024-09-29")) == 1  # the 调休 Sunday counts
    assert CAL.workdays_between(D("2024-09-30"), D("2024-10-08")) == 1  # the National Day week does not
    assert CAL.workdays_between(D("2024-10-08"), D("2024-10-01")) == 0  # an end before the start counts nothing


def test_explain_names_why_each_day_is_off_or_on():
    notes = CAL.explain(D("2024-09-27"), D("2024-10-12"))
    assert notes[0] == DayNote(D("2024-09-28"), False, "周末")
    assert notes[1] == DayNote(D("2024-09-29"), True, "国庆节调休上班日")
    assert notes[2] == DayNote(D("2024-10-01"), False, "国庆节放假")
    assert notes[-1] == DayNote(D("2024-10-12"), True, "国庆节调休上班日")  # the end day is included
    assert D("2024-09-27") not in [n.date for n in notes]  # the start day is not
    assert D("2024-09-30") not in [n.date for n in notes]  # an ordinary working day is not listed
    assert CAL.note(D("2024-09-30")) == DayNote(D("2024-09-30"), True, "工作日")
    assert CAL.note(D("2024-10-05")) == DayNote(D("2024-10-05"), False, "国庆节放假")  # a Saturday inside the holiday
    # counting starts the day after the start: a start on a holiday is not listed, nor the day before it
    assert [n.date for n in CAL.explain(D("2024-10-01"), D("2024-10-03"))] == [D("2024-10-02"), D("2024-10-03")]


def test_next_workday_and_negative_counts():
    assert CAL.next_workday(D("2024-09-30")) == D("2024-09-30")
    assert CAL.next_workday(D("2024-10-01")) == D("2024-10-08")
    assert CAL.add_workdays(D("2024-10-01"), 0) == D("2024-10-01")
    with pytest.raises(ValueError, match="^n must be non-negative$"):
        CAL.add_workdays(D("2024-10-01"), -1)


def test_missing_year_message_says_what_to_add_and_where(tmp_path):
    with pytest.raises(CalendarYearMissing) as shipped_only:
        CAL.is_workday(D("2027-03-01"))
    assert str(shipped_only.value) == (
        "缺少 2027 年的法定节假日和调休数据（已有年份：2019–2026），无法按工作日或节假日顺延计算期限。"
        "请在案件仓库的 calendar/holidays.local.yaml 中按国务院办公厅关于 2027 年部分节假日安排的通知补充该年数据"
        "（格式与 ecoredress/regulation/holidays/2026.yaml 相同，写在 years: 列表下）。"
    )
    assert shipped_only.value.year == 2027
    with pytest.raises(CalendarYearMissing) as in_project:
        load_calendar(tmp_path).note(D("2018-06-01"))
    assert f"请在案件仓库的 {(tmp_path / 'calendar' / 'holidays.local.yaml').as_posix()} 中" in str(in_project.value)
    assert "缺少 2018 年" in str(in_project.value)


def test_missing_year_message_without_any_data():
    from ecoredress.regulation.calendar import Calendar

    with pytest.raises(CalendarYearMissing) as exc:
        Calendar({}).is_workday(D("2026-01-05"))
    assert "（已有年份：无）" in str(exc.value) and "holidays/2026.yaml" in str(exc.value)


def _local(tmp_path, text, encoding="utf-8"):
    (tmp_path / "calendar").mkdir(exist_ok=True)
    path = tmp_path / "calendar" / "holidays.local.yaml"
    path.write_text(text, encoding=encoding)
    return path


YEAR_2027 = (
    "years:\n"
    "  - year: 2027\n"
    "    notices: [{number: 国办发明电〔2026〕99号}]\n"
    "    holidays:\n"
    "      - {name: 春节, from: 2027-02-06, to: 2027-02-13, workdays: [2027-02-14]}\n"
)


def test_local_file_with_a_byte_order_mark_is_read(tmp_path):
    _local(tmp_path, YEAR_2027, encoding="utf-8-sig")  # Windows Notepad saves UTF-8 with a BOM
    cal = load_calendar(tmp_path)
    assert cal.note(D("2027-02-14")) == DayNote(D("2027-02-14"), True, "春节调休上班日")
    assert not cal.is_workday(D("2027-02-08"))
    assert cal.years[2027].source == (tmp_path / "calendar" / "holidays.local.yaml").as_posix()


def test_local_year_replaces_the_shipped_one(tmp_path):
    _local(tmp_path, "years:\n  - year: 2026\n    notices: [{number: 国办发明电〔2025〕99号}]\n")
    cal = load_calendar(tmp_path)
    assert cal.is_workday(D("2026-10-01"))  # the local 2026 lists no holiday
    assert cal.years[2026].notices == ("国办发明电〔2025〕99号",)


def test_local_file_that_is_not_a_list_of_years(tmp_path):
    path = _local(tmp_path, "year: 2027\n")
    with pytest.raises(CalendarError) as exc:
        local_years(tmp_path)
    assert (
        str(exc.value) == f"{path}：本地节假日文件应为“years:”下的列表，每项为一年的数据（year、notices、holidays）。"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- year: 2027\n", "本地节假日文件应为“years:”下的列表"),
        ("years: 2027\n", "本地节假日文件应为“years:”下的列表"),
        ("years:\n  - notices: [{number: 国办发明电〔2026〕99号}]\n", "节假日数据格式不对（'year'）"),
        (
            "years:\n  - year: 2027\n    notices: [{number: X}]\n    holidays:\n      - {name: 春节, from: 2027-02-30, "
            "to: 2027-03-01}\n",
            "节假日数据格式不对",
        ),
        ("years:\n  - year: 2027\n    holidays: []\n", "2027 年的数据须写明所依据的国务院办公厅通知文号"),
        ("years:\n  - year: 二〇二七\n    notices: [{number: X}]\n", "节假日数据格式不对"),
    ],
)
def test_malformed_local_file_is_a_clear_error(tmp_path, text, expected):
    path = _local(tmp_path, text)
    with pytest.raises(CalendarError) as exc:
        local_years(tmp_path)
    assert expected in str(exc.value)
    assert path.as_posix() in str(exc.value)  # the message names the file to fix


def test_parse_year_error_text_names_the_fields_and_an_example():
    with pytest.raises(CalendarError) as exc:
        parse_year({"year": 2027, "notices": [{"number": "X"}], "holidays": [{"name": "春节"}]}, "某文件")
    assert str(exc.value) == (
        "某文件：节假日数据格式不对（'from'）。每年应写 year、notices（通知文号）和 holidays"
        "（name、from、to，可选 workdays 调休上班日），参照 ecoredress/regulation/holidays/2026.yaml。"
    )
    with pytest.raises(CalendarError) as no_notice:
        parse_year({"year": 2027}, "某文件")
    assert (
        str(no_notice.value)
        == "某文件：2027 年的数据须写明所依据的国务院办公厅通知文号（notices: - number: 国办发明电〔YYYY〕N号）。"
    )


def test_calendar_without_and_with_a_case_repository(tmp_path):
    cal = load_calendar(None)  # no repository: shipped data only, no crash
    assert cal.override is None and cal.known_years == sorted(shipped_years())
    project = tmp_path / "repo"
    project.mkdir()
    _local(project, YEAR_2027)
    cal = load_calendar(project)
    assert cal.override == project / "calendar" / "holidays.local.yaml"
    assert 2027 in cal.known_years


def test_holiday_spanning_a_year_end_marks_every_day():
    from ecoredress.regulation.calendar import Calendar, Holiday, YearData

    cal = Calendar(
        {
            2030: YearData(2030, ("X",), (Holiday("元旦", D("2030-12-31"), D("2031-01-01")),), "s"),
            2031: YearData(2031, ("X",), (), "s"),
        }
    )
    assert not cal.is_workday(D("2030-12-31")) and not cal.is_workday(D("2031-01-01"))
    assert cal.is_workday(D("2031-01-02"))


def test_a_period_ending_past_the_last_date_python_knows_is_a_missing_year_not_an_overflow():
    """Found while fuzzing issue 9: a case found on 9999-12-31 made `check` crash with OverflowError."""
    with pytest.raises(CalendarYearMissing):
        CAL.add_days(dt.date(9999, 12, 31), 30)
