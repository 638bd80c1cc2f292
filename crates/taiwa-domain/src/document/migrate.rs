//! Bringing a stored document of an older schema up to the current one, one
//! step at a time. Each schema has a fixture under
//! `crates/taiwa-domain/tests/fixtures/schema-N.json` that must keep loading.

use super::aggregate::SCHEMA;
use serde_json::Value;

/// Migrates `value`, written with schema `from`, to [`SCHEMA`] (a newer one
/// is left as it is). Fields a step adds with a default need no step: the
/// reader fills them.
pub fn migrate(mut value: Value, from: u32) -> Value {
    // 1 → 2 adds `own`, which defaults to empty: nothing to change.
    // 2 → 3 adds `care`: since when data is kept is the oldest time any
    // record carries, so that a reminder to back up counts from the data's
    // real age, not from the day of the update.
    if from < 3 {
        let since = oldest_time(&value);
        if let Some(obj) = value.as_object_mut() {
            let care = obj
                .entry("care")
                .or_insert_with(|| Value::Object(Default::default()));
            if let Some(care) = care.as_object_mut() {
                care.entry("since").or_insert(Value::from(since));
            }
        }
    }
    if from < SCHEMA {
        if let Some(obj) = value.as_object_mut() {
            obj.insert("schema".into(), Value::from(SCHEMA));
        }
    }
    value
}

/// The oldest `created`, `started` or `updated` time of any record (0 when
/// there is none).
fn oldest_time(value: &Value) -> i64 {
    fn walk(v: &Value, depth: usize, oldest: &mut Option<i64>) {
        if depth > 4 {
            return;
        }
        if let Some(obj) = v.as_object() {
            for (k, x) in obj {
                if matches!(k.as_str(), "created" | "started" | "updated") {
                    if let Some(t) = x.as_i64().filter(|t| *t > 0) {
                        *oldest = Some(oldest.map_or(t, |o| o.min(t)));
                    }
                } else {
                    walk(x, depth + 1, oldest);
                }
            }
        }
    }
    let mut oldest = None;
    for map in ["journal", "practice", "revisit", "plans", "sessions", "own"] {
        if let Some(v) = value.get(map) {
            walk(v, 0, &mut oldest);
        }
    }
    oldest.unwrap_or(0)
}
