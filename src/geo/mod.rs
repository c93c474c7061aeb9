//! Coordinates and views, with no data and no UI: Web-Mercator geometry relative to a Dutch
//! origin, parsed basemap shapes, and the camera that frames and flies between views.

pub mod camera;
pub mod geometry;
