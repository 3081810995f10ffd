"""A headless Chromium for the tests, driven over the DevTools protocol (CDP) on a websocket:
it loads a page, answers questions about the rendered DOM and takes screenshots."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import requests
import websocket

from tests.localwiki import REPO, install_refused

SCRIPT = REPO / "scripts" / "browser"
# Headless, as root in CI, and nothing that talks to anything but the page's own servers.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--window-size=1200,900",
)
START_TIMEOUT = 30.0


def browser_unavailable_reason() -> str | None:
    """Why no Chromium can be had here (None when it can); CI must always have one."""
    command = [sys.executable, str(SCRIPT), "install"]
    return install_refused(subprocess.run(command, capture_output=True, text=True), "browser")


def executable() -> str:
    """The Chromium that scripts/browser found or installed."""
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "path"], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


class Browser:
    """One headless Chromium with one tab, its profile and log in folder."""

    def __init__(self, folder: Path) -> None:
        profile = folder / "profile"
        profile.mkdir(parents=True)
        # Its caches and crash reports too stay in the test's folder, not the user's home.
        env = dict(os.environ, HOME=str(folder), XDG_CONFIG_HOME=str(folder / "config"))
        env["XDG_CACHE_HOME"] = str(folder / "cache")
        with (folder / "chromium.log").open("wb") as log:
            self.process = subprocess.Popen(
                [executable(), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                stdin=subprocess.PIPE,
                stdout=log,
                stderr=log,
                env=env,
            )
        port = self._port(profile / "DevToolsActivePort")
        tabs = requests.get(f"http://127.0.0.1:{port}/json/list", timeout=10).json()
        page = next(tab for tab in tabs if tab["type"] == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        self.call("Page.enable")

    def _port(self, announced: Path) -> int:
        """The DevTools port Chromium writes into its profile once it listens."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("chromium exited at once; see chromium.log")
            lines = announced.read_text().splitlines() if announced.exists() else []
            if len(lines) == 2:
                return int(lines[0])
            time.sleep(0.05)
        raise RuntimeError(f"chromium did not listen in {START_TIMEOUT:.0f} s")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """One CDP command; the events that arrive meanwhile are kept."""
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))
            self.events.append(message)

    def wait_for(self, event: str) -> None:
        """Block until the page sends event (kept or still to come)."""
        while not any(message.get("method") == event for message in self.events):
            self.events.append(json.loads(self.socket.recv()))

    def open(self, path: Path) -> None:
        """Load a local file and wait until it and its stylesheets have loaded."""
        self.events.clear()
        self.call("Page.navigate", url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path) -> Path:
        """Save a PNG of the whole page to path."""
        shot = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def close(self) -> None:
        """End this browser (only the process this object started), letting it clean up."""
        # Asked to close, it removes its temporary folders; terminated, it leaves them in /tmp.
        self.socket.send(json.dumps({"id": 0, "method": "Browser.close"}))
        self.socket.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
