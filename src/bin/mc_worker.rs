//! The Monte Carlo worker's wasm: the model, the link reader and the
//! sampler, no view code (nothing of leptos is reached from here, so the
//! linker leaves it out). A Web Worker loads it when the user first opens
//! the Monte Carlo view (`scripts/build-worker.mjs` builds it; `worker.js`
//! beside it drives it).
//!
//! The page sends the scenario and its set-up as their share link (the one
//! encoding of both, `link::v2`); the worker draws a slice at a time and
//! answers with plain text, one `key value` line each, decimals in full.

#[cfg(target_arch = "wasm32")]
mod worker {
    use sotp::analysis::monte_carlo::run::{Run, RunError};
    use sotp::analysis::monte_carlo::stats::PERCENTILES;
    use sotp::link::decode_with;
    use std::cell::RefCell;
    use std::fmt::Write;
    use wasm_bindgen::prelude::wasm_bindgen;

    thread_local! {
        static RUN: RefCell<Option<Run>> = const { RefCell::new(None) };
    }

    /// Starts a run of the link's scenario and set-up. Empty when it
    /// started; else one line saying why not (`link`, `setup <n issues>`,
    /// `scenario`, `no-setup`).
    #[wasm_bindgen]
    pub fn start(link: &str) -> String {
        let run = match decode_with(link) {
            Err(_) => Err("link".to_string()),
            Ok((_, None)) => Err("no-setup".to_string()),
            Ok((_, Some(Err(_)))) => Err("setup".to_string()),
            Ok((s, Some(Ok(u)))) => Run::new(&s, &u).map_err(|e| match e {
                RunError::Setup(i) => format!("setup {}", i.len()),
                RunError::Scenario(_) => "scenario".to_string(),
            }),
        };
        match run {
            Ok(r) => {
                RUN.with(|slot| *slot.borrow_mut() = Some(r));
                String::new()
            }
            Err(why) => why,
        }
    }

    /// The draws the current run makes in all.
    #[wasm_bindgen]
    pub fn total() -> u32 {
        RUN.with(|slot| slot.borrow().as_ref().map_or(0, Run::total))
    }

    /// Draws up to `count` more; the draws done so far.
    #[wasm_bindgen]
    pub fn step(count: u32) -> u32 {
        RUN.with(|slot| slot.borrow_mut().as_mut().map_or(0, |r| r.step(count)))
    }

    /// The summary of the draws so far, as `key value` lines.
    #[wasm_bindgen]
    pub fn summary() -> String {
        RUN.with(|slot| {
            let mut out = String::new();
            if let Some(r) = slot.borrow().as_ref() {
                let s = r.summary();
                let _ = writeln!(out, "draws {}\nvalued {}\nabove {}", s.draws, s.valued, s.above);
                let mut line = |key: &str, d: Option<rust_decimal::Decimal>| {
                    if let Some(d) = d {
                        let _ = writeln!(out, "{key} {d}");
                    }
                };
                line("p_above_pct", s.p_above_pct());
                line("mean", s.mean());
                for p in PERCENTILES {
                    line(&format!("p{p}"), s.percentile(p));
                }
                for d in &s.drivers {
                    let _ = writeln!(out, "driver {} {} {}", d.input, d.rho_squared_ppm, d.rises);
                }
                for b in s.histogram(24) {
                    let _ = writeln!(out, "bin {} {} {}", b.low, b.high, b.count);
                }
            }
            out
        })
    }
}

fn main() {}
