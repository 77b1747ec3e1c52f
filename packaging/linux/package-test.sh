#!/usr/bin/env bash
# Install the .deb on this machine and prove the installed program works, that
# upgrading and removing it leave a user's shop alone, and that removal leaves
# nothing behind under /opt or /usr.
#
#   packaging/linux/package-test.sh dist/shop-manager_<version>_<arch>.deb     (as root)
#
#   1. install with apt (which pulls in Depends:), or dpkg when there is no apt;
#   2. `shop-manager --version` and `--smoke-test` (offscreen) as root, and as an
#      unprivileged user, who must write nowhere but their home and /tmp;
#   3. that user opens a real shop in their data folder (~/.local/share/shop-manager);
#   4. upgrade: the same package as version <version>+upgradetest over it;
#   5. purge; then: every file the package listed is gone, nothing named
#      shop-manager is left under /opt or /usr, the program never wrote into its
#      own folder, and the user's shop is byte for byte what it was.
# A throwaway user (shop-manager-test) is created and deleted if no such user exists.
set -euo pipefail

deb="$(realpath "$1")"
package=shop-manager
test_user="${SHOP_TEST_USER:-shop-manager-test}"
scratch="$(mktemp -d /tmp/shop-manager-package-test.XXXXXX)"
chmod 0755 "$scratch"
created_user=""

step() { printf '\n=== %s\n' "$*"; }
ok() { printf '  ok: %s\n' "$*"; }
fail() { printf '  FAILED: %s\n' "$*" >&2; exit 1; }
cleanup() {
    if [ -n "$created_user" ]; then userdel -r "$created_user" >/dev/null 2>&1 || true; fi
    rm -rf "$scratch"
}
trap cleanup EXIT

[ "$(id -u)" -eq 0 ] || fail "installing a package needs root: sudo make package-test"
[ -f "$deb" ] || fail "no package at $1"
version="$(dpkg-deb -f "$deb" Version)"
start=$SECONDS

if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    echo "$package is installed already (an earlier run?): purging it first; no user data is touched."
    dpkg --purge "$package" >/dev/null
fi

step "Install $(basename "$deb")"
export DEBIAN_FRONTEND=noninteractive
if command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -q --no-install-recommends -o Acquire::Retries=3 "$deb" >"$scratch/apt.log" 2>&1 \
        || { cat "$scratch/apt.log" >&2; fail "apt-get install"; }
    ok "apt-get install (Depends: resolved by apt)"
else
    dpkg -i "$deb" >/dev/null || fail "dpkg -i"
    ok "dpkg -i"
fi
[ "$(dpkg-query -W -f='${Version}' "$package")" = "$version" ] || fail "installed version is not $version"
dpkg -L "$package" | sort >"$scratch/files"
for path in /opt/shop-manager/shop-manager /usr/bin/shop-manager /usr/share/applications/shop-manager.desktop \
        /usr/share/icons/hicolor/48x48/apps/shop-manager.png /usr/share/icons/hicolor/scalable/apps/shop-manager.svg \
        /usr/share/doc/shop-manager/copyright; do
    grep -qxF "$path" "$scratch/files" && [ -e "$path" ] || fail "$path is not installed"
done
grep -q '^/usr/share/metainfo/.*\.metainfo\.xml$' "$scratch/files" || fail "no AppStream metainfo installed"
ok "$(wc -l <"$scratch/files") paths installed, program, command, menu entry, icons, metainfo, copyright among them"

step "As root: shop-manager --version, --smoke-test"
[ "$(command -v shop-manager)" = /usr/bin/shop-manager ] || fail "shop-manager is not /usr/bin/shop-manager on PATH"
shown="$(shop-manager --version)"
[ "$shown" = "shop-manager $version" ] || fail "--version says '$shown', expected 'shop-manager $version'"
ok "--version: $shown"
QT_QPA_PLATFORM=offscreen shop-manager --smoke-test 2>"$scratch/root-smoke.err" \
    || { cat "$scratch/root-smoke.err" >&2; fail "smoke test as root"; }
ok "smoke test as root"

step "As an unprivileged user ($test_user)"
if ! id "$test_user" >/dev/null 2>&1; then
    useradd -m -s /bin/sh "$test_user"
    created_user="$test_user"
    ok "created the throwaway user $test_user"
fi
home="$(getent passwd "$test_user" | cut -d: -f6)"
data="$home/.local/share/shop-manager"
as_user() {  # a clean environment, as a desktop session would give
    runuser -u "$test_user" -- env -i HOME="$home" USER="$test_user" LOGNAME="$test_user" \
        PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}
owned_by_user() {  # every path this user owns outside /proc and /sys
    find / -xdev \( -path /proc -o -path /sys \) -prune -o -user "$test_user" -print 2>/dev/null | sort
}
owned_by_user >"$scratch/owned-before"
shown="$(as_user shop-manager --version)"
[ "$shown" = "shop-manager $version" ] || fail "--version as $test_user says '$shown'"
ok "--version: $shown"
as_user shop-manager --smoke-test 2>"$scratch/user-smoke.err" || { cat "$scratch/user-smoke.err" >&2; fail "smoke test as $test_user"; }
ok "smoke test as $test_user"
if find /tmp -maxdepth 1 -name 'shop-manager-smoke-*' | grep -q .; then fail "the smoke test left its temporary shop in /tmp"; fi
comm -13 "$scratch/owned-before" <(owned_by_user) | grep -v -e "^$home/" -e "^/tmp/" -e "^/var/tmp/" \
    >"$scratch/stray" || true
[ ! -s "$scratch/stray" ] || { cat "$scratch/stray" >&2; fail "$test_user wrote outside their home and /tmp"; }
ok "$test_user wrote only in $home and /tmp"

step "$test_user opens a real shop in their data folder"
# The window's event loop never ends by itself. Inside the user's session: start
# it, wait until the demo shop is on disk, give it a moment, then close it (SIGTERM).
# `timeout` ends everything should the shop never appear.
as_user timeout 120 sh -c '
    shop-manager --demo & pid=$!
    data="$HOME/.local/share/shop-manager"
    until [ -s "$data/shop.sqlite3" ] && [ -d "$data/read_model" ]; do sleep 1; done
    sleep 3
    kill $pid
    wait $pid
    true' >"$scratch/demo.log" 2>&1 || true
[ -s "$data/shop.sqlite3" ] || { cat "$scratch/demo.log" >&2; fail "no shop in $data"; }
checksum_data() { (cd "$data" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum); }
checksum_data >"$scratch/data-before"
ok "$(wc -l <"$scratch/data-before") files in $data"

step "Upgrade to $version+upgradetest (the same program, repacked)"
dpkg-deb -R "$deb" "$scratch/upgrade"
sed -i "s/^Version: .*/Version: $version+upgradetest/" "$scratch/upgrade/DEBIAN/control"
dpkg-deb --root-owner-group -Znone -b "$scratch/upgrade" "$scratch/upgrade.deb" >/dev/null
rm -rf "$scratch/upgrade"
dpkg -i "$scratch/upgrade.deb" >/dev/null || fail "dpkg -i (upgrade)"
[ "$(dpkg-query -W -f='${Version}' "$package")" = "$version+upgradetest" ] || fail "the upgrade did not install"
as_user shop-manager --version >/dev/null || fail "the upgraded program does not start"
cmp -s "$scratch/data-before" <(checksum_data) || fail "the upgrade changed $data"
ok "upgraded; $data unchanged"

step "Purge"
# Anything under /opt/shop-manager the package did not list was written by the program.
comm -23 <(find /opt/shop-manager | sort) "$scratch/files" >"$scratch/unlisted"
[ ! -s "$scratch/unlisted" ] || { head "$scratch/unlisted" >&2; fail "files appeared in /opt/shop-manager at run time"; }
ok "the program wrote nothing into /opt/shop-manager"
if command -v apt-get >/dev/null 2>&1; then
    apt-get purge -y -q "$package" >/dev/null 2>&1 || fail "apt-get purge"
else
    dpkg --purge "$package" >/dev/null || fail "dpkg --purge"
fi
while IFS= read -r path; do
    # Folders like /usr/share/icons/hicolor/48x48/apps belong to other packages too.
    if [ -e "$path" ] && [ ! -d "$path" ] || [ -L "$path" ]; then fail "$path is still there"; fi
done <"$scratch/files"
left="$(find /opt /usr -path '*shop-manager*' ! -path '/opt/shop-manager-ci/*' ! -path '/opt/shop-manager-ci' 2>/dev/null || true)"
[ -z "$left" ] || { echo "$left" >&2; fail "left behind under /opt or /usr"; }
ok "every file of the package is gone; nothing named shop-manager under /opt or /usr"
cmp -s "$scratch/data-before" <(checksum_data) || fail "removal changed $data"
ok "$test_user's shop is still there, unchanged"

printf '\nPackage test passed in %d s: %s\n' "$((SECONDS - start))" "$(basename "$deb")"
