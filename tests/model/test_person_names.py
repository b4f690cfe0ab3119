"""Names of persons the case does not record, in text that will be published (issue 9, finding 2).

`check` warns at the name's own line and column; the case lists the name for masking or declares it not a
person, and the warning goes. The sample cases raise none.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecoredress.model import person_names
from ecoredress.model.person_names import looks_like_name, suspected_names
from tests.conftest import CASES, run_cli
from tests.model.test_check_command import corrupt, findings_of, position_of

CODE = "unlisted-person-name"
FOLDED = "  造成下游约2.4公里河段水质恶化、水生生物受损。"


def _warnings(path):
    return [f for f in findings_of(path) if f["code"] == CODE]


def test_a_name_in_folded_text_is_reported_at_its_own_line_and_column(tmp_path):
    path, text = corrupt(tmp_path, FOLDED, "  造成下游约2.4公里河段水质恶化，举报人李秀英反映、水生生物受损。")
    (found,) = _warnings(path)
    assert (found["line"], found["column"]) == position_of(text, "李秀英")
    assert found["severity"] == "warning" and found["pointer"] == "/summary"
    assert (
        "disclosure.person_names" in found["message"]
        and "“李某”" in found["message"]
        and "not_person_names" in found["message"]
    )


def test_a_name_in_a_plain_value_and_a_compound_surname(tmp_path):
    path, text = corrupt(
        tmp_path, "  description: 执法巡查发现", "  description: 群众王建国、欧阳明华举报后，执法巡查发现"
    )
    found = _warnings(path)
    assert [(f["line"], f["column"]) for f in found] == [position_of(text, "王建国"), position_of(text, "欧阳明华")]
    assert "“欧阳某”" in found[1]["message"]


@pytest.mark.parametrize(
    "declaration", ["  person_names: [李秀英]\n", "  not_person_names: [李秀英]\n", "  person_names: [李 秀英]\n"]
)
def test_listing_or_declaring_the_name_ends_the_warning(tmp_path, declaration):
    text = (CASES / "YC-2023-002.yaml").read_text(encoding="utf-8")
    text = text.replace(FOLDED, "  造成下游约2.4公里河段水质恶化，举报人李秀英反映、水生生物受损。")
    text = text.replace("disclosure:\n", "disclosure:\n" + declaration, 1)
    path = tmp_path / "YC-2023-002.yaml"
    path.write_text(text, encoding="utf-8")
    assert _warnings(path) == []


def test_names_in_private_or_internal_fields_are_not_reported(tmp_path):
    path, _ = corrupt(tmp_path, "    legal_representative: 马虚构", "    legal_representative: 李秀英")
    assert _warnings(path) == []


def test_the_sample_cases_raise_no_name_warning():
    result = run_cli("check", str(CASES), "--as-of", "2026-11-29")
    assert CODE not in result.out


@pytest.mark.parametrize(
    "text",
    [
        "贺兰山东麓",
        "吴忠市利通区",
        "向典农河排放",
        "存栏约 6 万羽",
        "经许可排放",
        "张某与李某甲",
        "依据吴环赔〔2023〕5号",
        "宁虚鉴〔2023〕环损字第 17 号",
        "通知书已送达",
        "苗木成活率",
        "司法鉴定意见",
    ],
)
def test_places_words_masked_names_and_document_numbers_are_not_suspected(text):
    assert suspected_names(text) == []


def test_persons_are_suspected_with_their_offsets():
    assert suspected_names("举报人李秀英称，王建国在场") == [(3, "李秀英"), (8, "王建国")]
    assert looks_like_name("欧阳明华") and not looks_like_name("欧阳明华强") and not looks_like_name("李")
    assert not looks_like_name("李秀英", after="河") and looks_like_name("李秀英", after="在河")
    assert not looks_like_name("Li")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("举报人王伟称", [(3, "王伟")]),  # a one-character given name
        ("证人乔致庸称", [(2, "乔致庸")]),  # jieba tags some names nrfg
        ("牧民哈拉反映", [(2, "哈拉")]),  # and transliterated ones nrt (哈 is a Hui surname)
        # a document number before the name is blanked, not cut out: the name keeps its own offset (its column)
        ("依据吴环赔〔2023〕5号，举报人李秀英称", [(17, "李秀英")]),
    ],
)
def test_every_person_tag_is_suspected_at_its_offset_in_the_text_as_written(text, expected):
    assert suspected_names(text) == expected


def test_a_quantity_at_the_very_start_of_a_text_is_still_a_quantity():
    assert suspected_names("6 万羽死亡") == []


def test_dictionary_frequency_decides_at_fifty():
    # 何思豪 is in jieba's dictionary 50 times: still a possible name; 叶脉 (leaf vein) 51 times: an ordinary word.
    assert looks_like_name("何思豪") is True and looks_like_name("叶脉") is False


def test_a_given_name_has_at_most_two_characters():
    assert looks_like_name("李秀英") and not looks_like_name("李秀英华")


# --- The name finder is jieba's tagger, faster (issue 14): the suspects are those of jieba's own tagger ----------

_NAME_PARTS = "李秀英王建国欧阳明华张某乔致庸哈拉何思豪贺兰山吴忠市许可卫星"
_OTHER_TEXT = "举报人称在河段水质恶化生态环境损害赔偿磋商协议鉴定评估修复效果公开决定农村渠沟的了是"
_SEPARATORS = "，。、；：（）〔〕 \n\t0123456789abcXYZ.-_#&+"


def _suspects_by_jieba(text: str) -> list[tuple[int, str]]:
    """The reference: every word ``jieba.posseg.cut`` tags as a person, at the sum of the lengths of the words before
    it, kept if it looks like a name (what ``suspected_names`` did before issue 14)."""
    import jieba.posseg

    blanked = person_names._DOCUMENT_NUMBER.sub(lambda m: " " * len(m.group(0)), text)
    found, offset = [], 0
    for pair in jieba.posseg.dt.cut(blanked):
        word = pair.word
        if pair.flag in {"nr", "nrfg", "nrt"} and looks_like_name(
            word, blanked[max(0, offset - 3) : offset], blanked[offset + len(word) : offset + len(word) + 2]
        ):
            found.append((offset, word))
        offset += len(word)
    return found


def _public_texts() -> list[str]:
    from ecoredress.model.introspect import public_strings
    from ecoredress.validation.checker import load_case

    return [text for path in sorted(CASES.glob("*.yaml")) for _, text in public_strings(load_case(path, "").case)]


def test_the_samples_have_the_suspects_of_jiebas_own_tagger():
    texts = _public_texts() + [FOLDED, "群众王建国、欧阳明华举报后，执法巡查发现", "证人乔致庸称，牧民哈拉反映"]
    assert [suspected_names(t) for t in texts] == [_suspects_by_jieba(t) for t in texts]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(_NAME_PARTS + _OTHER_TEXT + _SEPARATORS), max_size=60))
def test_any_text_has_the_suspects_of_jiebas_own_tagger(text):
    assert suspected_names(text) == _suspects_by_jieba(text)


# Names as they are written in case files: a surname (common, Hui, compound, or one that is also an ordinary word:
# 和 时 成 方 向), a given name of one to three characters, in the phrases around a person (举报人…称, …等人, …某,
# 村民…和…), beside places, quantities, document numbers, dates, Latin letters and odd characters.
_SURNAME = st.sampled_from(sorted(person_names.SURNAMES) + sorted(person_names.COMPOUND_SURNAMES))
_GIVEN_CHARACTERS = "秀英建国明华伟芳娜敏静丽强磊军洋勇艳杰娟涛超兰霞平刚志红德福海河山林川东一小大"
_GIVEN = st.text(st.sampled_from(_GIVEN_CHARACTERS), min_size=1, max_size=3)
_NAME = st.builds(lambda surname, given: surname + given, _SURNAME, _GIVEN)
_AROUND = st.sampled_from(
    [
        "举报人{}称",
        "{}、{}反映",
        "证人{}（村民）",
        "{}某",
        "由{}负责",
        "{}等人",
        "经{}同意",
        "{}在河边",
        "约6万{}",
        "{}河段",
        "姓名：{}",
        "{}先生",
        "{}女士",
        "{}于2023年3月",
        "与{}磋商",
        "{}{}",
        "吴环赔〔2023〕5号{}",
        "{}市",
        "{}村民",
        "向{}送达",
        "和{}",
        "村民{}和{}",
        "{} ",
        "A{}B",
        "{}\u2028",
        "“{}”",
        "{}\n{}",
    ]
)
_PHRASE = st.builds(lambda around, names: around.format(*names), _AROUND, st.lists(_NAME, min_size=2, max_size=2))
_FILLER = st.text(st.sampled_from(_OTHER_TEXT + _SEPARATORS + "𠀋é\u200b某"), max_size=12)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_PHRASE, _FILLER, _NAME), max_size=8).map("".join))
def test_names_written_every_way_have_the_suspects_of_jiebas_own_tagger(text):
    assert suspected_names(text) == _suspects_by_jieba(text)
