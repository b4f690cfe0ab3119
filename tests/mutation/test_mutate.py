"""The mutation script makes the mutants it says it makes, and leaves alone what has no behaviour."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import mutate  # noqa: E402

SOURCE = '''"""Module docstring."""

LIMIT: int = 30


@decorated(times=2)
def late(done: "dt.date | None", due: int = 3) -> bool:
    """Docstring."""
    if done is None or done > due + LIMIT:
        return not False
    return "无"
'''


def _namespace(mutant=None):
    code = mutate.mutated_code(mutant, SOURCE, "<toy>") if mutant else compile(SOURCE, "<toy>", "exec")
    ns = {"decorated": lambda **_: lambda f: f}
    exec(code, ns)  # noqa: S102
    return ns


def test_mutants_cover_operators_constants_and_returns_but_not_docstrings_annotations_or_decorators():
    mutants = mutate.mutants_of("toy", SOURCE)
    described = {(m.line, m.description) for m in mutants}
    assert (9, "is → is not") in described and (9, "or → and") in described and (9, "> → >=") in described
    assert (9, "+ → -") in described and (10, "drop not") in described and (10, "False → True") in described
    assert (
        (3, "30 → 31") in described
        and (11, "'无' → 'XX…XX'") in described
        and (11, "return … → return None") in described
    )
    assert all(m.line not in (1, 6, 8) for m in mutants)  # docstrings and the decorator's 2
    assert not any("dt.date" in m.description for m in mutants)  # the annotation
    assert {m.module_level for m in mutants if m.line == 3} == {True}
    assert {m.module_level for m in mutants if m.line == 9} == {False}
    assert len({(m.index, m.variant) for m in mutants}) == len(mutants)


def test_each_mutant_changes_the_code_it_names():
    base = _namespace()["late"]
    assert base(None) is True and base(40) is True and base(10) == "无"
    by_description = {m.description: m for m in mutate.mutants_of("toy", SOURCE)}
    assert _namespace(by_description["or → and"])["late"](40) == "无"
    assert _namespace(by_description["+ → -"])["late"](10) is True
    assert _namespace(by_description["30 → 31"])["LIMIT"] == 31
    assert _namespace(by_description["'无' → 'XX…XX'"])["late"](10) == "XX无XX"
    assert _namespace(by_description["drop not"])["late"](None) is False
