#!/usr/bin/env python3
"""Start-up budget of `decide --format json` (docs/performance.md, "Start-up").

Usage: src/test/bench/startup.py [RUNS] [OTHER_LAUNCHER]

Runs the bare JVM (`java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -version`),
`bin/kv-or-stream decide --format json` on one bundled design and, when given, another
checkout's launcher (to compare a change with main: build both with `mvn package` first),
RUNS times each (default 11) after two warm-up rounds, taking turns so that a change in
the machine's load hits all alike. Prints the median wall time of each, its ratio to the
bare JVM, and the median CPU time (user + system) as a check that is less sensitive to load.
"""
import os
import statistics
import subprocess
import sys
import time

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
design = os.path.join(root, "decisions", "0006-tool-execution-requests.yaml")
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 11
commands = {"bare JVM": ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-version"]}
if len(sys.argv) > 2:
    commands["other"] = [sys.argv[2], "decide", "--format", "json", design]
commands["this"] = [os.path.join(root, "bin", "kv-or-stream"), "decide", "--format", "json", design]
wall = {name: [] for name in commands}
cpu = {name: [] for name in commands}
for round_ in range(runs + 2):
    for name, command in commands.items():
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(" ".join(command) + " failed")
        if round_ >= 2:
            wall[name].append(elapsed * 1000)
            cpu[name].append((usage.ru_utime + usage.ru_stime) * 1000)
bare = statistics.median(wall["bare JVM"])
for name in commands:
    w = statistics.median(wall[name])
    print(f"{name:9} median wall {w:6.0f} ms  ({w / bare:4.2f}x the bare JVM)  median CPU {statistics.median(cpu[name]):5.0f} ms")
