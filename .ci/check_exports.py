#!/usr/bin/env python3
"""Opens the atlas's data exports in the programs analysts use and checks what they see.

- XLSX with openpyxl: one sheet per table, the header row frozen, an autofilter over the
  table, every cell of a number column a number (not text), in every sheet.
- GeoJSON with GDAL (ogrinfo): point, polygon and line geometries, each feature with its
  source; and against RFC 7946 itself: a FeatureCollection of Features, positions as
  [lon, lat] inside the Netherlands, no NaN or Infinity, closed rings, unique ids, no `crs`.
- CSV with Python's csv module: a UTF-8 byte-order mark; ',' and decimal points, or for
  Dutch Excel ';', decimal commas in every number and CRLF line ends.
- The same at scale: a generated dataset of 10,000 places exported as XLSX (written in
  constant-memory mode), GeoJSON and CSV, read back whole.
- A user's own organisations, written by openpyxl as .xlsx and by csv as .csv, read back
  by `innovation-atlas check` (exit 0), and a bad latitude refused naming row and column.

Usage: check_exports.py path/to/innovation-atlas
"""

import csv
import io
import json
import math
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

BIN = sys.argv[1] if len(sys.argv) > 1 else "target/release/innovation-atlas"
OUT = Path(tempfile.mkdtemp(prefix="atlas-exports-"))
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(*args):
    return subprocess.run([BIN, *args], capture_output=True, text=True)


# --- XLSX ---------------------------------------------------------------------------
xlsx = OUT / "atlas.xlsx"
r = run("export", "--format", "xlsx", "--out", str(xlsx))
check(r.returncode == 0, f"export --format xlsx ({r.stderr.strip()})")
wb = openpyxl.load_workbook(xlsx)
print("     sheets:", wb.sheetnames)
check(
    wb.sheetnames
    == ["Plaatsen", "Deelregio's", "Kruisbestuivingen", "Projectfiches", "Kerncijfers", "Bronnen"],
    "one sheet per table, Dutch names by default",
)
for ws in wb.worksheets:
    check(ws.freeze_panes == "A2", f"{ws.title}: header row frozen ({ws.freeze_panes})")
    check(bool(ws.auto_filter.ref) and ws.auto_filter.ref.startswith("A1:"), f"{ws.title}: autofilter {ws.auto_filter.ref}")
    check(ws.max_row > 1, f"{ws.title}: {ws.max_row - 1} rows")
ws = wb["Plaatsen"]
header = [c.value for c in ws[1]]
col = {h: i for i, h in enumerate(header)}
rows = list(ws.iter_rows(min_row=2, values_only=True))
num = (int, float)
check(all(isinstance(r[col["lat"]], num) and isinstance(r[col["lon"]], num) for r in rows), "lat and lon are numbers")
check(ws.cell(row=2, column=col["lat"] + 1).data_type == "n", "lat cells have the numeric type")
companies = [r[col["bedrijven"]] for r in rows if r[col["bedrijven"]] is not None]
check(companies and all(isinstance(v, (int, float)) for v in companies), f"companies are numbers ({len(companies)} given)")
tpy = next(r for r in rows if r[col["id"]] == "zh-tpy")
check(tpy[col["bedrijven"]] == 25 and tpy[col["bronbestand"]] == "001_683bde24a5de3812.txt", "TPY: 25 companies, seed file cited")
# Every cell of a number column is a number (or empty), in every sheet.
NUMBER_COLUMNS = {
    "Plaatsen": ["lat", "lon", "bedrijven", "nauwkeurigheid_m"],
    "Deelregio's": ["aantal_gemeenten", "lat", "lon"],
    "Projectfiches": ["budget_eur", "budget_max_eur"],
    "Kerncijfers": ["waarde", "waarde_max", "jaar"],
}
for title, names in NUMBER_COLUMNS.items():
    sheet = wb[title]
    head = [c.value for c in sheet[1]]
    for name in names:
        i = head.index(name)
        cells = [row[i] for row in sheet.iter_rows(min_row=2) if row[i].value is not None]
        bad = [c.coordinate for c in cells if c.data_type != "n" or not isinstance(c.value, num)]
        check(cells and not bad, f"{title}: {name} is a number in all {len(cells)} cells {bad[:3]}")
widths = [ws.column_dimensions[c].width for c in "ABCDEFGH"]
check(all(w and 6 <= w <= 60 for w in widths), f"column widths set: {widths}")

en = OUT / "zh.xlsx"
r = run("export", "--format", "xlsx", "--lang", "en", "--sectors", "robotics,quantum", "--regions", "zuid-holland", "--out", str(en))
check(r.returncode == 0, "export --sectors robotics,quantum --regions zuid-holland --lang en")
wb = openpyxl.load_workbook(en)
ws = wb["Places"]
header = [c.value for c in ws[1]]
regions = {row[header.index("region")] for row in ws.iter_rows(min_row=2, values_only=True)}
sectors = [row[header.index("sectors")] for row in ws.iter_rows(min_row=2, values_only=True)]
check(regions == {"South Holland"}, f"only Zuid-Holland, named in English: {regions}")
check(all("robotics" in s or "quantum" in s for s in sectors), f"only robotics or quantum ({len(sectors)} places)")

# --- GeoJSON ------------------------------------------------------------------------
geo = OUT / "atlas.geojson"
r = run("export", "--format", "geojson", "--out", str(geo))
check(r.returncode == 0, "export --format geojson")
info = subprocess.run(
    ["ogrinfo", "-ro", str(geo), "-dialect", "SQLite", "-sql",
     'SELECT GeometryType(geometry) AS geom, count(*) AS n FROM "innovation-atlas" GROUP BY geom'],
    capture_output=True, text=True,
)
print(info.stdout)
types = {}
geom = None
for line in info.stdout.splitlines():
    line = line.strip()
    if line.startswith("geom (String) = "):
        geom = line.split("= ", 1)[1]
    elif line.startswith("n (Integer) = ") and geom:
        types[geom] = int(line.split("= ", 1)[1])
check(types.get("POINT", 0) > 100, f"GDAL reads points: {types.get('POINT')}")
check(types.get("MULTIPOLYGON", 0) == 7, f"GDAL reads the 7 sub-regions as multipolygons: {types.get('MULTIPOLYGON')}")
lines = types.get("LINESTRING", 0) + types.get("MULTILINESTRING", 0)
check(lines > 20, f"GDAL reads cross-pollinations and routes as lines: {lines}")
features = json.loads(geo.read_text())["features"]
check(all(f["properties"].get("source") and f["properties"].get("source_file") for f in features), "every feature has its source and file")

# RFC 7946 basics, checked on the text itself.
NL_LON, NL_LAT = (3.2, 7.3), (50.7, 53.6)


def reject_constant(name):
    raise ValueError(f"{name} is not JSON (RFC 8259), so not GeoJSON")


def rfc7946(path):
    """Problems of a GeoJSON file against RFC 7946 (the first few of each kind)."""
    problems = []
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"), parse_constant=reject_constant)
    except ValueError as e:
        return [str(e)]
    if doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        return ["not a FeatureCollection with a features list"]
    if "crs" in doc:
        problems.append("a crs member (RFC 7946 fixes WGS84 and drops crs)")
    seen = set()

    def position(p, where):
        if not (isinstance(p, list) and len(p) in (2, 3) and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in p)):
            problems.append(f"{where}: {p!r} is not a position")
            return
        lon, lat = p[0], p[1]
        if not (math.isfinite(lon) and math.isfinite(lat)):
            problems.append(f"{where}: {p!r} is not finite")
        elif not (NL_LON[0] <= lon <= NL_LON[1] and NL_LAT[0] <= lat <= NL_LAT[1]):
            problems.append(f"{where}: {p!r} is not [lon, lat] in the Netherlands")

    def ring(r, where):
        if len(r) < 4 or r[0] != r[-1]:
            problems.append(f"{where}: a ring of {len(r)} positions that is not closed")
        for p in r:
            position(p, where)

    for f in doc["features"]:
        fid = f.get("id")
        where = f"feature {fid}"
        if f.get("type") != "Feature" or not isinstance(f.get("properties"), dict):
            problems.append(f"{where}: not a Feature with properties")
        if not isinstance(fid, (str, int)) or fid in seen:
            problems.append(f"{where}: id missing or not unique")
        seen.add(fid)
        g = f.get("geometry") or {}
        t, c = g.get("type"), g.get("coordinates")
        if t == "Point":
            position(c, where)
        elif t in ("LineString", "MultiPoint"):
            if t == "LineString" and len(c) < 2:
                problems.append(f"{where}: a line of {len(c)} positions")
            for p in c:
                position(p, where)
        elif t == "MultiLineString":
            for line in c:
                if len(line) < 2:
                    problems.append(f"{where}: a line of {len(line)} positions")
                for p in line:
                    position(p, where)
        elif t == "Polygon":
            for r in c:
                ring(r, where)
        elif t == "MultiPolygon":
            for poly in c:
                for r in poly:
                    ring(r, where)
        else:
            problems.append(f"{where}: geometry type {t!r}")
    return problems


problems = rfc7946(geo)
check(not problems, f"GeoJSON meets RFC 7946 ({len(features)} features): {problems[:3]}")

# --- CSV ----------------------------------------------------------------------------
for fmt, delim in (("csv", ","), ("csv-nl", ";")):
    path = OUT / f"places-{fmt}.csv"
    r = run("export", "--format", fmt, "--out", str(path))
    check(r.returncode == 0, f"export --format {fmt}")
    raw = path.read_bytes()
    check(raw.startswith(b"\xef\xbb\xbf"), f"{fmt}: UTF-8 byte-order mark")
    text = raw.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:4000], delimiters=",;")
    check(dialect.delimiter == delim, f"{fmt}: '{dialect.delimiter}' between fields")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=delim))
    lat = rows[0]["lat"]
    if fmt == "csv":
        check("." in lat and "," not in lat, f"{fmt}: decimal point ({lat})")
    else:
        check("," in lat and "." not in lat, f"{fmt}: decimal comma ({lat})")
        coords = [r[k] for r in rows for k in ("lat", "lon")]
        # A whole number ("52") has no separator; any other has a comma and no point.
        bad = [v for v in coords if not re.fullmatch(r"-?\d+(,\d+)?", v)]
        check(not bad, f"{fmt}: a decimal comma in all {len(coords)} coordinates {bad[:3]}")
        lines = raw.split(b"\n")[:-1]
        check(all(line.endswith(b"\r") for line in lines), f"{fmt}: CRLF line ends ({len(lines)} lines)")
    check(any("ë" in v or "é" in v or "â" in v for r in rows for v in r.values() if v), f"{fmt}: accents intact")

# --- The user's own organisations in --------------------------------------------------
orgs = OUT / "orgs.xlsx"
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["Naam", "Plaats", "Lat", "Lon", "Sector(en)", "Soort", "Bedrijven"])
ws.append(["Werkplaats Delft", "Delft", 52.0116, 4.3571, "Robotica", "bedrijf", 12])
ws.append(["Alleen Plaats BV", "Zwolle", None, None, "quantum", None, None])
wb.save(orgs)
r = run("check", str(orgs))
check(r.returncode == 0 and "2 of 2 rows loaded" in r.stdout, f"check orgs.xlsx (openpyxl): {r.stdout.strip()} {r.stderr.strip()}")
bad = OUT / "orgs.csv"
with open(bad, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";")
    w.writerows([["naam", "plaats", "lat", "lon"], ["A", "Delft", "52,01", "4,36"], ["B", "", "52,1", "4,4"], ["C", "", "abc", "4,4"]])
r = run("check", str(bad))
check(r.returncode == 1 and "row 4, column `lat` (C)" in r.stderr, f"check orgs.csv refuses the bad latitude: {r.stderr.strip().splitlines()[:2]}")

# --- At scale: 10,000 places ---------------------------------------------------------
big = OUT / "big"
r = run("generate", "--places", "10000", "--out", str(big))
check(r.returncode == 0, f"generate --places 10000 ({r.stderr.strip()})")
bx = OUT / "big.xlsx"
r = run("--dataset", str(big), "export", "--format", "xlsx", "--out", str(bx))
check(r.returncode == 0, f"export 10,000 places as xlsx ({r.stderr.strip()})")
wb = openpyxl.load_workbook(bx, read_only=True)
ws = wb["Plaatsen"]
head = next(ws.iter_rows(min_row=1, max_row=1, values_only=True))
lat_i = head.index("lat")
n_rows, text_lat = 0, 0
for row in ws.iter_rows(min_row=2, values_only=True):
    n_rows += 1
    text_lat += not isinstance(row[lat_i], num)
bc = OUT / "big.csv"
r = run("--dataset", str(big), "export", "--format", "csv", "--out", str(bc))
csv_rows = sum(1 for _ in csv.DictReader(io.StringIO(bc.read_text(encoding="utf-8-sig"))))
check(n_rows == csv_rows and n_rows > 9000, f"10,000 places: {n_rows} rows in the XLSX, {csv_rows} in the CSV")
check(text_lat == 0, f"10,000 places: lat a number in every row ({text_lat} are not)")
bg = OUT / "big.geojson"
r = run("--dataset", str(big), "export", "--format", "geojson", "--out", str(bg))
problems = rfc7946(bg)
check(r.returncode == 0 and not problems, f"10,000 places: GeoJSON meets RFC 7946 {problems[:3]}")

print(f"\n{len(failures)} failed")
sys.exit(1 if failures else 0)
