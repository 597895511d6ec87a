"""deploy/ as shipped agrees with itself and with the archive's settings.

``make test-deploy`` runs these files behind a real nginx; these tests are the
quick half: what gunicorn actually reads from deploy/gunicorn.conf.py, and the
numbers the nginx site and the systemd units must share with settings.py.
"""
import configparser
import os
from pathlib import Path
import re
import subprocess
import sys

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SITE = (DEPLOY / "nginx" / "archive.conf").read_text()


def gunicorn_config(tmp_path, **env_overrides):
    """gunicorn's own reading of the file (``--print-config``), as a dict of strings."""
    env = {**os.environ, "DATA_DIR": str(tmp_path), **env_overrides}
    for name in ("GUNICORN_BIND", "WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS", "GUNICORN_CONTROL_SOCKET"):
        if name not in env_overrides:
            env.pop(name, None)
    gunicorn = Path(sys.executable).parent / "gunicorn"
    result = subprocess.run([str(gunicorn), "-c", str(DEPLOY / "gunicorn.conf.py"), "--print-config"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return dict(re.findall(r"^(\w+)\s+= (.*)$", result.stdout, re.M))


def test_gunicorn_recycles_workers_with_jitter_and_keeps_its_timeouts(tmp_path):
    config = gunicorn_config(tmp_path)
    assert config["wsgi_app"] == "archive.wsgi"
    assert int(config["max_requests"]) > 0
    # The jitter staggers the restarts: two workers never leave together.
    assert 0 < int(config["max_requests_jitter"]) < int(config["max_requests"])
    assert config["timeout"] == "30" and config["graceful_timeout"] == "30"
    assert config["bind"] == "['127.0.0.1:8000']"  # loopback only: nginx is the front door
    assert config["forwarded_allow_ips"] == "['127.0.0.1', '::1']"


def test_gunicorns_control_socket_is_in_the_data_directory_for_the_owner_only(tmp_path):
    config = gunicorn_config(tmp_path)
    assert config["control_socket"] == str(tmp_path / "gunicorn.ctl")
    assert int(config["control_socket_mode"]) == 0o600
    assert config["control_socket_disable"] == "False"
    assert gunicorn_config(tmp_path, GUNICORN_CONTROL_SOCKET="off")["control_socket_disable"] == "True"


def test_the_environment_sets_address_and_workers(tmp_path):
    config = gunicorn_config(tmp_path, GUNICORN_BIND="127.0.0.1:8123", WEB_CONCURRENCY="3")
    assert config["bind"] == "['127.0.0.1:8123']" and config["workers"] == "3"


def test_make_run_serves_with_the_shipped_configuration():
    makefile = (ROOT / "Makefile").read_text()
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "-c deploy/gunicorn.conf.py" in run
    # PORT and WORKERS still override (gunicorn's command line wins over its file).
    assert "--bind 127.0.0.1:$(PORT)" in run and "--workers $(WORKERS)" in run


def test_nginx_takes_an_upload_at_the_archives_limit_and_not_much_more():
    size = re.search(r"client_max_body_size (\d+)m;", SITE)
    assert size, "client_max_body_size in megabytes"
    limit = int(size.group(1)) * 1024 * 1024
    # One file at UPLOAD_MAX_FILE_BYTES plus its form fits; the margin is the form, not another file.
    assert settings.UPLOAD_MAX_FILE_BYTES < limit <= settings.UPLOAD_MAX_FILE_BYTES + 2 * 1024 * 1024
    assert "error_page 413 @too_large;" in SITE


def test_nginx_passes_the_client_address_and_scheme_and_limits_searches():
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in SITE
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in SITE
    assert re.search(r"limit_req_zone \$binary_remote_addr zone=archive_search:", SITE)
    for location in ("/search/", "/api/"):
        block = SITE.split(f"location {location} {{", 1)[1].split("}", 1)[0]
        assert "limit_req zone=archive_search" in block, location
    # nginx waits longer than gunicorn's timeout, so gunicorn's answer is the one a reader sees.
    assert int(re.search(r"proxy_read_timeout (\d+)s;", SITE).group(1)) > 30
    assert "return 301 https://$host$request_uri;" in SITE


def unit(name):
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read_string((DEPLOY / "systemd" / name).read_text())
    return parser


def test_the_web_and_worker_units_share_user_code_and_environment():
    web, worker = unit("archive-web.service"), unit("archive-worker.service")
    assert web["Service"]["ExecStart"].endswith("gunicorn -c deploy/gunicorn.conf.py")
    assert worker["Service"]["ExecStart"].endswith("python manage.py db_worker")
    for key in ("User", "Group", "WorkingDirectory", "EnvironmentFile", "StateDirectory"):
        assert web["Service"][key] == worker["Service"][key], key
    assert web["Service"]["Type"] == "notify"
    env_example = (DEPLOY / "archive.env.example").read_text()
    for variable in ("DEBUG=0", "SECRET_KEY=", "ALLOWED_HOSTS=", "TRUSTED_PROXY_COUNT=1", "DATA_DIR=/var/lib/archive"):
        assert variable in env_example



def test_gunicorns_own_lines_share_the_archives_log_format():
    import runpy

    conf = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    line = settings.LOGGING["formatters"]["line"]
    assert conf["logger_class"].error_fmt == line["format"] == conf["logger_class"].access_fmt
    assert conf["logger_class"].datefmt == line["datefmt"]
