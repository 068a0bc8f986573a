"""Drafts whose words stand for someone the stem does not name, which are left undrafted.

A news report names a person once and goes on with a pronoun: ``镇党委书记李红梅作动员讲话。她要求，
全镇党员要做到…``.  Drafted as ``《…》一文指出，她要求，…`` the stem leaves 她 pointing at nobody, so an item
whose stem or option has 他/她/他们/她们 as a clause's subject is not drafted (the name is seldom in the
same clause, and a guess at it would not be the article's words).

A speaker quoted inside an article, ``陈建国在会上说：“…我们要做好三件事：一是…”``, speaks of
themself; a points stem ``《…》一文在谈到“我们要做好三件事”时`` would put their 我们 in the article's
mouth, so such a stem names the speaker by the words before 说 (``《…》一文中，村党支部书记陈建国在会上
谈到“我们要做好三件事”时``: :func:`as_speakers`), and one that cannot is not drafted (an article's own
``我们重点抓好三件事：…`` and a speech's ``李明在谈到“我谈两点认识”时`` stay as they are).

A count asked before the points it counts, ``要做到（ ）带头：一是…，二是…，三是…``, is answered by its own
stem: such a number item (and its statement, which shares its fact) is not drafted either
(:func:`shows_its_count`).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re

from ..names import COMPOUND_SURNAMES
from ..split import Part
from .model import Draft
from .text import body_lines, depth_map, who

#: 他/她/他们/她们 opening a clause (or a quotation): its subject.  他人, 他乡, 她们 … as words of
#: their own (他人 is “others”) are not a pronoun pointing back.
_PRONOUN_RE = re.compile(r"(?:^|[，,；;：:。！？!?“‘（(、])\s*[他她](?:们)?(?![人乡国山])")
#: A stem quoting its topic: ``在谈到“…”时``.
_TOPIC_RE = re.compile("在谈到“([^”]*)”时")
#: 我 or 我们 (not 我国, 我省, 我党 …: an institution's name).
_ME_RE = re.compile(r"(?<![自忘敌本])我(?![国省市县区党军校院州])")
#: A quotation opened and not closed before the topic: the topic is someone's words.
_QUOTE_RE = re.compile("“[^”]*$")


#: The clause saying who speaks, just before the quotation: ``村党支部书记陈建国在会上说：`` (``…说，`` where a
#: quotation resumes after it: “…。”镇党委书记陈晓峰说，“我们要求…”).
_SAYS_RE = re.compile(r"([^，,。；;：:“”]{2,30}?)(?:说|表示|指出|强调|介绍|坦言)[：:，,]$")


def as_speakers(draft: Draft, part: Part) -> Draft:
    """``draft`` with a points stem that names who says the quoted topic: ``《…》一文在谈到“我们要做好
    三件事”时`` of ``村党支部书记陈建国在会上说：“…我们要做好三件事：…”`` becomes ``《…》一文中，村党支部书记
    陈建国在会上谈到“我们要做好三件事”时``, the words before 说 verbatim (also after ``说，`` where a quotation
    resumes, and for a topic without 我们: the points are still the speaker's, not the article's).  Any other draft, or one whose
    quotation follows no such clause, is returned as it is (:func:`dangling` then leaves it out)."""
    name = who(part)
    topic = _TOPIC_RE.search(draft.stem)
    if draft.rule != "points" or part.speaker or topic is None or not draft.stem.startswith(f"{name}在谈到“"):
        return draft
    at = _quoted_at(draft.source, topic[1])
    says = _SAYS_RE.search(draft.source[: draft.source.rfind("“", 0, at)]) if at >= 0 else None
    if not says:
        return draft
    return dataclasses.replace(draft, stem=f"{name}中，{says[1]}谈到“" + draft.stem.removeprefix(f"{name}在谈到“"))


def _quoted_at(source: str, topic: str) -> int:
    """Where ``topic`` (a stem's quotation, its ‘…’ the source's “…”) stands inside a “…” of
    ``source``; -1 when it is not there or not quoted."""
    at = source.find(topic.replace("‘", "“").replace("’", "”"))
    return at if at >= 0 and _QUOTE_RE.search(source[:at]) is not None else -1


def dangling(draft: Draft, part: Part) -> bool:
    """Whether ``draft`` leaves a pronoun without its person (see the module): a stem or option with
    他/她/他们/她们 opening a clause, or a points stem of a part without a speaker quoting as its
    topic 我/我们 that its source sentence prints inside someone's “…” (``陈建国说：“…我们要做好三件事：…”``
    → ``在谈到“我们要做好三件事”时``)."""
    if any(_PRONOUN_RE.search(text) for text in (draft.stem, *draft.options)):
        return True
    topic = _TOPIC_RE.search(draft.stem)
    if draft.rule != "points" or part.speaker or topic is None or not _ME_RE.search(topic[1]):
        return False
    return _quoted_at(draft.source, topic[1]) >= 0  # said inside someone's “…”


#: Markers of enumerated points: 一是/二是, 一要/二要, 第一，/第二，, ①②, （1）（2）, （一）（二）, 首先/其次,
#: 一方面/另一方面.
_MARKER_RE = re.compile(
    r"[一二三四五六七八九十](?:是|要)"
    r"|第[一二三四五六七八九十][，,、]"
    r"|[①②③④⑤⑥⑦⑧⑨⑩]"
    r"|[（(][1-9一二三四五六七八九十][）)]"
    r"|首先|其次|再次|最后|另一方面|一方面"
)

#: The marker opening a run: the points begin after the number (二十届（ ）全会精神，二是… is inside one).
_FIRST = ("一是", "一要", "第一，", "第一,", "第一、", "①", "（1）", "(1)", "（一）", "(一)", "首先", "一方面")


def shows_its_count(draft: Draft) -> bool:
    """Whether ``draft`` is a number item whose stem prints, after its （ ）, a run of enumerated points
    from its first marker on (:data:`_MARKER_RE`, two or more): the points show the count it asks
    (``要做到（ ）带头：一是…，二是…，三是…`` with 两个/四个/五个/三个)."""
    if draft.rule != "numbers" or "（ ）" not in draft.stem:
        return False
    markers = [m.group() for m in _MARKER_RE.finditer(draft.stem.split("（ ）", 1)[1])]
    return bool(markers) and markers[0] in _FIRST and len(set(markers)) >= 2


#: Words a post ends with, before the name it gives (镇党委书记李红梅, 村委会主任王刚): a person named.
_POSTS = (
    "书记|主任|部长|局长|厅长|处长|科长|县长|市长|镇长|乡长|村长|区长|省长|主席|代表|委员|院长|校长|所长|站长|"
    "队长|组长|社长|馆长|经理|董事长|支书|会计|民警|教师|医生|党员|干部|专干|网格员|老人|大爷|大妈|"
    "记者|通讯员|村民|群众|农民|职工|志愿者|大学生|学生|老师|师傅|医师|护士|战士|军人|企业家|负责人"
)
#: The common single-character surnames (the 2020 census's first 120, about nine people in ten): a
#: name is read only after one of them, so 全镇党员要做到 names nobody.
COMMON_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_SURNAME = rf"(?:{'|'.join(COMPOUND_SURNAMES)}|[{COMMON_SURNAMES}])"
#: A post, then a name: a surname and one or two characters more.
_POSTED_NAME_RE = re.compile(rf"(?:{_POSTS})({_SURNAME}[\u4e00-\u9fff]{{1,2}})")
#: What follows a name printed after its post (a verb of the report, 同志, a mark, the line's end).
_AFTER_NAME = "说讲作在到带主出告介表指强要同等向和与率陪就也正深先一对为的，,。、：:；;（(“！？!?\n"
#: A singular 他/她 opening a clause (or a quotation), as :data:`_PRONOUN_RE` finds it.
_HE_RE = re.compile(r"(?:^|(?<=[，,；;：:。！？!?“‘（(、]))\s*([他她])(?![们人乡国山])")
_SENTENCE_END_RE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』）)]*")


#: Who else a name is printed with (张晓红和李强, 王刚等): more than one person.
_WITH = "和与同及、跟等"
#: A person :func:`persons` cannot read the name of (a post and a surname, then words it does not know).
UNKNOWN = "?"


def persons(text: str) -> list[str]:
    """The people ``text`` names by post and name (``镇党委书记李红梅作动员讲话`` → ``["李红梅"]``), in
    order, each once; a name read two ways (``书记王刚说：`` as 王刚 or 王刚说) is read as the shorter
    unless its third character is a report's word (说, 在, 作 …).  A post and surname whose name cannot be
    read, or a name printed with another (和, 与, 等 …), adds :data:`UNKNOWN`: someone else may be meant."""
    return list(dict.fromkeys(name for _, name in _mentions(text)))


@functools.lru_cache(maxsize=8)
def _mentions(text: str) -> tuple[tuple[int, str], ...]:
    """Where :func:`persons` finds each person of ``text``: ``(position, name)`` in order, repeats kept
    (cached: every pronoun of a part asks about the part's text up to it)."""
    found: list[tuple[int, str]] = []
    for m in _POSTED_NAME_RE.finditer(text):
        start, names = m.start(1), []
        surname = len(next(s for s in COMPOUND_SURNAMES + tuple(m[1]) if m[1].startswith(s)))
        for size in (surname + 1, surname + 2):
            name, after = text[start : start + size], text[start + size : start + size + 1]
            given = name[surname:]
            if len(name) == size and (not after or after in _AFTER_NAME) and not set(given) & set(_AFTER_NAME):
                names.append(name)
        if _word(names[0] if len(names) == 1 else text[start : start + surname + 1]):
            continue  # 党员于是…, 书记高度重视, 党员明确要求: a word, no name
        after = text[start + len(names[0]) : start + len(names[0]) + 1] if len(names) == 1 else ""
        for name in (names[0] if len(names) == 1 else UNKNOWN, *([UNKNOWN] if after and after in _WITH else [])):
            found.append((start, name))
    return tuple(found)


def is_name(text: str) -> bool:
    """Whether ``text`` (2–4 characters) reads as a person's name: a surname (:data:`COMMON_SURNAMES`,
    the compound ones) then one or two characters, no everyday word (``王刚``, not ``会议``, ``其中``)."""
    surname = next((s for s in COMPOUND_SURNAMES if text.startswith(s)), text[:1])
    return (
        surname in COMPOUND_SURNAMES + tuple(COMMON_SURNAMES)
        and 1 <= len(text) - len(surname) <= 2
        and not set(text[len(surname) :]) & set(_AFTER_NAME)
        and not _word(text)
    )


#: How often jieba's dictionary (shipped in its wheel) may count a name: 陈建国 3, 王建华 4; a word read
#: as a name after a post (党员于是…, 书记高度重视…) counts hundreds or thousands (于是 13,536).
MAX_NAME_FREQUENCY = 20


def _word(name: str) -> bool:
    """Whether ``name`` is an everyday word of jieba's dictionary rather than a person's name."""
    import logging

    import jieba  # type: ignore[import-untyped]

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return int(jieba.dt.FREQ.get(name) or 0) > MAX_NAME_FREQUENCY


def _referent(part: Part, source: str) -> str:
    """Who a singular 他/她 of ``source`` (a sentence of ``part``) is, when certain: the one person the
    sentence before it in its paragraph names, else the one person the part names up to it, the
    sentence itself naming nobody else; ``""`` when that is not certain.  In a speech written of its
    speaker (a 代表之声 part: ``王刚代表说，…。他建议，…``), the speaker, named in its paragraphs before it
    and nobody else by post and name; a speech in the first person never names its speaker there."""
    cut = part.text.find(source)
    if cut < 0:
        return ""
    line = part.text[part.text.rfind("\n", 0, cut) + 1 : cut]  # its paragraph up to it
    before, said = _sentences(line), persons(source)
    previous = persons(before[-1]) if before else []
    upto = _named_before(part.text, cut)
    for names in (previous, upto):
        if len(names) == 1 and names != [UNKNOWN] and set(said) <= set(names):
            return names[0]
    speaker = "".join(part.speaker.split())
    if not speaker:
        return ""
    body = _body(part)
    told = body[: max(body.find(source), 0)]
    return speaker if speaker in told and set(upto + said) <= {speaker} else ""


def _named_before(text: str, cut: int) -> list[str]:
    """The people :func:`persons` finds in ``text`` before position ``cut``: all of them while they are
    at most one, else two of them (enough to say it is not one person)."""
    positions, named = _prefixes(text)
    return list(named[bisect.bisect_left(positions, cut)])


@functools.lru_cache(maxsize=8)
def _prefixes(text: str) -> tuple[list[int], list[tuple[str, ...]]]:
    """For :func:`_named_before`: the mentions' positions, and before each k-th of them (and after the
    last) the names found so far, up to two."""
    positions, named, seen = [], [()], ()  # type: tuple[list[int], list[tuple[str, ...]], tuple[str, ...]]
    for start, name in _mentions(text):
        positions.append(start)
        seen = seen if name in seen or len(seen) >= 2 else (*seen, name)
        named.append(seen)
    return positions, named


@functools.lru_cache(maxsize=8)
def _body(part: Part) -> str:
    """The part's paragraphs (:func:`.text.body_lines`), one string (cached per part)."""
    return "\n".join(body_lines(part))


def _sentences(text: str) -> list[str]:
    """``text`` cut into sentences, a quotation's inner full stops kept inside its sentence."""
    out, pending = [], ""
    for m in _SENTENCE_END_RE.finditer(text):
        pending += m.group()
        if pending.count("“") <= pending.count("”"):
            out.append(pending)
            pending = ""
    return out


def with_referent(draft: Draft, part: Part) -> Draft:
    """``draft`` with a singular 他/她 opening a clause of its stem or options, outside any quotation,
    replaced by the person it certainly stands for (:func:`_referent`): ``《…》一文指出，她要求，…`` of
    ``镇党委书记李红梅作动员讲话。她要求，…`` becomes ``《…》一文指出，李红梅要求，…``; the source stays
    verbatim.  Returned as it is when there is no such pronoun or no certain person (then
    :func:`dangling` leaves it out)."""
    texts = (draft.stem, *draft.options)
    if not any(_HE_RE.search(text) for text in texts):
        return draft
    name = _referent(part, draft.source)
    if not name:
        return draft

    def swap(text: str) -> str:
        depth = depth_map(text)
        return _HE_RE.sub(lambda m: m.group()[:-1] + name if not depth[m.start(1)] else m.group(), text)

    return dataclasses.replace(draft, stem=swap(draft.stem), options=tuple(swap(o) for o in draft.options))


#: A clause saying who speaks the quotation opening right after it (``陈建国告诉记者：“``,
#: ``村委会主任李红梅说：“``): its words up to the colon, verbatim.
_SAID_BY_RE = re.compile(
    r"(?:^|[，,。；;！？!?])\s*([^，,。；;：:“”‘’]{1,30}?(?:说|说道|谈道|表示|介绍|坦言|感慨|告诉[\u4e00-\u9fff]{0,4}|强调|指出)[：:])$"
)


def said_by(text: str, at: int) -> tuple[str, int] | None:
    """Who speaks the quotation of ``text`` holding position ``at``: ``(words, open)``, the clause before
    its “ up to the colon as printed (``陈建国告诉记者：``) and where the “ stands; None when ``at`` is not
    directly inside a quotation, or the quotation follows no such clause (then it is a name or a
    formulation, such as “三会一课”, not someone's words)."""
    depth = depth_map(text)
    if depth[at] != 1:
        return None
    start = text.rfind("“", 0, at)
    if start < 0 or depth[start] or "”" in text[start:at]:
        return None
    says = _SAID_BY_RE.search(text[:start])
    return (says[1], start) if says else None


def once_named(draft: Draft, part: Part) -> Draft:
    """``draft`` without its lead ``王刚指出，`` where what follows names the speaker again (``王刚指出，王刚
    建议，…`` of ``他建议，…``; ``李芳指出，李芳委员介绍，…`` of a part written of its speaker): ``王刚建议，…``."""
    name = who(part)
    opening = f"{name}指出，"
    if part.speaker and draft.stem.startswith(opening + name):
        return dataclasses.replace(draft, stem=draft.stem.removeprefix(opening))
    return draft
