#!/bin/sh
# Installs everything the test suite needs, on a fresh machine or a developer's:
#   - Debian packages: jing (RELAX NG validator, the reference for tei_all verdicts), trang
#     (checks schema/tei-tools.rng is generated from the .rnc),
#     chromium (headless browser for the site tests), a Java runtime (jing, the Nu HTML checker)
#   - the Nu HTML checker (npm package vnu-jar) into .venv/vnu
#   - a virtual environment .venv with tei-tools (editable) and its test extra
# Re-running it is cheap: every step skips what is already there.
set -eu
cd "$(dirname "$0")/.."

need_apt=""
command -v jing >/dev/null 2>&1 || need_apt="$need_apt jing"
[ -x /usr/bin/chromium ] || need_apt="$need_apt chromium"
command -v trang >/dev/null 2>&1 || need_apt="$need_apt trang"
command -v java >/dev/null 2>&1 || need_apt="$need_apt default-jre-headless"
command -v npm >/dev/null 2>&1 || need_apt="$need_apt npm"
if [ -n "$need_apt" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "install-test-deps: apt-get install$need_apt"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need_apt >/dev/null
    else
        echo "install-test-deps: not root or no apt-get; the tests needing$need_apt will be skipped"
    fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'

if command -v npm >/dev/null 2>&1 && [ ! -f .venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar ]; then
    npm install --silent --no-audit --no-fund --prefix .venv/vnu vnu-jar >/dev/null
fi
echo "install-test-deps: ready"
