//! The map view: the offline basemap with the atlas's layers, drawn with walkers.

pub mod cache;
pub mod layers;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::Arc;

use egui::{Align2, Color32, Key, RichText, Ui, Vec2};
use walkers::{Map, MapMemory};

use crate::atlas::Atlas;
use crate::basemap::{self, Basemap};
use crate::command::{Command, FlyTarget};
use crate::geo::camera::{self, Camera, View};
use crate::geo::geometry::{self, BBox};
use crate::i18n::{self, tr};
use crate::model::{Lang, PlaceKind, RegionKind};
use crate::state::{AppState, LayerSettings};
use layers::FrameOut;

/// What the visible-place cache depends on.
#[derive(Debug, Clone, PartialEq)]
struct CacheKey {
    atlas: usize,
    filter: BTreeSet<String>,
    layers: LayerSettings,
}

/// The map view's own state: the walkers memory, the camera and per-filter caches.
pub struct MapView {
    memory: MapMemory,
    camera: Camera,
    /// Size of the map the last frame, for fitting views before the next one.
    size: Vec2,
    /// Size the frame before, to tell a settled layout from one still changing.
    prev_size: Vec2,
    initialised: bool,
    hovered: Option<usize>,
    cache_key: Option<CacheKey>,
    /// Places that pass the filter and the layer switches, low priority first.
    order: Vec<usize>,
    /// Whether each sub-region matches the sector filter.
    sub_region_matches: Vec<bool>,
    /// What the last frame drew (markers and labels), for tests and benchmarks.
    pub last_frame: FrameOut,
    /// Extra scale for labels (presenter mode uses larger type).
    pub label_scale: f32,
    /// Time of the last frame, for flights started from commands.
    now: f64,
    /// Map size the untouched first view was fitted to; `None` once the user moved the map.
    fitted_size: Option<Vec2>,
    /// Tessellated basemap and markers, reused while only the view's position changes.
    basemap_cache: RefCell<cache::TessCache>,
    /// Places that get a marker (after decluttering).
    shown_markers: RefCell<layers::places::Shown>,
    /// Bumped when the visible places change, to invalidate the marker cache.
    generation: u64,
    /// A flight whose end is fitted once the map knows its size this frame (a slide shown
    /// while the layout changes, as when presenter mode starts).
    pending: Option<PendingFlight>,
    /// In presenter mode the map is a picture: no panning, zooming, picking or keys.
    pub presenting: bool,
    /// What the slide on screen frames.
    framing: Option<Framing>,
}

/// Where a flight asked for before the next layout should end.
#[derive(Debug, Clone)]
enum PendingFlight {
    Fit {
        ids: Vec<String>,
        seconds: f64,
    },
    View {
        view: View,
        seconds: f64,
    },
    /// An area to show whole, whatever the map's size (a view captured on another screen).
    Extent {
        bbox: BBox,
        seconds: f64,
    },
}

/// What a slide frames: refitted when the map's size changes while presenting (the window
/// going full screen after the slide was fitted).
#[derive(Debug, Clone, Copy)]
struct Framing {
    bbox: BBox,
    margin: f32,
    max_zoom: f64,
}

impl Framing {
    fn view(&self, size: Vec2) -> View {
        let v = View::fit(self.bbox, size, self.margin);
        View {
            zoom: v.zoom.min(self.max_zoom),
            ..v
        }
    }
}

impl Default for MapView {
    fn default() -> Self {
        MapView {
            memory: MapMemory::default(),
            camera: Camera::default(),
            size: Vec2::new(1280.0, 800.0),
            prev_size: Vec2::ZERO,
            initialised: false,
            hovered: None,
            cache_key: None,
            order: Vec::new(),
            sub_region_matches: Vec::new(),
            last_frame: FrameOut::default(),
            label_scale: 1.0,
            now: 0.0,
            fitted_size: None,
            basemap_cache: RefCell::default(),
            shown_markers: RefCell::default(),
            generation: 0,
            pending: None,
            presenting: false,
            framing: None,
        }
    }
}

/// The extent a fly target shows.
pub fn target_extent(atlas: &Atlas, target: &FlyTarget) -> Option<BBox> {
    let geo = &atlas.geo;
    match target {
        FlyTarget::Netherlands => {
            let mut b = Basemap::shared().netherlands;
            if b.is_empty() {
                b = geo.all;
            }
            Some(b)
        }
        FlyTarget::Region(id) => geo.region_boxes.get(id).copied(),
        FlyTarget::Place(id) => {
            let i = atlas.place_idx(id)?;
            if let Some(sr) = geo.sub_regions.iter().find(|s| s.place == i) {
                return Some(sr.bbox);
            }
            let g = geo.places.get(i)?;
            // About 20 km around the point: the town and its neighbours stay in view.
            let half = 0.000_2_f32;
            Some(BBox {
                min: [g.pos[0] - half, g.pos[1] - half],
                max: [g.pos[0] + half, g.pos[1] + half],
            })
        }
    }
}

/// The extent that shows all of `ids` (places or regions); `None` when none is on the map.
pub fn fit_extent(atlas: &Atlas, ids: &[String]) -> Option<BBox> {
    let mut b = BBox::EMPTY;
    for id in ids {
        let target = if atlas.data().region(id).is_some() {
            FlyTarget::Region(id.clone())
        } else {
            FlyTarget::Place(id.clone())
        };
        if let Some(e) = target_extent(atlas, &target) {
            b.union(&e);
        }
    }
    (!b.is_empty()).then_some(b)
}

impl MapView {
    /// The view the map shows now.
    pub fn current_view(&self) -> View {
        let pos = self
            .memory
            .detached()
            .unwrap_or_else(|| walkers::lon_lat(5.3, 52.2));
        View {
            centre: geometry::to_rel(pos.x(), pos.y()),
            zoom: self.memory.zoom(),
        }
    }

    fn set_view(&mut self, v: View) {
        let v = v.clamped();
        self.memory.center_at(v.position());
        self.memory.set_zoom(v.zoom).ok();
    }

    /// Flies to show all of `ids` in `seconds`, fitted to the map's size in the next frame.
    pub fn fly_to_fit_later(&mut self, ids: Vec<String>, seconds: f64) {
        self.pending = Some(PendingFlight::Fit { ids, seconds });
    }

    /// Flies to a view in `seconds`, starting with the next frame.
    pub fn fly_to_view_later(&mut self, lon: f64, lat: f64, zoom: f64, seconds: f64) {
        let view = View {
            centre: geometry::to_rel(lon, lat),
            zoom,
        };
        self.pending = Some(PendingFlight::View { view, seconds });
    }

    /// Flies to show `bbox` whole in `seconds`, fitted to the map's size in the next frame.
    pub fn fly_to_extent_later(&mut self, bbox: BBox, seconds: f64) {
        self.pending = Some(PendingFlight::Extent { bbox, seconds });
    }

    /// Drops any flight under way or waiting (leaving a slide, or presenter mode).
    pub fn cancel_flights(&mut self) {
        self.pending = None;
        self.camera = Camera::default();
        self.framing = None;
    }

    /// The map's size in points in the last frame.
    pub fn size(&self) -> Vec2 {
        self.size
    }

    /// Starts a pending flight now that the map's size is known.
    fn start_pending(&mut self, atlas: &Atlas) {
        // Fit only once the layout has settled (panels appear and vanish, the UI zoom changes
        // when presenting starts), or the view is fitted to a size the map no longer has.
        if (self.size - self.prev_size).length() > 0.5 {
            return;
        }
        let Some(p) = self.pending.take() else {
            return;
        };
        let (framing, seconds) = match p {
            PendingFlight::View { view, seconds } => {
                self.framing = None;
                self.start_flight(view, seconds);
                return;
            }
            PendingFlight::Fit { ids, seconds } => match fit_extent(atlas, &ids) {
                // One place alone keeps its surroundings in view.
                Some(bbox) => (
                    Framing {
                        bbox,
                        margin: 40.0,
                        max_zoom: 11.5,
                    },
                    seconds,
                ),
                None => return,
            },
            PendingFlight::Extent { bbox, seconds } => (
                Framing {
                    bbox,
                    margin: 0.0,
                    max_zoom: camera::MAX_ZOOM,
                },
                seconds,
            ),
        };
        self.framing = Some(framing);
        self.start_flight(framing.view(self.size), seconds);
    }

    fn start_flight(&mut self, to: View, seconds: f64) {
        self.fitted_size = None;
        if self.initialised && seconds > 0.0 {
            let from = self.current_view();
            self.camera.fly_for(from, to, self.now, seconds);
        } else {
            self.camera = Camera::default();
            self.set_view(to);
            self.initialised = true;
        }
    }

    /// Flies to show all of `ids` (places or regions) at once.
    pub fn fly_to_all(&mut self, atlas: &Atlas, ids: &[String]) {
        let Some(b) = fit_extent(atlas, ids) else {
            return;
        };
        let to = View::fit(b, self.size, 40.0);
        self.fitted_size = None;
        let from = self.current_view();
        self.camera.fly(from, to, self.now);
    }

    /// Starts a short flight to a region, a place or the whole country.
    pub fn fly_to(&mut self, atlas: &Atlas, target: &FlyTarget) {
        let Some(extent) = target_extent(atlas, target) else {
            return;
        };
        let to = View::fit(extent, self.size, 40.0);
        let to = match target {
            // A single place: do not zoom in further than street-block level.
            FlyTarget::Place(_) => View {
                zoom: to.zoom.min(11.5),
                ..to
            },
            _ => to,
        };
        if self.initialised {
            self.fitted_size = None;
            let from = self.current_view();
            self.camera.fly(from, to, self.now);
        } else {
            self.set_view(to);
        }
    }

    /// Jumps without animation (restoring a saved view); any flight is dropped.
    pub fn jump_to(&mut self, lon: f64, lat: f64, zoom: f64) {
        self.cancel_flights();
        self.set_view(View {
            centre: geometry::to_rel(lon, lat),
            zoom,
        });
        self.initialised = true;
    }

    /// Moves the view by screen pixels and zoom steps at once, without animation.
    pub fn nudge(&mut self, dx: f32, dy: f32, dzoom: f64) {
        let v = self.current_view();
        let per_px = (1.0 / (256.0 * 2f64.powf(v.zoom))) as f32;
        self.set_view(View {
            centre: [v.centre[0] + dx * per_px, v.centre[1] + dy * per_px],
            zoom: v.zoom + dzoom,
        });
    }

    pub fn is_flying(&self) -> bool {
        self.camera.is_flying()
    }

    /// True while a flight is waiting for the layout to settle or still under way.
    pub fn is_moving(&self) -> bool {
        self.pending.is_some() || self.camera.is_flying()
    }

    fn refresh_cache(&mut self, state: &AppState) {
        let key = CacheKey {
            atlas: Arc::as_ptr(&state.atlas) as usize,
            filter: state.settings.sector_filter.clone(),
            layers: state.settings.layers.clone(),
        };
        if self.cache_key.as_ref() == Some(&key) {
            return;
        }
        let atlas = &state.atlas;
        let d = atlas.data();
        let layers = &state.settings.layers;
        let mut order: Vec<usize> = d
            .places
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                let region_on = !layers.hidden_regions.contains(&p.region);
                let minor = matches!(p.kind, PlaceKind::Company | PlaceKind::Project);
                region_on
                    && (layers.minor_places || !minor)
                    && p.kind != PlaceKind::SubRegion
                    && state.passes_filter(&p.sectors)
            })
            .map(|(i, _)| i)
            .collect();
        order.sort_by(|&a, &b| {
            let pa = atlas.geo.places.get(a).map_or(0.0, |g| g.priority);
            let pb = atlas.geo.places.get(b).map_or(0.0, |g| g.priority);
            pa.total_cmp(&pb)
        });
        self.order = order;
        self.sub_region_matches = atlas
            .geo
            .sub_regions
            .iter()
            .map(|sr| {
                d.places
                    .get(sr.place)
                    .is_some_and(|p| state.passes_filter(&p.sectors))
            })
            .collect();
        self.cache_key = Some(key);
        self.generation += 1;
    }

    /// Place indices the map shows for the current filter and layers.
    pub fn visible_places(&self) -> &[usize] {
        &self.order
    }

    fn keyboard(&mut self, ui: &Ui) {
        if self.presenting || ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        let (left, right, up, down, zin, zout) = ui.input(|i| {
            (
                i.key_pressed(Key::ArrowLeft),
                i.key_pressed(Key::ArrowRight),
                i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::ArrowDown),
                i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals),
                i.key_pressed(Key::Minus),
            )
        });
        if !(left || right || up || down || zin || zout) {
            return;
        }
        let v = self.current_view();
        // A quarter of the map per key press.
        let step = 0.25 * self.size.x.min(self.size.y) / (256.0 * 2f64.powf(v.zoom)) as f32;
        let dx = (right as i32 - left as i32) as f32 * step;
        let dy = (down as i32 - up as i32) as f32 * step;
        let dz = (zin as i32 - zout as i32) as f64;
        let to = View {
            centre: [v.centre[0] + dx, v.centre[1] + dy],
            zoom: v.zoom + dz,
        };
        self.fitted_size = None;
        self.camera.fly(v, to, self.now);
    }

    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        self.now = ui.input(|i| i.time);
        self.prev_size = self.size;
        self.size = ui.available_size();
        let atlas = &state.atlas;
        if !self.initialised {
            self.initialised = true;
            match state.settings.view {
                Some((lon, lat, zoom)) => self.jump_to(lon, lat, zoom),
                None => {
                    self.initialised = false;
                    self.fly_to(atlas, &FlyTarget::Netherlands);
                    self.initialised = true;
                    self.fitted_size = Some(self.size);
                }
            }
        }
        // Until the user moves the map, keep the first view fitted to the window: it may
        // still be growing to its final size in the first frames.
        if let Some(fitted) = self.fitted_size
            && (fitted - self.size).length() > 1.0
            && !self.camera.is_flying()
        {
            if let Some(extent) = target_extent(atlas, &FlyTarget::Netherlands) {
                self.set_view(View::fit(extent, self.size, 40.0));
            }
            self.fitted_size = Some(self.size);
        }
        self.start_pending(atlas);
        // A slide stays framed when the window changes size under it (going full screen).
        if self.presenting
            && self.pending.is_none()
            && !self.camera.is_flying()
            && (self.size - self.prev_size).length() > 0.5
            && let Some(f) = self.framing
        {
            self.set_view(f.view(self.size));
        }
        self.keyboard(ui);
        if let Some(v) = self.camera.step(self.now) {
            self.set_view(v);
            ui.ctx().request_repaint();
        }
        self.refresh_cache(state);

        let d = atlas.data();
        let lang = state.lang();
        let basemap = Basemap::shared();
        let geo = &atlas.geo;
        let selected = state.selection().and_then(|id| atlas.place_idx(id));
        let layers = &state.settings.layers;
        let frame = RefCell::new(FrameOut::default());

        // Links: those of the selection, or all of them on request.
        let sel_id = state.selection();
        let touching: Vec<usize> = sel_id
            .map(|id| atlas.links_of(id).to_vec())
            .unwrap_or_default();
        let link_visible = |i: usize| {
            d.cross_pollinations
                .get(i)
                .is_some_and(|x| x.sectors.is_empty() || state.passes_filter(&x.sectors))
        };
        let links: Vec<_> = if layers.all_links {
            (0..geo.links.len())
                .filter(|&i| link_visible(i))
                .filter_map(|i| geo.links.get(i).map(|l| (l, touching.contains(&i))))
                .collect()
        } else {
            touching
                .iter()
                .filter(|&&i| link_visible(i))
                .filter_map(|&i| geo.links.get(i).map(|l| (l, true)))
                .collect()
        };
        let mut related: Vec<usize> = touching
            .iter()
            .filter_map(|&i| d.cross_pollinations.get(i))
            .flat_map(|x| x.endpoints.iter().chain(&x.optional_endpoints))
            .filter_map(|e| atlas.place_idx(e))
            .filter(|&i| Some(i) != selected)
            .collect();
        // In the compare view the compared places are ringed instead.
        let compared: Vec<usize> = if state.settings.mode == crate::state::Mode::Compare {
            state
                .settings
                .compare
                .iter()
                .filter_map(|id| atlas.place_idx(id))
                .collect()
        } else {
            Vec::new()
        };
        if !compared.is_empty() {
            related = compared.clone();
        }
        if !state.highlight.is_empty() {
            related = state
                .highlight
                .iter()
                .filter_map(|id| atlas.place_idx(id))
                .collect();
        }
        let suggestion_pairs: Vec<_> = if layers.suggestions {
            atlas
                .suggestions
                .iter()
                .filter_map(|s| {
                    let (a, b) = (geo.places.get(s.a)?, geo.places.get(s.b)?);
                    Some((a.pos, b.pos, selected == Some(s.a) || selected == Some(s.b)))
                })
                .collect()
        } else {
            Vec::new()
        };
        let routes: Vec<_> = if layers.routes {
            geo.routes
                .iter()
                .filter(|r| !layers.hidden_regions.contains(&r.region))
                .collect()
        } else {
            Vec::new()
        };
        let mra_on = !layers.hidden_regions.contains("mra");
        let sub_names: Vec<&str> = geo
            .sub_regions
            .iter()
            .map(|sr| d.places.get(sr.place).map_or("", |p| p.name.as_str()))
            .collect();

        let view_now = self.current_view();
        let centre = view_now.position();
        let interactive = !self.presenting;
        let mut map = Map::new(None, &mut self.memory, centre)
            .zoom_with_ctrl(false)
            .panning(interactive)
            .drag_pan_buttons(if interactive {
                egui::DragPanButtons::PRIMARY
            } else {
                egui::DragPanButtons::empty()
            })
            .zoom_gesture(interactive)
            .double_click_to_zoom(interactive)
            .with_plugin(layers::basemap::BasemapLayer {
                basemap,
                cache: &self.basemap_cache,
                out: &frame,
            });
        if mra_on {
            map = map.with_plugin(layers::sub_regions::SubRegionLayer {
                zoom: view_now.zoom,
                geo,
                basemap,
                names: sub_names,
                matches: self.sub_region_matches.clone(),
                selected,
                highlighted: compared.clone(),
                hovered: self.hovered,
                out: &frame,
            });
        }
        let map = map
            .with_plugin(layers::routes::RouteLayer {
                routes,
                out: &frame,
            })
            .with_plugin(layers::suggestions::SuggestionLayer {
                pairs: suggestion_pairs,
                out: &frame,
            })
            .with_plugin(layers::links::LinkLayer { links, out: &frame })
            .with_plugin(layers::places::PlaceLayer {
                geo,
                places: &d.places,
                order: &self.order,
                selected,
                hovered: self.hovered,
                related: &related,
                all_labels: layers.all_labels,
                generation: self.generation,
                shown: &self.shown_markers,
                out: &frame,
            })
            .with_plugin(layers::labels::LabelLayer {
                basemap,
                regions: d
                    .regions
                    .iter()
                    .filter(|r| {
                        r.kind == RegionKind::Atlas && !layers.hidden_regions.contains(&r.id)
                    })
                    .filter_map(|r| {
                        let b = geo.region_boxes.get(&r.id)?;
                        Some((
                            r.name.get(lang).into(),
                            [b.min[0], (b.min[1] + b.max[1]) / 2.0],
                        ))
                    })
                    .collect(),
                show_all: layers.all_labels,
                scale: self.label_scale,
                out: &frame,
            });
        let shown = map.show(ui, |ui, response, _, _| {
            attribution(ui, response.rect, lang, out);
        });
        let response = shown.response;
        if response.dragged()
            || (response.hovered()
                && ui.input(|i| i.smooth_scroll_delta != Vec2::ZERO || i.zoom_delta() != 1.0))
        {
            self.fitted_size = None;
        }
        let mut frame = frame.into_inner();
        if self.presenting {
            // A slide is a picture: nothing on it is picked or hovered.
            frame.clicked = None;
            frame.marker_hit = None;
            frame.area_hit = None;
        }
        let hit = frame.marker_hit.or(frame.area_hit);
        if let Some(i) = frame
            .clicked
            .or(if response.clicked() { hit } else { None })
            && let Some(p) = d.places.get(i)
        {
            out.push(Command::Select(Some(p.id.clone())));
        }
        if hit != self.hovered {
            ui.ctx().request_repaint();
        }
        self.hovered = hit;
        if let Some(i) = frame.marker_hit.or(frame.area_hit)
            && let Some(p) = d.places.get(i)
        {
            response.on_hover_ui_at_pointer(|ui| {
                ui.label(RichText::new(&p.name).strong());
                let mut line = i18n::kind(lang, p.kind).to_string();
                if let Some(n) = p.companies {
                    line.push_str(&format!(" · {n} {}", tr(lang, "map.companies")));
                }
                ui.label(line);
            });
        }
        self.last_frame = frame;
    }
}

/// The basemap credit in the map's corner; clicking it opens the About window.
fn attribution(ui: &mut Ui, rect: egui::Rect, lang: Lang, out: &mut Vec<Command>) {
    let text = match lang {
        Lang::Nl => basemap::ATTRIBUTION_NL,
        Lang::En => basemap::ATTRIBUTION_EN,
    };
    let font = egui::FontId::proportional(10.5);
    let galley = ui
        .painter()
        .layout_no_wrap(text.to_string(), font, Color32::from_gray(60));
    let r = Align2::RIGHT_BOTTOM.anchor_size(
        rect.right_bottom() - Vec2::new(4.0, 4.0),
        galley.size() + Vec2::new(8.0, 4.0),
    );
    let resp = ui
        .interact(r, ui.scope_id().with("attribution"), egui::Sense::click())
        .on_hover_text(tr(lang, "map.attribution_hint"));
    ui.painter()
        .rect_filled(r, 3.0, Color32::from_white_alpha(200));
    ui.painter()
        .galley(r.min + Vec2::new(4.0, 2.0), galley, Color32::from_gray(60));
    if resp.clicked() {
        out.push(Command::ShowAbout(true));
    }
}

/// Ids of the regions that have a map button (atlas regions, in dataset order).
pub fn region_buttons(atlas: &Atlas) -> Vec<(String, String, String)> {
    atlas
        .data()
        .regions
        .iter()
        .filter(|r| r.kind == RegionKind::Atlas)
        .map(|r| (r.id.clone(), r.name.nl.clone(), r.name.en.clone()))
        .collect()
}
