//! Shuffling from a seed: the caller passes the seed in (the app takes one
//! from the browser), so the same seed always gives the same order and tests
//! can pin it.

/// A small, fast generator (SplitMix64): good enough to shuffle a list.
pub fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Fisher–Yates shuffle driven by `seed`.
pub fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed;
    for i in (1..items.len()).rev() {
        let j = (next(&mut state) % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// `0..n` in an order shuffled by `seed`.
pub fn order(n: usize, seed: u64) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    shuffle(&mut v, seed);
    v
}

/// A seed from two numbers (a run's seed and a moment's place, say).
pub fn mix(a: u64, b: u64) -> u64 {
    let mut s = a ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    next(&mut s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_order_and_every_item_once() {
        assert_eq!(order(6, 42), order(6, 42));
        let mut o = order(6, 42);
        o.sort_unstable();
        assert_eq!(o, [0, 1, 2, 3, 4, 5]);
        let differ = (0..20)
            .filter(|s| order(4, *s) != order(4, s + 100))
            .count();
        assert!(differ > 10, "seeds give different orders");
    }
}
