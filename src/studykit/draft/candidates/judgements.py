"""Definitions and judgements ``X是Y`` → true/false.

A clause ``X是Y`` (X a short subject, Y what it is) gives a true statement as written; a
false one puts a sibling subject X′ of another ``X′是Y′`` beside it (its sentence or the next or previous one, a subject about as long) in
X's place, and is kept only when the article nowhere says ``X′是Y``, X and X′ share no
word of two characters (so the swap changes the subject, not just its wording) and they are
siblings of one kind (:func:`_comparable`: not a whole and its member, 总要求 and 产业兴旺).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .model import Draft, place
from .text import Sentence, cite, clauses, lead

#: ``X是Y``: X 2–10 characters (no particle that makes 是 an adverb's), Y 2–30.
_JUDGEMENT_RE = re.compile(r"^(?P<x>[\u4e00-\u9fff]{2,10})是(?P<y>[^，,；;：:。！？!?]{2,30})$")
#: Characters before 是 that make it 不是, 也是, 就是, 还是, 而是 … rather than a definition.
_NOT_BEFORE = set("不也就还但而于凡总都正更则其别只可若要或即乃便真确倒算像自实")
#: Subjects that point back (这, 那) or are not a noun.
_BAD_START = (
    "这", "那", "其", "它", "此", "该", "要", "在", "对", "从", "以", "将", "把", "如", "当", "使", "让",
    "而", "但", "并", "又", "也", "还", "就", "都", "更", "且", "即", "因", "所", "若", "我", "你", "他",
)  # fmt: skip
#: Words that make X a modal phrase, not a subject.
_MODAL = ("应该", "必须", "可以", "能够", "需要", "应当", "一定", "已经", "正在", "就")
#: Adverbs that stand before 是 in place of a subject (往往是…, 归根到底是…): the subject is elsewhere.
_ADVERBS = (
    "往往", "归根到底", "归根结底", "说到底", "主要", "首先", "其次", "最终", "恰恰", "无疑", "实际上", "本质上",
    "根本上", "显然", "无非", "仍然", "依然", "始终", "一直", "通常", "本来", "大多", "多半", "原本", "毕竟", "究竟",
)  # fmt: skip
#: Question words: 哪些是应该提倡的 asks, it states nothing.
_QUESTION_WORDS = ("哪", "什么", "谁", "怎么", "怎样", "如何", "为何", "多少")
#: Times that stand before 是 where the subject is elsewhere or a day of the text (桃源村…，过去是全镇有名的
#: “后进村”; 今天是党的生日): a statement of them alone says nothing a reader can check.
_TIME_WORDS = ("过去", "现在", "今天", "如今", "目前", "当时", "以前", "从前", "后来", "今年", "去年", "明年", "当前")
#: Words that are a subject only with the topic of the clause before (推进作风建设，关键是要…).
_TOPIC_WORDS = (
    "关键", "重点", "核心", "根本", "前提", "基础", "目的", "原因", "难点", "要害", "根子", "实质", "本质",
    "要义", "落脚点", "出发点",
)  # fmt: skip
#: Predicates that say what X is to the clause before (坚持大抓基层，组织是保证): a statement keeps that
#: clause, or ``组织是保证。`` would say nothing.
_TOPIC_PREDICATES = ("保证", "保障", "关键", "基础", "前提", "根本", "核心", "重点", "动力", "支撑", "根基", "抓手")
#: Subjects naming a whole (基层党组织, 各级党组织, 广大党员): one of its kinds (农村党支部) put in its place
#: may still be true, so no false statement swaps them.
_WHOLES = ("基层", "各级", "全体", "广大", "所有")
#: Subjects naming several things (主要任务是…): a predicate running on after a ，is a list of them.
_LISTED = ("任务", "内容", "目标", "要求", "措施", "举措")
#: Longest predicate asked as a fill-in (``X是____``).
MAX_FILL = 12
#: How far (in sentences of the same part) a sibling subject is looked for.
SIBLING_DISTANCE = 1
#: Most a sibling subject's length may differ (parallel subjects are alike: 治安/安定, 地方/国家).
SIBLING_LENGTH = 2


#: A clause naming who else says what follows: ``报告指出，`` ``有关负责人介绍，`` (not 我/我们).
_REPORTED_RE = re.compile(
    r"^(?!我)[\u4e00-\u9fff]{1,20}?(?:指出|认为|介绍|表示|提出|强调|坦言|透露|说|称|告诉记者)[，,：:]$"
    r"|^在(?!我)[\u4e00-\u9fff]{2,20}看来[，,]$"  # 在村民王秀兰看来，变化最大的是人心: her view, not the article's
)


@dataclass(frozen=True)
class Judgement:
    """``X是Y`` of a sentence; ``said`` is the clause before it naming who else says it
    (``报告指出，``), kept in every stem so the statement is not put in the part's mouth."""

    sentence: Sentence
    subject: str
    predicate: str
    said: str = ""


def find_judgements(sentences: list[Sentence]) -> list[Judgement]:
    """Every clause ``X是Y`` of the sentences, in order."""
    found = []
    for s in sentences:
        spans = clauses(s.text)
        for k, (a, b) in enumerate(spans):
            clause = s.text[a:b].rstrip("，,；;：:。！？!?").lstrip("而但并且")
            m = _JUDGEMENT_RE.match(clause)
            if not m or m["x"][-1] in _NOT_BEFORE or m["x"].startswith(_BAD_START) or "是" in m["x"]:
                continue
            if any(w in m["x"] for w in _MODAL):
                continue
            if "的" in m["x"][:1] or m["y"].startswith(("否", "不", "非", "指", "说")):
                continue
            if m["x"].endswith(_LISTED) and s.text[b - 1 : b] in "，,":
                continue  # 主要任务是总结去年工作，安排部署今年任务: Y runs on, half of it is no statement
            said = s.text[spans[k - 1][0] : spans[k - 1][1]] if k else ""
            if _no_subject(m["x"], said):
                continue
            topic = _topic(s.text, spans, k) if m["y"] in _TOPIC_PREDICATES else ""  # 坚持大抓基层，组织是保证
            if not _REPORTED_RE.match(said) or (s.part.speaker and said.startswith(s.part.speaker)):
                said = ""
            said = said or topic
            found.append(Judgement(s, m["x"], m["y"], said))
    return found


def _topic(text: str, spans: list[tuple[int, int]], k: int) -> str:
    """The clause before clause ``k`` of ``text`` that its ``X是保证`` is said of (``坚持大抓基层，``), over
    the like judgements between (``乡村要振兴，产业是基础，党员是关键``: 乡村要振兴 for both); ``""`` when
    another clause with 是 stands there (``治安是底线,安定是基础``) or none."""
    while k > 0:
        k -= 1
        clause = text[spans[k][0] : spans[k][1]]
        like = _JUDGEMENT_RE.match(clause.rstrip("，,"))
        if like and like["y"] in _TOPIC_PREDICATES:
            continue
        topic = clause[-1:] in "，," and "是" not in clause and len(clause) > 4  # not 其中， 同时， 因此，
        return clause if topic else ""
    return ""


def _no_subject(x: str, before: str) -> bool:
    """Whether ``x`` (what stands before 是) is no subject of its own: an adverb (往往), a time
    (过去, 今天), a short 的 phrase (靠的, 看到的多), a question word (哪些), a topic word after a topic clause (推进作风建设，关键是…), or anything after a
    之所以 clause (之所以出现作风问题，归根到底是…): a statement of it alone would be half a sentence."""
    if x in _ADVERBS or x.startswith(_QUESTION_WORDS) or "之所以" in before:
        return True
    if x in _TIME_WORDS or re.fullmatch(r"[\u4e00-\u9fff]{1,3}的(?:多|大多|主要)?", x):
        return True  # 过去是全镇有名的“后进村”, 靠的是…, 看到的多是…: whose past, who relies, who saw?
    if re.fullmatch("第[一二三四五六七八九十]+|最后|再次", x):
        return True  # 第一是突出政治功能: a numbered point (drafted by .points), no subject
    return x in _TOPIC_WORDS and bool(before) and not _REPORTED_RE.match(before)


def _overlap(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` share a two-character word (or one holds the other)."""
    return a in b or b in a or any(a[i : i + 2] in b for i in range(len(a) - 1))


def _comparable(j: Judgement, o: Judgement) -> bool:
    """Whether ``o``'s subject may stand in ``j``'s for a false statement a reader can weigh: the two
    are siblings, not a whole and its member (总要求是产业兴旺、生态宜居… and 产业兴旺是重点: 总要求是
    重点 is no statement), so neither subject is a member of a list the other's predicate is, and
    both predicates are of one shape (a list with 、 or not)."""

    def members(predicate: str) -> set[str]:
        return {m.removesuffix("等") for m in re.split("[、和与及]", predicate)}

    if j.subject in members(o.predicate) or o.subject in members(j.predicate):
        return False
    if j.subject.startswith(_WHOLES) != o.subject.startswith(_WHOLES):
        return False  # 基层党组织 and 农村党支部: a whole and one of its kinds
    return ("、" in j.predicate) == ("、" in o.predicate)


def draft_judgements(sentences: list[Sentence], turn: Iterator[int]) -> list[Draft]:
    """A true statement per judgement, and a false one where a sibling subject fits."""
    found = find_judgements(sentences)
    article = "".join("".join(s.text.split()) for s in sentences)
    out: list[Draft] = []
    for n, j in enumerate(found):
        part, text = j.sentence.part, j.sentence.text
        fact = f"{part.id}/judgement-{n}"
        out.append(
            Draft(part.id, "true_false", f"{lead(part)}{j.said}{j.subject}是{j.predicate}。", ("true",),
                  cite(part, text, verdict="正确。"), text, "judgements", tags=("观点",), fact=fact)
        )  # fmt: skip
        siblings = sorted(
            (
                o
                for o in found
                if o is not j
                and o.sentence.part is part
                and abs(o.sentence.number - j.sentence.number) <= SIBLING_DISTANCE
                and abs(len(o.subject) - len(j.subject)) <= SIBLING_LENGTH
            ),
            key=lambda o: abs(o.sentence.number - j.sentence.number),
        )
        for o in siblings:
            x = o.subject
            if not _comparable(j, o) or (
                _overlap(x, j.subject)
                or x in j.predicate
                or f"{x}是{j.predicate}" in article
                or o.predicate == j.predicate
            ):
                continue
            out.append(
                Draft(part.id, "true_false", f"{lead(part)}{j.said}{x}是{j.predicate}。", ("false",),
                      cite(part, text, verdict=f"错误。{lead(part)}{j.said}{j.subject}是{j.predicate}。"), text, "judgements",
                      tags=("观点",), fact=fact)
            )  # fmt: skip
            break
    return out


def judgement_fallbacks(sentences: list[Sentence], drafts: list[Draft], turn: Iterator[int]) -> list[Draft]:
    """For a part that no other rule gave a fill-in or a single choice: ``X是____`` (Y of at most
    :data:`MAX_FILL` characters) and ``X是（ ）`` with the predicates of other judgements as
    distractors (other parts first; never one the article says of X)."""
    found = find_judgements(sentences)
    article = "".join("".join(s.text.split()) for s in sentences)
    kinds: dict[str, set[str]] = {}
    for d in drafts:
        kinds.setdefault(d.speech, set()).add(d.type)
    out: list[Draft] = []
    done: set[tuple[str, str]] = set()
    for n, j in enumerate(found):
        part, text = j.sentence.part, j.sentence.text
        have = kinds.get(part.id, set())
        fact = f"{part.id}/judgement-{n}"
        if "fill_blank" not in have and (part.id, "fill_blank") not in done and len(j.predicate) <= MAX_FILL:
            done.add((part.id, "fill_blank"))
            out.append(
                Draft(part.id, "fill_blank", f"{lead(part)}{j.said}{j.subject}是____。", (j.predicate,), cite(part, text),
                      text, "judgements", tags=("观点",), fact=fact)
            )  # fmt: skip
        if "single" not in have and (part.id, "single") not in done:
            others = sorted(
                (o for o in found if o.predicate != j.predicate and f"{j.subject}是{o.predicate}" not in article),
                key=lambda o: (o.sentence.part is part, abs(len(o.predicate) - len(j.predicate))),
            )
            wrong = list(dict.fromkeys(o.predicate for o in others))[:3]
            if len(wrong) >= 2:
                done.add((part.id, "single"))
                options, answer = place([j.predicate], wrong, next(turn))
                out.append(
                    Draft(part.id, "single", f"{lead(part)}{j.said}{j.subject}是（ ）", answer, cite(part, text), text,
                          "judgements", options, ("观点",), fact)
                )  # fmt: skip
    return out
