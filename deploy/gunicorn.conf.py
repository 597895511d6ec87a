"""gunicorn's settings for the archive: ``gunicorn -c deploy/gunicorn.conf.py``.

Used by ``make run`` (which adds ``--bind 127.0.0.1:$(PORT) --workers
$(WORKERS)``; the command line wins over this file), by the systemd unit
``deploy/systemd/archive-web.service`` and by ``make test-deploy``. The
environment is the archive's own (``DATA_DIR``, ``DEBUG``, ``SECRET_KEY`` …,
README); this file reads three more:

* ``GUNICORN_BIND`` (default ``127.0.0.1:8000``): where nginx finds gunicorn.
  Loopback only: gunicorn is never exposed to the network itself.
* ``WEB_CONCURRENCY`` (default 2): worker processes. Each holds its own search
  cache and index readers; about 1 per core is right for this CPU-bound work.
* ``FORWARDED_ALLOW_IPS`` (default ``127.0.0.1,::1``): the proxy addresses
  whose ``X-Forwarded-Proto`` gunicorn believes (the archive's own
  ``TRUSTED_PROXY_COUNT`` decides about ``X-Forwarded-For``).
"""
import logging
import os
from pathlib import Path

from gunicorn.glogging import Logger

BASE_DIR = Path(__file__).resolve().parent.parent
# The archive's data directory, as archive/settings.py resolves it.
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "data")).resolve()

wsgi_app = "archive.wsgi"
chdir = str(BASE_DIR)
bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")]
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))

# A request still running after `timeout` seconds has its worker killed and
# replaced (the reader gets a 502 from nginx). Searches are bounded far below
# this; it is the last guard, not a budget. nginx waits a little longer
# (proxy_read_timeout 35s) so that gunicorn's answer, not nginx's, is the one seen.
timeout = 30
# On a reload (HUP) or stop (TERM), a worker finishes its request for up to this long.
graceful_timeout = 30
keepalive = 5

# Worker recycling: after 1,000 to 1,200 requests (the jitter staggers the
# workers so they never restart together) a worker is replaced by a fresh one
# between requests. Memory a worker gathered (its search cache, Python's heap
# after one huge page) goes back to the system; no request is cut off.
max_requests = 1000
max_requests_jitter = 200

# HTTPS is decided by nginx: believe X-Forwarded-Proto from these proxies only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# gunicorn 25.1+ opens a control socket (for `gunicornc`: worker status,
# reload, resize) by default in $XDG_RUNTIME_DIR or ~/.gunicorn, shared by
# every gunicorn of that user. Keep it with the data it controls, readable by
# the archive's user only; GUNICORN_CONTROL_SOCKET=off turns it off.
if os.environ.get("GUNICORN_CONTROL_SOCKET", "").lower() in ("off", "0", "no"):
    control_socket_disable = True
else:
    control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET") or str(DATA_DIR / "gunicorn.ctl")
    control_socket_mode = 0o600

# Heartbeat files on a RAM disk where there is one: a slow /tmp disk must not
# make gunicorn think a busy worker is hung.
if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK):
    worker_tmp_dir = "/dev/shm"

# Logs: gunicorn's own lines and the access log on stdout/stderr (systemd's
# journal, or the terminal for make run), in the archive's format
# (settings.LOGGING): time with UTC offset, level, logger, process, message.


class ArchiveLogger(Logger):
    error_fmt = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"
    datefmt = "%Y-%m-%dT%H:%M:%S%z"
    access_fmt = error_fmt

    def setup(self, cfg):
        super().setup(cfg)
        # gunicorn gives the access log a formatter without datefmt: same time format as the rest.
        for handler in self.access_log.handlers:
            handler.setFormatter(logging.Formatter(self.access_fmt, self.datefmt))


logger_class = ArchiveLogger
accesslog = "-"
errorlog = "-"
# Connecting address, the client nginx saw (X-Forwarded-For), request, status, bytes, ms, user agent.
access_log_format = '%(h)s %({x-forwarded-for}i)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
