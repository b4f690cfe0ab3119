"""The document kinds: each with its article, issuer, receiver and template, all listed in the README."""

from __future__ import annotations

import re
from pathlib import Path

from ecoredress.documents.catalogue import catalogue_markdown
from ecoredress.regulation.document_kinds import SPECS

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = re.compile(r"^第[一二三四五六七八九十]+[条款项]")


def test_at_least_26_kinds_each_with_article_issuer_receiver_and_template():
    assert len(SPECS) + 1 >= 26  # and the annual report
    for spec in SPECS:
        assert all(ARTICLE.match(a) for a in spec.articles.split("、")), spec.key
        assert spec.issuer and spec.receiver, spec.key
        assert (ROOT / "templates" / "documents" / spec.template).is_file(), spec.key
    assert len({spec.key for spec in SPECS}) == len({spec.kind for spec in SPECS}) == len(SPECS)


def test_readme_lists_every_kind():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert catalogue_markdown() in readme, (
        "README 的文书种类表已过时：用 python3 -m ecoredress.documents.catalogue 重新生成"
    )
