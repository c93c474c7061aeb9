#!/bin/sh
# Rebuild rivers.geojson from nothing and compare it with the committed file.
#
#   sh regenerate_rivers.sh WORKDIR          (WORKDIR: a new or empty folder; nothing is written elsewhere)
#
# Makes WORKDIR/venv (pinned Python packages), WORKDIR/vendor-rivers (the Debian package,
# unpacked), WORKDIR/out/rivers.geojson, then checks it against ../SHA256SUMS. Needs what
# fetch_rivers_inputs.sh needs (apt lists current) plus python3 with venv and pip.
# Measured: about 30 s with a warm pip cache; ~250 MB of disk.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
KIT=$(dirname "$HERE")
W=${1:?usage: sh regenerate_rivers.sh WORKDIR}
mkdir -p "$W"
W=$(cd "$W" && pwd)
cd "$W"

echo "== Python venv with the pinned packages (requirements-rivers.txt)"
python3 -m venv venv
venv/bin/python -m pip install -q --disable-pip-version-check -r "$HERE/requirements-rivers.txt"

echo "== registry input"
sh "$HERE/fetch_rivers_inputs.sh" vendor-rivers

echo "== build"
venv/bin/python "$HERE/build_rivers.py" --gshhg vendor-rivers/usr/share/gmt-gshhg/binned_river_f.nc \
    --basemap "$KIT" --out out

echo "== compare with the kit (SHA256SUMS)"
(cd out && grep ' rivers.geojson$' "$KIT/SHA256SUMS" | sha256sum -c -)
echo "identical to $KIT/rivers.geojson"
