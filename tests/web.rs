//! Browser tests (wasm-bindgen-test in headless Chromium): the real App
//! mounted in a page, driven through DOM events as a user's typing would.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]
#![cfg(target_arch = "wasm32")]

use sotp::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// Lets Leptos run its scheduled effects.
async fn settle() {
    for _ in 0..3 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .expect("window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .expect("timeout");
        });
        JsFuture::from(promise).await.expect("tick");
    }
}

/// Waits `ms` milliseconds of the page's time.
async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("timeout");
    });
    JsFuture::from(promise).await.expect("sleep");
}

/// Mounts a fresh App into its own container, on empty storage, and
/// returns the container.
async fn mount_app() -> HtmlElement {
    // Each test starts as a first visit: no draft or saved scenario left by
    // an earlier test's App (the draft of its edits would be restored). An
    // earlier App stays alive after its test and writes its draft once
    // typing has paused for 300 ms: that write is waited out, then cleared.
    sleep_ms(400).await;
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        storage.clear().expect("clear storage");
    }
    let doc = document();
    let host: HtmlElement = doc.create_element("div").expect("div").dyn_into().expect("html element");
    doc.body().expect("body").append_child(&host).expect("append");
    leptos::mount::mount_to(
        host.clone(),
        || leptos::prelude::view! { <App lang=sotp::text::Lang::En start=sotp::ui::Start::Base /> },
    )
    .forget();
    settle().await;
    // The bridge is a lazy part, mounted once the page is idle.
    for _ in 0..100 {
        if host.query_selector("[data-testid=bridge]").ok().flatten().is_some() {
            break;
        }
        sleep_ms(30).await;
    }
    host
}

fn text(host: &HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .expect("selector")
        .and_then(|e| e.text_content())
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// The text input a visible label names, within `scope`, as a person finds it.
fn input_labelled(scope: &Element, label: &str) -> HtmlInputElement {
    let labels = scope.query_selector_all("label").expect("labels");
    for i in 0..labels.length() {
        let node = labels.item(i).expect("label node");
        if node.text_content().as_deref() == Some(label) {
            let el: Element = node.dyn_into().expect("element");
            let id = el.get_attribute("for").expect("label has for");
            return document().get_element_by_id(&id).expect("labelled input").dyn_into().expect("input");
        }
    }
    panic!("no label {label:?}");
}

async fn type_into(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&Event::new_with_event_init_dict("input", &init).expect("event")).expect("dispatch");
    settle().await;
}

fn panel(host: &HtmlElement, id: &str) -> Element {
    host.query_selector(&format!("[data-testid=\"panel-{id}\"]")).expect("selector").expect("panel")
}

#[wasm_bindgen_test]
async fn base_preset_is_shown_on_first_visit() {
    let host = mount_app().await;
    assert_eq!(text(&host, "[data-testid=value-per-share]"), "HK$55.49");
    assert_eq!(text(&host, "[data-testid=upside]"), "+37.6%");
    assert_eq!(text(&host, "[data-testid=verdict]"), "Base case: HK$55.49 a share, 37.6% above HK$40.34");
    // 497.25 / 26.04 x 1.095 = 20.9097
    assert_eq!(text(&host, "[data-testid=segment-ev-per-share]"), "HK$20.91");
    assert_eq!(text(&host, "[data-testid=bridge-total-per-share]"), "HK$55.49");
    host.remove();
}

#[wasm_bindgen_test]
async fn typing_ev_deliveries_revalues_at_once() {
    let host = mount_app().await;
    let ev = input_labelled(&panel(&host, "ev"), "EV deliveries");
    type_into(&ev, "800000").await;
    // 800,000 x 255,000 = RMB 204bn x 3 = 612bn; total 1,434.41192bn / 26.04 x 1.095 = 60.318
    assert_eq!(text(&host, "[data-testid=value-per-share]"), "HK$60.32");
    assert_eq!(text(&host, "[data-testid=upside]"), "+49.5%");
    assert_eq!(text(&host, "[data-testid=segment-ev-per-share]"), "HK$25.74");
    assert_eq!(text(&host, "[data-testid=preset-custom]"), "Custom");
    host.remove();
}

#[wasm_bindgen_test]
async fn bad_value_is_explained_and_last_valuation_stays() {
    let host = mount_app().await;
    let ev = input_labelled(&panel(&host, "ev"), "EV deliveries");
    for (typed, message) in [
        ("-5", "EV deliveries: must be 0 or more"),
        ("abc", "EV deliveries: must be a number, like 1234.5"),
        // "1,234" is 1234 (commas group thousands); misplaced ones are refused.
        ("1,23,456", "EV deliveries: has separators out of place: group the digits in threes (650,000) or leave the separators out (650000)"),
        ("", "EV deliveries: enter a number"),
    ] {
        type_into(&ev, typed).await;
        assert_eq!(text(&host, "[role=alert]"), message, "typed {typed:?}");
        assert_eq!(ev.value(), typed, "the field keeps what was typed");
        assert_eq!(text(&host, "[data-testid=value-per-share]"), "HK$55.49");
    }
    type_into(&ev, "650000").await;
    assert!(host.query_selector("[role=alert]").expect("selector").is_none());
    host.remove();
}

#[wasm_bindgen_test]
async fn cross_field_rule_names_the_field() {
    let host = mount_app().await;
    let year = input_labelled(&panel(&host, "group"), "Valuation year");
    type_into(&year, "2040").await;
    assert_eq!(text(&host, "[role=alert]"), "Valuation year: must be at most 10 years after the base year");
    assert_eq!(text(&host, "[data-testid=value-per-share]"), "HK$55.49");
    let stale: HtmlElement = host
        .query_selector("[data-testid=stale]")
        .expect("selector")
        .expect("stale note")
        .dyn_into()
        .expect("html");
    assert!(!stale.hidden(), "the page says it shows the last valid valuation");
    type_into(&year, "2026").await;
    assert!(stale.hidden(), "and stops saying so once the year is fixed");
    host.remove();
}

#[wasm_bindgen_test]
async fn presets_switch_and_rebuild_inputs() {
    let host = mount_app().await;
    // The presets are native radios under their labels: a click on the label chooses.
    let bull = host
        .query_selector_all("[role=radiogroup] label")
        .expect("labels")
        .item(2)
        .expect("third label")
        .dyn_into::<HtmlElement>()
        .expect("label");
    assert_eq!(bull.text_content().as_deref(), Some("Bull"));
    bull.click();
    settle().await;
    let radio: HtmlInputElement =
        bull.query_selector("input").expect("selector").expect("radio").dyn_into().expect("input");
    assert!(radio.checked(), "Bull is checked");
    let ev = input_labelled(&panel(&host, "ev"), "EV deliveries");
    assert_eq!(ev.value(), "800,000", "out of focus, with thousands separators");
    assert_ne!(text(&host, "[data-testid=value-per-share]"), "HK$55.49");
    host.remove();
}

/// Waits (up to 5 s) until `selector` matches inside `host`.
async fn wait_for(host: &HtmlElement, selector: &str) -> bool {
    for _ in 0..100 {
        if host.query_selector(selector).ok().flatten().is_some() {
            return true;
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .expect("window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
                .expect("timeout");
        });
        JsFuture::from(promise).await.expect("tick");
    }
    false
}

#[wasm_bindgen_test]
async fn lazy_parts_mount_into_their_slots_when_idle() {
    let host = mount_app().await;
    // The first value is there at once; the lazy parts (unsplit here: the
    // same code as the chunks) follow when the page is idle.
    assert_eq!(text(&host, "[data-testid=value-per-share]"), "HK$55.49");
    assert!(wait_for(&host, "[data-testid=save-status]").await, "the save bar was not mounted");
    assert!(wait_for(&host, "[data-testid=library]").await, "My scenarios was not mounted");
    assert!(wait_for(&host, "[data-testid=compare]").await, "Compare was not mounted");
    assert!(wait_for(&host, ".slot-file-actions button").await, "import and export were not mounted");
    assert!(host.query_selector("[data-testid=part-failed]").expect("selector").is_none());
    // Each part sits in its slot, in page order.
    let save_slot = host.query_selector(".slot-save-bar [data-testid=save-status]").expect("selector");
    assert!(save_slot.is_some(), "the save bar is not inside its slot");
    host.remove();
}
