//! Innovation Atlas: an offline map of the innovation ecosystems of Zuid-Holland, the
//! Amsterdam Metropolitan Area and the Northern Netherlands.
//!
//! Data flows one way: dataset files → [`model`] (validated) → derived indexes → views.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod basemap;
pub mod cli;
pub mod deck;
pub mod derive;
pub mod export;
pub mod map;
pub mod model;
pub mod render;
pub mod views;
