"""The shipped deployment, run and checked through nginx (``make test-deploy``).

``scripts/test-deploy.sh`` installs Debian's nginx if it is missing, then runs
this program, which:

1. makes a temporary directory (removed at the end, whatever happens) holding a
   self-signed certificate for 127.0.0.1 (openssl), a DATA_DIR with the demo
   data (``migrate``, ``load_demo_data``, ``collectstatic``), a superuser
   ``admin`` and a staff member ``amal``;
2. starts gunicorn with ``deploy/gunicorn.conf.py`` as the systemd unit does
   (``DEBUG=0``, a random ``SECRET_KEY``, ``TRUSTED_PROXY_COUNT=1``,
   ``SEARCH_RATE_LIMIT=5/60`` so the limit is reached in six searches) on a
   free port of 127.0.0.1;
3. starts nginx (its own ``-p`` prefix and ``-c`` configuration, not the
   system service) with ``deploy/nginx/archive.conf`` itself, in which only the
   ports, the paths and the certificate are replaced (each replacement must
   match exactly, so an edit of the site file cannot silently leave the test
   checking something else), on two more free ports of 127.0.0.1;
4. checks through nginx, as different clients connecting from different
   loopback addresses (127.0.0.2, 127.0.0.3 …), the points of issue 14 (10):
   the HTTP → HTTPS redirect, HSTS, static files, the secure cookies, the
   client address reaching the rate limiter (429 with Retry-After for one
   client, not for another; a forged X-Forwarded-For changes nothing) and
   nginx's own limit_req, the login lockout per account and address, and an
   upload at the limit accepted while one above it gets a clear 413.

Only 127.0.0.0/8 is ever contacted. Exit status 0 when every check passed.
"""
import argparse
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
import http.client
import json
import os
from pathlib import Path
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "deploy" / "nginx" / "archive.conf"
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
UPLOAD_LIMIT = 20 * 1024 * 1024  # settings.UPLOAD_MAX_FILE_BYTES
ADMIN_PASSWORD = "deploy-check-admin-" + secrets.token_urlsafe(12)
STAFF_PASSWORD = "deploy-check-staff-" + secrets.token_urlsafe(12)
ATTACKER, ADMIN_HOME, COLLEAGUE, READER, FLOOD = "127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6"


# settings.LOGGING and deploy/gunicorn.conf.py's ArchiveLogger.
LOG_LINE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} (DEBUG|INFO|WARNING|ERROR|CRITICAL) [\w.]+ \[\d+\] ")


class CheckFailed(Exception):
    pass


def log(message):
    print(f"[test-deploy] {message}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd, env, timeout=300, cwd=ROOT):
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise CheckFailed(f"{' '.join(map(str, cmd))} failed ({result.returncode}):\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    return result.stdout


def replace_exactly(text, old, new, count=1):
    found = text.count(old)
    if found != count:
        raise CheckFailed(f"deploy/nginx/archive.conf: expected {count}× {old!r}, found {found}: "
                          "update scripts/check_deploy.py along with the site file")
    return text.replace(old, new)


def site_for_test(site, *, http_port, https_port, app_port, tmp, static_root):
    """The shipped site with ports, certificate and paths swapped for the test's."""
    text = site.read_text()
    text = replace_exactly(text, "    listen 80;\n", f"    listen 127.0.0.1:{http_port};\n")
    text = replace_exactly(text, "    listen [::]:80;\n", "")
    text = replace_exactly(text, "    listen 443 ssl http2;\n", f"    listen 127.0.0.1:{https_port} ssl http2;\n")
    text = replace_exactly(text, "    listen [::]:443 ssl http2;\n", "")
    # The redirect names the HTTPS port only because the test's is not 443.
    text = replace_exactly(text, "return 301 https://$host$request_uri;", f"return 301 https://$host:{https_port}$request_uri;")
    text = replace_exactly(text, "/etc/letsencrypt/live/archive.example.org/fullchain.pem", str(tmp / "cert.pem"))
    text = replace_exactly(text, "/etc/letsencrypt/live/archive.example.org/privkey.pem", str(tmp / "key.pem"))
    text = replace_exactly(text, "/var/log/nginx/archive.access.log", str(tmp / "nginx-access.log"))
    text = replace_exactly(text, "/var/log/nginx/archive.error.log", str(tmp / "nginx-error.log"))
    text = replace_exactly(text, "server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};")
    text = replace_exactly(text, "alias /srv/archive/static/;", f"alias {static_root}/;")
    return text


def main_config(tmp, site_path):
    """nginx.conf around the site, as Debian's is around sites-enabled, with everything in ``tmp``."""
    user = ""
    if os.geteuid() == 0:
        # nginx's workers leave root; Debian's package made this user.
        user = "user www-data;\n" if _user_exists("www-data") else "user nobody nogroup;\n"
    temp = "\n".join(f"    {kind}_temp_path {tmp / (kind + '_temp')};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return f"""{user}worker_processes 1;
pid {tmp / 'nginx.pid'};
error_log {tmp / 'nginx-main-error.log'} warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    server_tokens off;
{temp}
    include {site_path};
}}
"""


def _user_exists(name):
    import pwd

    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


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


# ---------------------------------------------------------------- the run

def wait_for(predicate, seconds, what, process=None, log_file=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            tail = log_file.read_text()[-3000:] if log_file and log_file.exists() else ""
            raise CheckFailed(f"{what} exited at start:\n{tail}")
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise CheckFailed(f"{what} did not answer within {seconds} s")


def answers_http(port):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", "/static/css/archive.css", headers={"Host": "127.0.0.1"})
        return conn.getresponse().status > 0
    finally:
        conn.close()


def stop(process, signum=signal.SIGTERM, timeout=20):
    """Stop a process started with start_new_session=True: its own group only."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signum)
        process.wait(timeout=timeout)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def interrupted(signum, _frame):
    """`timeout` (scripts/test-deploy.sh) sends TERM: unwind, so nginx and gunicorn are stopped too."""
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nginx", default=shutil.which("nginx") or "/usr/sbin/nginx")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs) afterwards")
    args = parser.parse_args(argv)

    python = ROOT / ".venv" / "bin" / "python"
    python = str(python) if python.exists() else sys.executable
    gunicorn = Path(python).parent / "gunicorn"
    tmp = Path(tempfile.mkdtemp(prefix="archive-test-deploy-"))
    tmp.chmod(0o755)  # nginx's workers (www-data) read the static files in it
    data_dir, static_root = tmp / "data", tmp / "static"
    ports = {"app": free_port(), "http": free_port(), "https": free_port()}
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "SEARCH_INDEX_DIR", "STATIC_ROOT")}
    env.update({
        "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50), "DATA_DIR": str(data_dir),
        "STATIC_ROOT": str(static_root), "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "TRUSTED_PROXY_COUNT": "1", "SEARCH_RATE_LIMIT": "5/60",
        "GUNICORN_BIND": f"127.0.0.1:{ports['app']}", "WEB_CONCURRENCY": "2",
        "PYTHONUNBUFFERED": "1",
    })
    server = nginx = None
    failures = []
    signal.signal(signal.SIGTERM, interrupted)
    try:
        log(f"temporary directory {tmp}")
        run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
             "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
             "-keyout", str(tmp / "key.pem"), "-out", str(tmp / "cert.pem")], env)
        log("migrate, load_demo_data, collectstatic, two staff accounts")
        manage = [python, "manage.py"]
        run(manage + ["migrate", "--noinput", "-v", "0"], env)
        run(manage + ["load_demo_data", "-v", "0"], env)
        run(manage + ["collectstatic", "--noinput", "-v", "0"], env)
        run(manage + ["shell", "-c", (
            "from django.contrib.auth import get_user_model; U = get_user_model(); "
            f"U.objects.create_superuser('admin', password={ADMIN_PASSWORD!r}); "
            f"U.objects.create_user('amal', password={STAFF_PASSWORD!r}, is_staff=True)")], env)

        log(f"gunicorn -c deploy/gunicorn.conf.py on 127.0.0.1:{ports['app']}")
        server_log = tmp / "gunicorn.log"
        with open(server_log, "w") as out:
            server = subprocess.Popen([str(gunicorn), "-c", str(GUNICORN_CONF)], cwd=ROOT, env=env,
                                      stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for(lambda: answers_http(ports["app"]), 90, "gunicorn", server, server_log)
        expect((data_dir / "gunicorn.ctl").is_socket(), "gunicorn's control socket is not in DATA_DIR")

        site = tmp / "archive.conf"
        site.write_text(site_for_test(SITE, http_port=ports["http"], https_port=ports["https"],
                                      app_port=ports["app"], tmp=tmp, static_root=static_root))
        (tmp / "nginx.conf").write_text(main_config(tmp, site))
        base = [args.nginx, "-p", f"{tmp}/", "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "nginx-main-error.log")]
        run(base + ["-t", "-q"], env)
        log(f"nginx {ports['http']} (HTTP) and {ports['https']} (HTTPS) → gunicorn")
        nginx_log = tmp / "nginx-main-error.log"
        nginx = subprocess.Popen(base + ["-g", "daemon off;"], env=env, start_new_session=True,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: answers_http(ports["http"]), 30, "nginx", nginx, nginx_log)

        cafile = tmp / "cert.pem"
        clients = {address: Client(address, ports["https"], cafile)
                   for address in (ATTACKER, ADMIN_HOME, COLLEAGUE, READER, FLOOD)}
        for name, check in CHECKS:
            try:
                detail = check(ports=ports, client=clients[READER], clients=clients)
                log(f"ok    {name}: {detail}")
            except (CheckFailed, OSError, ValueError) as error:
                failures.append(name)
                log(f"FAIL  {name}: {error}")
        tracebacks = server_log.read_text().count("Traceback")
        if tracebacks:
            failures.append("gunicorn log")
            log(f"FAIL  gunicorn's log has {tracebacks} traceback(s):\n{server_log.read_text()[-3000:]}")
        else:
            # gunicorn's lines, its access log and the archive's own: one format (time, level, logger).
            lines = server_log.read_text().splitlines()
            odd = [line for line in lines if not LOG_LINE.match(line)]
            if odd or not lines:
                failures.append("log format")
                log(f"FAIL  log lines without time, level and logger: {odd[:3]}")
            else:
                log(f"ok    log format: all {len(lines)} lines of gunicorn's log carry time, level and logger")
    except CheckFailed as error:
        failures.append("setup")
        log(f"FAIL  setup: {error}")
    except KeyboardInterrupt as error:
        failures.append("interrupted")
        log(f"FAIL  interrupted ({error}): stopping everything")
    finally:
        stop(nginx, signal.SIGQUIT)
        stop(server)
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        log(f"{len(failures)} check(s) failed: {', '.join(failures)}")
        return 1
    log(f"all {len(CHECKS)} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
