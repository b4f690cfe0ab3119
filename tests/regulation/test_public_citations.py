"""The articles the public portal cites for each step of a published case (scenarios in ``scenarios/public/``)."""

from __future__ import annotations

import pytest

from ecoredress.publish.projection import publish_case
from scenario_runner import SCENARIOS, build_case, load_file

SPEC = load_file(SCENARIOS / "public" / "timeline.yaml")


@pytest.mark.parametrize("scenario", SPEC["scenarios"], ids=[s["name"] for s in SPEC["scenarios"]])
def test_timeline_cites_the_article_of_each_step(scenario):
    published = publish_case(build_case(SPEC, scenario))
    cited = {e.event: e.article for e in published.timeline}
    assert {event: cited.get(event) for event in scenario["timeline"]} == scenario["timeline"]
    assert set(scenario.get("articles_absent", [])).isdisjoint(published.articles)
    assert set(scenario["timeline"].values()) <= set(published.articles)
