"""The readable text report (the terminal's default)."""

from __future__ import annotations

import io
from typing import TextIO

from ...key import KeyItem
from ...typography import for_print
from ..model import GroupReport, ItemResult
from ..scoring import correct_answer
from ._common import (
    NO_BANK,
    STATUS_NAMES,
    TYPE_NAMES,
    Memo,
    distribution,
    mean_pts,
    member_parts,
    pct,
    pts,
    ranked_chunks,
    read_chunks,
    rule_part,
    share,
    short_label,
    signed,
)
from .chunks import passed_count


def render_text(report: GroupReport) -> str:
    """The report as plain text: header, group statistics (two or more members),
    then each member's score, speech breakdown and missed items with 解析."""
    buf = io.StringIO()
    write_text(report, buf)
    return buf.getvalue()


def write_text(report: GroupReport, stream: TextIO) -> None:
    """Write :func:`render_text`'s text to ``stream``: the header and group statistics,
    then the ranking and the members' sections a chunk of members at a time, so the whole
    text is never held in memory."""
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
    if len(report.members) >= 2:
        _write_group(report, stream)
    stream.write("\n个人成绩\n")
    _write_members(report, stream)
    out = []
    if report.failures or report.warnings:
        out.append("")
        if report.failures:
            out.append(f"未评分（{len(report.failures)}）")
            out += [f"  {p}" for p in report.failures]
        if report.warnings:
            out.append(f"警告（{len(report.warnings)}）")
            out += [f"  {p}" for p in report.warnings]
    stream.write(_lines(out))


def _lines(lines: list[str]) -> str:
    """``lines`` each ended by a newline."""
    return "".join(line + "\n" for line in lines)


def _write_group(report: GroupReport, stream: TextIO) -> None:
    passed = passed_count(report)
    stream.write(
        _lines(
            [
                "",
                f"共 {len(report.members)} 人 · 平均 {mean_pts(report.mean)} 分 · 中位数 {pts(report.median)} 分 · "
                f"最高 {pts(report.maximum)} 分 · 最低 {pts(report.minimum)} 分 · 及格 {passed} 人",
                "",
                "排名",
            ]
        )
    )
    total = pts(report.key.total_points)
    points: Memo[float, str] = Memo(pts)
    percent: Memo[float, str] = Memo(lambda p: pct(p, report.pass_mark))
    pass_mark = report.pass_mark - 1e-9
    n_items = len(report.key.items)
    for chunk in ranked_chunks(report):
        stream.write(
            "".join(
                f"  {rank:>3}. {m.name}  {points[score]}/{total}  {percent[p]}  {'及格' if p >= pass_mark else '不及格'}"
                f"{'  ' + flag if flag else ''}\n"
                for rank, m, score, p, flag in zip(
                    chunk.ranks, chunk.members, chunk.scores, chunk.percents, chunk.flags(n_items), strict=True
                )
            )
        )
    out = [  # members not graded (a sheet 无法评分, a row of another version) are listed, never 0 分
        f"      —  {p.where}  无法评分（{p.file}{f':{p.line}' if p.line else ''}，原因见“未评分”）"
        for p in report.failures
        if p.where
    ]
    out += ["", "各题分析（通过率：得满分者的比例；区分度：高分组与低分组（各 27%）通过率之差）"]
    for s in report.items:
        out.append(
            f"  第{s.number}题 {TYPE_NAMES[s.type]} {pts(s.points)}分  通过率 {share(s.facility)}  "
            f"区分度 {signed(s.discrimination)}  {distribution(s)}"
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
    stream.write(_lines(out))


def _write_members(report: GroupReport, stream: TextIO) -> None:
    """Each member's section, in the order read.  The speech breakdown and the 错题 lines
    come from texts computed once per distinct result (members graded from a table) or
    from the member's own items (others)."""
    total = pts(report.key.total_points)
    label = lambda sid: short_label(report, sid)  # noqa: E731
    hint = lambda item: _hint(report, item)  # noqa: E731
    for part in member_parts(report, read_chunks(report), label, _missed_line, hint):
        stream.write(
            "".join(
                f"\n{m.name}（{m.where}）：{score}/{total} 分，{percent}，{'及格' if ok else '不及格'}"
                f"{'，' + flag if flag else ''}\n"
                f"  各篇：{breakdown}\n" + (f"  错题：\n{lines}" if lines else "  全部正确。\n")
                for (m, score, percent, ok, breakdown, lines), flag in zip(
                    part.rows(), part.chunk.flags(len(report.key.items)), strict=True
                )
            )
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
