//! The map: the offline basemap with the atlas's layers, drawn from a [`Scene`]. The live
//! view ([`MapView`]) takes walkers for panning and zooming; a still picture of a scene (a
//! slide, a thumbnail, an export) is drawn by [`paint_still`] with no state at all. Both run
//! the same layers ([`layers::all`]) through [`paint_layers`].

pub mod cache;
pub mod cluster;
pub mod framing;
pub mod furniture;
pub mod layer;
pub mod layers;

use std::cell::RefCell;

use egui::{Align2, Color32, Key, Pos2, Rect, RichText, Ui, Vec2};
use walkers::{Map, MapMemory, Plugin, Projector};

use crate::atlas::Atlas;
use crate::basemap;
use crate::command::{Command, FlyTarget};
use crate::geo::camera::{Camera, Insets, View};
use crate::geo::geometry::{self, Transform};
use crate::i18n::{self, tr};
use crate::model::{Lang, RegionKind};
use crate::render::canvas::VectorMap;
use crate::scene::{Scene, Visible};
use framing::{Framing, Goal};
use layer::{Hit, LayerCtx, LayerOut, MapLayer, Target};

/// Runs every layer over one frame's context, bottom first, and returns what they drew.
pub fn paint_layers(layers: &[Box<dyn MapLayer>], ctx: &LayerCtx) -> LayerOut {
    let mut out = LayerOut {
        transform: Some(ctx.t),
        ..LayerOut::default()
    };
    out.canvas.clip = Some(ctx.rect);
    for l in layers {
        l.paint(ctx, &mut out);
    }
    out
}

/// What lies under `pos`: the topmost layer that hits wins.
pub fn hit_test(
    layers: &[Box<dyn MapLayer>],
    ctx: &LayerCtx,
    out: &LayerOut,
    pos: Pos2,
) -> Option<Hit> {
    layers.iter().rev().find_map(|l| l.hit(ctx, out, pos))
}

/// Where the basemap credit goes in a map of `rect`, and its text.
pub fn attribution_rect(ui: &Ui, rect: Rect, lang: Lang) -> (Rect, std::sync::Arc<egui::Galley>) {
    let text = match lang {
        Lang::Nl => basemap::ATTRIBUTION_NL,
        Lang::En => basemap::ATTRIBUTION_EN,
    };
    let galley = ui.painter().layout(
        text.to_string(),
        egui::FontId::proportional(10.5),
        Color32::from_gray(60),
        (rect.width() - 16.0).max(80.0),
    );
    let r = Align2::RIGHT_BOTTOM.anchor_size(
        rect.right_bottom() - Vec2::new(4.0, 4.0),
        galley.size() + Vec2::new(8.0, 4.0),
    );
    (r, galley)
}

/// The scale bar and north arrow of a picture: their rectangles and drawing.
fn furniture(t: &Transform, rect: Rect) -> (Vec<Rect>, crate::render::canvas::Canvas) {
    let (bar_rect, bar) = furniture::scale_bar(t, rect);
    let (arrow_rect, arrow) = furniture::north_arrow(rect);
    let mut canvas = bar;
    canvas.prims.extend(arrow.prims);
    (vec![bar_rect, arrow_rect], canvas)
}

/// Draws the basemap credit; returns its response (click opens the About window).
fn paint_attribution(ui: &mut Ui, r: Rect, galley: std::sync::Arc<egui::Galley>) -> egui::Response {
    let resp = ui.interact(r, ui.scope_id().with("attribution"), egui::Sense::click());
    ui.painter()
        .rect_filled(r, 3.0, Color32::from_white_alpha(200));
    ui.painter()
        .galley(r.min + Vec2::new(4.0, 2.0), galley, Color32::from_gray(60));
    resp
}

/// Draws a scene as a still picture in `rect`: the camera from the scene's goal, no pointer.
/// `reserved` are rectangles drawn over the map afterwards (legend, bands); labels avoid
/// them. For a vector target the drawing goes into the shape list as a [`VectorMap`].
#[allow(clippy::too_many_arguments)]
pub fn paint_still(
    ui: &mut Ui,
    rect: Rect,
    atlas: &Atlas,
    scene: &Scene,
    visible: &Visible,
    reserved: &[Rect],
    insets: Insets,
    target: Target,
) -> LayerOut {
    let view = framing::still_view(atlas, &scene.camera, rect.size(), insets);
    let (attr_rect, galley) = attribution_rect(ui, rect, scene.lang);
    let t = Transform::centred(view.centre, view.zoom, rect);
    let (furniture_rects, furniture) = furniture(&t, rect);
    let mut reserved = reserved.to_vec();
    reserved.push(attr_rect);
    reserved.extend(furniture_rects.iter().copied());
    let measure = layer::measure_with(ui);
    let ctx = LayerCtx {
        atlas,
        scene,
        visible,
        t,
        rect,
        view: t.view_box(rect),
        zoom: view.zoom,
        target,
        pixels_per_point: ui.ctx().pixels_per_point(),
        hovered: None,
        reserved: &reserved,
        keep_clear: &reserved,
        measure: &measure,
    };
    let layers = layers::all();
    let mut out = paint_layers(&layers, &ctx);
    out.attribution = Some(attr_rect);
    out.furniture = furniture_rects;
    out.canvas.prims.extend(furniture.prims);
    let painter = ui.painter_at(rect);
    match target {
        Target::Screen => out.canvas.paint(&painter),
        Target::Vector => {
            painter.add(VectorMap::shape(rect, std::mem::take(&mut out.canvas)));
        }
    }
    painter.rect_filled(attr_rect, 3.0, Color32::from_white_alpha(200));
    painter.galley(
        attr_rect.min + Vec2::new(4.0, 2.0),
        galley,
        Color32::from_gray(60),
    );
    out
}

/// A flight asked for before the map knows its size this frame.
#[derive(Debug, Clone, Copy)]
struct Pending {
    goal: Goal,
    seconds: f64,
}

/// The live map's own state: the walkers memory, the camera, the layers and their caches.
pub struct MapView {
    memory: MapMemory,
    camera: Camera,
    /// Size of the map the last frame, for fitting views before the next one.
    size: Vec2,
    /// Size the frame before, to tell a settled layout from one still changing.
    prev_size: Vec2,
    initialised: bool,
    hovered: Option<Hit>,
    layers: Vec<Box<dyn MapLayer>>,
    /// What the last frame drew (markers, labels), for tests, legends and benchmarks.
    pub last_frame: LayerOut,
    /// Time of the last frame, for flights started from commands.
    now: f64,
    /// Map size the untouched first view was fitted to; `None` once the user moved the map.
    fitted_size: Option<Vec2>,
    /// A flight whose end is fitted once the layout has settled (a slide shown while the
    /// window changes, as when presenter mode starts).
    pending: Option<Pending>,
    /// In presenter mode the map is a picture: no panning, zooming, picking, hover or keys.
    pub presenting: bool,
    /// What the slide on screen frames, kept framed when the window's size changes.
    framing: Option<Framing>,
    /// Room along the map's sides that a slide's legend takes: framed subjects stay clear.
    pub insets: Insets,
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
            layers: layers::all(),
            last_frame: LayerOut::default(),
            now: 0.0,
            fitted_size: None,
            pending: None,
            presenting: false,
            framing: None,
            insets: Insets::default(),
        }
    }
}

/// The one walkers plugin: it hands walkers' projection to the layers.
struct ScenePlugin<'a> {
    layers: &'a [Box<dyn MapLayer>],
    atlas: &'a Atlas,
    scene: &'a Scene,
    visible: &'a Visible,
    hovered: Option<usize>,
    reserved: Vec<Rect>,
    interactive: bool,
    out: &'a RefCell<(LayerOut, Option<Hit>)>,
}

impl Plugin for ScenePlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &egui::Response,
        projector: &Projector,
        _: &MapMemory,
    ) {
        let t = Transform::from_projector(projector);
        let rect = response.rect;
        // A projected slide carries a scale bar and a north arrow like a printed map.
        let (furniture_rects, furniture) = if self.interactive {
            (Vec::new(), crate::render::canvas::Canvas::default())
        } else {
            furniture(&t, rect)
        };
        let mut reserved = self.reserved.clone();
        reserved.extend(furniture_rects.iter().copied());
        let measure = layer::measure_with(ui);
        let keep_clear: &[Rect] = if self.interactive { &[] } else { &reserved };
        let ctx = LayerCtx {
            atlas: self.atlas,
            scene: self.scene,
            visible: self.visible,
            t,
            rect,
            view: t.view_box(rect),
            zoom: projector.zoom(),
            target: Target::Screen,
            pixels_per_point: ui.ctx().pixels_per_point(),
            hovered: self.hovered,
            reserved: &reserved,
            keep_clear,
            measure: &measure,
        };
        let mut out = paint_layers(self.layers, &ctx);
        out.furniture = furniture_rects;
        out.canvas.prims.extend(furniture.prims);
        out.canvas.paint(&ui.painter_at(rect));
        let hit = if self.interactive {
            response
                .hover_pos()
                .and_then(|p| hit_test(self.layers, &ctx, &out, p))
        } else {
            None
        };
        *self.out.borrow_mut() = (out, hit);
    }
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

    /// Flies to meet a scene's camera goal in `seconds`, fitted to the map's size once the
    /// layout has settled. A free camera keeps the view.
    pub fn follow(&mut self, atlas: &Atlas, goal: &crate::scene::CameraGoal, seconds: f64) {
        self.cancel_flights();
        self.pending = Goal::of(atlas, goal).map(|goal| Pending { goal, seconds });
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

    /// Starts a pending flight once the map's size has settled; until then asks for another
    /// frame, so the flight starts with no input (a clicker moves no mouse).
    fn start_pending(&mut self, ctx: &egui::Context) {
        let Some(p) = self.pending else {
            return;
        };
        // Fit only once the layout has settled (panels appear and vanish, the UI zoom changes
        // when presenting starts), or the view is fitted to a size the map no longer has.
        if (self.size - self.prev_size).length() > 0.5 {
            ctx.request_repaint();
            return;
        }
        self.pending = None;
        self.framing = match p.goal {
            Goal::Frame(f) => Some(f),
            Goal::Fixed(_) => None,
        };
        self.start_flight(p.goal.view(self.size, self.insets), p.seconds);
        ctx.request_repaint();
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
        let Some(b) = framing::fit_extent(atlas, ids) else {
            return;
        };
        let to = View::fit(b, self.size, framing::FIT_MARGIN);
        self.fitted_size = None;
        let from = self.current_view();
        self.camera.fly(from, to, self.now);
    }

    /// Starts a short flight to a region, a place or the whole country.
    pub fn fly_to(&mut self, atlas: &Atlas, target: &FlyTarget) {
        let Some(f) = Framing::of_target(atlas, target) else {
            return;
        };
        let to = f.view(self.size);
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

    /// The view the map is flying to (or shows, when still).
    pub fn destination(&self) -> View {
        self.camera
            .destination()
            .unwrap_or_else(|| self.current_view())
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

    /// Moves the camera for this frame: the first fit, a settled pending flight, a refit
    /// after a resize, keys, and the flight under way (which asks for its own next frame).
    fn drive_camera(&mut self, ui: &Ui, atlas: &Atlas, saved_view: Option<(f64, f64, f64)>) {
        if !self.initialised {
            self.initialised = true;
            match saved_view {
                Some((lon, lat, zoom)) => self.jump_to(lon, lat, zoom),
                None => {
                    if let Some(f) = Framing::of_target(atlas, &FlyTarget::Netherlands) {
                        self.set_view(f.view(self.size));
                    }
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
            if let Some(f) = Framing::of_target(atlas, &FlyTarget::Netherlands) {
                self.set_view(f.view(self.size));
            }
            self.fitted_size = Some(self.size);
        }
        self.start_pending(ui.ctx());
        // A slide stays framed when the window changes size under it (going full screen).
        if self.presenting
            && self.pending.is_none()
            && !self.camera.is_flying()
            && (self.size - self.prev_size).length() > 0.5
            && let Some(f) = self.framing
        {
            self.set_view(f.view_in(self.size, self.insets));
        }
        self.keyboard(ui);
        if let Some(v) = self.camera.step(self.now) {
            self.set_view(v);
            ui.ctx().request_repaint();
        }
    }

    /// Draws the live map of `scene` and reports clicks as commands. `saved_view` is the
    /// view to open on the very first frame; `reserved` are rectangles the caller draws over
    /// the map (labels keep off them).
    #[allow(clippy::too_many_arguments)]
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        atlas: &Atlas,
        scene: &Scene,
        visible: &Visible,
        saved_view: Option<(f64, f64, f64)>,
        reserved: &[Rect],
        out: &mut Vec<Command>,
    ) {
        self.now = ui.input(|i| i.time);
        self.prev_size = self.size;
        self.size = ui.available_size();
        self.drive_camera(ui, atlas, saved_view);

        let lang = scene.lang;
        let rect = ui.available_rect_before_wrap();
        let (attr_rect, galley) = attribution_rect(ui, rect, lang);
        let mut all_reserved = reserved.to_vec();
        all_reserved.push(attr_rect);
        let interactive = !self.presenting;
        let drawn = RefCell::new((LayerOut::default(), None));
        let hovered_place = match self.hovered {
            Some(Hit::Place(i)) if interactive => Some(i),
            _ => None,
        };
        let centre = self.current_view().position();
        let map = Map::new(None, &mut self.memory, centre)
            .zoom_with_ctrl(false)
            .panning(interactive)
            .drag_pan_buttons(if interactive {
                egui::DragPanButtons::PRIMARY
            } else {
                egui::DragPanButtons::empty()
            })
            .zoom_gesture(interactive)
            .double_click_to_zoom(interactive)
            .with_plugin(ScenePlugin {
                layers: &self.layers,
                atlas,
                scene,
                visible,
                hovered: hovered_place,
                reserved: all_reserved,
                interactive,
                out: &drawn,
            });
        let shown = map.show(ui, |ui, _, _, _| {
            if paint_attribution(ui, attr_rect, galley)
                .on_hover_text(tr(lang, "map.attribution_hint"))
                .clicked()
            {
                out.push(Command::ShowAbout(true));
            }
        });
        let response = shown.response;
        if response.dragged()
            || (response.hovered()
                && ui.input(|i| i.smooth_scroll_delta != Vec2::ZERO || i.zoom_delta() != 1.0))
        {
            self.fitted_size = None;
        }
        let (mut frame, hit) = drawn.into_inner();
        frame.attribution = Some(attr_rect);
        if interactive {
            self.interact(ui, atlas, lang, &frame, hit, &response, out);
        } else {
            self.hovered = None;
        }
        self.last_frame = frame;
    }

    /// Flies in on the places of the drawn bubble `k`: to fit them, and at least one zoom
    /// step closer, so a click always splits the bubble or brings its places nearer.
    fn zoom_into(&mut self, bubbles: &[layer::Bubble], k: usize) {
        let Some(b) = bubbles.get(k) else {
            return;
        };
        let from = self.current_view();
        let fit = View::fit(b.bounds, self.size, framing::FIT_MARGIN);
        let to = View {
            centre: fit.centre,
            zoom: fit.zoom.max(from.zoom + 1.0),
        };
        self.fitted_size = None;
        self.camera.fly(from, to, self.now);
    }

    /// Hover, click and the accessible marker buttons of an interactive map.
    #[allow(clippy::too_many_arguments)]
    fn interact(
        &mut self,
        ui: &mut Ui,
        atlas: &Atlas,
        lang: Lang,
        frame: &LayerOut,
        hit: Option<Hit>,
        response: &egui::Response,
        out: &mut Vec<Command>,
    ) {
        let d = atlas.data();
        if let Some(k) = accessible_bubbles(ui, lang, frame) {
            self.zoom_into(&frame.bubbles, k);
            ui.ctx().request_repaint();
        } else if let Some(i) = accessible_markers(ui, atlas, frame) {
            out.push(Command::Select(d.places.get(i).map(|p| p.id.clone())));
        } else if response.clicked() {
            match hit {
                Some(Hit::Place(i)) => {
                    out.push(Command::Select(d.places.get(i).map(|p| p.id.clone())));
                }
                Some(Hit::Route(i)) => {
                    out.push(Command::Select(
                        atlas.geo.routes.get(i).map(|r| r.id.clone()),
                    ));
                }
                Some(Hit::Cluster(k)) => {
                    if let Some(b) = frame.bubbles.iter().position(|b| b.cluster == k) {
                        self.zoom_into(&frame.bubbles, b);
                        ui.ctx().request_repaint();
                    }
                }
                // A click on empty map clears the selection.
                None => out.push(Command::Select(None)),
            }
        }
        if hit != self.hovered {
            ui.ctx().request_repaint();
        }
        self.hovered = hit;
        context_menu(atlas, lang, frame, hit, response, out);
        match hit {
            Some(Hit::Place(i)) => {
                if let Some(p) = d.places.get(i) {
                    response.clone().on_hover_ui_at_pointer(|ui| {
                        ui.label(RichText::new(&p.name).strong());
                        let mut line = i18n::kind(lang, p.kind).to_string();
                        if let Some(n) = p.companies {
                            line.push_str(&format!(" · {n} {}", tr(lang, "map.companies")));
                        }
                        ui.label(line);
                    });
                }
            }
            Some(Hit::Cluster(k)) => {
                if let Some(b) = frame.bubbles.iter().find(|b| b.cluster == k) {
                    response.clone().on_hover_ui_at_pointer(|ui| {
                        let name = i18n::cluster_name(lang, b.count as usize);
                        ui.label(RichText::new(name).strong());
                        ui.label(tr(lang, "map.cluster_hint"));
                    });
                }
            }
            Some(Hit::Route(i)) => {
                if let Some(r) = atlas.geo.routes.get(i) {
                    response.clone().on_hover_ui_at_pointer(|ui| {
                        ui.label(RichText::new(r.name(lang).as_ref()).strong());
                        ui.label(tr(lang, "map.route"));
                    });
                }
            }
            None => {}
        }
    }
}

/// The right-click menu: copy the coordinates clicked, compare the place under the pointer,
/// add the view as a slide.
fn context_menu(
    atlas: &Atlas,
    lang: Lang,
    frame: &LayerOut,
    hit: Option<Hit>,
    response: &egui::Response,
    out: &mut Vec<Command>,
) {
    // Where the menu was opened, kept while it is open.
    let id = response.id.with("context-at");
    if response.secondary_clicked()
        && let (Some(pos), Some(t)) = (response.interact_pointer_pos(), frame.transform)
    {
        let (lon, lat) = geometry::from_rel(t.invert(pos));
        let place = match hit {
            Some(Hit::Place(i)) => atlas.data().places.get(i).map(|p| p.id.clone()),
            _ => None,
        };
        response
            .ctx
            .data_mut(|d| d.insert_temp(id, (lon, lat, place)));
    }
    response.context_menu(|ui| {
        let Some((lon, lat, place)) = ui
            .ctx()
            .data(|d| d.get_temp::<(f64, f64, Option<String>)>(id))
        else {
            return;
        };
        let coords = format!("{lat:.5}, {lon:.5}");
        if ui
            .button(format!("{} ({coords})", tr(lang, "map.copy_coordinates")))
            .clicked()
        {
            out.push(Command::CopyText(coords));
            ui.close();
        }
        if let Some(id) = place {
            let name = atlas.name_of(&id, lang);
            if ui
                .button(format!("{}: {name}", tr(lang, "map.compare_place")))
                .clicked()
            {
                out.push(Command::AddToCompare(id));
                ui.close();
            }
        }
        if ui.button(tr(lang, "present.add_view")).clicked() {
            out.push(Command::AddCurrentViewAsSlide);
            ui.close();
        }
    });
}

/// At most this many markers get a node in the accessibility tree per frame.
pub const ACCESSIBLE_MARKERS: usize = 400;

/// Each visible marker is a button named after its place, so screen readers and tests can
/// find and press it; returns the place whose button was pressed. Registered in drawing
/// order, so the marker drawn on top also takes the click.
fn accessible_markers(ui: &mut Ui, atlas: &Atlas, frame: &LayerOut) -> Option<usize> {
    let d = atlas.data();
    let mut clicked = None;
    let step = frame.markers.len().div_ceil(ACCESSIBLE_MARKERS).max(1);
    for &(i, c, r) in frame.markers.iter().step_by(step) {
        let Some(p) = d.places.get(i) else {
            continue;
        };
        let id = ui.scope_id().with(("marker", i));
        let area = Rect::from_center_size(c, Vec2::splat(2.0 * r + 4.0));
        let resp = ui.interact(area, id, egui::Sense::click());
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &p.name));
        if resp.clicked() {
            clicked = Some(i);
        }
    }
    clicked
}

/// Each cluster bubble is a button named by its count ("Cluster van 1.234 plaatsen"), so
/// screen readers and tests find it; returns the bubble whose button was pressed.
fn accessible_bubbles(ui: &mut Ui, lang: Lang, frame: &LayerOut) -> Option<usize> {
    let mut clicked = None;
    let step = frame.bubbles.len().div_ceil(ACCESSIBLE_MARKERS).max(1);
    for (k, b) in frame.bubbles.iter().enumerate().step_by(step) {
        let id = ui.scope_id().with(("cluster", b.cluster));
        let area = Rect::from_center_size(b.centre, Vec2::splat(2.0 * b.radius));
        let resp = ui.interact(area, id, egui::Sense::click());
        let name = i18n::cluster_name(lang, b.count as usize);
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        if resp.clicked() {
            clicked = Some(k);
        }
    }
    clicked
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
