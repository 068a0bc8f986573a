"""The HTML report: one self-contained page (inline CSS, no scripts) from the Jinja2 template
``templates/report.html.j2`` (autoescaped: every text escaped),
with a bar chart of the facility index per question.

It reads on a phone: each table sits in its own horizontally scrolling box and its short
columns never wrap, so at 390 px no column is squeezed to one character (the page itself
does not scroll sideways); a stem's ``（　　）`` or ``____``, a list of answers (``A、B、C``) and
each ``D 0`` of a 作答分布 never split across lines.  Printed on A4 the tables wrap to the page
width instead, a column with nothing in it (the 各篇 table's 建议 when no speech needs rereading)
is left out, and the 通过率 bars are borders (with ``print-color-adjust: exact``), so they print
with background graphics off, the browsers' default.  Warnings and failures are in Chinese, as the
page (:func:`~._common.problem_lines`).  Means show one decimal (:func:`~._common.mean_pts`)."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterable, Sequence
from itertools import chain, islice, repeat
from operator import attrgetter
from typing import Any, BinaryIO, TextIO, cast

from ... import _templates
from ..._templates import escaped_column
from ...key import KeyItem
from ...typography import for_print
from ..group import GroupReport
from ..model import ItemResult, MemberResult
from ..scoring import correct_answer
from ._common import (
    NO_BANK,
    STATUS_NAMES,
    TYPE_NAMES,
    DecodingWriter,
    Memo,
    MissedItems,
    SpeechScores,
    coded_members,
    count_part,
    distribution_parts,
    mean_pts,
    member_parts,
    pct,
    problem_lines,
    pts,
    read_chunks,
    rule_part,
    share,
    short_label,
    signed,
    ungraded_members,
)
from .articles import ArticleLines, article_stats
from .chunks import members_read, passed_count, ranked_members
from .fragments import CodedFragments, any_missed, missed_parts, speech_parts

_TEMPLATE = "report.html.j2"

# Members written at once: a chunk's page text (several MB) built and freed at once
# costs page faults (0.3 s of system time at 100,000 members); a few hundred members' text does not.
_SLICE = 256


def render_html(report: GroupReport) -> str:
    """The report as an HTML5 page (``lang="zh-CN"``)."""
    buf = io.StringIO()
    write_html(report, buf)
    return buf.getvalue()


def write_html(report: GroupReport, stream: TextIO) -> None:
    """Write :func:`render_html`'s page to the text ``stream`` (see :func:`stream_html`)."""
    stream_html(report, cast(BinaryIO, DecodingWriter(stream)))


def stream_html(report: GroupReport, stream: BinaryIO) -> None:
    """Write :func:`render_html`'s page, UTF-8 encoded, to the binary ``stream``: the head,
    header and group statistics, then the ranking table and the members' sections a chunk of
    members at a time, so the whole page is never held in memory.  Each piece is a macro of
    the Jinja2 template ``templates/report.html.j2`` (autoescaped); a member's rows and section
    are the template's flat macros filled per member (:class:`~studykit._templates.Stamp`)."""
    page = _templates.macros(_TEMPLATE)
    key = report.key
    title = f"测验成绩 · {key.title}" if key.title else "测验成绩"
    version = f" · 版本 {key.version}" if key.version else ""
    parts = [f"测验 {key.quiz_id}{version}", f"满分 {pts(key.total_points)} 分"]
    parts += [*rule_part(report), f"及格线 {pts(report.pass_mark)}%"]
    stream.write(str(page.head(title, parts, report.bank_note, "" if report.rereads else NO_BANK)).encode())
    if report.member_count >= 2:
        _write_group(report, page, stream)
    stream.write(str(page.heading("个人成绩")).encode())
    coded = report.coded()
    if coded is not None and coded[0] is coded_members(report)[0] and key.items:  # every member's codes are its own
        _write_coded(report, page, stream)
    else:
        _write_members(report, page, stream)
    stream.write(str(page.tail(problem_lines(report.failures), problem_lines(report.warnings))).encode())


def _write_group(report: GroupReport, page: Any, stream: BinaryIO) -> None:
    passed = passed_count(report)
    total = pts(report.key.total_points)
    head = page.group_head(
        count_part(report), mean_pts(report.mean), pts(report.median), pts(report.maximum), pts(report.minimum), passed
    )
    stream.write(str(head).encode())
    points: Memo[float, str] = Memo(pts)
    percent: Memo[float, str] = Memo(lambda p: pct(p, report.pass_mark))
    pass_mark = report.pass_mark - 1e-9
    # a row's score, percent and result cells rendered once per distinct (score, percent, flag)

    def result(key: tuple[float, float, str]) -> Any:
        score, p, flag = key
        return page.ranking_result(points[score], total, percent[p], p >= pass_mark, flag)  # Markup

    results: Memo[tuple[float, float, str], Any] = Memo(result)
    row = _templates.stamp(_TEMPLATE, "ranking_row", 3)
    ranks: Memo[int, str] = Memo(str)
    for chunk in ranked_members(report):
        flags = chunk.flags(len(report.key.items))
        cells = list(map(results.__getitem__, zip(chunk.scores, chunk.percents, flags, strict=True)))
        names = escaped_column(chunk.names)
        stream.write("".join(row.rows(list(map(ranks.__getitem__, chunk.ranks)), names, cells)).encode())
    # members not graded (a sheet 无法评分, a row of another version) close the ranking, never 0 分
    stream.write(str(page.ranking_ungraded([(p.where, p.file, p.line) for p in ungraded_members(report)])).encode())
    chart = [
        (
            s.number,
            s.question_id,
            round(100 * (s.facility or 0.0), 1),
            (s.facility or 0.0) * 100 < report.pass_mark,
            share(s.facility),
        )
        for s in report.items
    ]
    items = [
        (
            s.number,
            s.question_id,
            _stem(report, s.number),
            TYPE_NAMES[s.type],
            pts(s.points),
            share(s.facility),
            signed(s.discrimination),
            distribution_parts(s),
        )
        for s in report.items
    ]
    speeches = [
        (
            sp.label,
            mean_pts(sp.mean),
            pts(sp.points),
            pct(None if sp.share is None else 100 * sp.share, report.pass_mark),
            sp.revisit,
        )
        for sp in report.speeches
    ]
    advice = any(sp.revisit for sp in report.speeches)  # no empty column when no speech needs rereading
    stream.write(str(page.group_tail(chart, items, speeches, advice)).encode())
    articles = article_stats(report)
    if articles:
        rows = [
            (
                a.label,
                len(a.numbers),
                mean_pts(a.mean),
                pts(a.points),
                pct(None if a.share is None else 100 * a.share, report.pass_mark),
                share(a.facility),
                a.revisit,
            )
            for a in articles
        ]
        stream.write(str(page.group_articles(rows, any(a.revisit for a in articles))).encode())


def _write_members(report: GroupReport, page: Any, stream: BinaryIO) -> None:
    """Each member's section, in the order read.  The speech breakdown and the list of
    missed items come from texts computed once per distinct result (members graded from
    a table) or from the member's own items (others)."""
    total = pts(report.key.total_points)
    label = lambda sid: str(page.speech_label(short_label(report, sid)))  # noqa: E731
    line = lambda r, item: _missed_line(page, r, item)  # noqa: E731
    hint = lambda item: _hint(page, report, item)  # noqa: E731

    # a member's score line rendered once per distinct (score, percent, result, flag)
    def result(key: tuple[str, str, bool, str]) -> Any:
        return page.member_result(key[0], total, key[1], key[2], key[3])  # Markup

    results: Memo[tuple[str, str, bool, str], Any] = Memo(result)
    head = _templates.stamp(_TEMPLATE, "member_head", 4)
    # a section: its head, then its missed items, or (none missed) member_all_correct
    articles = ArticleLines(report, lambda label: str(page.speech_label(label)))
    if articles.mixed:  # a paper mixing articles: the 各文章 line after the 各篇 one
        head = head + _templates.stamp(_TEMPLATE, "member_articles", 1)
    with_missed = head + _templates.stamp(_TEMPLATE, "member_missed", 1)
    all_correct = head + _templates.stamp(_TEMPLATE, "member_all_correct", 0)
    for part in member_parts(report, read_chunks(report), label, line, hint):
        members = part.chunk.members
        flags = part.chunk.flags(len(report.key.items))
        cells = list(map(results.__getitem__, zip(part.scores, part.percents, part.passed, flags, strict=True)))
        names, where = escaped_column(list(map(_NAME, members))), escaped_column(wheres(members))
        heads: list[Sequence[str]] = [names, where, cells, part.breakdowns]
        if articles.mixed:
            heads.append(articles.texts(part.chunk))
        sections = with_missed.rows(*heads, part.missed)
        for i, missed in enumerate(part.missed):
            if not missed:
                sections[i] = all_correct.row(*(column[i] for column in heads))
        for i in range(0, len(sections), _SLICE):
            stream.write("".join(sections[i : i + _SLICE]).encode())


def _write_coded(report: GroupReport, page: Any, stream: BinaryIO) -> None:
    """:func:`_write_members` for members all graded from one table (their codes their own), a
    chunk of :class:`~.chunks.Rows` at a time (no member object made): each section joined from
    UTF-8 fragments — the pieces of the flat macros around name, row, result, breakdown and missed
    items, the result per distinct score, the breakdown and the missed items per distinct codes
    (:class:`~.fragments.CodedFragments`) — the very text :func:`_write_members` writes."""
    key = report.key
    table = coded_members(report)[0]
    total, n_items, pass_mark = pts(key.total_points), len(key.items), report.pass_mark - 1e-9
    head = [p.encode() for p in _templates.stamp(_TEMPLATE, "member_head", 4).pieces]
    missed_ul = [p.encode() for p in _templates.stamp(_TEMPLATE, "member_missed", 1).pieces]
    all_correct = _templates.stamp(_TEMPLATE, "member_all_correct", 0).pieces[0].encode()
    # after the breakdown: the head's last piece, then the list's start, or (none missed) the all-correct line
    opening = [head[4] + all_correct, head[4] + missed_ul[0]]
    closing = [b"", missed_ul[1]]
    articles = ArticleLines(report, lambda label: str(page.speech_label(label)))
    art = _templates.stamp(_TEMPLATE, "member_articles", 1).pieces
    if articles.mixed:  # a paper mixing articles: the 各文章 line after the 各篇 one
        opening = [art[1].encode() + all_correct, art[1].encode() + missed_ul[0]]

    def result(score: float, flag: str = "") -> bytes:
        percent = 100.0 * score / table.total if table.total else 0.0  # as MemberResult.percent
        cell = page.member_result(pts(score), total, pct(percent, report.pass_mark), percent >= pass_mark, flag)
        return head[2] + str(cell).encode() + head[3]

    results: Memo[float, bytes] = Memo(result)
    flagged: Memo[tuple[float, str], bytes] = Memo(lambda key: result(*key))
    wheres: Memo[str, bytes] = Memo(lambda source: head[1] + html.escape(source).encode() + b":")
    alone: Memo[str, bytes] = Memo(lambda source: head[1] + html.escape(source).encode())  # a sheet: no row
    sizes = list(map(len, table.results))
    article_parts = CodedFragments(articles.parts(head[4].decode() + art[0]), sizes)  # none for one article
    label = lambda sid: str(page.speech_label(short_label(report, sid)))  # noqa: E731
    breakdown = CodedFragments(speech_parts(SpeechScores(report, label)), sizes)
    line = lambda r, item: _missed_line(page, r, item)  # noqa: E731
    missed = CodedFragments(missed_parts(MissedItems(report, line, lambda item: _hint(page, report, item))), sizes)
    missing = [[r.status != "correct" for r in results_k] for results_k in table.results]
    start = repeat(head[0])
    for rows in members_read(report):
        names, lines, columns = rows.names, rows.lines, rows.columns
        n = len(names)
        if 0 in lines:
            where: list[Iterable[bytes]] = [
                [wheres[s] + b"%d" % line if line else alone[s] for s, line in zip(rows.sources, lines, strict=True)]
            ]
        else:
            where = [map(wheres.__getitem__, rows.sources), map(b"%d".__mod__, lines)]
        flags = rows.flags(n_items)
        if any(flags):
            ends: Iterable[bytes] = map(flagged.__getitem__, zip(rows.scores, flags, strict=True))
        else:
            ends = map(results.__getitem__, rows.scores)
        any_wrong = any_missed(missing, columns, n)
        sections = zip(
            start,
            map(str.encode, escaped_column(names)),
            *where,
            ends,
            *breakdown.pieces(columns),
            *article_parts.pieces(columns),
            map(opening.__getitem__, any_wrong),
            *missed.pieces(columns),
            map(closing.__getitem__, any_wrong),
            strict=False,  # the chunk's members set the length
        )
        while batch := b"".join(chain.from_iterable(islice(sections, _SLICE))):
            stream.write(batch)


_NAME, _SOURCE, _LINE = attrgetter("name"), attrgetter("source"), attrgetter("line")


def wheres(members: list[MemberResult]) -> list[str]:
    """Each member's :attr:`~studykit.grade.model.MemberResult.where` (``file:row``, or the file for
    a sheet), read a chunk at a time."""
    lines = list(map(_LINE, members))
    if 0 in lines:
        return [m.where for m in members]
    return list(map("{}:{}".format, map(_SOURCE, members), lines))


def _missed_line(page: Any, r: ItemResult, item: KeyItem) -> str:
    """The start of the ``<li>`` of ``r``, a result of ``item`` not earning full points, in a
    member's list of missed items: the answer given and the correct one."""
    return str(
        page.missed_line(
            r.number,
            TYPE_NAMES[item.type],
            pts(item.points),
            STATUS_NAMES[r.status],
            r.given or "（未答）",
            for_print(correct_answer(item)),
            pts(r.earned) if r.status == "partial" else "",
        )
    )


def _hint(page: Any, report: GroupReport, item: KeyItem) -> str:
    """The end of each ``<li>`` of ``item``, ended by a newline: with a bank, its 解析 and
    where to reread; then ``</li>``."""
    hint = report.rereads.get(item.question_id)
    if not hint:
        return str(page.missed_hint(False, "", ""))
    return str(page.missed_hint(True, for_print(hint.explanation), hint.where))


#: The bracket a choice or true/false stem leaves for the answer (``（　　）``, ``（ ）``, ``( )``, ``（）``)
#: and a fill_blank stem's blank (``____``).
_BLANK = re.compile(r"[（(][\s\u3000]*[）)]|_{2,}")


def _bracket(match: re.Match[str]) -> str:
    """An answer bracket as the paper prints it, ``（　　）``; a blank ``____`` as it is."""
    return match.group() if match.group().startswith("_") else "（　　）"


def _stem(report: GroupReport, number: int, width: int = 40) -> list[tuple[str, bool]]:
    """Item ``number``'s stem as the 各题分析 table shows it, as ``(text, is_blank)`` parts: runs of
    white space made one space, cut to ``width`` characters with ``…`` (the question id is the
    cell's tooltip), never inside a blank; the id when the key has no stem.  Each answer bracket
    (printed ``（　　）`` as on the paper) and each blank ``____`` is a part of its own, which the
    template keeps on one line (at 390 px a ``（ ）`` split across lines reads as two stray brackets)."""
    item = report.key.item(number)
    stem = for_print(_BLANK.sub(_bracket, " ".join(item.stem.split()))) or item.question_id
    if len(stem) > width:  # cut before a blank the cut would halve
        cut = width - 1
        cut = next((m.start() for m in _BLANK.finditer(stem) if m.start() < cut < m.end()), cut)
        stem = stem[:cut] + "…"
    parts: list[tuple[str, bool]] = []
    start = 0
    for match in _BLANK.finditer(stem):
        parts += [(stem[start : match.start()], False), (match.group(), True)]
        start = match.end()
    parts.append((stem[start:], False))
    return [part for part in parts if part[0]]
