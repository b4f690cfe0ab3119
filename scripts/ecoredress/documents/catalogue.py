"""The table of document kinds the README shows: generated from the kinds themselves, so it cannot go stale.

``python3 -m ecoredress.documents.catalogue`` prints it; a test compares it with the README.
"""

from __future__ import annotations

from ecoredress.documents.annual import ANNUAL_ARTICLE, ANNUAL_ISSUER, ANNUAL_KEY, ANNUAL_NAME, ANNUAL_RECEIVER
from ecoredress.regulation.document_kinds import SPECS, Spec


def _articles(spec: Spec) -> str:
    other, paragraph = spec.articles_unless_obligor_restores, spec.paragraph
    if paragraph is not None:
        return f"{spec.articles}（{paragraph.when}）；{paragraph.otherwise}（其他情形）"
    return spec.articles if other is None else f"{spec.articles}（赔偿义务人修复的）；{other}（其他情形）"


def catalogue_markdown() -> str:
    rows = [(s.title, s.key, _articles(s), s.issuer, s.receiver) for s in SPECS]
    rows.append((ANNUAL_NAME, ANNUAL_KEY, ANNUAL_ARTICLE, ANNUAL_ISSUER, ANNUAL_RECEIVER))
    lines = [
        "| 文书 | 种类键（--kind） | 条款（宁环规发〔2024〕4号） | 出具 | 送达或报送 |",
        "|---|---|---|---|---|",
        *(
            f"| {title} | `{key}` | {articles} | {issuer} | {receiver} |"
            for title, key, articles, issuer, receiver in rows
        ),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(catalogue_markdown(), end="")
