//! The grid's keyboard: arrow keys move focus from cell to cell, the
//! focused cell alone in the Tab order, so Tab leaves the grid.

use wasm_bindgen::JsCast;

pub fn move_focus(ev: leptos::ev::KeyboardEvent) {
    let (dr, dc) = match ev.key().as_str() {
        "ArrowUp" => (-1, 0),
        "ArrowDown" => (1, 0),
        "ArrowLeft" => (0, -1),
        "ArrowRight" => (0, 1),
        _ => return,
    };
    let Some(from) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    // Where the cell is: the numbers the grid's markup gives each cell.
    let at = |name: &str| from.get_attribute(name).and_then(|v| v.parse::<i64>().ok());
    let (Some(row), Some(col)) = (at("data-row"), at("data-col")) else {
        return;
    };
    ev.prevent_default();
    let Some(table) = from.closest("table").ok().flatten() else {
        return;
    };
    let selector = format!("td[data-row=\"{}\"][data-col=\"{}\"]", row + dr, col + dc);
    let to = table.query_selector(&selector).ok().flatten();
    if let Some(to) = to.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = from.set_attribute("tabindex", "-1");
        let _ = to.set_attribute("tabindex", "0");
        let _ = to.focus();
    }
}
