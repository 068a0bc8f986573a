"""The readable text report (the terminal's default): in Chinese, its warnings and failures too
(:func:`~._common.problem_lines`), with the ranking's and the items' columns lined up by display
width (a Chinese character two columns)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from functools import partial
from itertools import chain, islice, repeat
from operator import add, attrgetter, floordiv, sub
from typing import BinaryIO, TextIO, cast

from ...key import KeyItem
from ...typography import display_width, for_print
from ..group import GroupReport
from ..model import ItemResult
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
    distribution,
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
from .chunks import passed_count, ranked_members, read_rows
from .fragments import CodedFragments, ScoreFragments, any_missed, missed_parts, speech_parts


def render_text(report: GroupReport) -> str:
    """The report as plain text: header, group statistics (two or more members),
    then each member's score, speech breakdown and missed items with 解析."""
    buf = io.BytesIO()
    stream_text(report, buf)
    return buf.getvalue().decode("utf-8")


def write_text(report: GroupReport, stream: TextIO) -> None:
    """Write :func:`render_text`'s text to ``stream``: the header and group statistics,
    then the ranking and the members' sections a chunk of members at a time, so the whole
    text is never held in memory."""
    stream_text(report, cast(BinaryIO, DecodingWriter(stream)))


def stream_text(report: GroupReport, stream: BinaryIO) -> None:
    """Write :func:`render_text`'s text, UTF-8 encoded, to the binary ``stream`` a chunk of
    members at a time (the whole text is never held in memory).  Members' lines are joined
    from UTF-8 fragments computed once per distinct value (rank, score, item result)."""
    key = report.key
    out: list[str] = []
    title = f"测验成绩 · {key.title}" if key.title else "测验成绩"
    out.append(title)
    version = f" · 版本 {key.version}" if key.version else ""
    parts = [f"测验 {key.quiz_id}{version}", f"满分 {pts(key.total_points)} 分", *rule_part(report)]
    out.append(" · ".join([*parts, f"及格线 {pts(report.pass_mark)}%"]))
    if report.bank_note:
        out.append(f"注意：{report.bank_note}")
    if not report.rereads:
        out.append(NO_BANK)
    stream.write(_lines(out))
    if report.member_count >= 2:
        _write_group(report, stream)
    stream.write("\n个人成绩\n".encode())
    _write_members(report, stream)
    out = []
    if report.failures or report.warnings:
        out.append("")
        if report.failures:
            out.append(f"未评分（{len(report.failures)}）")
            out += [f"  {p}" for p in problem_lines(report.failures)]
        if report.warnings:
            out.append(f"警告（{len(report.warnings)}）")
            out += [f"  {p}" for p in problem_lines(report.warnings)]
    stream.write(_lines(out))


def _lines(lines: list[str]) -> bytes:
    """``lines`` each ended by a newline, UTF-8 encoded."""
    return "".join(line + "\n" for line in lines).encode()


#: Members joined per write (a few hundred KB): writes stay few, and the allocator reuses
#: the buffer instead of faulting in fresh pages each time.
_BATCH = 100


def _write_joined(stream: BinaryIO, rows: Iterator[tuple[bytes, ...]]) -> None:
    """Each of ``rows`` (a member's fragments) joined, ``_BATCH`` members per write."""
    while batch := b"".join(chain.from_iterable(islice(rows, _BATCH))):
        stream.write(batch)


def _write_group(report: GroupReport, stream: BinaryIO) -> None:
    passed = passed_count(report)
    stream.write(
        _lines(
            [
                "",
                f"{count_part(report)} · 平均 {mean_pts(report.mean)} 分 · 中位数 {pts(report.median)} 分 · "
                f"最高 {pts(report.maximum)} 分 · 最低 {pts(report.minimum)} 分 · 及格 {passed} 人",
                "",
                "排名",
            ]
        )
    )
    total = pts(report.key.total_points)
    pass_mark = report.pass_mark - 1e-9
    # a ranking line: rank, name, score, percentage and result (then a flag), each piece per distinct
    # value; the name padded to the widest (up to NAME_COLUMN display columns), so the columns after it line up
    ranks: Memo[int, bytes] = Memo(lambda rank: f"  {rank:>3}. ".encode())
    widths = display_widths(report.member_fields()[0])
    column = min(NAME_COLUMN, max(widths, default=0))
    if min(widths, default=0) == column:  # names all as wide (党员000001, …): nothing to pad
        column = 0
    digits = max(map(len, map(pts, set(report.scores()))), default=0)  # scores right-aligned

    def score(score: float, _total: float) -> str:  # the key's total, as every member's
        return f"  {pts(score):>{digits}}/{total}  "

    def result(p: float) -> str:
        return f"{pct(p, report.pass_mark):>6}  {'及格' if p >= pass_mark else '不及格'}"

    results = ScoreFragments(score, lambda p: result(p) + "\n")
    flagged = ScoreFragments(score, result)
    for rank_list, ranked_names, flags, pieces in _ranking(report, results, flagged):
        head = (
            map(ranks.__getitem__, rank_list),
            map(str.encode, padded(ranked_names, column) if column else ranked_names),
        )
        if any(flags):
            ends = (f"  {flag}\n".encode() if flag else b"\n" for flag in flags)
            _write_joined(stream, zip(*head, *pieces, ends, strict=True))
        else:
            _write_joined(stream, zip(*head, *pieces, strict=True))
    failed = ungraded_members(report)
    out = [  # members not graded (a sheet 无法评分, a row of another version) are listed, never 0 分; names line up
        f"    —  {where}  无法评分（{p.file}{f':{p.line}' if p.line else ''}，原因见“未评分”）"
        for p, where in zip(failed, padded([p.where for p in failed], column), strict=True)
    ]
    out += ["", "各题分析（通过率：得满分者的比例；区分度：高分组与低分组（各 27%）通过率之差）"]
    numbers = [f"第{s.number}题" for s in report.items]
    points = [f"{pts(s.points)}分" for s in report.items]
    number_width, points_width = max(map(len, numbers), default=0), max(map(len, points), default=0)
    for s, number, point in zip(report.items, numbers, points, strict=True):
        out.append(  # the columns line up: 第9题 and 第10题, 5分 and 10分 padded to the widest
            f"  {number.ljust(number_width)} {TYPE_NAMES[s.type]} {point.ljust(points_width)}  "
            f"通过率 {share(s.facility)}  区分度 {signed(s.discrimination)}  {distribution(s)}"
        )
    out += ["", "各篇得分（全组平均）"]
    for sp in report.speeches:
        mark = "  ← 建议重学" if sp.revisit else ""
        rate = pct(None if sp.share is None else 100 * sp.share, report.pass_mark)
        out.append(f"  {sp.label}：{mean_pts(sp.mean)}/{pts(sp.points)} 分（{rate}）{mark}")
    revisit = report.revisit
    if revisit:
        names = "、".join(f"{s.label}（{pct(100 * (s.share or 0), report.pass_mark)}）" for s in revisit)
        out.append(f"建议全组重学：{names}")
    else:
        out.append("各篇平均均达到及格线。")
    out += _article_lines(report)
    stream.write(_lines(out))


def _article_lines(report: GroupReport) -> list[str]:
    """The group's 各文章得分 section of a paper mixing articles (:func:`.articles.article_stats`);
    none for a paper of one article."""
    articles = article_stats(report)
    if not articles:
        return []
    out = ["", "各文章得分（全组平均；通过率：该文章各题通过率的平均）"]
    for a in articles:
        rate = pct(None if a.share is None else 100 * a.share, report.pass_mark)
        mark = "  ← 建议重学" if a.revisit else ""
        out.append(
            f"  {a.label}：{len(a.numbers)} 题，平均 {mean_pts(a.mean)}/{pts(a.points)} 分（{rate}），"
            f"通过率 {share(a.facility)}{mark}"
        )
    return out


#: The ranking's name column: names up to this many display columns (8 Chinese characters) line up; a
#: longer one pushes the rest of its own line only.
NAME_COLUMN = 16
#: A character outside printable ASCII (1 column, 1 UTF-8 byte) and the CJK blocks whose every character is
#: wide (2 columns, 3 bytes: CJK symbols and punctuation, ideographs, extension A, compatibility ideographs,
#: full-width forms), less the ideographic tone marks U+302A–302F (combining: 0 columns).
_NOT_PLAIN = re.compile(
    "[^\x20-\x7e\u3000-\u3029\u3030-\u303e\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6]"
)


def display_widths(names: list[str]) -> list[int]:
    """Each of ``names``' width in display columns (:func:`~studykit.typography.display_width`: a
    Chinese character 2, ASCII 1).  For a name of printable ASCII and CJK characters only it is
    ``(UTF-8 bytes + characters) / 2``, counted at C speed; others (``José``, ``阿依·买买提``) are
    measured a character at a time."""
    fast = list(map(floordiv, map(add, map(len, map(str.encode, names)), map(len, names)), repeat(2)))
    if _NOT_PLAIN.search("".join(names)) is None:
        return fast
    search = _NOT_PLAIN.search
    return [display_width(name) if search(name) else width for name, width in zip(names, fast, strict=True)]


def padded(names: list[str], column: int) -> Iterator[str]:
    """``names`` padded with spaces to ``column`` display columns (a wider one as it is)."""
    return map(str.ljust, names, map(sub, map(add, map(len, names), repeat(column)), display_widths(names)))


def _ranking(
    report: GroupReport, results: ScoreFragments, flagged: ScoreFragments
) -> Iterator[tuple[list[int], list[str], list[str], list[Iterator[bytes]]]]:
    """The ranking a chunk at a time (:func:`ranked_members`): ranks, names, flags, and the score
    fragments (``flagged``'s when a member of the chunk is flagged, else ``results``')."""
    n_items = len(report.key.items)
    for chunk in ranked_members(report):
        flags = chunk.flags(n_items)
        yield chunk.ranks, chunk.names, flags, (flagged if any(flags) else results).pieces(chunk)


def _write_members(report: GroupReport, stream: BinaryIO) -> None:
    """Each member's section, in the order read.  The speech breakdown and the 错题 lines
    come from texts computed once per distinct result (members graded from a table) or
    from the member's own items (others)."""
    coded = report.coded()
    if (
        coded is not None and coded[0] is coded_members(report)[0] and report.key.items
    ):  # every member's codes are its own
        _write_coded(report, stream)
        return
    total = pts(report.key.total_points)
    label = lambda sid: short_label(report, sid)  # noqa: E731
    hint = lambda item: _hint(report, item)  # noqa: E731
    articles = ArticleLines(report)
    label_articles = "\n  各文章：" if articles.mixed else ""
    for part in member_parts(report, read_chunks(report), label, _missed_line, hint):
        stream.write(
            "".join(
                f"\n{m.name}（{m.where}）：{score}/{total} 分，{percent}，{'及格' if ok else '不及格'}"
                f"{'，' + flag if flag else ''}\n"
                f"  各篇：{breakdown}{label_articles}{article}\n"
                + (f"  错题：\n{lines}" if lines else "  全部正确。\n")
                for (m, score, percent, ok, breakdown, lines), flag, article in zip(
                    part.rows(), part.chunk.flags(len(report.key.items)), articles.texts(part.chunk), strict=True
                )
            ).encode()
        )


_NAME, _SOURCE, _LINE, _WHERE = (attrgetter(a) for a in ("name", "source", "line", "where"))
_ALL_RIGHT, _MISSED = "\n  全部正确。\n".encode(), "\n  错题：\n".encode()


def _write_coded(report: GroupReport, stream: BinaryIO) -> None:
    """:func:`_write_members` for members all graded from one table (their codes their own):
    each member's section joined from UTF-8 fragments, each computed once per distinct value —
    score, percentage, item result, the codes of a speech's items."""
    key = report.key
    table = coded_members(report)[0]
    total = pts(key.total_points)
    pass_mark = report.pass_mark - 1e-9
    n_items = len(key.items)
    sources: Memo[str, bytes] = Memo(lambda source: f"（{source}:".encode())

    def score(score: float, _total: float) -> str:  # the key's total, as every member's
        return f"）：{pts(score)}/{total} 分，"

    def result(p: float) -> str:
        return f"{pct(p, report.pass_mark)}，{'及格' if p >= pass_mark else '不及格'}"

    results = ScoreFragments(score, lambda p: result(p) + "\n  各篇：")
    flagged = ScoreFragments(score, result)
    sizes = list(map(len, table.results))
    breakdown = CodedFragments(speech_parts(SpeechScores(report, partial(short_label, report))), sizes)
    missed = CodedFragments(missed_parts(MissedItems(report, _missed_line, partial(_hint, report))), sizes)
    missing = [[r.status != "correct" for r in item_results] for item_results in table.results]
    articles = CodedFragments(ArticleLines(report).parts("\n  各文章："), sizes)  # none for one article
    for rows in read_rows(report):
        columns, names, lines = rows.columns, rows.names, rows.lines
        if 0 in lines:  # a member without a row: its source alone
            wheres = [f"（{s}:{n}" if n else f"（{s}" for s, n in zip(rows.sources, lines, strict=True)]
            heads: tuple[Iterator[bytes], ...] = (map(str.encode, names), map(str.encode, wheres))
        else:
            heads = (map(str.encode, names), map(sources.__getitem__, rows.sources), map(b"%d".__mod__, lines))
        flags = rows.flags(n_items)
        if any(flags):
            ends = [
                flagged.by_score(rows.scores, table.total),
                (f"{'，' + flag if flag else ''}\n  各篇：".encode() for flag in flags),
            ]
        else:
            ends = [results.by_score(rows.scores, table.total)]
        _write_joined(
            stream,
            zip(
                repeat(b"\n", len(names)),
                *heads,
                *ends,
                *breakdown.pieces(columns),
                *articles.pieces(columns),
                map([_ALL_RIGHT, _MISSED].__getitem__, any_missed(missing, columns, len(names))),
                *missed.pieces(columns),
                strict=True,
            ),
        )


def _missed_line(r: ItemResult, item: KeyItem) -> str:
    """The 错题 line of ``r``, a result of ``item`` not earning full points, ended by a
    newline: the answer given and the correct one."""
    given = r.given or "（未答）"
    earned = f"，得 {pts(r.earned)} 分" if r.status == "partial" else ""
    return (
        f"    {r.number}. [{TYPE_NAMES[item.type]} {pts(item.points)}分] {STATUS_NAMES[r.status]}：作答 {given}，"
        f"正确答案 {for_print(correct_answer(item))}{earned}\n"
    )


def _hint(report: GroupReport, item: KeyItem) -> str:
    """The lines under each 错题 line of ``item``: with a bank, its 解析 and where to reread
    (each ended by a newline); ``""`` without."""
    hint = report.rereads.get(item.question_id)
    if not hint:
        return ""
    return f"       解析：{for_print(hint.explanation)}\n       重读：{hint.where}\n"
