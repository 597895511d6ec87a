"""The admin login: staff only, and ten wrong passwords in a row lock the account."""
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
