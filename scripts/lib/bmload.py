"""Shared pieces of scripts/crash-test.sh and scripts/soak.sh: start and kill a buildermock process,
speak to it over keep-alive HTTP/1.1, and create and follow one job on each of the four emulated
APIs. Standard library only, so CI needs nothing beyond python3."""
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

BUILDERIO_SPACE = "demo0space0000000000000000000001"
BUILDERIO_KEY = "bpk-demo0private0key00000000000001"
BUILDERIO_USER = "developer@yourcompany.com"


def free_port():
    """A port the kernel just handed out, so restarts can rebind the same one."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


HEALTH_REQUEST = b"GET /__admin/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"


def health_ok(port, timeout=0.5):
    """One raw health request: True on a 200. Raw socket, so a start-up poll costs no client setup."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(HEALTH_REQUEST)
            return s.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


class Server:
    """A `buildermock serve` child process; its log goes to `log_path`."""

    def __init__(self, binary, args, log_path, port=0):
        self.binary, self.args, self.log_path = binary, args, log_path
        self.port = port
        self.proc = None

    def start(self, timeout=30):
        if self.port == 0:
            self.port = free_port()
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [self.binary, "serve", "--host", "127.0.0.1", "--port", str(self.port)] + self.args,
            stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"buildermock exited with {self.proc.returncode}; see {self.log_path}")
            try:
                # Ready once it accepts a connection (the log level may hide the "listening" line).
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self.port
            except OSError:
                time.sleep(0.02)
        raise RuntimeError(f"buildermock did not listen on {self.port} within {timeout}s; see {self.log_path}")

    @property
    def pid(self):
        return self.proc.pid

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def ensure_stopped(self):
        """For error paths: whatever happened, leave no server behind."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                return self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                return None
        return self.proc.returncode if self.proc else None

    def rss_kb(self):
        return proc_status_kb(self.proc.pid)


def proc_status_kb(pid, key="VmRSS"):
    """A kB figure of /proc/PID/status (VmRSS, VmHWM, …), or None once the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except FileNotFoundError:
        return None
    return None


def verdict(name, failures, log):
    """Prints the failures (at most 30) and where the server log is, or "NAME: OK"; the exit status."""
    if failures:
        print(f"FAILED ({len(failures)}):", *failures[:30], sep="\n  ")
        print(f"  server log: {log}")
        return 1
    print(f"{name}: OK")
    return 0


def run(main, servers):
    """Exits with main()'s status, leaving none of `servers` running whatever happened."""
    try:
        sys.exit(main())
    finally:
        for server in servers:
            server.ensure_stopped()


class Client:
    """One keep-alive connection; reconnects after any transport error (the error is re-raised)."""

    def __init__(self, port, timeout=10):
        self.port, self.timeout = port, timeout
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        data = None if body is None else json.dumps(body).encode()
        hdrs = {"Content-Type": "application/json"} if data is not None else {}
        hdrs.update(headers or {})
        try:
            self.conn.request(method, path, body=data, headers=hdrs)
            resp = self.conn.getresponse()
            raw = resp.read()
        except Exception:
            self.close()
            raise
        if resp.getheader("Connection", "").lower() == "close":
            self.close()
        try:
            payload = json.loads(raw) if raw else None
        except ValueError:
            payload = None
        return resp.status, payload

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class Api:
    """How to create, read and finish one kind of job on one emulated API. `namespace` isolates it."""

    name = ""
    terminal = ()
    expected = ""

    def __init__(self, namespace):
        self.namespace = namespace
        self.counter = 0

    def headers(self):
        return {"X-Buildermock-Namespace": self.namespace}

    def admin(self, client, method, path, body=None):
        sep = "&" if "?" in path else "?"
        return client.request(method, f"/__admin{path}{sep}namespace={self.namespace}", body, self.headers())

    def advance(self, client, by):
        return self.admin(client, "POST", "/clock/advance", {"by": by})

    def reset(self, client):
        return self.admin(client, "POST", "/reset")

    def create(self, client):
        """Returns (status, job reference or None)."""
        raise NotImplementedError

    def state(self, client, ref):
        """Returns (status, state or None)."""
        raise NotImplementedError

    def nudge(self, client, ref, state):
        """What a client does when the job waits for it (answer a question); False if nothing to do."""
        return False

    def list(self, client):
        raise NotImplementedError


class AppBuilds(Api):
    name, terminal, expected = "appbuilds", ("success", "failed"), "success"

    def headers(self):
        return {**super().headers(), "Authorization": "Bearer load-appbuilds"}

    def create(self, client):
        self.counter += 1
        status, body = client.request("POST", "/api/v1/builds", {
            "url": "https://example.com", "appName": "Load", "version": "1.0.0",
            "bundleId": f"com.example.{self.namespace.replace('-', '')}.b{self.counter}{os.getpid()}"}, self.headers())
        return status, (body or {}).get("id") if 200 <= status < 300 else None

    def state(self, client, ref):
        status, body = client.request("GET", f"/api/v1/builds/{ref}", headers=self.headers())
        return status, (body or {}).get("status")

    def list(self, client):
        return client.request("GET", "/api/v1/builds?limit=5&offset=0", headers=self.headers())[0]


class Buildprint(Api):
    name, terminal, expected = "buildprint", ("completed", "error"), "completed"

    def headers(self):
        return {**super().headers(), "Authorization": "Bearer bp_load"}

    def create(self, client):
        self.counter += 1
        status, body = client.request("POST", "/api/public/v1/agents", {
            "appId": "load-app", "prompt": f"Why does signup fail? ({self.counter})",
            "model": "buildprint-gpt-5.6-sol", "reasoningEffort": "low"}, self.headers())
        return status, (body or {}).get("agentId") if 200 <= status < 300 else None

    def state(self, client, ref):
        status, body = client.request("GET", f"/api/public/v1/agents/{ref}?historyLimit=5", headers=self.headers())
        return status, (body or {}).get("status")

    def list(self, client):
        # The API has no list endpoint; an unknown id exercises its 404 path instead.
        return client.request("GET", "/api/public/v1/agents/agt_unknown000000", headers=self.headers())[0]


class BuilderIO(Api):
    name, terminal, expected = "builderio", ("completed", "failed"), "completed"

    def headers(self):
        return {**super().headers(), "Authorization": f"Bearer {BUILDERIO_KEY}"}

    def create(self, client):
        self.counter += 1
        status, body = client.request("POST", f"/agents/run?apiKey={BUILDERIO_SPACE}", {
            "userMessage": {"userPrompt": f"Build a landing page with a hero section number {self.counter}"},
            "userEmail": BUILDERIO_USER}, self.headers())
        if not 200 <= status < 300 or not body:
            return status, None
        return status, (body.get("projectId"), body.get("branchName"))

    def state(self, client, ref):
        project, branch = ref
        status, body = client.request("GET", f"/__admin/builderio/projects/{project}", headers=self.headers())
        if status != 200 or not body:
            return status, None
        for b in body.get("branches", []):
            if b.get("name") == branch:
                return status, b.get("state")
        return 404, None

    def list(self, client):
        return client.request("GET", f"/__admin/builderio/spaces/{BUILDERIO_SPACE}", headers=self.headers())[0]


class BuilderAgents(Api):
    name, terminal, expected = "builderagents", ("deployed", "failed"), "deployed"

    def headers(self):
        return {**super().headers(), "Authorization": "Bearer load-builderagents"}

    def create(self, client):
        self.counter += 1
        status, body = client.request("POST", "/api/v1/builder-agents", {
            "prompt": "Watch my Zoho CRM leads every 5 minutes", "auto_approve": True, "skip_review": True},
            self.headers())
        return status, ((body or {}).get("data") or {}).get("uuid") if 200 <= status < 300 else None

    def state(self, client, ref):
        status, body = client.request("GET", f"/api/v1/builder-agents/{ref}", headers=self.headers())
        return status, ((body or {}).get("data") or {}).get("status")

    def nudge(self, client, ref, state):
        if state != "gathering":
            return False
        status, _ = client.request("POST", f"/api/v1/builder-agents/{ref}/answers",
                                   {"message": "Use the stored ones, EU"}, self.headers())
        return 200 <= status < 300

    def list(self, client):
        return client.request("GET", "/api/v1/builder-agents?limit=5", headers=self.headers())[0]


ALL_APIS = (AppBuilds, Buildprint, BuilderIO, BuilderAgents)
