//! The `docs` chunk's views: the bridge and its explanations, the info
//! marks, the Sources list, the language switch, other currencies.

pub mod bridge_table;
pub mod currency_view;
pub mod info_tip;
pub mod language_switch;
pub mod price_age;
pub mod sources;
