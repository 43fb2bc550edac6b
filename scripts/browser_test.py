#!/usr/bin/env python3
"""Drives the dashboard in headless Chromium over the Chrome DevTools protocol.

Starts buildermock (manual clock, in-memory db) and Chromium, loads /__admin/ui, creates app
builds over the API, presses the page's Advance button, and asserts that the build's row goes
queued -> building -> success on the page, live. Saves a screenshot; exits non-zero on failure.
Everything it starts, it stops (by pid). Used by scripts/browser-test.sh.
"""
import argparse
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

import websocket  # PyPI: websocket-client

NAMESPACE = "demo"


class Failure(Exception):
    pass


def read_line_matching(stream, pattern, timeout, what):
    """Reads lines from a child's pipe on a thread until one matches; returns the match."""
    found = {}
    lines = []

    def pump():
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", "replace")
            lines.append(line)
            match = re.search(pattern, line)
            if match and "m" not in found:
                found["m"] = match
    thread = threading.Thread(target=pump, daemon=True)
    thread.start()
    deadline = time.time() + timeout
    while time.time() < deadline and "m" not in found:
        time.sleep(0.02)
    if "m" not in found:
        raise Failure(f"{what} did not start in {timeout}s; output:\n" + "".join(lines[-20:]))
    return found["m"]


def http(method, url, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


class Page:
    """One page target, spoken to over its DevTools websocket."""

    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=15, suppress_origin=True)
        self.next_id = 0
        self.console = []

    def call(self, method, **params):
        self.next_id += 1
        message_id = self.next_id
        self.ws.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("method") == "Runtime.exceptionThrown":
                self.console.append("exception: " + json.dumps(message["params"]["exceptionDetails"])[:500])
            if message.get("method") == "Runtime.consoleAPICalled":
                args = message["params"].get("args", [])
                self.console.append(message["params"]["type"] + ": " + " ".join(str(a.get("value", a.get("description"))) for a in args))
            if message.get("id") == message_id:
                if "error" in message:
                    raise Failure(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise Failure(f"page script failed: {expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, timeout, what):
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            last = self.evaluate(expression)
            if last:
                return last
            time.sleep(0.05)
        raise Failure(f"timed out after {timeout}s waiting for {what} (last value {last!r})")

    def click(self, selector):
        """A real mouse click at the element's centre, as a person would press the button."""
        box = self.evaluate(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
            f" return [r.x + r.width / 2, r.y + r.height / 2]; }})()")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def type_into(self, selector, text):
        self.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.focus(); e.select(); }})()")
        self.call("Input.insertText", text=text)

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))


def row_state(job):
    return f"(() => {{ const r = document.querySelector('#jobs tr[data-job=\"{job}\"]'); return r && r.dataset.state; }})()"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--chromium", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    screenshot = os.path.join(args.out, "dashboard.png")
    profile = tempfile.mkdtemp(prefix="buildermock-chromium-")
    server = browser = page = None
    started = time.time()
    try:
        server = subprocess.Popen([args.binary, "serve", "--host", "127.0.0.1", "--port", "0", "--db", ":memory:",
                                   "--clock", "manual", "--log-level", "info"],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        port = int(read_line_matching(server.stdout, r"http\.port=(\d+)", 30, "buildermock").group(1))
        base = f"http://127.0.0.1:{port}"
        print(f"buildermock on {base}")

        browser = subprocess.Popen([args.chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
                                    "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                                    "--hide-scrollbars", "--remote-debugging-port=0", "--remote-allow-origins=*",
                                    f"--user-data-dir={profile}", "--window-size=1440,1000", "about:blank"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        devtools = read_line_matching(browser.stderr, r"DevTools listening on (ws://[^\s]+)", 60, "chromium").group(1)
        devtools_port = re.search(r":(\d+)/", devtools).group(1)
        with urllib.request.urlopen(f"http://127.0.0.1:{devtools_port}/json/list", timeout=10) as response:
            targets = [t for t in json.loads(response.read()) if t.get("type") == "page"]
        if not targets:
            raise Failure("chromium has no page target")
        page = Page(targets[0]["webSocketDebuggerUrl"])
        page.call("Page.enable")
        page.call("Runtime.enable")
        page.call("Emulation.setDeviceMetricsOverride", width=1440, height=1000, deviceScaleFactor=1, mobile=False)
        page.call("Page.navigate", url=f"{base}/__admin/ui?namespace={NAMESPACE}")
        page.wait_for("document.readyState === 'complete' && !!document.querySelector('#live.on')", 15,
                      "the dashboard to load and its event stream to connect")
        print("dashboard loaded, live")

        headers = {"Authorization": "Bearer browser-test", "X-Buildermock-Namespace": NAMESPACE}
        status, build = http("POST", f"{base}/api/v1/builds", {
            "url": "https://example.com", "appName": "Demo Shop", "bundleId": "com.example.shop",
            "version": "1.0.0", "platform": "android"}, headers)
        if status != 201:
            raise Failure(f"POST /api/v1/builds answered {status}: {build}")
        job = build["id"]
        print(f"created build {job}")
        page.wait_for(row_state(job) + " === 'queued'", 10, f"row {job} to appear as queued")
        print("row shows queued")

        page.type_into("#advance-by", "10s")
        page.click("#advance")
        page.wait_for(row_state(job) + " === 'building'", 10, f"row {job} to move to building")
        print("row shows building after the Advance button (10s)")

        page.type_into("#advance-by", "3m")
        page.click("#advance")
        page.wait_for(row_state(job) + " === 'success'", 10, f"row {job} to move to success")
        page.wait_for("document.getElementById('clock-now').textContent.includes('00:03:10')", 5, "the clock to show 00:03:10")
        page.wait_for("document.querySelectorAll('#activity li time').length >= 3", 5, "the live activity feed")
        print("row shows success; clock and activity feed followed")

        # More rows in other states, so the screenshot shows the lifecycle at a glance.
        # The failing one first, so it takes a free slot at once and fails within the next advance.
        for body, scenario in ((("ios", "Signing Demo", "com.example.signing"), "ios-signing-failure"),
                               (("ios", "Demo Shop iOS", "com.example.shop.ios"), None),
                               (("android", "Checkout", "com.example.checkout"), None)):
            extra = dict(headers)
            if scenario:
                extra["X-Buildermock-Scenario"] = scenario
            platform, name, bundle = body
            status, created = http("POST", f"{base}/api/v1/builds", {
                "url": "https://example.com", "appName": name, "bundleId": bundle, "version": "1.0.0",
                "platform": platform}, extra)
            if status != 201:
                raise Failure(f"POST /api/v1/builds answered {status}: {created}")
        # A Buildprint agent whose completion webhook meets a receiver that is down (simulated: no
        # request leaves the machine), to fill the webhook panel.
        status, agent = http("POST", f"{base}/api/public/v1/agents", {
            "appId": "my-app", "prompt": "Why does the signup workflow fail?", "model": "buildprint-gpt-5.6-sol",
            "completionWebhookUrl": "http://127.0.0.1:9/hooks/buildprint"},
            {**headers, "Authorization": "Bearer bp_browser_test", "X-Buildermock-Scenario": "webhook-receiver-down"})
        if status != 202:
            raise Failure(f"POST /api/public/v1/agents answered {status}: {agent}")
        http("POST", f"{base}/__admin/clock/advance?namespace={NAMESPACE}", {"by": "4m15s"})
        page.wait_for("[...document.querySelectorAll('#jobs tr')].some(r => r.dataset.state === 'failed')", 10,
                      "a failed build row")
        page.wait_for("document.querySelectorAll('#jobs tbody tr').length === 6", 10, "six job rows")
        page.wait_for("!!document.querySelector('#webhooks tr[data-delivery]')", 10, "the webhook delivery")
        # The journal panel, newest first: the agent was created after the builds.
        page.wait_for("(() => { const t = [...document.querySelectorAll('#requests tbody tr td:nth-child(2)')]"
                      ".map(c => c.textContent); const a = t.indexOf('POST /api/public/v1/agents');"
                      " return a >= 0 && a < t.lastIndexOf('POST /api/v1/builds'); })()", 10,
                      "the journaled requests, newest first")
        page.wait_for("[...document.querySelectorAll('#requests tbody tr td:nth-child(3)')]"
                      ".every(c => /^[1-5][0-9][0-9]$/.test(c.textContent))", 10, "a status on every journaled request")
        state = page.evaluate(row_state(job))
        if state != "success":
            raise Failure(f"row {job} changed to {state} after more builds")
        time.sleep(1.8)  # let the row-change highlight fade before the picture
        page.screenshot(screenshot)
        errors = [line for line in page.console if line.startswith(("exception", "error"))]
        if errors:
            raise Failure("the page logged errors:\n" + "\n".join(errors))
        print(f"screenshot: {screenshot}")
        print(f"browser test passed in {time.time() - started:.1f}s")
        return 0
    except Failure as failure:
        print(f"browser test FAILED: {failure}", file=sys.stderr)
        if page is not None:
            try:
                page.screenshot(screenshot)
                print(f"screenshot of the failure: {screenshot}", file=sys.stderr)
                print("page console:\n" + "\n".join(page.console[-20:]), file=sys.stderr)
            except Exception as error:  # the browser may be what failed
                print(f"(no screenshot: {error})", file=sys.stderr)
        return 1
    finally:
        if page is not None:
            page.ws.close()
        for process in (browser, server):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
