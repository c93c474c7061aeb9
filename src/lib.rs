//! Innovation Atlas: an offline map of the innovation ecosystems of Zuid-Holland, the
//! Amsterdam Metropolitan Area and the Northern Netherlands.
//!
//! Data flows one way: dataset files → [`model`] (validated) → [`atlas`] (derived indexes)
//! → [`scene`] (what is shown) → [`map`] layers → the egui painter and the [`render`]
//! writers. `ARCHITECTURE.md` shows the layers; a module only uses the ones above it in this
//! list (`tests/architecture.rs` checks it; `rustfmt.toml` keeps the order).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod fsio;
pub mod diagnostics;
pub mod geo;
pub mod basemap;
pub mod model;
pub mod atlas;
pub mod i18n;
pub mod style;
pub mod render;
pub mod scene;
pub mod deck;
pub mod state;
pub mod command;
pub mod map;
pub mod views;
pub mod export;
pub mod app;
pub mod cli;
