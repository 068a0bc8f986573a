"""More point markers, read as :mod:`.points` reads 第一，/一是/首先:

* ``第一个方面`` ``第二个方面`` … (also 第一方面) — kind ``方面``, stems name ``第N个方面``;
* ``一方面`` … ``另一方面`` — kind ``另一方面``: two points, named by their words, as 首先 … 其次;
* ``（1）`` ``(2)`` …, ``①`` ``②`` … and ``（一）`` ``（二）`` … (a notice's sub-sections) — kinds ``(1)``,
  ``①`` and ``（一）``, numbered: stems ask for the ``第N点``.

Each is a point only at a clause's start (the text's start, after ，；：。！？ or “), as the
markers of :mod:`.points`; a point's text is the clause after the marker (and its mark).
"""

from __future__ import annotations

import re

from .numerals import cn_to_int

_AT = r"(?:^|(?<=[，,；;：:。！？!?“]))"
_CLAUSE = r"([^，,；;。！？!?]*)"
_NUMBER = "[一二三四五六七八九十]"
#: 第一个方面， 第二方面是 第三个方面要…: the mark or 是 after it is not in the point; 要 stays.
_ASPECT_RE = re.compile(_AT + f"(第({_NUMBER})(?:个)?方面)(?:[，,：:、]|是)?" + _CLAUSE)
#: 一方面，… 另一方面，…: not 这一方面 / 每一方面 (a mark or the text's start before it).
_ONE_HAND_RE = re.compile(_AT + r"(另一方面|一方面)(?:[，,：:、]|是)?" + _CLAUSE)
#: （1） (2) （12）: one or two digits, ASCII or full-width, in ASCII or full-width brackets.
_PAREN_DIGIT_RE = re.compile(_AT + r"([（(]([1-9１-９][0-9０-９]?)[）)])[，,：:、]?" + _CLAUSE)
#: （一） (二): a sub-section's number in a notice or speech, before its first sentence or heading line.
_PAREN_CN_RE = re.compile(_AT + f"([（(]({_NUMBER}{{1,3}})[）)])[，,：:、]?" + _CLAUSE)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_CIRCLED_RE = re.compile(_AT + f"([{_CIRCLED}])[，,：:、]?" + _CLAUSE)

#: A footnote's text after ① or （1） (参见…, 同上, …出版社…第12页): a note, no point.
_FOOTNOTE_RE = re.compile(r"^(?:参见|参阅|见|同上|引自|转引自|载于|《)|出版社|第\d+页|\d{4}年版")
#: A found marker: (number, text, position, marker as printed, kind).
Found = tuple[int, str, int, str, str]
#: Kinds whose points are numbered by the text (a stem may ask for 第N点 / 第N个方面).
NUMBERED = ("方面", "(1)", "①", "（一）")


def more_markers(text: str) -> list[Found]:
    """The markers of this module in ``text`` (a sentence), in no particular order."""
    found: list[Found] = []
    for m in _ASPECT_RE.finditer(text):
        found.append((cn_to_int(m[2]) or 0, m[3], m.start(), m[1], "方面"))
    for m in _ONE_HAND_RE.finditer(text):
        found.append((2 if m[1] == "另一方面" else 1, m[2], m.start(), m[1], "另一方面"))
    for m in _PAREN_DIGIT_RE.finditer(text):
        number = int(m[2].translate(str.maketrans("０１２３４５６７８９", "0123456789")))
        if not _FOOTNOTE_RE.search(text[m.end(1) :]):
            found.append((number, m[3], m.start(), m[1], "(1)"))
    for m in _PAREN_CN_RE.finditer(text):
        found.append((cn_to_int(m[2]) or 0, m[3], m.start(), m[1], "（一）"))
    for m in _CIRCLED_RE.finditer(text):
        if not _FOOTNOTE_RE.search(text[m.end(1) :]):
            found.append((_CIRCLED.index(m[1]) + 1, m[2], m.start(), m[1], "①"))
    return found


def which(kind: str, number: str) -> str:
    """How a stem names point ``number`` (a Chinese numeral) of a numbered run of ``kind``."""
    return f"第{number}个方面" if kind == "方面" else f"第{number}点"
