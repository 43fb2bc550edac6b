"""Startup: time from exec to the first 200 on /__admin/health, and RSS once idle, over N starts
(fresh database each). Run through scripts/startup.sh."""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import bmload  # noqa: E402


def anonymous_kib(pid):
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Anonymous:"):
                return int(line.split()[1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--starts", type=int, default=10)
    args = ap.parse_args()
    ready, rss, anon = [], [], []
    with tempfile.TemporaryDirectory(prefix="bm-startup-") as work:
        for n in range(args.starts):
            port = bmload.free_port()
            db = os.path.join(work, f"start{n}.sqlite")
            started = time.perf_counter()
            proc = subprocess.Popen([args.binary, "serve", "--port", str(port), "--db", db, "--log-level", "warning"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                deadline = started + 10
                while not bmload.health_ok(port):
                    if proc.poll() is not None or time.perf_counter() > deadline:
                        sys.exit(f"server did not answer health (exit {proc.poll()})")
                    time.sleep(0.0005)
                ready.append((time.perf_counter() - started) * 1000)
                time.sleep(0.5)
                rss.append(bmload.proc_status_kb(proc.pid) / 1024)
                anon.append(anonymous_kib(proc.pid) / 1024)
            finally:
                proc.terminate()
                proc.wait(timeout=15)
    print(f"startup over {args.starts} starts: exec -> first 200 on /__admin/health median {statistics.median(ready):.1f} ms "
          f"(min {min(ready):.1f}, max {max(ready):.1f}); polled every 0.5 ms")
    print(f"  idle RSS 0.5 s after ready: median {statistics.median(rss):.1f} MiB, of which anonymous "
          f"{statistics.median(anon):.1f} MiB (the rest is shared-library and binary pages)")


if __name__ == "__main__":
    main()
