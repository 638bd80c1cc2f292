//! The lock: what is stored when a passcode protects the user's data.
//!
//! With the lock on, everything the user wrote that is stored (the document,
//! the records set aside, a backup file) is kept in an [`Envelope`]: sealed
//! with AES-256-GCM under a random **data key**, which is itself kept twice,
//! sealed ("wrapped") under a key derived from the passcode and under one
//! derived from the recovery code.
//!
//! Nothing here is crypto of our own making: the cipher is RustCrypto's
//! audited `aes-gcm`; the keys that wrap the data key are derived outside,
//! by the browser's WebCrypto (PBKDF2-SHA-256, [`ITERATIONS`] rounds, a
//! random salt per wrapping), and handed in as [`Kek`]s; every random byte
//! (keys, salts, nonces, the recovery code) comes from outside too
//! (`crypto.getRandomValues`). So every function here is deterministic, and
//! tested natively.
//!
//! Each sealed part is bound to what it holds (associated data): a wrapped
//! key cannot be passed off as a document, nor a backup as stored data.

use crate::edges::share::{base64url_decode, base64url_encode};
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

/// The envelope's format; a newer one is refused, not misread.
pub const FORMAT: u32 = 1;
/// How the keys that wrap the data key are derived.
pub const KDF: &str = "PBKDF2-SHA-256";
/// PBKDF2 rounds: OWASP's figure for PBKDF2-HMAC-SHA-256.
pub const ITERATIONS: u32 = 600_000;
/// Bytes of a key (AES-256).
pub const KEY_BYTES: usize = 32;
/// Bytes of a nonce (AES-GCM's 96 bits).
pub const NONCE_BYTES: usize = 12;
/// Bytes of a salt.
pub const SALT_BYTES: usize = 16;
/// Bytes of a recovery code (160 bits: 32 characters).
pub const RECOVERY_BYTES: usize = 20;
/// The shortest passcode accepted, in characters.
pub const MIN_PASSCODE: usize = 6;

/// What an envelope holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Holds {
    /// The stored document.
    Data,
    /// Records set aside because they could not be read.
    SetAside,
    /// A backup file.
    Backup,
}

impl Holds {
    fn key(self) -> &'static str {
        match self {
            Holds::Data => "data",
            Holds::SetAside => "set_aside",
            Holds::Backup => "backup",
        }
    }
}

/// Which secret opens the data key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Secret {
    Passcode,
    Recovery,
}

impl Secret {
    fn aad(self) -> String {
        let which = match self {
            Secret::Passcode => "passcode",
            Secret::Recovery => "recovery",
        };
        format!("taiwa/lock/{FORMAT}/key/{which}")
    }
}

/// Why a sealed text could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockError {
    /// The text is not an envelope at all.
    NotSealed,
    /// An envelope, but cut short or damaged in its form.
    Damaged,
    /// Written by a newer app.
    Newer { format: u32 },
    /// The passcode or recovery code does not open the data key (or the
    /// wrapped key was changed: the two cannot be told apart).
    WrongSecret,
    /// The key is right, but the sealed data was changed or damaged.
    Tampered,
    /// It holds something else than was asked for.
    NotThis { holds: Holds },
}

/// A key that wraps the data key, derived from a secret outside (WebCrypto),
/// with the salt and rounds it was derived with.
pub struct Kek {
    key: [u8; KEY_BYTES],
    salt: Vec<u8>,
    iterations: u32,
}

impl Kek {
    /// The key derived from a secret with `salt` and `iterations`.
    pub fn derived(key: [u8; KEY_BYTES], salt: &[u8], iterations: u32) -> Kek {
        Kek {
            key,
            salt: salt.to_vec(),
            iterations,
        }
    }
}

impl Drop for Kek {
    fn drop(&mut self) {
        self.key.zeroize();
    }
}

/// The data key, kept in one place, wiped when dropped.
#[derive(Clone)]
struct DataKey([u8; KEY_BYTES]);

impl Drop for DataKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

/// The data key sealed under a key derived from a secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wrapping {
    kdf: String,
    iterations: u32,
    salt: String,
    iv: String,
    key: String,
}

impl Wrapping {
    fn new(data: &DataKey, kek: &Kek, secret: Secret, nonce: [u8; NONCE_BYTES]) -> Wrapping {
        Wrapping {
            kdf: KDF.to_string(),
            iterations: kek.iterations,
            salt: base64url_encode(&kek.salt),
            iv: base64url_encode(&nonce),
            key: base64url_encode(&seal(&kek.key, &nonce, &secret.aad(), &data.0)),
        }
    }

    /// The salt to derive the secret's key with.
    pub fn salt(&self) -> Vec<u8> {
        base64url_decode(&self.salt).unwrap_or_default()
    }

    /// The rounds to derive the secret's key with.
    pub fn iterations(&self) -> u32 {
        self.iterations
    }

    fn unwrap(&self, kek: &[u8; KEY_BYTES], secret: Secret) -> Result<DataKey, LockError> {
        let iv = base64url_decode(&self.iv).ok_or(LockError::Damaged)?;
        let sealed = base64url_decode(&self.key).ok_or(LockError::Damaged)?;
        let plain = open(kek, &iv, &secret.aad(), &sealed).ok_or(LockError::WrongSecret)?;
        let key: [u8; KEY_BYTES] = plain
            .as_slice()
            .try_into()
            .map_err(|_| LockError::Damaged)?;
        Ok(DataKey(key))
    }
}

/// What is stored, or written to a file, with the lock on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    app: String,
    lock: u32,
    holds: Holds,
    passcode: Wrapping,
    recovery: Wrapping,
    iv: String,
    data: String,
}

impl Envelope {
    /// Reads an envelope; says why a text is not one.
    pub fn read(text: &str) -> Result<Envelope, LockError> {
        #[derive(Deserialize)]
        struct Probe {
            app: Option<String>,
            lock: Option<u32>,
        }
        let probe: Probe = serde_json::from_str(text).map_err(|_| LockError::NotSealed)?;
        match probe.lock {
            None => return Err(LockError::NotSealed),
            Some(f) if f > FORMAT => return Err(LockError::Newer { format: f }),
            Some(_) if probe.app.as_deref() != Some(crate::document::APP) => {
                return Err(LockError::NotSealed)
            }
            Some(_) => {}
        }
        serde_json::from_str(text).map_err(|_| LockError::Damaged)
    }

    /// Whether a stored text is sealed (an envelope, readable or not).
    pub fn is_sealed(text: &str) -> bool {
        !matches!(Envelope::read(text), Err(LockError::NotSealed))
    }

    pub fn holds(&self) -> Holds {
        self.holds
    }

    /// The wrapping the secret opens (for its salt and rounds).
    pub fn wrapping(&self, secret: Secret) -> &Wrapping {
        match secret {
            Secret::Passcode => &self.passcode,
            Secret::Recovery => &self.recovery,
        }
    }

    /// The keys, if `kek` (derived from the secret with this envelope's
    /// wrapping's salt and rounds) opens the data key.
    pub fn unlock(&self, secret: Secret, kek: &Kek) -> Result<Keys, LockError> {
        let data = self.wrapping(secret).unwrap(&kek.key, secret)?;
        Ok(Keys {
            data,
            passcode: self.passcode.clone(),
            recovery: self.recovery.clone(),
        })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The unlocked keys: the data key, and its two wrappings.
#[derive(Clone)]
pub struct Keys {
    data: DataKey,
    passcode: Wrapping,
    recovery: Wrapping,
}

impl Keys {
    /// New keys for turning the lock on: a random data key, wrapped under
    /// the passcode's key and the recovery code's.
    pub fn new(
        data_key: [u8; KEY_BYTES],
        passcode: &Kek,
        recovery: &Kek,
        nonces: [[u8; NONCE_BYTES]; 2],
    ) -> Keys {
        let data = DataKey(data_key);
        Keys {
            passcode: Wrapping::new(&data, passcode, Secret::Passcode, nonces[0]),
            recovery: Wrapping::new(&data, recovery, Secret::Recovery, nonces[1]),
            data,
        }
    }

    /// The same data key under a new passcode (the recovery code stays).
    pub fn with_passcode(&self, passcode: &Kek, nonce: [u8; NONCE_BYTES]) -> Keys {
        Keys {
            passcode: Wrapping::new(&self.data, passcode, Secret::Passcode, nonce),
            ..self.clone()
        }
    }

    /// `plain` sealed in an envelope that holds `holds` (a fresh nonce each
    /// time: never reuse one).
    pub fn seal(&self, holds: Holds, plain: &str, nonce: [u8; NONCE_BYTES]) -> Envelope {
        Envelope {
            app: crate::document::APP.to_string(),
            lock: FORMAT,
            holds,
            passcode: self.passcode.clone(),
            recovery: self.recovery.clone(),
            iv: base64url_encode(&nonce),
            data: base64url_encode(&seal(&self.data.0, &nonce, &aad(holds), plain.as_bytes())),
        }
    }

    /// What an envelope of these keys holds. On success the keys take the
    /// envelope's wrappings: another tab may have changed the passcode, and
    /// the next seal must keep the change.
    pub fn open(&mut self, envelope: &Envelope, holds: Holds) -> Result<String, LockError> {
        if envelope.holds != holds {
            return Err(LockError::NotThis {
                holds: envelope.holds,
            });
        }
        let iv = base64url_decode(&envelope.iv).ok_or(LockError::Damaged)?;
        let sealed = base64url_decode(&envelope.data).ok_or(LockError::Damaged)?;
        let plain = open(&self.data.0, &iv, &aad(holds), &sealed).ok_or(LockError::Tampered)?;
        let text = String::from_utf8(plain).map_err(|_| LockError::Tampered)?;
        self.passcode = envelope.passcode.clone();
        self.recovery = envelope.recovery.clone();
        Ok(text)
    }

    /// The data key's bytes, to hand to another tab of this browser (over
    /// `BroadcastChannel`, which never leaves the device) so that all tabs
    /// unlock together.
    pub fn data_key(&self) -> [u8; KEY_BYTES] {
        self.data.0
    }

    /// Keys from a data key another tab handed over, checked against the
    /// stored envelope: `None` if the key does not open it.
    pub fn handed(data_key: [u8; KEY_BYTES], stored: &Envelope) -> Option<(Keys, String)> {
        let mut keys = Keys {
            data: DataKey(data_key),
            passcode: stored.passcode.clone(),
            recovery: stored.recovery.clone(),
        };
        let plain = keys.open(stored, stored.holds).ok()?;
        Some((keys, plain))
    }
}

fn aad(holds: Holds) -> String {
    format!("taiwa/lock/{FORMAT}/{}", holds.key())
}

fn seal(key: &[u8; KEY_BYTES], nonce: &[u8; NONCE_BYTES], aad: &str, plain: &[u8]) -> Vec<u8> {
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key));
    let payload = Payload {
        msg: plain,
        aad: aad.as_bytes(),
    };
    // Encryption fails only for a message over 64 GiB.
    cipher
        .encrypt(Nonce::from_slice(nonce), payload)
        .unwrap_or_default()
}

fn open(key: &[u8; KEY_BYTES], nonce: &[u8], aad: &str, sealed: &[u8]) -> Option<Vec<u8>> {
    if nonce.len() != NONCE_BYTES {
        return None;
    }
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key));
    let payload = Payload {
        msg: sealed,
        aad: aad.as_bytes(),
    };
    cipher.decrypt(Nonce::from_slice(nonce), payload).ok()
}

/// The recovery code: random bytes shown once as 32 characters in groups
/// of four (Crockford's base 32: no I, L, O or U, so nothing reads as
/// another).
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryCode([u8; RECOVERY_BYTES]);

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

impl RecoveryCode {
    pub fn from_bytes(bytes: [u8; RECOVERY_BYTES]) -> RecoveryCode {
        RecoveryCode(bytes)
    }

    /// The code as shown: `ABCD-EFGH-…` (eight groups of four).
    pub fn text(&self) -> String {
        let mut chars = Vec::with_capacity(32);
        for chunk in self.0.chunks(5) {
            let n = chunk.iter().fold(0u64, |n, &b| n << 8 | b as u64);
            for i in (0..8).rev() {
                chars.push(CROCKFORD[(n >> (5 * i) & 31) as usize] as char);
            }
        }
        chars
            .chunks(4)
            .map(|g| g.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("-")
    }

    /// A code as typed: any case, with or without hyphens and spaces, in
    /// full-width characters too (as a Japanese keyboard may give them);
    /// O is read as 0, and I and L as 1.
    pub fn parse(typed: &str) -> Option<RecoveryCode> {
        let mut values = Vec::with_capacity(32);
        for c in typed.chars() {
            // Full-width ASCII (U+FF01..U+FF5E) and the ideographic space.
            let c = match c as u32 {
                0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                0x3000 => ' ',
                _ => c,
            };
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' | '\t' | '\n' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            values.push(CROCKFORD.iter().position(|&a| a as char == c)? as u64);
        }
        if values.len() != 32 {
            return None;
        }
        let mut bytes = [0u8; RECOVERY_BYTES];
        for (group, chunk) in values.chunks(8).enumerate() {
            let n = chunk.iter().fold(0u64, |n, &v| n << 5 | v);
            for i in 0..5 {
                bytes[group * 5 + i] = (n >> (8 * (4 - i))) as u8;
            }
        }
        Some(RecoveryCode(bytes))
    }

    /// The secret a key is derived from.
    pub fn secret(&self) -> &[u8] {
        &self.0
    }
}

impl Drop for RecoveryCode {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

/// What is wrong with a new passcode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasscodeProblem {
    /// Fewer than [`MIN_PASSCODE`] characters.
    TooShort,
    /// Only spaces.
    Blank,
    /// The two entries differ.
    Differ,
}

/// Checks a new passcode and its confirmation.
pub fn check_passcode(passcode: &str, again: &str) -> Result<(), PasscodeProblem> {
    if passcode.trim().is_empty() {
        Err(PasscodeProblem::Blank)
    } else if passcode.chars().count() < MIN_PASSCODE {
        Err(PasscodeProblem::TooShort)
    } else if passcode != again {
        Err(PasscodeProblem::Differ)
    } else {
        Ok(())
    }
}

/// Wrong tries so far, kept beside the envelope (not secret), so that a
/// reload does not start the count again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tries {
    pub failed: u32,
    /// When the last wrong try was (ms).
    pub last: i64,
}

impl Tries {
    /// Seconds to wait after `failed` wrong tries: none for the first
    /// three, then 5 s, doubling, up to five minutes.
    pub fn wait_after(failed: u32) -> i64 {
        match failed {
            0..=3 => 0,
            n => (5i64 << (n - 4).min(6)).min(300),
        }
    }

    /// Milliseconds until the next try is allowed (0: now).
    pub fn wait_ms(&self, now: i64) -> i64 {
        (self.last + Tries::wait_after(self.failed) * 1000 - now).max(0)
    }

    /// One more wrong try, at `now`.
    pub fn failed_at(self, now: i64) -> Tries {
        Tries {
            failed: self.failed.saturating_add(1),
            last: now,
        }
    }

    pub fn read(text: &str) -> Tries {
        serde_json::from_str(text).unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kek(n: u8) -> Kek {
        Kek::derived([n; KEY_BYTES], &[n; SALT_BYTES], ITERATIONS)
    }

    fn keys() -> Keys {
        Keys::new([7; KEY_BYTES], &kek(1), &kek(2), [[3; 12], [4; 12]])
    }

    #[test]
    fn sealed_data_opens_with_either_secret_and_only_with_them() {
        let sealed = keys().seal(Holds::Data, "日記：今日は話せた", [9; 12]);
        let text = sealed.to_json();
        assert!(!text.contains("今日"));
        let read = Envelope::read(&text).unwrap();
        for (secret, k) in [(Secret::Passcode, kek(1)), (Secret::Recovery, kek(2))] {
            let mut keys = read.unlock(secret, &k).unwrap();
            assert_eq!(keys.open(&read, Holds::Data).unwrap(), "日記：今日は話せた");
        }
        assert_eq!(
            read.unlock(Secret::Passcode, &kek(2)).err(),
            Some(LockError::WrongSecret)
        );
        assert_eq!(
            read.unlock(Secret::Recovery, &kek(1)).err(),
            Some(LockError::WrongSecret)
        );
    }

    #[test]
    fn an_envelope_is_opened_only_as_what_it_holds() {
        let mut keys = keys();
        let backup = keys.seal(Holds::Backup, "{}", [1; 12]);
        assert_eq!(
            keys.open(&backup, Holds::Data),
            Err(LockError::NotThis {
                holds: Holds::Backup
            })
        );
        // Relabelled by hand: the associated data no longer fits.
        let mut relabelled = backup.clone();
        relabelled.holds = Holds::Data;
        assert_eq!(
            keys.open(&relabelled, Holds::Data),
            Err(LockError::Tampered)
        );
        // A wrapped key moved into the other slot does not open either.
        let mut swapped = backup;
        std::mem::swap(&mut swapped.passcode, &mut swapped.recovery);
        assert!(swapped.unlock(Secret::Passcode, &kek(2)).is_err());
    }

    #[test]
    fn a_new_passcode_keeps_the_data_key_and_the_recovery_code() {
        let old = keys();
        let sealed = old.seal(Holds::Data, "x", [5; 12]);
        let new = old.with_passcode(&kek(8), [6; 12]);
        let resealed = new.seal(Holds::Data, "y", [7; 12]);
        assert!(resealed.unlock(Secret::Passcode, &kek(1)).is_err());
        assert!(resealed.unlock(Secret::Passcode, &kek(8)).is_ok());
        assert!(resealed.unlock(Secret::Recovery, &kek(2)).is_ok());
        // Old data opens with the new keys: the data key did not change.
        let mut k = resealed.unlock(Secret::Passcode, &kek(8)).unwrap();
        assert_eq!(k.open(&sealed, Holds::Data).unwrap(), "x");
    }

    #[test]
    fn opening_takes_the_wrappings_of_what_another_tab_stored() {
        let mut mine = keys();
        let theirs = mine.with_passcode(&kek(8), [6; 12]);
        let stored = theirs.seal(Holds::Data, "z", [1; 12]);
        mine.open(&stored, Holds::Data).unwrap();
        let next = mine.seal(Holds::Data, "z2", [2; 12]);
        assert!(next.unlock(Secret::Passcode, &kek(8)).is_ok());
        assert!(next.unlock(Secret::Passcode, &kek(1)).is_err());
    }

    #[test]
    fn a_handed_key_is_checked_against_what_is_stored() {
        let stored = keys().seal(Holds::Data, "w", [1; 12]);
        let (_, plain) = Keys::handed([7; KEY_BYTES], &stored).unwrap();
        assert_eq!(plain, "w");
        assert!(Keys::handed([8; KEY_BYTES], &stored).is_none());
    }

    #[test]
    fn envelopes_are_told_from_plain_data_and_from_newer_ones() {
        let text = keys().seal(Holds::Data, "{}", [1; 12]).to_json();
        assert!(Envelope::is_sealed(&text));
        assert!(!Envelope::is_sealed(r#"{"app":"taiwa","schema":3}"#));
        assert!(!Envelope::is_sealed("not json"));
        let newer = text.replace("\"lock\":1", "\"lock\":2");
        assert_eq!(
            Envelope::read(&newer).err(),
            Some(LockError::Newer { format: 2 })
        );
        let cut = text.replace("\"iv\":", "\"vi\":");
        assert_eq!(Envelope::read(&cut).err(), Some(LockError::Damaged));
    }

    #[test]
    fn recovery_codes_round_trip_and_forgive_how_they_are_typed() {
        let bytes: [u8; RECOVERY_BYTES] = std::array::from_fn(|i| (i * 37 + 11) as u8);
        let code = RecoveryCode::from_bytes(bytes);
        let text = code.text();
        assert_eq!(text.len(), 32 + 7);
        assert_eq!(text.split('-').count(), 8);
        assert!(text
            .chars()
            .all(|c| c == '-' || CROCKFORD.contains(&(c as u8))));
        assert!(RecoveryCode::parse(&text) == Some(code.clone()));
        let typed = text.to_lowercase().replace('-', " ");
        assert!(RecoveryCode::parse(&typed) == Some(code.clone()));
        let wide: String = text
            .chars()
            .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap())
            .collect();
        assert!(RecoveryCode::parse(&wide) == Some(code.clone()));
        let zero = RecoveryCode::from_bytes([0; RECOVERY_BYTES]);
        assert!(RecoveryCode::parse(&"o".repeat(32)) == Some(zero));
        assert!(RecoveryCode::parse(&text[..30]).is_none());
        assert!(RecoveryCode::parse(&text.replace('-', "U")).is_none());
    }

    #[test]
    fn passcodes_are_checked_before_anything_is_sealed() {
        assert_eq!(check_passcode("  ", "  "), Err(PasscodeProblem::Blank));
        assert_eq!(
            check_passcode("12345", "12345"),
            Err(PasscodeProblem::TooShort)
        );
        assert_eq!(check_passcode("はなしてみる", "はなしてみる"), Ok(()));
        assert_eq!(
            check_passcode("abcdef", "abcdeg"),
            Err(PasscodeProblem::Differ)
        );
    }

    #[test]
    fn wrong_tries_wait_longer_and_longer() {
        let waits: Vec<i64> = (0..12).map(Tries::wait_after).collect();
        assert_eq!(waits, [0, 0, 0, 0, 5, 10, 20, 40, 80, 160, 300, 300]);
        let mut tries = Tries::default();
        for _ in 0..4 {
            tries = tries.failed_at(1_000);
        }
        assert_eq!(tries.wait_ms(1_000), 5_000);
        assert_eq!(tries.wait_ms(7_000), 0);
        assert_eq!(Tries::read(&tries.to_json()), tries);
        assert_eq!(Tries::read("garbage"), Tries::default());
    }
}
