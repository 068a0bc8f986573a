"""Chinese numerals 一 to 九十九, both ways (what near values of 第五场 or 十九届 need)."""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"


def cn_to_int(text: str) -> int | None:
    """``"十九"`` → 19, ``"两"`` → 2, ``"五"`` → 5; None for anything else or above 99."""
    text = text.replace("两", "二")
    if not text or any(c not in DIGITS + "十" for c in text):
        return None
    if "十" not in text:
        return DIGITS.index(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return None
    value = (DIGITS.index(tens) if tens else 1) * 10 + (DIGITS.index(ones) if ones else 0)
    return value if value else None


def int_to_cn(value: int) -> str:
    """19 → ``"十九"``, 5 → ``"五"``, 20 → ``"二十"`` (1 to 99)."""
    tens, ones = divmod(value, 10)
    if not tens:
        return DIGITS[ones]
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")
