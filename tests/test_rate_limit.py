"""The search rate limit (archive/ratelimit.py): 429 past the limit, per address, refilled with time.

The suite runs with SEARCH_RATE_LIMIT=0 (tests/settings.py); these tests turn it
on with the settings fixture (override_settings) and a clock of their own.
"""
from django.core.cache.backends.filebased import FileBasedCache
import pytest

from archive import ratelimit
from tests.conftest import seed

API = "/api/articles/?q=داعش"
SEARCH = "/search/?q=داعش"
ARABIC_MESSAGE = "أرسلتَ طلبات بحث كثيرة في وقت قصير"
ENGLISH_MESSAGE = "You have sent too many searches in a short time"


class Clock:
    def __init__(self):
        self.now = 1_700_000_000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(ratelimit, "clock", clock)
    return clock


@pytest.fixture
def limited(settings, tmp_path, clock, seeded):
    """Three searches a minute, buckets in a file cache of this test's own."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "ratelimit": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                      "LOCATION": str(tmp_path / "ratelimit")},
    }
    settings.SEARCH_RATE_LIMIT = "3/60"
    settings.TRUSTED_PROXY_COUNT = 0
    return settings


def statuses(client, url, n, **extra):
    return [client.get(url, **extra).status_code for _ in range(n)]


def test_api_fourth_search_in_the_window_gets_429_with_retry_after_and_json_message(client, limited):
    assert statuses(client, API, 3) == [200, 200, 200]
    response = client.get(API)
    assert response.status_code == 429
    assert response["Retry-After"] == "20"  # one search per 60/3 seconds
    data = response.json()
    assert ARABIC_MESSAGE in data["error"] and "20" in data["error"]
    assert data["retry_after"] == 20
    assert response["Content-Type"].startswith("application/json")


def test_search_page_over_the_limit_is_an_arabic_page(client, limited):
    assert statuses(client, SEARCH, 3) == [200, 200, 200]
    response = client.get(SEARCH)
    assert response.status_code == 429
    assert response["Retry-After"] == "20"
    assert "429.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert 'lang="ar"' in html and ARABIC_MESSAGE in html
    assert "Content-Security-Policy" in response  # still goes through every middleware


def test_the_message_is_english_in_the_english_interface(client, limited):
    client.cookies["django_language"] = "en"
    statuses(client, API, 3)
    assert ENGLISH_MESSAGE in client.get(API).json()["error"]
    assert ENGLISH_MESSAGE in client.get(SEARCH).content.decode()


def test_search_page_api_and_exports_share_one_budget(client, limited):
    assert client.get(SEARCH).status_code == 200
    assert client.get("/search/export.csv?q=داعش").status_code == 200
    assert client.get("/search/feed.atom?q=داعش").status_code == 200
    for url in (API, SEARCH, "/search/export.csv?q=داعش", "/search/feed.atom?q=داعش"):
        assert client.get(url).status_code == 429, url


def test_another_address_is_not_affected(client, limited):
    statuses(client, API, 4)
    assert client.get(API).status_code == 429
    assert statuses(client, API, 3, REMOTE_ADDR="10.1.2.3") == [200, 200, 200]
    assert client.get(API, REMOTE_ADDR="10.1.2.3").status_code == 429


def test_allowed_again_as_time_passes(client, limited, clock):
    statuses(client, API, 3)
    assert client.get(API).status_code == 429
    clock.now += 19
    assert client.get(API).status_code == 429
    clock.now += 1.5  # 20 s after the bucket ran dry: one search regained
    assert client.get(API).status_code == 200
    assert client.get(API).status_code == 429
    clock.now += 60  # a whole window: the full burst again
    assert statuses(client, API, 4) == [200, 200, 200, 429]


def test_refused_requests_do_not_push_the_wait_back(client, limited, clock):
    statuses(client, API, 3)
    for _ in range(10):
        assert client.get(API).status_code == 429
        clock.now += 2
    assert client.get(API).status_code == 200  # 20 s after running dry, however many were refused


def test_zero_turns_the_limit_off(client, limited):
    limited.SEARCH_RATE_LIMIT = "0"
    assert set(statuses(client, API, 10)) == {200}
    assert set(statuses(client, SEARCH, 5)) == {200}


def test_article_pages_and_the_rest_are_never_limited(client, limited):
    statuses(client, API, 4)
    assert client.get(API).status_code == 429
    article = seed("004")
    place = article.places.first()
    for url in (f"/articles/{article.pk}/", f"/articles/{article.pk}/?q=داعش", f"/api/articles/{article.pk}/",
                "/", "/opensearch.xml", f"/places/{place.slug}/"):
        assert set(statuses(client, url, 5)) == {200}, url
    assert client.get("/admin/login/").status_code == 200


def test_forwarded_for_is_ignored_unless_behind_a_trusted_proxy(client, limited):
    # Not behind a proxy: a client cannot escape its bucket by inventing X-Forwarded-For.
    for i in range(3):
        assert client.get(API, HTTP_X_FORWARDED_FOR=f"10.9.9.{i}").status_code == 200
    assert client.get(API, HTTP_X_FORWARDED_FOR="10.9.9.99").status_code == 429

    # Behind one proxy (REMOTE_ADDR is the proxy): the address the proxy appended counts,
    # whatever the client put before it.
    limited.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "127.0.0.2"}
    for i in range(3):
        assert client.get(API, HTTP_X_FORWARDED_FOR=f"6.6.6.{i}, 203.0.113.7", **proxy).status_code == 200
    assert client.get(API, HTTP_X_FORWARDED_FOR="6.6.6.99, 203.0.113.7", **proxy).status_code == 429
    assert client.get(API, HTTP_X_FORWARDED_FOR="203.0.113.8", **proxy).status_code == 200


def test_client_ip_rules(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = rf.get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert ratelimit.client_ip(request) == "192.0.2.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert ratelimit.client_ip(request) == "198.51.100.1"
    settings.TRUSTED_PROXY_COUNT = 2  # fewer entries than proxies: the header is not trusted
    assert ratelimit.client_ip(request) == "192.0.2.1"
    request = rf.get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="garbage, 198.51.100.1, 10.0.0.1")
    assert ratelimit.client_ip(request) == "198.51.100.1"
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="not-an-ip")
    assert ratelimit.client_ip(request) == "192.0.2.1"


def test_ipv6_is_counted_per_64_and_mapped_ipv4_as_ipv4():
    a = ratelimit.bucket_key("2001:db8:1:2:aaaa::1")
    b = ratelimit.bucket_key("2001:db8:1:2:bbbb::2")
    c = ratelimit.bucket_key("2001:db8:1:3::1")
    assert a == b != c
    assert ratelimit.bucket_key("::ffff:192.0.2.5") == ratelimit.bucket_key("192.0.2.5")


def test_parse_limit():
    assert ratelimit.parse_limit("0") is None
    assert ratelimit.parse_limit("") is None
    assert ratelimit.parse_limit("0/60") is None
    spec = ratelimit.parse_limit("120/60")
    assert (spec.requests, spec.seconds, spec.rate) == (120, 60.0, 2.0)
    assert ratelimit.parse_limit(" 10 / 1.5 ").seconds == 1.5
    for bad in ("120", "120/", "/60", "abc", "10/0", "-1/60", "10/60/2"):
        with pytest.raises(ValueError):
            ratelimit.parse_limit(bad)


def test_workers_share_the_buckets(tmp_path, clock):
    """Two cache objects on one directory, as two gunicorn workers have them."""
    worker_1 = FileBasedCache(str(tmp_path / "rl"), {})
    worker_2 = FileBasedCache(str(tmp_path / "rl"), {})
    spec = ratelimit.parse_limit("4/60")
    outcomes = [ratelimit.take("k", spec, cache=(worker_1, worker_2)[i % 2])[0] for i in range(5)]
    assert outcomes == [True, True, True, True, False]


def test_a_broken_cache_lets_searches_through(client, limited, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("read-only file system")

    monkeypatch.setattr(ratelimit, "take", broken)
    assert set(statuses(client, API, 5)) == {200}
