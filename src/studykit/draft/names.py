"""Stable ids from Chinese names: ``任剑涛`` → ``ren-jiantao``, ``欧阳康`` → ``ouyang-kang``.

Pinyin comes from pypinyin (its phrase dictionary, shipped in the wheel).  A surname is
read as a surname: the compound surnames and the surnames whose reading differs from the
character's common one (曾 zeng, 单 shan, 解 xie …) are listed here, after the usual
lists of 复姓 and 多音字姓氏 (GB/T 28039-2011 writes the surname apart from the given name).
"""

from __future__ import annotations

import re

#: Compound surnames (复姓), written as one word.
COMPOUND_SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
    "司徒", "夏侯", "端木", "独孤", "南宫", "西门", "万俟", "闻人", "轩辕", "澹台", "公冶", "申屠",
)  # fmt: skip
#: Surnames read otherwise than their common reading.
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha",
    "翟": "zhai", "盖": "ge", "乐": "yue", "覃": "qin", "缪": "miao", "秘": "bi", "种": "chong",
    "重": "chong", "尉": "wei", "纪": "ji", "燕": "yan", "华": "hua", "过": "guo", "冼": "xian",
    "员": "yun", "句": "gou", "阚": "kan", "柏": "bai", "宿": "su", "折": "she", "召": "shao",
    "长孙": "zhangsun", "万俟": "moqi", "尉迟": "yuchi", "澹台": "tantai",
}  # fmt: skip

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def pinyin_words(text: str) -> list[str]:
    """Toneless pinyin of the Han characters of ``text``, one word per character (ü as ``v``);
    Latin letters and digits are kept lowercased, anything else is left out."""
    from pypinyin import lazy_pinyin

    words: list[str] = []
    for word in lazy_pinyin(text, errors=lambda chars: " ".join(chars)):
        words.extend(w for w in (_NOT_SLUG.sub("", part.lower()) for part in word.split()) if w)
    return words


def name_slug(name: str) -> str:
    """The id of a speaker: surname, hyphen, given name (``任剑涛`` → ``ren-jiantao``); ``""`` if
    ``name`` has nothing to spell."""
    name = "".join(c for c in name if not c.isspace() and c != "·")
    surname = next((s for s in COMPOUND_SURNAMES if name.startswith(s) and len(name) > len(s)), name[:1])
    head = SURNAME_READINGS.get(surname) or "".join(pinyin_words(surname))
    given = "".join(pinyin_words(name[len(surname) :]))
    return "-".join(p for p in (head, given) if p)


def text_slug(text: str, *, limit: int = 40) -> str:
    """A lowercase id from any text (Han characters as pinyin initials, e.g. ``省域治理2020`` →
    ``syzl-2020``), at most ``limit`` characters; ``""`` if nothing is left."""
    from pypinyin import Style, lazy_pinyin

    parts: list[str] = []
    run = ""
    for chunk in re.findall(r"[\u3400-\u9fff]+|[A-Za-z0-9]+", text):
        if "\u3400" <= chunk[0] <= "\u9fff":
            run += "".join(lazy_pinyin(chunk, style=Style.FIRST_LETTER))
        else:
            if run:
                parts.append(run)
                run = ""
            parts.append(chunk.lower())
    if run:
        parts.append(run)
    slug = _NOT_SLUG.sub("-", "-".join(parts)).strip("-")
    return slug[:limit].strip("-")
