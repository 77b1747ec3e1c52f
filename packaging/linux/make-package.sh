#!/usr/bin/env bash
# `make package` on Linux: build dependencies, the bundle, the .deb; timed.
#
#   packaging/linux/make-package.sh PYTHON     (the packaging venv's interpreter)
set -euo pipefail

python=$1
cd "$(dirname "$0")/../.."
start=$SECONDS

bash packaging/linux/install-build-deps.sh "$python"
# Install the project itself afresh, not editable: the bundle takes its modules
# and its dist-info (the version) from site-packages. setuptools reuses
# build/lib, which can still hold modules since deleted from the sources.
rm -rf build/lib build/bdist.*
"$python" -m pip install --quiet --no-deps --no-build-isolation --force-reinstall .
bash packaging/linux/build-bundle.sh "$python" build/package
bash packaging/linux/build-deb.sh build/package dist

version="$(sed -n 's/^version = "\(.*\)"$/\1/p' pyproject.toml)"
deb="dist/shop-manager_${version}_$(dpkg --print-architecture).deb"
bundle_mb="$(du -s --apparent-size --block-size=1M build/package/dist/shop-manager | cut -f1)"
left_out="$(tail -n 1 build/package/work/shop-manager/trim-report.txt | awk '{print $1}')"
printf '\nmake package: %d s; bundle %s MB (trimming left out %s MB: build/package/work/shop-manager/trim-report.txt); %s %s MB\n' \
    "$((SECONDS - start))" "$bundle_mb" "$left_out" "$deb" "$(du -s --apparent-size --block-size=1M "$deb" | cut -f1)"
