"""Property tests run without hypothesis's per-example time limit (tests/conftest.py): a limit is a timing
assertion, and on a loaded CI machine it failed a correct property (test_analogy, 200 ms)."""

from __future__ import annotations

from hypothesis import settings


def test_no_example_has_a_time_limit():
    assert settings.default is not None
    assert settings.default.deadline is None
