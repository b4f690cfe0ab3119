"""Render a document template to Markdown: strict (a missing field is an error) and escaped."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ecoredress.documents.narrative import addressed, clause, sentence
from ecoredress.errors import UserError
from ecoredress.model.normalise import normalise_doc_number
from ecoredress.model.types import yuan
from ecoredress.presentation import formatting
from ecoredress.presentation.markdown import escape_markdown, tidy_blocks


class EmptyField(jinja2.TemplateError):
    """A template printed a field the case leaves empty; a document never shows an empty blank."""


def _finalize(value: Any) -> Any:
    if value is None:
        raise EmptyField("引用的字段在案件中为空")
    if isinstance(value, Markup):  # Markdown built by a template macro, already escaped inside
        return value
    if isinstance(value, str):  # case text, or text made of it: set close, then kept literal
        return escape_markdown(formatting.close_spacing(value))
    return value


def _refusing_none(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A filter given an empty field reports it like a printed one, never with a TypeError."""

    def apply(value: Any) -> Any:
        if value is None:
            raise EmptyField("引用的字段在案件中为空")
        return fn(value)

    return apply


@lru_cache(maxsize=4)
def environment(folder: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        # trim_blocks would eat the line break after a block tag that ends a line of text and glue the next
        # line (a heading, a paragraph) to it. Without it a tag alone on a line leaves a blank line, which is
        # harmless: tidy_blocks decides the blank lines between blocks. Text meant as one paragraph is one line.
        trim_blocks=False,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    filters: dict[str, Callable[[Any], Any]] = {
        "money": formatting.money,
        "figures": formatting.money_figures,
        "yuan": yuan,  # the one text form of money, as on the site (model.types.yuan)
        "capitals": formatting.money_capitals,
        "date": formatting.cn_date,
        "docno": normalise_doc_number,
        "cn": formatting.cn_number,
        "clause": clause,
        "sentence": sentence,
    }
    env.filters.update({name: _refusing_none(f) for name, f in filters.items()})
    # Case text in a letter to a procuratorate: {{ text | addressed(procuratorate, theirs) }} (narrative.addressed)
    env.filters["addressed"] = lambda text, to, theirs=False: addressed(_refusing_none(str)(text), to, theirs)
    return env


def _template_line(exc: BaseException, template: str) -> int | None:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(template)]
    return frames[-1].lineno if frames else None


def render_markdown(folder: Path, template: str, context: dict[str, Any], case_id: str) -> str:
    """Markdown for one document, its blocks tidied (``tidy_blocks``). Errors name the template, its line and the
    case."""
    try:
        return tidy_blocks(environment(folder).get_template(template).render(context))
    except jinja2.TemplateNotFound:
        raise UserError(f"找不到文书模板 {folder / template}。请确认 templates/documents/ 完整。") from None
    except jinja2.TemplateError as exc:
        line = _template_line(exc, template)
        where = f"{template} 第 {line} 行" if line else template
        detail = str(exc) if isinstance(exc, EmptyField) else f"引用了不存在的字段（{exc.message}）"
        raise UserError(
            f"文书模板 {where} 渲染案件 {case_id} 时出错：{detail}。"
            "请在案件文件中补充该字段，或在模板中先用 {% if … %} 判断再引用。"
        ) from None
