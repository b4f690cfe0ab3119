"""Personal-information masking (domain §5, modelled on 法释〔2016〕19号).

A ``Masker`` is built once per case from every field marked ``x-private`` and from the obligors:
- natural persons keep their surname: 张三 → 张某; two persons with one surname → 张某甲 / 张某乙;
- companies follow ``disclosure.company_naming``: 全称 keeps the name, 某公司 replaces it everywhere;
- names the case lists for masking (``disclosure.person_names``: 举报人, 证人...) are treated like persons;
- every other private value (ID numbers, phones, addresses, accounts, plates...) is removed from text;
- personal data of any person is removed from free text even when no field records it
  (``model.personal_data``: e-mails, ID numbers, phones, cards, plates, addresses below county level).

``public_data`` walks any model generically: fields marked private or internal never leave, and every
string that does leave goes through ``Masker.text``.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ecoredress.model import PRIVATE, Case
from ecoredress.model.enums import CompanyNaming
from ecoredress.model.parties import Organisation, Person
from ecoredress.model.person_names import COMPOUND_SURNAMES
from ecoredress.model.personal_data import scrub
from ecoredress.model.types import is_withheld

REMOVED = "［已隐去］"
ORDINALS = "甲乙丙丁戊己庚辛壬癸"
# Organisation names: drop the place prefix and the legal-form suffix to catch short forms in text.
_PLACE_PREFIX = re.compile(
    r"^(宁夏回族自治区|宁夏|内蒙古自治区|银川市|石嘴山市|吴忠市|固原市|中卫市|[^\s]{2,3}[市县区旗])"
)
_LEGAL_SUFFIX = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团公司|公司|合作社|养殖场|厂|场)$")


def surname(name: str) -> str:
    """The surname kept in publication: a compound surname, the first part of a transliterated name, or one
    character."""
    name = name.strip()
    for separator in "·•.":
        if separator in name:
            return name.split(separator, 1)[0][:1]
    return name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1]


def organisation_short_name(name: str) -> str:
    """The name without place prefixes and legal form (石嘴山市惠农区虚构化工有限公司 → 虚构化工), to catch short
    forms."""
    short = name
    while (stripped := _PLACE_PREFIX.sub("", short, count=1)) != short and len(stripped) >= 4:
        short = stripped
    return _LEGAL_SUFFIX.sub("", short)


def _compact(value: str) -> str:
    return re.sub(r"\s+", "", value)


def _loose(value: str) -> str:
    # YAML folding and typing habits put spaces anywhere: match the value with optional whitespace between characters.
    return r"\s*".join(re.escape(c) for c in value)


def _private_values(model: BaseModel) -> Iterator[tuple[str, str]]:
    """(field name, value) of every string in a field marked private, anywhere in the model."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        if extra.get(PRIVATE):
            yield from ((name, v) for v in _strings(value))
        else:
            for child in _models(value):
                yield from _private_values(child)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str) and not isinstance(value, enum.Enum):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name))


def _models(value: Any) -> Iterator[BaseModel]:
    if isinstance(value, BaseModel):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _models(item)


# Private fields that hold natural persons' names: a party's, a representative's, and those the case lists for masking.
_NAME_FIELDS = frozenset({"name", "legal_representative", "person_names"})


class Masker:
    """Replacement rules for one case; ``text`` applies them to any string that is published."""

    def __init__(self, case: Case) -> None:
        names: list[str] = []  # natural persons, in a stable order: obligors first, then the rest of the case
        removals: list[str] = []
        for field_name, value in _private_values(case):
            if not value.strip():
                continue
            if field_name in _NAME_FIELDS:
                if _compact(value) not in names:
                    names.append(_compact(value))
            else:
                removals.extend(_removal_values(field_name, value))
        names.extend(n for n in _internal_person_names(case) if n not in names)
        self.person_names = _pseudonyms(names)
        self.organisation_names = _organisation_names(case)
        replacements = {**self.person_names, **dict.fromkeys(removals, REMOVED)}
        # An obligor's given name alone (明华, once 欧阳明华 is 欧阳某). Obligors only: the narrative speaks of
        # them by given name, while a representative's or expert's given name is likelier a word in a place or
        # company name (马建国 → 建国路), which must stay.
        for person in (o for o in case.obligors if isinstance(o, Person)):
            given = person.name[len(surname(person.name)) :].lstrip("·•. ")
            if len(given) >= 2:
                replacements.setdefault(given, self.person_names[_compact(person.name)])
        masked = {o.name: o for o in case.obligors if isinstance(o, Organisation)}
        # A company published under its full name still loses the persons' names written into it (银川李秀英养殖场).
        persons = re.compile("|".join(_loose(k) for k in sorted(self.person_names, key=lambda k: (-len(k), k))))
        for full, public in self.organisation_names.items():
            if full == public and self.person_names:
                public = persons.sub(lambda m: self.person_names[_compact(m.group(0))], public)
            replacements[full] = public  # also when public: the whole name outranks a given name inside it
            if full != public:
                replacements[masked[full].credit_code] = REMOVED  # the code names the company as surely as its name
                short = organisation_short_name(full)
                if len(short) >= 2:
                    replacements.setdefault(short, public)
        # One alternation, longest first, so that a full value wins over any shorter value inside it.
        self._public = {_compact(k): v for k, v in replacements.items() if k.strip()}
        ordered = sorted(self._public, key=lambda k: (-len(k), k))
        self._values = re.compile("|".join(_loose(k) for k in ordered)) if ordered else None

    def text(self, value: str) -> str:
        if self._values is not None:
            value = self._values.sub(lambda m: self._public[_compact(m.group(0))], value)
        return scrub(value, REMOVED)

    def obligor_name(self, obligor: Organisation | Person) -> str:
        if isinstance(obligor, Person):  # a name of blanks only is no name: nothing to keep of it
            return self.person_names.get(_compact(obligor.name), REMOVED)
        return self.text(self.organisation_names[obligor.name])  # a full name is case text like any other


_ADDRESS_PART = re.compile(r".+?(?:乡|镇|街道|社区|村|组|路|街|巷|号|栋|楼|室)")


def _removal_values(field_name: str, value: str) -> list[str]:
    values = [value]
    if field_name == "address":
        # The part below county level is removed even when the text repeats it without the county,
        # or repeats only its tail (虚构村三组) or the village (虚构村).
        compact = re.sub(r"\s+", "", value)
        county = re.search(r"[县区旗]", compact) or re.search(r"[市盟]", compact)
        below = compact[county.end() :] if county else ""
        parts = _ADDRESS_PART.findall(below)
        values.extend(tail for i in range(len(parts)) if len(tail := "".join(parts[i:])) >= 3)
        values.extend(p for p in parts if len(p) >= 3 and p.endswith(("村", "社区")))
    return values


_ORGANISATION_WORDS = re.compile(r"(局|院|厅|委|会|所|站|处|科|部|室|中心|公司|集团|政府|法院|检察|大队|支队|组)$")


def _internal_person_names(case: Case) -> list[str]:
    """Names of people recorded only in internal lists (meeting participants): masked if they reach public text."""
    return [
        p.strip()
        for meeting in (case.consultation.meetings if case.consultation else [])
        for p in meeting.participants
        if re.fullmatch(r"[\u4e00-\u9fff·]{2,5}", p.strip()) and not _ORGANISATION_WORDS.search(p.strip())
    ]


def _pseudonyms(names: list[str]) -> dict[str, str]:
    by_surname: dict[str, list[str]] = {}
    for name in names:
        by_surname.setdefault(surname(name), []).append(name)
    result: dict[str, str] = {}
    for family, members in by_surname.items():
        if len(members) == 1:
            result[members[0]] = f"{family}某"
        else:
            for index, member in enumerate(members):
                suffix = ORDINALS[index] if index < len(ORDINALS) else str(index + 1)
                result[member] = f"{family}某{suffix}"
    return result


def _organisation_names(case: Case) -> dict[str, str]:
    companies = [o.name for o in case.obligors if isinstance(o, Organisation)]
    companies = list(dict.fromkeys(companies))
    if case.disclosure.company_naming is not CompanyNaming.MASKED:
        return {name: name for name in companies}
    masked = CompanyNaming.MASKED.value
    if len(companies) == 1:
        return {companies[0]: masked}
    return {name: f"{masked}{ORDINALS[i] if i < len(ORDINALS) else i + 1}" for i, name in enumerate(companies)}


def public_data(value: Any, masker: Masker) -> Any:
    """Plain data of a model with private and internal fields dropped and every string masked."""
    if isinstance(value, BaseModel):
        return {
            name: public_data(getattr(value, name), masker)
            for name, info in type(value).model_fields.items()
            if not is_withheld(info)
        }
    if isinstance(value, (list, tuple)):
        return [public_data(item, masker) for item in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, str):
        return masker.text(value)
    return value
