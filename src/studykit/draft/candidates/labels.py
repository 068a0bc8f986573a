"""Names for runs of points that nothing introduces, when a part has several of them.

A run with no announcing clause (``下面我讲三点``) is asked as ``文章列举的几点中，第一点是（ ）``;
two such runs in one part would give two items with that same stem, each true of one run and
false of the other.  Each is then named by what is printed before it: the heading of its
section (``在谈到“建强组织体系”时``), or else, where runs share a section, the clause just
before its first marker (``在“我们也深刻体会到”之后``).  Runs still named alike are left to
:func:`studykit.draft.candidates.points.distinct_runs`, which keeps the first.
"""

from __future__ import annotations

import re
from collections import Counter

from ..split import Part, is_heading
from .text import CLAUSE_MARKS, Sentence, tidy, who

#: Longest label quoted in a stem, in characters.
MAX_LABEL = 30


def run_labels(sentences: list[Sentence], starts: list[tuple[Sentence, int]]) -> list[tuple[str, str]]:
    """For each run of ``starts`` (the sentence and position of the first marker of each run with no
    context), in order: ``(heading, "")`` naming it by its section's heading, ``("", clause)`` by the
    clause before it, or ``("", "")`` for one nothing names.  A run alone among those its stems'
    name covers is named only when it stands in a section of a titled article (its heading)."""
    per_name = Counter(who(s.part) for s, _ in starts)  # the sections of one article share its name
    headings = [_section_heading(s.part, s.section) if per_name[who(s.part)] >= 2 else "" for s, _ in starts]
    shared = Counter((who(s.part), h) for (s, _), h in zip(starts, headings, strict=True))
    labels: list[tuple[str, str]] = []
    for (s, at), heading in zip(starts, headings, strict=True):
        if per_name[who(s.part)] < 2:  # alone: a section's run still says which section (二、认真抓好学习培训),
            # as does a run under a speech's own 一、二、 subheading
            labels.append((_section_heading(s.part, s.section) if is_section(s.part) or s.part.speaker else "", ""))
        elif heading and shared[(who(s.part), heading)] == 1:
            labels.append((heading, ""))
        else:
            labels.append(("", _clause_before(sentences, s, at)))
    return labels


def _section_heading(part: Part, section: int) -> str:
    """The heading line that opens ``section`` of ``part`` (counted as :class:`Sentence` counts
    them), without its number (一、), or ``""`` when it is the part's own heading, a byline or none."""
    count = 0
    for line in part.text.split("\n"):
        text = line.strip()
        if text and is_heading(text):
            count += 1
            if count == section:
                name = "".join(part.speaker.split())
                own = text == part.heading and not is_section(part)
                own = own or (name and name in "".join(text.split())) or "记者" in text
                return "" if own else heading_label(text)
    return ""


def _clause_before(sentences: list[Sentence], sentence: Sentence, at: int) -> str:
    """The clause printed just before position ``at`` of ``sentence`` (else the last clause of the
    sentence before it, in its part and section), 2 to :data:`MAX_LABEL` characters; else ``""``."""
    text = tidy(sentence.text[:at])
    if not text:
        previous = [
            s
            for s in sentences
            if s.part is sentence.part and s.number == sentence.number - 1 and s.section == sentence.section
        ]
        text = tidy(previous[0].text) if previous else ""
    clause = re.split(f"[{CLAUSE_MARKS}]", text)[-1] if text else ""
    return clause if 2 <= len(clause) <= MAX_LABEL else ""


def is_section(part: Part) -> bool:
    """Whether ``part`` is a section of a titled article (its heading a subheading such as 一、…)."""
    return bool(part.article) and not part.speaker and part.id != "intro" and part.heading != part.article


def heading_label(heading: str) -> str:
    """``heading`` as a stem quotes it: without its number (一、), its first clause if the whole is
    longer than :data:`MAX_LABEL`; ``""`` if that is still too long, or shorter than 2 characters."""
    label = tidy(heading)
    if len(label) > MAX_LABEL:
        label = re.split(f"[{CLAUSE_MARKS}]", label)[0]
    return label if 2 <= len(label) <= MAX_LABEL else ""
