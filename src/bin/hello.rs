//! The benchmark's baseline (`bash scripts/bench`): the smallest Leptos page
//! that shows a value per share, built with the same profile, Leptos and
//! rust_decimal as the app, so load times compare like with like.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    use rust_decimal::Decimal;

    let value = Decimal::new(5549, 2);
    leptos::mount::mount_to_body(move || {
        view! {
            <main>
                <h1>"Hello"</h1>
                <p data-testid="value-per-share">{format!("HK${value}")}</p>
            </main>
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("hello is the benchmark's baseline web page: see scripts/bench.");
}
