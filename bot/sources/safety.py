"""Which URLs may be fetched: public http(s) addresses only, so a draft cannot probe a network."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit


class Refused(Exception):
    """A URL that must not be fetched; the message says why."""


def resolve(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """Every address ``host`` resolves to (socket.gaierror when it resolves to none)."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = []
    for *_, sockaddr in found:
        address = ipaddress.ip_address(str(sockaddr[0]).partition("%")[0])  # drop an IPv6 zone
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
        addresses.append(address)
    return addresses


def check_url(url: str, *, allow_private: bool) -> None:
    """Raise Refused unless ``url`` is http(s), carries no credentials and points to the internet.

    A host that does not resolve raises socket.gaierror: that is a dead link, not a refusal.
    """
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise Refused(f"not a valid URL ({error})") from None
    if parts.scheme not in ("http", "https"):
        raise Refused(f"only http and https URLs are fetched, not {parts.scheme or 'this'}:")
    if parts.username is not None or parts.password is not None:
        raise Refused("the URL carries a user name or password; it is not fetched")
    if not parts.hostname:
        raise Refused("the URL has no host")
    if allow_private:
        return
    for address in resolve(parts.hostname, port):
        # is_global is false for loopback, private, link-local (cloud metadata at
        # 169.254.169.254), shared (100.64/10), multicast, reserved and unspecified addresses.
        if not address.is_global:
            raise Refused(
                f"{parts.hostname} is a private or local address ({address}); "
                "set [sources] allow_private = true to check it"
            )
