"""The national civil law a document cites beside the regulation chain of the profile, by the document's date.

民法典第一千二百六十条: the Civil Code took effect on 2021-01-01 and repealed the 侵权责任法 (in force from
2010-07-01), which until then governed liability for environmental torts. A document says what governed on its own
date: an agreement signed in 2020 cannot cite the Civil Code, nor its 第一千二百三十四条 (the right-holder restores,
at the tortfeasor's cost, what was not restored in time), which the 侵权责任法 did not contain.
"""

from __future__ import annotations

import datetime as dt

CIVIL_CODE = "《中华人民共和国民法典》"
CIVIL_CODE_IN_FORCE = dt.date(2021, 1, 1)
TORT_LAW = "《中华人民共和国侵权责任法》"


def civil_code_in_force(on: dt.date) -> bool:
    return on >= CIVIL_CODE_IN_FORCE


def tort_law(on: dt.date) -> str:
    """The law on liability for environmental damage in force on ``on``."""
    return CIVIL_CODE if civil_code_in_force(on) else TORT_LAW
