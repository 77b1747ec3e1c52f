#!/usr/bin/env bash
# The Debian packages `make package` needs on the build machine, installed when
# missing (as root, with apt-get); otherwise it names them and stops.
#
#   packaging/linux/install-build-deps.sh PYTHON
#
# Not part of `make test`: only packaging needs these.
set -euo pipefail

python=$1

# Tools: dpkg-shlibdeps, dpkg-parsechangelog (dpkg-dev); strip and objdump, which
# PyInstaller uses (binutils); RPATH editing (patchelf); the checks (lintian,
# appstreamcli, desktop-file-validate); xz for dpkg-deb.
TOOLS=(dpkg-dev binutils patchelf xz-utils lintian appstream desktop-file-utils)
# The system libraries the bundle links to and does not carry. They must be on
# the build machine for dpkg-shlibdeps to turn them into the .deb's Depends: (it
# reads their symbols files); PyInstaller also checks them. Keep in step with
# the Depends: line build-deb.sh prints: dpkg-shlibdeps stops with "cannot find
# library" when one is missing here.
LIBS=(
    libc6 libgcc-s1 libstdc++6 zlib1g libzstd1 libbz2-1.0 liblzma5 libffi8 libuuid1 libsqlite3-0 libssl3
    libglib2.0-0 libdbus-1-3 libfontconfig1 libfreetype6 libegl1 libgl1
    libx11-6 libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0
    libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
    libxcb-xfixes0 libxcb-xkb1
    libwayland-client0 libwayland-cursor0 libwayland-egl1
)

installed() {  # also true for a name another package provides (Ubuntu 24.04's libssl3t64 ...)
    dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -q '^install ok installed' \
        || dpkg-query -W -f='${Provides}\n' 2>/dev/null | tr ',' '\n' | sed 's/ *(.*//; s/^ *//' | grep -qx "$1"
}

missing=()
for package in "${TOOLS[@]}" "${LIBS[@]}"; do
    installed "$package" || missing+=("$package")
done

# PyInstaller bundles libpython: a Python built without --enable-shared (Debian's
# and Ubuntu's python3.x) needs the separate libpython3.x package.
if "$python" -c 'import PyInstaller' >/dev/null 2>&1 \
        && ! "$python" -c 'from PyInstaller.depend.bindepend import get_python_library_path as p; assert p()' \
        >/dev/null 2>&1; then
    libpython="libpython$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    echo "PyInstaller finds no shared libpython for $python: needs $libpython (or a Python built --enable-shared)."
    missing+=("$libpython")
fi

[ "${#missing[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "--- apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q -o Acquire::Retries=3
    apt-get install -y -q --no-install-recommends -o Acquire::Retries=3 "${missing[@]}"
else
    echo "make package needs these Debian packages: sudo apt-get install ${missing[*]}" >&2
    exit 1
fi
