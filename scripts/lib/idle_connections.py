"""Idle connections: opens N keep-alive connections to one server (each answers one request, then
stays idle), then measures /__admin/health latency on fresh connections while they are all open,
checks a sample of the idle ones still answers, and reports RSS and threads. Run through
scripts/idle-connections.sh."""
import argparse
import os
import resource
import selectors
import socket
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import bmload  # noqa: E402

REQUEST = b"GET /__admin/health HTTP/1.1\r\nHost: bench\r\n\r\n"


def read_response(sock, deadline):
    """One complete response on a blocking socket (Content-Length bodies only: health has one)."""
    data = b""
    while True:
        head_end = data.find(b"\r\n\r\n")
        if head_end >= 0:
            length = 0
            for line in data[:head_end].split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if len(data) >= head_end + 4 + length:
                return data[:head_end + 4 + length]
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before a whole response")
        data += chunk


def open_idle(port, count, deadline):
    """Connects `count` sockets, sends each one request and waits for every answer, non-blocking."""
    sel = selectors.DefaultSelector()
    sockets, pending, answered = [], {}, 0
    for _ in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        s.connect_ex(("127.0.0.1", port))
        sockets.append(s)
        pending[s.fileno()] = [s, b"", False]
        sel.register(s, selectors.EVENT_WRITE)
        # Drain as we go so the listen backlog never overflows.
        if len(pending) >= 512:
            answered += pump(sel, pending, deadline, until=256)
    answered += pump(sel, pending, deadline, until=0)
    sel.close()
    return sockets, answered


def pump(sel, pending, deadline, until):
    done = 0
    while len(pending) > until:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{len(pending)} connections still unanswered")
        for key, events in sel.select(timeout=1):
            s = key.fileobj
            entry = pending[s.fileno()]
            if events & selectors.EVENT_WRITE and not entry[2]:
                s.send(REQUEST)
                entry[2] = True
                sel.modify(s, selectors.EVENT_READ)
            elif events & selectors.EVENT_READ:
                chunk = s.recv(65536)
                if not chunk:
                    raise ConnectionError("server closed a connection while opening")
                entry[1] += chunk
                if b"\r\n\r\n" in entry[1] and entry[1].endswith(b"}"):
                    if not entry[1].startswith(b"HTTP/1.1 200"):
                        raise RuntimeError(f"unexpected answer: {entry[1][:60]!r}")
                    sel.unregister(s)
                    del pending[s.fileno()]
                    done += 1
    return done


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--connections", type=int, default=10_000)
    ap.add_argument("--probes", type=int, default=200, help="health requests timed while they are open")
    ap.add_argument("--limit-ms", type=float, default=10.0, help="fails if the median probe is slower")
    args = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = args.connections + 64
    if soft < need:
        if hard < need:
            sys.exit(f"need {need} file descriptors, the hard limit is {hard}")
        resource.setrlimit(resource.RLIMIT_NOFILE, (need, hard))  # the server inherits it too
    work = tempfile.mkdtemp(prefix="bm-idle-")
    log = os.path.join(work, "server.log")
    server = bmload.Server(args.binary, ["--db", os.path.join(work, "idle.sqlite"), "--log-level", "warning",
                                         "--idle-timeout", "300"], log)
    failures = []
    try:
        port = server.start()
        pid = server.pid
        time.sleep(0.2)
        rss_idle, threads_idle = bmload.proc_status_kb(pid), len(os.listdir(f"/proc/{pid}/task"))
        started = time.monotonic()
        sockets, answered = open_idle(port, args.connections, started + 90)
        opened_s = time.monotonic() - started
        rss_open, threads_open = bmload.proc_status_kb(pid), len(os.listdir(f"/proc/{pid}/task"))

        probes = []
        for _ in range(args.probes):
            t0 = time.perf_counter()
            with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                s.sendall(REQUEST)
                answer = read_response(s, time.monotonic() + 5)
            probes.append((time.perf_counter() - t0) * 1000)
            if not answer.startswith(b"HTTP/1.1 200"):
                failures.append(f"probe answered {answer[:40]!r}")
                break

        # The idle ones must still be usable: a second request on every 100th.
        sample = sockets[::100]
        reused = 0
        for s in sample:
            s.setblocking(True)
            s.sendall(REQUEST)
            if read_response(s, time.monotonic() + 5).startswith(b"HTTP/1.1 200"):
                reused += 1
        for s in sockets:
            s.close()
        probes.sort()
        median = statistics.median(probes)
        p99 = probes[min(len(probes) - 1, int(len(probes) * 0.99))]
        print(f"idle connections: {answered} of {args.connections} opened and answered in {opened_s:.1f}s, "
              f"{reused} of {len(sample)} sampled still answer a second request")
        print(f"  health on a new connection while they are open: median {median:.2f} ms, p99 {p99:.2f} ms, "
              f"max {probes[-1]:.2f} ms ({len(probes)} probes; limit: median < {args.limit_ms} ms)")
        print(f"  server RSS {rss_idle / 1024:.1f} MiB idle -> {rss_open / 1024:.1f} MiB with them open "
              f"({(rss_open - rss_idle) / max(1, answered) * 1024:.0f} bytes each); "
              f"threads {threads_idle} -> {threads_open}")
        if answered != args.connections:
            failures.append(f"only {answered} connections answered")
        if reused != len(sample):
            failures.append(f"only {reused} of {len(sample)} sampled idle connections answered again")
        if median >= args.limit_ms:
            failures.append(f"median health latency {median:.2f} ms is not under {args.limit_ms} ms")
    except Exception as error:  # noqa: BLE001 - reported, then the server is stopped
        failures.append(f"{type(error).__name__}: {error}")
    finally:
        code = server.stop()
        server.ensure_stopped()
    if code != 0:
        failures.append(f"server exited {code} on SIGTERM")
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures) + f"\n  server log: {log}")
        sys.exit(1)
    print("idle connections: OK")


if __name__ == "__main__":
    main()
