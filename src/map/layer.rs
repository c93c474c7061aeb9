//! The map is a list of layers drawn bottom to top from one [`LayerCtx`]: the atlas, the
//! scene, what it makes visible and the projection of this frame. A layer draws primitives
//! into a [`Canvas`] (so the window and the vector writers get the same drawing), offers
//! labels and reports what it drew that the pointer can hit. Labels are placed last, by the
//! label layer, knowing every marker and every reserved rectangle (legend, attribution).

use egui::{Pos2, Rect};

use crate::atlas::Atlas;
use crate::geo::geometry::{BBox, Transform};
use crate::render::canvas::{Canvas, Weight, font_id};
use crate::scene::{Scene, Visible};

/// Where the drawing goes: the screen may use cached meshes; a vector file wants every
/// polygon as a polygon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Screen,
    Vector,
}

/// Everything a layer may read in one frame. No layer reads another's state: what they
/// share goes through here or through [`LayerOut`].
pub struct LayerCtx<'a> {
    pub atlas: &'a Atlas,
    pub scene: &'a Scene,
    pub visible: &'a Visible,
    /// Relative Mercator → screen points for this frame.
    pub t: Transform,
    /// The map's rectangle on screen.
    pub rect: Rect,
    /// The part of the world the rectangle shows.
    pub view: BBox,
    pub zoom: f64,
    pub target: Target,
    /// Screen pixels per point (for cached tessellation).
    pub pixels_per_point: f32,
    /// The place under the pointer last frame (drawn emphasised), if any.
    pub hovered: Option<usize>,
    /// Rectangles drawn over the map (legend, attribution, a slide's bands): labels keep off.
    pub reserved: &'a [Rect],
    /// Rectangles drawn over a picture's or a projected slide's map (legend, credit, scale
    /// bar, north arrow) that markers other than the subjects and the selection keep out
    /// of: half hidden under them they read as clutter. Empty on the live map, where the
    /// user pans a marker out from under them.
    pub keep_clear: &'a [Rect],
    /// The size a line of text takes in the app's fonts, so labels are placed by what they
    /// will really cover.
    pub measure: &'a dyn Fn(&str, f32, Weight) -> egui::Vec2,
}

/// Measures text with the fonts of `ui` (the window's or a headless pass's).
pub fn measure_with(ui: &egui::Ui) -> impl Fn(&str, f32, Weight) -> egui::Vec2 + '_ {
    move |text, size, weight| {
        ui.painter()
            .layout_no_wrap(
                text.to_string(),
                font_id(size, weight),
                egui::Color32::BLACK,
            )
            .size()
    }
}

impl LayerCtx<'_> {
    /// Place index of the selection, if it is a place.
    pub fn selected_place(&self) -> Option<usize> {
        self.scene
            .selection
            .as_deref()
            .and_then(|id| self.atlas.place_idx(id))
    }
}

/// A label a layer offers; the label layer decides where it goes, or whether it fits.
#[derive(Debug, Clone)]
pub struct LabelCandidate {
    /// Shared with the atlas's derived data, so offering a label costs no allocation.
    pub text: std::sync::Arc<str>,
    /// Point the label belongs to.
    pub anchor: Pos2,
    /// Distance to keep from the anchor (the marker's radius).
    pub gap: f32,
    pub priority: f32,
    pub style: LabelStyle,
    /// For a label set along a line: the places it may go (centre and angle in radians),
    /// best first. Empty for labels set beside their anchor.
    pub along: Vec<(Pos2, f32)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelStyle {
    /// The selection or the hovered place: always shown, emphasised.
    Focus,
    /// What a slide is about: always shown, before any other place.
    Subject,
    Place,
    /// A sub-region's or cluster's name, centred on its point.
    Area,
    /// A town from the gazetteer.
    Town,
    /// A whole region's name at country zoom, set beside the region.
    Region,
    /// A route's name, set along its line.
    Route,
}

/// What the pointer can hit on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A place's marker or a sub-region's area (place index).
    Place(usize),
    /// A route (index into `atlas.geo.routes`).
    Route(usize),
    /// A cluster bubble (its cluster in the grid of this zoom; see [`Bubble::cluster`]).
    Cluster(usize),
}

/// A cluster bubble as drawn: where, how many places, and the area they lie in.
#[derive(Debug, Clone, Copy)]
pub struct Bubble {
    /// Index of its cell in the zoom level's grid.
    pub cluster: usize,
    pub centre: Pos2,
    pub radius: f32,
    pub count: u32,
    /// Where its places lie, in relative Mercator units (a click zooms to it).
    pub bounds: BBox,
}

/// What the layers of one frame drew, read by the layers above them and by the map view.
#[derive(Debug, Default)]
pub struct LayerOut {
    pub canvas: Canvas,
    /// Markers drawn: place index, centre, radius.
    pub markers: Vec<(usize, Pos2, f32)>,
    pub labels: Vec<LabelCandidate>,
    /// Cluster bubbles drawn (labels keep off them; screen readers list them).
    pub bubbles: Vec<Bubble>,
    /// Set by the cluster layer when the places are many: the places to draw as markers
    /// this frame (those in view and alone in their cell), lowest priority first. `None`
    /// leaves the choice to the place layer.
    pub singles: Option<Vec<usize>>,
    /// Labels as placed: text rectangle and style (for tests of overlap and clipping).
    pub placed_labels: Vec<(Rect, LabelStyle, std::sync::Arc<str>)>,
    /// Where the basemap credit was drawn.
    pub attribution: Option<Rect>,
    /// Where the scale bar and north arrow were drawn.
    pub furniture: Vec<Rect>,
    /// The projection the frame was drawn with (to turn a click into a coordinate).
    pub transform: Option<Transform>,
}

/// One overlay of the map.
pub trait MapLayer {
    /// Draws into `out.canvas`, and offers labels and markers through `out`.
    fn paint(&self, ctx: &LayerCtx, out: &mut LayerOut);

    /// What of this layer lies under `pos`, given what it drew this frame.
    fn hit(&self, _ctx: &LayerCtx, _out: &LayerOut, _pos: Pos2) -> Option<Hit> {
        None
    }
}
