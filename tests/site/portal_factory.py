"""Cases for the portal tests and benchmark: generated cases full of personal data, and a hostile case; and
a documents manifest naming one file, for the site to link.

Every generated case starts from the sample YC-2023-002 and puts persons, ID numbers, phones, addresses,
bank accounts and plates both in private fields and inside free text, where only masking can catch them.
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from ecoredress.loading.yamlio import load_data
from ecoredress.model import Case
from ecoredress.model.identifiers import id_number_check_char
from payloads import with_text

ROOT = Path(__file__).resolve().parents[2]
BASE_CASE = ROOT / "cases" / "YC-2023-002.yaml"
SURNAMES = ["王", "李", "张", "刘", "马", "杨", "欧阳", "司马", "纳"]
GIVEN = "瑾瑜璇琰翊骁琨珂钰锴珩璟玥琤頔燊彧"  # rare characters: a leaked name cannot occur by chance
STREETS = "凤凰北湖滨丽景正源宝湖长城"
CITIES = {
    "银川市": ["兴庆区", "金凤区"],
    "石嘴山市": ["大武口区"],
    "吴忠市": ["利通区"],
    "固原市": ["原州区"],
    "中卫市": ["沙坡头区"],
}
HOSTILE = (
    '<script>alert("x")</script>'
    "<img src=x onerror=alert(1)>"
    "[点我](javascript:alert(2))"
    '<a href="javascript:alert(3)">链接</a>'
    '"><svg onload=alert(4)>'
    "{{ 7*7 }}{% raw %}**粗体**`代码`"
    "</title><iframe src=//evil.example>"
)


@dataclass(frozen=True)
class PersonData:
    name: str
    id_number: str
    phone: str
    address: str
    bank_account: str
    plate: str


@cache
def base_data() -> dict[str, Any]:
    return load_data(BASE_CASE.read_text(encoding="utf-8"))


def id_number(birth_year: int, serial: int) -> str:
    first17 = f"640104{birth_year:04d}0512{serial:03d}"
    return first17 + id_number_check_char(first17)


def person_strategy() -> st.SearchStrategy[PersonData]:
    return st.builds(
        PersonData,
        name=st.builds(lambda s, g: s + g, st.sampled_from(SURNAMES), st.text(GIVEN, min_size=2, max_size=2)),
        id_number=st.builds(id_number, st.integers(1950, 2000), st.integers(0, 999)),
        phone=st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
        address=st.builds(
            lambda c, s, n: f"银川市金凤区{c}{s}路{n}号",
            st.text(GIVEN, min_size=2, max_size=2),
            st.sampled_from(STREETS),
            st.integers(1, 999),
        ),
        bank_account=st.from_regex(r"62[0-9]{14,17}", fullmatch=True),
        plate=st.from_regex(r"宁[A-E][0-9A-HJ-NP-Z]{5}", fullmatch=True),
    )


def random_person(rng: random.Random) -> PersonData:
    digits = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
    return PersonData(
        name=rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2)),
        id_number=id_number(rng.randint(1950, 2000), rng.randint(0, 999)),
        phone="1" + rng.choice("3456789") + digits(9),
        address=f"银川市金凤区{''.join(rng.sample(GIVEN, 2))}{rng.choice(STREETS)}路{rng.randint(1, 999)}号",
        bank_account="62" + digits(rng.randint(14, 17)),
        plate="宁" + rng.choice("ABCDE") + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(5)),
    )


def case_with_people(
    case_id: str, people: list[PersonData], masked_company: bool, *, city: str = "银川市", year: int = 2023
) -> Case:
    """A valid case whose obligors are ``people`` (plus the sample's company) and whose free text names them all."""
    data = copy.deepcopy(base_data())
    data["id"] = case_id
    mentions = "；".join(
        f"{p.name}（身份证号{p.id_number}，电话{p.phone}，住{p.address}，账户{p.bank_account}）驾驶{p.plate}"
        for p in people
    )
    data["summary"] = f"{data['summary']}经查，{mentions}参与倾倒。"
    data["damage"]["description"] = f"{data['damage']['description']}{people[0].name}供述了排放经过。"
    data["damage"]["cities"] = [city]
    data["damage"]["counties"] = CITIES[city][:1]
    data["clue"]["description"] = (
        f"群众举报{people[-1].name}的车辆{people[-1].plate}夜间排放，联系电话{people[-1].phone}。"
    )
    serial = int(case_id[-3:]) + 999 * int(case_id[-8:-4])
    data["obligors"][0]["name"] = (
        f"宁夏{GIVEN[serial % len(GIVEN)]}{GIVEN[serial // len(GIVEN) % len(GIVEN)]}化工有限公司"
    )
    data["title"] = data["obligors"][0]["name"] + "向典农河排放超标废水生态环境损害赔偿案"
    data["agreement"]["summary"] = f"{people[0].name}与{data['obligors'][0]['name']}共同承担赔偿责任。"
    data["obligors"][0]["legal_representative"] = people[0].name[:1] + "琛" + people[0].name[-1:]
    data["obligors"] += [
        {
            "kind": "个人",
            "name": p.name,
            "id_number": p.id_number,
            "phone": p.phone,
            "address": p.address,
            "bank_account": p.bank_account,
            "plate_number": p.plate,
        }
        for p in people
    ]
    data["disclosure"]["company_naming"] = "某公司" if masked_company else "全称"
    data["clue"]["found_on"] = data["clue"]["found_on"].replace(year=year)
    return Case.model_validate(data)


def generated_cases(count: int, seed: int = 20240403) -> list[Case]:
    """``count`` distinct generated cases (deterministic), spread over cities and years."""
    rng = random.Random(seed)
    cities = list(CITIES)
    return [
        case_with_people(
            f"YC-{2000 + i // 999 % 100:04d}-{i % 999 + 1:03d}",
            [random_person(rng) for _ in range(rng.randint(1, 3))],
            masked_company=i % 2 == 0,
            city=cities[i % len(cities)],
            year=2019 + i % 6,
        )
        for i in range(count)
    ]


def hostile_case() -> Case:
    """YC-2023-002 with script, event-handler, javascript: and Markdown payloads appended to every public text field."""
    case, _ = with_text(Case.model_validate(base_data()), lambda value, path: (value + HOSTILE,), {})
    return case.model_copy(update={"id": "YC-2023-099"})


# Private values written the way people really type them, and what must not survive of each.
VARIANT_PERSON = PersonData(
    "欧阳明华", id_number(1983, 7), "13900004417", "中卫市沙坡头区翊骁镇琨珂村三组", "6222021234567890555", "宁DQ9E01"
)
VARIANT_FORBIDDEN = (
    "明华",  # the given name alone
    "139．0000．4417",
    "139.0000.4417",
    "１３９００００４４１７",
    "0955 701 2345",
    "0951—5554302",  # phones
    "宁 D Q9E01",
    "宁d·q9e01",
    "宁D-Q9E01",  # plates
    "琨珂村三组",
    "琨珂村",  # the tail of the address, and the village
    "琨翊精细化工",
    "91640205MA75KQ8X6Q",  # a masked company's short name and its credit code
    "黄志强",  # a meeting participant named in public text
)


def variant_case() -> Case:
    """A case with a masked company and a person, whose free text repeats their data in loose forms."""
    data = copy.deepcopy(base_data())
    data["id"] = "YC-2023-098"
    company = "石嘴山市惠农区琨翊精细化工有限公司"
    data["obligors"] = [
        {"kind": "单位", "name": company, "credit_code": "91640205MA75KQ8X6Q"},
        {
            "kind": "个人",
            "name": VARIANT_PERSON.name,
            "id_number": VARIANT_PERSON.id_number,
            "phone": VARIANT_PERSON.phone,
            "address": VARIANT_PERSON.address,
            "bank_account": VARIANT_PERSON.bank_account,
            "plate_number": VARIANT_PERSON.plate,
        },
    ]
    data["title"] = f"{company}与欧阳明华倾倒废渣生态环境损害赔偿案"
    data["summary"] = (
        "琨翊精细化工公司（统一社会信用代码 91640205MA75KQ8X6Q）雇用欧阳 明华倾倒废渣。明华家住琨珂村三组，"
        "琨珂村村民反映，联系电话 139．0000．4417、139.0000.4417、１３９００００４４１７、0955 701 2345、0951—5554302，"
        "运输车辆宁 D Q9E01（又记作宁d·q9e01、宁D-Q9E01）。黄志强在磋商会上作了说明。"
    )
    data["consultation"]["meetings"][0]["participants"] = ["银川市生态环境局法规科", "黄志强"]
    data["disclosure"]["company_naming"] = "某公司"
    return Case.model_validate(data)


def write_agreement_manifest(documents: Path, case_id: str, name: str, content: bytes) -> None:
    """The ``manifest.json`` of a documents folder holding one file, ``name`` with the hash of ``content``, as the
    public agreement of ``case_id`` (the fields the site reads, with no 文号 recorded)."""
    entry = {
        "case": case_id,
        "kind": "赔偿协议",
        "title": "生态环境损害赔偿协议",
        "doc_no": None,
        "issued_on": "2023-09-12",
        "public": True,
        "files": [{"name": name, "sha256": hashlib.sha256(content).hexdigest()}],
    }
    (documents / "manifest.json").write_text(json.dumps({"documents": [entry]}), encoding="utf-8")
