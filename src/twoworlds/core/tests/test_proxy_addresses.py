from django.test import RequestFactory

from twoworlds.core.ratelimit import forwarded_client_ip


def test_the_address_our_proxy_saw_is_used_not_one_the_client_made_up():
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9", REMOTE_ADDR="10.0.0.1")
    assert forwarded_client_ip(request) == "203.0.113.9"


def test_without_the_header_the_direct_address_is_used():
    assert forwarded_client_ip(RequestFactory().get("/", REMOTE_ADDR="10.0.0.1")) == "10.0.0.1"
