"""Who a run of wrong passwords locks out of the admin, and from where (django-axes).

Two limits, both counted over the last ``AXES_COOLOFF_TIME`` hours:

* ``AXES_FAILURE_LIMIT`` (10) wrong passwords for one account *from one client
  address* lock that pair (``AXES_LOCKOUT_PARAMETERS = [["username",
  "ip_address"]]``). A stranger guessing the admin's password locks only
  himself: the admin still logs in from anywhere else. Locking the account by
  its name alone would let anyone lock staff out at will.
* ``LOGIN_FAILURE_LIMIT_PER_ADDRESS`` (100) wrong passwords from one address,
  whatever the accounts, lock that address for every account: a client
  walking through many usernames is stopped too. Axes 8 compares every
  parameter set with the same limit, so this second, higher limit is added
  here, in the handler axes asks ``get_failures`` of (``AXES_HANDLER``).

The client address is the rate limiter's (``archive.ratelimit.client_ip``:
``REMOTE_ADDR``, or behind ``TRUSTED_PROXY_COUNT`` proxies the address the
outermost one saw), so behind nginx the proxy's own address is never the one
counted, and a client cannot pick its address with a forged X-Forwarded-For.
An IPv6 client counts as its /64, as in the rate limiter: a household or a
server has a whole block to walk through.
"""
import ipaddress

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum

from archive.ratelimit import client_ip


def login_client_ip(request):
    """The address axes records for a login attempt (``AXES_CLIENT_IP_CALLABLE``)."""
    ip = client_ip(request)
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip or None
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        # The /64's first address: still an address, so axes' GenericIPAddressField takes it.
        return str(ipaddress.IPv6Network(f"{address}/64", strict=False).network_address)
    return str(address)


class AccountAndAddressHandler(AxesDatabaseHandler):
    """Axes' database handler plus the per-address limit (see the module docstring)."""

    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        limit = getattr(settings, "LOGIN_FAILURE_LIMIT_PER_ADDRESS", 0)
        address = getattr(request, "axes_ip_address", None)
        if not limit or not address:
            return failures
        attempts = AccessAttempt.objects.filter(ip_address=address)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        from_address = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
        if from_address >= limit:
            # Axes locks when failures reach its one limit: report at least that.
            return max(failures, get_failure_limit(request, credentials))
        return failures
