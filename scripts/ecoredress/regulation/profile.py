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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ecoredress.errors import UserError
from ecoredress.loading.yamlio import load_data, load_file
from ecoredress.project import find_project

DEFAULT_PROFILE = "ningxia-2024"


@dataclass(frozen=True)
class Value:
    value: Any
    effective: dt.date
    article: str
    reference: str


@dataclass(frozen=True)
class Parameter:
    key: str
    description: str
    unit: str
    values: tuple[Value, ...]  # sorted by effective date

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


@dataclass(frozen=True)
class Instrument:
    """One instrument of the chain: in force from ``effective`` until the next one takes over. ``articles``
    maps an article of the profile's own regulation to its counterpart here (None: the profile's own numbering)."""

    title: str
    reference: str
    effective: dt.date
    articles: dict[str, str] | None = None

    @property
    def name(self) -> str:
        return f"《{self.title}》（{self.reference}）"


@dataclass(frozen=True)
class Citation:
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


@dataclass(frozen=True)
class Profile:
    id: str
    title: str
    reference: str
    source: str
    parameters: dict[str, Parameter]
    instruments: tuple[Instrument, ...] = ()  # by effective date; the last is the profile's own regulation

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
            return Citation(instrument, article)
        return Citation(instrument, "、".join(_counterparts(article, instrument.articles)) or None)

    def in_force(self, key: str, on: dt.date) -> Any:
        """The parameter's value if a value of it was in force on ``on``, else None (the regulation did not exist)."""
        parameter = self.param(key)
        return parameter.at(on) if parameter.values[0].effective <= on else None

    def param(self, key: str) -> Parameter:
        try:
            return self.parameters[key]
        except KeyError:
            raise UserError(
                f"规则配置 {self.id}（{self.source}）缺少参数 {key}。请对照 "
                f"ecoredress/regulation/profiles/{DEFAULT_PROFILE}.yaml 补充。"
            ) from None

    def get(self, key: str, on: dt.date | None = None) -> Any:
        return self.param(key).at(on)

    @property
    def in_force_from(self) -> dt.date:
        """When the profile's own regulation took effect (the last of the chain): facts before it are judged by
        analogy."""
        return self.instruments[-1].effective if self.instruments else self.effective_from

    @property
    def effective_from(self) -> dt.date:
        """The earliest date any value takes effect: before it, checks are made for reference only."""
        return min(v.effective for p in self.parameters.values() for v in p.values)

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
    except UserError:
        return DEFAULT_PROFILE, project_root
    return str(project.setting("profile", DEFAULT_PROFILE)), project.root


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
    try:
        parameters = {key: _parameter(key, spec) for key, spec in data["parameters"].items()}
        title, reference = str(data["title"]), str(data["reference"])
        own = Instrument(
            title,
            reference,
            _date(data.get("issued") or min(v.effective for p in parameters.values() for v in p.values)),
        )
        earlier = tuple(_instrument(spec) for spec in data.get("instruments") or ())
        chain = tuple(sorted((*earlier, own), key=lambda i: i.effective))
        return Profile(str(data["id"]), title, reference, source, parameters, chain)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise UserError(
            f"规则配置 {source} 格式不对（{exc}）。每个参数须有 description、unit 和 values 列表，"
            "每个取值须写 value、effective（生效日期）、article（条款）和 reference（文件依据）；"
            "instruments 中每个文件须写 title、reference、effective 和 articles（条款对照，可为空）。"
        ) from exc


def _instrument(spec: dict[str, Any]) -> Instrument:
    articles = {str(k): str(v) for k, v in (spec["articles"] or {}).items()}
    return Instrument(str(spec["title"]), str(spec["reference"]), _date(spec["effective"]), articles)


def _parameter(key: str, spec: dict[str, Any]) -> Parameter:
    values = tuple(
        sorted(
            (Value(v["value"], _date(v["effective"]), str(v["article"]), str(v["reference"])) for v in spec["values"]),
            key=lambda v: v.effective,
        )
    )
    if not values:
        raise ValueError(f"参数 {key} 没有取值")
    return Parameter(key, str(spec["description"]), str(spec["unit"]), values)


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
