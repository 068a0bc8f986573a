"""Verb-object members of a 、 list: 修剪、施肥、防治病虫害 lists three tasks, the last one 防治病虫害.

A list whose members between two 、 are verbs (修剪, 施肥) lists actions; its first or last
member is then a verb with its object, never the verb alone (防治) nor the object alone
(枝条 of 修剪枝条、施肥、浇水).  Word classes are jieba's (``jieba.posseg``, dictionary shipped in
its wheel): a verb is tagged ``v``, an object word ``n…`` or ``l`` (a noun phrase may hold a verb or
adjective before its noun, and 和 between nouns: 照顾留守老人和儿童).
"""

from __future__ import annotations

#: Longest member, as in :mod:`.lists`.
MAX_MEMBER = 12


def tagged(text: str) -> list[tuple[str, str]]:
    """``text`` as jieba's words with their word class (``v``, ``n``, ``vn`` …), in order."""
    import logging

    import jieba  # type: ignore[import-untyped]
    import jieba.posseg  # type: ignore[import-untyped]

    jieba.setLogLevel(logging.WARNING)
    return [(w.word, w.flag) for w in jieba.posseg.cut(text, HMM=False)]


def _noun(flag: str) -> bool:
    return flag.startswith("n") or flag == "l"


def _verb_led(member: str, flags: tuple[str, ...] = ("v",)) -> bool:
    """Whether ``member`` opens with a word of ``flags``: a verb (施肥, 修缮房屋), or with ``l`` and ``i``
    also a set phrase (化解矛盾)."""
    words = tagged(member)
    return bool(words) and words[0][1] in flags


def _object_end(words: list[tuple[str, str]]) -> int:
    """How many of ``words`` (a verb first) make the verb and its object: the words after the verb
    that may stand in a noun phrase (nouns, verbs and adjectives before a noun: 留守老人, and 和 / 与
    / 及 between nouns: 老人和儿童), up to the last noun; 1 when no noun follows the verb."""
    end, k = 1, 1
    while k < len(words) and (
        _noun(words[k][1]) or words[k][1] in ("v", "vn", "a") or words[k][0] in ("和", "与", "及")
    ):
        end = k + 1 if _noun(words[k][1]) else end
        k += 1
    return end


def with_objects(
    head: str, first: str | None, tail: str, last: tuple[str, bool] | None, middle: list[str], after: tuple[str, ...]
) -> tuple[str | None, tuple[str, bool] | None]:
    """``first`` and ``last`` (a member and whether 等 closes the list) with a verb's object kept
    whole where every middle member is led by a verb: the last member is the verb opening ``tail``
    and the object words after it, up to ``tail``'s end or a word of ``after`` (等, 的 …); the first
    is the verb before the object words ending ``head``.  A member already longer stays."""
    if not middle or not all(_verb_led(m, ("v", "l", "i")) for m in middle):
        return first, last
    words = tagged(tail)
    if words and words[0][1] == "v":
        k = _object_end(words)
        end = sum(len(w) for w, _ in words[:k])
        whole = tail[:end]
        closed = k == len(words) or words[k][0] in after or tail[end:].startswith(after)
        if (
            k > 1
            and closed
            and end <= MAX_MEMBER
            and (last is None or (whole.startswith(last[0]) and whole != last[0]))
        ):
            last = (whole, bool(last and last[1]) or tail[end:].startswith("等"))
    if not all(_verb_led(m) for m in middle):
        return first, last  # 生命安全、身体健康: a set phrase between is no sign the first member is a task
    words = tagged(head)
    k = len(words)
    while k > 0 and _noun(words[k - 1][1]):
        k -= 1
    if 0 < k < len(words) and words[k - 1][1] == "v":
        whole = "".join(w for w, _ in words[k - 1 :])
        if len(whole) <= MAX_MEMBER and (first is None or (whole.endswith(first) and whole != first)):
            first = whole
    return first, last
