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

The checks themselves are in ``deploy_checks.py``. Only 127.0.0.0/8 is ever
contacted. Exit status 0 when every check passed.
"""
import argparse
import http.client
import os
from pathlib import Path
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

from deploy_checks import (
    ADMIN_HOME, ADMIN_PASSWORD, ATTACKER, CHECKS, COLLEAGUE, FLOOD, READER, STAFF_PASSWORD,
    CheckFailed, Client, expect,
)

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "deploy" / "nginx" / "archive.conf"
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"


# settings.LOGGING and deploy/gunicorn.conf.py's ArchiveLogger.
LOG_LINE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} (DEBUG|INFO|WARNING|ERROR|CRITICAL) [\w.]+ \[\d+\] ")


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
