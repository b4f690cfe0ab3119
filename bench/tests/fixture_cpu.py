"""A pytest plugin that prints the CPU time (this process and the processes it waited for) each fixture's setup
took, the costliest first. Usage: PYTHONPATH=bench/tests python3 -m pytest -p fixture_cpu TESTS"""

from __future__ import annotations

import resource
import time

import pytest

COSTS: dict[str, float] = {}


def _cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef, request):
    start = _cpu()
    yield
    name = fixturedef.argname + (f"[{request.param}]" if hasattr(request, "param") else "")
    COSTS[name] = COSTS.get(name, 0.0) + _cpu() - start


def pytest_terminal_summary(terminalreporter):
    terminalreporter.section("fixture setup CPU seconds (≥ 1 s; a fixture's time includes the fixtures it requests)")
    for name, seconds in sorted(COSTS.items(), key=lambda item: -item[1]):
        if seconds >= 1:
            terminalreporter.write_line(f"{seconds:8.1f}  {name}")
