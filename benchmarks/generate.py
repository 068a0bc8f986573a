"""Synthetic data for the benchmarks: large valid banks and large branch tables.

``make_bank(folder, n)`` writes ``folder/question_bank.yaml`` with ``n`` curated
questions (all four types) over ``speeches`` material files that it also
writes; the result passes ``studykit check``.  ``make_table(path, key, members)``
writes a branch's answer table (CSV, UTF-8 with BOM, one row per member, a name
column plus one column per item of ``key``) with seeded random answers, two or
three distinct cells per column.  ``make_messy_table(path, key, members)`` writes
the same shape as members really type it: 20–30 distinct spellings per column
(full-width and lower-case letters, 对/√/×, option texts, ``┋`` and ``、`` joins,
blanks, cells with commas and quotes), and returns each member's expected score.

Run as a script to write a bank: ``python benchmarks/generate.py OUT_DIR N``.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

from studykit.key import AnswerKey, KeyItem

_CHARS = (
    "治理现代化体系能力社会基层社区城市省域国家发展建设创新服务管理机制格局数据平台安全"
    "风险防范化解公共政策制度改革实践经验群众人民党建引领协同共建共治共享法治自治德治"
)
_TYPES = ("single", "single", "single", "multiple", "true_false", "fill_blank")


def _phrase(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_CHARS) for _ in range(n))


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def make_bank(folder: Path, n: int, *, speeches: int = 20, seed: int = 0) -> Path:
    """Write a valid bank of ``n`` questions over ``speeches`` speeches; return the bank's path.

    Questions fill the speeches in order, ceil(n / speeches) each, so when n is not a
    multiple the last speeches get fewer or none.  Raises ``ValueError`` when n < 1."""
    if n < 1:
        raise ValueError(f"a bank needs at least 1 question (asked for {n})")
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "material").mkdir(exist_ok=True)
    per_speech = -(-n // speeches)
    lines = ["bank:", f"  id: synthetic-{n}", f"  title: 合成题库{n}题", "speeches:"]
    sentences: list[list[str]] = []
    for s in range(speeches):
        heading = f"第{s + 1}篇{_phrase(rng, 8)}"
        speaker, position = f"专家{s + 1:03d}", f"某大学{_phrase(rng, 4)}学院教授{s + 1}"
        body = [f"第{s + 1}篇第{i + 1}句，{_phrase(rng, 24)}。" for i in range(per_speech)]
        sentences.append(body)
        text = f"{heading}\n\n{speaker} {position}\n\n" + "\n\n".join(body) + "\n"
        rel = f"material/{s + 1:03d}.txt"
        (folder / rel).write_text(text, encoding="utf-8")
        lines += [
            f"  - id: s{s + 1:03d}",
            f"    speaker: {speaker}",
            f"    position: {position}",
            f"    heading: {heading}",
            f"    material: {rel}",
        ]
    lines.append("questions:")
    for i in range(n):
        s, k = divmod(i, per_speech)
        source = sentences[s][k]
        qtype = _TYPES[i % len(_TYPES)]
        lines += [f"  - id: q{i:06d}", f"    speech: s{s + 1:03d}", f"    type: {qtype}"]
        if qtype in ("single", "multiple"):
            options = [f"选项{j}{_phrase(rng, 6)}" for j in range(4)]
            answer = "ABCD"[i % 4] if qtype == "single" else ["AB", "ACD", "BD", "BCD"][i % 4]
            lines += [
                f"    stem: {_quote('第' + str(i) + '题' + _phrase(rng, 16) + '（ ）')}",
                "    options: [" + ", ".join(_quote(o) for o in options) + "]",
                f"    answer: {answer}",
            ]
        elif qtype == "true_false":
            lines += [
                f"    stem: {_quote('第' + str(i) + '题' + _phrase(rng, 16) + '。')}",
                f"    answer: {'true' if i % 2 else 'false'}",
            ]
        else:
            blank = source[6:12]
            stem = source.replace(blank, "____", 1)
            lines += [f"    stem: {_quote(f'第{i}题：' + stem)}", f"    answer: {_quote(blank)}"]
        lines += [
            f"    explanation: {_quote('解析' + _phrase(rng, 20))}",
            f"    source: {_quote(source)}",
            f"    tags: [标签{i % 7}, 专题{i % 3}]",
            f"    difficulty: {1 + i % 3}",
        ]
    path = folder / "question_bank.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def make_table(path: Path, key: AnswerKey, members: int, *, seed: int = 0) -> Path:
    """Write a CSV (UTF-8 with BOM) of ``members`` rows answering ``key``'s items; about 70 % right."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["姓名", *(str(it.number) for it in key.items)])
        for m in range(members):
            row = [f"党员{m:06d}"]
            for it in key.items:
                right = rng.random() < 0.7
                if it.type in ("single", "multiple"):
                    letters = "ABCDEF"[: len(it.options)]
                    row.append("".join(it.answer) if right else rng.choice(letters))
                elif it.type == "true_false":
                    truth = it.answer[0] == "true"
                    row.append("对" if truth == right else "错")
                else:
                    row.append(it.answer[0] if right else "不知道")
            writer.writerow(row)
    return path


def _spellings(it: KeyItem, options: str) -> tuple[list[str], list[str]]:
    """(right, wrong) cells for one key item, each one a way members type answers that studykit reads."""
    if it.type == "single":
        (x,) = it.answer
        text = it.options[options.index(x)]
        w = next(c for c in options if c != x)
        wtext = it.options[options.index(w)]
        full = chr(ord(x) + 0xFEE0)
        right = [x, x.lower(), full, f"{x}.", f"{x}．", f"{x}、", f"({x})", f"（{x}）", f" {x} ", f"{x} {text}",
                 text, f"{x}.{text}", f"{full}．{text}", f"“{text}”"]  # fmt: skip
        wrong = [w, w.lower(), chr(ord(w) + 0xFEE0), f"{w}.", f"({w})", wtext, f"{w} {wtext}", ""]
        return right, wrong
    if it.type == "multiple":
        letters = "".join(it.answer)
        texts = [it.options[options.index(c)] for c in letters]
        right = [letters, letters.lower(), ",".join(letters), "、".join(letters), " ".join(letters),
                 " ".join(chr(ord(c) + 0xFEE0) for c in letters), "┋".join(texts), "、".join(texts),
                 "┋".join(letters), letters[::-1], "，".join(letters), "/".join(letters), ";".join(letters),
                 "；".join(letters), "，".join(texts), "┋".join(f"{c}.{t}" for c, t in zip(letters, texts, strict=True)),
                 "".join(chr(ord(c) + 0xFEE0) for c in letters), letters + "。"]  # fmt: skip
        missing = letters[:-1]
        other = next(c for c in options if c not in letters) if len(letters) < len(options) else ""
        wrong = [missing, ",".join(missing), "┋".join(texts[:-1]), missing + other if other else missing.lower(), ""]
        return right, wrong
    if it.type == "true_false":
        yes = ["对", "√", "正确", "T", "true", "是", "✓", "Ｔ", "对。", "T "]
        no = ["错", "×", "错误", "F", "false", "否", "✗", "Ｆ", "错。", "F "]
        return (yes, no) if it.answer[0] == "true" else (no, yes)
    accepted = list(it.answer)
    right = [form for a in accepted for form in (a, f" {a} ", f"“{a}”", f"{a}。", f"（{a}）")]
    first = accepted[0]
    return right, ["不知道", "", "记不清了", '说"不上"来', "甲，乙", "不清楚", "略", "没记住",
                   first[:-1] or "无", first + "化", f"非{first}"]  # fmt: skip


def make_messy_table(path: Path, key: AnswerKey, members: int, *, seed: int = 0) -> list[float]:
    """Write a CSV (UTF-8 with BOM) of ``members`` rows as members type them; return their expected scores.

    About 70 % of the cells are right.  Each column mixes the spellings of
    :func:`_spellings` (20–30 distinct values a column, quoted where they hold a
    comma or a quote); a multiple is right only with all its keys (all-or-nothing).
    """
    rng = random.Random(seed)
    columns = []
    for it in key.items:
        right, wrong = _spellings(it, "ABCDEF"[: len(it.options)])
        columns.append((right, wrong, it.points))
    scores: list[float] = []
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["姓名", *(f"{it.number}、{it.stem}" for it in key.items)])
        for m in range(members):
            row = [f"党员{m:06d}"]
            score = 0.0
            for right, wrong, points in columns:
                if rng.random() < 0.7:
                    row.append(rng.choice(right))
                    score += points
                else:
                    row.append(rng.choice(wrong))
            writer.writerow(row)
            scores.append(round(score, 3))
    return scores


if __name__ == "__main__":
    if len(sys.argv) != 3 or not sys.argv[2].isdigit() or int(sys.argv[2]) < 1:
        sys.exit("usage: python benchmarks/generate.py OUT_DIR N   (N questions, at least 1)")
    print(make_bank(Path(sys.argv[1]), int(sys.argv[2])))
