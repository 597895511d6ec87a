"""What ``make test-deploy`` checks through nginx, one function a point.

Each check gets the test's ports and its clients (one a loopback address, see
:class:`Client`), returns a line saying what it saw, and raises
:class:`CheckFailed` saying what it did not. ``check_deploy.py`` sets up the
deployment around them and runs them in the order of :data:`CHECKS` (the login
lockout logs the admin in; the upload check uses that session).
"""
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
import http.client
import json
import re
import secrets
import ssl
from urllib.parse import urlencode, urlsplit

UPLOAD_LIMIT = 20 * 1024 * 1024  # settings.UPLOAD_MAX_FILE_BYTES
ADMIN_PASSWORD = "deploy-check-admin-" + secrets.token_urlsafe(12)
STAFF_PASSWORD = "deploy-check-staff-" + secrets.token_urlsafe(12)
ATTACKER, ADMIN_HOME, COLLEAGUE, READER, FLOOD = "127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6"


class CheckFailed(Exception):
    pass


class Client:
    """One visitor: connects from its own loopback address, keeps its cookies."""

    def __init__(self, source, https_port, cafile):
        self.source, self.port = source, https_port
        self.context = ssl.create_default_context(cafile=str(cafile))
        self.cookies = {}
        self.set_cookies = {}  # the last answer's Set-Cookie headers, by cookie name

    def request(self, method, path, body=None, headers=None, timeout=60):
        conn = http.client.HTTPSConnection("127.0.0.1", self.port, timeout=timeout, context=self.context,
                                           source_address=(self.source, 0))
        all_headers = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            conn.request(method, path, body=body, headers=all_headers)
            response = conn.getresponse()
            data = response.read()
        finally:
            conn.close()
        self.set_cookies = {header.split("=", 1)[0]: header for header in response.msg.get_all("Set-Cookie") or []}
        for header in response.msg.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for key, morsel in cookie.items():
                self.cookies[key] = morsel.value
        return response, data

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def form_token(self, path):
        response, data = self.get(path)
        if response.status != 200:
            raise CheckFailed(f"GET {path} from {self.source}: {response.status}")
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', data)
        if not match:
            raise CheckFailed(f"GET {path}: no CSRF token in the form")
        return match.group(1).decode()

    def post_form(self, path, fields, token_from=None):
        token = self.form_token(token_from or path)
        body = urlencode({"csrfmiddlewaretoken": token, **fields})
        return self.request("POST", path, body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"https://127.0.0.1:{self.port}{token_from or path}",
        })

    def login(self, username, password):
        response, data = self.post_form("/admin/login/?next=/admin/", {"username": username, "password": password})
        return response.status, data


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


# ---------------------------------------------------------------- the checks

def check_https_redirect(ports, **_):
    conn = http.client.HTTPConnection("127.0.0.1", ports["http"], timeout=20, source_address=(READER, 0))
    conn.request("GET", "/search/?q=%D8%A7%D9%84%D9%85%D9%88%D8%B5%D9%84", headers={"Host": "127.0.0.1"})
    response = conn.getresponse()
    response.read()
    conn.close()
    expect(response.status == 301, f"plain HTTP answered {response.status}, not 301")
    location = response.getheader("Location")
    expect(location == f"https://127.0.0.1:{ports['https']}/search/?q=%D8%A7%D9%84%D9%85%D9%88%D8%B5%D9%84",
           f"plain HTTP redirected to {location!r}")
    return "http://… → 301 https://… (path and query kept)"


def check_hsts_and_static(client, **_):
    response, _data = client.get("/")
    expect(response.status == 200, f"GET / over HTTPS: {response.status} (a redirect loop means X-Forwarded-Proto is lost)")
    hsts = response.msg.get_all("Strict-Transport-Security") or []
    expect(len(hsts) == 1 and "max-age=31536000" in hsts[0], f"HSTS on a page: {hsts}")
    response, data = client.get("/static/css/archive.css")
    expect(response.status == 200 and len(data) > 100, f"static file: {response.status}")
    expect("max-age=604800" in (response.getheader("Cache-Control") or ""),
           f"static file not served by nginx (Cache-Control {response.getheader('Cache-Control')!r})")
    hsts = response.msg.get_all("Strict-Transport-Security") or []
    expect(len(hsts) == 1 and "max-age=31536000" in hsts[0], f"HSTS on a static file: {hsts}")
    return "HSTS once on pages and on static files; /static/ served by nginx"


def flags(set_cookie):
    return {part.strip().split("=")[0].lower(): part.strip().lower() for part in set_cookie.split(";")[1:]}


def check_secure_cookies(client, **_):
    client.get("/admin/login/")
    csrf = flags(client.set_cookies.get("csrftoken", ""))
    expect("secure" in csrf, f"CSRF cookie without Secure: {client.set_cookies.get('csrftoken')!r}")
    response, _data = client.post_form("/i18n/setlang/", {"language": "en", "next": "/"}, token_from="/admin/login/")
    expect(response.status == 302, f"choosing English: {response.status}")
    language = flags(client.set_cookies.get("django_language", ""))
    expect("secure" in language and language.get("samesite") == "samesite=lax" and "httponly" in language,
           f"language cookie: {client.set_cookies.get('django_language')!r}")
    return "CSRF cookie Secure; language cookie Secure, HttpOnly, SameSite=Lax"


def check_rate_limit(clients, **_):
    path = "/api/articles/?q=%D8%A7%D9%84%D9%85%D9%88%D8%B5%D9%84"
    reader = clients[READER]
    for n in range(5):
        response, _data = reader.get(path)
        expect(response.status == 200, f"search {n + 1} of 5 from {READER}: {response.status}")
    response, data = reader.get(path)
    expect(response.status == 429, f"the 6th search from {READER} within a minute: {response.status}, not 429")
    retry = response.getheader("Retry-After") or ""
    expect(retry.isdigit() and int(retry) >= 1, f"429 without a Retry-After in seconds: {retry!r}")
    expect("error" in json.loads(data), "the API's 429 has no error message")
    # A forged X-Forwarded-For stays to the left of the address nginx appends.
    response, _data = reader.get(path, headers={"X-Forwarded-For": "198.51.100.99"})
    expect(response.status == 429, f"a forged X-Forwarded-For escaped the limit: {response.status}")
    response, _data = clients[ADMIN_HOME].get(path)
    expect(response.status == 200, f"another client ({ADMIN_HOME}) was limited too: {response.status}")
    return f"6th search from {READER} → 429, Retry-After {retry}; forged X-Forwarded-For still 429; {ADMIN_HOME} → 200"


def check_nginx_limit_req(clients, **_):
    flood = clients[FLOOD]

    def one(_n):
        response, data = flood.get("/search/?q=x", timeout=30)
        return response.status, response.getheader("Retry-After"), data

    # Rounds of 40 at once until nginx refuses some: on a busy machine one
    # round may be slow enough for the 5-a-second allowance to keep up.
    answers, by_nginx = [], []
    with ThreadPoolExecutor(max_workers=12) as pool:
        while not by_nginx and len(answers) < 200:
            answers += pool.map(one, range(40))
            by_nginx = [a for a in answers if a[0] == 429 and b"Wait a moment" in a[2]]
    statuses = sorted(set(a[0] for a in answers))
    expect(by_nginx, f"{len(answers)} quick searches from one client: no 429 from nginx's limit_req (statuses {statuses})")
    expect(all(a[1] == "1" for a in by_nginx), "nginx's 429 has no Retry-After")
    expect(set(statuses) <= {200, 429}, f"unexpected statuses {statuses}")
    return f"{len(answers)} quick searches from {FLOOD}: {len(by_nginx)} refused by nginx (429, Retry-After 1)"


def check_login_lockout(clients, **_):
    attacker = clients[ATTACKER]
    for n in range(9):
        status, _data = attacker.login("admin", f"wrong-{n}")
        expect(status == 200, f"wrong password {n + 1} from {ATTACKER}: {status}")
    status, data = attacker.login("admin", "wrong-9")
    expect(status == 429, f"the 10th wrong password from {ATTACKER}: {status}, not 429 (locked)")
    status, _data = attacker.login("admin", ADMIN_PASSWORD)
    expect(status == 429, f"the attacker's address with the right password: {status}, not still locked")
    status, _data = clients[ADMIN_HOME].login("admin", ADMIN_PASSWORD)
    expect(status == 302, f"the admin from {ADMIN_HOME} after a stranger's ten failures: {status}, not logged in")
    session = flags(clients[ADMIN_HOME].set_cookies.get("sessionid", ""))
    expect("secure" in session and "httponly" in session, "the session cookie is not Secure and HttpOnly")
    status, _data = clients[COLLEAGUE].login("amal", STAFF_PASSWORD)
    expect(status == 302, f"other staff from {COLLEAGUE}: {status}, not logged in")
    return f"admin locked from {ATTACKER} only; admin from {ADMIN_HOME} and amal from {COLLEAGUE} log in"


def multipart(fields, files):
    boundary = "----archive-deploy-check-" + secrets.token_hex(8)
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, filename, content in files:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def upload_file(size):
    """A JSON-lines file of one article, padded to ``size`` bytes with a blank line."""
    record = json.dumps({
        "id": "deploy-check-1", "title": "اختبار النشر", "source": "deploy-check",
        "body": "قالت قيادة العمليات المشتركة إن القوات الأمنية حررت حي الزهراء في الموصل.",
        "published": "2016-11-05T10:00:00+03:00", "url": "https://example.org/deploy-check-1",
    }, ensure_ascii=False).encode() + b"\n"
    return record + b" " * (size - len(record) - 1) + b"\n"


def check_upload(clients, **_):
    admin = clients[ADMIN_HOME]  # logged in by check_login_lockout
    path = "/admin/archive/article/upload/"
    token = admin.form_token(path)
    headers = {"Referer": f"https://127.0.0.1:{admin.port}{path}"}
    at_limit = upload_file(UPLOAD_LIMIT - 1024)
    body, kind = multipart({"csrfmiddlewaretoken": token}, [("files", "large.jsonl", at_limit)])
    response, data = admin.request("POST", path, body=body, headers={**headers, "Content-Type": kind}, timeout=120)
    expect(response.status == 302, f"an upload of {len(at_limit):,} bytes: {response.status} {data[:300]!r}")
    preview = urlsplit(response.getheader("Location") or "").path
    response, data = admin.get(preview, timeout=120)
    expect(response.status == 200 and "اختبار النشر".encode() in data, f"its preview: {response.status}")
    too_big = upload_file(UPLOAD_LIMIT + 2 * 1024 * 1024)
    body, kind = multipart({"csrfmiddlewaretoken": token}, [("files", "too-large.jsonl", too_big)])
    try:
        response, data = admin.request("POST", path, body=body, headers={**headers, "Content-Type": kind}, timeout=120)
    except (BrokenPipeError, ConnectionResetError) as error:
        raise CheckFailed(f"an upload over the limit: the connection broke ({error}) instead of a clear answer")
    expect(response.status == 413, f"an upload of {len(too_big):,} bytes: {response.status}, not 413")
    text = data.decode("utf-8", "replace")
    expect("20 MB" in text and "ميغابايت" in text, f"the 413 page does not say the limit: {text[:300]!r}")
    return f"{len(at_limit):,} bytes → 302 to its preview; {len(too_big):,} bytes → 413 naming the limit"


CHECKS = [
    ("HTTP → HTTPS redirect", check_https_redirect),
    ("HSTS and static files", check_hsts_and_static),
    ("secure cookies", check_secure_cookies),
    ("client address → search rate limit", check_rate_limit),
    ("nginx limit_req on /search and /api", check_nginx_limit_req),
    ("login lockout per account and address", check_login_lockout),
    ("upload at and over the limit", check_upload),
]
