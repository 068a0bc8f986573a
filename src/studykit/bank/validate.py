"""The bank's validator: reads the file, checks the header, provenance and speeches (with
their material), and puts the checked bank together."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import _cache
from .._yaml import YList, YMap, document_kind, load_text_yaml
from ..attribution import derive_attribution_questions
from ..errors import BankError, Problem, YamlError
from ..fieldrules import Invalid
from ..i18n import _, join, os_reason
from ..model import Bank, Provenance, Speech
from .fields import BANK_TABLE, SPEECH_TABLE, TOP_TABLE
from .questions import QuestionChecks
from .rules import PROVENANCE_FIELDS, PROVENANCE_RECORD_KEYS, SLUG_RE, squash


def _signed(name: str) -> re.Pattern[str]:
    """A byline line giving ``name`` alone (□ 李明, 文/李明, 作者：李明): its author, post unprinted."""
    return re.compile(rf"(?m)^\s*(?:[□■◇◆●○◎]|文\s*[/／]|作者\s*[:：])\s*{re.escape(name)}\s*$")


#: Top-level keys of files studykit writes that are not banks: (key, what the file is, where it goes).
OTHER_FILES = (
    ("studykit_key", "a studykit answer key", "grade --key"),
    ("studykit_grade_report", "a studykit grade report", "handout --from-report"),
)


#: Largest material file read, in bytes: one speech is under 100,000 characters (300 KB of UTF-8).
MAX_MATERIAL_BYTES = 4 << 20


class Validator(QuestionChecks):
    """Collects every problem of one bank file; one instance per load."""

    # -- entry -----------------------------------------------------------------
    def run(self, raw: bytes, *, strict: bool) -> Bank:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if kind := document_kind(raw):  # a .docx or .xlsx given as --bank is no 'not UTF-8' matter
                raise BankError(
                    _("{path}: this is {what}, not a question bank (expected the bank's YAML text, question_bank.yaml)")
                    .format(path=self.name, what=kind)
                ) from None  # fmt: skip
            line = raw[: exc.start].count(b"\n") + 1
            problem = Problem(self.name, line, "", _("not UTF-8 text (save the bank as UTF-8)"))
            raise BankError(_("{path} is not UTF-8").format(path=self.name), (problem,)) from None
        try:
            data, problems = load_text_yaml(text, self.name, report_duplicates=False)
        except YamlError as exc:
            raise BankError(exc.message, exc.problems) from None
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
        for marker, what, where in OTHER_FILES:
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
        self.walk(data, TOP_TABLE, "")
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
        head = self.walk(raw, BANK_TABLE, "bank", {"bank_id": self.bank_id})
        bank_id, title = head["id"], head["title"]
        provenance = Provenance()
        if head["provenance"]:
            provenance = self.provenance(head["provenance"], raw.key_lines["provenance"])
        if not bank_id or not title:
            return None
        return bank_id, title, provenance

    def bank_id(self, raw: YMap, where: str, values: dict[str, Any]) -> str | None:
        """The header's id, once its text is read: a slug such as ``my-bank-2``."""
        bank_id: str | None = values["id"]
        if bank_id and not SLUG_RE.match(bank_id):
            self.error(
                raw.key_lines["id"],
                "bank, field 'id'",
                _("{id!r} is not a valid id (expected lowercase letters, digits and hyphens, e.g. my-bank-2)").format(
                    id=bank_id
                ),
            )
        return bank_id

    def provenance(self, rel: str, line: int) -> Provenance:
        path = self.resolve(rel, line, "bank, field 'provenance'")
        if path is None:
            return Provenance()
        shown = str(Path(self.name).parent / rel)
        try:  # a 200 MB sources.yaml was parsed for 4.5 s in 1.3 GB, and passed
            raw = _cache.read_regular(path, limit=MAX_MATERIAL_BYTES) or b""
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
        except YamlError as exc:
            self.errors.extend(exc.problems)
            return Provenance()
        self.errors.extend(problems)
        self.inputs.append((rel, raw))
        self.digest.update(b"\0" + rel.encode() + b"\0" + raw)
        if not isinstance(data, dict):
            self.error(line, "bank, field 'provenance'", _("{path} must be a mapping").format(path=rel))
            return Provenance()
        known = PROVENANCE_FIELDS + PROVENANCE_RECORD_KEYS
        for key in data:
            if key not in known:
                self.warnings.append(
                    Problem(
                        shown,
                        data.key_lines[key] if isinstance(data, YMap) else 0,
                        f"key {key!r}",
                        _("unknown provenance key, ignored (expected one of: {known})").format(known=join(known)),
                        "warning",
                    )
                )
        return Provenance(**{k: data[k] for k in PROVENANCE_FIELDS if isinstance(data.get(k), str)})

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

        def unique(sid: str, line: int) -> str:
            if sid in seen:
                raise Invalid(_("duplicate speech id (first at line {line})").format(line=seen[sid]))
            seen[sid] = line
            return sid

        def pair(item: YMap, where: str, values: dict[str, Any]) -> None:
            if bool(values["speaker"]) != bool(values["position"]):
                self.error(
                    item.line, where, _("speaker and position go together (give both, or neither for the introduction)")
                )

        checks: dict[str, Callable[..., Any]] = {"speech_id": unique, "pair": pair}
        for number, (item, item_line) in enumerate(zip(raw, raw.item_lines, strict=True)):
            if not isinstance(item, YMap):
                self.error(item_line, f"speech #{number + 1}", _("expected a mapping with id, heading, material"))
                continue
            speech = self.walk(item, SPEECH_TABLE, f"speech #{number + 1}", checks)
            sid, heading, speaker, position = speech["id"], speech["heading"], speech["speaker"], speech["position"]
            where = speech.where
            rel = speech["material"]
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
                    and not (squash(speaker) in flat and squash("作者系" + position) in flat)  # □ 姓名 … （作者系职务）
                    and not (position == "作者" and _signed(speaker).search(text))  # □ 姓名, no post: the author
                ):
                    self.error(
                        item.key_lines["speaker"],
                        f"{where}, field 'position'",
                        _(
                            "'{speaker} {position}' does not occur in {path} (expected speaker and post exactly as written)"
                        ).format(speaker=speaker, position=position, path=rel),
                    )
            if sid and heading and rel and text is not None:
                result.append(
                    Speech(sid, heading, Path(rel), text, len(result), speaker or "", position or "", item.line)
                )
        return result

    def read_material(self, path: Path, rel: str, line: int, where: str) -> str | None:
        try:
            raw = _cache.read_regular(path, limit=MAX_MATERIAL_BYTES) or b""  # resolve() saw a regular file
            text = raw.decode("utf-8")
            self.inputs.append((rel, raw))
            return text
        except _cache.TooLarge as exc:  # a 300 MB file was read and searched for 20 s, then passed
            self.error(
                line,
                f"{where}, field 'material'",
                _("{path} holds {size:,} bytes, more than one speech's text (expected at most {limit:,}); not read")
                .format(path=rel, size=exc.size, limit=MAX_MATERIAL_BYTES),
            )  # fmt: skip
        except UnicodeDecodeError:
            self.error(line, f"{where}, field 'material'", _("{path} is not UTF-8 text").format(path=rel))
        except OSError as exc:
            self.error(
                line,
                f"{where}, field 'material'",
                _("cannot read {path}: {reason}").format(path=rel, reason=os_reason(exc)),
            )
        return None
