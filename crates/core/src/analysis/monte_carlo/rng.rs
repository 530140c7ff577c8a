//! The seeded generator: xoshiro256** (Blackman and Vigna, 2018), its
//! state filled from the seed by SplitMix64, as its authors recommend.
//!
//! Written out here rather than taken from a crate so that the sequence is
//! part of this repository: the same seed gives the same draws on every
//! machine and in every release, and `tests/monte_carlo.rs` pins the
//! published outputs of both generators.

/// SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit state stepped by the
/// golden-ratio constant and mixed.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// xoshiro256**: 256 bits of state, period 2^256 - 1.
#[derive(Clone, Debug)]
pub struct Xoshiro256 {
    s: [u64; 4],
}

impl Xoshiro256 {
    /// The generator of a seed: four SplitMix64 outputs as its state (never
    /// all zero, the one state xoshiro cannot leave).
    pub fn seeded(seed: u64) -> Xoshiro256 {
        let mut sm = SplitMix64::new(seed);
        Xoshiro256 { s: [sm.next_u64(), sm.next_u64(), sm.next_u64(), sm.next_u64()] }
    }

    /// The generator with this exact state (for the reference vectors).
    pub fn from_state(s: [u64; 4]) -> Xoshiro256 {
        Xoshiro256 { s }
    }

    pub fn next_u64(&mut self) -> u64 {
        let [s0, s1, s2, s3] = self.s;
        let result = s1.wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s1 << 17;
        let s2 = s2 ^ s0;
        let s3 = s3 ^ s1;
        let s1 = s1 ^ s2;
        let s0 = s0 ^ s3;
        self.s = [s0, s1, s2 ^ t, s3.rotate_left(45)];
        result
    }

    /// The top 53 bits as a number in (0, 1): k/2^53 shifted by half a step,
    /// so neither end is ever drawn (the normal's inverse needs both open).
    pub fn open_unit(&mut self) -> f64 {
        const STEP: f64 = 1.0 / 9_007_199_254_740_992.0; // 2^-53
        let k = self.next_u64() >> 11;
        // k < 2^53, so the conversion is exact.
        #[allow(clippy::cast_precision_loss, clippy::float_arithmetic)]
        let u = (k as f64 + 0.5) * STEP;
        u
    }
}
