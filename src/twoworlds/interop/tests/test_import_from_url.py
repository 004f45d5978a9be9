"""A web address is fetched (with a timeout) and read like a file; a paged /services API is followed page
by page. A local HTTP server stands in for the publisher."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from twoworlds.interop.importer import ImportFailed
from twoworlds.interop.readers import open_input

from .import_support import service

PAGES = {
    "1": {
        "total_items": 3,
        "total_pages": 2,
        "page_number": 1,
        "contents": [service(sid="a"), service(sid="b")],
    },
    "2": {"total_items": 3, "total_pages": 2, "page_number": 2, "contents": [service(sid="c")]},
}


class Publisher(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the name http.server calls
        parts = urlsplit(self.path)
        if parts.path == "/services":
            body = json.dumps(PAGES[parse_qs(parts.query).get("page", ["1"])[0]]).encode()
        elif parts.path == "/services.json":
            body = json.dumps([service(sid="x")]).encode()
        else:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def publisher():
    server = HTTPServer(("127.0.0.1", 0), Publisher)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_a_paged_api_is_read_page_by_page(publisher):
    found = open_input(f"{publisher}/services")
    assert "page by page" in found.description
    items = list(found.services)
    assert [item["id"] for _position, item in items] == ["a", "b", "c"]
    assert items[2][0] == f"page 2 item 1 of {publisher}/services"


def test_a_file_at_a_web_address(publisher):
    found = open_input(f"{publisher}/services.json")
    assert found.description.startswith(f"{publisher}/services.json")
    assert [item["id"] for _position, item in found.services] == ["x"]


def test_an_address_that_fails_says_so(publisher):
    with pytest.raises(ImportFailed, match="could not fetch"):
        open_input(f"{publisher}/missing")
