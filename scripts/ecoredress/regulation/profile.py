"""The rule profile: every threshold and period of the regulation as dated, article-cited data.

Like OpenFisca parameters, each value carries the date it takes effect and its legal reference, so a
revised regulation is a new entry in the profile's YAML, never a code change. The profile's
``instruments`` chain says which instrument governed on each day (the profile's own regulation and the
ones before it) and where each of the profile's articles is found in them: ``Profile.citation``. Profiles ship in
``regulation/profiles/``; a case repository may add its own in ``profiles/NAME.yaml`` or name a YAML
file by path. ``[tool.ecoredress] profile`` in pyproject.toml chooses one (default ``ningxia-2024``).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from ecoredress.config_errors import describe
from ecoredress.errors import UserError
from ecoredress.loading.yamlio import load_data, load_file
from ecoredress.model.enums import ClaimCategory
from ecoredress.project import Project, ProjectNotFound, find_project

DEFAULT_PROFILE = "ningxia-2024"

Text = Annotated[str, Field(strict=True, min_length=1, max_length=1000)]
_ARTICLE = re.compile(r"(第[一二三四五六七八九十百零]+[条款项])+")


def _article(text: str) -> str:
    if not _ARTICLE.fullmatch(text):
        raise ValueError("应写作“第十条”“第十条第一款”“第十八条第三项”这样的条款（汉字数字）")
    return text


Article = Annotated[str, Field(strict=True), AfterValidator(_article)]
Day = Annotated[dt.date, Field(strict=True)]
# The kinds of value a parameter holds, bounded so that no value can overflow a date or a sum.
Count = Annotated[int, Field(strict=True, ge=1, le=100)]
Days = Annotated[int, Field(strict=True, ge=1, le=3650)]
Yuan = Annotated[int, Field(strict=True, ge=0, le=10**16)]
Ratio = Annotated[Decimal, Field(gt=0, le=1000, allow_inf_nan=False)]
Month = Annotated[int, Field(strict=True, ge=1, le=12)]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Value(_Data):
    value: Any
    effective: Day
    article: Article
    reference: Text


class Parameter(_Data):
    description: Text
    unit: Text
    note: Text | None = None  # e.g. that a number is the department's reading of a word of the law (立即)
    values: tuple[Value, ...] = Field(min_length=1, max_length=100)

    @field_validator("values")
    @classmethod
    def _by_date(cls, values: tuple[Value, ...]) -> tuple[Value, ...]:
        return tuple(sorted(values, key=lambda v: v.effective))

    def entry(self, on: dt.date | None = None) -> Value:
        """The value in force on ``on`` (latest when None). Before the first effective date the first
        value is used for reference, as the profile header states."""
        if on is None:
            return self.values[-1]
        current = self.values[0]
        for v in self.values:
            if v.effective <= on:
                current = v
        return current

    def at(self, on: dt.date | None = None) -> Any:
        return self.entry(on).value

    def article(self, on: dt.date | None = None) -> str:
        return self.entry(on).article


# One value class and one parameter class per kind of value: the kind is checked where the profile is read, and
# the classes stay plain module attributes, which pickle needs (cases are checked in several processes).
class CountValue(Value):
    value: Count


class DaysValue(Value):
    value: Days


class YuanValue(Value):
    value: Yuan


class RatioValue(Value):
    value: Ratio


class MonthValue(Value):
    value: Month


class CategoriesValue(Value):
    value: tuple[ClaimCategory, ...] = Field(min_length=1)


class CountParameter(Parameter):
    values: tuple[CountValue, ...] = Field(min_length=1, max_length=100)


class DaysParameter(Parameter):
    values: tuple[DaysValue, ...] = Field(min_length=1, max_length=100)


class YuanParameter(Parameter):
    values: tuple[YuanValue, ...] = Field(min_length=1, max_length=100)


class RatioParameter(Parameter):
    values: tuple[RatioValue, ...] = Field(min_length=1, max_length=100)


class MonthParameter(Parameter):
    values: tuple[MonthValue, ...] = Field(min_length=1, max_length=100)


class CategoriesParameter(Parameter):
    values: tuple[CategoriesValue, ...] = Field(min_length=1, max_length=100)


class Parameters(_Data):
    """Every parameter of a profile, by its dotted key: each one is required, and an unknown key is an error."""

    screening_min_per_quarter: CountParameter = Field(alias="screening.min_per_quarter")
    preliminary_check_days: DaysParameter = Field(alias="preliminary_check.days")
    claim_start_days: DaysParameter = Field(alias="claim_start.days")
    assessment_workdays: DaysParameter = Field(alias="assessment.workdays")
    assessment_complex_workdays: DaysParameter = Field(alias="assessment.complex_workdays")
    simplified_assessment_ceiling: YuanParameter = Field(alias="simplified_assessment.ceiling")
    simplified_assessment_min_experts: CountParameter = Field(alias="simplified_assessment.min_experts")
    simplified_assessment_reminder_cost_ratio: RatioParameter = Field(alias="simplified_assessment.reminder_cost_ratio")
    conclusion_days: DaysParameter = Field(alias="conclusion.days")
    simplified_consultation_ceiling: YuanParameter = Field(alias="simplified_consultation.ceiling")
    consultation_days: DaysParameter = Field(alias="consultation.days")
    consultation_rounds: CountParameter = Field(alias="consultation.rounds")
    referral_reply_days: DaysParameter = Field(alias="referral.reply_days")
    punitive_base_categories: CategoriesParameter = Field(alias="punitive.base_categories")
    annual_report_month: MonthParameter = Field(alias="annual_report.month")

    def items(self) -> list[tuple[str, Parameter]]:
        """(dotted key, parameter) of every parameter."""
        return [(info.alias or name, getattr(self, name)) for name, info in type(self).model_fields.items()]

    def by_key(self, key: str) -> Parameter | None:
        name = _field_of_key(type(self)).get(key)
        return None if name is None else getattr(self, name)


@cache
def _field_of_key(model: type[Parameters]) -> dict[str, str]:
    # The rules ask for a parameter some sixty times per case: a dictionary, not a walk over every field (issue 14).
    fields: dict[str, str] = {}
    for name, info in model.model_fields.items():
        fields.setdefault(info.alias or name, name)
    return fields


ParameterKey = Literal[
    "screening.min_per_quarter",
    "preliminary_check.days",
    "claim_start.days",
    "assessment.workdays",
    "assessment.complex_workdays",
    "simplified_assessment.ceiling",
    "simplified_assessment.min_experts",
    "simplified_assessment.reminder_cost_ratio",
    "conclusion.days",
    "simplified_consultation.ceiling",
    "consultation.days",
    "consultation.rounds",
    "referral.reply_days",
    "punitive.base_categories",
    "annual_report.month",
]


class Instrument(_Data):
    """One instrument of the chain: in force from ``effective`` until the next one takes over. ``articles``
    maps an article of the profile's own regulation to its counterpart here (None: the profile's own numbering)."""

    title: Text
    reference: Text
    effective: Day
    articles: dict[Article, Article] | None = Field(default_factory=dict, max_length=1000)

    @property
    def name(self) -> str:
        return f"《{self.title}》（{self.reference}）"


class Citation(_Data):
    """What governed a step on a day: the instrument, and the article there (None: no counterpart, or not checked)."""

    instrument: Instrument
    article: str | None

    @property
    def text(self) -> str:
        return self.instrument.name + (self.article or "")


# "第十五条第二款第一项" -> "第十五条第二款" -> "第十五条": the nearest mapped level is used.
_ARTICLE_LEVELS = re.compile(r"第[一二三四五六七八九十百零]+[条款项]")


def _counterparts(article: str, mapping: dict[str, str]) -> list[str]:
    found: list[str] = []
    for part in article.split("、"):
        levels = _ARTICLE_LEVELS.findall(part)
        for depth in range(len(levels), 0, -1):
            if (hit := mapping.get("".join(levels[:depth]))) is not None:
                found.append(hit)
                break
    return list(dict.fromkeys(found))


class Profile(_Data):
    """A profile file: its regulation, the instruments before it, and its parameters. ``source`` is where it
    was read from (set by the loader, not written in the file)."""

    id: Text
    title: Text
    reference: Text
    issued: Day | None = None  # None: the earliest effective date of a value
    earlier: tuple[Instrument, ...] = Field(default=(), alias="instruments", max_length=100)
    parameters: Parameters
    source: str = Field(default="", exclude=True)

    @cached_property
    def instruments(self) -> tuple[Instrument, ...]:
        """The chain by effective date; the last is the profile's own regulation."""
        own = Instrument(
            title=self.title, reference=self.reference, effective=self.issued or self.effective_from, articles=None
        )
        return tuple(sorted((*self.earlier, own), key=lambda i: i.effective))

    def governing(self, on: dt.date) -> Instrument | None:
        """The instrument in force on ``on`` (None before the first of the chain)."""
        current = None
        for instrument in self.instruments:
            if instrument.effective <= on:
                current = instrument
        return current

    def citation(self, article: str, on: dt.date) -> Citation | None:
        """Which instrument, and which of its articles, governed on ``on`` the step that ``article`` of the
        profile's regulation governs today. An article with no verified counterpart cites the instrument alone."""
        instrument = self.governing(on)
        if instrument is None:
            return None
        if instrument.articles is None:
            return Citation(instrument=instrument, article=article)
        return Citation(instrument=instrument, article="、".join(_counterparts(article, instrument.articles)) or None)

    def in_force(self, key: ParameterKey, on: dt.date) -> Any:
        """The parameter's value if a value of it was in force on ``on``, else None (the regulation did not exist)."""
        parameter = self.param(key)
        return parameter.at(on) if parameter.values[0].effective <= on else None

    def param(self, key: ParameterKey) -> Parameter:
        """The parameter of a dotted key; every key is checked present when the profile is read."""
        parameter = self.parameters.by_key(key)
        if parameter is None:  # mypy checks the code's keys; a document template may still misspell one
            raise UserError(
                f"规则配置没有参数“{key}”。可用：{'、'.join(k for k, _ in self.parameters.items())}。"
                "请核对模板中 param(...) 的参数名。"
            )
        return parameter

    def get(self, key: ParameterKey, on: dt.date | None = None) -> Any:
        return self.param(key).at(on)

    @property
    def in_force_from(self) -> dt.date:
        """When the profile's own regulation took effect (the last of the chain): facts before it are judged by
        analogy."""
        return self.instruments[-1].effective

    @property
    def effective_from(self) -> dt.date:
        """The earliest date any value takes effect: before it, checks are made for reference only."""
        return min(p.values[0].effective for _, p in self.parameters.items())

    def reference_note(self, due: dt.date | None) -> str:
        """A note for a duty that fell due before the profile took effect (its values are applied by analogy)."""
        return (
            f"（该期限届满于本规定施行（{self.effective_from}）之前，按本规定参照检查）"
            if due and due < self.effective_from
            else ""
        )


def shipped_profiles() -> list[str]:
    folder = resources.files("ecoredress.regulation") / "profiles"
    return sorted(e.name.removesuffix(".yaml") for e in folder.iterdir() if e.name.endswith(".yaml"))


def load_profile(name: str | Path | None = None, project_root: Path | None = None) -> Profile:
    """Load a profile by name (shipped or in ``<project>/profiles/``) or by path to a YAML file.

    With no name, the setting ``profile`` of the repository at ``project_root`` is used, else ``ningxia-2024``."""
    if name is None:
        name, project_root = _project_choice(project_root)
    return _load(str(name), project_root)


def _project_choice(project_root: Path | None) -> tuple[str, Path | None]:
    if project_root is None:  # never the repository around the current directory: the caller names it
        return DEFAULT_PROFILE, None
    try:
        project = find_project(project_root)
    except ProjectNotFound:  # a repository whose settings are wrong is said, not replaced by the default profile
        return DEFAULT_PROFILE, project_root
    return project.settings.profile, project.root


def project_profile(project: Project) -> Profile:
    """The profile ``[tool.ecoredress] profile`` of the repository names."""
    return _load(project.settings.profile, project.root)


@lru_cache(maxsize=16)
def _load(name: str, project_root: Path | None) -> Profile:
    if name.endswith((".yaml", ".yml")):
        path = Path(name)
        if not path.is_absolute() and project_root is not None:
            path = project_root / path
        try:
            return parse_profile(load_file(path), path.as_posix())
        except FileNotFoundError:
            raise UserError(
                f"找不到规则配置文件 {path}。请检查 pyproject.toml 中 [tool.ecoredress] profile 的路径。"
            ) from None
    if project_root is not None:
        local = project_root / "profiles" / f"{name}.yaml"
        try:
            return parse_profile(load_file(local, project_root), local.as_posix())
        except FileNotFoundError:
            pass
    if name in shipped_profiles():
        entry = resources.files("ecoredress.regulation") / "profiles" / f"{name}.yaml"
        return parse_profile(load_data(entry.read_text(encoding="utf-8")), f"profiles/{name}.yaml")
    raise UserError(
        f"未知的规则配置“{name}”。可用的内置配置：{'、'.join(shipped_profiles())}；"
        "也可以在案件仓库的 profiles/ 目录中放置同名 YAML 文件，或在 pyproject.toml 的 [tool.ecoredress] profile 中写 "
        "YAML 文件路径。"
    )


def parse_profile(data: Any, source: str) -> Profile:
    """The profile file checked against the model: every problem named by its key path."""
    try:
        return Profile.model_validate(data).model_copy(update={"source": source})
    except ValidationError as exc:
        raise UserError(
            describe(
                exc,
                Profile,
                lambda loc: f"规则配置 {source} {_key_path(loc)}",
                "每个参数须写 description、unit 和 values，每个取值须写 value、effective（生效日期）、article（条款）"
                "和 reference（文件依据）；instruments 中每个文件须写 title、reference、effective 和 articles"
                f"（条款对照，可为空）。请对照内置的 {DEFAULT_PROFILE}.yaml 改正。",
            )
        ) from None


def _key_path(loc: tuple[str | int, ...]) -> str:
    """("parameters", "consultation.days", "values", 0, "value") →
    "parameters → consultation.days → values 第 1 项 → value"."""
    text = ""
    for part in loc:
        text += f" 第 {part + 1} 项" if isinstance(part, int) else (" → " if text else "") + part
    return text or "（整个文件）"
