"""The HTML report: one self-contained page (inline CSS, no scripts), every text escaped,
with a bar chart of the facility index per question.

It reads on a phone: each table sits in its own horizontally scrolling box and its short
columns never wrap, so at 390 px no column is squeezed to one character (the page itself
does not scroll sideways).  Printed on A4 the tables wrap to the page width instead, and a
column with nothing in it (the 各篇 table's 建议 when no speech needs rereading) is left out.
Means show one decimal (:func:`~._common.mean_pts`)."""

from __future__ import annotations

import io
from html import escape
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

_CSS = """
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:60em;padding:0 1em}
body{color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.25em .6em;text-align:left}
.scroll{overflow-x:auto;max-width:100%}td,th{white-space:nowrap}td.wrap{white-space:normal;min-width:14em}
th{background:#f4f4f4}.num{text-align:right}.fail{color:#b00}.note{background:#fff4d6;padding:.5em}
.chart{display:grid;grid-template-columns:5em 1fr 4em;gap:.2em .5em;align-items:center;max-width:40em}
.track{background:#eee;height:1em}.bar{background:#3a7bd5;height:1em}.bar.low{background:#d9534f}
.miss{margin:.3em 0 .8em 1em}.hint{color:#555;margin-left:1.5em}
@media (max-width:30em){body{margin:1em auto;padding:0 .6em}.chart{grid-template-columns:4em 1fr 3em}}
@page{size:A4;margin:15mm 12mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}.scroll{overflow:visible}
table{width:100%}td.wrap{min-width:0}tr,.chart>*{break-inside:avoid}h2,h3{break-after:avoid}}
"""


def render_html(report: GroupReport) -> str:
    """The report as an HTML5 page (``lang="zh-CN"``)."""
    buf = io.StringIO()
    write_html(report, buf)
    return buf.getvalue()


def write_html(report: GroupReport, stream: TextIO) -> None:
    """Write :func:`render_html`'s page to ``stream``: the head, header and group statistics,
    then the ranking table and the members' sections a chunk of members at a time, so the
    whole page is never held in memory."""
    key = report.key
    title = f"测验成绩 · {key.title}" if key.title else "测验成绩"
    version = f" · 版本 {key.version}" if key.version else ""
    stream.write(
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
    )
    parts = [f"测验 {escape(key.quiz_id)}{escape(version)}", f"满分 {pts(key.total_points)} 分"]
    parts += [*map(escape, rule_part(report)), f"及格线 {pts(report.pass_mark)}%"]
    body: list[str] = [f"<h1>{escape(title)}</h1>", f"<p>{' · '.join(parts)}</p>"]
    if report.bank_note:
        body.append(f'<p class="note">注意：{escape(report.bank_note)}</p>')
    if not report.rereads:
        body.append(f'<p class="note">{escape(NO_BANK)}</p>')
    stream.write(_lines(body))
    if len(report.members) >= 2:
        _write_group(report, stream)
    stream.write("<h2>个人成绩</h2>\n")
    _write_members(report, stream)
    body = []
    if report.failures:
        body.append(f"<h2>未评分（{len(report.failures)}）</h2><ul>")
        body += [f"<li>{escape(str(p))}</li>" for p in report.failures]
        body.append("</ul>")
    if report.warnings:
        body.append(f"<h2>警告（{len(report.warnings)}）</h2><ul>")
        body += [f"<li>{escape(str(p))}</li>" for p in report.warnings]
        body.append("</ul>")
    stream.write(_lines(body))
    stream.write("</body>\n</html>\n")


def _lines(lines: list[str]) -> str:
    """``lines`` each ended by a newline."""
    return "".join(line + "\n" for line in lines)


def _write_group(report: GroupReport, stream: TextIO) -> None:
    passed = sum(report.passed(m) for m in report.members)
    total = pts(report.key.total_points)
    stream.write(
        _lines(
            [
                "<h2>全组概况</h2>",
                f"<p>共 {len(report.members)} 人 · 平均 {mean_pts(report.mean)} 分 · 中位数 {pts(report.median)} 分 · "
                f"最高 {pts(report.maximum)} 分 · 最低 {pts(report.minimum)} 分 · 及格 {passed} 人</p>",
                "<h2>排名</h2>",
                '<div class="scroll"><table><tr><th>名次</th><th>姓名</th><th>得分</th><th>百分比</th><th>结果</th></tr>',
            ]
        )
    )
    points: Memo[float, str] = Memo(pts)
    percent: Memo[float, str] = Memo(lambda p: pct(p, report.pass_mark))
    pass_mark = report.pass_mark - 1e-9
    for chunk in ranked_chunks(report):
        stream.write(
            "".join(
                f'<tr><td class="num">{rank}</td><td>{escape(m.name)}</td><td class="num">{points[score]}/{total}</td>'
                f'<td class="num">{percent[p]}</td>{_result_cell(p >= pass_mark, flag)}</tr>\n'
                for rank, m, score, p, flag in zip(
                    chunk.ranks,
                    chunk.members,
                    chunk.scores,
                    chunk.percents,
                    chunk.flags(len(report.key.items)),
                    strict=True,
                )
            )
        )
    out = ["</table></div>"]
    out.append("<h2>各题通过率</h2>")
    out.append('<div class="chart">')
    for s in report.items:
        width = round(100 * (s.facility or 0.0), 1)
        low = " low" if (s.facility or 0.0) * 100 < report.pass_mark else ""
        out.append(
            f"<span>第{s.number}题</span>"
            f'<div class="track" title="{escape(s.question_id)}">'
            f'<div class="bar{low}" style="width:{width}%"></div></div>'
            f'<span class="num">{share(s.facility)}</span>'
        )
    out.append("</div>")
    out.append(
        "<h2>各题分析</h2><p>通过率：得满分者的比例；区分度：高分组与低分组（各 27%）通过率之差。</p>"
        '<div class="scroll"><table><tr><th>题号</th><th>题目</th><th>类型</th><th>分值</th><th>通过率</th><th>区分度</th><th>作答分布</th></tr>'
    )
    for s in report.items:
        out.append(
            f'<tr><td class="num">{s.number}</td><td class="wrap" title="{escape(s.question_id)}">{escape(_stem(report, s.number))}</td>'
            f"<td>{TYPE_NAMES[s.type]}</td>"
            f'<td class="num">{pts(s.points)}</td><td class="num">{share(s.facility)}</td>'
            f'<td class="num">{signed(s.discrimination)}</td><td class="wrap">{escape(distribution(s))}</td></tr>'
        )
    out.append("</table></div>")
    advice = any(sp.revisit for sp in report.speeches)  # no empty column when no speech needs rereading
    out.append(
        '<h2>各篇得分（全组平均）</h2><div class="scroll"><table><tr><th>篇目</th><th>平均得分</th><th>得分率</th>'
        + ("<th>建议</th>" if advice else "")
        + "</tr>"
    )
    for sp in report.speeches:
        rate = pct(None if sp.share is None else 100 * sp.share, report.pass_mark)
        flag = ('<td class="fail">建议重学</td>' if sp.revisit else "<td></td>") if advice else ""
        out.append(
            f'<tr><td>{escape(sp.label)}</td><td class="num">{mean_pts(sp.mean)}/{pts(sp.points)}</td>'
            f'<td class="num">{rate}</td>{flag}</tr>'
        )
    out.append("</table></div>")
    stream.write(_lines(out))


_PASSED_CELL = "<td>及格</td>"
_FAILED_CELL = '<td class="fail">不及格</td>'
_FAILED = '<span class="fail">不及格</span>'


def _flag_span(flag: str) -> str:
    """After a member's score: the flag of a sheet mostly unreadable (``""`` without)."""
    return f'，<span class="fail">{escape(flag)}</span>' if flag else ""


def _result_cell(passed: bool, flag: str) -> str:
    """The ranking's 结果 cell: 及格/不及格, and the flag of a sheet mostly unreadable."""
    if not flag:
        return _PASSED_CELL if passed else _FAILED_CELL
    return f'<td class="fail">{"及格" if passed else "不及格"}；{escape(flag)}</td>'


def _write_members(report: GroupReport, stream: TextIO) -> None:
    """Each member's section, in the order read.  The speech breakdown and the list of
    missed items come from texts computed once per distinct result (members graded from
    a table) or from the member's own items (others)."""
    total = pts(report.key.total_points)
    label = lambda sid: escape(short_label(report, sid))  # noqa: E731
    hint = lambda item: _hint(report, item)  # noqa: E731
    for part in member_parts(report, read_chunks(report), label, _missed_line, hint):
        stream.write(
            "".join(
                f"<h3>{escape(m.name)} <small>（{escape(m.where)}）</small></h3>\n"
                f"<p>{score}/{total} 分，{percent}，{'及格' if ok else _FAILED}"
                f"{_flag_span(flag)}</p>\n"
                f"<p>各篇：{breakdown}</p>\n" + (f"<ul>\n{items}</ul>\n" if items else "<p>全部正确。</p>\n")
                for (m, score, percent, ok, breakdown, items), flag in zip(
                    part.rows(), part.chunk.flags(len(report.key.items)), strict=True
                )
            )
        )


def _missed_line(r: ItemResult, item: KeyItem) -> str:
    """The start of the ``<li>`` of ``r``, a result of ``item`` not earning full points, in a
    member's list of missed items: the answer given and the correct one."""
    earned = f"，得 {pts(r.earned)} 分" if r.status == "partial" else ""
    return (
        f'<li class="miss">{r.number}. [{TYPE_NAMES[item.type]} {pts(item.points)}分] {STATUS_NAMES[r.status]}：'
        f"作答 {escape(r.given or '（未答）')}，正确答案 {escape(for_print(correct_answer(item)))}{earned}"
    )


def _hint(report: GroupReport, item: KeyItem) -> str:
    """The end of each ``<li>`` of ``item``, ended by a newline: with a bank, its 解析 and
    where to reread; then ``</li>``."""
    hint = report.rereads.get(item.question_id)
    if not hint:
        return "</li>\n"
    return (
        f'<div class="hint">解析：{escape(for_print(hint.explanation))}</div>'
        f'<div class="hint">重读：{escape(hint.where)}</div></li>\n'
    )


def _stem(report: GroupReport, number: int, width: int = 40) -> str:
    """Item ``number``'s stem as the 各题分析 table shows it: on one line, cut to ``width``
    characters with ``…`` (the question id is the cell's tooltip); the id when the key has no stem."""
    item = report.key.item(number)
    stem = for_print(" ".join(item.stem.split())) or item.question_id
    return stem if len(stem) <= width else stem[: width - 1] + "…"
