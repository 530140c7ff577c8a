//! The `compare` chunk's view: Compare and weight.

pub mod compare_view;
