"""A self-check page (自测): one self-contained HTML file members drill on their phones.

The one entry point is :func:`build_practice`, then :func:`render_practice`::

    bank = load_bank("question_bank.yaml")
    practice = build_practice(bank, count=20, seed=7)   # the quiz draw of quiz --seed 7
    html = render_practice(practice)                    # str, one file, no external reference

The questions are the ones ``studykit quiz`` draws with the same bank, count, seed and
filters (:func:`studykit.quiz.build_papers`, its first paper, in its order); items
marked ``draft`` are left out first.  The page shows one question at a time and, once
it is answered, right or wrong, the correct answer, the 解析 and a 查看原文 button that
shows where the fact is read with the answer highlighted (see :func:`highlight`).  The
page shuffles a choice item's options each time it shows the item (catch-alls such as
以上都是 stay last), keeps the member's progress in ``localStorage`` under
``studykit-practice/<quiz id>`` (the quiz id holds the bank id and the seed), and ends
with the score, the missed items with their 解析 and 再练错题.

**The answers are hidden, not secured.**  The items travel as base64 of their UTF-8 JSON
XOR'd with a 32-byte key (SHA-256 of the quiz id), and the key is in the page: this
keeps the answers out of the page source and out of a casual "view source", nothing
more.  Anyone who reads the page's script can decode them.

A fill_blank answer is right when its :func:`studykit.grade.normalize.blank_form` is
that of an accepted text, as ``studykit grade`` scores it: Unicode NFKC (full-width
``１＋１`` is ``1+1``), zero-width characters and all whitespace removed, quote marks
removed, trailing punctuation and enclosing brackets stripped, case folded.  The
accepted texts' forms are computed here; the page's script computes the typed text's
form with the same steps (``String.prototype.normalize("NFKC")``, and
``toLowerCase`` for case folding, which differs from Python's ``casefold`` only for a
few letters such as ``ß``).  Folding Traditional characters, where the grader does it,
is not done on the page.

HTML comes only from the Jinja2 template ``templates/practice.html.j2`` (autoescape on);
the script builds the question screens with DOM text nodes, never from markup strings.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .bank import BLANK_RE, is_catch_all, without_drafts
from .errors import SelectionError, StudykitError
from .grade.normalize import blank_form
from .i18n import _, join
from .model import LETTERS, TRUE_FALSE_TEXT, TYPE_TITLES, Bank, quoted
from .quiz import Item, build_papers
from .typography import for_print

__all__ = [
    "DEFAULT_OUTPUT",
    "Practice",
    "build_practice",
    "decode_items",
    "encode_items",
    "highlight",
    "practice_path",
    "render_practice",
]

#: Where ``studykit practice`` writes without ``-o``.
DEFAULT_OUTPUT = Path("practice.html")
#: What the page's title adds to the bank's.
TITLE_SUFFIX = "自测"
#: A suffix that looks like a file format's extension (``.pdf``, ``.md``), as ``quiz -o`` reads one.
_EXTENSION_RE = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}")
#: The prefix of the page's ``localStorage`` key (the quiz id follows).
STORAGE_PREFIX = "studykit-practice/"


@dataclass(frozen=True)
class Practice:
    """The items of one self-check page, in the order the page asks them.

    ``quiz_id`` is the id ``studykit quiz`` gives the same draw
    (``<bank id>-<seed>-<8 hex>``); ``seed`` the seed it was drawn with; ``title``
    the paper's (the bank's) title.
    """

    quiz_id: str
    title: str
    bank_id: str
    seed: int
    items: tuple[Item, ...]

    @property
    def page_title(self) -> str:
        """The page's title: ``"省域治理现代化小测 · 自测"``."""
        return f"{self.title} · {TITLE_SUFFIX}"

    @property
    def storage_key(self) -> str:
        """The page's ``localStorage`` key: ``studykit-practice/<bank id>-<seed>-<8 hex>``."""
        return STORAGE_PREFIX + self.quiz_id

    @property
    def page_key(self) -> bytes:
        """The 32 bytes the item data is XOR'd with (SHA-256 of the quiz id): a page's own key."""
        return hashlib.sha256(f"{STORAGE_PREFIX}{self.quiz_id}".encode()).digest()


def build_practice(
    bank: Bank,
    count: int | None = None,
    seed: int | None = None,
    speeches: Iterable[str] = (),
    tags: Iterable[str] = (),
    title: str | None = None,
) -> Practice:
    """The self-check page's items: the quiz draw of ``bank`` (drafts left out) for these options.

    ``count``, ``seed``, ``speeches``, ``tags`` and ``title`` (default: the bank's) mean what they
    mean for :func:`studykit.quiz.build_papers` (``count=None``: 20, or every matching
    question if fewer; ``seed=None``: a new one, read it back from ``.seed``).
    Raises :class:`~studykit.errors.SelectionError` as ``build_papers`` does, and
    when every question of the bank is a draft.
    """
    ready = _without_drafts(bank, tuple(speeches))
    paper = build_papers(ready, count=count, seed=seed, speeches=speeches, tags=tags, title=title)[0]
    return Practice(paper.quiz_id, paper.title, bank.id, paper.seed, paper.items)


def _without_drafts(bank: Bank, speeches: tuple[str, ...] = ()) -> Bank:
    """``bank`` without the items still marked ``draft: true`` (:func:`~studykit.bank.without_drafts`);
    raises :class:`~studykit.errors.SelectionError` when nothing else is left, of the bank or of
    ``speeches`` (when they have drafts)."""
    kept = without_drafts(bank)
    if not kept.questions:
        raise SelectionError(
            _("every question in {path} is a draft; a practice page needs finished ones").format(path=bank.path)
        )
    wanted = set(speeches)
    if (
        wanted
        and wanted <= {s.id for s in bank.speeches}  # an unknown id: build_papers names it
        and any(q.speech in wanted for q in bank.questions)
        and not any(q.speech in wanted for q in kept.questions)
    ):
        raise SelectionError(
            _("every question of speech {speeches} in {path} is a draft; a practice page needs finished ones").format(
                speeches=join(speeches), path=bank.path
            )
        )
    return kept


def practice_path(output: Path | None) -> Path:
    """The page's path from ``-o``: as given when it ends in ``.html`` or ``.htm`` (any case),
    else with ``.html`` added (``自测``, ``第1.5期自测``); :data:`DEFAULT_OUTPUT` without ``-o``.

    Raises :class:`~studykit.errors.StudykitError` when ``-o`` ends in another format's
    extension (an ASCII suffix starting with a letter, at most 5 characters: ``自测.pdf``,
    ``x.md``), as ``studykit quiz`` refuses ``测验.pdf``, rather than writing ``自测.pdf.html``;
    and when ``-o`` is ``.html`` alone.
    """
    if output is None:
        return DEFAULT_OUTPUT
    if output.name.lower() in (".html", ".htm"):  # an extension alone: it wrote the hidden .html.html
        raise StudykitError(
            _("output {path}: give a file name before {ext} (e.g. 自测{ext})").format(path=output, ext=output.name)
        )
    if output.suffix.lower() in (".html", ".htm"):
        return output
    if _EXTENSION_RE.fullmatch(output.suffix):
        raise StudykitError(
            _("output {path}: studykit practice writes one .html page, not {suffix} (use -o {stem}.html)").format(
                path=output, suffix=output.suffix, stem=output.with_suffix("")
            )
        )
    return output.with_name(output.name + ".html")


def highlight(text: str, answers: Iterable[str]) -> list[tuple[str, bool]]:
    """``text`` cut into ``(piece, marked)`` pairs, every occurrence of an answer marked.

    Overlapping or touching occurrences merge into one mark; empty answers mark nothing.
    ``highlight("而大都市是落点", ["大都市"])`` → ``[("而", False), ("大都市", True), ("是落点", False)]``.
    """
    spans: list[tuple[int, int]] = []
    for answer in {a for a in answers if a}:
        start = text.find(answer)
        while start >= 0:
            spans.append((start, start + len(answer)))
            start = text.find(answer, start + 1)
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in _merged(spans):
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[start:end], True))
        at = end
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(end, result[-1][1]))
        else:
            result.append((start, end))
    return result


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _item_data(item: Item) -> dict[str, object]:
    """What the page's script knows of one item (JSON-ready).

    ``stem``: the printed stem cut at its blanks; ``options``: printed order, the last
    ``fixed`` of them catch-alls that stay last; ``answer``: the correct options' indices,
    ``true``/``false``, or the accepted texts (first printed as the key) with their
    ``forms``; ``where``/``source``: the 原文 heading line and the quoted source sentence as
    ``[text, marked]`` pieces, the answer marked (a true_false item's whole sentence)."""
    q = item.question
    where = item.speech.where
    source = _one_line(q.source)
    data: dict[str, object] = {
        "type": q.type,
        "title": TYPE_TITLES[q.type],
        "stem": BLANK_RE.split(item.stem),
        "explanation": item.explanation,  # as printed: ASCII , ; : ( ) between Chinese characters full-width
    }
    marks: list[str]
    if q.is_choice:
        data["options"] = list(item.options)
        data["fixed"] = sum(1 for o in item.options if is_catch_all(o))
        data["answer"] = [LETTERS.index(a) for a in item.answer]
        marks = [_one_line(t) for t in item.correct]
    elif q.type == "true_false":
        data["options"] = [TRUE_FALSE_TEXT["true"], TRUE_FALSE_TEXT["false"]]
        data["answer"] = q.truth
        marks = [source]
    else:
        data["answer"] = [for_print(a) for a in item.answer]  # shown as printed; read by their forms
        data["forms"] = [blank_form(a) for a in item.answer]
        marks = [_one_line(a) for a in item.answer]
    data["where"] = [[text, marked] for text, marked in _printed(where, marks)]
    # the sentence is quoted piece by piece, so an answer holding “ ” still matches the source
    data["source"] = [[_inner_quotes(text), marked] for text, marked in _printed(source, marks)]
    return data


def _printed(text: str, marks: list[str]) -> list[tuple[str, bool]]:
    """:func:`highlight` of ``text``, each piece as printed (:func:`~studykit.typography.for_print`)
    in the context of the whole text — ``市域,为`` cut after ``市域`` still prints ``，为`` — which
    :func:`for_print` allows because it keeps the length."""
    printed = for_print(text)
    pieces: list[tuple[str, bool]] = []
    at = 0
    for piece, marked in highlight(text, marks):
        pieces.append((printed[at : at + len(piece)], marked))
        at += len(piece)
    return pieces


def _inner_quotes(text: str) -> str:
    """The article's own “ ” inside a quotation, as :func:`~studykit.model.quoted` prints them: ‘ ’."""
    return quoted(text)[1:-1]


def encode_items(practice: Practice) -> str:
    """The items as the page carries them: base64 of their UTF-8 JSON XOR'd with
    :attr:`Practice.page_key` (hidden from the page source, not secured)."""
    raw = json.dumps([_item_data(i) for i in practice.items], ensure_ascii=False, separators=(",", ":")).encode()
    key = practice.page_key
    return base64.b64encode(bytes(b ^ key[n % len(key)] for n, b in enumerate(raw))).decode("ascii")


def decode_items(practice: Practice, payload: str) -> list[dict[str, object]]:
    """The inverse of :func:`encode_items` (for tests and the curious)."""
    raw = base64.b64decode(payload)
    key = practice.page_key
    decoded: list[dict[str, object]] = json.loads(bytes(b ^ key[n % len(key)] for n, b in enumerate(raw)))
    return decoded


def render_practice(practice: Practice) -> str:
    """The self-check page as one HTML document (UTF-8 text ending in a newline): inline
    CSS and script, no ``src``/``href`` to anything, no network."""
    from . import _templates

    return _templates.render(
        "practice.html.j2",
        title=practice.title,
        suffix=TITLE_SUFFIX,
        storage_key=practice.storage_key,
        page_key=base64.b64encode(practice.page_key).decode("ascii"),
        payload=encode_items(practice),
        count=len(practice.items),
    )
