"""Run a command and report its wall time and peak RSS: ``python _peak.py OUT.json CMD...``.

A child forked from a large benchmark process starts with the parent's resident
pages counted in its ``ru_maxrss``; this small wrapper is the parent instead, so
the figure is the command's own (plus this wrapper's ~10 MiB floor).
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
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
with open(out, "w", encoding="utf-8") as f:
    json.dump({"seconds": elapsed, "peak_kib": peak_kib, "returncode": proc.returncode}, f)
sys.stderr.buffer.write(proc.stderr)
sys.exit(proc.returncode)
