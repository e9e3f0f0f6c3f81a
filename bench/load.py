"""A small closed-loop HTTP load generator for the benchmarks.

Its own: the loopback-only load tools (wrk and friends) are not Python packages, and the
benchmarks must run wherever `make install` ran. Several processes, each keeping one request in
flight, measure requests per second and latency percentiles. Both sides of a comparison are measured
with it in the same run, so its own overhead cancels out of the ratio.
"""

from __future__ import annotations

import http.client
import multiprocessing
import statistics
import time
from dataclasses import dataclass


@dataclass
class LoadResult:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def _worker(host: str, port: int, path: str, seconds: float, queue) -> None:
    latencies, errors = [], 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        connection = http.client.HTTPConnection(host, port, timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors += 1
        except OSError:
            errors += 1
        finally:
            connection.close()
        latencies.append((time.perf_counter() - started) * 1000)
    queue.put((latencies, errors))


def run_load(host: str, port: int, path: str, *, seconds: float, connections: int) -> LoadResult:
    queue: multiprocessing.Queue = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(target=_worker, args=(host, port, path, seconds, queue))
        for _ in range(connections)
    ]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    results = [queue.get() for _ in workers]
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    latencies = [value for result, _ in results for value in result]
    return LoadResult(len(latencies), sum(e for _, e in results), elapsed, latencies)


def describe(name: str, result: LoadResult) -> str:
    median = statistics.median(result.latencies_ms) if result.latencies_ms else 0.0
    return (
        f"{name:<28} {result.rate:8.0f} req/s   p50 {median:6.1f} ms   "
        f"p95 {result.percentile(0.95):6.1f} ms   errors {result.errors}"
    )
