#!/usr/bin/env python3
"""Drives headless Chromium through the Chrome DevTools Protocol for BrowserTests.swift.

Usage: cdp_driver.py CHROMIUM PLAN.json

Chromium is started with --remote-debugging-pipe: the protocol runs over file descriptors 3
and 4 (NUL-terminated JSON messages), so no port is opened and no module beyond Python's
standard library is needed. The plan is a list of steps run in order on one page; a step with
a "name" stores its value in the result, which is printed as one JSON object on standard
output: {"values": {...}} on success, {"error": "...", "values": {...}} (exit 1) on failure.

Steps ("op" and its arguments):
  viewport  width, height, mobile      Emulation.setDeviceMetricsOverride
  navigate  url                        Page.navigate, then wait for the new document's load
  press     key ("Tab", "Enter", ...)  a real key press (keyDown, keyUp)
  type      text                       one key press per character, as a person types
  insert    text                       Input.insertText (as a paste or an input method commits)
  click     selector                   a left mouse click at the element's centre
  navigates then                       runs the step `then` (one that submits a form or
                                       follows a link), then waits for the next document's load
  eval      expression                 the expression's JSON value
  wait      expression                 polls until the expression is truthy
  screenshot path                      a PNG of the whole page
Chromium and its user-data directory are removed at the end, on failure and on SIGTERM too.
"""

import base64
import ctypes
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

TIMEOUT = 20.0  # seconds for any one protocol answer or wait; generous for a loaded machine

KEYS = {
    "Tab": {"code": "Tab", "windowsVirtualKeyCode": 9},
    "Enter": {"code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"},
    "ArrowDown": {"code": "ArrowDown", "windowsVirtualKeyCode": 40},
    "ArrowUp": {"code": "ArrowUp", "windowsVirtualKeyCode": 38},
    " ": {"code": "Space", "windowsVirtualKeyCode": 32, "text": " "},
}


class DriverError(Exception):
    pass


class Browser:
    """Chromium with a pipe to its DevTools endpoint, and one page attached in flat mode."""

    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="rulecheck-chromium-")
        to_chromium_read, self.to_chromium = os.pipe()
        self.from_chromium, from_chromium_write = os.pipe()

        def child():
            # Chromium reads commands on fd 3 and writes answers on fd 4. dup first, so that
            # dup2 never targets the descriptor it copies (and clears close-on-exec).
            read_end, write_end = os.dup(to_chromium_read), os.dup(from_chromium_write)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)
            os.setsid()  # a process group of its own, killed whole at the end
            try:  # Linux: Chromium dies with this script, even if the script is killed
                ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
            except Exception:
                pass

        self.process = subprocess.Popen(
            [
                chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--remote-debugging-pipe", "--lang=en-US", "--hide-scrollbars",
                "--user-data-dir=" + self.profile, "about:blank",
            ],
            preexec_fn=child, close_fds=False, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=dict(os.environ, LANG="en_US.UTF-8", LANGUAGE="en_US"),
        )
        os.close(to_chromium_read)
        os.close(from_chromium_write)
        self.buffer = b""
        self.next_id = 0
        self.session = None
        try:
            target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        except BaseException:
            self.close()
            raise

    def call(self, method, params=None):
        """Sends one command (to the page once attached) and returns its result."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if self.session:
            message["sessionId"] = self.session
        data = json.dumps(message).encode() + b"\0"
        while data:
            data = data[os.write(self.to_chromium, data):]
        deadline = time.monotonic() + TIMEOUT
        while True:
            answer = self.read(deadline)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise DriverError("%s: %s" % (method, answer["error"].get("message")))
                return answer.get("result", {})

    def read(self, deadline):
        """The next message from Chromium (events included)."""
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise DriverError("Chromium did not answer within %d s" % TIMEOUT)
            ready, _, _ = select.select([self.from_chromium], [], [], min(left, 1.0))
            if ready:
                chunk = os.read(self.from_chromium, 1 << 20)
                if not chunk:
                    raise DriverError("Chromium closed the DevTools pipe (exit %s)" % self.process.poll())
                self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def evaluate(self, expression):
        """The JSON value of a JavaScript expression in the page."""
        result = self.call(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise DriverError("%s: %s" % (expression, result["exceptionDetails"].get("text")))
        return result["result"].get("value")

    def wait(self, expression, what):
        """Polls until `expression` is truthy."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                if self.evaluate(expression):
                    return
            except DriverError:
                pass  # the page is between documents
            if time.monotonic() > deadline:
                raise DriverError("timed out waiting for " + what)
            time.sleep(0.05)

    def key(self, name, text=None):
        """One key press: keyDown (with its text, which types it) and keyUp."""
        spec = dict(KEYS.get(name, {}))
        if text is not None:
            spec = {"text": text, "key": text, "code": "", "windowsVirtualKeyCode": ord(text.upper()[0])}
        spec.setdefault("key", name)
        down = dict(spec, type="keyDown" if "text" in spec else "rawKeyDown")
        self.call("Input.dispatchKeyEvent", down)
        up = {k: v for k, v in spec.items() if k != "text"}
        self.call("Input.dispatchKeyEvent", dict(up, type="keyUp"))

    def click(self, selector):
        """A left click at the centre of the element `selector` names, scrolled into view."""
        box = self.evaluate(
            "(() => { const e = document.querySelector(%s); if (!e) return null;"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()" % json.dumps(selector))
        if box is None:
            raise DriverError("no element matches " + selector)
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            event = {"type": kind, "x": box[0], "y": box[1]}
            if kind != "mouseMoved":
                event.update(button="left", clickCount=1)
            self.call("Input.dispatchMouseEvent", event)

    def screenshot(self, path):
        """A PNG of the whole page at the emulated width."""
        size = self.call("Page.getLayoutMetrics")["cssContentSize"]
        shot = self.call("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
        with open(path, "wb") as file:
            file.write(base64.b64decode(shot["data"]))
        return os.path.getsize(path)

    def close(self):
        try:
            self.session = None
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        for descriptor in (self.to_chromium, self.from_chromium):
            try:
                os.close(descriptor)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


def run(browser, step):
    """Runs one step and returns its value."""
    op = step["op"]
    if op == "viewport":
        browser.call("Emulation.setDeviceMetricsOverride", {
            "width": step["width"], "height": step["height"], "deviceScaleFactor": 1,
            "mobile": step.get("mobile", False)})
        return None
    if op == "navigate":
        return navigating(browser, lambda: browser.call("Page.navigate", {"url": step["url"]}))
    if op == "navigates":
        return navigating(browser, lambda: run(browser, step["then"]))
    if op == "press":
        browser.key(step["key"])
        return None
    if op == "type":
        for character in step["text"]:
            browser.key(None, text=character)
        return None
    if op == "insert":
        browser.call("Input.insertText", {"text": step["text"]})
        return None
    if op == "click":
        browser.click(step["selector"])
        return None
    if op == "eval":
        return browser.evaluate(step["expression"])
    if op == "wait":
        browser.wait(step["expression"], step["expression"])
        return None
    if op == "screenshot":
        return browser.screenshot(step["path"])
    raise DriverError("unknown step " + op)


def navigating(browser, action):
    """Runs `action`, which loads a new document, and waits until that document has loaded:
    a mark set on the old document's window is gone and the new one is complete."""
    try:
        browser.evaluate("window.__rulecheckOld = true")
    except DriverError:
        pass
    action()
    browser.wait(
        "window.__rulecheckOld === undefined && document.readyState === 'complete'", "the next page to load")
    return browser.evaluate("location.href")


def main():
    chromium, plan_file = sys.argv[1], sys.argv[2]
    with open(plan_file) as file:
        steps = json.load(file)
    values = {}
    browser = None

    def stop(signum, frame):
        raise DriverError("stopped by signal %d" % signum)

    signal.signal(signal.SIGTERM, stop)
    try:
        browser = Browser(chromium)
        for index, step in enumerate(steps):
            try:
                value = run(browser, step)
            except DriverError as error:
                raise DriverError("step %d (%s): %s" % (index + 1, step["op"], error))
            if "name" in step:
                values[step["name"]] = value
    except Exception as error:  # reported to the test, which fails with it
        print(json.dumps({"error": str(error), "values": values}))
        return 1
    finally:
        if browser is not None:
            browser.close()
    print(json.dumps({"values": values}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
