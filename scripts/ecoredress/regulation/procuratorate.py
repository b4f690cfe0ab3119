"""Which procuratorate is the rights-holder's 同级检察机关 (第二十六条第二款).

第二十六条第二款: a department that finds a clue for a civil public-interest suit
“应当及时通报同级检察机关并按要求移送”. The 同级 procuratorate of a government is the people's procuratorate
of the same area: 中卫市人民政府 → 中卫市人民检察院, 宁夏回族自治区人民政府 → 宁夏回族自治区人民检察院 (for 宁东
cases too: the rights-holder is the region). A county procuratorate or a 分院 is of another level.
"""

from __future__ import annotations

import re

from ecoredress.model.enums import RightsHolder

_DEPARTMENT = re.compile(r"第[一二三四五六七八九十]+检察部")  # a department inside the same procuratorate


def same_level_procuratorate(holder: RightsHolder) -> str:
    """The full name of the procuratorate at the rights-holder's level."""
    return holder.value.removesuffix("人民政府") + "人民检察院"


def at_same_level(procuratorate: str, holder: RightsHolder) -> bool:
    """Whether ``procuratorate`` (as recorded: in full, as 某某检察院, or one of its 检察部) is the holder's 同级."""
    full = same_level_procuratorate(holder)
    names = {full, full.replace("人民检察院", "检察院")}
    if holder is RightsHolder.REGION:
        names |= {"自治区人民检察院", "自治区检察院"}
    name = re.sub(r"\s+", "", procuratorate)
    return any(name == n or (name.startswith(n) and _DEPARTMENT.fullmatch(name[len(n) :])) for n in names)
