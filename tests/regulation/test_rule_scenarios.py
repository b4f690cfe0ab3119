"""The procedure rules, checked against the YAML scenarios in ``scenarios/`` (one file per article)."""

from __future__ import annotations

import pytest

from scenario_runner import SCENARIOS, load_file, run

FILES = sorted(p for p in SCENARIOS.glob("*.yaml") if not p.name.startswith("_"))
CASES = [(path, i) for path in FILES for i, _ in enumerate(load_file(path)["scenarios"])]


@pytest.mark.parametrize(("path", "index"), CASES, ids=[f"{p.stem}-{i + 1}" for p, i in CASES])
def test_scenario(path, index):
    spec = load_file(path)
    scenario = spec["scenarios"][index]
    found = run(spec, scenario)
    assert sorted(f.code for f in found) == sorted(scenario["expect"]), scenario["name"]
    cited = {f.code: f.article for f in found}
    assert {code: cited.get(code) for code in scenario.get("articles", {})} == scenario.get("articles", {}), scenario[
        "name"
    ]
    levels = {f.code: f.severity.label for f in found}
    assert {code: levels.get(code) for code in scenario.get("severity", {})} == scenario.get("severity", {}), scenario[
        "name"
    ]
    applied = {
        f.code: f.analogy for f in found
    }  # the profile article applied by analogy (参照), None if applied directly
    assert {code: applied.get(code, "—") for code in scenario.get("analogy", {})} == scenario.get("analogy", {}), (
        scenario["name"]
    )


# Every rule the issue lists, with the scenario file that covers it.
REQUIRED = {
    "第五条": "art05_jurisdiction",
    "第十条": "art10_preliminary_check",
    "第十一条": "art11_major_case",
    "第十二条": "art12_claim_end",
    "第十三条": "art13_investigation",
    "第十四条": "art14_assessment",
    "第十五条": "art15_simplified_assessment",
    "第十六条": "art16_conclusion",
    "第十七条": "art17_simplified_consultation",
    "第十八条": "art18_consultation",
    "第十九条": "art19_remedies",
    "第二十一条": "art21_liability",
    "第二十二条": "art22_punitive",
    "第二十三条": "art23_restoration",
    "第二十六条": "art26_referrals",
    "第二十七条": "art27_procuratorate",
    "第二十八条": "art28_enforcement_clues",
    "第三十二条": "art32_funds",
    "第三十三条": "art33_disclosure",
}


@pytest.mark.parametrize("article", sorted(REQUIRED))
def test_every_rule_has_a_passing_and_a_failing_scenario(article):
    spec = load_file(SCENARIOS / f"{REQUIRED[article]}.yaml")
    assert article in spec["rule"].split(" ")[0]
    expects = [s["expect"] for s in spec["scenarios"]]
    assert [] in expects, "no passing scenario"
    prefix = "art" + str(int(REQUIRED[article][3:5]))
    assert any(any(code.startswith(prefix) for code in e) for e in expects), "no failing scenario of this article"


def test_every_finding_code_of_the_rules_is_exercised():
    """Each code a rule can emit appears in at least one scenario's expectations (timing rules emit
    ``<prefix>-late`` and ``<prefix>-overdue``)."""
    import re
    from pathlib import Path

    import ecoredress.regulation as regulation

    text = "".join(p.read_text(encoding="utf-8") for p in sorted(Path(regulation.__file__).parent.rglob("*.py")))
    # timing(term, ctx, "<prefix>", …) and timing_of(ctx, "<duty>", "<prefix>", …), on one line or several
    timing = set(re.findall(r'timing(?:\(\s*term|_of\(\s*ctx,\s*"[a-z-]+"),\s*(?:ctx,\s*)?"(art\d+-[a-z-]+)"', text))
    emitted = set(re.findall(r'"(art\d+-[a-z-]+)"', text)) - timing
    emitted |= {f"{prefix}-{suffix}" for prefix in timing for suffix in ("late", "overdue")}
    expected = {code for path in FILES for s in load_file(path)["scenarios"] for code in s["expect"]}
    assert sorted(emitted - expected) == []


def _wording(path) -> str:
    """Every finding of every scenario of one file, as a reader of `ecoredress check` sees it."""
    spec = load_file(path)
    out = [f"# {spec['rule']}", ""]
    for scenario in spec["scenarios"]:
        out.append(f"## {scenario['name']}")
        found = run(spec, scenario)
        for f in sorted(found, key=lambda f: (f.code, f.message)):
            where = ".".join(map(str, f.loc))
            out.append(f"- {f.severity.label} {f.code}{f'（{f.basis}）' if f.article else ''} `{where}`：{f.message}")
        out.append("" if found else "（无）\n")
    return "\n".join(out)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_finding_wording(path, file_regression):
    """The exact wording, level, article and location of each finding, reviewed as text: a change to any
    message shows up here (regenerate with ``--force-regen`` after reviewing the difference)."""
    file_regression.check(_wording(path), basename=path.stem, extension=".md")
