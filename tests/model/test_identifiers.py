import pytest

from ecoredress.model.identifiers import credit_code_problem, id_number_problem

# Published check-digit examples: GB 32100-2015 annex style code and GB 11643-1999 example.
VALID_CREDIT = ["91640100MA76XK3Q29", "91350100M000100Y43"]
VALID_IDS = ["11010519491231002X", "649901198001011238"]


@pytest.mark.parametrize("code", VALID_CREDIT)
def test_valid_credit_codes(code):
    assert credit_code_problem(code) is None


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("91640100MA76XK3Q28", "第 18 位应为“9”"),
        ("91640100MA76XK3Q2", "应为 18 位"),
        ("91640100MA76XK3QI9", "不允许的字符 I"),
    ],
)
def test_bad_credit_codes_explain_themselves(code, fragment):
    assert fragment in credit_code_problem(code)


@pytest.mark.parametrize("number", VALID_IDS)
def test_valid_id_numbers(number):
    assert id_number_problem(number) is None


@pytest.mark.parametrize(
    ("number", "fragment"),
    [
        ("110105194912310021", "第 18 位应为“X”"),
        ("649901198002301236", "出生日期 19800230 不存在"),
        ("64990119800101123", "应为 18 位"),
    ],
)
def test_bad_id_numbers_explain_themselves(number, fragment):
    assert fragment in id_number_problem(number)
