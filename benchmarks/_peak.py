"""Run a command and report its wall time, CPU time and peak RSS: ``python _peak.py OUT.json CMD...``.

A child forked from a large benchmark process starts with the parent's resident
pages counted in its ``ru_maxrss``; this small wrapper is the parent instead, so
the figure is the command's own (plus this wrapper's ~10 MiB floor).  CPU time is
the child's user + system time (``getrusage(RUSAGE_CHILDREN)``), which another
process loading the shared machine moves far less than wall time.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

out, cmd = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out, "w", encoding="utf-8") as f:
    json.dump(
        {
            "seconds": elapsed,
            "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "peak_kib": usage.ru_maxrss,
            "returncode": proc.returncode,
        },
        f,
    )
sys.stderr.buffer.write(proc.stderr)
sys.exit(proc.returncode)
