"""The admin login: staff only; ten wrong passwords lock the account from that address, not everywhere."""
import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def archivist(db):
    return get_user_model().objects.create_user("amal", password="a-strong-passphrase-1", is_staff=True)


def login(client, password):
    return client.post("/admin/login/?next=/admin/", {"username": "amal", "password": password})


def test_the_tenth_wrong_password_locks_the_account(client, archivist):
    for attempt in range(9):
        response = login(client, f"wrong-{attempt}")
        assert response.status_code == 200  # the login form again, with its error
    locked = login(client, "wrong-9")
    assert locked.status_code == 429
    assert "مقفل" in locked.content.decode()
    # Locked means locked: even the right password is refused for a while.
    assert login(client, "a-strong-passphrase-1").status_code == 429


def test_a_right_password_before_the_limit_resets_the_count(client, archivist):
    for attempt in range(8):
        login(client, f"wrong-{attempt}")
    assert login(client, "a-strong-passphrase-1").status_code == 302
    client.logout()
    for attempt in range(8):
        assert login(client, f"again-{attempt}").status_code == 200


def test_only_staff_reach_the_admin(client, db):
    get_user_model().objects.create_user("reader", password="a-strong-passphrase-2", is_staff=False)
    assert client.get("/admin/").status_code == 302
    client.post("/admin/login/?next=/admin/", {"username": "reader", "password": "a-strong-passphrase-2"})
    assert client.get("/admin/").status_code == 302  # back to the login page


# Who a run of wrong passwords locks out (issue 14, point 2): the pair of
# account and client address, never the account alone, so a stranger cannot
# lock the real admin out; and the client address is the one the rate limiter
# uses, so behind a reverse proxy the proxy's own address is never the one locked.
ATTACKER, ADMIN_HOME, COLLEAGUE = "203.0.113.9", "198.51.100.7", "192.0.2.44"
PROXY = "127.0.0.1"


@pytest.fixture
def admin(db):
    return get_user_model().objects.create_superuser("admin", password="the-real-admin-passphrase-7")


def login_as(client, username, password, address, proxy=False):
    """A login POST from ``address``: directly, or through a proxy that appends it to X-Forwarded-For."""
    if proxy:
        # What nginx sends: the address it saw, appended to whatever the client claimed.
        meta = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"10.9.9.9, {address}"}
    else:
        meta = {"REMOTE_ADDR": address}
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password}, **meta)


@pytest.fixture(params=[False, True], ids=["direct", "behind-proxy"])
def proxy(request, settings):
    settings.TRUSTED_PROXY_COUNT = 1 if request.param else 0
    return request.param


def test_ten_wrong_passwords_from_a_stranger_do_not_lock_the_admin_out(client, admin, proxy):
    for attempt in range(10):
        login_as(client, "admin", f"guess-{attempt}", ATTACKER, proxy)
    assert login_as(client, "admin", "guess-10", ATTACKER, proxy).status_code == 429
    # The real admin, from home, is not locked out by the stranger.
    assert login_as(client, "admin", "the-real-admin-passphrase-7", ADMIN_HOME, proxy).status_code == 302


def test_the_attackers_account_and_address_pair_stays_locked(client, admin, proxy):
    for attempt in range(10):
        login_as(client, "admin", f"guess-{attempt}", ATTACKER, proxy)
    # Even the right password is refused from the attacker's address for the cool-off.
    locked = login_as(client, "admin", "the-real-admin-passphrase-7", ATTACKER, proxy)
    assert locked.status_code == 429
    assert "مقفل" in locked.content.decode()


def test_failures_from_one_client_behind_the_proxy_do_not_lock_other_staff(client, admin, archivist, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for username in ("admin", "amal"):
        for attempt in range(10):
            login_as(client, username, f"guess-{attempt}", ATTACKER, proxy=True)
    # Every request came from the proxy's address, yet only the attacker's pairs are locked.
    assert login_as(client, "amal", "a-strong-passphrase-1", COLLEAGUE, proxy=True).status_code == 302
    client.logout()
    assert login_as(client, "admin", "the-real-admin-passphrase-7", ADMIN_HOME, proxy=True).status_code == 302


def test_without_a_trusted_proxy_a_forged_forwarded_for_header_changes_nothing(client, admin, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for attempt in range(10):
        client.post("/admin/login/", {"username": "admin", "password": f"guess-{attempt}"},
                    REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"10.0.0.{attempt}")
    # Ten failures, ten different claimed addresses: still one client, and it is locked.
    assert login_as(client, "admin", "the-real-admin-passphrase-7", ATTACKER).status_code == 429


def test_a_much_higher_limit_locks_an_address_that_tries_many_accounts(client, admin, settings):
    assert settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS == 100
    settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS = 30  # the rule at a third of the size, for speed
    for n in range(29):
        # Three wrong passwords per guessed name: no account+address pair comes near ten.
        response = login_as(client, f"user{n // 3}", "guess", ATTACKER)
        assert response.status_code == 200
    assert login_as(client, "user99", "guess", ATTACKER).status_code == 429
    # That address is now locked for every account, the right password included ...
    assert login_as(client, "admin", "the-real-admin-passphrase-7", ATTACKER).status_code == 429
    # ... and no other address is.
    assert login_as(client, "admin", "the-real-admin-passphrase-7", ADMIN_HOME).status_code == 302


def test_an_ipv6_client_is_one_client_across_its_64_block(client, admin):
    for attempt in range(10):
        login_as(client, "admin", f"guess-{attempt}", f"2001:db8:1:2::{attempt + 1:x}")
    # A household or server has a /64: walking through it does not reset the count.
    assert login_as(client, "admin", "the-real-admin-passphrase-7", "2001:db8:1:2::ffff").status_code == 429
    assert login_as(client, "admin", "the-real-admin-passphrase-7", "2001:db8:1:3::1").status_code == 302
