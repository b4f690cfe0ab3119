"""The national civil law a document cites beside the regulation chain of the profile, by the document's date.

民法典第一千二百六十条: the Civil Code took effect on 2021-01-01 and repealed the 侵权责任法 (in force from
2010-07-01), which until then governed liability for environmental torts. A document says what governed on its own
date: an agreement signed in 2020 cannot cite the Civil Code, nor its 第一千二百三十四条 (the right-holder restores,
at the tortfeasor's cost, what was not restored in time), which the 侵权责任法 did not contain. And the article of
民事诉讼法 on what a complaint states about the plaintiff and the defendant, renumbered in 2021.
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


CIVIL_PROCEDURE_LAW = "《中华人民共和国民事诉讼法》"
# The amendment of 2021-12-24 (in force 2022-01-01) renumbered the article from 第一百二十一条 (2012 text, unchanged
# there in 2017) to 第一百二十四条, which the 2023 amendment keeps; items (一) and (二) read the same in each.
CIVIL_PROCEDURE_RENUMBERED = dt.date(2022, 1, 1)


def complaint_plaintiff_article(on: dt.date) -> str:
    """The article of 民事诉讼法 that says what a complaint states about the plaintiff (名称、住所和法定代表人或者主要
    负责人的姓名、职务、联系方式), as in force on ``on``."""
    return _complaint_article(on, "第一项")


def complaint_defendant_article(on: dt.date) -> str:
    """The article of 民事诉讼法 that says what a complaint states about the defendant (姓名、性别、工作单位、住所等
    信息，法人或者其他组织的名称、住所等信息), as in force on ``on``."""
    return _complaint_article(on, "第二项")


def _complaint_article(on: dt.date, item: str) -> str:
    article = "第一百二十四条" if on >= CIVIL_PROCEDURE_RENUMBERED else "第一百二十一条"
    return f"{CIVIL_PROCEDURE_LAW}{article}{item}"
