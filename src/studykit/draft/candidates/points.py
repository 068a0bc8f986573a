"""Numbered points 一是…二是… → single choice (which point comes Nth) and true/false on the order.

A point's text is its first clause after ``N是``; the points of one run (一是, 二是, … in
order within a paragraph's sentences) are each other's distractors, so every option is a
real point of the article and only the order is tested.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Draft, place
from .numerals import cn_to_int, int_to_cn
from .text import CLAUSE_MARKS, Sentence, cite, tidy, who

_POINT_RE = re.compile(r"(?:^|(?<=[，,；;：:。]))([一二三四五六七八九十])是([^，,；;。]{2,30})")


def _runs(sentences: list[Sentence]) -> list[list[tuple[Sentence, int, str, int]]]:
    """Runs of points: (sentence, number, text, position in the sentence), 一 first, in order."""
    runs: list[list[tuple[Sentence, int, str, int]]] = []
    current: list[tuple[Sentence, int, str, int]] = []
    for s in sentences:
        for m in _POINT_RE.finditer(s.text):
            n = cn_to_int(m.group(1))
            if n == 1:
                if len(current) >= 2:
                    runs.append(current)
                current = [(s, 1, m.group(2), m.start())]
            elif current and n == current[-1][1] + 1 and current[-1][0].part is s.part:
                current.append((s, n or 0, m.group(2), m.start()))
    if len(current) >= 2:
        runs.append(current)
    return runs


def draft_points(sentences: list[Sentence], turn: Iterator[int]) -> list[Draft]:
    """For each run: a single choice per point (options: the run's points) and a true and a false
    statement of which point comes first."""
    out: list[Draft] = []
    for r, run in enumerate(_runs(sentences)):
        first, _, _, at = run[0]
        part = first.part
        context = _context(sentences, first, at)
        said = f"{who(part)}在谈到“{context}”时，列举的" if context else f"{who(part)}列举的几点中，"
        texts = [t for _, _, t, _ in run]
        fact = f"{part.id}/points-{r}"
        if len(texts) >= 3:
            for s, n, text, _ in run[:4]:
                wrong = [t for t in texts if t != text][:3]
                options, answer = place([text], wrong, next(turn))
                stem = f"{said}第{int_to_cn(n)}点是（ ）"
                out.append(Draft(part.id, "single", stem, answer, cite(part, s.text), s.text, "points", options,
                                 ("要点",), fact))  # fmt: skip
        s2, _, second, _ = run[1]
        out.append(Draft(part.id, "true_false", f"{said}第二点是“{second}”。", ("true",),
                         cite(part, s2.text, verdict="正确。"), s2.text, "points", tags=("要点",), fact=f"{fact}-tf"))  # fmt: skip
        s1, _, one, _ = run[0]
        out.append(Draft(part.id, "true_false", f"{said}第一点是“{second}”。", ("false",),
                         cite(part, s1.text, verdict=f"错误。“{second}”是第二点，第一点是“{one}”。"), s1.text,
                         "points", tags=("要点",), fact=f"{fact}-tf"))  # fmt: skip
    return out


#: Words showing that a clause announces the points that follow (三件事, 以下, 成效 …).
_ANNOUNCES = re.compile(
    r"[一二两三四五六七八九十几多]\S?(?:个|件|点|条|项|方面)|以下|如下|成效|措施|做法|举措|经验|契机|要求|[：:]$"
)


def _context(sentences: list[Sentence], first: Sentence, at: int) -> str:
    """What the points are points of: the last clause before 一是 (in its sentence, else the
    sentence before), when it announces them (:data:`_ANNOUNCES`); else ``""``."""
    text = tidy(first.text[:at])
    if not text:
        previous = [s for s in sentences if s.part is first.part and s.number == first.number - 1]
        text = tidy(previous[0].text) if previous else ""
    clause = re.split(f"[{CLAUSE_MARKS}]", text)[-1] if text else ""
    return clause.lstrip("并而且也还") if _ANNOUNCES.search(clause) else ""
