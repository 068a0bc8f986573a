"""Formatting shared by the report renderers."""

from __future__ import annotations

from ..model import GroupReport, ItemResult, ItemStats, MemberResult

TYPE_NAMES = {"single": "单选", "multiple": "多选", "true_false": "判断", "fill_blank": "填空"}
STATUS_NAMES = {
    "correct": "正确",
    "partial": "部分得分",
    "wrong": "错误",
    "unanswered": "未答",
    "unreadable": "无法识别",
}
NO_BANK = "（未加载出题所用的题库，错题不附解析和重读位置；可用 --bank 指定题库。）"
RULE_NAMES = {"all-or-nothing": "多选题全对才得分", "partial": "多选题少选得一半分、错选不得分"}


def pts(value: float | None) -> str:
    """Points as printed: ``2``, ``1.5``; ``—`` for none."""
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")


def pct(value: float | None, mark: float | None = None) -> str:
    """A percentage (0–100) as :func:`percent_number` prints it, with ``%``: ``66.7%``; ``—`` for none."""
    return "—" if value is None else f"{percent_number(value, mark)}%"


def percent_number(value: float, mark: float | None = None) -> str:
    """A percentage (0–100) with one decimal (``66.7``) — or as many more as it takes for the
    printed value to fall on the same side of the pass ``mark`` as the value itself: 61.29
    against a 61.3 mark prints ``61.29``, never a failing ``61.3``."""
    text = f"{value:.1f}"
    for digits in range(2, 8):
        if mark is None or (float(text) >= mark - 1e-9) == (value >= mark - 1e-9):
            break
        text = f"{value:.{digits}f}"
    return text


def share(value: float | None) -> str:
    """A share (0–1) with two decimals: ``0.67``."""
    return "—" if value is None else f"{value:.2f}"


def signed(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}"


def truth(value: str) -> str:
    return {"true": "正确", "false": "错误"}.get(value, value)


def distribution(stats: ItemStats) -> str:
    """``A 1 · B 2 · 其他 0 · 未答 1`` — how often each option or blank was chosen."""
    parts = [f"{truth(label)} {count}" for label, count in stats.choices[:8]]
    if len(stats.choices) > 8:
        parts.append(f"另 {len(stats.choices) - 8} 种")
    if stats.other:
        parts.append(f"其他 {stats.other}")
    if stats.unanswered:
        parts.append(f"未答 {stats.unanswered}")
    if stats.unreadable:
        parts.append(f"无法识别 {stats.unreadable}")
    return " · ".join(parts)


def missed(member: MemberResult) -> list[ItemResult]:
    """Items that did not earn full points."""
    return [r for r in member.items if r.status != "correct"]


def short_label(report: GroupReport, speech: str) -> str:
    """The speaker (or the heading of the introduction), else the speech id."""
    label = report.speech_label(speech)
    return label.split(" ", 1)[0]
