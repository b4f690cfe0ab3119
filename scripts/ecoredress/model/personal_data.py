"""Personal data written into free text, found without the author having recorded it (domain §5).

``personal_spans`` finds e-mail addresses, ID numbers, mobiles, landlines, bank cards and accounts, licence
plates and addresses below county level in any string, however typed: digits full-width or in Chinese numerals
(〇一二…九, 幺), grouped by spaces, dashes or dots. Publication removes them (``presentation.masking``) and ``check``
can point at them, so the patterns live here, below both.

Numbers are read as *runs*: digits joined by at most one separator each. A run is personal data by its digit
count and first digits, never by a fixed grouping, so every way of splitting a number is caught; what must stay
(amounts such as 1,272,400.00, dates such as 2024-04-03, standards such as GB 3838-2002, document numbers,
coordinates, areas) is told apart by decimals, date shape and length.
"""

from __future__ import annotations

import re

_CHINESE_DIGITS = "〇零○一二三四五六七八九幺"
_DIGIT_VALUE = {**{c: str(i) for i, c in enumerate("〇一二三四五六七八九")}, "零": "0", "○": "0", "幺": "1"}
_DIGIT = rf"[0-9０-９{_CHINESE_DIGITS}]"
_BLANK = r"[ \t\u3000\u00a0]"
_MARK = r"[-‐‑‒–—―－.．·•・/]"
# One separator between two digits: a dash, dot or slash with spaces around it, or up to two spaces; a closing
# bracket after an area code ((0951)6012345).
_SEP = rf"(?:{_BLANK}{{0,2}}(?:{_MARK}|[)）]){_BLANK}{{0,2}}|{_BLANK}{{1,2}})"
_RUN = re.compile(
    rf"(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ{_CHINESE_DIGITS}])(?:[+＋]{_BLANK}?)?[(（]?{_DIGIT}(?:{_SEP}?{_DIGIT})*(?:{_SEP}?[XxＸｘ](?![A-Za-z]))?"
)
_GROUP = re.compile(_DIGIT + "+")
# Words that announce a phone number: a local number without area code is only taken after one of them.
_PHONE_WORDS = re.compile(r"(电话|座机|固话|手机|联系方式|联系|传真|致电|热线|号码|[Tt][Ee][Ll])[^\n。；;]{0,8}$")

EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+[ \t]?[@＠][ \t]?[A-Za-z0-9\-]+(?:[.．][A-Za-z0-9\-]+)+")
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领"
_LETTER = "[A-Za-zＡ-Ｚａ-ｚ]"
_ALNUM = "[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]"
# 宁A12345, 宁 A·12345, 宁Ａ１２３４５, new-energy 宁AD12345, 宁A1234挂 / 宁A1234警: at least one digit after the
# letter.
PLATE = re.compile(
    rf"[{_PROVINCES}]{_BLANK}?[·•\-－]?{_BLANK}?{_LETTER}{_BLANK}?[·•\-－]?{_BLANK}?(?=(?:{_ALNUM}{_BLANK}?){{0,5}}[0-9０-９])"
    rf"{_ALNUM}(?:{_BLANK}?{_ALNUM}){{3,5}}[挂学警港澳领试超]?(?!{_ALNUM})"
)
# Addresses below county level: a road and house number (with the courtyard at that number: 12号院3组), a village
# or estate with its group, building or room, or a building / unit / room sequence. A village alone (the place of
# the damage) stays.
_NAME_CHAR = r"(?:(?![省市县区旗盟州镇乡住在于至到往的和与及从向位是为将了])[\u4e00-\u9fff])"
_NUMBER = r"[0-9０-９一二三四五六七八九十百零〇两]+"
_UNIT = rf"{_NUMBER}{_BLANK}?(?:号楼|号院|号|栋|幢|单元|室|层|组|队|户)"
ADDRESS = re.compile(
    rf"{_NAME_CHAR}{{1,8}}(?:路|街|巷|大道|胡同|弄){_BLANK}?{_NUMBER}{_BLANK}?号院?(?:{_BLANK}?{_UNIT})*"
    rf"|{_NAME_CHAR}{{1,8}}(?:村|社区|小区|花园|家园|公寓|新村|大厦){_BLANK}?{_UNIT}(?:{_BLANK}?{_UNIT})*"
    rf"|(?:{_NUMBER}{_BLANK}?(?:号楼|栋|幢|单元){_BLANK}?)+{_NUMBER}{_BLANK}?(?:室|户|单元)"
    rf"|(?<=[住址在])[:：]?{_BLANK}?{_NAME_CHAR}{{2,8}}小区"  # an estate alone only where it is where someone lives
)


def _digits(run: str) -> str:
    """The digits of a run in ASCII (full-width and Chinese numerals read as digits), a trailing X kept."""
    out = []
    for char in run:
        if char in _DIGIT_VALUE:
            out.append(_DIGIT_VALUE[char])
        elif char.isdigit():
            out.append(str(int(char)))  # full-width digits
        elif char in "XxＸｘ":
            out.append("X")
    return "".join(out)


def _is_date_list(groups: list[str]) -> bool:
    """Groups that are dates one after another (2024-04-03, 2023.03.01-2023.04.01): never personal data."""
    return len(groups) % 3 == 0 and all(
        re.fullmatch(r"(19|20)\d\d", groups[i]) and len(groups[i + 1]) <= 2 and len(groups[i + 2]) <= 2
        for i in range(0, len(groups), 3)
    )


def _has_decimal(run: str) -> bool:
    # A dot followed by one or two digits and then no more digits is a decimal point (1272400.00, 13.5 12.3).
    return bool(re.search(rf"[.．]{_DIGIT}{{1,2}}(?!{_DIGIT})", run))


def _number_kind(run: str, before: str) -> bool:
    """Whether a digit run is personal data: an ID, mobile, landline, bank card or account number."""
    digits = _digits(run)
    groups = [_digits(g) for g in _GROUP.findall(run)]
    if _is_date_list(groups) or _has_decimal(run):
        return False
    if digits.endswith("X"):
        return len(digits) in (15, 18)  # ID numbers end in X; nothing else does
    n = len(digits)
    if re.fullmatch(r"(00)?861[3-9]\d{9}", digits) or (n == 11 and re.match(r"1[3-9]", digits)):
        return True  # mobile
    if n in (15, 18) and re.match(r"[1-9]", digits):
        return True  # ID number (15 digits of the old card, 18 of the new)
    if n >= 12 and all(len(g) >= 3 for g in groups[:-1]):
        return True  # bank card or account number, in one piece or in groups of three digits or more
    if 10 <= n <= 12 and re.match(r"0[1-9]", digits):
        return True  # landline with area code
    return 7 <= n <= 8 and re.match(r"[2-9]", digits) is not None and _PHONE_WORDS.search(before) is not None


def personal_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every piece of personal data in ``text``, overlapping pieces merged, in order."""
    spans: list[tuple[int, int]] = []
    for pattern in (EMAIL, PLATE, ADDRESS):
        spans.extend(m.span() for m in pattern.finditer(text))
    for match in _RUN.finditer(text):
        if _number_kind(match.group(0), text[max(0, match.start() - 12) : match.start()]):
            spans.append(match.span())
    return _merged(spans)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def scrub(text: str, replacement: str) -> str:
    """``text`` with every piece of personal data replaced by ``replacement``."""
    parts, last = [], 0
    for start, end in personal_spans(text):
        parts += [text[last:start], replacement]
        last = end
    return "".join(parts) + text[last:]
