"""The parties a document names: who they are (identification lines) and how each one signs.

An organisation seals and its legal representative (a department: its head) or agent signs; a natural
person signs and puts a fingerprint; an expert signs. In the public variant a party is its masked name only: no code,
representative or address.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ecoredress.model import Case
from ecoredress.model.parties import Organisation
from ecoredress.presentation.formatting import cn_number
from ecoredress.presentation.masking import Masker
from ecoredress.settings import DepartmentSettings

# A line of particulars: (label, value) pairs, a value of None being a blank to fill in by hand.
Particulars = tuple[tuple[tuple[str, str | None], ...], ...]


@dataclass(frozen=True)
class Party:
    label: str  # 甲方, 乙方一, 被申请人…
    name: str
    seal: str  # how the party itself signs: 盖章, 签字并按指印
    signer: str | None = None  # who signs for an organisation besides its seal
    details: tuple[str, ...] = field(default=())  # identification lines, e.g. 统一社会信用代码：…
    # On a court filing, the department: 住所, 主要负责人 and 职务, 联系电话; an obligor: its 住所（住址）if unrecorded
    particulars: Particulars = ()


def department_party(label: str, department: str, particulars: Particulars = ()) -> Party:
    return Party(label, department, "盖章", "负责人或者委托代理人（签字）", particulars=particulars)


def filing_particulars(settings: DepartmentSettings | None) -> Particulars:
    """The department's particulars as a court filing states them (民事诉讼法第一百二十四条第一项: 住所和法定代表人或者
    主要负责人的姓名、职务、联系方式), a particular not set left blank."""
    s = settings or DepartmentSettings()
    return ((("住所", s.address),), (("主要负责人", s.head), ("职务", s.head_title)), (("联系电话", s.phone),))


def persons(label: str, names: list[str]) -> list[Party]:
    """People who sign in their own name only (experts, the record keeper)."""
    return [Party(label, name, "签字") for name in names]


def obligor_parties(case: Case, role: str, masker: Masker | None, court_filing: bool = False) -> list[Party]:
    """The obligors as parties of the document, labelled ``role`` (乙方) or ``role`` 一/二… when several. On a court
    filing an address not recorded is a blank to fill in (民事诉讼法第一百二十四条第二项: 住所 is stated)."""
    many = len(case.obligors) > 1
    parties = []
    for n, o in enumerate(case.obligors, start=1):
        label = f"{role}{cn_number(n)}" if many else role
        name = masker.obligor_name(o) if masker else o.name
        details = () if masker else _details(o)
        organisation = isinstance(o, Organisation)
        blank: Particulars = (((("住所" if organisation else "住址"), None),),)
        particulars = blank if court_filing and not masker and o.address is None else ()
        if organisation:
            parties.append(Party(label, name, "盖章", "法定代表人或者委托代理人（签字）", details, particulars))
        else:
            parties.append(Party(label, name, "签字并按指印", None, details, particulars))
    return parties


def _details(obligor: object) -> tuple[str, ...]:
    if isinstance(obligor, Organisation):
        lines = [f"统一社会信用代码：{obligor.credit_code}"]
        if obligor.legal_representative:
            lines.append(f"法定代表人：{obligor.legal_representative}")
        if obligor.address:
            lines.append(f"住所：{obligor.address}")
        return tuple(lines)
    lines = [f"公民身份号码：{obligor.id_number}"]  # type: ignore[attr-defined]
    if obligor.address:  # type: ignore[attr-defined]
        lines.append(f"住址：{obligor.address}")  # type: ignore[attr-defined]
    return tuple(lines)
