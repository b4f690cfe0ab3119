"""Each article's checks live in the rule module of that article (``regulation/rules/art*.py``), which quotes it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import cn2an
import pytest

import ecoredress.regulation as regulation

PACKAGE = Path(regulation.__file__).parent
RULES = PACKAGE / "rules"
MODULES = sorted(RULES.glob("art*.py"))
CODE = re.compile(r'"art(\d+)-[a-z-]+"')
# The one finding shared by every dated duty: the calendar of a year is missing (第三十九条, ``common.timing``).
SHARED = {RULES / "common.py": {"39"}}


def test_no_article_check_outside_its_rule_module():
    outside = {
        path.relative_to(PACKAGE).as_posix(): articles
        for path in sorted(PACKAGE.rglob("*.py"))
        if path not in MODULES
        and (articles := set(CODE.findall(path.read_text(encoding="utf-8"))) - SHARED.get(path, set()))
    }
    assert outside == {}


@pytest.mark.parametrize("path", MODULES, ids=[p.stem for p in MODULES])
def test_rule_module_quotes_the_articles_it_checks(path):
    """A module cites, in its docstring, its own article and every article its finding codes are named after."""
    text = path.read_text(encoding="utf-8")
    doc = ast.get_docstring(ast.parse(text)) or ""
    articles = {int(n) for n in CODE.findall(text)} | {int(path.stem[3:5])}
    assert [n for n in sorted(articles) if f"第{cn2an.an2cn(n)}条" not in doc] == []
