"""The ends of a list in a sentence: what of the words around its first and last member belongs to the
list's frame, not to the member — a preposition or introducer before the first (从, 即, 包括), a verb
governing the whole list (解决, 分管过, 做到), a verb closing it (组成), a 的 that makes the last member a
noun phrase, and the 从A、B、C中 frame.  Used by :mod:`.lists`.
"""

from __future__ import annotations

import re

from .objects import tagged
from .text import word_bounds

#: A run of Han characters (and “”): a member's text.
HAN_RE = re.compile(r"^[\u4e00-\u9fff“”]+$")


#: Prepositions and the like that govern a whole list, not its first member: 从A、B、C中, 由A、B、C组成,
#: 让A、B、C的人, 要A、B、C, 可A、B、C (可积累改革经验、防范改革风险、降低改革成本: 可 is every member's).
_LEADS = "从由让使要可对向给被把将在为与同跟"
#: Verbs that close a 由A、B、C组成 list, not its last member.
_CLOSING_VERBS = ("组成", "构成")


#: Words that introduce a list and are no part of its first member (方针，即控制总量、优化结构…;
#: 包括党员大会、支委会…; 比如走访群众、…), longest first.
_INTRODUCERS = (
    "主要包括", "主要分为", "主要体现在", "具体包括", "分别是", "分别为", "主要是", "主要有", "也就是", "就是", "即是",
    "包括", "包含", "涵盖", "比如", "例如", "譬如", "诸如", "亦即", "即", "如", "有",
)  # fmt: skip


def without_lead(first: str, middle: list[str]) -> str:
    """``first`` without a leading preposition that jieba reads as a word of its own and that no
    other member starts with (从致富能手、退役军人 → 致富能手), or without a word introducing the list
    (:data:`_INTRODUCERS`: 即控制总量 → 控制总量) that ends a word there and starts no other member."""
    for word in _INTRODUCERS:
        rest = first[len(word) :]
        introduces = first.startswith(word) and len(rest) >= 2 and len(word) in word_bounds(first)
        if introduces and not any(m.startswith(word) for m in middle):
            return rest
    lead = len(first) > 2 and first[0] in _LEADS and 1 in word_bounds(first)
    alike = all(len(m) > 1 and m[1] == first[1] for m in middle)  # 对党忠诚、听党指挥、为党尽责: X党Y
    return first[1:] if lead and not alike and not any(m.startswith(first[0]) for m in middle) else first


#: Particles of aspect that may follow a verb governing a whole list (分管过民政、社会保障、信访).
_ASPECT = ("过", "了", "着")


def ungoverned(first: str, others: list[str]) -> str:
    """``first`` without a verb that governs the whole list, not the first member alone: its first
    word (jieba) is a verb of two or more characters (``v``/``vn``), with 过/了/着 after it, that
    starts no other member and is followed by a noun, while some other member opens with no verb (解决道路硬化、自来水入户、
    垃圾清运 → 道路硬化; 分管过民政、社会保障、信访 → 民政; 做到政治合格、执行纪律合格、品德合格 →
    政治合格).  Where every other member opens with a verb, the list is one of tasks and each keeps
    its own (盘活闲置农房、发展乡村旅游、引进社会资本)."""
    words = tagged(first)
    if len(words) < 2 or words[0][1] not in ("v", "vn") or len(words[0][0]) < 2:
        return first
    verb = words[0][0] + (words[1][0] if words[1][0] in _ASPECT else "")
    rest = first[len(verb) :]
    if len(rest) < 2 or not HAN_RE.match(rest) or any(m.startswith(words[0][0]) for m in others):
        return first
    if not tagged(rest)[0][1].startswith("n"):
        return first  # 学习不深入, 磨破的草鞋, 应急响应: the verb's object is no noun, so the verb is no governor
    if all(_led_by_verb(m) for m in others):
        return first
    return rest


def _led_by_verb(member: str) -> bool:
    """Whether ``member`` opens with a verb: its first word (jieba) is a verb or a set phrase (化解矛盾),
    or its first two characters are a verb in jieba's dictionary, which reads 优化结构 as one noun."""
    import jieba.posseg  # type: ignore[import-untyped]

    words = tagged(member)
    verb = str(jieba.posseg.dt.word_tag_tab.get(member[:2], "")) in ("v", "vn")
    return bool(words) and (words[0][1] in ("v", "vn", "l", "i") or verb)


def through_de(tail: str, last: str, middle: list[str]) -> str:
    """``last`` (a member cut from ``tail`` before a 的) with the 的 and the noun after it, where the
    members between two 、 end with a noun and ``last`` does not: then 的 makes a noun phrase of
    the last member (村民代表和利益相关的群众 lists 利益相关的群众, not 利益相关), while after members
    that are no nouns it closes the list (宜业、宜居、宜乐、宜游的良好环境)."""
    rest = tail[len(last) :]
    if not rest.startswith("的") or not all(_ends_in_noun(m) for m in middle) or _ends_in_noun(last):
        return last
    nouns = ""
    for word, flag in tagged(rest[1:]):
        if not (flag.startswith("n") and HAN_RE.match(word)):
            break
        nouns += word
    whole = f"{last}的{nouns}"
    return whole if nouns and len(whole) <= 12 else last


def _ends_in_noun(member: str) -> bool:
    words = tagged(member)
    return bool(words) and words[-1][1].startswith("n")


def framed(head: str, tail: str) -> tuple[str, tuple[str, bool]] | None:
    """The first and the last member of a list framed 从A、B、C中 (从 and 中 each a word of their own),
    or None: 注重从致富能手、外出务工经商人员、退役军人、大学毕业生中选拔 is 致富能手 … 大学毕业生, not
    注重从致富能手 … 大学毕业生中选拔 (members as long as the longest middle one)."""
    i, j = head.rfind("从"), tail.find("中")
    if i < 0 or j < 0 or not ({i, i + 1} <= word_bounds(head) and {j, j + 1} <= word_bounds(tail)):
        return None
    first, last = head[i + 1 :], tail[:j]
    if not all(HAN_RE.match(m) and 2 <= len(m) <= 12 and "等" not in m for m in (first, last)):
        return None
    return first, (last, False)


def without_verb(last: str, middle: list[str]) -> str:
    """``last`` without a verb closing the list that no other member ends with (乡贤组成 → 乡贤)."""
    for verb in _CLOSING_VERBS:
        if last.endswith(verb) and len(last) >= len(verb) + 2 and not any(m.endswith(verb) for m in middle):
            return last[: -len(verb)]
    return last
