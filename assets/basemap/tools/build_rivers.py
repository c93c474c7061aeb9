#!/usr/bin/env python3
"""Build rivers.geojson (main Dutch rivers as named lines, WGS84) from GSHHG's WDB II river layer.

    python3 build_rivers.py --gshhg VENDOR/usr/share/gmt-gshhg/binned_river_f.nc \
        --basemap assets/basemap --out OUT_DIR [--check-only]

Input (sha256 checked below; fetch_rivers_inputs.sh fetches and checks the archive):
  Debian gmt-gshhg-full 2.3.7-6   usr/share/gmt-gshhg/binned_river_f.nc   GSHHG 2.3.7 river lines
      (CIA World Data Bank II, processed by P. Wessel and W. H. F. Smith), LGPL-3.0-or-later
  assets/basemap/land.geojson, plaatsen.json (this kit): the clip area and the places whose
      positions name the river lines (see RIVERS).

Method (no coordinate is drawn or edited by hand):
 1. Decode GSHHG's binned netCDF-4 river file (1-degree bins, points as 1/65535 degree offsets
    from each bin's south-west corner; the decoder was checked point for point against
    `gmt coast -Ia -Df -M` of GMT 6.4.0). Keep WDB II levels 1-4 (permanent rivers) and 8-9
    (canals); level 0 (both banks of "river-lakes", i.e. the Biesbosch) is not a centre line.
 2. Project to RD New (EPSG:28992), clip to the Dutch land (holes filled) plus 1.5 km, node
    all lines at their crossings and build a graph.
 3. Name lines by an explicit table (RIVERS): each river is the shortest path through the
    graph that passes the listed places (gazetteer positions from plaatsen.json), in order.
    'j:' = start/end at the junction nearest that place, 'e:' = at the loose end nearest that
    place (river mouth or clip edge), a bare place = at the point of the line nearest it;
    'Name@GMnnnn' picks one of two places of the same name by municipality code.
    No graph edge may get two names. Lines that no river in the table passes are left out
    (logged).
 4. Simplify each river with Douglas-Peucker at SIMPLIFY_M metres (shared end points stay
    identical), back to WGS84, 5 decimals, written in a fixed order (RIVERS order).
Deterministic: the same inputs and package versions give a byte-identical file.
"""
import argparse
import hashlib
import heapq
import json
import os
import sys

import h5py
import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiLineString, Point, shape

SHA256 = {
    'binned_river_f.nc': '1e0f34b06bb73fa21ee1a52764d6979521c3342215e0a2cdc8de6c72d37d0cb6',
    'land.geojson': '87fb88a79f3dd5c4039acf783702695f5e26c1e06370eec6f2b9de740e1993c9',
    'plaatsen.json': 'e776d031af992a9d716fc42a26543ee52643cec88185113aefac38b34e04c4b1',
}
BBOX = (2.5, 50.3, 8.0, 54.0)       # lon/lat window decoded from the global file
LEVELS = {1, 2, 3, 4, 8, 9}         # WDB II: 1-4 permanent rivers (major..minor), 8-9 canals
CLIP_M = 1500                       # metres of margin around the Dutch land (border rivers)
SNAP_JUNCTION_M = 6000              # a 'j:' place must lie this close to a junction
SNAP_END_M = 12000                  # an 'e:' place must lie this close to a loose end
SNAP_LINE_M = 4000                  # a bare place must lie this close to a line
DANGLE_M = 150                      # loose ends this close to another line are joined to it
SIMPLIFY_M = 20                     # Douglas-Peucker tolerance (the source is good to ~100-250 m)
NODE_GRID_M = 0.01                  # noding precision in RD metres

# name, kind, rank (1 = main river, 2 = other named river or canal, 3 = minor), route through
# gazetteer places (see step 3 above). Dutch names as commonly written.
RIVERS = [
    ('Bovenrijn', 'rivier', 1, ['e:Lobith', 'j:Pannerden']),
    ('Pannerdensch Kanaal', 'kanaal', 2, ['j:Pannerden', 'j:Westervoort']),
    ('Nederrijn', 'rivier', 1, ['j:Westervoort', 'Arnhem', 'Wageningen', 'Rhenen', 'Wijk bij Duurstede']),
    ('Lek', 'rivier', 1, ['Wijk bij Duurstede', 'Culemborg', 'Vianen', 'Schoonhoven', 'j:Alblasserdam']),
    ('IJssel', 'rivier', 1, ['j:Westervoort', 'Dieren', 'Zutphen', 'Deventer', 'Olst', 'Hattem', 'Kampen', 'e:Kampen']),
    ('Waal', 'rivier', 1, ['j:Pannerden', 'Nijmegen', 'Tiel', 'Zaltbommel', 'Woudrichem']),
    ('Boven-Merwede', 'rivier', 2, ['Woudrichem', 'Gorinchem', 'j:Werkendam']),
    ('Beneden-Merwede', 'rivier', 2, ['j:Werkendam', 'Sliedrecht', 'j:Papendrecht']),
    ('Nieuwe Merwede', 'rivier', 2, ['j:Werkendam', 'e:Sliedrecht']),
    ('Noord', 'rivier', 2, ['j:Papendrecht', 'Alblasserdam', 'j:Alblasserdam']),
    ('Nieuwe Maas', 'rivier', 1, ['j:Alblasserdam', 'Rotterdam', 'j:Vlaardingen']),
    ('Nieuwe Waterweg', 'kanaal', 1, ['j:Vlaardingen', 'Maassluis', 'e:Hoek van Holland']),
    ('Oude Maas', 'rivier', 2, ['j:Papendrecht', 'Zwijndrecht', 'Barendrecht', 'Spijkenisse', 'j:Vlaardingen']),
    ('Dordtsche Kil', 'rivier', 2, ['j:Zwijndrecht', 'e:Moerdijk']),
    ('Spui', 'rivier', 2, ['j:Oud-Beijerland', 'e:Piershil']),
    ('Maas', 'rivier', 1, ['e:Eijsden', 'Maastricht', 'Roermond', 'Venlo', 'Gennep', 'Cuijk', 'Grave', 'Lith', 'Heusden@GM0797']),
    ('Bergsche Maas', 'rivier', 2, ['Heusden@GM0797', 'Waalwijk', 'Geertruidenberg']),
    ('Amer', 'rivier', 2, ['Geertruidenberg', 'e:Geertruidenberg']),
    ('Schelde-Rijnkanaal', 'kanaal', 3, ['e:Tholen', 'e:Nieuw-Vossemeer']),
]

TO_RD = Transformer.from_crs(4326, 28992, always_xy=True)
TO_WGS = Transformer.from_crs(28992, 4326, always_xy=True)


def log(*a):
    print(*a, flush=True)


def sha256(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def checked(path):
    name = os.path.basename(path)
    got = sha256(path)
    if got != SHA256[name]:
        sys.exit(f'{path}: sha256 {got} is not the expected {SHA256[name]}')
    return path


def to_rd(g):
    return shapely.transform(g, lambda c: np.column_stack(TO_RD.transform(c[:, 0], c[:, 1])))


def to_wgs(g):
    return shapely.transform(g, lambda c: np.column_stack(TO_WGS.transform(c[:, 0], c[:, 1])))


# ---------------------------------------------------------------------------------------------
def read_gshhg_rivers(path, bbox):
    """[(level, lon/lat array)] of every GSHHG river segment in bins touching bbox."""
    W, S, E, N = bbox
    with h5py.File(path, 'r') as f:
        v = {k: f[k][()] for k in f.keys() if not k.startswith('Dimension_')}
    bin_deg = int(v['Bin_size_in_minutes'][0]) / 60.0
    nx = int(v['N_bins_in_360_longitude_range'][0])
    scale = bin_deg / 65535.0
    dx = v['Relative_longitude_from_SW_corner_of_bin'].view(np.uint16)
    dy = v['Relative_latitude_from_SW_corner_of_bin'].view(np.uint16)
    first_seg, nseg = v['Id_of_first_segment_in_a_bin'], v['N_segments_in_a_bin']
    npts, level = v['N_points_for_a_segment'], v['Hierarchial_level_of_a_segment']
    first_pt = v['Id_of_first_point_in_a_segment']
    out = []
    for b in range(len(first_seg)):
        lon_sw = (b % nx) * bin_deg
        if lon_sw >= 180:
            lon_sw -= 360
        lat_sw = 90.0 - (b // nx + 1) * bin_deg
        if lon_sw + bin_deg < W or lon_sw > E or lat_sw + bin_deg < S or lat_sw > N:
            continue
        for s in range(first_seg[b], first_seg[b] + nseg[b]):
            p0, n = int(first_pt[s]), int(npts[s])
            xy = np.column_stack([lon_sw + dx[p0:p0 + n] * scale, lat_sw + dy[p0:p0 + n] * scale])
            out.append((int(level[s]), xy))
    return out


# ---------------------------------------------------------------------------------------------
class Graph:
    """Undirected graph of noded line pieces (RD metres). Nodes are coordinate tuples."""

    def __init__(self, lines):
        self.edges = []                 # [(a, b, coords)]
        self.adj = {}
        for ln in lines:
            c = [tuple(p) for p in np.asarray(ln.coords)]
            self.add(c)

    def add(self, c):
        i = len(self.edges)
        self.edges.append((c[0], c[-1], c))
        self.adj.setdefault(c[0], []).append(i)
        self.adj.setdefault(c[-1], []).append(i)

    def degree(self, n):
        return len(self.adj[n])

    def length(self, i):
        return LineString(self.edges[i][2]).length

    def split(self, i, d):
        """Split edge i at distance d along it; returns the new node."""
        a, b, c = self.edges[i]
        ln = LineString(c)
        p = ln.interpolate(d)
        node = (round(p.x / NODE_GRID_M) * NODE_GRID_M, round(p.y / NODE_GRID_M) * NODE_GRID_M)
        if node in (a, b):
            return node
        acc = 0.0
        for k in range(len(c) - 1):
            seg = LineString(c[k:k + 2]).length
            if acc + seg >= d:
                first, second = c[:k + 1] + [node], [node] + c[k + 1:]
                break
            acc += seg
        self.edges[i] = None
        self.adj[a].remove(i)
        self.adj[b].remove(i)
        self.add(first)
        self.add(second)
        return node

    def path(self, s, t):
        """Dijkstra: list of (edge index, forward?) from node s to node t."""
        dist, prev, heap = {s: 0.0}, {}, [(0.0, s)]
        while heap:
            d, n = heapq.heappop(heap)
            if n == t:
                break
            if d > dist.get(n, 1e30):
                continue
            for i in self.adj[n]:
                a, b, _ = self.edges[i]
                m = b if a == n else a
                nd = d + self.length(i)
                if nd < dist.get(m, 1e30):
                    dist[m], prev[m] = nd, (i, n)
                    heapq.heappush(heap, (nd, m))
        if t not in dist:
            return None
        out, n = [], t
        while n != s:
            i, p = prev[n]
            out.append((i, self.edges[i][0] == p))
            n = p
        return out[::-1]


def join_dangles(lines, area):
    """WDB II digitised some branches to end a few metres short of the river they leave (the
    Pannerdensch Kanaal starts 3.7 m from the Rhine, the IJssel 80 m from the Nederrijn). Extend such a loose end by one straight
    piece to the nearest point of the other line when that is within DANGLE_M; no vertex moves.
    Where two loose ends face each other across a gap, the gap is closed once, end to end."""
    ends = {}
    for ln in lines:
        for c in (ln.coords[0], ln.coords[-1]):
            ends[c] = ends.get(c, 0) + 1
    tree = shapely.STRtree(lines)
    shapely.prepare(area)
    out, joined = [], []
    for k, ln in enumerate(lines):
        c = list(ln.coords)
        for at in (0, -1):
            if ends[c[at]] > 1:
                continue                      # shared with another segment (bin edge, junction)
            p = Point(c[at])
            if not area.contains(p):
                continue
            best = None
            for j in tree.query(p.buffer(DANGLE_M)):
                if j == k:
                    continue
                d = lines[j].distance(p)
                if 0 < d <= DANGLE_M and (best is None or d < best[0]):
                    best = (d, lines[j])
            if best:
                q = best[1].interpolate(best[1].project(p))
                for e in (best[1].coords[0], best[1].coords[-1]):
                    if Point(e).distance(q) < 0.01:   # a gap between two loose ends: close it once
                        q = Point(e)
                        ends[e] += 1
                if at == 0:
                    c.insert(0, (q.x, q.y))
                else:
                    c.append((q.x, q.y))
                joined.append((best[0], to_wgs(p)))
        out.append(LineString(c))
    log(f'loose ends joined to a line within {DANGLE_M} m: {len(joined)}')
    for d, p in sorted(joined, key=lambda dp: (dp[1].y, dp[1].x)):
        log(f'    {d:5.1f} m at {p.y:.4f}N {p.x:.4f}E')
    return out


def build(gshhg, basemap):
    land = [shape(f['geometry']) for f in json.load(open(checked(os.path.join(basemap, 'land.geojson')),
                                                         encoding='utf-8'))['features']]
    towns = {}
    for t in json.load(open(checked(os.path.join(basemap, 'plaatsen.json')), encoding='utf-8')):
        towns.setdefault(t['name'], []).append(t)

    segs = read_gshhg_rivers(checked(gshhg), BBOX)
    levels = {}
    for lv, _ in segs:
        levels[lv] = levels.get(lv, 0) + 1
    log(f'GSHHG river segments in {BBOX}: {len(segs)} by level {dict(sorted(levels.items()))}')

    # clip area: land with its holes filled (delta waters, harbours), plus CLIP_M
    area = shapely.union_all([shapely.Polygon(p.exterior) for g in land for p in getattr(g, 'geoms', [g])])
    area = to_rd(area).buffer(CLIP_M)
    lines = [to_rd(LineString(xy)) for lv, xy in segs if lv in LEVELS and len(xy) > 1]
    lines = [ln for ln in lines if ln.length > 0]
    lines = join_dangles(lines, area)
    noded = shapely.set_precision(shapely.union_all(lines), NODE_GRID_M)
    noded = shapely.intersection(noded, area)
    pieces = [g for g in shapely.get_parts(noded) if g.length > 0]
    log(f'kept levels {sorted(LEVELS)}: {len(pieces)} noded pieces, {sum(g.length for g in pieces) / 1000:.1f} km '
        f'inside the land + {CLIP_M} m')
    G = Graph(pieces)

    # place -> node
    def town_rd(spec):
        name, _, code = spec.partition('@')
        found = [t for t in towns.get(name, []) if not code or t['cbs_code'] == code]
        if len(found) != 1:
            sys.exit(f'place {spec!r}: {len(found)} matches in plaatsen.json (add @GMnnnn)')
        return Point(TO_RD.transform(found[0]['lon'], found[0]['lat']))

    def nearest_node(p, want, limit, label):
        best = None
        for n, es in G.adj.items():
            if not es or not want(len(es)):
                continue
            d = Point(n).distance(p)
            if best is None or d < best[0]:
                best = (d, n)
        if best is None or best[0] > limit:
            sys.exit(f'no suitable node within {limit} m of {label}')
        return best

    def nearest_line_point(p, label):
        best = None
        for i, e in enumerate(G.edges):
            if e is None:
                continue
            ln = LineString(e[2])
            d = ln.distance(p)
            if best is None or d < best[0]:
                best = (d, i, ln.project(p))
        if best[0] > SNAP_LINE_M:
            sys.exit(f'no line within {SNAP_LINE_M} m of {label} ({best[0]:.0f} m)')
        return best

    resolved = {}

    def node_for(spec):
        if spec in resolved:
            return resolved[spec]
        if spec.startswith('j:'):
            d, n = nearest_node(town_rd(spec[2:]), lambda k: k >= 3, SNAP_JUNCTION_M, spec)
        elif spec.startswith('e:'):
            d, n = nearest_node(town_rd(spec[2:]), lambda k: k == 1, SNAP_END_M, spec)
        else:
            d, i, along = nearest_line_point(town_rd(spec), spec)
            n = G.split(i, along)
        resolved[spec] = n
        return n

    # resolve bare places first (they split edges), then junctions and ends
    for _, _, _, route in RIVERS:
        for spec in route:
            if ':' not in spec:
                node_for(spec)
    feats, used = [], {}
    for name, kind, rank, route in RIVERS:
        nodes = [node_for(s) for s in route]
        coords, edges = [], []
        for s, t in zip(nodes, nodes[1:]):
            p = G.path(s, t)
            if p is None:
                sys.exit(f'{name}: no path from {s} to {t}')
            for i, fwd in p:
                c = G.edges[i][2] if fwd else G.edges[i][2][::-1]
                coords += c if not coords else c[1:]
                edges.append(i)
        for i in edges:
            if i in used and used[i] != name:
                sys.exit(f'{name} and {used[i]} share a line piece: check their places')
            used[i] = name
        ln = LineString(coords)
        log(f'  {name:20s} {kind:7s} rank {rank}  {ln.length / 1000:6.1f} km  via {", ".join(route)}')
        feats.append((name, kind, rank, ln))
    left = [(i, e) for i, e in enumerate(G.edges) if e is not None and i not in used]
    left_km = sum(LineString(e[2]).length for _, e in left) / 1000
    log(f'left out (no name in RIVERS): {len(left)} pieces, {left_km:.1f} km')
    for i, e in sorted(left, key=lambda ie: -LineString(ie[1][2]).length)[:12]:
        ln = to_wgs(LineString(e[2]))
        mid = ln.interpolate(0.5, normalized=True)
        log(f'    {LineString(e[2]).length / 1000:5.1f} km around {mid.y:.3f}N {mid.x:.3f}E')
    return feats


def fmt(x):
    s = f'{x:.5f}'.rstrip('0').rstrip('.')
    return '0' if s in ('-0', '') else s


def write(feats, path):
    lines = []
    nverts = 0
    for name, kind, rank, ln in feats:
        g = to_wgs(ln.simplify(SIMPLIFY_M, preserve_topology=False))
        pts = []
        for x, y in g.coords:
            p = (fmt(x), fmt(y))
            if not pts or pts[-1] != p:
                pts.append(p)
        assert len(pts) >= 2, name
        nverts += len(pts)
        props = json.dumps({'name': name, 'kind': kind, 'rank': rank}, ensure_ascii=False, separators=(',', ':'))
        c = ','.join(f'[{x},{y}]' for x, y in pts)
        lines.append(f'{{"type":"Feature","properties":{props},"geometry":{{"type":"LineString","coordinates":[{c}]}}}}')
    with open(path, 'w', encoding='utf-8', newline='\n') as fh:
        fh.write('{"type":"FeatureCollection","features":[\n' + ',\n'.join(lines) + '\n]}\n')
    log(f'wrote {path}: {len(feats)} features, {nverts} vertices, {os.path.getsize(path):,} bytes, '
        f'sha256 {sha256(path)}')


def check(path):
    """The checks the app's tests also make, plus a few on the build."""
    j = json.load(open(path, encoding='utf-8'))
    assert j['type'] == 'FeatureCollection'
    names = []
    for f in j['features']:
        p, g = f['properties'], f['geometry']
        assert set(p) == {'name', 'kind', 'rank'} and p['name'] and p['kind'] in ('rivier', 'kanaal', 'estuarium')
        assert g['type'] in ('LineString', 'MultiLineString')
        parts = [g['coordinates']] if g['type'] == 'LineString' else g['coordinates']
        for part in parts:
            assert len(part) >= 2
            for x, y in part:
                assert 3.2 < x < 7.3 and 50.7 < y < 53.7, (p['name'], x, y)
                assert round(x, 5) == x and round(y, 5) == y
        assert shape(g).is_simple or g['type'] == 'MultiLineString', f'{p["name"]} crosses itself'
        names.append(p['name'])
    assert len(names) == len(set(names)), 'duplicate names'
    for must in ('Nieuwe Maas', 'Nieuwe Waterweg', 'Oude Maas', 'Waal', 'Nederrijn', 'Lek', 'Maas', 'IJssel'):
        assert must in names, must
    assert os.path.getsize(path) < 150_000
    log(f'checks passed: {path}')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--gshhg', required=True, help='binned_river_f.nc from Debian gmt-gshhg-full 2.3.7-6')
    ap.add_argument('--basemap', default=os.path.join(os.path.dirname(__file__), '..'),
                    help='folder with land.geojson and plaatsen.json (default: assets/basemap)')
    ap.add_argument('--out', required=True, help='output folder')
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    out = os.path.join(a.out, 'rivers.geojson')
    write(build(a.gshhg, a.basemap), out)
    check(out)


if __name__ == '__main__':
    main()
