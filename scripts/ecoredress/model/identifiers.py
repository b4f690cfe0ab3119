"""Check digits of Chinese identifiers.

- 统一社会信用代码: GB 32100-2015, 18 characters, weighted mod 31 check character.
- 居民身份证号码: GB 11643-1999, 18 characters, ISO 7064 MOD 11-2 check character.
"""

from __future__ import annotations

import datetime as dt

CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def credit_code_check_char(first17: str) -> str:
    total = sum(CREDIT_CODE_ALPHABET.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=False))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> str | None:
    """Return a Chinese explanation of what is wrong with a 统一社会信用代码, or None if it is valid."""
    if len(code) != 18:
        return f"统一社会信用代码应为 18 位，实际为 {len(code)} 位"
    bad = sorted({c for c in code if c not in CREDIT_CODE_ALPHABET})
    if bad:
        return f"统一社会信用代码含有不允许的字符 {'、'.join(bad)}（不使用 I、O、Z、S、V 及小写字母）"
    return _check_char_problem("统一社会信用代码", code, credit_code_check_char(code[:17]), "营业执照")


def id_number_check_char(first17: str) -> str:
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=False)) % 11]


def id_number_problem(number: str) -> str | None:
    """Return a Chinese explanation of what is wrong with a 18-digit 居民身份证号码, or None if it is valid."""
    if len(number) != 18 or not number[:17].isdigit() or number[17] not in "0123456789X":
        return "身份证号码应为 18 位：前 17 位为数字，最后一位为数字或大写 X"
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return f"身份证号码中的出生日期 {number[6:14]} 不存在"
    return _check_char_problem("身份证号码", number, id_number_check_char(number[:17]), "身份证件")


def _check_char_problem(name: str, value: str, expected: str, document: str) -> str | None:
    """Both identifiers end in a check character computed from the first 17: a mismatch is a misread or mistyped
    character, to be checked against the ``document`` it was copied from."""
    if value[17] != expected:
        return f"{name}校验位错误：第 18 位应为“{expected}”，实际为“{value[17]}”，请核对{document}"
    return None
