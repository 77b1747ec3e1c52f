#!/usr/bin/env bash
# Build Shop Manager's one-folder bundle with PyInstaller, make it free of
# build-machine paths, and prove it runs (--version, --smoke-test).
#
#   packaging/linux/build-bundle.sh PYTHON WORKDIR
#
# PYTHON: an interpreter with shop-manager installed normally (not editable, so
# its dist-info is collected) and the `package` extra (make package sets up
# .venv-package). The bundle lands in WORKDIR/dist/shop-manager/.
set -euo pipefail

# An absolute path, symlinks kept: a venv's python is a symlink to its base interpreter.
case "$1" in */*) python="$(realpath -s "$1")" ;; *) python="$(command -v "$1")" ;; esac
work="$(realpath -m "$2")"
cd "$(dirname "$0")/../.."
bundle="$work/dist/shop-manager"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' pyproject.toml)"

echo "--- PyInstaller (one folder, trimmed: packaging/shop-manager.spec)"
# Expected warnings: hidden imports pysqlite2/MySQLdb/psycopg2 (SQLAlchemy's hook
# names optional drivers) and libgtk-3 not found (the GTK theme plugin is analysed,
# then left out by the spec).
start=$SECONDS
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --workpath "$work/work" --distpath "$work/dist" packaging/shop-manager.spec
echo "PyInstaller took $((SECONDS - start)) s"

# PyInstaller keeps each library's RPATH/RUNPATH. Qt's are relative ($ORIGIN/...)
# and still right inside the bundle; the Python interpreter's extension modules
# carry the absolute lib folder of the Python they were built with (e.g. a
# pyenv or CI prefix). Drop every absolute entry and keep the relative ones.
echo "--- RPATH: removing absolute (build machine) entries"
fixed=0
while IFS= read -r -d '' file; do
    head -c 4 "$file" | grep -q 'ELF' || continue
    rpath="$(patchelf --print-rpath "$file" 2>/dev/null || true)"
    [ -n "$rpath" ] || continue
    kept="$(tr ':' '\n' <<<"$rpath" | grep '^\$ORIGIN' | paste -sd: - || true)"
    [ "$kept" = "$rpath" ] && continue
    if [ -n "$kept" ]; then patchelf --set-rpath "$kept" "$file"; else patchelf --remove-rpath "$file"; fi
    fixed=$((fixed + 1))
done < <(find "$bundle" -type f -print0)
echo "cleaned the RPATH of $fixed files"

# Nothing may point into this machine: no absolute RPATH, no text file naming the
# source tree or the interpreter's prefix. (libpython keeps its configure prefix
# as a compiled-in default; the bundle sets its own prefix at start, so it is
# never used: binaries are not searched.)
echo "--- Checking the bundle"
base_prefix="$("$python" -c 'import sys; print(sys.base_prefix)')"
bad=0
while IFS= read -r -d '' file; do
    if head -c 4 "$file" | grep -q 'ELF'; then
        if patchelf --print-rpath "$file" 2>/dev/null | tr ':' '\n' | grep -qv '^\$ORIGIN\|^$'; then
            echo "absolute RPATH left in $file" >&2; bad=1
        fi
    elif grep -qF -e "$PWD" -e "$base_prefix" "$file"; then
        echo "build-machine path in $file" >&2; bad=1
    fi
done < <(find "$bundle" -type f -print0)
[ "$bad" -eq 0 ] || exit 1

shown="$("$bundle/shop-manager" --version)"
if [ "$shown" != "shop-manager $version" ]; then
    echo "The bundle says '$shown', expected 'shop-manager $version' (package metadata not collected?)" >&2
    exit 1
fi
# The user's data folder is never touched: a throwaway HOME and XDG folders.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
HOME="$scratch" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
    XDG_CACHE_HOME="$scratch/cache" QT_QPA_PLATFORM=offscreen "$bundle/shop-manager" --smoke-test
echo "bundle: $(du -s --apparent-size --block-size=1M "$bundle" | cut -f1) MB, $(find "$bundle" -type f | wc -l) files; $shown"
