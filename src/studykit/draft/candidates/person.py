"""Sentences in which the author speaks of themself, which no item may state or ask.

``结合工作实际，我谈两点认识。`` says how the text goes on, ``今后，我将继续扎根基层`` what its author
means to do, ``参加这次主题教育，我收获很大`` how they felt: none is a fact a reader learns from
the article, and drafted as ``文章指出，…我谈两点认识。`` it reads as the article's claim.  A
point run after such a sentence may still name it as its context (``李明在谈到“我谈两点认识”时``).
"""

from __future__ import annotations

import dataclasses
import re

from ..split import Part
from .model import LETTERS_OF, Draft
from .referents import is_name
from .text import lead, who

#: 我 or 我们 as the subject (我们支部, 我们村 …: up to three characters of what ``we`` are); 我国, 我省,
#: 我党 … name an institution, whose plans are facts.
_WE = r"我(?![国省市县区党军校院州])(?:们[\u4e00-\u9fff]{0,3}?)?(?:也|还|再|就|想|先|简要|简单|主要)?"
_I = r"我(?![们国省市县区党军校院州])(?:也|还|再|就|想|先|一定)?"
_AT = r"(?:^|[，,；;：:。])\s*"
#: 我谈两点认识, 我讲三点意见, 我简要汇报一下工作情况 (the text announcing itself); 我收获很大, 我们深受
#: 教育 (the author's feelings); 今后，我将继续扎根基层 (the author's own plans).
_ABOUT_ITSELF_RE = re.compile(
    rf"{_AT}(?:下面|借此机会|在此|这里|今天)?[，,]?{_WE}"
    r"(?:谈|讲|说|汇报|交流|分享)[^，,。；;]{0,8}?(?:体会|认识|意见|看法|感受|想法|心得|思考|感悟|情况|内容|问题)"
    # 今天，我围绕…这个主题，和大家交流三个问题: the announcing verb a clause or two after 我
    rf"|{_AT}(?:下面|借此机会|在此|这里|今天)?[，,]?{_WE}[^。！？!?]{{0,30}}?[，,](?:和|同|与|跟|向)大家(?:一起)?"
    r"(?:谈|讲|说|汇报|交流|分享)[^，,。；;]{0,8}?(?:体会|认识|意见|看法|感受|想法|心得|思考|感悟|情况|问题)"
    rf"|{_AT}{_WE}(?:收获|感触|深受|深感|倍感|受益)"
    rf"|{_AT}(?:今后|下一步|接下来|未来)?[，,]?{_I}(?:将|会继续|要继续|打算|准备|决心)"
)
_QUOTED_RE = re.compile("“[^“”]*”")
#: The author's own plans announcing points: 回到工作岗位后，我将把学习成果转化为…：一是…二是….
_PLANS_RE = re.compile(rf"{_AT}(?:今后|下一步|接下来|未来)?[，,]?{_I}(?:将|会继续|要继续|打算|准备|决心)")
#: A point's marker opening the run (一是, 第一，, （一）, ①, 首先 …).
_FIRST_POINT_RE = re.compile(r"一是|一要|第一[，,、]|[（(][一1][）)]|①|首先[，,：:]")
#: 我们村将…, 我们支部也将…: plans of the author's unit, a fact only when a named speaker says them.
_OUR_PLANS_RE = re.compile(rf"{_AT}(?:今后|下一步|接下来|未来)?[，,]?{_WE}(?:将|会继续|要继续|打算|准备|决心)")


def first_person(text: str, *, named: bool) -> bool:
    """Whether ``text`` (a stem or statement) has 我/我们 as the subject of announcing the text, of the
    author's feelings or of their own plans (see the module); 我们 plans count only when ``named`` is
    false (``文章指出，我们将…``: whose?), since ``张晓红指出，我们将实施…工程`` is what she said."""
    text = _QUOTED_RE.sub("", text)  # 在谈到“我讲三点意见”时 names the passage; a quotation is another's words
    return _ABOUT_ITSELF_RE.search(text) is not None or (not named and _OUR_PLANS_RE.search(text) is not None)


def plans_points(draft: Draft) -> bool:
    """Whether ``draft`` is a points item of a run its author announces as their own plans
    (``我将把学习成果转化为推动工作的实际行动：一是…``): what the author means to do, asked as the points of
    the section, is no fact either; a run announced ``我谈两点认识`` stays (the talk's own points)."""
    found = _FIRST_POINT_RE.search(draft.source)
    return draft.rule == "points" and found is not None and _PLANS_RE.search(draft.source[: found.start()]) is not None


def of_self(draft: Draft, *, named: bool) -> bool:
    """Whether ``draft`` states or asks what its author says of themself: a true/false statement
    holding such a clause, or an item whose stem says so up to the clause of its blank or （ ）
    (我谈（ ）认识; 我围绕…，和大家交流（ ）问题), or an option that does; an item asking the theme
    of a sentence that goes on ``我谈三点认识`` after it is kept."""
    if draft.type == "true_false":
        return first_person(draft.stem, named=named)
    at = max(draft.stem.find("____"), draft.stem.find("（ ）"))
    end = re.search("[，,；;。：:]", draft.stem[at:]) if at >= 0 else None
    asked = draft.stem[: at + end.start()] if end else draft.stem  # up to the asked clause's end
    return any(first_person(text, named=named) for text in (asked, *draft.options))


#: 我 or 我们 said by the part's author (not 我国, 我省, 我党 …: an institution's name).
_ME_RE = re.compile(r"(?<![自忘敌本])我(?![国省市县区乡镇村党军校院州])")
_ME_ALONE_RE = re.compile(r"(?<![自忘敌本])我(?![们国省市县区乡镇村党军校院州])")
#: An answer's label: the answerer's name and a colon opening the sentence (王刚：我们推出了…).
_LABEL_RE = re.compile(r"^([\u4e00-\u9fff]{2,4})[：:](?![“‘])")
#: An interview's title: who answers (县委组织部负责人), 就, the topic, 答记者问 (答问, 接受…采访).
_INTERVIEW_RE = re.compile(r"^(?P<who>[^，。；：:“”《》]{2,20}?)就.{2,80}?(?:答记者问|答问)$")
#: Rules whose stem after the part's lead is the article's own words (a window of one sentence,
#: with ____ or （ ） in a printed piece's place, or a near value in a number's).
VERBATIM_RULES = ("quotes", "titles", "lists", "clauses", "numbers", "statements")


def as_said(draft: Draft, part: Part) -> Draft:
    """``draft`` with a stem that says its first-person words are the speaker's: ``张强指出，我在调研中
    看到……`` puts the speaker's own experience in a reporting verb that reads as a claim about
    张强 (and 我 as the reader's), so the stem quotes the words as said, ``张强在发言中说：“我在调研中
    看到……”`` (their own “…” as ‘…’).  A part without a speaker does so for 我 alone (``《…》一文写道：
    “我…”``; 我们 of an article is its readers too), an interview (``…负责人就…答记者问``) for 我们 too, as its
    answerer's (``《…》一文中，县委组织部负责人说：“我们建立了…”``).  Only stems of :data:`VERBATIM_RULES` (a verbatim
    window of the source, so the quotation is true) are changed; any other draft is returned as it is."""
    opening = lead(part)
    if draft.rule not in VERBATIM_RULES or not draft.stem.startswith(opening):
        return draft
    body = draft.stem[len(opening) :]
    label = _LABEL_RE.match(body)  # 王刚：我们推出了…, an interview's answer under its answerer's name
    if label and not part.speaker and is_name(label[1]):
        rest = body[label.end() :]
        inner = rest.replace("“", "‘").replace("”", "’") + _end_mark(draft, rest)
        return dataclasses.replace(draft, stem=f"{who(part)}中，{label[1]}说：“{inner}”")
    answerer = _INTERVIEW_RE.match(part.article)  # 县委组织部负责人就…答记者问: the answers' 我们 is theirs
    me = _ME_RE if part.speaker or answerer else _ME_ALONE_RE
    if not me.search(_QUOTED_RE.sub("", body)):
        return draft
    said = f"{who(part)}在发言中说：" if part.speaker else f"{who(part)}写道："
    said = f"{who(part)}在文章中写道：" if part.written else said  # a 体会 signed □ 张丽萍 is written, not said
    said = f"{who(part)}中，{answerer['who']}说：" if answerer and not part.speaker else said
    inner = body.replace("“", "‘").replace("”", "’") + _end_mark(draft, body)
    return dataclasses.replace(draft, stem=f"{said}“{inner}”")


def _end_mark(draft: Draft, body: str) -> str:
    """The end mark (。！？) a choice stem's window stops before where it runs to its sentence's end,
    so the quotation closes as the sentence does (``…融合发展。”``); ``""`` for a stem that has its
    own, or stops inside the sentence."""
    if body[-1:] in "。！？!?":
        return ""
    tail = body.split("（ ）")[-1]
    keys = [draft.options[LETTERS_OF[x]] for x in draft.answer] if draft.options else []
    for text in [tail] if tail else keys:
        at = draft.source.find(text)
        end = at + len(text)
        if text and at >= 0 and end < len(draft.source) and draft.source[end] in "。！？!?":
            return draft.source[end]
    return ""
