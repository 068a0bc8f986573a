"""Statements read off single-choice drafts, for a part that no list gives a multiple choice
(or no rule a true/false item).

A single-choice draft's stem with its key filled in is the part's own words (true); with a
distractor filled in it is not (false).  A multiple choice "which of these does the part
say" takes two or three true statements and one or two false ones from drafts whose sources
stand in one paragraph, so the source stays one verbatim excerpt: the sentences from the
first to the last of them.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..split import Part
from .model import LETTERS_OF, Draft, place
from .text import cite, kind, lead, tidy, who


def _filled(d: Draft, part: Part, option: str) -> str:
    """``d``'s stem with ``option`` in its （ ）, without the part's name, which the multiple's stem
    already prints (下列说法符合《…》一文的有: an option 《…》一文在谈到…时 named it twice)."""
    body = d.stem.removeprefix(lead(part)).removeprefix(who(part))
    return tidy(body.replace("（ ）", option, 1))


def _span(part: Part, sources: list[str]) -> str | None:
    """The excerpt of ``part`` from the first to the last of ``sources``, if one paragraph holds them."""
    at = [(part.text.find(s), s) for s in sources]
    if any(i < 0 for i, _ in at):
        return None
    start = min(i for i, _ in at)
    end = max(i + len(s) for i, s in at)
    excerpt = part.text[start:end]
    return None if "\n" in excerpt else excerpt


def draft_statements(part: Part, drafts: list[Draft], turn: Iterator[int]) -> list[Draft]:
    """A multiple choice (if the part has none) and a true and a false statement (if it has no
    true/false item), from the part's single-choice drafts."""
    singles = [d for d in drafts if d.speech == part.id and d.type == "single" and "（ ）" in d.stem]
    kinds = {d.type for d in drafts if d.speech == part.id}
    out: list[Draft] = []
    by_fact: dict[str, Draft] = {}
    for d in singles:
        by_fact.setdefault(d.fact or d.stem, d)
    chosen = list(by_fact.values())
    if "multiple" not in kinds:
        for n in range(len(chosen) - 2):
            group = chosen[n : n + 3]
            source = _span(part, [d.source for d in group])
            if source is None:
                continue
            right = [_filled(d, part, d.options[LETTERS_OF[d.answer[0]]]) for d in group[:2]]
            last = group[2]
            wrong = [_filled(last, part, o) for i, o in enumerate(last.options) if LETTERS_OF[last.answer[0]] != i][:2]
            options, answer = place(right, wrong, next(turn))
            stem = f"下列说法符合{who(part)}{kind(part) if part.speaker else ''}的有（ ）"
            out.append(
                Draft(part.id, "multiple", stem, answer, cite(part, source), source, "statements", options,
                      ("综合",), f"{part.id}/statements")
            )  # fmt: skip
            break
    if "true_false" not in kinds and chosen:
        d = chosen[0]
        key = d.options[LETTERS_OF[d.answer[0]]]
        other = next(o for o in d.options if o != key)
        said = next((x for x in (lead(part), who(part)) if d.stem.startswith(x)), "")  # …一文在谈到…时
        out.append(
            Draft(part.id, "true_false", said + _filled(d, part, key) + "。", ("true",),
                  cite(part, d.source, verdict="正确。"), d.source, "statements", tags=d.tags, fact=d.fact)
        )  # fmt: skip
        out.append(
            Draft(part.id, "true_false", said + _filled(d, part, other) + "。", ("false",),
                  cite(part, d.source, verdict=f"错误。原文是{key}，不是{other}。"), d.source, "statements",
                  tags=d.tags, fact=d.fact)
        )  # fmt: skip
    return out
