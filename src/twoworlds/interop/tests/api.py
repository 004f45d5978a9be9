"""Small helpers for calling the API in tests."""

import json


def page(client, path="/api/services", **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/json"
    return response.json()


def names(body):
    return sorted(item["name"] for item in body["contents"])


def ndjson(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return [json.loads(line) for line in content.decode().splitlines() if line.strip()]
