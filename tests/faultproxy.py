"""A real HTTP proxy on loopback that forwards to a local wiki and injects faults on demand.

A test starts one in front of the wiki, points the bot at ``proxy.api``, and arms faults::

    with FaultProxy(wiki.api) as proxy:
        proxy.inject(Fault("status", status=503, retry_after=1, times=2, action="edit"))
        ...  # run the bot against proxy.api
        assert proxy.count("edit", fault="status") == 2

Each fault hits at most ``times`` matching requests and expires ``within`` seconds after it was
armed, so a forgotten fault cannot hang a test; ``stop`` (or leaving the ``with``) ends it all.
"""

from __future__ import annotations

import http.client
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

# Kinds of fault, and what the proxy does to a request it hits:
KINDS = {
    "delay": "wait `seconds`, then forward (the wiki still does the work)",
    "reset": "drop the connection with a TCP reset, sending nothing",
    "lost_response": "forward (the wiki does the work), then reset instead of answering",
    "status": "answer `status` (500/502/503…) with `Retry-After`, not forwarding",
    "maxlag": "answer MediaWiki's maxlag error (HTTP 200, Retry-After, X-Database-Lag)",
    "drop_cookies": "forward without the Cookie header: the session looks expired",
    "bad_token": "forward with the CSRF token replaced by a wrong one",
    "hook": "call `hook` (a server-side change, say), then forward",
}
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "proxy-connection"}


@dataclass
class Fault:
    """One armed fault: what to do, to which API action, how many times, for how long."""

    kind: str
    times: int = 1
    action: str | None = None  # API action to hit ("edit", "query", …); None hits every request
    seconds: float = 1.0  # for "delay"; for "maxlag", the lag reported
    status: int = 503  # for "status"
    retry_after: int | None = 1  # for "status" and "maxlag"
    hook: Callable[[], object] | None = None  # for "hook"
    within: float = 60.0  # the fault expires this many seconds after it was armed
    armed_at: float = field(default_factory=time.monotonic)  # set again by inject

    def __post_init__(self) -> None:
        """Refuse faults the proxy does not know, so a typo cannot make a test pass vacuously."""
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault {self.kind!r}; known: {', '.join(KINDS)}")
        if self.times < 1:
            raise ValueError("times must be at least 1")

    def hits(self, action: str | None) -> bool:
        """Whether this fault applies to a request for action now."""
        if time.monotonic() - self.armed_at > self.within:
            return False
        return self.action is None or self.action == action


@dataclass(frozen=True)
class Seen:
    """One request that passed through the proxy, and the fault applied to it (if any)."""

    method: str
    action: str | None
    fault: str | None


class FaultProxy:
    """A threaded proxy from 127.0.0.1:<port> to the wiki whose api.php URL it was given."""

    def __init__(self, upstream_api: str) -> None:
        parts = urlsplit(upstream_api)
        if parts.hostname not in ("127.0.0.1", "localhost"):
            raise ValueError("the fault proxy only forwards to a wiki on loopback")
        self.upstream = (parts.hostname, parts.port or 80)
        self.path = parts.path
        self.seen: list[Seen] = []
        self._faults: list[Fault] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.proxy = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def api(self) -> str:
        """The api.php URL to give the bot instead of the wiki's own."""
        return f"http://127.0.0.1:{self._server.server_address[1]}{self.path}"

    def start(self) -> FaultProxy:
        """Start serving in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and forget all faults."""
        self.clear()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def inject(self, fault: Fault) -> None:
        """Arm a copy of fault, from now; faults are applied in the order they were armed."""
        with self._lock:
            self._faults.append(replace(fault, armed_at=time.monotonic()))

    def clear(self) -> None:
        """Disarm every fault."""
        with self._lock:
            self._faults.clear()

    def take(self, method: str, action: str | None) -> Fault | None:
        """The fault to apply to this request (using up one of its times), and log it."""
        with self._lock:
            fault = next((f for f in self._faults if f.hits(action)), None)
            if fault:
                fault.times -= 1
                if fault.times == 0:
                    self._faults.remove(fault)
            self.seen.append(Seen(method, action, fault.kind if fault else None))
        return fault

    def count(self, action: str | None = None, *, fault: str | None = None) -> int:
        """How many requests for action (any if None) passed, with that fault (any if None)."""
        return sum(
            1
            for seen in self.seen
            if (action is None or seen.action == action) and (fault is None or seen.fault == fault)
        )


class _Handler(BaseHTTPRequestHandler):
    """Reads one request, applies the fault it hits, and forwards it (or not)."""

    protocol_version = "HTTP/1.1"  # keep-alive, as pywikibot's requests session expects

    def do_GET(self) -> None:
        self._relay()

    def do_POST(self) -> None:
        self._relay()

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the test's output is the bot's, not the proxy's."""

    def _relay(self) -> None:
        proxy: FaultProxy = self.server.proxy  # type: ignore[attr-defined]
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        params = _params(self.path, body, self.headers.get("Content-Type", ""))
        fault = proxy.take(self.command, params.get("action"))
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        kind = fault.kind if fault else None
        if fault and kind == "reset":
            self._reset()
            return
        if fault and kind == "status":
            self._answer(fault.status, b"Server error injected by the test proxy\n", fault)
            return
        if fault and kind == "maxlag":
            lag = f"{fault.seconds:g}"
            self._answer(200, _maxlag_body(lag), fault, {"X-Database-Lag": lag})
            return
        if fault and kind == "delay":
            time.sleep(fault.seconds)
        if fault and fault.hook and kind == "hook":
            fault.hook()
        if kind == "drop_cookies":
            headers = {k: v for k, v in headers.items() if k.lower() != "cookie"}
        if kind == "bad_token" and "token" in params:
            body = _replace_token(body)
        self._forward(proxy, body, headers, answer=kind != "lost_response")

    def _reset(self) -> None:
        """Drop the connection: SO_LINGER 0 turns close() into a TCP RST."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _forward(
        self, proxy: FaultProxy, body: bytes, headers: dict[str, str], *, answer: bool = True
    ) -> None:
        """Send the request to the wiki and its answer back (unless answer is False)."""
        upstream = http.client.HTTPConnection(*proxy.upstream, timeout=120)
        try:
            upstream.request(self.command, self.path, body=body or None, headers=headers)
            response = upstream.getresponse()
            payload = response.read()
        except OSError:
            self._answer(502, b"Bad gateway: the wiki did not answer the test proxy\n", None)
            return
        finally:
            upstream.close()
        if not answer:
            self._reset()
            return
        try:
            self.send_response(response.status, response.reason)
            for name, value in response.getheaders():
                if name.lower() not in HOP_BY_HOP:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except OSError:
            self.close_connection = True  # the client gave up (its timeout was shorter)

    def _answer(
        self, status: int, payload: bytes, fault: Fault | None, extra: dict[str, str] | None = None
    ) -> None:
        """Answer the client directly, as a failing wiki or load balancer would."""
        self.send_response(status)
        content_type = "application/json" if payload.startswith(b"{") else "text/plain"
        self.send_header("Content-Type", content_type)
        if fault and fault.retry_after is not None:
            self.send_header("Retry-After", str(fault.retry_after))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def _params(path: str, body: bytes, content_type: str) -> dict[str, str]:
    """The API parameters of a request, from its query string and form-encoded body."""
    params = {k: v[0] for k, v in parse_qs(urlsplit(path).query).items()}
    if content_type.startswith("application/x-www-form-urlencoded"):
        text = body.decode("utf-8", "replace")
        params.update({k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()})
    return params


def _replace_token(body: bytes) -> bytes:
    """The form body with its CSRF token swapped for one the wiki will reject."""
    pairs = parse_qs(body.decode("utf-8"), keep_blank_values=True)
    pairs["token"] = ["0123456789abcdef0123456789abcdef+\\"]
    return urlencode(pairs, doseq=True).encode("utf-8")


def _maxlag_body(lag: str) -> bytes:
    """MediaWiki's maxlag error as api.php sends it."""
    return (
        f'{{"error":{{"code":"maxlag","info":"Waiting for 127.0.0.1: {lag} seconds lagged.",'
        f'"host":"127.0.0.1","lag":{lag},"type":"db"}},"servedby":"faultproxy"}}'
    ).encode()
