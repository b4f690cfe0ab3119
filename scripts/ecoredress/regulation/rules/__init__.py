"""The procedure rules of the regulation, one module per article (or group of articles).

Each module registers its checks with ``@case_check`` on import; ``register_all`` imports them once.
Finding codes are stable: ``art<N>-<what>``; the message cites the dates or amounts and says what to do.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache


@cache
def register_all() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("art"):
            importlib.import_module(f"{__name__}.{info.name}")
