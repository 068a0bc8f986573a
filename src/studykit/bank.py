"""Load and validate a question bank (``question_bank.yaml`` and its ``material/``).

The format is documented in the README.  :func:`load_bank` reads the YAML as
text (see :mod:`studykit._yaml`), checks every rule, reports *every* problem in
one :class:`~studykit.errors.BankError`, and returns a frozen
:class:`~studykit.model.Bank` that also carries the derived attribution
questions (see :mod:`studykit.attribution`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

from . import _cache
from ._gc import gc_paused
from ._yaml import REFUSED, YList, YMap, duplicate_message, load_text_yaml
from ._yaml import show_value as _show
from .attribution import derive_attribution_questions
from .errors import BankError, Problem
from .i18n import _, join, ngettext, os_reason, type_name
from .model import (
    CHOICE_TYPES,
    LETTERS,
    QUESTION_TYPES,
    Bank,
    Provenance,
    Question,
    Speech,
)

BANK_FILENAME = "question_bank.yaml"

#: Marker a choice stem carries where the answer goes: full-width parentheses around a space.
CHOICE_MARKER = "（ ）"
#: Marker of the blank in a fill_blank stem: four or more ASCII underscores.
BLANK_RE = re.compile(r"_{4,}")

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_WS_RE = re.compile(r"\s+")
_LETTER_SEP_RE = re.compile(r"[\s,，、;；]+")
#: Catch-all options a good item never uses ("all of the above" and kin).
_CATCH_ALL_RE = re.compile(
    r"^(以上|上述)[^，。,.]{0,6}?(都|均|皆|全)?(是|对|正确|不是|不对|不正确|错误|都对|都不对)$"
    r"|^(都|均|全)(对|不对|是|不是|正确|错误|不正确)$"
)
#: An option that carries its own letter label ("A. …", "Ｂ、…"): studykit letters options itself.
#: Characters no document can hold (python-docx/lxml refuse them, Word and browsers drop them): C0
#: controls but tab and newline, DEL, and the noncharacters U+FFFE/U+FFFF.  YAML's double-quoted
#: escapes (``"\x01"``) let them past the YAML reader, which refuses them written raw.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


_IDEOGRAPH = re.compile("[\u4e00-\u9fff]").search


def control_problem(text: str) -> str | None:
    """``"contains the control character U+0001 (delete it; often a paste)"`` for the first
    character of ``text`` that no document can hold (see :data:`_CONTROL_RE`); ``None`` if none."""
    found = _CONTROL_RE.search(text)
    if found is None:
        return None
    if found.group() < "\x80":
        message = _("contains the control character U+{code:04X} (delete it; often a paste)")
    else:
        message = _("contains the noncharacter U+{code:04X} (delete it; often a paste)")
    return message.format(code=ord(found.group()))


_LETTERED_RE = re.compile(r"^[A-Fa-fＡ-Ｆａ-ｆ]\s*[.．、:：)）]")

_TOP_FIELDS = {"bank", "speeches", "questions"}
_BANK_FIELDS = {"id", "title", "provenance", "description"}
_SPEECH_FIELDS = {"id", "speaker", "position", "heading", "material"}
_QUESTION_FIELDS = {
    "id", "speech", "type", "stem", "options", "answer",
    "explanation", "source", "tags", "difficulty", "fact", "draft",
}  # fmt: skip
_QUESTION_REQUIRED = ("id", "speech", "type", "stem", "answer", "explanation", "source")
_PROVENANCE_FIELDS = ("publication", "section", "title", "event", "date", "venue", "format", "series", "compiler")
#: Keys of the provenance file that record how the material was prepared; kept for people, not
#: read: ``compiler_credit`` (the credit line as printed), ``original_file`` and
#: ``original_sha256`` (the page as received), ``dropped_lines`` (lines left out when splitting
#: it), ``files`` (the material files made from it).  Any other key is a warning (a typo of a
#: field, or something studykit would silently ignore).
_PROVENANCE_RECORD_KEYS = ("compiler_credit", "original_file", "original_sha256", "dropped_lines", "files")

MIN_OPTIONS, MAX_OPTIONS = 3, 6
#: Share of single-choice keys one letter may hold before a warning.
MAX_LETTER_SHARE = 0.40


def squash(text: str) -> str:
    """``text`` without any whitespace: how sources are matched to material ("whitespace aside")."""
    return _WS_RE.sub("", text)


def is_catch_all(option: str) -> bool:
    """Whether ``option`` is a catch-all such as 以上都是 / 以上都不对 (whitespace aside).

    ``check`` warns of one; a quiz keeps one last when it shuffles options."""
    return bool(_CATCH_ALL_RE.match(squash(option)))


def default_bank_path() -> Path:
    """The bank a command uses when ``--bank`` is not given.

    ``./question_bank.yaml`` if it exists; else, when studykit runs from a source
    checkout (``src/studykit``), the one at the repository root; else the copy
    shipped in the installed package (``studykit/data/question_bank.yaml``).
    """
    here = Path(BANK_FILENAME)
    if here.is_file():
        return here
    package = Path(__file__).resolve().parent
    checkout = package.parents[1] / BANK_FILENAME
    if package.parent.name == "src" and checkout.is_file():
        return checkout
    return Path(str(resources.files("studykit") / "data" / BANK_FILENAME))


def load_bank(path: str | Path | None = None, *, strict: bool = False, cache: bool = True) -> Bank:
    """Read, validate and return the bank at ``path`` (default: :func:`default_bank_path`).

    Raises :class:`~studykit.errors.BankError` listing every error found (every
    warning too when ``strict``), each as ``FILE:LINE: question ID, field F:
    what is wrong (what was expected)``; a YAML syntax error stops at once.  The
    returned bank's ``warnings`` hold the warnings as text lines.

    With ``cache`` (and unless ``$STUDYKIT_NO_CACHE`` is set) a bank whose file
    and material are byte-for-byte unchanged since a previous load is read from
    the JSON cache described in :mod:`studykit._cache` instead of being parsed.
    """
    bank_path = Path(path) if path is not None else default_bank_path()
    validator = _Validator(bank_path)
    raw = validator.read()
    use_cache = cache and _cache.enabled()
    if use_cache:
        hit = _cache.lookup(bank_path, raw)
        if hit is not None and not (strict and hit.warnings):
            return hit
    with gc_paused():  # the node tree is large and acyclic: the collector's walks are pure cost
        bank = dataclasses.replace(
            validator.run(raw, strict=strict), files=tuple(Path(rel) for rel, _ in validator.inputs)
        )
    if use_cache:
        _cache.store(bank, raw, validator.inputs)
    return bank


def without_drafts(bank: Bank) -> Bank:
    """``bank`` without the questions still marked ``draft: true`` (what quizzes, decks and
    handouts use unless asked to include drafts); the same bank if it has none."""
    if not any(q.draft for q in bank.questions):
        return bank
    return dataclasses.replace(bank, questions=tuple(q for q in bank.questions if not q.draft))


def summarize(bank: Bank) -> str:
    """One line: how many questions, per speech and per type."""
    per_speech = Counter(q.speech for q in bank.questions)
    per_type = Counter(q.type for q in bank.questions)
    derived = sum(q.derived for q in bank.questions)
    drafts = sum(q.draft for q in bank.questions)
    speeches = join(f"{s.id} {per_speech[s.id]}" for s in bank.speeches)
    types = join(_("{kind} {n}").format(kind=type_name(t), n=per_type[t]) for t in QUESTION_TYPES if per_type[t])
    return _(
        "{path}: OK, {n} questions ({curated} curated, {derived} derived{drafts}) in {parts} parts — {speeches}; {types}"
    ).format(
        path=bank.path,
        n=len(bank.questions),
        curated=len(bank.questions) - derived,
        derived=derived,
        drafts=_(", {n} of them drafts to review").format(n=drafts) if drafts else "",
        parts=len(bank.speeches),
        speeches=speeches,
        types=types,
    )


#: Top-level keys of files studykit writes that are not banks: (key, what the file is, where it goes).
_OTHER_FILES = (
    ("studykit_key", "a studykit answer key", "grade --key"),
    ("studykit_grade_report", "a studykit grade report", "handout --from-report"),
)


class _Validator:
    """Collects every problem of one bank file; one instance per load."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = str(path)
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        #: every speech id declared, valid or not (id -> line), so a question citing an
        #: invalid speech is not reported a second time as citing an unknown one
        self.declared_speeches: dict[str, int] = {}
        self.stems: dict[str, str] = {}  # squashed stem -> id of the first question with it
        #: every other file read, as (path relative to the bank's folder, bytes), for the cache
        self.inputs: list[tuple[str, bytes]] = []

    # -- reporting -------------------------------------------------------------
    def error(self, line: int, where: str, message: str) -> None:
        self.errors.append(Problem(self.name, line, where, message))

    def warn(self, line: int, where: str, message: str) -> None:
        self.warnings.append(Problem(self.name, line, where, message, "warning"))

    # -- entry -----------------------------------------------------------------
    def read(self) -> bytes:
        """The bank file's bytes; :class:`BankError` if it cannot be read."""
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            raise BankError(
                _("no question bank at {path} (give one with --bank PATH)").format(path=self.name)
            ) from None
        except IsADirectoryError:
            raise BankError(_("{path} is a folder (expected the bank's YAML file)").format(path=self.name)) from None
        except OSError as exc:
            raise BankError(_("cannot read {path}: {reason}").format(path=self.name, reason=os_reason(exc))) from None
        except ValueError:  # e.g. a NUL byte in the path
            raise BankError(_("{path!r} is not a valid file path").format(path=self.name)) from None

    def run(self, raw: bytes, *, strict: bool) -> Bank:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            problem = Problem(self.name, line, "", _("not UTF-8 text (save the bank as UTF-8)"))
            raise BankError(_("{path} is not UTF-8").format(path=self.name), (problem,)) from None
        data, problems = load_text_yaml(text, self.name, report_duplicates=False)
        del text  # the data holds what is needed; a large bank's text is 50 MB and more
        self.refuse_other_studykit_file(data)
        self.errors.extend(problems)
        self.root = self.path.resolve().parent
        self.digest = hashlib.sha256(raw)
        bank = self.build(data)
        self.errors.sort(key=lambda p: p.line)
        self.warnings.sort(key=lambda p: p.line)
        found = self.errors + (self.warnings if strict else [])
        if found or bank is None:
            if strict and self.warnings:
                summary = _("{file}: {errors} error(s) and {warnings} warning(s) (--strict)")
            else:
                summary = _("{file}: {errors} error(s)")
            summary = summary.format(file=self.name, errors=len(self.errors), warnings=len(self.warnings))
            raise BankError(summary, tuple(found))
        return bank

    def refuse_other_studykit_file(self, data: Any) -> None:
        """A file studykit writes for another purpose, given as the bank, is named as what it
        is (one line, not an 'unknown top-level key' per field of it)."""
        if not isinstance(data, YMap):
            return
        for marker, what, where in _OTHER_FILES:
            if marker in data:
                what = {
                    "studykit_key": _("a studykit answer key"),
                    "studykit_grade_report": _("a studykit grade report"),
                }[marker]
                raise BankError(
                    _("{path}: this is {what}, not a question bank (give it with {where})").format(
                        path=self.name, what=what, where=where
                    )
                )

    def build(self, data: Any) -> Bank | None:
        if not isinstance(data, YMap):
            self.error(
                getattr(data, "line", 1), "", _("the bank must be a mapping with keys bank, speeches, questions")
            )
            return None
        for key in data:
            if key not in _TOP_FIELDS:
                self.error(
                    data.key_lines[key],
                    "",
                    _("unknown top-level key {key!r} (expected bank, speeches, questions)").format(key=key),
                )
        for key in sorted(_TOP_FIELDS - set(data)):
            self.error(data.line, "", _("missing top-level key {key!r}").format(key=key))
        lines = data.key_lines
        head = self.bank_header(data["bank"], lines["bank"]) if "bank" in data else None
        speeches = self.speeches(data["speeches"], lines["speeches"]) if "speeches" in data else []
        questions = (
            self.questions(data["questions"], lines["questions"], {s.id: s for s in speeches})
            if "questions" in data
            else []
        )
        if data.any_duplicates:
            self.report_duplicates(data)
        if head is None:
            return None
        bank_id, title, provenance = head
        derived = derive_attribution_questions(bank_id, speeches, questions)
        curated_ids = {q.id: q.line for q in questions}
        for q in derived:
            if q.id in curated_ids:
                self.error(
                    curated_ids[q.id],
                    f"question {q.id!r}, field 'id'",
                    _("this id is reserved for a derived attribution question"),
                )
        self.bank_warnings(questions, data.key_lines.get("questions", data.line))
        self.draft_warnings(speeches, questions)
        for s in speeches:
            self.digest.update(b"\0" + str(s.material).encode() + b"\0" + s.text.encode())
        return Bank(
            id=bank_id,
            title=title,
            path=self.path,
            root=self.root,
            speeches=tuple(speeches),
            questions=tuple(questions) + tuple(derived),
            fingerprint=self.digest.hexdigest(),
            provenance=provenance,
            warnings=tuple(str(w) for w in self.warnings),
        )

    # -- the bank header -------------------------------------------------------
    def bank_header(self, raw: Any, line: int) -> tuple[str, str, Provenance] | None:
        if not isinstance(raw, YMap):
            self.error(line, "bank", _("expected a mapping with id and title"))
            return None
        self.unknown_fields(raw, _BANK_FIELDS, "bank")
        bank_id = self.text(raw, "id", "bank", required=True)
        title = self.text(raw, "title", "bank", required=True)
        if bank_id and not _SLUG_RE.match(bank_id):
            self.error(
                raw.key_lines["id"],
                "bank, field 'id'",
                _("{id!r} is not a valid id (expected lowercase letters, digits and hyphens, e.g. my-bank-2)").format(
                    id=bank_id
                ),
            )
        provenance = Provenance()
        prov_path = self.text(raw, "provenance", "bank")
        if prov_path:
            provenance = self.provenance(prov_path, raw.key_lines["provenance"])
        if not bank_id or not title:
            return None
        return bank_id, title, provenance

    def provenance(self, rel: str, line: int) -> Provenance:
        path = self.resolve(rel, line, "bank, field 'provenance'")
        if path is None:
            return Provenance()
        shown = str(Path(self.name).parent / rel)
        try:
            raw = path.read_bytes()
            data, problems = load_text_yaml(raw.decode("utf-8-sig"), shown)
        except OSError as exc:
            self.error(
                line,
                "bank, field 'provenance'",
                _("cannot read {path}: {reason}").format(path=rel, reason=os_reason(exc)),
            )
            return Provenance()
        except UnicodeDecodeError:
            self.error(line, "bank, field 'provenance'", _("{path} is not UTF-8 text").format(path=rel))
            return Provenance()
        except BankError as exc:
            self.errors.extend(exc.problems)
            return Provenance()
        self.errors.extend(problems)
        self.inputs.append((rel, raw))
        self.digest.update(b"\0" + rel.encode() + b"\0" + raw)
        if not isinstance(data, dict):
            self.error(line, "bank, field 'provenance'", _("{path} must be a mapping").format(path=rel))
            return Provenance()
        known = _PROVENANCE_FIELDS + _PROVENANCE_RECORD_KEYS
        for key in data:
            if key not in known:
                self.warnings.append(
                    Problem(
                        shown,
                        data.key_lines[key] if isinstance(data, YMap) else 0,
                        f"key {key!r}",
                        _("unknown provenance key, ignored (expected one of: {known})").format(known=", ".join(known)),
                        "warning",
                    )
                )
        return Provenance(**{k: data[k] for k in _PROVENANCE_FIELDS if isinstance(data.get(k), str)})

    def resolve(self, rel: str, line: int, where: str) -> Path | None:
        """``rel`` resolved against the bank's folder, if it exists and stays inside it."""
        try:
            candidate = (self.root / rel).resolve()
            is_file = candidate.is_file()
        except (OSError, ValueError):  # a NUL byte, a name too long, a loop of links
            self.error(line, where, _("{path!r} is not a valid file path").format(path=rel))
            return None
        if not candidate.is_relative_to(self.root):
            self.error(
                line,
                where,
                _("{path!r} is outside the bank's folder (expected a relative path inside it)").format(path=rel),
            )
            return None
        if not is_file:
            self.error(
                line, where, _("file {path!r} not found (paths are relative to the bank's folder)").format(path=rel)
            )
            return None
        return candidate

    # -- speeches --------------------------------------------------------------
    def speeches(self, raw: Any, line: int) -> list[Speech]:
        if not isinstance(raw, YList) or not raw:
            self.error(line, "speeches", _("expected a list of speeches (at least one)"))
            return []
        result: list[Speech] = []
        seen = self.declared_speeches
        for number, (item, item_line) in enumerate(zip(raw, raw.item_lines, strict=True)):
            if not isinstance(item, YMap):
                self.error(item_line, f"speech #{number + 1}", _("expected a mapping with id, heading, material"))
                continue
            sid = self.text(item, "id", f"speech #{number + 1}", required=True)
            where = f"speech {sid!r}" if sid else f"speech #{number + 1}"
            self.unknown_fields(item, _SPEECH_FIELDS, where)
            if sid and not _SLUG_RE.match(sid):
                self.error(
                    item.key_lines["id"],
                    f"{where}, field 'id'",
                    _(
                        "{id!r} is not a valid id (expected lowercase letters, digits and hyphens, e.g. ren-jiantao)"
                    ).format(id=sid),
                )
            duplicate = bool(sid) and sid in seen
            if sid and duplicate:
                self.error(
                    item.key_lines["id"],
                    f"{where}, field 'id'",
                    _("duplicate speech id (first at line {line})").format(line=seen[sid]),
                )
            elif sid:
                seen[sid] = item.key_lines["id"]
            heading = self.text(item, "heading", where, required=True)
            speaker = self.text(item, "speaker", where)
            position = self.text(item, "position", where)
            if bool(speaker) != bool(position):
                self.error(
                    item.line, where, _("speaker and position go together (give both, or neither for the introduction)")
                )
            rel = self.text(item, "material", where, required=True)
            path = self.resolve(rel, item.key_lines["material"], f"{where}, field 'material'") if rel else None
            text = self.read_material(path, rel, item.key_lines["material"], where) if path and rel else None
            if text is not None:
                flat = squash(text)
                if heading and squash(heading) not in flat:
                    self.error(
                        item.key_lines["heading"],
                        f"{where}, field 'heading'",
                        _("{heading!r} does not occur in {path} (expected the heading exactly as written)").format(
                            heading=heading, path=rel
                        ),
                    )
                if (
                    speaker
                    and position
                    and squash(speaker + position) not in flat
                    and squash(position + speaker) not in flat
                ):
                    self.error(
                        item.key_lines["speaker"],
                        f"{where}, field 'position'",
                        _(
                            "'{speaker} {position}' does not occur in {path} (expected speaker and post exactly as written)"
                        ).format(speaker=speaker, position=position, path=rel),
                    )
            if sid and heading and rel and text is not None and not duplicate:
                result.append(
                    Speech(sid, heading, Path(rel), text, len(result), speaker or "", position or "", item.line)
                )
        return result

    def read_material(self, path: Path, rel: str, line: int, where: str) -> str | None:
        try:
            raw = path.read_bytes()
            text = raw.decode("utf-8")
            self.inputs.append((rel, raw))
            return text
        except UnicodeDecodeError:
            self.error(line, f"{where}, field 'material'", _("{path} is not UTF-8 text").format(path=rel))
        except OSError as exc:
            self.error(
                line,
                f"{where}, field 'material'",
                _("cannot read {path}: {reason}").format(path=rel, reason=os_reason(exc)),
            )
        return None

    # -- questions -------------------------------------------------------------
    def questions(self, raw: Any, line: int, speeches: dict[str, Speech]) -> list[Question]:
        if not isinstance(raw, YList) or not raw:
            self.error(line, "questions", _("expected a list of questions (at least one)"))
            return []
        flat_material = {sid: squash(s.text) for sid, s in speeches.items()}
        result: list[Question] = []
        seen_ids: dict[str, int] = {}
        for number, (item, item_line) in enumerate(zip(raw, raw.item_lines, strict=True)):
            if not isinstance(item, YMap):
                self.error(item_line, f"question #{number + 1}", _("expected a mapping (id, speech, type, stem, …)"))
                continue
            q = self.question(item, number, speeches, flat_material, seen_ids)
            if q is not None:
                result.append(q)
        return result

    def question(
        self,
        item: YMap,
        number: int,
        speeches: dict[str, Speech],
        flat_material: dict[str, str],
        seen_ids: dict[str, int],
    ) -> Question | None:
        before = len(self.errors)
        qid = self.text(item, "id", f"question #{number + 1}", required=True)
        where = f"question {qid!r}" if qid else f"question #{number + 1}"
        self.unknown_fields(item, _QUESTION_FIELDS, where)
        if qid:
            if not _ID_RE.match(qid):
                self.error(item.key_lines["id"], f"{where}, field 'id'", _("expected letters, digits, '-', '_' or '.'"))
            if qid in seen_ids:
                self.error(
                    item.key_lines["id"],
                    f"{where}, field 'id'",
                    _("duplicate id (first at line {line})").format(line=seen_ids[qid]),
                )
            else:
                seen_ids[qid] = item.key_lines["id"]

        speech_id = self.text(item, "speech", where, required=True)
        if speech_id and speech_id not in self.declared_speeches:
            known = join(speeches) or _("none")
            self.error(
                item.key_lines["speech"],
                f"{where}, field 'speech'",
                _("unknown speech id {id!r} (expected one of: {known})").format(id=speech_id, known=known),
            )
        qtype = self.text(item, "type", where, required=True)
        if qtype and qtype not in QUESTION_TYPES:
            self.error(
                item.key_lines["type"],
                f"{where}, field 'type'",
                _("unknown type {type!r} (expected one of: {types})").format(
                    type=qtype, types=", ".join(QUESTION_TYPES)
                ),
            )
            qtype = None
        stem = self.text(item, "stem", where, required=True) or ""
        explanation = self.text(item, "explanation", where, required=True) or ""
        source = self.text(item, "source", where, required=True) or ""
        fact = self.text(item, "fact", where) or ""
        options = self.options(item, where, qtype)
        answer = self.answer(item, where, qtype, options)
        tags = self.tags(item, where)
        difficulty = self.difficulty(item, where)
        draft = self.draft(item, where)

        if source and speech_id in flat_material and squash(source) not in flat_material[speech_id]:
            rel = speeches[speech_id].material
            self.error(
                item.key_lines["source"],
                f"{where}, field 'source'",
                _("not found verbatim in {path} (expected an excerpt of speech {id!r}, whitespace aside)").format(
                    path=rel, id=speech_id
                ),
            )
        if qtype == "fill_blank" and answer and source and squash(answer[0]) not in squash(source):
            self.error(
                item.key_lines["answer"],
                f"{where}, field 'answer'",
                _("{answer!r} does not occur in the source (expected the blank's text as the source writes it)").format(
                    answer=answer[0]
                ),
            )
        self.question_warnings(item, where, qtype, stem, options)

        if len(self.errors) > before or not (qid and speech_id and qtype and stem and answer):
            return None
        return Question(
            id=qid,
            speech=speech_id,
            type=qtype,
            stem=stem,
            answer=answer,
            explanation=explanation,
            source=source,
            options=options,
            tags=tags,
            difficulty=difficulty,
            line=item.line,
            fact=fact,
            draft=draft,
        )

    def draft(self, item: YMap, where: str) -> bool:
        """The optional ``draft`` flag: ``true`` for a question drafted and not yet reviewed."""
        raw = item.get("draft")
        if raw is None or raw is REFUSED:
            return False
        value = raw.strip().lower() if isinstance(raw, str) else ""
        if value not in ("true", "false"):
            self.error(
                item.key_lines["draft"],
                f"{where}, field 'draft'",
                _("{value} is not true or false (expected true, or delete the line once reviewed)").format(
                    value=_show(raw)
                ),
            )
            return False
        return value == "true"

    def options(self, item: YMap, where: str, qtype: str | None) -> tuple[str, ...]:
        raw = item.get("options")
        if qtype not in CHOICE_TYPES:
            if "options" in item and qtype:
                self.error(
                    item.key_lines["options"],
                    f"{where}, field 'options'",
                    _("a {type} question has no options (only single and multiple do)").format(type=qtype),
                )
            return ()
        line = item.key_lines.get("options", item.line)
        if raw is REFUSED:
            return ()
        if "options" not in item:
            self.error(
                line,
                f"{where}, field 'options'",
                _("missing (a {type} question needs {min}–{max} options)").format(
                    type=qtype, min=MIN_OPTIONS, max=MAX_OPTIONS
                ),
            )
            return ()
        if not isinstance(raw, YList):
            self.error(
                line,
                f"{where}, field 'options'",
                _("expected a list of {min}–{max} option texts").format(min=MIN_OPTIONS, max=MAX_OPTIONS),
            )
            return ()
        options: list[str] = []
        seen: dict[str, int] = {}
        read_as: dict[str, int] = {}  # the grader's form of each option → its index
        for i, (opt, opt_line) in enumerate(zip(raw, raw.item_lines, strict=True)):
            label = f"{where}, field 'options'"
            if not isinstance(opt, str) or not opt.strip():
                self.error(
                    opt_line,
                    label,
                    (
                        _("option {number} is empty (expected option text)")
                        if opt is None or isinstance(opt, str)
                        else _("option {number} is not text (expected option text)")
                    ).format(number=i + 1),
                )
                continue
            text = opt.strip()
            problem = control_problem(text)
            if problem:
                self.error(opt_line, label, _("option {number} {problem}").format(number=i + 1, problem=problem))
            if _LETTERED_RE.match(text):
                self.error(
                    opt_line,
                    label,
                    _(
                        "option {text!r} carries its own letter (expected the text only; studykit letters the options)"
                    ).format(text=text),
                )
            key = unicodedata.normalize("NFKC", squash(text))
            if key in seen:
                self.error(
                    opt_line,
                    label,
                    _("duplicate option {text!r} (same as option {number})").format(text=text, number=seen[key] + 1),
                )
            else:
                self.option_reading(text, i, len(raw), opt_line, label, read_as)
            seen.setdefault(key, i)
            options.append(text)
        if not MIN_OPTIONS <= len(raw) <= MAX_OPTIONS:
            self.error(
                line,
                f"{where}, field 'options'",
                _("{n} options (expected {min}–{max})").format(n=len(raw), min=MIN_OPTIONS, max=MAX_OPTIONS),
            )
        return tuple(options)

    def option_reading(self, text: str, i: int, n_options: int, line: int, label: str, read_as: dict[str, int]) -> None:
        """Refuse option ``i`` when the grader cannot tell an answer of its text from another:
        only punctuation, bare letters (``A`` would read as the letter), or the same as an
        earlier option in the grader's own form (:func:`~studykit.text.blank_form`,
        e.g. ``“X”`` and ``X``: ``grade`` would refuse the quiz's key)."""
        from .text import blank_form, reads_as_letters

        form = blank_form(text)
        if not form or all(unicodedata.category(c)[0] in "PZ" for c in form):
            self.error(
                line,
                label,
                _("option {number} {text!r} is only punctuation (expected words: an answer written as "
                  "the option's text could not be read)").format(number=i + 1, text=text),
            )  # fmt: skip
            return
        # a CJK ideograph survives NFKC and every strip of reads_as_letters: such text never reads
        # as letters (the check itself costs a tenth of a large bank's validation)
        as_written = not _IDEOGRAPH(text) and reads_as_letters(text, n_options)
        if as_written or (not _IDEOGRAPH(form) and reads_as_letters(form, n_options)):  # 'a“' reads as a
            self.error(
                line,
                label,
                _("option {number} {text!r} reads as option letters (an answer {answer!r} could mean "
                  "those letters or this option; write the option's words)").format(
                    number=i + 1, text=text, answer=(squash(text) if as_written else form).upper()),
            )  # fmt: skip
            return
        if form in read_as:
            self.error(
                line,
                label,
                _("option {number} {text!r} reads the same as option {first} to the grader (quotes, "
                  "brackets, case and trailing punctuation aside; grade would refuse the quiz's key)").format(
                    number=i + 1, text=text, first=read_as[form] + 1),
            )  # fmt: skip
        read_as.setdefault(form, i)

    def answer(self, item: YMap, where: str, qtype: str | None, options: tuple[str, ...]) -> tuple[str, ...]:
        if "answer" not in item:
            self.error(item.line, f"{where}, field 'answer'", _("missing (required)"))
            return ()
        if qtype is None or item["answer"] is REFUSED:
            return ()
        raw = item["answer"]
        line = item.key_lines["answer"]
        label = f"{where}, field 'answer'"
        if raw is None:
            self.error(line, label, _("empty (required)"))
            return ()
        if qtype in CHOICE_TYPES:
            if isinstance(raw, YList):
                parts = [p.strip() if isinstance(p, str) else "?" for p in raw]
            elif isinstance(raw, str):
                parts = [c for c in _LETTER_SEP_RE.sub("", raw.strip())]
            else:
                parts = []
            letters = LETTERS[: len(options)]
            span = f"A–{letters[-1]}" if letters else _("letters")
            if not parts or any(len(p) != 1 or p not in LETTERS for p in parts):
                self.error(
                    line,
                    label,
                    (
                        _("{value} is not option letters (expected one letter in {span})")
                        if qtype == "single"
                        else _("{value} is not option letters (expected letters such as ACD in {span})")
                    ).format(value=_show(raw), span=span),
                )
                return ()
            bad = [p for p in parts if p not in letters]
            if bad and options:
                self.error(
                    line,
                    label,
                    _("{letters!r} is not one of the options {span}").format(letters="、".join(bad), span=span),
                )
                return ()
            if len(set(parts)) != len(parts):
                self.error(line, label, _("{value} repeats a letter").format(value=_show(raw)))
                return ()
            if qtype == "single" and len(parts) != 1:
                self.error(
                    line,
                    label,
                    _(
                        "{value}: a single-choice item has exactly one key (expected one letter in {span}, or type: multiple)"
                    ).format(value=_show(raw), span=span),
                )
                return ()
            if qtype == "multiple" and len(parts) < 2:
                self.error(
                    line,
                    label,
                    _(
                        "{value}: a multiple-choice item needs at least 2 correct options "
                        "(expected letters such as AC, or type: single)"
                    ).format(value=_show(raw)),
                )
                return ()
            if qtype == "multiple" and options and len(parts) == len(options):
                self.error(
                    line,
                    label,
                    _("every option is correct (the grader never gives points for choosing every option, "
                      "so even the key would score 0; add a distractor)"),
                )  # fmt: skip
                return ()
            return tuple(sorted(parts))
        if qtype == "true_false":
            value = raw.strip().lower() if isinstance(raw, str) else ""
            if value not in ("true", "false"):
                self.error(
                    line, label, _("{value} is not true or false (expected true or false)").format(value=_show(raw))
                )
                return ()
            return (value,)
        # fill_blank
        texts = list(raw) if isinstance(raw, YList) else [raw]
        if not texts or any(not isinstance(t, str) or not t.strip() for t in texts):
            self.error(line, label, _("expected the blank's text, or a list of accepted texts"))
            return ()
        problems = [p for p in map(control_problem, texts) if p]
        if problems:
            self.error(line, label, problems[0])
            return ()
        return tuple(t.strip() for t in texts)

    def tags(self, item: YMap, where: str) -> tuple[str, ...]:
        if "tags" not in item or item["tags"] is None or item["tags"] is REFUSED:
            return ()
        raw = item["tags"]
        line = item.key_lines["tags"]
        if not isinstance(raw, YList) or not all(isinstance(t, str) and t for t in raw):
            self.error(line, f"{where}, field 'tags'", _("expected a list of tag texts"))
            return ()
        for t in raw:
            problem = control_problem(t)
            if problem:
                self.error(line, f"{where}, field 'tags'", _("tag {tag!r} {problem}").format(tag=t, problem=problem))
            elif squash(t) != t:
                self.error(
                    line,
                    f"{where}, field 'tags'",
                    _("tag {tag!r} contains a space (Anki tags cannot; use - or _)").format(tag=t),
                )
        return tuple(raw)

    def difficulty(self, item: YMap, where: str) -> int:
        raw = item.get("difficulty")
        if raw is None or raw is REFUSED:
            return 2
        if raw not in ("1", "2", "3"):
            self.error(
                item.key_lines["difficulty"],
                f"{where}, field 'difficulty'",
                _("{value} (expected 1, 2 or 3)").format(value=_show(raw)),
            )
            return 2
        return int(raw)

    # -- warnings --------------------------------------------------------------
    def question_warnings(self, item: YMap, where: str, qtype: str | None, stem: str, options: tuple[str, ...]) -> None:
        line = item.key_lines.get("stem", item.line)
        if stem:
            key = unicodedata.normalize("NFKC", squash(stem))
            if key in self.stems:
                self.warn(line, f"{where}, field 'stem'", _("same stem as question {id!r}").format(id=self.stems[key]))
            else:
                self.stems[key] = str(item.get("id"))
        if qtype in CHOICE_TYPES and stem and CHOICE_MARKER not in stem:
            self.warn(
                line,
                f"{where}, field 'stem'",
                _("no answer marker {marker!r} (a choice stem should carry it where the answer goes)").format(
                    marker=CHOICE_MARKER
                ),
            )
        if qtype == "fill_blank" and stem and not BLANK_RE.search(stem):
            self.warn(
                line,
                f"{where}, field 'stem'",
                _("no blank ____ (a fill_blank stem should mark its blank with four underscores)"),
            )
        for opt in options:
            if is_catch_all(opt):
                self.warn(
                    item.key_lines["options"],
                    f"{where}, field 'options'",
                    _("{option!r} is a catch-all option (write a real distractor)").format(option=opt),
                )

    def bank_warnings(self, questions: list[Question], line: int) -> None:
        keys = Counter(q.answer[0] for q in questions if q.type == "single")
        total = sum(keys.values())
        if total >= 5:
            for letter, n in sorted(keys.items()):
                if n / total > MAX_LETTER_SHARE:
                    self.warn(
                        line,
                        "questions",
                        _(
                            "{letter} is the key of {n} of {total} single-choice items "
                            "({share:.0%}; expected at most {most:.0%})"
                        ).format(letter=letter, n=n, total=total, share=n / total, most=MAX_LETTER_SHARE),
                    )

    def draft_warnings(self, speeches: list[Speech], questions: list[Question]) -> None:
        """``N drafts to review`` per speech that has questions still marked ``draft: true``."""
        drafts = Counter(q.speech for q in questions if q.draft)
        for s in speeches:
            if drafts[s.id]:
                self.warn(
                    s.line,
                    f"speech {s.id!r}",
                    ngettext(
                        "{n} draft to review (accept it by deleting its 'draft: true' line)",
                        "{n} drafts to review (accept each by deleting its 'draft: true' line)",
                        drafts[s.id],
                    ).format(n=drafts[s.id]),
                )

    def report_duplicates(self, data: YMap) -> None:
        """Report every repeated key, naming the record (bank, speech, question) it stands in."""

        seen: set[int] = set()

        def walk(value: object, where: str) -> None:
            if id(value) in seen:  # an alias already walked
                return
            seen.add(id(value))
            if isinstance(value, YMap):
                for key, line, first in value.duplicates:
                    label = f"{where}, field {key!r}" if where else f"key {key!r}"
                    self.error(line, label, duplicate_message(first))
                for child in value.values():
                    walk(child, where)
            elif isinstance(value, YList):
                for child in value:
                    walk(child, where)

        for key, line, first in data.duplicates:
            self.error(line, f"key {key!r}", duplicate_message(first))
        walk(data.get("bank"), "bank")
        for section, kind in (("speeches", "speech"), ("questions", "question")):
            items = data.get(section)
            if not isinstance(items, YList):
                continue
            for i, item in enumerate(items):
                ident = item.get("id") if isinstance(item, YMap) else None
                walk(item, f"{kind} {ident!r}" if isinstance(ident, str) else f"{kind} #{i + 1}")

    # -- field helpers ---------------------------------------------------------
    def text(self, item: YMap, name: str, where: str, *, required: bool = False) -> str | None:
        """The field as stripped text, or None (reporting it when required or not text)."""
        if name not in item:
            if required:
                self.error(item.line, f"{where}, field {name!r}", _("missing (required)"))
            return None
        value = item[name]
        if value is REFUSED:  # already reported
            return None
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(item.key_lines[name], f"{where}, field {name!r}", _("empty (required)"))
            return None
        if not isinstance(value, str):
            self.error(item.key_lines[name], f"{where}, field {name!r}", _("expected text, not a list or mapping"))
            return None
        problem = control_problem(value)
        if problem:
            self.error(item.key_lines[name], f"{where}, field {name!r}", problem)
            return None
        return value.strip()

    def unknown_fields(self, item: YMap, known: set[str], where: str) -> None:
        for key in item:
            if key not in known:
                self.error(
                    item.key_lines[key],
                    f"{where}, field {key!r}",
                    _("unknown field (expected one of: {known})").format(known=", ".join(sorted(known))),
                )
