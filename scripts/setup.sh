#!/usr/bin/env bash
# Installs what Taiwa needs to build (and, with "test", to test), idempotently
# and at pinned versions. Safe to run again: each step checks the version first.
#
#   scripts/setup.sh build   wasm target, trunk, wasm-bindgen-cli, wasm-split-cli, wasm-opt
#   scripts/setup.sh test    the above, plus the browser-test tools and the three
#                            browser engines: Chromium, Firefox ESR, and WebKitGTK
#                            (WebKitWebDriver + MiniBrowser, in Xvfb)
#   scripts/setup.sh bench   the above, plus Lighthouse (for make bench only)
#
# Only the package registries are needed (crates.io, npm, Debian). apt-get runs
# only as root; otherwise the one command to run is printed.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
# wasm-split-cli: splits the wasm at the lazy routes (scripts/wasm-build.mjs).
# Its 0.2 line reads the markers of wasm_split_helpers 0.2 (leptos 0.8's #[lazy]).
WASM_SPLIT_VERSION=0.2.4
BINARYEN_VERSION=132
# Lowest browser versions the cross-engine tests are known to work with.
FIREFOX_MIN=140        # firefox-esr: WebDriver BiDi as puppeteer-core 24 drives it
WEBKITGTK_MIN=2.50     # webkit2gtk-driver: WebKitWebDriver and MiniBrowser --automation

here=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-build}
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

at_least() {
  # at_least HAVE WANT : true when version HAVE is WANT or newer (HAVE may be empty)
  [ -n "$1" ] && [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" = "$2" ]
}

need_apt() {
  # need_apt PACKAGE... : install Debian packages, as root only
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing $* with apt-get"
    if [ ! -f /tmp/.taiwa-apt-updated ]; then
      apt-get update -qq && touch /tmp/.taiwa-apt-updated
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    say "missing: $*. Please run:  sudo apt-get install -y $*"
    exit 1
  fi
}

# --- Rust ------------------------------------------------------------------
if ! command -v cargo >/dev/null; then
  say "Rust is missing. Install it from the Rust project's rustup installer, then run this again."
  exit 1
fi
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for comp in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$comp"; then
    rustup component add "$comp"
  fi
done

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (takes several minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # --locked fails: its lock file names a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
if ! cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about a minute, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

# --- Node tools: wasm-opt from npm's binaryen --------------------------------
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  need_apt nodejs npm
fi
npm_install() {
  # npm_install DIR : install DIR's locked packages unless already in place
  local dir=$1
  if [ ! -f "$dir/node_modules/.taiwa-installed" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.taiwa-installed" ]; then
    say "installing npm packages in ${dir#$here/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    touch "$dir/node_modules/.taiwa-installed"
  fi
}
npm_install "$here/scripts/tools"
wasm_opt="$here/scripts/tools/node_modules/.bin/wasm-opt"
if [ "$("$wasm_opt" --version 2>/dev/null | awk '{print $3}')" != "$BINARYEN_VERSION" ]; then
  say "wasm-opt is not version $BINARYEN_VERSION: $("$wasm_opt" --version 2>&1 || true)"
  exit 1
fi

if [ "$mode" = test ] || [ "$mode" = bench ]; then
  npm_install "$here/tests/e2e"
  if ! command -v chromium >/dev/null; then
    need_apt chromium chromium-driver
  fi
  # The other engines (tests/e2e/engines.test.mjs): Firefox driven over
  # WebDriver BiDi by puppeteer-core, and WebKitGTK's MiniBrowser driven by
  # WebKitWebDriver in a virtual X display. Debian ships security updates of
  # these and drops the old builds, so the check is a lowest version, not one.
  if ! at_least "$(firefox-esr --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1)" "$FIREFOX_MIN"; then
    need_apt firefox-esr
  fi
  # locales: the Japanese locale's source, which the tests build with localedef
  # into a folder of their own (WebKitGTK takes navigator.language from it).
  if ! at_least "$(dpkg-query -W -f='${Version}' webkit2gtk-driver 2>/dev/null)" "$WEBKITGTK_MIN" \
    || ! command -v Xvfb >/dev/null || [ ! -f /usr/share/i18n/locales/ja_JP ]; then
    need_apt webkit2gtk-driver xvfb locales
  fi
fi
if [ "$mode" = bench ]; then
  npm_install "$here/scripts/lighthouse"
fi
say "ready ($mode)"
