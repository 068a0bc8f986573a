"""Baseline for the anki benchmark: the same bank load plus a bare genanki write of the same notes.

Usage: ``python benchmarks/bare_genanki.py BANK OUT.apkg``.  One plain note type,
one deck, one note per question with the fields studykit fills (no subdecks, no
escaping, no highlighting, no atomic rename): the floor a studykit export is measured against.
"""

from __future__ import annotations

import sys

import genanki

from studykit import load_bank

FIELDS = ["QuestionId", "Stem", "Options", "Answer", "Explanation", "Source", "Speaker", "Heading"]


def main(bank_path: str, out: str) -> None:
    bank = load_bank(bank_path)
    model = genanki.Model(
        1607392319,
        "bare",
        fields=[{"name": f} for f in FIELDS],
        templates=[{"name": "Card 1", "qfmt": "{{Stem}}<br>{{Options}}", "afmt": "{{FrontSide}}<hr>{{Answer}}"}],
    )
    deck = genanki.Deck(2059400110, bank.title)
    speeches = {s.id: s for s in bank.speeches}
    for q in bank.questions:
        s = speeches[q.speech]
        fields = [q.id, q.stem, "<br>".join(q.options), q.answer_text, q.explanation, q.source, s.speaker, s.heading]
        deck.add_note(genanki.Note(model=model, fields=fields, guid=genanki.guid_for(bank.id, q.id)))
    genanki.Package(deck).write_to_file(out, timestamp=1700000000)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
