#!/usr/bin/env bash
# Install the Debian 12 packages the archive needs outside its virtualenv.
#
#   bash scripts/install-system-deps.sh            # what the browser tests need
#   bash scripts/install-system-deps.sh python     # what creating the virtualenv needs
#   bash scripts/install-system-deps.sh browser python
#
# browser: Debian's Chromium, which Playwright drives (Playwright's own browser
#          download is not used), and DejaVu for the Latin text in screenshots.
#          The Arabic fonts ship with the project in static/fonts/. npm (unless
#          one is already on PATH, e.g. with a NodeSource nodejs) fetches axe-core
#          for the accessibility checks (scripts/install-test-assets.sh).
# python:  python3 with venv and pip.
#
# Idempotent: a package already installed is left alone, and apt-get runs
# (update once, then install) only when something is missing. Installing needs
# root; when everything is already there it succeeds as any user.
set -euo pipefail

groups=("$@")
if [ ${#groups[@]} -eq 0 ]; then
  groups=(browser)
fi

wanted=()
for group in "${groups[@]}"; do
  case "$group" in
    browser) wanted+=(chromium fonts-dejavu-core); command -v npm >/dev/null 2>&1 || wanted+=(npm) ;;
    python)  wanted+=(python3 python3-venv python3-pip) ;;
    all)     wanted+=(chromium fonts-dejavu-core python3 python3-venv python3-pip); command -v npm >/dev/null 2>&1 || wanted+=(npm) ;;
    *)
      echo "install-system-deps: unknown group '$group' (use: browser, python, all)" >&2
      exit 2
      ;;
  esac
done

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=()
for package in "${wanted[@]}"; do
  if ! is_installed "$package"; then
    # the same package named by two groups is asked for once
    case " ${missing[*]:-} " in
      *" $package "*) ;;
      *) missing+=("$package") ;;
    esac
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-system-deps: already installed: ${wanted[*]}"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "install-system-deps: missing ${missing[*]}; run this script as root." >&2
    exit 1
  fi
else
  SUDO=()
fi

echo "install-system-deps: installing ${missing[*]}"
"${SUDO[@]}" apt-get update
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y --no-install-recommends "${missing[@]}"

if [[ " ${missing[*]} " == *" chromium "* ]] && ! command -v chromium >/dev/null 2>&1; then
  echo "install-system-deps: chromium was installed but is not on PATH" >&2
  exit 1
fi
