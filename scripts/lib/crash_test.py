"""Crash test: load that creates jobs on all four APIs while the server is killed with SIGKILL at
random moments and restarted on the same database; then every job whose creation was answered 2xx
must exist and reach its terminal state. Run through scripts/crash-test.sh."""
import argparse
import os
import random
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
    ap.add_argument("--kills", type=int, default=5)
    ap.add_argument("--min-gap", type=float, default=1.0, help="least seconds of load before a kill")
    ap.add_argument("--max-gap", type=float, default=4.0)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--pace", type=float, default=0.02, help="pause between one worker's creations (s)")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    work = tempfile.mkdtemp(prefix="bm-crash-")
    db = os.path.join(work, "crash.sqlite")
    log = os.path.join(work, "server.log")
    print(f"crash test: {args.kills} kills, seed {seed}, db {db}, log {log}", flush=True)

    server = bmload.Server(args.binary, ["--db", db, "--clock", "manual", "--log-level", "warning"], log)
    SERVERS.append(server)
    started = time.monotonic()
    port = server.start()
    server.port = port  # restarts rebind the same port (the listener sets SO_REUSEADDR)

    apis = [cls(f"crash-{cls.name}") for cls in bmload.ALL_APIS]
    acknowledged = {api.name: [] for api in apis}
    lock = threading.Lock()
    stats = {"created": 0, "refused": {}, "transport_errors": 0, "server_errors": []}
    stop = threading.Event()

    def worker(api):
        client = bmload.Client(port, timeout=5)
        while not stop.is_set():
            try:
                status, ref = api.create(client)
            except Exception:
                # Killed mid-request: not acknowledged, so nothing is owed. Wait for the restart.
                with lock:
                    stats["transport_errors"] += 1
                time.sleep(0.05)
                continue
            with lock:
                if 200 <= status < 300 and ref:
                    acknowledged[api.name].append(ref)
                    stats["created"] += 1
                elif status >= 500:
                    stats["server_errors"].append((api.name, status))
                else:
                    stats["refused"][status] = stats["refused"].get(status, 0) + 1
            # Bounded: enough jobs to be mid-commit at every kill, few enough to check them all quickly.
            time.sleep(args.pace)

    def clock_mover():
        # Jobs are killed mid-lifecycle too: the clock moves now and then, so transitions are being
        # committed when the kill lands.
        client = bmload.Client(port, timeout=5)
        while not stop.is_set():
            api = rng.choice(apis)
            try:
                api.advance(client, f"{rng.randint(1, 40)}s")
            except Exception:
                pass
            time.sleep(0.2)

    threads = [threading.Thread(target=worker, args=(api,), daemon=True) for api in apis]
    threads.append(threading.Thread(target=clock_mover, daemon=True))
    for t in threads:
        t.start()
    kills = 0
    for _ in range(args.kills):
        time.sleep(rng.uniform(args.min_gap, args.max_gap))
        server.kill9()
        kills += 1
        print(f"  kill {kills}: SIGKILL with {stats['created']} jobs acknowledged so far", flush=True)
        server.start()
    time.sleep(rng.uniform(args.min_gap, args.max_gap))
    stop.set()
    for t in threads:
        t.join(timeout=15)
    # One more kill after the load stops, so the final check also reads a database that was not
    # closed cleanly.
    server.kill9()
    kills += 1
    server.start()

    load_done = time.monotonic()
    client = bmload.Client(port, timeout=30)
    failures = []
    # Move every namespace far enough for every lifecycle, answering the questions of conversations.
    for api in apis:
        status, _ = api.advance(client, "30s")
        if status != 200:
            failures.append(f"{api.name}: clock advance answered {status}")
    for api in apis:
        for ref in acknowledged[api.name]:
            status, state = api.state(client, ref)
            if status == 200 and api.nudge(client, ref, state):
                pass
    for api in apis:
        status, _ = api.advance(client, "72h")
        if status != 200:
            failures.append(f"{api.name}: clock advance answered {status}")
    checked = 0
    by_state = {}
    for api in apis:
        for ref in acknowledged[api.name]:
            checked += 1
            status, state = api.state(client, ref)
            if status != 200:
                failures.append(f"{api.name} {ref}: lost (GET answered {status})")
            elif state != api.expected:
                failures.append(f"{api.name} {ref}: in state {state}, expected {api.expected}")
            by_state[f"{api.name}:{state}"] = by_state.get(f"{api.name}:{state}", 0) + 1
    code = server.stop()
    if code != 0:
        failures.append(f"server exited {code} on SIGTERM")
    for api_name, status in stats["server_errors"]:
        failures.append(f"{api_name}: create answered {status}")

    print(f"crash test: kills survived {kills}, jobs acknowledged {stats['created']}, jobs checked {checked}, "
          f"refused {stats['refused'] or 'none'}, transport errors during kills {stats['transport_errors']}")
    print(f"  final states: {dict(sorted(by_state.items()))}")
    print(f"  load and kills {load_done - started:.1f}s, final check {time.monotonic() - load_done:.1f}s")
    if checked == 0:
        failures.append("no job was acknowledged")
    return bmload.verdict("crash test", failures, log)


if __name__ == "__main__":
    bmload.run(main, SERVERS)
