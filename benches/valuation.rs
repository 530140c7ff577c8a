//! The native engine's speed (criterion): `cargo bench --bench valuation`.
//!
//! - `evaluate/base`: one validation + valuation of the Base preset;
//! - `evaluate/10k_varied`: 10,000 valuations of scenarios that differ in
//!   every segment's driver, margin and multiple and in the group terms
//!   (built once, outside the timed loop);
//! - `analysis/grid_7x7`: the default sensitivity grid of the Base preset
//!   (EV deliveries by the EV multiple, 49 valuations);
//! - `analysis/breakeven_all`: every input's break-even of the Base preset;
//! - `analysis/tornado`: the Bear-to-Bull tornado of the Base preset.
//!
//! `bash scripts/bench` runs it and copies the estimates into target/bench.json.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

use criterion::{criterion_group, criterion_main, Criterion};
use rust_decimal::Decimal;
use sotp::model::{evaluate, Driver, Preset, Scenario};
use std::hint::black_box;

/// 10,000 valid scenarios derived from the three presets, each one different.
fn varied() -> Vec<Scenario> {
    let presets: Vec<Scenario> = Preset::ALL.iter().map(|p| p.scenario()).collect();
    (0..10_000_i64)
        .map(|i| {
            let mut s = presets[(i % 3) as usize].clone();
            let step = Decimal::new(i % 97, 1); // 0.0 .. 9.6
            for (k, seg) in s.segments.iter_mut().enumerate() {
                let k = Decimal::from(k as i64 + 1);
                seg.margin_pct = (seg.margin_pct + step / k).min(Decimal::from(60));
                seg.multiple += step;
                match &mut seg.driver {
                    Driver::Units { units, .. } => *units += Decimal::from(i * 10),
                    Driver::UnitsGrowth { base_units, .. } => *base_units += Decimal::from(i * 10),
                    Driver::Revenue { revenue_bn } => *revenue_bn += step,
                    Driver::RevenueGrowth { growth_pct, .. } => *growth_pct += step,
                }
            }
            s.net_cash_bn += Decimal::new(i, 2);
            s.holding_discount_pct = Decimal::new(i % 300, 1);
            s
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let base = Preset::Base.scenario();
    assert!(evaluate(&base).is_ok(), "the Base preset values");
    let list = varied();
    assert!(list.iter().all(|s| evaluate(s).is_ok()), "every varied scenario values");

    let mut group = c.benchmark_group("evaluate");
    group.bench_function("base", |b| b.iter(|| evaluate(black_box(&base))));
    group.sample_size(20);
    group.bench_function("10k_varied", |b| {
        b.iter(|| {
            let mut ok = 0_usize;
            for s in black_box(&list) {
                ok += usize::from(evaluate(s).is_ok());
            }
            ok
        })
    });
    group.finish();

    let v = evaluate(&base).unwrap();
    let (x, y) = sotp::analysis::sensitivity::default_axes(&base, &[]).unwrap();
    let mut group = c.benchmark_group("analysis");
    group
        .bench_function("grid_7x7", |b| b.iter(|| sotp::analysis::sensitivity::grid(black_box(&base), x, y)));
    group.bench_function("breakeven_all", |b| {
        b.iter(|| sotp::analysis::breakeven::all(black_box(&base), black_box(&v)))
    });
    group.bench_function("tornado", |b| {
        b.iter(|| sotp::analysis::tornado::bars(black_box(&base), sotp::analysis::tornado::Basis::Presets))
    });
    group.finish();

    // The Monte Carlo worker's run, natively: tests/e2e/mc-bench.mjs times
    // the same draws in the browser against this.
    let setup = sotp::analysis::monte_carlo::defaults(&base);
    let mut group = c.benchmark_group("monte_carlo");
    group.sample_size(10);
    group.bench_function("base_10000", |b| {
        b.iter(|| sotp::analysis::monte_carlo::run::run(black_box(&base), black_box(&setup)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
