//! Ids: fresh ones from the time and a random number, and the prefix that
//! marks a user's own content.
//!
//! Nothing here reads a clock or a random source: the caller passes them in.

/// Every id of an item a user wrote (a scenario, reframe or deck) starts with
/// this. The content check refuses it for built-in content, so the two never
/// collide.
pub const OWN_PREFIX: &str = "mine-";

/// Whether an id names a user's own item.
pub fn is_own(id: &str) -> bool {
    id.starts_with(OWN_PREFIX)
}

/// A new id: the time and a random number (in `[0, 1)`), both in base 36.
pub fn new_id(now: i64, random: f64) -> String {
    fn b36(mut n: u64) -> String {
        const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut out = Vec::new();
        loop {
            out.push(DIGITS[(n % 36) as usize]);
            n /= 36;
            if n == 0 {
                break;
            }
        }
        out.reverse();
        String::from_utf8(out).unwrap_or_default()
    }
    let r = (random.clamp(0.0, 1.0) * 1_679_616.0) as u64; // 36^4
    format!("{}{:0>4}", b36(now.max(0) as u64), b36(r.min(1_679_615)))
}

/// A new id for an item the user writes.
pub fn new_own_id(now: i64, random: f64) -> String {
    format!("{OWN_PREFIX}{}", new_id(now, random))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_and_differ() {
        let a = new_id(1_795_325_400_000, 0.1);
        let b = new_id(1_795_325_400_000, 0.2);
        assert_ne!(a, b);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_eq!(new_id(0, 0.0), "00000");
    }

    #[test]
    fn own_ids_are_marked_as_own() {
        let id = new_own_id(1_700_000_000_000, 0.5);
        assert!(is_own(&id), "{id}");
        assert!(!is_own("asked-for-advice"));
    }
}
