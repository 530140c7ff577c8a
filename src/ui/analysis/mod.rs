//! The `analysis` chunk's views: what the price implies (issue 28): the
//! sentence under the headline, and the panel with the break-even of
//! every input ("Use this value"), the sensitivity grid and the charts
//! (`drawn`: `text::drawing`'s markup, a task after each edit).

pub mod breakeven_table;
pub mod drawn;
pub mod grid_controls;
pub mod grid_keys;
pub mod grid_state;
pub mod implies;
pub mod panel;
