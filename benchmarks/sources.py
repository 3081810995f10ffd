"""`wikidraft check` over 200 slow sources: cold, warm (cached), and a 50 MB page's memory cost.

Twenty listeners, one on each of 127.0.0.1-127.0.0.20 (a host each, as far as the fetcher's
per-host limit goes), answer every request after 200 ms. 40 drafts cite 5 distinct URLs each.
The floor for a cold check is ceil(200 / concurrency) x 0.2 s: no fetcher can do better with
that many requests in flight.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import resource
import statistics
import threading
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.sharedctypes import Synchronized
from multiprocessing.synchronize import Event
from pathlib import Path

from benchmarks.measure import Run, run
from benchmarks.report import Table
from benchmarks.tools import Settings, wikidraft

HOSTS = 20
DRAFTS = 40
PER_DRAFT = 5
DELAY = 0.2  # seconds before every answer
CONCURRENCY = 8
HUGE = 50 * 2**20


def _serve(port: int, requests: Synchronized, ready: Event) -> None:
    """The listeners, in a process of their own (their memory is not the checker's)."""

    class Slow(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with requests.get_lock():
                requests.value += 1
            time.sleep(DELAY)
            size = HUGE if self.path == "/huge" else 0
            page = f"<html><head><title>Source {self.path}</title></head><body>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page) + size))
            self.end_headers()
            try:
                self.wfile.write(page)
                for _ in range(size // 2**20):
                    self.wfile.write(b"a" * 2**20)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the checker stops reading at its size limit

        def log_message(self, format: str, *args: object) -> None:
            pass

    for host in range(1, HOSTS + 1):
        server = ThreadingHTTPServer((f"127.0.0.{host}", port), Slow)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
    ready.set()
    threading.Event().wait()


@contextmanager
def listeners(port: int) -> Iterator[Synchronized]:
    """The twenty slow listeners; yields the shared count of requests they answered."""
    requests = multiprocessing.Value("i", 0)
    ready = multiprocessing.Event()
    process = multiprocessing.Process(target=_serve, args=(port, requests, ready), daemon=True)
    process.start()
    if not ready.wait(30):
        raise SystemExit("bench: the loopback listeners did not start")
    try:
        yield requests
    finally:
        process.terminate()
        process.join()


def _url(port: int, number: int) -> str:
    return f"http://127.0.0.{number % HOSTS + 1}:{port}/source-{number}"


def _drafts(folder: Path, port: int, huge: bool) -> list[str]:
    """40 drafts citing 5 distinct URLs each; with ``huge``, the first cites the 50 MB page."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for draft in range(DRAFTS):
        numbers = range(draft * PER_DRAFT, (draft + 1) * PER_DRAFT)
        urls = [_url(port, n) for n in numbers]
        if huge and draft == 0:
            urls[0] = f"http://127.0.0.1:{port}/huge"
        body = " ".join(f"Fact {n}.[^{n}]" for n in numbers) + "\n\n"
        body += "".join(
            f"[^{n}]: [Source {n}]({url})\n" for n, url in zip(numbers, urls, strict=True)
        )
        path = folder / f"draft-{draft}.md"
        path.write_text(f"# Draft {draft}\n\n{body}", encoding="utf-8")
        paths.append(str(path))
    return paths


@dataclass(frozen=True)
class Checked:
    """One ``wikidraft check`` run: its wall time and peak RSS, CPU time, requests it caused."""

    run: Run
    cpu: float
    asked: int


def _check(paths: list[str], cache: Path, config: Path, requests: Synchronized) -> Checked:
    """One ``wikidraft check`` with its own cache folder."""
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    before, asked = resource.getrusage(resource.RUSAGE_CHILDREN), requests.value
    result = run([wikidraft(), "check", "--config", str(config), *paths], ok=(0, 1), env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return Checked(result, cpu, requests.value - asked)


def _row(name: str, runs: list[Checked], target: str, peak: str = "") -> list[str]:
    """A table row: medians of wall and CPU time, the requests of each run, the largest peak."""
    wall = statistics.median(c.run.seconds for c in runs)
    cpu = statistics.median(c.cpu for c in runs)
    asked = ", ".join(str(c.asked) for c in runs)
    largest = max(c.run.peak_kib for c in runs) / 1024
    return [name, f"{wall:.2f} s", f"{cpu:.2f} s", target, asked, peak or f"{largest:.1f} MiB"]


def _bare_floor(port: int) -> float:
    """Seconds for the same 200 requests from 8 threads with bare urllib (no parsing, no cache):
    what this machine, loaded as it is, allows at best."""
    urls = [_url(port, n) for n in range(DRAFTS * PER_DRAFT)]
    start = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        list(pool.map(lambda url: urllib.request.urlopen(url, timeout=60).read(), urls))
    return time.perf_counter() - start


def run_sources(settings: Settings) -> list[Table]:
    """Cold and warm check of 200 slow URLs, and the peak RSS with and without a 50 MB page."""
    port = 8190
    config = settings.work / "sources.toml"
    config.write_text(f"[sources]\nallow_private = true\nconcurrency = {CONCURRENCY}\n")
    floor = math.ceil(DRAFTS * PER_DRAFT / CONCURRENCY) * DELAY
    table = Table(
        f"`wikidraft check`: {DRAFTS} drafts x {PER_DRAFT} URLs on {HOSTS} loopback hosts, "
        f"every answer after {DELAY * 1000:.0f} ms",
        settings.command,
        ["run", "wall time", "CPU time", "target", "requests to the servers", "peak RSS"],
    )
    bare: list[float] = []
    colds: list[Checked] = []
    warms: list[Checked] = []
    huge: list[Checked] = []
    with listeners(port) as requests:
        plain = _drafts(settings.work / "plain", port, huge=False)
        with_huge = _drafts(settings.work / "huge", port, huge=True)
        for repeat in range(settings.repeats):
            bare.append(_bare_floor(port))
            cache = settings.work / f"cache-{repeat}"
            colds.append(_check(plain, cache, config, requests))
            warms.append(_check(plain, cache, config, requests))
            huge.append(_check(with_huge, settings.work / f"cache-huge-{repeat}", config, requests))
    cold_peak = max(c.run.peak_kib for c in colds) / 1024
    huge_peak = max(c.run.peak_kib for c in huge) / 1024
    floor_here = f"{statistics.median(bare):.2f} s"
    table.rows += [
        ["the 200 requests alone (bare urllib, 8 threads)", floor_here, "", "", "200 each", ""],
        _row("cold (empty cache)", colds, f"<= {1.25 * floor:.2f} s (1.25 x floor {floor:.1f} s)"),
        _row("warm (cached)", warms, "<= 0.50 s, 0 requests"),
        _row(
            "cold, one URL a 50 MB page",
            huge,
            f"peak <= cold's + 10 MiB ({cold_peak + 10:.1f})",
            f"{huge_peak:.1f} MiB ({huge_peak - cold_peak:+.1f})",
        ),
    ]
    table.notes.append(
        f"medians of {settings.repeats} runs, the largest peak RSS; each run is a child process "
        "(interpreter start-up and 40 conversions included); CPU time is user + system"
    )
    return [table]
