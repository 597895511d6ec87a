"""A per-address rate limit on the search-heavy endpoints, so one client cannot starve the rest.

``@search_rate_limited`` wraps the views that run a search (the search page,
``/api/articles/``, the CSV export and the Atom feed; ``archive/urls.py``).
Article pages, entity pages, static files and the admin are never limited.

The limit is ``settings.SEARCH_RATE_LIMIT``, ``"requests/seconds"`` (env
``SEARCH_RATE_LIMIT``, default ``"120/60"``) or ``"0"`` for none, applied as a
*token bucket* per client address: a client may send ``requests`` searches in
a burst, and then one every ``seconds / requests`` seconds (two a second by
default). A researcher clicking facets never meets it; a script looping over
the API is slowed to that pace instead of taking every worker.

Over the limit the answer is 429 with ``Retry-After`` (whole seconds until the
next search is allowed) and a message in the reader's language: JSON
``{"error": ..., "code": "rate_limited", "retry_after": ...}`` for the API, the ``429.html`` page for
the others.

The buckets live in the ``settings.SEARCH_RATE_LIMIT_CACHE`` cache
(``"ratelimit"``: a FileBasedCache in ``DATA_DIR/cache/ratelimit``), so every
gunicorn worker of one machine shares them. Its read-then-write is not atomic:
two workers answering the same client in the same fraction of a millisecond
may count one search instead of two. The limit is a guard against floods, not
an exact quota. Several web machines each keep their own buckets unless the
cache is pointed at a shared one (Redis or Memcached).

The client address is ``REMOTE_ADDR``, or, when ``settings.TRUSTED_PROXY_COUNT``
(env ``TRUSTED_PROXY_COUNT``) says that many reverse proxies stand in front of
gunicorn, the address the outermost trusted proxy saw: that many entries from
the right of ``X-Forwarded-For`` (entries further left are the client's own
claims and are ignored). IPv6 clients are counted per /64, the block one
household or server usually has.
"""
from functools import lru_cache, wraps
import ipaddress
import logging
import math
import re
import time

from django.conf import settings
from django.core.cache import caches
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)

DEFAULT_CACHE = "ratelimit"
KEY_PREFIX = "search-rate:"
_SPEC = re.compile(r"\s*(\d+)\s*/\s*(\d+(?:\.\d+)?)\s*")

# The clock, replaceable in tests. Wall-clock time: the buckets are shared by
# processes (and survive a restart), so a per-process monotonic clock won't do.
clock = time.time


class RateLimitSpec:
    __slots__ = ("requests", "seconds")

    def __init__(self, requests, seconds):
        self.requests, self.seconds = requests, seconds

    @property
    def rate(self):
        """Tokens regained per second."""
        return self.requests / self.seconds

    def __repr__(self):
        return f"RateLimitSpec({self.requests}/{self.seconds:g})"


@lru_cache(maxsize=16)
def parse_limit(value):
    """``"120/60"`` → RateLimitSpec(120, 60); ``"0"``, ``""`` or ``None`` → None (no limit).

    Anything else raises ValueError: a typo must not silently switch the limit off.
    """
    if value is None:
        return None
    text = str(value).strip()
    if text in ("", "0", "0/0"):
        return None
    match = _SPEC.fullmatch(text)
    if not match:
        raise ValueError(f"SEARCH_RATE_LIMIT={value!r}: use requests/seconds, e.g. 120/60, or 0 for no limit.")
    requests, seconds = int(match.group(1)), float(match.group(2))
    if requests == 0:
        return None
    if seconds <= 0:
        raise ValueError(f"SEARCH_RATE_LIMIT={value!r}: the seconds must be more than 0.")
    return RateLimitSpec(requests, seconds)


def _valid_ip(text):
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def client_ip(request):
    """The client's address as a string (see the module docstring for the proxy rule).

    The login lockout counts by the same address (``archive/login_lockout.py``).
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
                     if part.strip()]
        if len(forwarded) >= proxies:
            chosen = _valid_ip(forwarded[-proxies])
            if chosen is not None:
                return str(chosen)
    address = _valid_ip(remote)
    return str(address) if address is not None else remote


def bucket_key(ip):
    """The cache key of an address: IPv4 as is, IPv6 by its /64."""
    address = _valid_ip(ip) if ip else None
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            ip = str(address.ipv4_mapped)
        else:
            ip = str(ipaddress.IPv6Network(f"{address}/64", strict=False))
    return KEY_PREFIX + (ip or "unknown")


def take(key, spec, cache=None, now=None):
    """Take one token from ``key``'s bucket: (allowed, seconds until the next token)."""
    if cache is None:
        cache = caches[getattr(settings, "SEARCH_RATE_LIMIT_CACHE", DEFAULT_CACHE)]
    now = clock() if now is None else now
    state = cache.get(key)
    if state is None:
        tokens = float(spec.requests)
    else:
        tokens, last = state
        # A clock that stepped back gives nothing back; a full bucket holds no more.
        tokens = min(float(spec.requests), tokens + max(0.0, now - last) * spec.rate)
    if tokens < 1.0 - 1e-9:
        # Refused: nothing written, so a flood of refused requests costs one
        # read each and does not push the next allowed one further away.
        return False, (1.0 - tokens) / spec.rate
    tokens = max(0.0, tokens - 1.0)
    # Kept until the bucket would be full again: an idle address leaves nothing behind.
    timeout = math.ceil((spec.requests - tokens) / spec.rate) + 1
    cache.set(key, (tokens, now), timeout=timeout)
    return True, 0.0


def too_many(request, retry_after, api=False):
    message = _("أرسلتَ طلبات بحث كثيرة في وقت قصير. انتظر %(seconds)s ث ثم أعد المحاولة.") % {
        "seconds": retry_after}
    if api:
        response = JsonResponse({"error": message, "code": "rate_limited", "retry_after": retry_after}, status=429,
                                json_dumps_params={"ensure_ascii": False})
    else:
        response = render(request, "429.html", {"message": message, "retry_after": retry_after}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def search_rate_limited(view=None, *, api=False):
    """Limit a view with ``settings.SEARCH_RATE_LIMIT`` per client address.

    ``api=True`` answers the over-limit request as JSON. The setting is read on
    every request, so ``override_settings`` (and the tests) can change it.
    """
    def decorate(func):
        @wraps(func)
        def wrapper(request, *args, **kwargs):
            spec = parse_limit(getattr(settings, "SEARCH_RATE_LIMIT", None))
            if spec is not None:
                try:
                    allowed, wait = take(bucket_key(client_ip(request)), spec)
                except Exception:  # noqa: BLE001 - a broken cache must not take search down
                    log.exception("Search rate limit not applied: its cache failed")
                    allowed, wait = True, 0.0
                if not allowed:
                    return too_many(request, max(1, math.ceil(wait)), api=api)
            return func(request, *args, **kwargs)
        return wrapper

    return decorate(view) if view is not None else decorate
