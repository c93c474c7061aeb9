//! The embedded vector basemap of the Netherlands (see assets/basemap/README.md).

pub mod municipalities;
