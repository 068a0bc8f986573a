"""The readable text report (the terminal's default)."""

from __future__ import annotations

from ..model import GroupReport, MemberResult
from ..scoring import correct_answer, member_speech_scores
from ._common import (
    NO_BANK,
    RULE_NAMES,
    STATUS_NAMES,
    TYPE_NAMES,
    distribution,
    missed,
    pct,
    pts,
    share,
    short_label,
    signed,
)


def render_text(report: GroupReport) -> str:
    """The report as plain text: header, group statistics (two or more members),
    then each member's score, speech breakdown and missed items with 解析."""
    key = report.key
    out: list[str] = []
    title = f"测验成绩 · {key.title}" if key.title else "测验成绩"
    out.append(title)
    version = f" · 版本 {key.version}" if key.version else ""
    out.append(
        f"测验 {key.quiz_id}{version} · 满分 {pts(key.total_points)} 分 · "
        f"{RULE_NAMES.get(report.multiple_scoring, report.multiple_scoring)} · 及格线 {pts(report.pass_mark)}%"
    )
    if report.bank_note:
        out.append(f"注意：{report.bank_note}")
    if not report.rereads:
        out.append(NO_BANK)
    n = len(report.members)
    if n >= 2:
        out += _group(report)
    out.append("")
    out.append("个人成绩")
    for member in report.members:
        out += _member(report, member)
    if report.failures or report.warnings:
        out.append("")
        if report.failures:
            out.append(f"未评分（{len(report.failures)}）")
            out += [f"  {p}" for p in report.failures]
        if report.warnings:
            out.append(f"警告（{len(report.warnings)}）")
            out += [f"  {p}" for p in report.warnings]
    return "\n".join(out) + "\n"


def _group(report: GroupReport) -> list[str]:
    passed = sum(report.passed(m) for m in report.members)
    out = [
        "",
        f"共 {len(report.members)} 人 · 平均 {pts(report.mean)} 分 · 中位数 {pts(report.median)} 分 · "
        f"最高 {pts(report.maximum)} 分 · 最低 {pts(report.minimum)} 分 · 及格 {passed} 人",
        "",
        "排名",
    ]
    total = pts(report.key.total_points)
    for rank, m in report.ranking():
        verdict = "及格" if report.passed(m) else "不及格"
        out.append(f"  {rank:>3}. {m.name}  {pts(m.score)}/{total}  {pct(m.percent, report.pass_mark)}  {verdict}")
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
        out.append(f"  {sp.label}：{pts(sp.mean)}/{pts(sp.points)} 分（{rate}）{mark}")
    revisit = report.revisit
    if revisit:
        names = "、".join(f"{s.label}（{pct(100 * (s.share or 0), report.pass_mark)}）" for s in revisit)
        out.append(f"建议全组重学：{names}")
    else:
        out.append("各篇平均均达到及格线。")
    return out


def _member(report: GroupReport, m: MemberResult) -> list[str]:
    key = report.key
    verdict = "及格" if report.passed(m) else "不及格"
    out = [
        "",
        f"{m.name}（{m.where}）：{pts(m.score)}/{pts(key.total_points)} 分，{pct(m.percent, report.pass_mark)}，{verdict}",
    ]
    parts = [f"{short_label(report, sid)} {pts(e)}/{pts(p)}" for sid, e, p in member_speech_scores(m, key)]
    out.append("  各篇：" + " · ".join(parts))
    wrong = missed(m)
    if not wrong:
        out.append("  全部正确。")
        return out
    out.append("  错题：")
    for r in wrong:
        item = key.item(r.number)
        given = r.given or "（未答）"
        earned = f"，得 {pts(r.earned)} 分" if r.status == "partial" else ""
        out.append(
            f"    {r.number}. [{TYPE_NAMES[item.type]} {pts(item.points)}分] {STATUS_NAMES[r.status]}：作答 {given}，"
            f"正确答案 {correct_answer(item)}{earned}"
        )
        hint = report.rereads.get(item.question_id)
        if hint:
            out.append(f"       解析：{hint.explanation}")
            who = f"{hint.speaker}《{hint.heading}》" if hint.speaker else f"《{hint.heading}》"
            out.append(f"       重读：{who}：“{hint.source}”")
    return out
