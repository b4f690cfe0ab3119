"""The grounds the documents quote are the regulation's items, word for word, and every recorded ground has one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ecoredress.model.enums import ClaimEndGround, ConsultationEndGround
from ecoredress.regulation.grounds import CLAIM_END_ITEMS, CONSULTATION_END_ITEMS, GroundItem

REGULATION = (Path(__file__).resolve().parents[2] / "site" / "regulation.md").read_text(encoding="utf-8")


def _items(article: str) -> dict[str, str]:
    """第X项 → its text (without number and closing mark), as the regulation's article ``article`` lists them."""
    body = REGULATION.split(f"### {article}\n", 1)[1].split("\n### ", 1)[0]
    return {
        f"第{number}项": text for number, text in re.findall(r"^（([一二三四五六七八九十]+)）(.+?)[；。]$", body, re.M)
    }


def test_every_ground_has_an_item():
    assert set(CLAIM_END_ITEMS) == set(ClaimEndGround)
    assert set(CONSULTATION_END_ITEMS) == set(ConsultationEndGround)


@pytest.mark.parametrize(
    "item", [*CLAIM_END_ITEMS.values(), *CONSULTATION_END_ITEMS.values()], ids=lambda item: item.cited
)
def test_each_item_is_quoted_word_for_word(item: GroundItem):
    assert _items(item.article)[item.item] == item.text


@pytest.mark.parametrize(("article", "items"), [("第十二条", CLAIM_END_ITEMS), ("第十八条", CONSULTATION_END_ITEMS)])
def test_the_grounds_are_the_articles_items_one_each(article, items):
    assert sorted(i.item for i in items.values()) == sorted(_items(article))
