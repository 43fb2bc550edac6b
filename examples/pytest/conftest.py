"""pytest fixtures that run one buildermock per test session and reset it before every test.

Copy this file into your test folder. It needs only the standard library and a `buildermock` binary
(on PATH, or named by BUILDERMOCK_BIN). The server runs on the manual clock, so a test moves time
explicitly with `bm.advance("3m")` and never sleeps.
"""
import json
import os
import re
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

import pytest

BINARY = os.environ.get("BUILDERMOCK_BIN", "buildermock")


class Buildermock:
    """A tiny JSON client for one buildermock: the emulated APIs and the admin API."""

    def __init__(self, url):
        self.url = url

    def call(self, method, path, body=None, headers=None):
        """Returns (status, parsed JSON body or None). Never raises for an HTTP error status."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
        try:
            return status, json.loads(raw) if raw else None
        except ValueError:
            return status, None

    def advance(self, by, namespace):
        """Moves a namespace's clock; returns the transitions that ran."""
        status, body = self.call("POST", f"/__admin/clock/advance?namespace={namespace}", {"by": by})
        assert status == 200, body
        return body["transitions"]

    def reset(self):
        status, body = self.call("POST", "/__admin/reset?all=true")
        assert status == 200, body


@pytest.fixture(scope="session")
def buildermock_url():
    """Starts `buildermock serve` on a free loopback port for the whole session."""
    log = tempfile.NamedTemporaryFile(prefix="buildermock-", suffix=".log", delete=False)
    process = subprocess.Popen(
        [BINARY, "serve", "--port", "0", "--clock", "manual", "--db", ":memory:"],
        stdout=log, stderr=log)
    port = None
    deadline = time.monotonic() + 15
    while port is None:
        # The "listening" line (info level) names the port the kernel chose.
        match = re.search(r"http\.port=(\d+)", open(log.name).read())
        if match:
            port = int(match.group(1))
        elif process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("buildermock did not start:\n" + open(log.name).read())
        else:
            time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)
    os.unlink(log.name)


@pytest.fixture
def bm(buildermock_url):
    """A client for the session's server, with every namespace reset first."""
    client = Buildermock(buildermock_url)
    client.reset()
    return client
