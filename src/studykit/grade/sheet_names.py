"""The lines of a typed sheet that name its member rather than answer: a phone note's first line
(``张三的答案``, ``张三（第一党支部）``), a chat message's head copied with the answers (``张三 14:32``,
``【张三】 2026-12-07 14:32:10``), and a heading over the answers (``答案：``)."""

from __future__ import annotations

from .._lazy import lazy_pattern
from .sheet_lines import is_name

#: What a phone note's first line may add to the member's name (after NFKC): ``张三的答案``, ``张三答题``,
#: ``张三(第一党支部)``, ``张三 一支部``.
_NAME_TAIL = lazy_pattern(
    r"\s*(?:\([^()]{1,20}\)|(?:的)?(?:答案|答卷|答题卡?|作答)(?:如下)?\s*:?|[\s,]+\S{1,8}(?:党支部|支部|党小组))$"
)


def first_line_name(line: str) -> str | None:
    """The member's name when a sheet's first line (cleaned) is that name alone, as a phone note gives it:
    ``赵六``, ``姓名赵六``, ``张三的答案``, ``张三（第一党支部）``, ``张三 一支部``; else ``None``."""
    name = line.removeprefix("姓名").removeprefix("名字")
    name = _NAME_TAIL().sub("", name, count=1) if not is_name(name) else name
    return name if is_name(name) else None


#: A chat message's head as WeChat or QQ copies it (after NFKC): its sender, then the time, maybe a date before
#: it (``张三 14:32``, ``张三 2026/12/7 14:32``, ``【吴十】 2026-12-07 14:32:10``, ``张三 昨天 下午2:32``).
_CHAT_HEAD = lazy_pattern(
    r"^(?:【([^【】]{1,20})】|([^\s:【】]{1,20}?)(?:\(\d{5,12}\))?)\s+"
    r"(?:(?:\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}日?|\d{1,2}[-/月]\d{1,2}日?|昨天|前天|今天|星期[一二三四五六日天]|周[一二三四五六日天])\s*)?"
    r"(?:上午|下午|中午|晚上|凌晨|早上)?\s*\d{1,2}:\d{2}(?::\d{2})?$"
)


#: A heading over a sheet's answers, holding none (after NFKC): ``答案：``, ``我的答案如下：``, ``答题如下``.
_ANSWERS_HEADING = lazy_pattern(r"^(?:我的)?(?:答案|答题|作答)(?:如下)?\s*:?$")


def answers_heading(line: str) -> bool:
    """Whether ``line`` (cleaned) is a heading over the answers and nothing else (``答案：``, ``我的答案如下：``)."""
    return bool(_ANSWERS_HEADING().match(line))


def chat_sender(line: str) -> str | None:
    """The sender of a chat message whose head is ``line`` (cleaned; see :data:`_CHAT_HEAD`) when the sender is a
    name (:func:`is_name`), else ``None``."""
    m = _CHAT_HEAD().match(line)
    if m is None:
        return None
    sender = m.group(1) or m.group(2)
    return sender if is_name(sender) else None
