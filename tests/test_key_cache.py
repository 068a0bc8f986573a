"""The answer-key cache (studykit._cache): a key read before comes back identical, without the
YAML reader; a key with a problem is never stored; a changed or corrupt entry is read in full."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from skpaths import DATA, ROOT
from studykit import KeyFileError, load_key
from studykit.key import dump_key

#: Every valid key of the test data (versions A/B, the golden quiz, partial credit, blanks, true/false).
KEYS = sorted(p for p in (ROOT / "tests").rglob("*.key.yaml") if "bad_keys" not in p.parts)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private, empty cache folder."""
    monkeypatch.setenv("STUDYKIT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "keys").glob("*.json"))


@pytest.mark.parametrize("path", KEYS, ids=lambda p: p.name)
def test_a_cached_key_is_the_key_read_in_full(path: Path, cache: Path) -> None:
    """The first load stores one entry; the second comes from it and equals the full read down to
    each value's kind (points are floats, ``2.0`` too: JSON must not turn them into ints)."""
    first = load_key(path)
    assert len(_entries(cache)) == 1
    second = load_key(path)
    assert second == first
    assert repr(second) == repr(first)
    assert [type(i.points) for i in second.items] == [type(i.points) for i in first.items]


def test_the_test_data_holds_keys_of_every_kind() -> None:
    """The keys above cover what a cache could get wrong: several versions, fractional points, each type."""
    keys = [load_key(p) for p in KEYS]
    assert len(keys) >= 3
    assert {i.type for k in keys for i in k.items} == {"single", "multiple", "true_false", "fill_blank"}
    assert any(k.version for k in keys)
    assert any(not i.points.is_integer() for k in keys for i in k.items)  # 3.5, 2.25


def test_half_points_and_text_answers_survive_the_cache(tmp_path: Path, cache: Path) -> None:
    """A key with 2.5-point items and several accepted blank texts reads back the same from the cache."""
    key = load_key(DATA / "grade_golden" / "golden-A.key.yaml")
    items = tuple(dataclasses.replace(i, points=2.5) if n % 2 else i for n, i in enumerate(key.items))
    blank = next(n for n, i in enumerate(items) if i.type == "fill_blank")
    items = (*items[:blank], dataclasses.replace(items[blank], answer=("网格化", "網格化管理")), *items[blank + 1 :])
    path = tmp_path / "half.key.yaml"
    path.write_text(dump_key(dataclasses.replace(key, items=items)), encoding="utf-8")
    first = load_key(path)
    assert [i.points for i in first.items][:2] == [2, 2.5]
    assert first.items[blank].answer == ("网格化", "網格化管理")
    assert repr(load_key(path)) == repr(first)
    assert len(_entries(cache)) == 2  # golden-A's and this one's


def test_a_key_with_a_problem_is_never_stored(cache: Path) -> None:
    """A key that does not read raises the same error every time, and leaves no entry."""
    bad = DATA / "bad_keys" / "number_duplicate.key.yaml"
    with pytest.raises(KeyFileError) as first:
        load_key(bad)
    with pytest.raises(KeyFileError) as second:
        load_key(bad)
    assert str(second.value) == str(first.value)
    assert _entries(cache) == []


def test_a_changed_key_file_is_read_in_full(tmp_path: Path, cache: Path) -> None:
    """An entry is named by the file's bytes: an edited key (another answer) is read anew."""
    path = tmp_path / "q.key.yaml"
    text = (DATA / "grade_golden" / "golden-A.key.yaml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    before = load_key(path)
    path.write_text(text.replace("quiz_id: ", "quiz_id: changed-", 1), encoding="utf-8")
    after = load_key(path)
    assert after.quiz_id == "changed-" + before.quiz_id
    assert len(_entries(cache)) == 2


def test_a_corrupt_or_tampered_entry_falls_back_to_a_full_read(cache: Path) -> None:
    """Truncated JSON, or JSON of another shape, is ignored: the key is read from its file."""
    path = DATA / "grade_golden" / "golden-A.key.yaml"
    key = load_key(path)
    (entry,) = _entries(cache)
    entry.write_text('{"quiz_id": "x", "ite', encoding="utf-8")
    assert load_key(path) == key
    entry.write_text(json.dumps({"quiz_id": "x", "items": [[1]]}), encoding="utf-8")
    assert load_key(path) == key


def test_an_entry_edited_by_hand_never_changes_a_score(cache: Path) -> None:
    """An entry still valid JSON of the right shape, but edited (an answer, points, the scoring
    rule), does not match its checksum: the key is read from its file, unchanged, and the entry is
    written again — no cached value can change a score (found by a fresh-user run)."""
    path = DATA / "grade_golden" / "golden-A.key.yaml"
    key = load_key(path)
    (entry,) = _entries(cache)
    seal, payload = entry.read_bytes().split(b"\n", 1)
    data = json.loads(payload)
    assert (data["items"][0][6], seal.decode()) == (list(key.items[0].answer), seal.decode())
    for edit in (
        lambda d: d["items"][0].__setitem__(6, ["Z"]),
        lambda d: d["items"][0].__setitem__(4, -5),
        lambda d: d["items"][0].__setitem__(4, "5"),
        lambda d: d.__setitem__("items", []),
        lambda d: d.__setitem__("multiple_scoring", "bogus"),
    ):
        edited = json.loads(payload)
        edit(edited)
        entry.write_bytes(seal + b"\n" + json.dumps(edited, ensure_ascii=False, separators=(",", ":")).encode())
        assert load_key(path) == key
        assert entry.read_bytes() == seal + b"\n" + payload  # written again from the full read


def test_another_key_s_intact_entry_copied_over_an_entry_is_not_taken(cache: Path) -> None:
    """Key A's entry, itself intact, copied over key B's: B's seal covers its entry's name, so B is
    read from its file, not taken for A (found by a fresh-user run: A's points graded B's sheets)."""
    key_a = load_key(DATA / "grade_golden" / "golden-A.key.yaml")
    (entry_a,) = _entries(cache)
    key_b = load_key(DATA / "grade_golden" / "golden-B.key.yaml")
    (entry_b,) = [e for e in _entries(cache) if e != entry_a]
    assert key_a != key_b
    entry_b.write_bytes(entry_a.read_bytes())
    assert load_key(DATA / "grade_golden" / "golden-B.key.yaml") == key_b
    assert load_key(DATA / "grade_golden" / "golden-A.key.yaml") == key_a


def test_no_cache_env_writes_no_key_entry(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """STUDYKIT_NO_CACHE=1: keys are read in full and nothing is written."""
    monkeypatch.setenv("STUDYKIT_NO_CACHE", "1")
    load_key(DATA / "grade_golden" / "golden-A.key.yaml")
    assert not cache.exists()


def test_a_key_left_by_a_killed_write_is_refused_even_when_cached(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check for a half-finished write of the key's folder comes before the cache."""
    import studykit._output

    path = DATA / "grade_golden" / "golden-A.key.yaml"
    load_key(path)
    journal = path.parent / ".sk-journal"
    monkeypatch.setattr(studykit._output, "interrupted_write", lambda p: journal)
    with pytest.raises(KeyFileError, match="was killed before it finished"):
        load_key(path)


def test_grading_a_table_with_a_cached_key_and_bank_imports_no_yaml_reader(tmp_path: Path, cache: Path) -> None:
    """The second `studykit grade` of a table reads key and bank from the cache: PyYAML, the bank's
    validator, the field tables, the answer-sheet reader and importlib.metadata are not imported and
    no lazy pattern is compiled (the fixed cost of grading a small branch); the report is the same."""
    key = DATA / "grade_golden" / "golden-A.key.yaml"
    items = load_key(key).items
    table = tmp_path / "支部.csv"
    header = ",".join(["姓名", *(str(i.number) for i in items)])
    row = ",".join(["张三", *("".join(i.answer) if i.type != "fill_blank" else i.answer[0] for i in items)])
    table.write_text(f"{header}\n{row}\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from studykit.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] == 'yaml' or m in\n"
        "          ('importlib.metadata', 'studykit.bank.validate', 'studykit._yaml', 'studykit.key.reader',\n"
        "           'studykit.fieldrules', 'studykit.grade.readers.sheet', 'studykit.grade.sheet_lines')]\n"
        "print(sorted(loaded))\n"
        "from studykit._lazy import GETTERS\n"
        "print(sum(g.cache_info().currsize for g in GETTERS))  # lazy patterns compiled\n"
    )
    reports = []
    for n in (1, 2):
        out = tmp_path / f"r{n}.csv"
        args = ["grade", str(table), "--key", str(key), "-o", str(out)]
        run = subprocess.run(
            [sys.executable, "-c", probe, *args],
            capture_output=True, text=True, cwd=ROOT, env={**os.environ, "STUDYKIT_LANG": "en"}, check=False,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr
        reports.append(out.read_bytes())
        if n == 1:
            assert "'yaml'" in run.stdout  # the first run reads the key in full
    assert run.stdout == "[]\n0\n", run.stderr
    assert reports[0] == reports[1]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_given_as_the_key_is_refused_not_waited_on(tmp_path: Path, cache: Path) -> None:
    """--key naming a FIFO: load_key does not block waiting for a writer (it did, forever) but says
    what the file is (found by a fresh-user run); so does a FIFO in a key cache entry's place."""
    fifo = tmp_path / "k.key.yaml"
    os.mkfifo(fifo)
    with pytest.raises(KeyFileError) as info:
        load_key(fifo)
    assert info.value.message == (
        f"cannot read answer key {fifo}: not a regular file (a pipe or a device); give the .key.yaml file"
    )
    path = DATA / "grade_golden" / "golden-A.key.yaml"
    key = load_key(path)
    (entry,) = _entries(cache)
    entry.unlink()
    os.mkfifo(entry)
    assert load_key(path) == key


def test_a_folder_given_as_the_key_is_named_a_folder(tmp_path: Path) -> None:
    """load_key of a folder (as `--key ''` gives it) says it is a folder, not 'a pipe or a device'."""
    with pytest.raises(KeyFileError) as info:
        load_key(tmp_path)
    assert info.value.message == f"cannot read answer key {tmp_path}: it is a folder; give the .key.yaml file"


def test_an_entry_re_sealed_with_other_kinds_of_values_is_read_in_full(tmp_path: Path, cache: Path) -> None:
    """An entry edited and re-sealed by hand (its SHA-256 recomputed) with values the key reader never
    gives — points as text or null, a 200,000-deep list — is read in full instead of crashing grade
    (found by a second fresh-user run); a symlink in an entry's place is replaced, not written through."""
    from studykit._cache import _digest, _seal

    path = DATA / "grade_golden" / "golden-A.key.yaml"
    key = load_key(path)
    (entry,) = _entries(cache)
    data = json.loads(entry.read_bytes().split(b"\n", 1)[1])
    for points in ("5", None, -1.0):
        edited = json.loads(json.dumps(data))
        edited["items"][0][4] = points
        entry.write_bytes(_seal(edited, entry))
        assert load_key(path) == key
    deep = b"[" * 200_000 + b"]" * 200_000
    entry.write_bytes(_digest(entry, deep) + b"\n" + deep)  # sealed: json.loads itself must fail
    assert load_key(path) == key
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    entry.unlink()
    entry.symlink_to(victim)
    assert load_key(path) == key
    assert victim.read_text(encoding="utf-8") == "precious" and not entry.is_symlink()
