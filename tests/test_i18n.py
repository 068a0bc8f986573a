"""The message catalogs: the committed .pot is current, every msgid has Chinese, the .mo is the .po compiled."""

from __future__ import annotations

import gettext
import importlib.util
import io
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from skpaths import ROOT
from studykit import i18n

LOCALE = ROOT / "src" / "studykit" / "locale"
POT = LOCALE / "studykit.pot"
PO = LOCALE / "zh" / "LC_MESSAGES" / "studykit.po"
MO = LOCALE / "zh" / "LC_MESSAGES" / "studykit.mo"


def _read(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def _extract_messages() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extract_messages", ROOT / "tools" / "extract_messages.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pot_is_what_the_extraction_writes_now() -> None:
    """studykit.pot holds exactly the msgids of tools/extract_messages.py: every _() call, click's
    own messages and every help text of the command tree (rerun it after changing a message)."""
    current = {m.id for m in _extract_messages().build_catalog() if m.id}
    committed = {m.id for m in _read(POT) if m.id}
    assert sorted(map(str, current - committed)) == [], "new messages: run tools/extract_messages.py"
    assert sorted(map(str, committed - current)) == [], "stale messages: run tools/extract_messages.py"


def test_every_msgid_has_a_chinese_translation() -> None:
    """Each msgid of the template is in the zh catalog with a non-empty, non-fuzzy msgstr."""
    po = _read(PO)
    untranslated = []
    for message in _read(POT):
        if not message.id:
            continue
        found = po.get(message.id, message.context)
        strings = (found.string,) if found and isinstance(found.string, str) else (found.string if found else ())
        if found is None or found.fuzzy or not strings or not all(strings):
            untranslated.append(message.id)
    assert untranslated == []
    assert len([m for m in po if m.id]) == len([m for m in _read(POT) if m.id])


def test_committed_mo_is_the_po_compiled() -> None:
    """studykit.mo holds exactly the translations of studykit.po (compiled here with Babel and compared)."""
    compiled = io.BytesIO()
    write_mo(compiled, _read(PO))
    compiled.seek(0)
    expected = gettext.GNUTranslations(compiled)
    with MO.open("rb") as f:
        shipped = gettext.GNUTranslations(f)
    assert shipped._catalog == expected._catalog  # type: ignore[attr-defined]
    assert shipped._catalog[("Error: {message}")] == "错误：{message}"  # type: ignore[attr-defined]


def test_placeholders_are_kept_in_every_translation() -> None:
    """A translation names the same {placeholders} as its msgid (a lost one would raise or drop data)."""
    import re

    def names(text: str) -> set[str]:
        return set(re.findall(r"\{(\w*)[^}]*\}|%\((\w+)\)s", text)) if text else set()

    for message in _read(PO):
        if not message.id:
            continue
        ids = (message.id,) if isinstance(message.id, str) else message.id
        strings = (message.string,) if isinstance(message.string, str) else message.string
        # Chinese has one plural form: its msgstr[0] may use the plural's placeholders
        wanted = set().union(*(names(i) for i in ids))
        for string in strings:
            assert names(string) <= wanted, (message.id, string)
            if isinstance(message.id, str):
                assert names(string) == names(message.id), (message.id, string)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "en"),
        ({"LANG": "C", "LC_MESSAGES": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "zh_CN.UTF-8", "STUDYKIT_LANG": "en"}, "en"),
        ({"LANG": "C", "STUDYKIT_LANG": "zh"}, "zh"),
        ({}, "en"),
    ],
)
def test_language_follows_the_locale_and_studykit_lang(
    env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LC_ALL > LC_MESSAGES > LANG choose zh when they start with zh; STUDYKIT_LANG overrides."""
    for name in ("STUDYKIT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert i18n.language() == expected
    assert i18n._("Error: {message}") == {"zh": "错误：{message}", "en": "Error: {message}"}[expected]


def test_the_wheel_ships_the_compiled_catalog_and_speaks_chinese_from_it(tmp_path: Path) -> None:
    """The wheel (built with hatchling, the project's build backend) holds studykit.mo as committed,
    and studykit run from the unpacked wheel under LANG=zh_CN.UTF-8 prints Chinese."""
    import os
    import subprocess
    import sys
    import zipfile

    from hatchling.builders.wheel import WheelBuilder

    (wheel,) = WheelBuilder(str(ROOT)).build(directory=str(tmp_path / "dist"), versions=["standard"])
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("studykit/locale/zh/LC_MESSAGES/studykit.mo") == MO.read_bytes()
        archive.extractall(tmp_path / "site")
    env = {k: v for k, v in os.environ.items() if k not in ("STUDYKIT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    done = subprocess.run(
        [sys.executable, "-c", "import studykit, sys; print(studykit.__file__); sys.argv[0] = 'studykit'; "
         "from studykit.cli import main; main()", "check", "--help"],
        env={**env, "LANG": "zh_CN.UTF-8", "PYTHONPATH": str(tmp_path / "site"), "PYTHONIOENCODING": "utf-8"},
        capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == str(tmp_path / "site" / "studykit" / "__init__.py")
    assert lines[1:4] == ["用法：studykit check [选项]", "", "  检查题库及其学习材料文件。"]


@pytest.mark.parametrize(("langid", "expected"), [(0x0804, "zh"), (0x0404, "zh"), (0x0409, "en"), (None, "en")])
def test_without_locale_variables_windows_display_language_decides(
    langid: int | None, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With none of the POSIX variables set (Windows), a Chinese display language (LANGID 0x0804
    zh-CN, 0x0404 zh-TW) means zh; English (0x0409) or no Windows means en; LANG still wins."""
    for name in ("STUDYKIT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(i18n, "_windows_ui_language", lambda: None if langid is None else langid & 0x3FF)
    assert i18n.language() == expected
    monkeypatch.setenv("LANG", "C")
    assert i18n.language() == "en"


def test_speaking_sets_the_language_of_the_messages_made_inside_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """speaking("zh") makes a message Chinese in an English session, and the session's language
    comes back after the block (also after an error); an unknown language is refused."""
    from studykit.i18n import _, language, speaking

    monkeypatch.setenv("STUDYKIT_LANG", "en")
    with speaking("zh"):
        assert (language(), _("no answers could be graded")) == ("zh", "没有可以评分的答卷")
        with speaking("en"):
            assert language() == "en"
        assert language() == "zh"
    with pytest.raises(RuntimeError), speaking("zh"):
        raise RuntimeError
    assert language() == "en"
    with pytest.raises(ValueError, match="unknown language 'fr'"), speaking("fr"):
        pass
