//! The `analysis` chunk's views: what the price implies (issue 28). So
//! far the break-even of every input, with "Use this value".

pub mod breakeven_table;
