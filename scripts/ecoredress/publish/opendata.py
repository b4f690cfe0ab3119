"""Open data (Frictionless Data Package, OCDS-like release of the published projection) and the Atom feed.

Every file is derived from published projections only, and dated by the cases themselves (the latest
update among them), never by the clock: the same cases give byte-identical files. The package descriptor is
written as a plain dict (frictionless, a test dependency, validates it in tests: building it with the library at
run time would add its dependency tree and inferred keys for nothing); the feed is made by feedgen.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from feedgen.feed import FeedGenerator

from ecoredress.model.types import to_fen
from ecoredress.publish import figures
from ecoredress.publish.projection import PublishedCase
from ecoredress.publish.schema import published_schema
from ecoredress.spreadsheet import csv_text

CHINA_STANDARD_TIME = dt.timezone(dt.timedelta(hours=8))
# What XML 1.0 cannot carry (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF): a case file
# may hold them in a quoted YAML string, and the feed must stay well-formed XML.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CSV_FIELDS: tuple[tuple[str, str, str], ...] = (
    # (name, Frictionless type, Chinese title)
    ("id", "string", "案件编号"),
    ("title", "string", "案件名称"),
    ("year", "integer", "年份"),
    ("rights_holder", "string", "赔偿权利人"),
    ("cities", "string", "设区市"),
    ("counties", "string", "县（市、区）"),
    ("damage_types", "string", "损害类型"),
    ("stage", "string", "办理阶段"),
    ("obligors", "string", "赔偿义务人"),
    ("amount", "number", "赔偿金额（元）"),
    ("agreement_signed_on", "date", "协议签署日期"),
    ("funds_received", "number", "资金入库（元）"),
    ("funds_spent", "number", "资金使用（元）"),
    ("restoration_passed", "boolean", "修复效果评估是否通过"),
    ("disclosure_decided_on", "date", "公开决定日期"),
    ("updated_on", "date", "更新日期"),
    ("url", "string", "案件页面"),
)


@dataclass(frozen=True)
class Publisher:
    """Who publishes the portal (settings ``site.publisher`` etc. in [tool.ecoredress]), for which region
    ([tool.ecoredress.region]) and under which regulation (the rule profile's)."""

    name: str
    contact: str
    licence: str
    licence_title: str
    url: str  # the portal's public address, ending in "/"; empty: links stay relative to the site root
    region: str  # as titles name it: 宁夏
    region_code: str  # in Latin letters, for identifiers: ningxia
    regulation: str  # the title in 《》
    in_force_from: dt.date  # the day the regulation took effect: the date of a portal with no case yet


def release_date(cases: list[PublishedCase]) -> dt.date | None:
    return max((c.updated_on for c in cases), default=None)


def case_url(case: PublishedCase, base: str = "") -> str:
    return f"{base}cases/{case.id}/"


def cases_json(cases: list[PublishedCase]) -> str:
    data = [c.model_dump(mode="json") for c in cases]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _row(case: PublishedCase, base: str) -> dict[str, Any]:
    passed = figures.restoration_passed(case)
    return {
        "id": case.id,
        "title": case.title,
        "year": case.year,
        "rights_holder": str(case.jurisdiction.rights_holder),
        "cities": "|".join(str(c) for c in case.damage.cities),
        "counties": "|".join(case.damage.counties),
        "damage_types": "|".join(str(t) for t in case.damage.types),
        "stage": case.stage,
        "obligors": "|".join(o.name for o in case.obligors),
        "amount": "" if case.amount is None else to_fen(case.amount),
        "agreement_signed_on": case.agreement.signed_on.isoformat() if case.agreement else "",
        "funds_received": to_fen(figures.received(case)) if case.funds else "",
        "funds_spent": to_fen(figures.spent(case)) if case.funds else "",
        "restoration_passed": "" if passed is None else str(passed).lower(),
        "disclosure_decided_on": case.disclosure.decided_on.isoformat() if case.disclosure.decided_on else "",
        "updated_on": case.updated_on.isoformat(),
        "url": case_url(case, base),
    }


def cases_csv(cases: list[PublishedCase], base: str = "") -> str:
    """Text fields quoted, and neutralised against formula injection (spreadsheet.csv_text); numbers bare."""
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=[name for name, _, _ in CSV_FIELDS], lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC
    )
    writer.writeheader()
    for case in cases:
        writer.writerow({k: csv_text(v) if isinstance(v, str) else v for k, v in _row(case, base).items()})
    return buffer.getvalue()


def datapackage(cases: list[PublishedCase], publisher: Publisher) -> str:
    released = release_date(cases)
    package = {
        "name": f"{publisher.region_code}-eco-damage-compensation-disclosure",
        "title": f"{publisher.region}生态环境损害赔偿案件公开数据",
        "description": (
            f"依据{publisher.regulation}第三十三条公开的案件信息。"
            "数据经去标识化处理：自然人只保留姓氏，身份证号码、电话、住址、银行账号、车牌号等个人信息及内部信息一律不公开。"
        ),
        "publisher": {"name": publisher.name, "contact": publisher.contact},
        "licenses": [{"name": publisher.licence, "title": publisher.licence_title}],
        "publicationPolicy": "about/#公开政策",
        **(
            {"created": _moment(released).isoformat(), "version": released.isoformat()}
            if released
            else {"version": "0"}
        ),
        "resources": [
            {
                "name": "cases-json",
                "path": "cases.json",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                # The JSON Schema of each element. Not under "schema", which the Data Package spec keeps for a Table
                # Schema (frictionless rejects a JSON Schema there): a link beside it, as the spec allows extra keys.
                "jsonSchema": "case.schema.json",
                "description": "公开案件的完整公开投影，每个元素符合 jsonSchema 所指的 case.schema.json（JSON Schema）",
            },
            {
                "name": "cases-csv",
                "path": "cases.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "dialect": {
                    "delimiter": ",",
                    "lineTerminator": "\r\n",
                    "quoteChar": '"',
                    "doubleQuote": True,
                    "header": True,
                },
                "schema": {
                    "fields": [{"name": n, "type": t, "title": title} for n, t, title in CSV_FIELDS],
                    "primaryKey": ["id"],
                    "missingValues": [""],
                },
                "description": (
                    "公开案件一览；多个值以“|”分隔。文本字段加双引号，数值不加；"
                    "以 = + - @、全角＝＋－＠、制表符、回车、换行符或单引号开头的文本前加一个单引号“'”，"
                    "防止电子表格把它当作公式执行；程序读取时，去掉以单引号开头的文本的第一个单引号即得原文"
                ),
            },
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=1) + "\n"


def feed(cases: list[PublishedCase], publisher: Publisher) -> str:
    """Atom feed of disclosures, newest first. Links are absolute when the portal's address is set
    (``site.url``), else relative to the site root (the feed's location)."""
    released = release_date(cases) or publisher.in_force_from
    generator = FeedGenerator()
    generator.generator("ecoredress")  # no version: an upgrade must not change the file
    generator.id("tag:ecoredress,2024:disclosures")
    generator.title(xml_text(f"{publisher.region}生态环境损害赔偿信息公开：案件更新"))
    generator.language("zh-CN")
    generator.updated(_moment(released))
    generator.author(name=xml_text(publisher.name))
    generator.link(href=f"{publisher.url}feed.xml", rel="self")
    generator.link(href=publisher.url or "./", rel="alternate")
    for case in sorted(cases, key=lambda c: (c.updated_on, c.id), reverse=True):
        entry = generator.add_entry(order="append")
        entry.id(f"tag:ecoredress,2024:case:{case.id}")
        entry.title(xml_text(f"{case.id} {case.title}"))
        entry.updated(_moment(case.updated_on))
        if case.disclosure.decided_on:
            entry.published(_moment(case.disclosure.decided_on))
        entry.link(href=case_url(case, publisher.url), rel="alternate")
        entry.summary(xml_text(f"办理阶段：{case.stage}。{case.summary}"))
    atom: bytes = generator.atom_str(pretty=True)
    return atom.decode("utf-8")


def xml_text(value: str) -> str:
    """``value`` with the characters XML cannot hold replaced by U+FFFD, as the portal's pages show them."""
    return _NOT_XML.sub("\ufffd", value)


def _moment(day: dt.date) -> dt.datetime:
    """The start of ``day`` in China Standard Time: Atom and the Data Package spec want RFC 3339 date-times."""
    return dt.datetime.combine(day, dt.time(), CHINA_STANDARD_TIME)


def write_open_data(cases: list[PublishedCase], publisher: Publisher, docs: Path) -> None:
    data = docs / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "cases.json").write_text(cases_json(cases), encoding="utf-8")
    (data / "cases.csv").write_text(cases_csv(cases, publisher.url), encoding="utf-8", newline="")
    (data / "datapackage.json").write_text(datapackage(cases, publisher), encoding="utf-8")
    schema = json.dumps(published_schema(publisher.regulation), ensure_ascii=False, indent=1) + "\n"
    (data / "case.schema.json").write_text(schema, encoding="utf-8")
    (docs / "feed.xml").write_text(feed(cases, publisher), encoding="utf-8")
