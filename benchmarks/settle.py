"""System time of writing one large file, cached whole or settled as ``studykit._output`` does.

Usage: ``python benchmarks/settle.py [MB] [RUNS] [PAUSE]`` (default 560 MB, the JSON report of
the suite's 100,000 members; 5 runs; 1 s apart).  Each run writes MB of bytes in 0.5 MB
chunks to a new file beside the previous one's and renames it over that one, then fsyncs —
once as a bare loop ("cached": every page stays in the page cache), once through the
writer studykit uses for its outputs ("settled": synced and dropped every 64 MiB) — and
prints each side's system and user CPU seconds (``getrusage`` of the child).  Where the
host takes freed guest memory back, the cached side costs several times more system time
in most runs; elsewhere the two are within about 0.05 s.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_CHILD = """
import os, sys
from pathlib import Path
how, path, mb = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
chunk = bytes(range(256)) * 2048
if how == "settled":
    from studykit._output import write_files
    write_files({path: lambda f: [f.write(chunk) for _ in range(mb * 2)]})
else:
    temp = path.with_suffix(".tmp")
    with open(temp, "wb", buffering=0) as f:
        for _ in range(mb * 2):
            f.write(chunk)
        os.fsync(f.fileno())
    os.replace(temp, path)
"""


def _run(how: str, path: Path, mb: int) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", _CHILD, how, str(path), str(mb)], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_stime - before.ru_stime, after.ru_utime - before.ru_utime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="benchmarks/settle.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("mb", nargs="?", type=int, default=560, help="size of the file in MB (default 560)")
    parser.add_argument("runs", nargs="?", type=int, default=5, help="runs of each side (default 5)")
    parser.add_argument("pause", nargs="?", type=float, default=1.0, help="seconds between runs (default 1)")
    args = parser.parse_args(argv)
    mb, runs, pause = args.mb, args.runs, args.pause
    times: dict[str, list[tuple[float, float]]] = {"cached": [], "settled": []}
    with tempfile.TemporaryDirectory(prefix="studykit-settle-", dir=Path(__file__).parent) as tmp:
        for run in range(runs):
            for how in ("cached", "settled") if run % 2 == 0 else ("settled", "cached"):
                times[how].append(_run(how, Path(tmp) / f"{how}.bin", mb))
                time.sleep(pause)
    for how, values in times.items():
        sys_s = [s for s, _ in values]
        print(
            f"{how:8} {mb} MB: system {statistics.median(sys_s):.3f} s median"
            f" ({min(sys_s):.2f}–{max(sys_s):.2f}), user {statistics.median(u for _, u in values):.3f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
