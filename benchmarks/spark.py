"""Spark local mode against the single-machine engine, on the same cores, in the same run.

usage: python benchmarks/spark.py [--book 1000000] [--cores 2]

In a fresh home with the bundled lists loaded, a synthetic book of N distinct names
(deterministic, from real name parts, as benchmarks/speed.py builds it) is written as
Parquet and screened twice with the real command line:

    clearance screen book.parquet -o local.jsonl --workers 2
    clearance screen book.parquet --engine spark --master local[2] -o spark.jsonl

Each wall time includes everything a user waits for (start-up, index load in each
worker, JVM start for Spark). Prints names/s for both, the ratio (target: Spark keeps
>= 70% of the local throughput), peak resident memory of Spark's Python workers and of
its JVM, the CPU seconds each used (the fair comparison on a shared machine), and checks
that both outputs hold the same lines.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import BUNDLED, SHARED, header

CLEARANCE = str(Path(sys.executable).parent / "clearance")


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = []
        try:  # a JVM starts processes from any of its threads
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    kids += [int(k) for k in fh.read().split()]
        except OSError:
            pass
        out += kids
        todo += kids
    return out


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds a process has used so far."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def run(cmd: list[str]) -> tuple[float, float, dict[str, float]]:
    """Wall seconds of a command, the CPU seconds of its whole process tree (sampled every
    half second), and the peak RSS (MB) of its Python workers and JVM."""
    peak = {"python_worker": 0.0, "jvm": 0.0}
    cpu: dict[int, float] = {}
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            cpu[proc.pid] = max(cpu.get(proc.pid, 0.0), _cpu_s(proc.pid))
            for pid in _descendants(proc.pid):
                cpu[pid] = max(cpu.get(pid, 0.0), _cpu_s(pid))
                kind = "jvm" if "java" in _cmdline(pid).split(" ")[0] else "python_worker"
                peak[kind] = max(peak[kind], _rss_mb(pid))
            time.sleep(0.5)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, errors = proc.communicate()
    took = time.perf_counter() - t
    stop.set()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{errors[-3000:]}")
    print("   ", errors.strip().splitlines()[-1])
    return took, sum(cpu.values()), peak


def _lines(path: Path) -> dict[str, str]:
    """Row id -> a digest of its whole output line (a file, or Spark's part files)."""
    files = sorted(path.glob("part-*")) if path.is_dir() else [path]
    return {json.loads(line)["id"]: hashlib.sha1(line.rstrip("\n").encode()).hexdigest()
            for f in files for line in f.open(encoding="utf-8")}


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--book", type=int, default=1_000_000)
    p.add_argument("--cores", type=int, default=2)
    args = p.parse_args()
    header("cold: each engine a new `clearance screen` process (start-up, index load in every "
           "worker, the JVM for Spark), distinct names")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CLEARANCE_HOME"] = tmp
        import pyarrow as pa
        import pyarrow.parquet as pq
        from speed import synthetic_records

        from clearance.index.store import ensure_index_file
        from clearance.store.load import load_paths

        load_paths([SHARED / "data" / "lists" / d for d in BUNDLED])
        index_mb = ensure_index_file().stat().st_size / 2**20
        records, _ = synthetic_records(args.book)
        book = Path(tmp) / "book.parquet"
        pq.write_table(pa.Table.from_pylist(
            [{"id": f"cust-{r['source_id']}", "name": r["caption"], "schema": r["schema"]}
             for r in records]), book, row_group_size=100_000)
        del records
        print(f"book: {args.book:,} names (Parquet); index artifact {index_mb:,.0f} MB")
        local_out, spark_out = Path(tmp) / "local.jsonl", Path(tmp) / "spark.jsonl"
        print(f"clearance screen --workers {args.cores}:")
        local_s, local_cpu, local_mem = run([CLEARANCE, "screen", str(book), "-o", str(local_out),
                                  "--workers", str(args.cores)])
        print(f"clearance screen --engine spark --master local[{args.cores}]:")
        spark_s, spark_cpu, spark_mem = run([CLEARANCE, "screen", str(book), "--engine", "spark",
                                  "--master", f"local[{args.cores}]", "-o", str(spark_out)])
        local_rate, spark_rate = args.book / local_s, args.book / spark_s
        print(f"local  {local_s:7.1f} s  {local_rate:7,.0f} names/s  "
              f"(worker peak RSS {local_mem['python_worker']:,.0f} MB)")
        print(f"spark  {spark_s:7.1f} s  {spark_rate:7,.0f} names/s  "
              f"(Python worker peak RSS {spark_mem['python_worker']:,.0f} MB, "
              f"JVM {spark_mem['jvm']:,.0f} MB)")
        print(f"ratio spark/local {spark_rate / local_rate:.2f} (target >= 0.70); "
              f"per core on Spark {spark_rate / args.cores:,.0f} names/s")
        # on a shared machine wall time depends on the neighbours; CPU seconds much less
        print(f"CPU: local {local_cpu:,.0f} s ({args.book / local_cpu:,.0f} names per "
              f"CPU-second), spark {spark_cpu:,.0f} s ({args.book / spark_cpu:,.0f} names "
              f"per CPU-second); ratio {local_cpu / spark_cpu:.2f}")
        same = _lines(local_out) == _lines(spark_out)
        print(f"same output lines (every row, every score) in both: {same}")


if __name__ == "__main__":
    main()
