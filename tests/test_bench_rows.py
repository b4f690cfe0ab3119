"""bench/: the render yardstick's sample and its multiplying out, and how rows are written, read back and judged.

No timing is asserted: the figures are made up, the arithmetic and the bookkeeping around them are what is tested.
"""

from __future__ import annotations

import importlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.render.bench import SAMPLE, extrapolate, systematic_sample

bench = importlib.import_module("bench.__main__")


@given(st.integers(min_value=0, max_value=200_000), st.integers(min_value=1, max_value=1000))
def test_the_sample_takes_every_kth_item_and_at_least_the_size_asked(total: int, size: int) -> None:
    items = list(range(total))
    every, sample = systematic_sample(items, size)
    assert sample == items[::every]
    assert len(sample) >= min(size, total)
    # k is the largest step that leaves at least ``size``: one more would leave no more than that.
    assert every == 1 or len(items[:: every + 1]) <= size


def test_the_sample_is_about_300_documents_at_1000_and_10000_cases() -> None:
    for total in (14_949, 149_490):
        every, sample = systematic_sample(list(range(total)), SAMPLE)
        assert SAMPLE <= len(sample) <= 310
        assert sample[1] - sample[0] == every


def test_extrapolation_adds_planning_once_and_the_sample_per_document() -> None:
    # 300 documents cost 40.5 s: 135 ms each; 149,490 documents cost that each, the 60 s of planning once.
    assert extrapolate(60.0, 40.5, 300, 149_490) == 60.0 + 0.135 * 149_490
    assert extrapolate(0.0, 10.0, 5, 5) == 10.0


def test_the_render_row_multiplies_the_yardstick_out_and_names_its_sample() -> None:
    cost = {"documents": 14_949, "every": 49, "sampled": 306, "wall": 61.2, "cpu": 41.31, "plan_wall": 30.0,
            "plan_cpu": 20.0}  # fmt: skip
    what, run, yardstick, base = bench.render_row((421.0, 701.0, 773.0), cost, 500.0)
    assert what == bench.RENDER and run == (421.0, 701.0, 773.0)
    assert "306 of 14,949 (1 in 49)" in yardstick
    assert base == (30.0 + 0.2 * 14_949, 500.0, 20.0 + 0.135 * 14_949)
    assert bench.documents((what, run, yardstick, base)) == 14_949


def test_a_row_written_reads_back_as_it_was_up_to_the_printed_digits() -> None:
    row = ("check", (73.5, 426.0, 15.27), "check-jsonschema", (34.8, 99.0, 5.21))
    line = bench.format_row(1000, row)
    assert bench.parse_row(line) == (1000, ("check", (73.5, 426.0, 15.27), "check-jsonschema", (34.8, 0.0, 5.21)))
    assert bench.parse_row("| cases | command | wall s |") is None
    assert bench.parse_row("- a note with | bars | in it") is None


def test_rows_measured_now_replace_their_previous_figures_and_the_others_are_kept() -> None:
    old_check = ("check", (70.0, 400.0, 15.0), "check-jsonschema", (30.0, 0.0, 5.0))
    old_render = (
        bench.RENDER,
        (400.0, 700.0, 700.0),
        "one pandoc per document, 300 of 15,000 (1 in 50) x",
        (1.0, 0, 2.0),
    )
    rows = [bench.format_row(1000, old_check), bench.format_row(1000, old_render)]
    spot_check = bench.format_row(5, ("check", (1.0, 1.0, 1.0), "by hand", bench.NONE))  # a table in the notes
    previous = "\n".join(["# title", "", *rows, "", "## Notes", "", spot_check])
    new_render = (bench.RENDER, (420.0, 701.0, 773.0), "one pandoc per document, 306 of 14,949 (1 in 49) x", (1, 0, 2))
    deadlines = ("deadlines", (200.0, 702.0, 50.0), "—", bench.NONE)
    table = bench.merged(previous, {1000: [new_render], 10000: [deadlines]})
    assert list(table) == [1000, 10000]
    assert list(table[1000]) == ["check", bench.RENDER]  # in its place, not moved to the end
    assert table[1000][bench.RENDER] == new_render
    assert table[1000]["check"][1] == old_check[1]
    assert table[10000]["deadlines"] == deadlines


def test_growth_of_render_is_judged_per_document_and_other_rows_per_case() -> None:
    def render(documents: int, cpu: float) -> tuple:
        return (bench.RENDER, (1.0, 100.0, cpu), f"one pandoc per document, 300 of {documents:,} (1 in 9)", (1, 0, cpu))

    # Ten times the cases, but 11 times the documents at 11 times the CPU: linear per document (per case it is not).
    table = {
        1000: {bench.RENDER: render(15_000, 750.0), "deadlines": ("deadlines", (1.0, 100.0, 5.0), "—", bench.NONE)},
        10000: {
            bench.RENDER: render(165_000, 8250.0),
            "deadlines": ("deadlines", (1.0, 3000.0, 60.0), "—", bench.NONE),
        },
    }
    lines = bench.verdicts(table)
    assert f"- CPU per document of {bench.RENDER} from 1,000 to 10,000 cases: ×1.00 (1.00 = linear)." in lines
    assert "- CPU per case of deadlines from 1,000 to 10,000 cases: ×1.20 (1.00 = linear)." in lines
    assert "- peak memory of every command under 2 GiB: largest 3000 MiB — **missed**." in lines
    assert any(
        line.startswith("- render at 10,000 cases: 165,000 documents, 50.0 ms CPU per document") for line in lines
    )
    assert not any(line.startswith("- check at") for line in lines)  # no check row in the table: nothing said


def test_several_runs_of_a_row_keep_the_median_of_each_figure_of_it_and_of_its_yardstick() -> None:
    rounds = [
        ("check", (9.0, 400.0, 12.0), "check-jsonschema", (5.0, 50.0, 4.0)),
        ("check", (7.0, 430.0, 11.0), "check-jsonschema", (6.0, 60.0, 4.5)),
        ("check", (8.0, 410.0, 15.0), "check-jsonschema", (4.0, 55.0, 4.2)),
    ]
    assert bench.median_row(rounds) == ("check", (8.0, 410.0, 12.0), "check-jsonschema", (5.0, 55.0, 4.2))


def test_runs_are_refused_for_rows_a_second_run_would_not_measure_again(capsys) -> None:
    with pytest.raises(SystemExit):
        bench.main(["--only", "site", "--runs", "2", "10"])
    assert "--runs N>1 only with --only check / deadlines" in capsys.readouterr().err
