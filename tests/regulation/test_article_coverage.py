"""docs/articles.md is the table the code generates, and it accounts for every one of the 40 articles."""

from __future__ import annotations

import article_coverage as coverage


def test_table_is_up_to_date():
    assert coverage.TARGET.read_text(encoding="utf-8") == coverage.render(), (
        "docs/articles.md 与代码不一致：运行 python3 tests/regulation/article_coverage.py 重新生成"
    )


def test_every_article_is_encoded_or_explained():
    assert sorted(coverage.regulation_text()) == list(coverage.ARTICLES)
    codes, _ = coverage.rules_and_scenarios()
    unchecked = {n for n in coverage.ARTICLES if not codes.get(n)}
    # an article no rule checks says why; an article a rule checks needs no excuse
    assert set(coverage.NOT_OPERATIVE) == unchecked


def test_citations_of_other_instruments_are_not_counted():
    assert coverage.article_numbers("公告期不少于 30 日（最高法若干规定第二十条）") == set()
    assert coverage.article_numbers("民法典第二百零一条至第二百零四条；本规定第三十九条") == {39}
    assert coverage.article_numbers("《政府信息公开条例》第十四条、第十五条；第三十三条") == {33}
    assert coverage.article_numbers("按《规定》第三十九条计算") == {39}
    assert coverage.article_numbers("索赔磋商 (第十六条–第十八条)") == {16, 17, 18}
    assert coverage.article_numbers("第十五条第一款、第四款") == {15}
