"""Words of a text that may be the name of a natural person, found with jieba's part-of-speech tagging.

jieba tags person names ``nr`` (``nrfg``, ``nrt``), but its dictionary tags many ordinary words that way too
(许可, 卫星, 通知书, 贺兰山). A tagged word is kept as a suspect only when it looks like a Chinese name: two to
four characters beginning with a common surname, not a frequent dictionary word, not a place (贺兰山, 吴忠市),
not the start of a river, lake or mountain name (向典 of 向典农河), not a quantity (6 万羽), not already masked
(张某), and not inside a document number (吴环赔〔2023〕5号). ``check`` warns about each suspect, and the case
lists it for masking or declares it not a person: a warning can be wrong, a silent leak cannot be undone.
"""

from __future__ import annotations

import re

from ecoredress.model import name_tagger

# The surnames of most of the population, Hui surnames common in Ningxia (纳 海 哈 锁 虎 拓 妥 穆 冶 撒), and
# compound surnames.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪"
    "范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔"
    "伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍"
    "华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师"
    "和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝纳海哈锁虎拓妥冶撒"
)
COMPOUND_SURNAMES = frozenset(
    "欧阳 太史 端木 上官 司马 东方 独孤 南宫 万俟 闻人 夏侯 诸葛 尉迟 公羊 赫连 澹台 皇甫 宗政 濮阳 公冶 太叔 申屠 "
    "公孙 慕容 仲孙 钟离 长孙 宇文 司徒 鲜于 司空 闾丘 子车 亓官 司寇 巫马 公西 颛孙 壤驷 公良 漆雕 乐正 宰父 谷梁 "
    "拓跋 夹谷 "
    "轩辕 令狐 段干 百里 呼延 东郭 南门 羊舌 微生 公户 公玉 公仪 梁丘 公仲 公上 公门 公山 公坚 左丘 公伯 西门 公祖 "
    "第五 公乘 "
    "贯丘 公皙 南荣 东里 东宫 仲长 子书 子桑 即墨 达奚 褚师".split()
)
# A dictionary word this frequent is an ordinary word (苗木 72, 许可 623, 卫星 3057), not a name (杨建军 27, 王建国 12).
_COMMON_WORD = 50
_PLACE_END = "山河湖海江渠沟滩泉峡湾岭塬坡川原谷洞池塘湿地镇村乡县区市州旗盟庄堡寨屯营桥路街港站厂矿场园林区段"
_FOLLOWED_BY_PLACE = re.compile(rf"^(?![在于和与的向从到将把被是等及对])[\u4e00-\u9fff]?[{_PLACE_END}]")
_QUANTITY_BEFORE = re.compile(r"[0-9０-９一二三四五六七八九十百千万亿两几约余]\s*$")
# A character a name can begin with: a common surname or the first of a compound one.
_SURNAME_START = re.compile(f"[{''.join(sorted(SURNAMES | {s[0] for s in COMPOUND_SURNAMES}))}]")
_DOCUMENT_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,8}[〔\[［(（]\s*(19|20)\d{2}\s*[〕\]］)）][^，。；、\n]{0,8}?\d+\s*号"
)


def surname_length(word: str) -> int:
    """Length of the common surname ``word`` begins with (2 for a compound one), 0 if none."""
    if word[:2] in COMPOUND_SURNAMES:
        return 2
    return 1 if word[:1] in SURNAMES else 0


def looks_like_name(word: str, before: str = "", after: str = "") -> bool:
    """Whether a word tagged as a person's name can be one, given the text just before and after it."""
    family = surname_length(word)
    return (
        family > 0
        and 2 <= len(word) <= family + 2
        and re.fullmatch(r"[\u4e00-\u9fff]+", word) is not None
        and "某" not in word
        and word[-1] not in _PLACE_END
        and not _common_word(word)
        and _FOLLOWED_BY_PLACE.match(after) is None
        and _QUANTITY_BEFORE.search(before) is None
    )


def _common_word(word: str) -> bool:
    count = name_tagger.frequency(word)  # None for a word the dictionary does not know
    return count is not None and count > _COMMON_WORD


def suspected_names(text: str) -> list[tuple[int, str]]:
    """(offset, word) of every suspected person's name in ``text``, in order of appearance."""
    # Document numbers (吴环赔〔2023〕5号) are blanked first: their agency abbreviations read as names.
    blanked = _DOCUMENT_NUMBER.sub(lambda m: " " * len(m.group(0)), text)
    return [
        (offset, word)
        for offset, word in name_tagger.person_words(blanked, _SURNAME_START)
        if looks_like_name(
            word, blanked[max(0, offset - 3) : offset], blanked[offset + len(word) : offset + len(word) + 2]
        )
    ]
