"""The article coverage table (docs/articles.md): for each of the 40 articles, what in ecoredress encodes it.

    python3 tests/regulation/article_coverage.py           # rewrite docs/articles.md
    python3 tests/regulation/article_coverage.py --check   # exit 1 if docs/articles.md is out of date

Everything but the last column is read from the code: the findings the rules report when every scenario in
``scenarios/`` is run (and the article each finding cites), the rule profile's parameters, the case model's
field titles and descriptions, the document kinds' ``articles``, the command-line help and the timeline the
portal shows for the sample cases. ``NOT_OPERATIVE`` says, in words, why an article with no rule is not
checked on a case file; ``test_article_coverage`` fails when the file is stale or an article is unaccounted for.
"""

from __future__ import annotations

import argparse
import re
import sys
import types
import typing
from collections import defaultdict
from enum import Enum
from functools import cache
from pathlib import Path

import cn2an
from pydantic import BaseModel

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))  # scenario_runner
sys.path.insert(0, str(ROOT / "scripts"))

from ecoredress.model import Case  # noqa: E402
from ecoredress.model.introspect import as_model  # noqa: E402
from ecoredress.model.types import PARAMETER  # noqa: E402
from ecoredress.regulation.profile import load_profile  # noqa: E402
from scenario_runner import SCENARIOS, load_file, run  # noqa: E402

TARGET = ROOT / "docs" / "articles.md"
REGULATION = ROOT / "site" / "regulation.md"
ARTICLES = range(1, 41)

# Why an article that no rule checks is not operative for a case file (or where else it is carried out).
# Exactly the articles no finding cites have an entry (``test_article_coverage``).
NOT_OPERATIVE = {
    1: "立法目的和依据，不规定办案义务。",
    2: "工作原则，不规定可对单个案件检查的义务。",
    3: "适用范围：本系统只管理自治区行政区域内的案件，赔偿权利人限于自治区和五个设区市人民政府（见第五条）。",
    4: "追责原则；具体的赔偿范围和程序由第五条以下各条规定并校验。",
    7: "各部门、法院和检察机关的职责分工，是机关内部的组织安排，不是单个案件的办理步骤。",
    8: "设区市党委和政府的领导责任，不在案件文件中记录。",
    20: "修复或赔偿的方式由协议或判决确定；系统按修复方式计算应以资金缴纳的金额（第三十二条的入库核对），"
    "替代修复记录替代修复地点。",
    29: "约束作出行政处罚和刑事裁判的机关（不得以赔代罚），其决定不在赔偿案件文件中作出。",
    30: "设区市党委和政府每年听取汇报，属于年度工作机制，不是单个案件的事实。",
    31: "督察发现问题移送地方政府：线索来源“生态环境保护督察交办”即记录此情形，"
    "并据此提示纳入重大案件（第十一条第一款第三项）；考核本身不在案件文件中。",
    34: "“可邀请”相关部门、专家和公众参加，属于可以而非应当；参会人员记在磋商会议记录中，不作检查。",
    35: "年度工作情况由 `ecoredress report annual` 和年度工作报告汇总报送；报送月份原文空白，作为设置项。",
    36: "工作人员违纪违法的处理，不在案件文件中记录。",
    37: "表彰奖励，不在案件文件中记录。",
    38: "解释权归属，不规定办案义务。",
    40: "施行日期原文空白；规则配置以印发日期 2024-04-03 为各参数的生效日期，此前的事实按本规定参照检查并注明。",
}

_DIGITS = "零〇一二三四五六七八九十百千"
_CITE = re.compile(rf"第([{_DIGITS}]+)条")
_RANGE = re.compile(rf"第([{_DIGITS}]+)条(?:第[{_DIGITS}]+[款项])?\s*[–—至]\s*第([{_DIGITS}]+)条")
# Articles of other instruments (民法典, 最高法若干规定, 政府信息公开条例, 《…》 other than this one) are not ours.
_EXTERNAL = re.compile(rf"(《(?![^》]*宁夏|规定》)[^》]*》|民法典|若干规定|条例)[{_DIGITS}第条款项、–—至和及\s]+")


def article_numbers(text: str | None) -> set[int]:
    """The articles of this regulation that ``text`` cites (ranges included, other instruments left out)."""
    if not text:
        return set()
    text = _EXTERNAL.sub("", text)
    found = {cn2an.cn2an(n, "smart") for n in _CITE.findall(text)}
    for first, last in _RANGE.findall(text):
        found |= set(range(cn2an.cn2an(first, "smart"), cn2an.cn2an(last, "smart") + 1))
    return {n for n in found if n in ARTICLES}


def regulation_text() -> dict[int, str]:
    """Each article's text, from the copy of the regulation the portal publishes."""
    articles: dict[int, list[str]] = {}
    current = None
    for line in REGULATION.read_text(encoding="utf-8").splitlines():
        if line.startswith("### 第"):
            current = cn2an.cn2an(line.removeprefix("### 第").removesuffix("条"), "smart")
            articles[current] = []
        elif line.startswith("#"):
            current = None
        elif current is not None and line.strip():
            articles[current].append(line.strip())
    return {n: "".join(parts) for n, parts in articles.items()}


def summary(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "……"


# -- what encodes each article --------------------------------------------------------------------------


def scenario_files() -> list[Path]:
    return sorted(p for p in SCENARIOS.glob("*.yaml") if not p.name.startswith("_"))


@cache
def rules_and_scenarios() -> tuple[dict[int, set[str]], dict[int, dict[str, list[int]]]]:
    """Finding codes by the article they cite, and per article the scenario files that exercise it:
    {file: [scenarios reporting a finding under the article, scenarios in the file]}."""
    codes: dict[int, set[str]] = defaultdict(set)
    files: dict[int, dict[str, list[int]]] = defaultdict(dict)
    for path in scenario_files():
        spec = load_file(path)
        total = len(spec["scenarios"])
        for n in article_numbers(spec["rule"].split(" ")[0]):
            files[n].setdefault(path.name, [0, total])
        for scenario in spec["scenarios"]:
            cited: set[int] = set()
            for f in run(spec, scenario):
                for n in article_numbers(f.analogy or f.article):  # the profile article a finding applies (参照 too)
                    codes[n].add(f.code)
                    cited.add(n)
            for n in cited:
                files[n].setdefault(path.name, [0, total])[0] += 1
    return codes, files


def profile_parameters() -> dict[int, set[str]]:

    out: dict[int, set[str]] = defaultdict(set)
    for key, param in load_profile("ningxia-2024").parameters.items():
        for value in param.values:
            for n in article_numbers(value.article):
                out[n].add(key)
    return out


def _annotations(annotation: object) -> list[object]:
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        return [a for arg in typing.get_args(annotation) for a in _annotations(arg)]
    return [annotation]


def model_fields(model: type[BaseModel] = Case, prefix: str = "") -> dict[int, set[str]]:
    """Field paths by the articles their title, description, section or code list cites."""
    out: dict[int, set[str]] = defaultdict(set)
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        texts = [info.title, info.description]
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        if (parameter := extra.get(PARAMETER)) is not None:  # the schema cites the profile parameter's article
            texts.append(load_profile("ningxia-2024").param(str(parameter)).article())
        for member in _annotations(info.annotation):
            if isinstance(member, type) and issubclass(member, (Enum, BaseModel)):
                texts.append(member.__doc__)
        for n in set().union(*(article_numbers(t) for t in texts)):
            out[n].add(path)
        nested = as_model(info.annotation, None)
        if nested is not None:
            many = typing.get_origin(info.annotation) is list
            for members in _union_models(info.annotation):
                for n, paths in model_fields(members, f"{path}{'[]' if many else ''}.").items():
                    out[n] |= paths
    return out


def _union_models(annotation: object) -> list[type[BaseModel]]:
    return [m for m in _annotations(annotation) if isinstance(m, type) and issubclass(m, BaseModel)]


def documents() -> dict[int, set[str]]:
    from ecoredress.regulation.document_kinds import SPECS

    out: dict[int, set[str]] = defaultdict(set)
    for spec in SPECS:
        for n in article_numbers(f"{spec.articles}、{spec.articles_unless_obligor_restores or ''}"):
            out[n].add(spec.title)
    return out


def commands() -> dict[int, set[str]]:
    """Commands whose help cites the article (``render`` lists the documents, shown in their own column)."""
    from ecoredress.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {c.dest: c.help for c in sub._choices_actions}
    out: dict[int, set[str]] = defaultdict(set)
    for name, command in sub.choices.items():
        if name == "render":
            continue
        for n in article_numbers(f"{helps.get(name)} {command.description}"):
            out[n].add(f"`ecoredress {name}`")
    return out


def portal() -> dict[int, set[str]]:
    """The timeline events the portal shows for the published sample cases, by the article they cite."""
    from ecoredress.loading.discovery import discover_case_files
    from ecoredress.publish.projection import publish_cases
    from ecoredress.validation.checker import load_case

    cases = [load_case(p, p.name).case for p in discover_case_files([ROOT / "cases"])]
    out: dict[int, set[str]] = defaultdict(set)
    for published in publish_cases(c for c in cases if c is not None):
        for event in published.timeline:
            for n in article_numbers(event.article):
                out[n].add(re.sub(r"\d+", "N", event.event.split("：")[0]))
    return out


# -- the table --------------------------------------------------------------------------------------------


def _join(items: set[str], code: bool = False) -> str:
    return "、".join(f"`{i}`" if code else i for i in sorted(items))


def render() -> str:
    text = regulation_text()
    codes, files = rules_and_scenarios()
    params, fields, docs, cmds, site = profile_parameters(), model_fields(), documents(), commands(), portal()
    rows = [
        "# 条款对照表",
        "",
        "《宁夏回族自治区生态环境损害赔偿管理工作规定》（宁环规发〔2024〕4号）每一条在本系统中由什么实现、由哪些情景测试检验，",
        "或为什么不适用于单个案件文件。本文件由 `python3 tests/regulation/article_coverage.py` "
        "根据代码生成（校验规则取自运行全部情景测试时",
        "各问题所引的条款，以及规则配置、案件字段说明、文书种类、命令说明和示例案件的公开办理过程），请勿手工修改；",
        "`tests/regulation/test_article_coverage.py` 检查它与代码一致。情景测试在 `tests/regulation/scenarios/`，"
        "括号中为“报出本条问题的情景数/情景总数”。",
        "",
        "| 条 | 内容（摘要） | 实现 | 情景测试 | 说明 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for n in ARTICLES:
        parts = [
            ("校验规则", _join(codes.get(n, set()), code=True)),
            ("期限和阈值", _join(params.get(n, set()), code=True)),
            ("案件字段", _join(fields.get(n, set()), code=True)),
            ("文书", _join(docs.get(n, set()))),
            ("命令", _join(cmds.get(n, set()))),
            ("公开网站办理过程", _join(site.get(n, set()))),
        ]
        encoded = "<br>".join(f"{label}：{value}" for label, value in parts if value) or "—"
        scenarios = (
            "<br>".join(
                f"[{name}](../tests/regulation/scenarios/{name})（{hit}/{total}）"
                for name, (hit, total) in sorted(files.get(n, {}).items())
            )
            or "—"
        )
        number = cn2an.an2cn(n)
        rows.append(f"| 第{number}条 | {summary(text[n])} | {encoded} | {scenarios} | {NOT_OPERATIVE.get(n, '')} |")
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="生成 docs/articles.md（条款对照表）")
    parser.add_argument("--check", action="store_true", help="只检查 docs/articles.md 是否与代码一致")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(
                f"{TARGET} 与代码不一致，请运行 python3 tests/regulation/article_coverage.py 重新生成。",
                file=sys.stderr,
            )
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
