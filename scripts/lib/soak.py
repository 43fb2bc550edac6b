"""Soak: steady mixed load on all four APIs against a server on the real clock at a high time scale,
sampling its RSS every second. Fails if RSS after warm-up grows by more than the allowed fraction,
or if any request gets a 5xx or a transport error. Run through scripts/soak.sh."""
import argparse
import os
import statistics
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
import bmload  # noqa: E402

SERVERS = []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--duration", type=float, default=600)
    ap.add_argument("--time-scale", default="0.01")
    ap.add_argument("--in-flight", type=int, default=4, help="jobs each API's worker keeps going")
    ap.add_argument("--interval", type=float, default=0.01, help="pause between a worker's rounds (s)")
    ap.add_argument("--reset-every", type=int, default=200, help="jobs per namespace between resets")
    ap.add_argument("--max-growth", type=float, default=0.10)
    ap.add_argument("--builderio-run-every", type=float, default=2.0,
                    help="least seconds between two Builder.io runs (its world keeps every project in memory)")
    ap.add_argument("--apis", default=",".join(cls.name for cls in bmload.ALL_APIS),
                    help="comma-separated subset of " + ", ".join(cls.name for cls in bmload.ALL_APIS))
    args = ap.parse_args()
    # SQLite's page caches (a writer, 4 readers, a checkpointer, up to 2 MB each) and malloc's arenas
    # fill over the first minutes; growth is measured after that.
    warmup = min(120.0, args.duration / 2)
    work = tempfile.mkdtemp(prefix="bm-soak-")
    db = os.path.join(work, "soak.sqlite")
    log = os.path.join(work, "server.log")
    print(f"soak: {args.duration:.0f}s (warm-up {warmup:.0f}s), time scale {args.time_scale}, db {db}, log {log}",
          flush=True)
    server = bmload.Server(args.binary, ["--db", db, "--clock", "real", "--time-scale", args.time_scale,
                                         "--log-level", "warning"], log)
    SERVERS.append(server)
    port = server.start()

    lock = threading.Lock()
    statuses = {}
    requests = {"total": 0}
    problems = []
    finished = {}
    stop = threading.Event()

    def record(api, what, status):
        with lock:
            requests["total"] += 1
            statuses[status] = statuses.get(status, 0) + 1
            if status >= 500 and len(problems) < 50:
                problems.append(f"{api.name} {what}: {status}")

    def worker(api):
        client = bmload.Client(port, timeout=10)
        in_flight = []
        created = 0
        rounds = 0
        last_start = 0.0
        while not stop.is_set():
            rounds += 1
            try:
                if created >= args.reset_every and not in_flight:
                    # What a test suite does between tests; keeps the database from growing forever.
                    record(api, "reset", api.reset(client)[0])
                    created = 0
                # Past `reset_every` no new job starts: the namespace drains, then is reset.
                may_start = len(in_flight) < args.in_flight and created < args.reset_every
                if isinstance(api, bmload.BuilderIO):
                    # Builder.io projects and branches are world documents: kept in memory for the
                    # life of the process and not cleared by a reset (WorldStore), so runs are paced.
                    may_start = may_start and time.monotonic() - last_start >= args.builderio_run_every
                if may_start:
                    last_start = time.monotonic()
                    status, ref = api.create(client)
                    record(api, "create", status)
                    if ref is not None:
                        in_flight.append(ref)
                        created += 1
                for ref in list(in_flight):
                    status, state = api.state(client, ref)
                    record(api, "get", status)
                    if state in api.terminal or status == 404:
                        in_flight.remove(ref)
                        with lock:
                            key = f"{api.name}:{state if status == 200 else status}"
                            finished[key] = finished.get(key, 0) + 1
                    elif api.nudge(client, ref, state):
                        record(api, "answer", 200)
                if rounds % 10 == 0:
                    record(api, "list", api.list(client))
            except Exception as error:  # a reset or refused connection is a server defect here
                with lock:
                    requests["total"] += 1
                    statuses["transport"] = statuses.get("transport", 0) + 1
                    if len(problems) < 50:
                        problems.append(f"{api.name}: transport error {error!r}")
                time.sleep(0.1)
            time.sleep(args.interval)

    samples = []

    def sampler():
        start = time.monotonic()
        while not stop.is_set():
            rss = server.rss_kb()
            if rss is not None:
                samples.append((time.monotonic() - start, rss))
            time.sleep(1)

    chosen = args.apis.split(",")
    apis = [cls(f"soak-{cls.name}") for cls in bmload.ALL_APIS if cls.name in chosen]
    threads = [threading.Thread(target=worker, args=(api,), daemon=True) for api in apis]
    threads.append(threading.Thread(target=sampler, daemon=True))
    started = time.monotonic()
    for t in threads:
        t.start()
    next_report = 60
    while time.monotonic() - started < args.duration:
        time.sleep(1)
        elapsed = time.monotonic() - started
        if elapsed >= next_report and samples:
            with lock:
                total = requests["total"]
            print(f"  {elapsed:4.0f}s: {total} requests, RSS {samples[-1][1] / 1024:.1f} MiB", flush=True)
            next_report += 60
    stop.set()
    for t in threads:
        t.join(timeout=15)
    code = server.stop()
    elapsed = time.monotonic() - started

    failures = list(problems)
    if code != 0:
        failures.append(f"server exited {code} on SIGTERM")
    if len(samples) < 5:
        failures.append("too few RSS samples")
        print("FAILED:", *failures, sep="\n  ")
        return 1
    with open(os.path.join(work, "rss.csv"), "w") as f:
        f.write("seconds,rss_kb\n")
        f.writelines(f"{t:.1f},{kb}\n" for t, kb in samples)
    rss = [kb for _, kb in samples]
    at_warmup = [kb for t, kb in samples if warmup - 5 <= t <= warmup] or rss[:5]
    baseline = statistics.median(at_warmup)
    end = statistics.median(rss[-5:])
    after = [kb for t, kb in samples if t >= warmup] or rss
    growth = (end - baseline) / baseline
    print(f"soak: {elapsed:.0f}s, {requests['total']} requests ({requests['total'] / elapsed:.0f}/s), "
          f"statuses {dict(sorted(statuses.items(), key=str))}")
    print(f"  jobs finished: {dict(sorted(finished.items()))}")
    print(f"  RSS MiB: start {rss[0] / 1024:.1f}, after warm-up {baseline / 1024:.1f}, end {end / 1024:.1f}, "
          f"max {max(rss) / 1024:.1f} (max after warm-up {max(after) / 1024:.1f}); growth after warm-up "
          f"{growth * 100:+.1f}% (limit {args.max_growth * 100:.0f}%)")
    print(f"  RSS samples: {os.path.join(work, 'rss.csv')}")
    if growth > args.max_growth:
        failures.append(f"RSS grew {growth * 100:.1f}% after warm-up")
    if sum(finished.values()) == 0:
        failures.append("no job reached a terminal state")
    return bmload.verdict("soak", failures, log)


if __name__ == "__main__":
    bmload.run(main, SERVERS)
