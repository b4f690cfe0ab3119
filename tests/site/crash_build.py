"""Run `ecoredress site build` in this process and SIGKILL (or SIGSTOP) it at a named step: the crash tests'
real `kill -9`, at moments a timer could not hit reliably.

    python crash_build.py STEP ACTION PROJECT OUT

STEP      sources    the Markdown sources are written, mkdocs has not started
          pages      mkdocs has written some pages, not all
          exchanged  the new site has just been swapped in, the old one not yet removed
          renamed    the swap falls back to two renames (as without RENAME_EXCHANGE): after the first one
ACTION    kill (SIGKILL) or stop (SIGSTOP, for a build that is still running when another one starts)
"""

from __future__ import annotations

import os
import signal
import sys

import mkdocs.commands.build as mkdocs_build

import ecoredress.publish.site as site
from ecoredress.cli import main

STEP, ACTION, PROJECT, OUT = sys.argv[1:5]
PAGES_BEFORE_KILL = 5


def halt() -> None:
    os.kill(os.getpid(), signal.SIGKILL if ACTION == "kill" else signal.SIGSTOP)


def after(function, condition=lambda *args: True):  # noqa: ANN001, ANN202 - wraps anything
    def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        result = function(*args, **kwargs)
        if condition(*args):
            halt()
        return result

    return wrapper


def before(function):  # noqa: ANN001, ANN202
    def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        halt()
        return function(*args, **kwargs)

    return wrapper


if STEP == "sources":
    site.run_mkdocs = before(site.run_mkdocs)
elif STEP == "pages":
    built = []
    mkdocs_build._build_page = after(
        mkdocs_build._build_page, lambda *a: built.append(1) or len(built) == PAGES_BEFORE_KILL
    )
elif STEP == "exchanged":
    import ecoredress.publish.swap as swap

    swap._exchange = after(swap._exchange)
elif STEP == "renamed":
    try:
        import ecoredress.publish.swap as swap

        swap._exchange = lambda new, target: False
    except ImportError:  # a version without the exchange: its own two renames
        pass
    os.rename = after(os.rename, lambda source, destination, *rest: ".old-" in os.fspath(destination))
else:
    sys.exit(f"unknown step {STEP}")

# The crash points are hooks in mkdocs; the swap around the engine is the same for both engines.
sys.exit(main(["--project", PROJECT, "site", "build", "--engine", "mkdocs", "--out", OUT]))
