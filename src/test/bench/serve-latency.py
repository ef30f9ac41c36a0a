#!/usr/bin/env python3
"""How soon `serve` shows an edited title, on a log of N decisions (default 100).

Makes N designs from the bundled examples (each with its own subjects) in a temporary
folder, starts `java -jar target/kv-or-stream.jar serve --port 0` on it, listens to its
event stream, then renames one decision eleven times. For each edit it prints nothing;
at the end, the medians and maxima of: the time from writing the file to the event that
tells open pages to reload, and to having the new index with the new title in hand.

    python3 src/test/bench/serve-latency.py [N]
"""
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

root = pathlib.Path(__file__).resolve().parents[3]
count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
examples = sorted((root / "decisions").glob("0*.yaml"))
work = pathlib.Path(tempfile.mkdtemp(prefix="kv-serve-latency-"))
folder = work / "decisions"
folder.mkdir()
for n in range(1, count + 1):
    source = examples[(n - 1) % len(examples)]
    group = (n - 1) // len(examples)
    text = source.read_text()
    text = re.sub(r"(?m)^  (subject|filter): ", r"  \1: g%d." % group, text)
    text = re.sub(r"(?m)^title: (.*)$", r"title: \1 (%d)" % group, text)
    slug = source.stem.split("-", 1)[1]
    (folder / ("%04d-%s-%d.yaml" % (n, slug, group))).write_text(text)

serve = subprocess.Popen(["java", "-jar", str(root / "target/kv-or-stream.jar"), "serve", "--port", "0"],
                         cwd=work, stdout=subprocess.PIPE, text=True)
try:
    first = serve.stdout.readline()
    print(first.strip())
    url = re.search(r"(http://\S+/)", first).group(1)
    urllib.request.urlopen(url).read()
    events = []

    def listen():
        for raw in urllib.request.urlopen(url + "live-reload"):
            line = raw.decode().strip()
            if line.startswith("data:"):
                events.append(time.monotonic())

    threading.Thread(target=listen, daemon=True).start()
    time.sleep(1)
    design = sorted(folder.glob("*.yaml"))[count // 2 - 1]
    original = design.read_text()
    to_event, to_page = [], []
    for i in range(11):
        title = "Renamed on disk %d" % i
        seen = len(events)
        start = time.monotonic()
        design.write_text(re.sub(r"(?m)^title: .*$", "title: " + title, original))
        while len(events) == seen:
            time.sleep(0.002)
        page = urllib.request.urlopen(url).read().decode()
        done = time.monotonic()
        assert title in page, "the index does not show the new title"
        to_event.append((events[-1] - start) * 1000)
        to_page.append((done - start) * 1000)
        time.sleep(0.3)
    print("%d decisions, 11 edits of one title" % count)
    print("  event to open pages: median %.0f ms, max %.0f ms" % (statistics.median(to_event), max(to_event)))
    print("  new index in hand:   median %.0f ms, max %.0f ms" % (statistics.median(to_page), max(to_page)))
finally:
    serve.terminate()
    serve.wait()
    shutil.rmtree(work)
