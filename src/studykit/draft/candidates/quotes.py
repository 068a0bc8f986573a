"""Quoted formulations “…” and document titles 《…》 → fill_blank and single choice.

The blank (or the choice marker) takes the place of the quoted words in a window of the
sentence; a single choice's distractors are the other formulations (titles) of the same
article, nearest in length first, never one printed in the same sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Draft, place, same
from .text import Sentence, cite, lead, tidy, window

#: A short quoted formulation (a longer quotation is a saying, not a term to recall).
QUOTE_RE = re.compile(r"“([^“”。]{2,16})”")
TITLE_RE = re.compile(r"《([^《》]{2,60})》")
#: Longest title asked as a fill-in (a longer one is a single choice only).
MAX_FILL_TITLE = 14
#: Quoted words per sentence turned into items.
PER_SENTENCE = 2


def pool(sentences: list[Sentence], pattern: re.Pattern[str]) -> list[str]:
    """Every distinct match of ``pattern`` (its group 1) in the article, in order."""
    seen: list[str] = []
    for s in sentences:
        for m in pattern.finditer(s.text):
            if not any(same(m.group(1), t) for t in seen):
                seen.append(m.group(1))
    return seen


def draft_quotes(sentences: list[Sentence], turn: Iterator[int]) -> list[Draft]:
    """Drafts from every sentence's quoted formulations and document titles."""
    out: list[Draft] = []
    for kind, pattern, opener, closer in (("quotes", QUOTE_RE, "“", "”"), ("titles", TITLE_RE, "《", "》")):
        terms = pool(sentences, pattern)
        for n, s in enumerate(sentences):
            for k, m in enumerate(list(pattern.finditer(s.text))[:PER_SENTENCE]):
                term = m.group(1)
                fact = f"{s.part.id}/{kind}-{n}-{k}"
                a, b = window(s.text, m.start(), m.end())
                before, after = s.text[a : m.start()], s.text[m.end() : b]
                if term in before or term in after:
                    continue  # the stem would print the answer elsewhere
                tag = "引语" if kind == "quotes" else "文件"
                if kind == "quotes" or len(term) <= MAX_FILL_TITLE:
                    stem = lead(s.part) + tidy(f"{before}{opener}____{closer}{after}", end="。")
                    out.append(
                        Draft(s.part.id, "fill_blank", stem, (term,), cite(s.part, s.text), s.text, kind,
                              tags=(tag,), fact=fact)
                    )  # fmt: skip
                others = [
                    t
                    for t in terms
                    if not same(t, term)
                    and t not in s.text
                    and f"{before[-3:]}{opener}{t}{closer}" not in s.part.text  # said there elsewhere
                    and f"{opener}{t}{closer}{after[:3]}" not in s.part.text
                ]
                others.sort(key=lambda t: abs(len(t) - len(term)))
                if len(others) < 2:
                    continue
                wrong = [f"{opener}{t}{closer}" for t in others[:3]]
                options, answer = place([f"{opener}{term}{closer}"], wrong, next(turn))
                stem = lead(s.part) + tidy(f"{before}（ ）{after}")
                out.append(
                    Draft(s.part.id, "single", stem, answer, cite(s.part, s.text), s.text, kind, options,
                          (tag,), fact)
                )  # fmt: skip
    return out
