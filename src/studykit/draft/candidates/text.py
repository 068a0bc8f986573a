"""Text helpers of the drafting rules: sentences of a part, clauses, windows, how a stem names its part."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import OPENING_LABEL, quoted
from ..split import Part, is_heading

#: A sentence: up to its end mark (and a closing quote or bracket after it).
_SENTENCE_RE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』）)]*")
#: The closing quotes or brackets a sentence's end mark may have after it (as in the pattern above).
_CLOSERS = "”’」』）)"
#: Clause delimiters at quote depth 0.
CLAUSE_MARKS = "，,；;：:"
_OPEN, _CLOSE = "“《（(「『‘", "”》）)」』’"
#: The longest sentence drafted from, in characters (the seed's longest is 133): each item quotes its
#: sentence as its source, and one "sentence" of 56,000 characters holding 4,000 一是…二是 runs drafted
#: 8,000 items quoting all of it (90 s, 9.7 GB of memory).
MAX_SENTENCE = 1000
#: Longest stem window (characters of the sentence a stem shows), when the sentence is longer.
WINDOW = 64


@dataclass(frozen=True)
class Sentence:
    """A whole sentence of a part, verbatim (``text``), with the ``part``, its 0-based ``number`` and
    ``section`` (how many heading lines of the part come before it)."""

    text: str
    part: Part
    number: int
    section: int = 0


def body_lines(part: Part) -> list[str]:
    """The part's paragraphs: its lines but headings, the byline and the reporter's credit line."""
    return [text for text, _ in _sectioned_lines(part)]


def _sectioned_lines(part: Part) -> list[tuple[str, int]]:
    """:func:`body_lines`, each with the count of heading lines before it."""
    byline = f"{part.speaker} {part.position}".strip()
    out = []
    section = 0
    for line in part.text.split("\n"):
        text = line.strip()
        if text and is_heading(text):
            section += 1
        if not text or is_heading(text) or (part.speaker and byline and text.replace("\u3000", " ") == byline):
            continue
        if part.speaker and text.startswith(part.position) and text.rstrip("：:").endswith(part.speaker):
            continue
        if re.fullmatch(r"[（(][^（）()]*(?:采访整理|整理|记者)[^（）()]*[）)]", text):
            continue
        out.append((text, section))
    return out


#: A news dateline opening a paragraph or sentence, which is the page's, not what the article says:
#: 本报讯, 新华社北京11月20日电, 本报武汉12月3日讯, 央视网消息 (a space, bracket or colon after them), each
#: with the reporters' credit after it; a credit alone, （记者 王芳 通讯员 李强）; and what separates
#: them from the sentence.  Source: the 消息 (news item) form of Chinese newspapers and agencies.
_DATELINE_RE = re.compile(
    r"^(?:(?:据)?(?:本报|新华社|中新社|[\u4e00-\u9fff]{1,8}?(?:网|报|社|台))(?:[\u4e00-\u9fff]{0,8}?\d{1,2}月\d{1,2}日)?"
    r"(?:电|讯|消息)(?=[\s\u3000（(：:])(?:[\s\u3000]*[（(][^（）()]{1,40}[）)])?"
    r"|[（(](?:本报|新华社)?(?:特约|首席|全媒体|融媒体|见习)?(?:记者|通讯员|实习生)[^（）()]{1,40}[）)])"
    r"[\s\u3000：:，,]*"
)


def without_dateline(text: str) -> str:
    """``text`` (a sentence) without the news dateline opening it (:data:`_DATELINE_RE`):
    ``本报讯 11月20日，我县召开…`` → ``11月20日，我县召开…``; ``新华社北京11月20日电 会议20日在京召开。``
    → ``会议20日在京召开。``.  What is left is still a verbatim excerpt of the part."""
    match = _DATELINE_RE.match(text)
    return text[match.end() :] if match else text


def sentences(part: Part) -> list[Sentence]:
    """The part's whole sentences (text before an end mark; a quotation's inner full stops kept inside)
    of 6 to :data:`MAX_SENTENCE` characters, numbered among all of them, but an interviewer's question
    (``问：…``); a news dateline opening one is no part of it (:func:`without_dateline`).  A question
    (…靠的是什么？) states nothing: it is left out."""
    found: list[tuple[str, int]] = []
    for line, section in _sectioned_lines(part):
        pending = ""
        last = max(map(line.rfind, "。！？!?"))  # the text after it is no sentence; searched at every
        if last < 0:  # position for an end mark that is not there, it took time quadratic in its length
            continue
        end = last + 1
        while end < len(line) and line[end] in _CLOSERS:
            end += 1
        for match in _SENTENCE_RE.finditer(line, 0, end):
            pending += match.group()
            if pending.count("“") <= pending.count("”") and pending.count("《") <= pending.count("》"):
                found.append((without_dateline(pending.strip()), section))
                pending = ""
    return [
        Sentence(text, part, n, section)
        for n, (text, section) in enumerate(found)
        if 6 <= len(text) <= MAX_SENTENCE
        and not _QUESTION_RE.match(text)
        and not text.rstrip(_CLOSERS).endswith(("？", "?"))
    ]


#: An interviewer's question (答记者问's ``问：…``, ``记者：…``): what is asked, not what the text says.
_QUESTION_RE = re.compile(r"^(?:问|记者)[:：]")


def depth_map(text: str) -> list[int]:
    """Quote/bracket depth at each character of ``text`` (0 outside “…” 《…》 （…））."""
    depth, out = 0, []
    for c in text:
        if c in _CLOSE and depth:
            depth -= 1
            out.append(depth + 1)
            continue
        out.append(depth)
        if c in _OPEN:
            depth += 1
    return out


def clauses(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of ``text``'s clauses, each ending after its delimiter (，；： or the end mark)."""
    depth = depth_map(text)
    spans, start = [], 0
    for i, c in enumerate(text):
        if depth[i] == 0 and (c in CLAUSE_MARKS or c in "。！？!?"):
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def window(text: str, start: int, end: int, limit: int = WINDOW) -> tuple[int, int]:
    """The span of whole clauses of ``text`` around ``text[start:end]``, at most ``limit`` characters
    where the sentence is longer (always at least the clause holding the span)."""
    spans = clauses(text)
    first = next(k for k, (a, b) in enumerate(spans) if b > start)
    last = held = next(k for k, (a, b) in enumerate(spans) if b >= end)
    while True:
        grown = False
        if last + 1 < len(spans) and spans[last + 1][1] - spans[first][0] <= limit:
            last += 1
            grown = True
        if first > 0 and spans[last][1] - spans[first - 1][0] <= limit:
            first -= 1
            grown = True
        if not grown:
            while last > held and _ANNOUNCING_RE.search(text[spans[last][0] : spans[last][1]]):
                last -= 1  # …进行了深入讲解，让我认识到 stops before what it came to see: no half clause
            pieces = [k for k in range(first, held) if text[spans[k][1] - 1] in "；;" and spans[k][1] <= start]
            after = spans[pieces[-1] + 1][0] if pieces else 0
            if (
                pieces
                and spans[first][0] > 0
                and text[spans[first][0] - 1] not in "；;"
                and text[after] not in _GOES_ON
            ):
                first = pieces[-1] + 1  # 憧憬着“…”；焦裕禄在兰考治理“三害”: no piece whose subject is cut off
            return _whole_members(text, start, end, spans[first][0], spans[last][1])


def _whole_members(text: str, start: int, end: int, a: int, b: int) -> tuple[int, int]:
    """The window ``(a, b)`` of ``text`` without the pieces of a ；-member it cuts: a window stopping at a
    ，inside the member after a ； (``…中选拔；在培育方面，每年…；在管理方面，`` read ``…在管理方面。``)
    ends at that ；, one starting inside a member before one starts after it; ``text[start:end]``
    (the asked words) always stays inside."""
    depth = depth_map(text)
    if b < len(text) and text[b - 1] in "，,":
        cut = max((i for i in range(end, b) if text[i] in "；;" and not depth[i]), default=-1)
        b = cut + 1 if cut >= 0 else b
    if a > 0 and text[a - 1] in "，,":
        cut = max((i for i in range(a, start) if text[i] in "；;" and not depth[i]), default=-1)
        a = cut + 1 if cut >= 0 else a
    return a, b


#: Words opening a ； piece that goes on with the subject of the piece before (我看到…；也看到…).
_GOES_ON = "也还又并而但且就都亦更再则"
#: A clause ending in a verb whose object is the clause after it (让我认识到，学习理论…): a window never
#: ends with it.
_ANNOUNCING_RE = re.compile(
    "(?:认识到|意识到|感到|感受到|体会到|看到|认为|表明|说明|指出|强调|发现|懂得|明白|深知)[，,；;：:]$"
)


#: What opens a sentence but is no part of what it says: a point's number or marker (第一，其次，), the
#: editor's note label, an interview's 答： (答记者问), a regulation's article number (第五条　), a talk's 同志们，.
_OPENING_RE = re.compile(
    r"^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[（(][1-9１-９][0-9０-９]?[）)]|[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]{1,3}、|\d{1,2}、|编者按[:：]|答[:：]"
    r"|[一二三四五六七八九十]是(?![，,。])"  # a point's 二是
    r"|[第其][一二三四五六七八九十]{1,2}[，,：:、]|(?:首先|其次|再次|最后)[，,：:]"
    r"|第[一二三四五六七八九十百零]{1,5}条[\s\u3000]+"  # a regulation's article label: 第五条　党员积分由…
    r"|(?:同志们|各位同志|同志们、朋友们|朋友们|各位代表)[，,：:！!])"  # a talk's address to its audience
)


#: A point's marker left alone at a stem piece's end (…的表率；其三，… cut after 其三).
_DANGLING_RE = re.compile(r"[，,；;：:。](?:[第其][一二三四五六七八九十]|首先|其次|再次|最后)$")


def tidy(text: str, *, end: str = "") -> str:
    """A stem piece: without a delimiter at either end, a point's number or 编者按： at its start
    (（一）深刻领悟… read as a second blank), or a point's marker left alone at its end (…；其三),
    then ``end`` (``"。"`` for statements)."""
    text = _OPENING_RE.sub("", text.strip().lstrip(CLAUSE_MARKS)).lstrip(CLAUSE_MARKS)
    text = _DANGLING_RE.sub("", text.rstrip(CLAUSE_MARKS + "。！？!?")).rstrip(CLAUSE_MARKS + "。！？!?")
    if end and text.endswith(("”", "’")) and text[:-1].endswith(("。", "！", "？")):
        return text
    return text + end


#: How the title of a document (not an article) ends: a stem names it 《…的通知》, not 《…的通知》一文.
DOCUMENT_KINDS = (
    "通知", "意见", "决定", "决议", "方案", "办法", "规定", "条例", "细则", "纲要", "公告", "通报", "报告",
    "讲话", "讲稿", "发言", "致辞", "倡议书", "公开信",
)  # fmt: skip


def who(part: Part) -> str:
    """How a stem names the part: the speaker (without the spaces a page pads a two-character name
    with: 王　刚 → 王刚), the article by its title (``《…》一文``: a paper may mix articles, and a page
    holds several), 导语, or 文章 (a text printing no title)."""
    if part.speaker:
        return "".join(part.speaker.split())
    if part.article:  # a notice or speech is named as a document (《…的通知》), an article as 《…》一文
        kind = re.sub(r"[（(](?:试行|暂行|草案|修订|修订草案|征求意见稿)[）)]$", "", part.article)  # …办法（试行）
        return f"《{_title(part)}》" + ("" if kind.endswith(DOCUMENT_KINDS) else "一文")
    return "导语" if part.id == "intro" and printed(part) else "文章"  # an untitled text's opening: 文章


def printed(part: Part) -> bool:
    """Whether ``part``'s heading is printed as a line of its own (else it is only its first words)."""
    return part.heading in (line.strip() for line in part.text.split("\n"))


def _title(part: Part) -> str:
    """The article's title as stems name it: a title line holding its subtitle (“…”——记…) without it,
    one after a WeChat column's name (学思践悟｜…) without that."""
    title = re.split("[｜|]", part.article)[-1].strip()
    title = title if len(title) >= 4 else part.article
    main = re.split("——|—{2}|－－", title, maxsplit=1)[0].strip()
    main = main if len(main) >= 4 else title
    return main.replace("《", "〈").replace("》", "〉")  # a title inside the title: 《…就〈…措施〉答记者问》


def kind(part: Part) -> str:
    """What a speaker's part is, as a stem names it: ``发言`` (a talk), or ``文章`` for a piece its
    speaker wrote (:attr:`~studykit.draft.split.Part.written`: a 体会 signed ``□ 张丽萍``)."""
    return "文章" if part.written else "发言"


def lead(part: Part) -> str:
    """The opening of a stem: ``任剑涛指出，`` / ``导语指出，`` / ``文章指出，``."""
    return f"{who(part)}指出，"


#: A sentence opening with who says it (赵德明说，, 镇党委书记吴春梅表示，, 陈立新指出：): a stem starts from
#: that speaker, not ``《…》一文指出，赵德明说，`` (not 这/我/他… nor 会议/文件…: who that is only the
#: article shows).
_SPEAKER_RE = re.compile(
    r"(?![这那此其该他她它我你])[\u4e00-\u9fff“”]{2,12}?"
    r"(?<!会议)(?<!全会)(?<!会上)(?<!文件)(?<!通知)(?<!意见)(?<!报告)(?<!讲话)(?<!决定)(?<!方案)(?<!文章)(?<!数据)"
    r"(?<!调查)(?<!研究)(?<!规定)(?<!评论)(?:说|表示|指出|强调|介绍|坦言|谈道|认为|告诉记者)[，,：:]"
)


def unstacked(stem: str, part: Part) -> str:
    """``stem`` without its lead (:func:`lead`) where what follows names who says it: an article's
    ``《…》一文指出，赵德明说，入党（ ）了`` → ``赵德明说，入党（ ）了`` (the 出处 names the article);
    a speech's stems keep their speaker (张丽萍指出，讲解员说，: whose talk it is)."""
    opening = lead(part)
    if part.speaker or not stem.startswith(opening) or not _SPEAKER_RE.match(stem, len(opening)):
        return stem
    return stem[len(opening) :]


def cite(part: Part, source: str, *, verdict: str = "") -> str:
    """An explanation citing ``source``: ``正确。见任剑涛《大都市是省域治理重要落点》：“…”``; a section of an
    article printing no title as the quiz's 出处 does (:func:`studykit.model.source_line`), ``见文章
    “一、把理论学习作为首要任务”部分：“…”``, not in 《》 as if its heading were a title; ``见文章：“…”``
    for a text printing neither title nor heading (its heading is only its first words), ``见文章开头：“…”``
    for the opening of such a text before its first section."""
    talk = part.speaker and not part.written  # a written 体会 is cited as written: 张丽萍《…》
    where = f"{who(part)}的发言《{part.heading}》" if talk else f"{who(part)}《{part.heading}》"
    shown = printed(part)  # else the heading is its first words
    if not part.speaker and not part.article and part.id != "intro":  # a section's heading is no title
        where = f"文章“{part.heading.replace('“', '‘').replace('”', '’')}”部分" if shown else "文章"
    elif not part.speaker and not part.article and not shown:
        where = OPENING_LABEL  # the opening of a text printing no title, as papers' 出处 name it
    if not part.speaker and part.article:
        where = f"《{_title(part)}》" + ("" if part.heading == part.article else f"（{part.heading}）")
    return f"{verdict}见{where}：{quoted(source)}"


def word_bounds(text: str) -> set[int]:
    """Positions in ``text`` between two words, by jieba's dictionary (shipped in its wheel; no
    download): where a list member may start or end when no particle marks it."""
    import logging

    import jieba  # type: ignore[import-untyped]

    jieba.setLogLevel(logging.WARNING)
    bounds, at = {0}, 0
    for word in jieba.cut(text, HMM=False):
        at += len(word)
        bounds.add(at)
    return bounds
