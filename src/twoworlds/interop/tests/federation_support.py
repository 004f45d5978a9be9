"""A local HSDS API for the federation tests: Python's http.server in a thread, serving pages of services
from a list the test changes between refreshes (no network)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest


class FakeDirectory:
    """What the fake server serves: `services` (HSDS service dicts), paged as the ORUK API pages them.
    `ignore_paging` serves every service on every page; `claim` overrides the page's `total_items`/`size`;
    `broken_page` answers that page with text that is not JSON; `status` answers every request with it."""

    def __init__(self):
        self.services = []
        self.ignore_paging = False
        self.claim = None
        self.broken_page = None
        self.status = 200
        self.requests = []
        self.meeting_guide = None  # a Meeting Guide feed served at /meetings.json

    def page(self, number, per_page):
        contents = (
            self.services if self.ignore_paging else self.services[(number - 1) * per_page :][:per_page]
        )
        total_pages = max(1, -(-len(self.services) // per_page))
        size = self.claim if self.claim is not None else len(contents)
        return {
            "total_items": self.claim if self.claim is not None else len(self.services),
            "total_pages": total_pages,
            "page_number": number,
            "size": size,
            "first_page": number == 1,
            "last_page": number == total_pages,
            "empty": not contents,
            "contents": contents,
        }


def _handler(directory):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            parts = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            directory.requests.append(self.path)
            if directory.status != 200:
                return self._send(directory.status, b'{"title": "unavailable"}')
            if parts.path == "/meetings.json" and directory.meeting_guide is not None:
                return self._send(200, json.dumps(directory.meeting_guide).encode())
            if parts.path != "/api/services":
                return self._send(404, b'{"title": "not found"}')
            number, per_page = int(query.get("page", 1)), int(query.get("per_page", 50))
            if number == directory.broken_page:
                return self._send(200, b"<html>Service unavailable</html>")
            return self._send(200, json.dumps(directory.page(number, per_page)).encode())

        def _send(self, status, body):
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):  # keep test output quiet
            pass

    return Handler


@pytest.fixture
def fake_api():
    """(directory, base address) of a running fake HSDS API; stopped after the test."""
    directory = FakeDirectory()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(directory))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield directory, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def service(sid, name, *, postcode="NG7 2UH", email="", url="", phone=""):
    """A small but complete HSDS 3.0 service: a self-help group meeting weekly at a venue."""
    record = {
        "id": sid,
        "name": name,
        "description": f"{name}: we meet to support each other.",
        "status": "active",
        "organization": {"id": f"org-{sid}", "name": f"{name} Trust"},
        "service_at_locations": [
            {
                "id": f"sal-{sid}",
                "location": {
                    "id": f"loc-{sid}",
                    "name": "Community Centre",
                    "location_type": "physical",
                    "addresses": [
                        {
                            "id": f"addr-{sid}",
                            "address_1": "1 High Street",
                            "city": "Nottingham",
                            "postal_code": postcode,
                            "country": "GB",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
    }
    if email:
        record["email"] = email
    if url:
        record["url"] = url
    if phone:
        record["phones"] = [{"id": f"ph-{sid}", "number": phone}]
    return record
