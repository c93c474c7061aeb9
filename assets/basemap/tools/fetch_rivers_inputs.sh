#!/bin/sh
# Fetch the one registry input of build_rivers.py into a vendor folder, check it, unpack it.
#
#   sh fetch_rivers_inputs.sh [VENDOR_DIR]          (default: ./vendor-rivers)
#
# Needs: a Debian 12 (bookworm) apt setup whose package lists are current ('apt-get update' once,
# as root), dpkg-deb, sha256sum. Downloads one package, Debian's gmt-gshhg-full 2.3.7-6 (41.5 MB,
# GSHHG 2.3.7, LGPL-3.0-or-later), without installing it, checks it against rivers_inputs.sha256
# and unpacks only the river file and the copyright notice. Nothing from it is committed; the
# build reads usr/share/gmt-gshhg/binned_river_f.nc (7.6 MB).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DEST=${1:-vendor-rivers}
mkdir -p "$DEST"
cd "$DEST"

echo "== Debian: gmt-gshhg-full 2.3.7-6 (download only)"
if [ ! -f gmt-gshhg-full_2.3.7-6_all.deb ]; then
    apt-get download gmt-gshhg-full=2.3.7-6
fi

echo "== unpack the river file and the copyright notice"
dpkg-deb --fsys-tarfile gmt-gshhg-full_2.3.7-6_all.deb \
    | tar -x ./usr/share/gmt-gshhg/binned_river_f.nc ./usr/share/doc/gmt-gshhg-full/copyright

echo "== sha256"
sha256sum -c "$HERE/rivers_inputs.sha256"

echo "vendor ready: $(pwd)"
echo "next: python3 $HERE/build_rivers.py --gshhg $(pwd)/usr/share/gmt-gshhg/binned_river_f.nc --out OUT_DIR"
