"""The bank cache: same result as a full load, never stale, never a crash."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from skpaths import MINI_BANK
from studykit import BankError, load_bank


@pytest.fixture
def bank_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the mini bank and a private, empty cache folder."""
    monkeypatch.setenv("STUDYKIT_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(MINI_BANK.parent, tmp_path / "mini")
    return tmp_path / "mini" / "question_bank.yaml"


def _entries(bank_copy: Path) -> list[Path]:
    return sorted((bank_copy.parent.parent / "cache").glob("*.json"))


def test_second_load_comes_from_the_cache_and_equals_a_full_load(bank_copy: Path) -> None:
    """The first load writes one JSON entry; the second returns an identical Bank."""
    first = load_bank(bank_copy)
    assert len(_entries(bank_copy)) == 1
    second = load_bank(bank_copy)
    assert second == first == load_bank(bank_copy, cache=False)


def test_a_changed_material_file_is_never_served_stale(bank_copy: Path) -> None:
    """Editing a material file so a source no longer matches makes the next load fail, cache or not."""
    load_bank(bank_copy)
    ren = bank_copy.parent / "material" / "01-ren-jiantao.txt"
    ren.write_text(ren.read_text("utf-8").replace("重要落点", "关键落点"), encoding="utf-8")
    with pytest.raises(BankError) as info:
        load_bank(bank_copy)
    assert "field 'heading'" in info.value.details[0]


def test_a_changed_bank_file_gets_a_new_entry(bank_copy: Path) -> None:
    """Changing the bank's text changes the cache key; the new text is what loads."""
    load_bank(bank_copy)
    bank_copy.write_text(bank_copy.read_text("utf-8").replace("省域治理现代化小测", "改过的标题"), encoding="utf-8")
    assert load_bank(bank_copy).title == "改过的标题"
    assert len(_entries(bank_copy)) == 2


def test_an_entry_edited_by_hand_is_read_in_full(bank_copy: Path) -> None:
    """A question's answer changed inside the entry (valid JSON, right shape) no longer matches the
    entry's checksum: the bank is loaded in full, with its own answer (found by a fresh-user run)."""
    expected = load_bank(bank_copy)
    (entry,) = _entries(bank_copy)
    seal, payload = entry.read_bytes().split(b"\n", 1)
    data = json.loads(payload)
    assert data["questions"][0][4] == list(expected.questions[0].answer)
    data["questions"][0][4] = ["改过的答案"]
    entry.write_bytes(seal + b"\n" + json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
    assert load_bank(bank_copy) == expected
    assert entry.read_bytes() == seal + b"\n" + payload


def test_another_bank_s_intact_entry_copied_over_an_entry_is_not_taken(bank_copy: Path) -> None:
    """A copy of the bank with another title, its entry copied over the original's: the original
    loads from its own file (the seal covers the entry's name)."""
    expected = load_bank(bank_copy)
    (entry,) = _entries(bank_copy)
    other = bank_copy.with_name("other.yaml")
    other.write_text(bank_copy.read_text("utf-8").replace("省域治理现代化小测", "改过的标题"), encoding="utf-8")
    assert load_bank(other).title == "改过的标题"
    (other_entry,) = [e for e in _entries(bank_copy) if e != entry]
    entry.write_bytes(other_entry.read_bytes())
    assert load_bank(bank_copy) == expected


def test_a_corrupt_entry_falls_back_to_a_full_load(bank_copy: Path) -> None:
    """Garbage in the cache file is ignored and replaced."""
    expected = load_bank(bank_copy)
    (entry,) = _entries(bank_copy)
    entry.write_text("{not json", encoding="utf-8")
    assert load_bank(bank_copy) == expected
    entry.write_text('{"inputs": [["../../etc/passwd", "0"]], "id": 1}', encoding="utf-8")
    assert load_bank(bank_copy) == expected


def test_no_cache_env_writes_nothing(bank_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """STUDYKIT_NO_CACHE=1 loads without reading or writing the cache."""
    monkeypatch.setenv("STUDYKIT_NO_CACHE", "1")
    load_bank(bank_copy)
    assert _entries(bank_copy) == []


def test_unwritable_cache_folder_is_not_an_error(bank_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder that is really a file just means no cache."""
    blocker = bank_copy.parent.parent / "blocker"
    blocker.write_text("x")
    monkeypatch.setenv("STUDYKIT_CACHE_DIR", str(blocker / "sub"))
    assert load_bank(bank_copy).id == "mini-test"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_material_file_replaced_by_a_fifo_is_refused_not_waited_on(bank_copy: Path) -> None:
    """A warm cache whose material file became a FIFO: the load does not block on it (a plain read
    waits forever for a writer) but fails as the full check does, naming the field."""
    load_bank(bank_copy)
    assert len(_entries(bank_copy)) == 1
    ren = bank_copy.parent / "material" / "01-ren-jiantao.txt"
    ren.unlink()
    os.mkfifo(ren)
    with pytest.raises(BankError) as info:
        load_bank(bank_copy)
    assert info.value.details == (
        f"{bank_copy}:14: speech 'ren-jiantao', field 'material': file 'material/01-ren-jiantao.txt' not found "
        "(paths are relative to the bank's folder)",
    )


def test_a_copied_bank_warns_with_its_own_path_not_the_first_one_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Warnings name the bank file; a byte-identical copy in another folder (a month's bank copied
    into the year's folder) once got the cached warnings of the original, naming the old path."""
    from studykit.draft import draft_bank

    monkeypatch.setenv("STUDYKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("STUDYKIT_NO_CACHE", raising=False)
    draft_bank(Path(__file__).parent / "data" / "draft" / "layout2.txt", tmp_path / "2026-11")
    shutil.copytree(tmp_path / "2026-11", tmp_path / "2026" / "11")
    first = load_bank(tmp_path / "2026-11" / "question_bank.yaml")
    copy = load_bank(tmp_path / "2026" / "11" / "question_bank.yaml")
    assert first.warnings[0].startswith(f"{tmp_path / '2026-11' / 'question_bank.yaml'}:")
    assert copy.warnings[0].startswith(f"{tmp_path / '2026' / '11' / 'question_bank.yaml'}:")
    assert copy.warnings == tuple(
        w.replace(str(tmp_path / "2026-11"), str(tmp_path / "2026" / "11")) for w in first.warnings
    )


def test_a_changed_module_in_a_sub_package_misses_the_cache(bank_copy: Path) -> None:
    """A newer studykit/bank/fields.py (a field rule edited, or studykit upgraded in place) is a new
    cache entry, not the old result: the stamp covers every sub-package, not only top-level modules."""
    import studykit.bank.fields as fields

    load_bank(bank_copy)
    assert len(_entries(bank_copy)) == 1
    module = Path(fields.__file__)
    before = module.stat()
    newest = max(p.stat().st_mtime_ns for p in module.parent.parent.rglob("*") if p.is_file())  # .py, .mo, …
    try:
        os.utime(module, ns=(before.st_atime_ns, newest + 10**9))  # newer than any file of the package
        load_bank(bank_copy)
        assert len(_entries(bank_copy)) == 2
    finally:
        os.utime(module, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_a_newer_message_catalog_misses_the_cache(bank_copy: Path) -> None:
    """A newer compiled catalog (locale/zh/LC_MESSAGES/studykit.mo: a translation changed) is a new
    entry too, since a bank's warnings are kept as text in the interface language."""
    import studykit

    load_bank(bank_copy)
    assert len(_entries(bank_copy)) == 1
    catalog = Path(studykit.__file__).parent / "locale" / "zh" / "LC_MESSAGES" / "studykit.mo"
    before = catalog.stat()
    newest = max(p.stat().st_mtime_ns for p in catalog.parents[3].rglob("*") if p.is_file())
    try:
        os.utime(catalog, ns=(before.st_atime_ns, newest + 10**9))
        load_bank(bank_copy)
        assert len(_entries(bank_copy)) == 2
    finally:
        os.utime(catalog, ns=(before.st_atime_ns, before.st_mtime_ns))
