"""Errors from the API as RFC 9457 problem details (`application/problem+json`).

Every problem has `type` (a URL under /api/problems/ that explains it), `title`, `status`, `detail` and
`instance`; a problem about query parameters also has `errors`: one entry per parameter, each with
`parameter` and `detail`."""

import json

from django.http import HttpResponse
from django.urls import reverse

PROBLEM_CONTENT_TYPE = "application/problem+json"

# slug: (status, title, what it means)
PROBLEM_TYPES = {
    "invalid-parameters": (
        400,
        "Invalid parameters",
        "One or more query parameters are not valid. `errors` lists each parameter with what is wrong.",
    ),
    "not-found": (404, "Not found", "There is nothing at this address, or no record with this id."),
    "method-not-allowed": (
        405,
        "Method not allowed",
        "This API is read-only: use GET (or HEAD). The Allow header lists the methods accepted.",
    ),
    "server-error": (500, "Server error", "Something went wrong on our side. Please try again later."),
}


class ApiProblem(Exception):
    """Raised inside an API view; turned into a problem+json response by the view decorator."""

    def __init__(self, slug, detail="", *, errors=None, headers=None):
        super().__init__(detail or slug)
        self.slug = slug
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}


class InvalidParameters(ApiProblem):
    """400 for bad query parameters: {parameter name: message}."""

    def __init__(self, errors, detail=""):
        listed = [{"parameter": name, "detail": str(message)} for name, message in errors.items()]
        names = ", ".join(errors)
        super().__init__(
            "invalid-parameters",
            detail or f"Check the value of: {names}.",
            errors=listed,
        )


def type_uri(request, slug):
    return request.build_absolute_uri(reverse("interop:problem_type", args=[slug]))


def problem_response(request, slug, detail="", *, errors=None, headers=None):
    status, title, _meaning = PROBLEM_TYPES[slug]
    body = {
        "type": type_uri(request, slug),
        "title": title,
        "status": status,
        "detail": detail or title,
        "instance": request.get_full_path(),
    }
    if errors:
        body["errors"] = errors
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=PROBLEM_CONTENT_TYPE
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def from_exception(request, problem):
    return problem_response(
        request, problem.slug, problem.detail, errors=problem.errors, headers=problem.headers
    )
