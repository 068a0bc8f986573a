"""Numbers, counts and dates → single choice with near values.

Only numbers the article prints are asked, each with the unit it prints: a date without a
year keeps no year (nothing is invented); the near values change one number by a little
(17日 → 16日, 18日; 十九届 → 十八届, 二十届; 第五场 → 第四场, 第六场).  Numbers inside
“…” or 《…》 are part of a name and left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Draft, place
from .numerals import cn_to_int, int_to_cn
from .referents import said_by
from .text import Sentence, cite, depth_map, kind, lead, tidy, who, window

_CN = "[一二两三四五六七八九十]{1,3}"
_NUMBER_RE = re.compile(
    r"(?P<date>(?P<dm>\d{1,2})月(?P<dd>\d{1,2})日)"
    r"|(?P<year>(?P<y>(?:19|20)\d{2})年)"
    r"|(?P<month>(?P<m>\d{1,2})月(?!\d))"
    rf"|(?P<plenum>(?P<pa>{_CN})届(?P<pb>{_CN})(?P<pu>中全会|次全会))"
    rf"|(?P<ordinal>第(?P<o>{_CN}|\d+)(?P<ou>场|次|届|个|批|轮|期|位|名))"
    r"|(?P<count>(?P<c>\d+(?:\.\d+)?)(?P<cx>余|多)?(?P<cu>个月|个|项|条|场次|场|支|名|位|家|所|种|类|批|次|倍|年|天|万|亿|%|％|例|人次|人|户|元|公里|件|起|亩))"
    rf"|(?P<cncount>(?P<cc>[两二三四五六七八九十]{{1,2}})(?P<ccu>个|项|条|支|大|种|类|点|方面|部分|级))"
)
#: Items per sentence.
PER_SENTENCE = 2


def _near(value: int, low: int = 1, high: int = 10**9) -> list[int]:
    """Near values of ``value`` in [low, high]: ±1, then −2, then +2."""
    return [v for v in (value - 1, value + 1, value - 2, value + 2) if low <= v <= high and v != value][:3]


def _step(value: int) -> int:
    """How far apart near values of a count are: 1 below 100, else the larger of a tenth of its
    leading digit's place and the power of ten it is a round multiple of (318 → 10, 2100 → 100,
    9000 → 1000), so a distractor reads like a number an article would print."""
    if value < 100:
        return 1
    step: int = 10 ** (len(str(value)) - 2)
    while value % (step * 10) == 0:
        step *= 10
    return step


def variants(m: re.Match[str]) -> list[str]:
    """The near values of a number match, as the article would print them."""
    if m["date"]:
        month, day = int(m["dm"]), int(m["dd"])
        out = [f"{month}月{d}日" for d in _near(day, 1, 31)[:2]]
        return [*out, *(f"{mo}月{day}日" for mo in _near(month, 1, 12)[:1])]
    if m["year"]:
        return [f"{y}年" for y in _near(int(m["y"]), 1900, 2100)]
    if m["month"]:
        return [f"{v}月" for v in _near(int(m["m"]), 1, 12)]
    if m["plenum"]:
        a, b = cn_to_int(m["pa"]), cn_to_int(m["pb"])
        if a is None or b is None:
            return []
        unit = m["pu"]
        out = [f"{int_to_cn(a)}届{int_to_cn(v)}{unit}" for v in _near(b, 1, 9)[:2]]
        return [*out, f"{int_to_cn(a - 1)}届{int_to_cn(b)}{unit}"] if a > 1 else out
    if m["ordinal"]:
        raw = m["o"]
        value = int(raw) if raw.isdigit() else cn_to_int(raw)
        if value is None:
            return []
        spell = str if raw.isdigit() else int_to_cn
        return [f"第{spell(v)}{m['ou']}" for v in _near(value, 1, 99)]
    if m["count"]:
        if not m["c"].isdigit():  # a decimal (2.3万): one unit of its last printed place either way
            places = len(m["c"].split(".")[1])
            tenths = round(float(m["c"]) * 10**places)
            near = [v for v in (tenths - 1, tenths + 1, tenths - 2, tenths + 2) if v > 0]
            shown = (f"{v / 10**places:.{places}f}".rstrip("0").rstrip(".") for v in near[:3])  # 1万, not 1.0万
            return [f"{v}{m['cx'] or ''}{m['cu']}" for v in shown]
        value = int(m["c"])
        step = _step(value)
        while m["cx"] and value and value % (step * 10) == 0:
            step *= 10  # 50多名 → 40多名, 60多名: an approximate count moves by its own round place
        near = [value + k * step for k in (-1, 1, -2, 2) if value + k * step > 0]
        return [f"{v}{m['cx'] or ''}{m['cu']}" for v in near[:3]]
    value = cn_to_int(m["cc"])
    if value is None or value < 2:
        return []
    if m["ccu"] == "大":  # a Party congress: only the ones before it have been held
        return [f"{int_to_cn(v)}大" for v in (value - 1, value - 2, value - 3) if v > 0]
    return [
        f"{'两' if v == 2 and m['ccu'] in ('个', '项', '条', '支', '种', '类', '点', '级', '方面', '部分') else int_to_cn(v)}{m['ccu']}"
        for v in _near(value, 2, 99)
    ]


def _before_a_cut_list(text: str, at: int, a: int, b: int) -> tuple[int, int]:
    """The window ``(a, b)`` of ``text`` ending at the ``：`` after position ``at`` (the number's end)
    when the window stops before the sentence does: what follows the colon is a list the window
    would cut (体现在三个方面：一是…；二是…。 stated without its 三是 read as the whole list)."""
    if text[b:].strip("。！？!?”’」』）) "):
        depth = depth_map(text)
        colon = next((i for i in range(at, b) if text[i] in "：:" and not depth[i]), -1)
        if colon >= 0:
            return a, colon + 1
    return a, b


#: The other end of a range the number closes or opens: 9月至10月, 8到10户, 2021—2025年, 2021年至2023年.
_RANGE_BEFORE = re.compile(r"(\d+)[年月日号户个名人次件项]?(?:至|到|—|－|-|～|~)$")
_RANGE_AFTER = re.compile(r"^(?:至|到|—|－|-|～|~)(\d+)")


def _in_range(variant: str, text: str, m: re.Match[str]) -> bool:
    """Whether ``variant`` (a near value of ``m``) keeps the range ``m`` ends or starts in order: the end
    of ``9月至10月`` is never 8月 nor 9月, nor the start of ``8到10户`` 10户 or 11户."""
    value = re.search(r"\d+", variant)
    if value is None:
        return True
    low, high = _RANGE_BEFORE.search(text[: m.start()]), _RANGE_AFTER.match(text[m.end() :])
    return (low is None or int(value.group()) > int(low[1])) and (high is None or int(value.group()) < int(high[1]))


def draft_numbers(sentences: list[Sentence], turn: Iterator[int]) -> list[Draft]:
    """A single choice per printed number (at most :data:`PER_SENTENCE` a sentence), and a
    statement of the clause with the number as printed (true) or with a near value (false),
    in turn."""
    out: list[Draft] = []
    giveaways: set[str] = set()
    for n, s in enumerate(sentences):
        depth = depth_map(s.text)
        taken = 0
        per: dict[int, int] = {}  # items per sentence: the sentence's own, or each of a speaker's quoted ones
        for m in _NUMBER_RE.finditer(s.text):
            before = s.text[m.start() - 1 : m.start()]
            said = said_by(s.text, m.start()) if depth[m.start()] else None  # a speaker's words: theirs
            key = max(s.text.rfind(mark, 0, m.start()) for mark in "。！？!?") if said else -1
            if per.get(key, 0) >= PER_SENTENCE or (depth[m.start()] and not said):
                continue
            if before.isdigit() or before in (".", "．", "第"):
                continue  # 第二条, 第三章: an article's or chapter's number is its label, not a fact
            if m["ordinal"] and s.text.startswith("方面", m.end()):
                continue  # 第一个方面，…: a point's marker, asked by the points rule
            wrong = [v for v in variants(m) if v not in s.text and _in_range(v, s.text, m)]
            if len(wrong) < 2:
                continue
            taken += 1
            per[key] = per.get(key, 0) + 1
            if _counts_its_list(s.text, m):  # 包括选、育、管、用（ ）方面: the stem shows the four it counts;
                giveaways.add(f"{s.part.id}/number-{n}-{taken}")  # drafted, then dropped: later statements keep turns
            options, answer = place([m.group()], wrong[:3], next(turn))
            if said:
                stem, statement = _quoted(s, m, said, wrong[0] if (len(out) // 2) % 2 else m.group())
                out.extend(_quoted_drafts(s, m, n, taken, stem, statement, options, answer, wrong[0], len(out)))
                continue
            a, b = _before_a_cut_list(s.text, m.end(), *window(s.text, m.start(), m.end()))
            stem = lead(s.part) + tidy(f"{s.text[a : m.start()]}（ ）{s.text[m.end() : b]}")
            out.append(
                Draft(s.part.id, "single", stem, answer, cite(s.part, s.text), s.text, "numbers", options,
                      ("数字",), f"{s.part.id}/number-{n}-{taken}")
            )  # fmt: skip
            truth = (len(out) // 2) % 2 == 0  # every other number: a true statement, then a false one
            shown = m.group() if truth else wrong[0]
            statement = lead(s.part) + tidy(f"{s.text[a : m.start()]}{shown}{s.text[m.end() : b]}", end="。")
            verdict = "正确。" if truth else f"错误。原文是“{m.group()}”，不是“{shown}”。"
            out.append(
                Draft(s.part.id, "true_false", statement, ("true" if truth else "false",),
                      cite(s.part, s.text, verdict=verdict), s.text, "numbers", tags=("数字",),
                      fact=f"{s.part.id}/number-{n}-{taken}")
            )  # fmt: skip
    return [d for d in out if d.fact not in giveaways]


def _quoted(s: Sentence, m: re.Match[str], said: tuple[str, int], shown: str) -> tuple[str, str]:
    """The stem and statement of a number in a speaker's words, quoted as theirs: ``《…》一文中，陈建国
    告诉记者：“我们村今年有（ ）党员，…”`` (the words before the quotation as printed, the quotation's
    window of clauses with （ ）, resp. with ``shown``, its own “” as ‘’)."""
    words, start = said
    end = s.text.find("”", m.end())
    inner = s.text[start + 1 : end if end > 0 else len(s.text)]
    at = m.start() - start - 1
    # the sentence of their words holding the number: a quotation may say several
    first = max(inner.rfind(mark, 0, at) for mark in "。！？!?") + 1
    last = min((i + 1 for i in (inner.find(mark, at) for mark in "。！？!?") if i >= 0), default=len(inner))
    inner, at = inner[first:last], at - first
    a, b = _before_a_cut_list(inner, at + len(m.group()), *window(inner, at, at + len(m.group())))
    whole = not inner[b:].strip()
    name = f"{who(s.part)}中，" if not s.part.speaker else f"{who(s.part)}在{kind(s.part)}中谈到，"

    def quote(value: str) -> str:
        text = tidy(f"{inner[a:at]}{value}{inner[at + len(m.group()) : b]}")
        text = text + inner[b - 1] if whole and inner[b - 1 : b] in "。！？!?" else text
        return f"{name}{words}“{text.replace('“', '‘').replace('”', '’')}”"

    return quote("（ ）"), quote(shown) + ("" if whole else "。")


def _quoted_drafts(
    s: Sentence, m: re.Match[str], n: int, taken: int, stem: str, statement: str,
    options: tuple[str, ...], answer: tuple[str, ...], wrong: str, made: int,
) -> list[Draft]:  # fmt: skip
    """The single choice and the statement (true or false in turn, as :func:`draft_numbers`) of a number
    in a speaker's words (:func:`_quoted`)."""
    fact = f"{s.part.id}/number-{n}-{taken}"
    truth = ((made + 1) // 2) % 2 == 0
    verdict = "正确。" if truth else f"错误。原文是“{m.group()}”，不是“{wrong}”。"
    return [
        Draft(s.part.id, "single", stem, answer, cite(s.part, s.text), s.text, "numbers", options, ("数字",), fact),
        Draft(s.part.id, "true_false", statement, ("true" if truth else "false",),
              cite(s.part, s.text, verdict=verdict), s.text, "numbers", tags=("数字",), fact=fact),
    ]  # fmt: skip


def _counts_its_list(text: str, m: re.Match[str]) -> bool:
    """Whether the number ``m`` counts the 、-list printed just before it in its clause (``主要包括选、育、
    管、用四个方面``): asked, its stem would show the members it counts."""
    raw = m["cc"] or m["c"] or ""
    value = int(raw) if raw.isdigit() else cn_to_int(raw) if raw else None
    clause = re.split("[，,；;：:。！？!?]", text[: m.start()])[-1]
    members = [x for x in re.split("[、]", clause) if x]
    quoted = re.search("(?:“[^“”]+”){2,}$", clause.removesuffix("等"))  # 从“感受”“需求”“发展”三个维度
    if quoted:
        return value == quoted.group().count("“")
    return value is not None and "、" in clause and len(members) == value
