"""Notes and decks of one bank: stable identity (deck ids, note GUIDs from bank id + question id),
field HTML, cloze text, tags and the deck of each speech."""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

import genanki  # type: ignore[import-untyped]

from ..bank import BLANK_RE
from ..model import BANK_SEPARATOR, LETTERS, TYPE_TITLES, Bank, Question, Speech, name_article
from ..typography import for_print
from .note_types import CHOICE_MODEL, CLOZE_MODEL, INTRO_DECK, MODELS, TRUE_FALSE_MODEL


def deck_id_for(bank_id: str, *key: str) -> int:
    """A deck id in genanki's recommended range [2**30, 2**31), from ``bank_id`` and ``key``.

    Deterministic (first 8 bytes of SHA-256 over the ``/``-joined parts), so the
    same bank always yields the same ids; the parent deck uses no key, a
    speech's subdeck the speech id.
    """
    digest = hashlib.sha256("/".join(("studykit-deck", bank_id, *key)).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def note_guid(bank_id: str, question_id: str, namespace: str = "") -> str:
    """The GUID of a question's note: ``genanki.guid_for(bank_id, question_id)``.

    A non-empty ``namespace`` (e.g. a review deck's) gives a distinct GUID for
    the same question, so the two notes never overwrite each other.  Computed here
    exactly as genanki does (the first 8 bytes of the SHA-256 of the ``__``-joined
    parts, big-endian, in Anki's base-91 digits, most significant first), two digits
    a step: a third of genanki's time, which counts at 10,000 notes.
    """
    parts = (bank_id, question_id, namespace) if namespace else (bank_id, question_id)
    number = int.from_bytes(hashlib.sha256("__".join(parts).encode("utf-8")).digest()[:8], "big")
    digits = []
    while number >= _BASE91_PAIRS_SIZE:
        number, pair = divmod(number, _BASE91_PAIRS_SIZE)
        digits.append(_BASE91_PAIRS[pair])
    if number:
        digits.append(_BASE91_PAIRS[number] if number >= len(_BASE91) else _BASE91[number])
    return "".join(reversed(digits))


#: Anki's base-91 digits (``genanki.util.BASE91_TABLE``), and every two-digit group of them.
_BASE91 = "".join(genanki.util.BASE91_TABLE)
_BASE91_PAIRS = [high + low for high in _BASE91 for low in _BASE91]
_BASE91_PAIRS_SIZE = len(_BASE91_PAIRS)


def deck_name(bank: Bank, speech: Speech) -> str:
    """``"<title>::01 第1篇"``; the introduction is ``"<title>::00 导语"``; a section of one
    author's article (no speaker: a 评论员文章's 一、二、…, a notice's points) ``"<title>::01 第1部分"``,
    as 第1篇 under an article's own deck reads as another article.

    A subdeck is named by the speech's position on the page, not by its speaker or
    heading: those are the answers of the subdeck's own attribution cards (issue 15).
    Its deck id still derives from the speech id (:func:`deck_id_for`), so renaming
    it keeps the id.
    """
    if speech.id == "intro":
        return f"{deck_part(bank.title)}::00 {deck_part(INTRO_DECK)}"
    # counted among the speeches, so an article without an introduction starts at 第1篇 too
    place = [s.id for s in bank.speeches if s.id != "intro"].index(speech.id) + 1
    return f"{deck_part(bank.title)}::{place:02d} 第{place}{'篇' if speech.speaker else '部分'}"


def deck_part(text: str) -> str:
    """One component of a deck name: no ``::`` (Anki's separator), single-spaced."""
    return " ".join(text.replace("::", ":").split())


# -- fields ----------------------------------------------------------------------


def field_html(text: str) -> str:
    """Bank text as field HTML: ASCII ``, ; : ( )`` between Chinese characters full-width
    (:func:`~studykit.typography.for_print`), escaped, line breaks as ``<br>``."""
    if not _SPECIAL(text):  # most bank text: nothing to print full-width or escape, one scan
        return text
    if _PRINTED(text):  # for_print changes only these
        text = for_print(text)
    if _PLAIN.fullmatch(text):  # nothing to escape, one scan instead of six
        return text
    return html.escape(text).replace("\n", "<br>")


#: Finds a character :func:`~studykit.typography.for_print` may change.
_PRINTED = re.compile(r"[,;:()]").search


#: Finds a character for_print, html.escape or the line-break rule may change.
_SPECIAL = re.compile(r"[,;:()&<>\"'\n]").search


#: Text that html.escape and the line-break rule leave unchanged.
_PLAIN = re.compile(r"[^&<>\"'\n]*")


def highlight(text: str, needles: Iterable[str]) -> str:
    """``text`` as field HTML with every occurrence of each needle wrapped in ``<mark>``.

    Overlapping occurrences merge into one mark; everything is escaped.
    """
    spans: list[tuple[int, int]] = []
    for needle in needles:
        if not needle:
            continue
        start = text.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = text.find(needle, start + 1)
    merged: list[list[int]] = []
    if _PRINTED(text):  # for_print changes nothing else; same length: the spans found still hold
        text = for_print(text)
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out.append(field_html(text[pos:start]))
        out.append(f"<mark>{field_html(text[start:end])}</mark>")
        pos = end
    out.append(field_html(text[pos:]))
    return "".join(out)


def _no_braces(html_text: str) -> str:
    """Escaped HTML that Anki's cloze parser cannot mistake for ``{{c1::…}}`` syntax."""
    return html_text.replace("{", "&#123;").replace("}", "&#125;")


def cloze_text(question: Question) -> str:
    """The fill_blank stem as a cloze: the first ``____`` becomes ``{{c1::answer}}``.

    The answer is the first accepted text, HTML-escaped, with ``:`` ``{`` ``}``
    written as character references so ``::`` or ``}}`` in it cannot end the
    cloze.  A stem without a blank gets the cloze appended.
    """
    deletion = "{{c1::" + _no_braces(field_html(question.answer[0])).replace(":", "&#58;") + "}}"
    stem = for_print(question.stem)
    match = BLANK_RE.search(stem)
    if match is None:
        return _no_braces(field_html(stem)) + " " + deletion
    before, after = stem[: match.start()], stem[match.end() :]
    return _no_braces(field_html(before)) + deletion + _no_braces(field_html(after))


def _cited(speaker: str, heading: str, title: str) -> str:
    """The ``Speaker`` field of a note whose back names its article: ``出处《title》 speaker``
    (HTML; the card prints the heading after it); no title again when ``heading`` is the title."""
    named = "" if field_html(title) == heading else f"《{field_html(title)}》"
    return " ".join(p for p in (f'<span class="label">{CITE_LABEL}</span>{named}', speaker) if p)


#: The label of the line naming a 错题本 card's article, as the paper's 参考答案 names it.
CITE_LABEL = "出处"


def _speaker(speech: Speech) -> str:
    return field_html(f"{speech.speaker}（{speech.position}）" if speech.position else speech.speaker)


def note_fields(bank: Bank, question: Question, your_answer: str = "", *, cite_article: bool = False) -> list[str]:
    """The field values (HTML) of ``question``'s note, in its note type's field order.

    ``your_answer`` (plain text, escaped here) fills ``YourAnswer``; empty in study decks.
    ``cite_article`` (a 错题本's notes, whose deck is a quiz's, not an article's): the back's
    出处 line names the article — the ``Speaker`` field starts with ``出处`` and the article's
    title in 《》 (left out when the part's own heading, which the line prints, is that title:
    an introduction).  Raises ``KeyError`` when the question's speech is not in ``bank``.
    """
    speaker, heading, article = _speech_fields(bank)[question.speech]
    if article:  # a 错题本 of a paper mixing articles: the front says which, as the paper did
        question = replace(question, stem=name_article(question.stem, article))
    if cite_article:
        speaker = _cited(speaker, heading, article or bank.title)
    if question.is_choice:
        correct = [question.options[LETTERS.index(a)] for a in question.answer]  # correct_options, inlined
        options = "".join(
            [
                f'<div class="option"><span class="letter">{letter}.</span> {field_html(option)}</div>'
                for letter, option in zip(_letters(question), question.options, strict=True)
            ]
        )
        answer = f'<span class="key">{"、".join(question.answer)}</span> ' + "；".join([field_html(o) for o in correct])
        common = _common_fields(question, correct, speaker, heading, your_answer)
        return [field_html(question.stem), options, TYPE_TITLES[question.type], answer, *common]
    if question.type == "true_false":
        common = _common_fields(question, (), speaker, heading, your_answer)
        return [field_html(question.stem), f'<span class="key">{question.answer_text}</span>', *common]
    accepted = "；".join([field_html(a) for a in question.answer[1:]])
    common = _common_fields(question, question.answer, speaker, heading, your_answer)
    return [cloze_text(question), accepted, *common]


def _common_fields(
    question: Question, marked: Sequence[str], speaker: str, heading: str, your_answer: str
) -> list[str]:
    """The fields every note type ends with: explanation, the source with ``marked`` (the
    correct options or accepted texts) highlighted, speaker, heading, question id, your answer."""
    return [
        field_html(question.explanation),
        highlight(question.source, marked),
        speaker,
        heading,
        field_html(question.id),
        field_html(your_answer),
    ]


_last_speeches: tuple[tuple[Speech, ...], dict[str, tuple[str, str, str]]] = ((), {})


def _speech_fields(bank: Bank) -> dict[str, tuple[str, str, str]]:
    """Speech id → its notes' speaker and heading fields (HTML) and its article's title (plain;
    "" but in a bank merged from several, :attr:`~studykit.model.Speech.article`), computed once
    per bank's speeches rather than once per note."""
    global _last_speeches
    speeches, fields = _last_speeches
    if speeches is not bank.speeches:  # the tuple is held, so its identity cannot be reused
        fields = {s.id: (_speaker(s) if s.speaker else "", field_html(s.heading), s.article) for s in bank.speeches}
        _last_speeches = (bank.speeches, fields)
    return fields


def _letters(question: Question) -> str:
    return LETTERS[: len(question.options)]


def note_tags(question: Question, bank_id: str = "") -> list[str]:
    """The speech's tag, type, ``难度<N>``, then the bank's own tags (none contains a space).

    The speech's tag names its bank: ``<bank id>::<speech id>`` (an Anki tag hierarchy: the article,
    then its parts), so in a collection of a year's articles two articles' ``intro`` or ``part-1``
    never share a tag.  ``bank_id`` is the question's bank; a question of a merged bank
    (:meth:`~studykit.library.Library.merged`, speech ``<bank id>/<speech id>``) names its own.
    """
    own, _sep, speech = question.speech.rpartition(BANK_SEPARATOR)
    bank = own or bank_id
    tags = [f"{bank}::{speech}" if bank else speech, question.type, f"难度{question.difficulty}", *question.tags]
    return [t.replace(" ", "_") for t in dict.fromkeys(tags)]


def model_for(question: Question) -> genanki.Model:
    """The note type of ``question``'s note."""
    if question.is_choice:
        return CHOICE_MODEL
    return TRUE_FALSE_MODEL if question.type == "true_false" else CLOZE_MODEL


def build_notes(
    bank: Bank,
    questions: Sequence[Question],
    *,
    namespace: str = "",
    your_answers: Mapping[str, str] | None = None,
    cite_article: bool = False,
) -> list[genanki.Note]:
    """One genanki note per question, in the given order; ``due`` (new-card order) is the bank order.

    GUIDs come from :func:`note_guid` with ``namespace``; ``your_answers`` maps a
    question id to the member's answer as text, shown on the back; ``cite_article`` as in
    :func:`note_fields`.
    """
    your_answers = your_answers or {}
    order = _bank_order(bank)
    return [
        genanki.Note(
            model=model_for(q),
            fields=note_fields(bank, q, your_answers.get(q.id, ""), cite_article=cite_article),
            tags=note_tags(q, bank.id),
            guid=note_guid(*_own_ids(bank.id, q.id), namespace),
            due=order.get(q.id, 0),
        )
        for q in questions
    ]


def _own_ids(bank_id: str, question_id: str) -> tuple[str, str]:
    """The bank id and question id a note's GUID derives from: the question's own bank and id,
    also for a question of a merged bank (``<bank id>/<question id>``, a 错题本 of a paper mixing
    articles), so its note is the one a single article's deck or 错题本 gives the question."""
    own, _sep, ident = question_id.rpartition(BANK_SEPARATOR)
    return (own, ident) if own else (bank_id, question_id)


_last_order: tuple[tuple[Question, ...], dict[str, int]] = ((), {})


def _bank_order(bank: Bank) -> dict[str, int]:
    """Question id → position in the bank (computed once per bank, not once per deck)."""
    global _last_order
    questions, order = _last_order
    if questions is not bank.questions:  # the tuple is held, so its identity cannot be reused
        order = {q.id: position for position, q in enumerate(bank.questions)}
        _last_order = (bank.questions, order)
    return order


def build_deck(
    bank: Bank,
    name: str,
    questions: Sequence[Question],
    *,
    deck_key: Sequence[str],
    description: str = "",
    namespace: str = "",
    your_answers: Mapping[str, str] | None = None,
    cite_article: bool = False,
) -> genanki.Deck:
    """A genanki deck called ``name`` (``::`` for subdecks) holding ``questions``' notes.

    Its id is :func:`deck_id_for` ``(bank.id, *deck_key)``; ``description`` is
    HTML shown on the deck's overview; ``namespace``, ``your_answers`` and ``cite_article`` go
    to :func:`build_notes`.
    """
    deck = genanki.Deck(deck_id_for(bank.id, *deck_key), name, description)
    for model in MODELS:
        deck.add_model(model)
    for note in build_notes(bank, questions, namespace=namespace, your_answers=your_answers, cite_article=cite_article):
        deck.add_note(note)
    return deck


# -- the package -------------------------------------------------------------------
