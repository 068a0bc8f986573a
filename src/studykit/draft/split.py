"""Splitting an article into parts: an introduction, then speeches or sections.

Layouts recognised, tried in this order (the first that finds at least two parts wins):

1. a heading line, then a ``姓名 职务`` (or ``职务 姓名``) line, then paragraphs (a 专家发言摘编 page);
   or a heading, then ``□ 姓名`` (``文/姓名``), then paragraphs closed by ``（作者系职务）`` (a 体会 page);
   one such part alone when its byline names a post, or is the ``□ 姓名`` line under the title (one 体会);
2. a ``职务姓名：`` line, then a heading line, then paragraphs, often closed by
   ``（本报记者 …采访整理）`` (代表之声 / 干部群众谈 pages);
3. one author's text under subheadings: a regulation's ``第一章``, else ``一、…``, else ``（一）…``, else short heading
   lines without end punctuation;
4. none of these: the whole text is one part.

Text before the first part is the introduction (id ``intro``).  A part's material is its
lines exactly as received, without the blank lines around it, ending in one ``\\n``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .furniture import drop_furniture
from .names import COMPOUND_SURNAMES, name_slug

#: Characters a heading never ends with (a sentence or clause does).
END_PUNCTUATION = "。！？!?；;，,：:、…"
#: Longest heading line, in characters.
MAX_HEADING = 40
#: Longest numbered heading line (一、…) without end punctuation, in characters.
MAX_NUMBERED_HEADING = 64
#: Longest ``职务姓名：`` line (a deputy's posts can be long), in characters.
MAX_SPEAKER_LINE = 64
#: A layout-1 byline: a 2–4 character name, a space, a post without sentence punctuation.
_BYLINE_RE = re.compile(
    r"^(?P<name>[\u4e00-\u9fff][ \u3000]{1,2}[\u4e00-\u9fff]|[\u4e00-\u9fff]{2,4})[ \u3000\t]+"
    r"(?P<position>[^\s。！？；;：:，,]{2,40})$"
)  # a two-character name is often padded: 王　刚
#: Words a post ends with (职务), for telling a layout-2 ``职务姓名：`` line's post from the name.
_POST_END = (
    "书记|主任|代表|委员|院长|校长|教授|局长|厅长|部长|县长|市长|镇长|乡长|村长|区长|省长|主席|经理|"
    "董事长|工程师|医生|教师|队长|社长|站长|所长|会长|理事长|干部|党员|职工|民警|馆长|科长|处长|司令员|"
    "组长|班长|支书|专家|学者|研究员|员|长|师|者|家|工|生|人"
)
_SPEAKER_COLON_RE = re.compile(
    rf"^(?P<position>\S.*(?:{_POST_END}))[ \u3000]?"
    rf"(?P<name>(?:{'|'.join(COMPOUND_SURNAMES)})[\u4e00-\u9fff]{{1,2}}|[\u4e00-\u9fff]{{2,3}})[：:]$"
)
#: A layout-1 byline written post first (丁司垱镇党委书记　陈晓东): a post ending in a word of
#: :data:`_POST_END`, a space, a 2–3 character name (or a padded two-character one).
_BYLINE_POST_FIRST_RE = re.compile(
    rf"^(?P<position>[^\s。！？；;：:，,]{{1,38}}(?:{_POST_END}))[ \u3000\t]+"
    rf"(?P<name>[\u4e00-\u9fff][ \u3000]{{1,2}}[\u4e00-\u9fff]|[\u4e00-\u9fff]{{2,3}})$"
)
#: A byline of the name alone under a heading, after a mark or 文/作者 (□ 陈晓东, 文/陈晓东), its post
#: given in an author's note (作者系…) after the text.
_NAME_ONLY_RE = re.compile(
    r"^(?:[□■◇◆●○◎]\s*|文\s*[/／|｜]\s*|作者\s*[:：]\s*)"
    r"(?P<name>[\u4e00-\u9fff][ \u3000]{1,2}[\u4e00-\u9fff]|[\u4e00-\u9fff]{2,4})$"
)
#: An author's note: （作者系丁司垱镇党委书记）, 作者系…。 — the post of a speech's :data:`_NAME_ONLY_RE` byline.
_AUTHOR_NOTE_RE = re.compile(r"^[（(]?作者系(?P<position>[^\s。；;，,（）()]{2,40}?)。?[）)]?$")
#: A news item's credit under its heading (本报记者　周敏, 记者 黄磊 通讯员 李华): the item starts a part,
#: but a reporter is not its speaker.
_REPORTER_RE = re.compile(r"^(?:本报|新华社|人民日报)?(?:特约|首席|全媒体)?(?:记者|通讯员|实习生|见习记者)[ \u3000\t]")
#: What follows a ``…书记`` before a colon when the line is a sentence introducing a quote, not a byline.
_SAYING = ("指出", "强调", "表示", "认为", "提出", "介绍", "说道", "谈到", "坦言", "感慨", "告诉", "要求", "曾说")
#: A dateline or source line above an article (2024年03月08日 来源：…), never its title.
_DATELINE_RE = re.compile(r"\d{4}[-年./]\d{1,2}|来源[:：]|发布时间|作者[:：]")
#: How a subtitle (副题) starts: ``——基层党组织书记谈…`` under the title is never the title.
_SUBTITLE_MARKS = ("—", "－", "-")
_CN_NUMERALS = "一二三四五六七八九十"
_NUMBERED_RE = re.compile(rf"^[{_CN_NUMERALS}]{{1,3}}、")
_PAREN_NUMBERED_RE = re.compile(rf"^[（(][{_CN_NUMERALS}]{{1,3}}[）)]")
#: A chapter of a regulation (第一章　总　　则, 第二章 积分内容和标准): its 第一条 … are the chapter's text.
_CHAPTER_RE = re.compile(rf"^第[{_CN_NUMERALS}]{{1,3}}[章编]")
#: A heading line that is a point (第一，… 其二，… 首先，…), not a section's name.
_POINT_HEADING_RE = re.compile(rf"^(?:[第其][{_CN_NUMERALS}]{{1,2}}[，,、：:]|(?:首先|其次|再次|最后)[，,：:])")


@dataclass(frozen=True)
class Part:
    """One part of an article: ``id`` (``intro``, a speaker's slug, or ``part-N``), ``heading``,
    ``speaker`` and ``position`` as printed (``""`` when none), and ``text``, the material.
    ``article`` is the title of the article the part is (a news item of a page) or is a section
    of (one author's text under a title line), by which stems name it; ``""`` for a speech, a
    page's 导语, or an article printing no title."""

    id: str
    heading: str
    text: str
    speaker: str = ""
    position: str = ""
    article: str = ""

    @property
    def written(self) -> bool:
        """Whether the part is a piece its speaker wrote (a 体会, an article), not a talk: signed by the
        name alone (``□ 张丽萍``, ``文/张丽萍``, ``作者：张丽萍``) or closed by an author's note (``（作者系…）``),
        so stems and explanations cite it as written (``张丽萍在文章中写道``, ``张丽萍《…》``), not as 发言."""
        if not self.speaker:
            return False
        name = "".join(self.speaker.split())
        for line in self.text.split("\n"):
            signed = _NAME_ONLY_RE.match(line.strip())
            if (signed and "".join(signed["name"].split()) == name) or _AUTHOR_NOTE_RE.match(line.strip()):
                return True
        return False


@dataclass(frozen=True)
class Split:
    """An article split: its ``title``, the ``layout`` found (1–4, see the module), its ``parts``
    in order and the furniture lines ``dropped``."""

    title: str
    layout: int
    parts: tuple[Part, ...]
    dropped: tuple[str, ...]


def is_heading(line: str) -> bool:
    """Whether ``line`` reads as a heading: short, without a full stop, not ending in punctuation, and no
    table's row (``2025年\t23\t12``: cells a tab apart, as a table copied from Word or Excel is pasted, or
    four or more cells spaces apart, as one copied from a web page is)."""
    text = line.strip()
    if "\t" in text or len(text.split()) >= 4:  # a table's row: 2025年  23  12  410  1
        return False
    return 0 < len(text) <= MAX_HEADING and text[-1] not in END_PUNCTUATION and "。" not in text


def split_article(text: str) -> Split:
    """Split ``text`` (the article, ``\\n`` line endings) into parts; see the module for the layouts."""
    lines, dropped = drop_furniture(text.split("\n"))
    rows = [i for i, line in enumerate(lines) if line.strip()]  # indices of non-blank lines
    single = None
    for layout, find in ((1, _layout_bylines), (2, _layout_colon_speakers), (3, _layout_sections)):
        starts = find(lines, rows)
        if layout == 3 and single is not None and single[2] and starts and single[0] < starts[0][0]:
            break  # one speaker's speech under 一、二、 subheadings: one speech, its sections in it
        if len(starts) >= 2:
            return _build(lines, rows, starts, layout, dropped)
        single = _one_byline(lines, rows, starts) if layout == 1 else single
    if single is not None:
        return _build(lines, rows, [single], 1, dropped)  # one speech, or one 体会 under its byline
    title = next((lines[i].strip() for i in rows if is_heading(lines[i])), "")
    if rows and is_heading(lines[rows[0]]):  # the title line above a section name (党员生活) or dateline
        title = _title(lines, rows)
    if not title and rows:
        title = _first_phrase(lines[rows[0]])
    titled = title in (lines[i].strip() for i in rows)
    whole = Part("part-1", title, _material(lines, 0, len(lines)), article=title if titled else "")
    return Split(title, 4, (whole,), tuple(dropped))


#: A part found: (first line index, heading, speaker, position).
_Start = tuple[int, str, str, str]


def _layout_bylines(lines: list[str], rows: list[int]) -> list[_Start]:
    starts: list[_Start] = []
    noted: list[bool] = []  # whether the start's post is to come from its author's note
    for k in range(1, len(rows)):
        line, head = lines[rows[k]].strip(), lines[rows[k - 1]]
        match, only = _byline(line), None
        if _REPORTER_RE.match(line) and is_heading(head) and not _REPORTER_RE.match(head.strip()):
            starts.append((rows[k - 1], head.strip(), "", ""))  # a news item's credit: no speaker
        elif match and is_heading(head) and not _byline(head.strip()) and not _NAME_ONLY_RE.match(head.strip()):
            starts.append((rows[k - 1], head.strip(), match["name"], match["position"]))
        elif (only := _NAME_ONLY_RE.match(line)) and is_heading(head) and not _NAME_ONLY_RE.match(head.strip()):
            starts.append((rows[k - 1], head.strip(), only["name"], ""))
        noted.extend([only is not None] * (len(starts) - len(noted)))
    starts = [_over_subtitle(lines, rows, start) for start in starts]
    ends = [start[0] for start in starts[1:]] + [len(lines)] * bool(starts)
    found = [
        _with_author_note(lines, start, end) if note else start
        for start, end, note in zip(starts, ends, noted, strict=True)
    ]
    return [start for start in found if start is not None]


def _over_subtitle(lines: list[str], rows: list[int], start: _Start) -> _Start:
    """``start`` begun at the title above its heading when that heading is a subtitle (``——在全市组织工作
    会议上的讲话`` under ``凝心聚力 真抓实干…``): the speech is headed by its title, not by ``——在…``."""
    begin, heading, name, position = start
    k = rows.index(begin)
    if heading.startswith(_SUBTITLE_MARKS) and k > 0 and is_heading(lines[rows[k - 1]]):
        return rows[k - 1], lines[rows[k - 1]].strip(), name, position
    return start


#: Marks before a name-only byline (□ 陈晓东); the same marks start list items (● 强组织), so such a
#: byline counts only with its author's note.
_BULLETS = "□■◇◆●○◎"


def _with_author_note(lines: list[str], start: _Start, end: int) -> _Start | None:
    """A start whose byline gave only the name (□ 陈晓东, 文/陈晓东) with the post of its （作者系…）
    note.  Without one, a 文/ or 作者： byline keeps no speaker (a speaker needs a post printed
    with it) and a □ line is no byline at all (None): a list item under a heading."""
    begin, heading, name, _ = start
    for line in lines[begin:end]:
        note = _AUTHOR_NOTE_RE.match(line.strip())
        if note:
            return begin, heading, name, note["position"]
    byline = next((lines[i].strip() for i in range(begin + 1, end) if lines[i].strip()), "")
    return None if byline[:1] in _BULLETS else (begin, heading, "", "")


#: The position given to the author of a single article whose byline prints a name only (□ 李明):
#: the bank wants a speaker's position, and 作者 is what the byline says of them.
AUTHOR = "作者"


def _one_byline(lines: list[str], rows: list[int], starts: list[_Start]) -> _Start | None:
    """The start of an article's only speech: the byline of ``starts`` when it is the only one and
    names a post (a post ending in a word of :data:`_POST_END`, or its 作者系… note), else a
    ``□ 李明`` / ``文/李明`` line right under the first heading, its mark starting no other line,
    with the post of its （作者系…） note, or :data:`AUTHOR`."""
    if len(starts) == 1 and starts[0][2] and _posted(starts[0][3]):
        return starts[0]
    heads = [k for k in range(len(rows) - 1) if is_heading(lines[rows[k]])][:1]
    for k in heads:
        byline = lines[rows[k + 1]].strip()
        only = _NAME_ONLY_RE.match(byline)
        if only and sum(lines[i].strip().startswith(byline[0]) for i in rows) == 1:
            notes = (_AUTHOR_NOTE_RE.match(lines[i].strip()) for i in rows[k + 2 :])
            note = next((n for n in notes if n is not None), None)
            return rows[k], lines[rows[k]].strip(), only["name"], note["position"] if note else AUTHOR
    return None


def _posted(position: str) -> bool:
    """Whether ``position`` ends in a word a post ends with (:data:`_POST_END`)."""
    return re.search(f"(?:{_POST_END})$", position) is not None


def _byline(line: str) -> re.Match[str] | None:
    """``line`` as a layout-1 byline, name first (陈晓东　丁司垱镇党委书记) or post first
    (丁司垱镇党委书记　陈晓东); None if it is neither.  A line read both ways (县委书记　张国华: a
    four-character "name" and a "post") is post first when only that reading ends in a post."""
    first, post = _BYLINE_RE.match(line), _BYLINE_POST_FIRST_RE.match(line)
    if first and post and _posted(post["position"]) and not _posted(first["position"]):
        return post
    return first or post


def _layout_colon_speakers(lines: list[str], rows: list[int]) -> list[_Start]:
    starts: list[_Start] = []
    for k in range(len(rows) - 1):
        line = lines[rows[k]].strip()
        match = _SPEAKER_COLON_RE.match(line) if len(line) <= MAX_SPEAKER_LINE else None
        if match and match["name"] not in _SAYING and is_heading(lines[rows[k + 1]]):
            starts.append((rows[k], lines[rows[k + 1]].strip(), match["name"], match["position"]))
    return starts


def _layout_sections(lines: list[str], rows: list[int]) -> list[_Start]:
    for pattern in (_CHAPTER_RE, _NUMBERED_RE, _PAREN_NUMBERED_RE):
        found = [i for i in rows if pattern.match(lines[i].strip()) and _short_line(lines[i])]
        if len(found) >= 2:
            return [(i, lines[i].strip(), "", "") for i in found]
    found = []
    for k in range(1, len(rows) - 1):
        before, line, after = lines[rows[k - 1]], lines[rows[k]], lines[rows[k + 1]]
        # a heading with a subheading right under it (二、狠抓落实 / 第一，压实责任) opens its section too
        under = k + 2 < len(rows) and len(after.strip()) <= 25 and not is_heading(lines[rows[k + 2]])
        if is_heading(line) and len(line.strip()) <= 25 and not is_heading(before) and (not is_heading(after) or under):
            found.append(rows[k])
    topics = [i for i in found if not _POINT_HEADING_RE.match(lines[i].strip())]
    if topics and len(topics) < len(found) and any(_POINT_HEADING_RE.match(lines[i].strip()) for i in rows):
        found = topics  # 第二，明确目标要求 between paragraphs is a point of its section, not a section
    return [(i, lines[i].strip(), "", "") for i in found]


def _short_line(line: str) -> bool:
    """A numbered line that is a subheading, not a numbered paragraph: short, no full stop inside;
    or up to :data:`MAX_NUMBERED_HEADING` long without any sentence's end (一、进一步提高政治站位和
    思想认识，切实增强…的责任感使命感紧迫感: a speech's long heading, its first point right under it)."""
    text = line.strip()
    if text[-1:] in "；;，,、":
        return False  # （一）参加组织生活情况，…，计20分；: an item of a list running on to the next line
    if len(text) <= MAX_HEADING and "。" not in text[:-1]:
        return True
    return (
        len(text) <= MAX_NUMBERED_HEADING and text[-1] not in END_PUNCTUATION and not re.search("[。！？!?；;]", text)
    )


def _build(lines: list[str], rows: list[int], starts: list[_Start], layout: int, dropped: list[str]) -> Split:
    parts: list[Part] = []
    first = starts[0][0]
    intro_rows = [i for i in rows if i < first]
    title = _title(lines, intro_rows) or starts[0][1]
    # one author's sections are named by the article's title line; a page's items by their own headings
    article = title if layout == 3 and title in (lines[i].strip() for i in intro_rows) else ""
    if intro_rows:
        parts.append(Part("intro", title, _material(lines, 0, first), article=article))
    used: dict[str, int] = {}
    for n, (begin, heading, speaker, position) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        base = name_slug(speaker) if speaker else f"part-{n + 1}"
        used[base] = used.get(base, 0) + 1
        sid = base if used[base] == 1 else f"{base}-{used[base]}"
        named = "" if speaker else article or (heading if layout == 1 else "")
        parts.append(Part(sid, heading, _material(lines, begin, end), speaker, position, named))
    return Split(title, layout, tuple(parts), tuple(dropped))


def _title(lines: list[str], intro_rows: list[int]) -> str:
    """The introduction's heading: the longest heading line before its first paragraph (the last of
    equals), not a section name such as 党员生活, a byline above or below it, or a subtitle
    (副题, ``——…`` under the title)."""
    title = ""
    for i in intro_rows:
        if not is_heading(lines[i]):
            break
        text = lines[i].strip()
        byline = _byline(text)  # 新华社记者　赵军, 陈晓东　镇党委书记: a credit, never the title
        credit = _REPORTER_RE.match(text) or _NAME_ONLY_RE.match(text) or (byline and _posted(byline["position"]))
        if len(text) >= len(title) and not _DATELINE_RE.search(text) and not text.startswith(_SUBTITLE_MARKS):
            title = title if credit else text
    if not title and intro_rows:
        title = _first_phrase(lines[intro_rows[0]])
    return title


def _first_phrase(line: str) -> str:
    """The start of ``line`` up to its first punctuation mark: a heading for a part that prints none."""
    return re.split(rf"[{re.escape(END_PUNCTUATION)}]", line.strip(), maxsplit=1)[0][:MAX_HEADING] or line.strip()


def _material(lines: list[str], begin: int, end: int) -> str:
    """Lines ``begin`` to ``end`` as a material file: blank lines at either end left out, one ``\\n`` at the end."""
    chunk = lines[begin:end]
    while chunk and not chunk[0].strip():
        chunk.pop(0)
    while chunk and not chunk[-1].strip():
        chunk.pop()
    return "\n".join(chunk) + "\n"
