"""Baseline for the anki benchmark: the same bank load plus a bare genanki write of the same notes.

Usage: ``python benchmarks/bare_genanki.py BANK NOTES.marshal OUT.apkg``.  ``NOTES.marshal``
holds, prepared beforehand by :func:`dump_notes` (not timed), exactly the note types,
decks and notes (GUIDs, fields, tags, new-card order) that ``studykit anki`` writes for
BANK.  The baseline loads the bank as studykit does, rebuilds those genanki objects and
writes them with genanki's own ``Package.write_to_file``: the floor a studykit export is
measured against (no escaping, highlighting or field building, no keeping of unchanged
notes' times, no compression, no atomic rename).  Its collection holds what studykit's
does, table by table (the cards' ``due`` came along only in issue 17's last round: until
then every baseline card had ``due`` 0, the same work with other values).  The notes are kept with :mod:`marshal`, whose load
takes milliseconds: an earlier JSON file cost the baseline 0.04 s of decoding at
10,000 questions, time studykit does not spend, which flattered studykit's ratio.
"""

from __future__ import annotations

import json
import marshal
import sys
from pathlib import Path
from typing import Any

import genanki

from studykit import load_bank


def dump_notes(bank_path: str | Path, out: str | Path) -> None:
    """Write the note types, decks and notes studykit exports for the bank (a :mod:`marshal` file)."""
    from studykit.anki import build_package

    package = build_package(load_bank(bank_path))
    models: dict[int, dict[str, Any]] = {}
    decks = []
    for deck in package.decks:
        notes = []
        for note in deck.notes:
            m = note.model
            models[m.model_id] = {
                "id": m.model_id, "name": m.name, "fields": m.fields, "templates": m.templates,
                "css": m.css, "type": m.model_type,
            }  # fmt: skip
            notes.append(
                {"model": m.model_id, "guid": note.guid, "fields": note.fields, "tags": note.tags, "due": note.due}
            )
        decks.append({"id": deck.deck_id, "name": deck.name, "description": deck.description, "notes": notes})
    plain = json.loads(json.dumps({"models": list(models.values()), "decks": decks}))  # plain lists, dicts, str
    Path(out).write_bytes(marshal.dumps(plain))


def main(bank_path: str, notes_path: str, out: str) -> None:
    load_bank(bank_path)  # the same load as studykit's
    data = marshal.loads(Path(notes_path).read_bytes())
    models = {
        m["id"]: genanki.Model(
            m["id"], m["name"], fields=m["fields"], templates=m["templates"], css=m["css"], model_type=m["type"]
        )
        for m in data["models"]
    }
    decks = []
    for d in data["decks"]:
        deck = genanki.Deck(d["id"], d["name"], d["description"])
        for n in d["notes"]:
            model = models[n["model"]]
            deck.add_note(genanki.Note(model=model, fields=n["fields"], guid=n["guid"], tags=n["tags"], due=n["due"]))
        decks.append(deck)
    genanki.Package(decks).write_to_file(out, timestamp=1700000000)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
