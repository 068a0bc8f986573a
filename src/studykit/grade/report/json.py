"""The JSON report: every detail, the machine-readable form other tools read.

Top level (format ``studykit_grade_report: 1``)::

    quiz:      quiz_id, version, title, bank_id, bank_fingerprint, total_points,
               multiple_scoring (the rule applied), pass_mark (percent)
    summary:   members, passed, mean, median, min, max (points; null when empty)
    questions: per key item — number, question_id, type, speech, points, answer,
               facility (0–1), discrimination (−1…1 or null), mean_points,
               choices {label: members}, other, unanswered, unreadable,
               and with a bank: explanation, reread {speaker, heading, source}
    speeches:  speech, label, points, mean, share (0–1), revisit
    revisit:   speech ids to revisit, worst first
    members:   in ranking order — rank, name, source, line, score, total, percent,
               passed, flag (only for a sheet more than half unreadable), speeches {id: {earned, points}} (in the order of
               the top-level speeches), items [{number,
               question_id, status, given, earned, points}]
    bank_note, warnings, failures: text lines
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Sequence
from itertools import chain, islice, repeat
from typing import Any, BinaryIO

from ...formats import REPORT_FORMAT
from ...model import POINT_DECIMALS, add_points
from ..model import GroupReport, ItemResult, MemberResult
from ..scoring import member_speech_scores
from ._common import Memo, coded_members, ranked_chunks, report_speeches, speech_sums, unreadable_flag
from .chunks import passed_count


def report_data(report: GroupReport) -> dict[str, Any]:
    """The report as plain JSON-ready data (see the module docstring)."""
    return _data(report, [member_data(report, rank, m) for rank, m in report.ranking()])


def _data(report: GroupReport, members: list[dict[str, Any]]) -> dict[str, Any]:
    key = report.key
    questions: list[dict[str, Any]] = []
    for s in report.items:
        q: dict[str, Any] = {
            "number": s.number,
            "question_id": s.question_id,
            "type": s.type,
            "speech": s.speech,
            "points": s.points,
            "answer": list(s.answer),
            "facility": s.facility,
            "discrimination": s.discrimination,
            "mean_points": s.mean_points,
            "choices": dict(s.choices),
            "other": s.other,
            "unanswered": s.unanswered,
            "unreadable": s.unreadable,
        }
        hint = report.rereads.get(s.question_id)
        if hint:
            q["explanation"] = hint.explanation
            q["reread"] = {"speaker": hint.speaker, "heading": hint.heading, "source": hint.source}
        questions.append(q)
    return {
        "studykit_grade_report": REPORT_FORMAT,
        "quiz": {
            "quiz_id": key.quiz_id,
            "version": key.version,
            "title": key.title,
            "bank_id": key.bank_id,
            "bank_fingerprint": key.bank_fingerprint,
            "total_points": key.total_points,
            "multiple_scoring": report.multiple_scoring,
            "pass_mark": report.pass_mark,
        },
        "summary": {
            "members": len(report.members),
            "passed": passed_count(report),
            "mean": report.mean,
            "median": report.median,
            "min": report.minimum,
            "max": report.maximum,
        },
        "questions": questions,
        "speeches": [
            {
                "speech": s.speech,
                "label": s.label,
                "points": s.points,
                "mean": s.mean,
                "share": s.share,
                "revisit": s.revisit,
            }
            for s in report.speeches
        ],
        "revisit": [s.speech for s in report.revisit],
        "members": members,
        "bank_note": report.bank_note,
        "warnings": [str(p) for p in report.warnings],
        "failures": [str(p) for p in report.failures],
    }


def member_data(report: GroupReport, rank: int, m: MemberResult) -> dict[str, Any]:
    """One member's entry of ``members`` (see the module docstring)."""
    return {
        "rank": rank,
        "name": m.name,
        "source": m.source,
        "line": m.line,
        "score": m.score,
        "total": m.total,
        "percent": round(m.percent, 4),
        "passed": report.passed(m),
        **_flag(unreadable_flag(sum(r.status == "unreadable" for r in m.items), len(m.items))),
        "speeches": _speeches(report, m),
        "items": [item_data(r) for r in m.items],
    }


def _flag(flag: str) -> dict[str, str]:
    """A member's ``flag`` entry — only for a sheet more than half unreadable."""
    return {"flag": flag} if flag else {}


def _speeches(report: GroupReport, m: MemberResult) -> dict[str, dict[str, float]]:
    """A member's ``speeches``: earned and points per speech, in the order of
    ``report.speeches`` (the article's, as the text report's 各篇 line)."""
    scores = {sid: (e, p) for sid, e, p in member_speech_scores(m, report.key)}
    return {sid: {"earned": scores[sid][0], "points": scores[sid][1]} for sid, _ in report_speeches(report)}


def item_data(r: ItemResult) -> dict[str, Any]:
    """One entry of a member's ``items``."""
    return {
        "number": r.number,
        "question_id": r.question_id,
        "status": r.status,
        "given": r.given,
        "earned": r.earned,
        "points": r.points,
    }


def render_json(report: GroupReport) -> str:
    """The report as indented JSON text (UTF-8, non-ASCII kept)."""
    buf = io.BytesIO()
    write_json(report, buf)
    return buf.getvalue().decode("utf-8")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _indented(text: str, spaces: int) -> str:
    """``text`` (indented JSON) with every line indented ``spaces`` more."""
    pad = " " * spaces
    return pad + text.replace("\n", "\n" + pad)


def _inside(text: str, spaces: int) -> str:
    """The lines between the braces of a one-entry JSON object, indented ``spaces`` more."""
    return "\n".join(" " * spaces + line for line in text.split("\n")[1:-1])


def write_json(report: GroupReport, stream: BinaryIO) -> None:
    """Write :func:`render_json`'s text, UTF-8 encoded, to ``stream`` a chunk of members at a time.

    The text is exactly ``json.dumps(report_data(report), ensure_ascii=False, indent=2)``
    and a newline; members are put together from per-answer fragments shared by every
    member who gave that answer, instead of a dict per member and item."""
    text = _dumps(_data(report, []))
    marker = '\n  "members": [],'
    at = text.index(marker)  # the only key at this indent that holds an empty list
    stream.write(text[:at].encode())
    stream.write(b'\n  "members": [')
    if report.members:
        if report.key.items:
            _write_members(report, stream)
        else:  # nothing for members to share
            members = (_indented(_dumps(member_data(report, r, m)), 4) for r, m in report.ranking())
            stream.write(("\n" + ",\n".join(members)).encode())
        stream.write(b"\n  ")
    stream.write(b"],")
    stream.write(text[at + len(marker) :].encode())
    stream.write(b"\n")


def _speech_fragments(
    table: Any, ks: list[int], memo: Memo[float, bytes], columns: list[Sequence[int]], n: int
) -> Iterator[bytes]:
    """Each of ``n`` members' fragment for the speech of items ``ks``.  A speech of one item
    earns what its item earns: the fragment is looked up per code (the sum rounded as
    :func:`._common.speech_sums` rounds it), not added and rounded per member."""
    if len(ks) == 1:
        k = ks[0]
        per_code = [memo[round(0.0 + earned, POINT_DECIMALS)] for earned in table.earned[k]]
        return map(per_code.__getitem__, columns[k])
    return map(memo.__getitem__, speech_sums(table, ks, columns, n))


#: Members joined per write (about 0.5 MB): writes stay few, and the allocator reuses
#: the buffer instead of faulting in fresh pages each time.
_BATCH = 100


def _write_members(report: GroupReport, stream: BinaryIO) -> None:
    key = report.key
    table = coded_members(report)[0]
    encode = json.encoder.encode_basestring
    scalar = Memo(_dumps)
    items = [
        [(("\n" if k == 0 else ",\n") + _indented(_dumps(item_data(r)), 8)).encode() for r in results]
        for k, results in enumerate(table.results)
    ]
    speeches: list[tuple[list[int], Memo[float, bytes]]] = []
    for s, (sid, ks) in enumerate(report_speeches(report)):
        points = add_points(key.items[k].points for k in ks)  # as member_speech_scores adds them
        sep = "\n" if s == 0 else ",\n"

        def fragment(earned: float, sid: str = sid, points: float = points, sep: str = sep) -> bytes:
            return (sep + _inside(_dumps({sid: {"earned": earned, "points": points}}), 6)).encode()

        speeches.append((ks, Memo(fragment)))
    pass_mark = report.pass_mark - 1e-9
    middle = b'\n      },\n      "items": ['
    end = b"\n      ]\n    }"
    for start, chunk in enumerate(ranked_chunks(report)):
        columns = chunk.columns
        heads = [
            (
                f'{"," if start or rank_at else ""}\n    {{\n      "rank": {rank},\n      "name": {encode(m.name)},\n      "source": {scalar[m.source]},\n'
                f'      "line": {m.line},\n      "score": {scalar[score]},\n      "total": {scalar[total]},\n'
                f'      "percent": {scalar[round(percent, 4)]},\n'
                f'      "passed": {"true" if percent >= pass_mark else "false"},\n'
                + (f'      "flag": {encode(flag)},\n' if flag else "")
                + '      "speeches": {'
            ).encode()
            for rank_at, (rank, m, score, total, percent, flag) in enumerate(
                zip(
                    chunk.ranks,
                    chunk.members,
                    chunk.scores,
                    chunk.totals,
                    chunk.percents,
                    chunk.flags(len(key.items)),
                    strict=True,
                )
            )
        ]
        n = len(heads)
        texts = zip(
            heads,
            *(_speech_fragments(table, ks, memo, columns, n) for ks, memo in speeches),
            repeat(middle),
            *(map(items[k].__getitem__, col) for k, col in enumerate(columns)),
            repeat(end),
            strict=False,  # heads sets the length
        )
        # each head starts with the comma before it: a batch of members is one join of its
        # fragments, and small batches let the allocator reuse a buffer instead of faulting
        # in fresh pages for a 10 MB join per chunk
        for _ in range(0, n, _BATCH):
            stream.write(b"".join(chain.from_iterable(islice(texts, _BATCH))))
