"""The CSV report: one row per member, in ranking order (UTF-8 with BOM when written)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from itertools import repeat
from operator import attrgetter
from typing import TextIO

from ...i18n import retell
from ..group import GroupReport
from ._common import (
    Chunk,
    Memo,
    coded_members,
    percent_number,
    pts,
    ranked_chunks,
    speech_items,
    speech_sums,
    unreadable_flag,
)
from .chunks import Rows, ranked_rows
from .csv_fragments import RowTails, rows_text
from .csv_lines import FORMULA_STARTS as FORMULA_STARTS
from .csv_lines import joined_rows, neutralised, plain, row_numbers, speech_cell
from .csv_lines import neutralise as neutralise

_NAME, _SOURCE, _LINE = attrgetter("name"), attrgetter("source"), attrgetter("line")


def not_graded(reason: str) -> str:
    """The 结果 cell of a member not graded: ``无法评分：`` and the reason (once)."""
    return reason if reason.startswith("无法评分") else f"无法评分：{reason}"


def percent_of(score: float, total: float) -> float:
    """``score`` as a percentage of ``total`` (0 for none), as :attr:`MemberResult.percent` gives it."""
    return 100.0 * score / total if total else 0.0


def _fast(rows: Rows, n_items: int) -> bool:
    """Whether ``rows`` can be written from fragments: codes a byte each, no member flagged for
    unreadable items, and no name or source that needs quoting."""
    columns = rows.columns
    if not columns or type(columns[0]) is not bytes or any(unreadable_flag(u, n_items) for u in set(rows.unreadable)):
        return False
    return plain(rows.names) and plain(map(str, map(neutralise, set(rows.sources))))


def render_csv(report: GroupReport) -> str:
    """Columns: 名次, 姓名, 来源, 行, 得分, 满分, 百分比, 结果, one per speech (points
    earned), one per question (``第N题``, points earned), 错题 (numbers not earning
    full points, ``、``-joined).  After the ranking, a row per member not graded (no
    名次, no 得分; 结果 ``无法评分：`` and the reason).  Rows end in CRLF, as Excel writes them.  Text cells
    that would start a formula go through :func:`neutralise`."""
    buf = io.StringIO()
    write_csv(report, buf)
    return buf.getvalue()


def write_csv(report: GroupReport, stream: TextIO) -> None:
    """Write :func:`render_csv`'s text to ``stream``, a chunk of members at a time."""
    writer = csv.writer(stream)
    key = report.key
    writer.writerow(
        ["名次", "姓名", "来源", "行", "得分", "满分", "百分比", "结果"]
        + [neutralise(report.speech_label(s.speech)) for s in report.speeches]
        + [f"第{it.number}题" for it in key.items]
        + ["错题"]
    )
    points: Memo[float, str] = Memo(pts)
    percent: Memo[float, str] = Memo(lambda p: percent_number(p, report.pass_mark))
    pass_mark = report.pass_mark - 1e-9
    ranks: Memo[int, str] = Memo(str)
    result: Memo[float, str] = Memo(lambda p: "及格" if p >= pass_mark else "不及格")
    by_speech = speech_items(report)
    table = coded_members(report)[0]
    # a speech of several items: its cell per distinct codes of its items
    speech_texts = [Memo(speech_cell(table.earned, ks)) if len(ks) > 1 else None for ks in by_speech]
    earned_texts = [[pts(e) for e in earned] for earned in table.earned]
    missed_texts = [[f"{r.number}、" if r.status != "correct" else "" for r in results] for results in table.results]
    # every member graded from the table (each item's codes a byte), every speech with items: rows
    # from cached fragments, without the member objects
    coded = report.coded()
    own = coded is not None and coded[0] is table  # every member's codes are its own: no objects needed
    tails = RowTails(table, by_speech) if own and all(by_speech) and RowTails.fits(table) else None
    total = table.total
    # 得分 to 结果 per distinct score (one total for all)
    score_cells: Memo[float, str] = Memo(
        lambda s: f",{points[s]},{points[total]},{percent[percent_of(s, total)]},{result[percent_of(s, total)]}"
    )
    rank_cells: Memo[float, str] = Memo(lambda s: f"{report.score_ranks()[s]},")  # per score
    source_cells: Memo[str, str] = Memo(lambda s: f",{neutralise(s)},")
    chunks: Iterator[Chunk | Rows] = ranked_rows(report) if own else ranked_chunks(report)
    for got in chunks:
        if type(got) is Rows:  # the objects never made: each member's fields as the store keeps them
            if tails is not None and _fast(got, len(key.items)):
                heads = [
                    map(rank_cells.__getitem__, got.scores),
                    neutralised(got.names),
                    map(source_cells.__getitem__, got.sources),
                    row_numbers(got.lines),
                    map(score_cells.__getitem__, got.scores),
                ]
                stream.write(rows_text(heads, tails.pieces(got.columns)))  # type: ignore[arg-type]
                continue
            n = len(got.at)
            chunk_ranks, names, sources, lines = got.ranks, got.names, got.sources, got.lines
            scores, totals, columns = got.scores, [total] * n, got.columns
            percents = [percent_of(s, total) for s in scores]
            flags = [unreadable_flag(u, len(key.items)) for u in got.unreadable]
        else:
            chunk: Chunk = got  # type: ignore[assignment]
            members, columns, percents = chunk.members, chunk.columns, chunk.percents
            n = len(members)
            chunk_ranks, scores, totals = chunk.ranks, chunk.scores, chunk.totals
            names, sources, lines = list(map(_NAME, members)), list(map(_SOURCE, members)), list(map(_LINE, members))
            flags = chunk.flags(len(key.items))
        if any(flags):
            results = [
                ("及格" if p >= pass_mark else "不及格") + (f"；{flag}" if flag else "")
                for p, flag in zip(percents, flags, strict=True)
            ]
        else:
            results = list(map(result.__getitem__, percents))
        head: list[list[str]] = [
            list(map(ranks.__getitem__, chunk_ranks)),
            neutralised(names),
            neutralised(sources),
            row_numbers(lines),
            list(map(points.__getitem__, scores)),
            list(map(points.__getitem__, totals)),
            list(map(percent.__getitem__, percents)),
            results,
        ]
        item_cols = [list(map(earned_texts[k].__getitem__, col)) for k, col in enumerate(columns)]
        # a speech of one item: 0.0 + its points, printed the same as the item's
        by_speech_cols = [
            item_cols[ks[0]]
            if len(ks) == 1
            else list(map(memo.__getitem__, zip(*(columns[k] for k in ks), strict=True)))
            if memo is not None
            else list(map(points.__getitem__, speech_sums(table, ks, columns, n)))
            for ks, memo in zip(by_speech, speech_texts, strict=True)
        ]
        if columns:
            joined = map(
                "".join, zip(*(map(missed_texts[k].__getitem__, col) for k, col in enumerate(columns)), strict=True)
            )
            missed = list(map(str.rstrip, joined, repeat("、")))
        else:
            missed = [""] * n
        rows = zip(*head, *by_speech_cols, *item_cols, missed, strict=True)
        if plain(head[1]) and plain(head[2]) and plain(results):  # what csv.writer would write, joined faster
            stream.write(joined_rows(rows))
        else:
            writer.writerows(rows)
    # members not graded (a sheet 无法评分, a row of another version) close the table: never absent, never 0 分
    blank = [""] * (len(report.speeches) + len(key.items) + 1)
    writer.writerows(
        ["", neutralise(p.where), neutralise(p.file), p.line or "", "", pts(key.total_points), "",
         neutralise(not_graded(retell(p.message, "zh"))), *blank]
        for p in report.failures
        if p.where
    )  # fmt: skip
