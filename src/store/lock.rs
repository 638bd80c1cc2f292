//! The passcode lock, in the store: a wasm module of its own (`lock`),
//! loaded only when the lock is on or being turned on.
//!
//! The rules of the envelope (sealing, wrapping, the recovery code, the
//! waits after wrong tries) are `domain::lock`'s; this module adds what only
//! the browser has: keys derived by WebCrypto (PBKDF2-SHA-256), random bytes
//! from `crypto.getRandomValues`, and writing to storage. Nothing is written
//! until a passcode has been checked, and a failure writes nothing.

use super::tabs::{self, Said};
use super::{io, now, storage, Guard, Store, KEY, QUARANTINE_PREFIX, TRIES};
use crate::domain::backup;
use crate::domain::document::{self, Document};
use crate::domain::lock::{
    Envelope, Holds, Kek, Keys, LockError, RecoveryCode, Secret, Tries, ITERATIONS, RECOVERY_BYTES,
    SALT_BYTES,
};
use crate::domain::share::{base64url_decode, base64url_encode};
use leptos::prelude::*;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

type Boxed<T> = Pin<Box<dyn Future<Output = T>>>;

/// A secret as typed.
#[derive(Clone, Debug)]
pub enum Typed {
    Passcode(String),
    Recovery(String),
}

/// Why the lock did not do what was asked (the UI says it in words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The passcode (or recovery code) does not open the data.
    WrongSecret,
    /// What was typed is not a recovery code (wrong length or characters).
    NotACode,
    /// Too many wrong tries: wait this many milliseconds.
    Wait(i64),
    /// What is stored is damaged or was changed: it cannot be decrypted.
    Damaged,
    /// Sealed by a newer version of the app.
    Newer,
    /// This browser offers no WebCrypto here (an insecure address).
    NoCrypto,
    /// Storage refused the write: nothing changed.
    Storage,
}

impl From<LockError> for Failure {
    fn from(e: LockError) -> Failure {
        match e {
            LockError::WrongSecret => Failure::WrongSecret,
            LockError::Newer { .. } => Failure::Newer,
            LockError::NotSealed
            | LockError::Damaged
            | LockError::Tampered
            | LockError::NotThis { .. } => Failure::Damaged,
        }
    }
}

/// `N` random bytes from the browser's cryptographic source.
fn random<const N: usize>() -> Result<[u8; N], Failure> {
    let mut bytes = [0u8; N];
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(Failure::NoCrypto)?;
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| Failure::NoCrypto)?;
    Ok(bytes)
}

/// The bytes a passcode stands for: its text in Unicode's composed form
/// (NFC), so that the same passcode typed through another keyboard or IME
/// opens the same data.
fn passcode_bytes(passcode: &str) -> Vec<u8> {
    let composed: String = js_sys::JsString::from(passcode).normalize("NFC").into();
    composed.into_bytes()
}

/// The key WebCrypto derives from `secret` (PBKDF2-SHA-256).
async fn derive(secret: &[u8], salt: &[u8], iterations: u32) -> Result<Kek, Failure> {
    let no = |_| Failure::NoCrypto;
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(Failure::NoCrypto)?;
    let subtle = crypto.subtle();
    if subtle.is_undefined() {
        return Err(Failure::NoCrypto);
    }
    let usages = js_sys::Array::of1(&JsValue::from_str("deriveBits"));
    let material = js_sys::Uint8Array::from(secret);
    let base = JsFuture::from(
        subtle
            .import_key_with_str("raw", &material, "PBKDF2", false, &usages)
            .map_err(no)?,
    )
    .await
    .map_err(no)?;
    let params = web_sys::Pbkdf2Params::new_with_str(
        "PBKDF2",
        "SHA-256",
        iterations,
        &js_sys::Uint8Array::from(salt),
    );
    let bits = JsFuture::from(
        subtle
            .derive_bits_with_object(&params, base.unchecked_ref(), 256)
            .map_err(no)?,
    )
    .await
    .map_err(no)?;
    let key: [u8; 32] = js_sys::Uint8Array::new(&bits)
        .to_vec()
        .try_into()
        .map_err(|_| Failure::NoCrypto)?;
    Ok(Kek::derived(key, salt, iterations))
}

/// The key a typed secret derives for an envelope's wrapping.
async fn derive_for(envelope: &Envelope, typed: &Typed) -> Result<(Secret, Kek), Failure> {
    let (secret, bytes) = match typed {
        Typed::Passcode(p) => (Secret::Passcode, passcode_bytes(p)),
        Typed::Recovery(code) => {
            let code = RecoveryCode::parse(code).ok_or(Failure::NotACode)?;
            (Secret::Recovery, code.secret().to_vec())
        }
    };
    let wrapping = envelope.wrapping(secret);
    let kek = derive(&bytes, &wrapping.salt(), wrapping.iterations()).await?;
    Ok((secret, kek))
}

/// A key derived afresh from a new passcode (a new salt).
async fn new_passcode_kek(passcode: &str) -> Result<Kek, Failure> {
    let salt = random::<SALT_BYTES>()?;
    derive(&passcode_bytes(passcode), &salt, ITERATIONS).await
}

fn sealed(keys: &Keys, holds: Holds, plain: &str) -> Result<String, Failure> {
    Ok(keys.seal(holds, plain, random()?).to_json())
}

fn stored_envelope() -> Result<Envelope, Failure> {
    let raw = storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .ok_or(Failure::Damaged)?;
    Ok(Envelope::read(&raw)?)
}

fn tries() -> Tries {
    storage()
        .and_then(|s| s.get_item(TRIES).ok().flatten())
        .map(|t| Tries::read(&t))
        .unwrap_or_default()
}

fn set_tries(tries: Option<Tries>) {
    if let Some(s) = storage() {
        let _ = match tries {
            Some(t) => s.set_item(TRIES, &t.to_json()),
            None => s.remove_item(TRIES),
        };
    }
}

/// Checks a typed secret against the stored envelope: the keys, or why not
/// (a wrong try is counted, and the wait after many is kept to).
async fn check(typed: &Typed) -> Result<(Envelope, Keys), Failure> {
    let wait = tries().wait_ms(now());
    if wait > 0 {
        return Err(Failure::Wait(wait));
    }
    let envelope = stored_envelope()?;
    let (secret, kek) = derive_for(&envelope, typed).await?;
    match envelope.unlock(secret, &kek) {
        Ok(keys) => {
            set_tries(None);
            Ok((envelope, keys))
        }
        Err(e) => {
            if e == LockError::WrongSecret {
                set_tries(Some(tries().failed_at(now())));
            }
            Err(e.into())
        }
    }
}

/// Waits until no save is on its way (so that a write here is not undone).
async fn quiet(store: Store) {
    while store.saving.get_value() {
        super::pause(20).await;
    }
}

/// Every quarantine key's text changed by `change` (sealed or opened).
fn each_quarantined(mut change: impl FnMut(&str) -> Option<String>) {
    let Some(s) = storage() else {
        return;
    };
    let keys: Vec<String> = (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(QUARANTINE_PREFIX))
        .collect();
    for k in keys {
        if let Some(new) = s.get_item(&k).ok().flatten().and_then(|v| change(&v)) {
            let _ = s.set_item(&k, &new);
        }
    }
}

/// The store is open with `keys`: kept, told to the other tabs, watched;
/// with the `plain` text the seal held taken in.
fn hold(store: Store, keys: Keys, plain: Option<&str>) {
    tabs::say(Said::Key(base64url_encode(&keys.data_key())));
    hold_quietly(store, keys, plain);
}

/// As [`hold`], with keys another tab handed over (not told back). The
/// document is in before the lock screen goes: its views must not see the
/// change after their state is gone.
fn hold_quietly(store: Store, keys: Keys, plain: Option<&str>) {
    store.keys.set_value(Some(keys.clone()));
    if let Some(plain) = plain {
        take_in(store, &keys, plain);
    }
    store.guard.set(Guard::Open);
    watch(store);
}

/// Opens the lock with a passcode or the recovery code.
#[leptos::wasm_split::wasm_split(lock, wasm_split_path = ::leptos::wasm_split)]
pub fn unlock(store: Store, typed: Typed) -> Boxed<Result<(), Failure>> {
    Box::pin(async move {
        let raw = storage().and_then(|s| s.get_item(KEY).ok().flatten());
        // Turned off, or everything deleted, in another tab meanwhile.
        if let Some(raw) = raw.as_ref().filter(|r| !Envelope::is_sealed(r)) {
            store.take_in(io::read_plain(raw, &|t| t.to_string()));
            store.guard.set(Guard::Off);
            return Ok(());
        }
        if raw.is_none() {
            store.opened();
            store.guard.set(Guard::Off);
            return Ok(());
        }
        let (envelope, mut keys) = check(&typed).await?;
        let plain = keys.open(&envelope, Holds::Data)?;
        hold(store, keys, Some(&plain));
        Ok(())
    })
}

/// Takes in what the sealed data held (what cannot be read is set aside,
/// sealed too).
fn take_in(store: Store, keys: &Keys, plain: &str) {
    let opened = io::read_plain(plain, &|text| {
        sealed(keys, Holds::SetAside, text).unwrap_or_else(|_| text.to_string())
    });
    store.take_in(opened);
}

/// Opens with the recovery code and sets a new passcode.
#[leptos::wasm_split::wasm_split(lock, wasm_split_path = ::leptos::wasm_split)]
pub fn recover(store: Store, code: String, passcode: String) -> Boxed<Result<(), Failure>> {
    Box::pin(async move {
        // Checked first: a wrong code leaves everything as it was.
        let (envelope, mut keys) = check(&Typed::Recovery(code)).await?;
        let plain = keys.open(&envelope, Holds::Data)?;
        let kek = new_passcode_kek(&passcode).await?;
        let keys = keys.with_passcode(&kek, random()?);
        // The same data under the new wrapping, before anything opens.
        let resealed = sealed(&keys, Holds::Data, &plain)?;
        storage()
            .and_then(|s| s.set_item(KEY, &resealed).ok())
            .ok_or(Failure::Storage)?;
        hold(store, keys, Some(&plain));
        Ok(())
    })
}

/// Turns the lock on: returns the recovery code, to be shown once.
#[leptos::wasm_split::wasm_split(lock, wasm_split_path = ::leptos::wasm_split)]
pub fn turn_on(store: Store, passcode: String) -> Boxed<Result<String, Failure>> {
    Box::pin(async move {
        let code = RecoveryCode::from_bytes(random::<RECOVERY_BYTES>()?);
        let by_passcode = new_passcode_kek(&passcode).await?;
        let by_code = derive(code.secret(), &random::<SALT_BYTES>()?, ITERATIONS).await?;
        let keys = Keys::new(random()?, &by_passcode, &by_code, [random()?, random()?]);
        quiet(store).await;
        let json = store.doc.with_untracked(document::to_json);
        let envelope = sealed(&keys, Holds::Data, &json)?;
        storage()
            .and_then(|s| s.set_item(KEY, &envelope).ok())
            .ok_or(Failure::Storage)?;
        store.dirty.set_value(false);
        each_quarantined(|text| {
            (!Envelope::is_sealed(text))
                .then(|| sealed(&keys, Holds::SetAside, text).ok())
                .flatten()
        });
        hold(store, keys, None);
        Ok(code.text())
    })
}

/// A new passcode, after the current one is checked.
#[leptos::wasm_split::wasm_split(lock, wasm_split_path = ::leptos::wasm_split)]
pub fn change(store: Store, current: String, new: String) -> Boxed<Result<(), Failure>> {
    Box::pin(async move {
        let (_, keys) = check(&Typed::Passcode(current)).await?;
        let kek = new_passcode_kek(&new).await?;
        let keys = keys.with_passcode(&kek, random()?);
        quiet(store).await;
        let json = store.doc.with_untracked(document::to_json);
        let envelope = sealed(&keys, Holds::Data, &json)?;
        storage()
            .and_then(|s| s.set_item(KEY, &envelope).ok())
            .ok_or(Failure::Storage)?;
        store.keys.set_value(Some(keys));
        Ok(())
    })
}

/// Turns the lock off, after the passcode is checked: stored plain again.
#[leptos::wasm_split::wasm_split(lock, wasm_split_path = ::leptos::wasm_split)]
pub fn turn_off(store: Store, passcode: String) -> Boxed<Result<(), Failure>> {
    Box::pin(async move {
        let (_, mut keys) = check(&Typed::Passcode(passcode)).await?;
        quiet(store).await;
        let json = store.doc.with_untracked(document::to_json);
        storage()
            .and_then(|s| s.set_item(KEY, &json).ok())
            .ok_or(Failure::Storage)?;
        each_quarantined(|text| {
            let envelope = Envelope::read(text).ok()?;
            keys.open(&envelope, envelope.holds()).ok()
        });
        store.keys.set_value(None);
        store.guard.set(Guard::Off);
        tabs::say(Said::Off);
        Ok(())
    })
}

/// Sets aside stored data that cannot be decrypted (damaged, or changed),
/// as it is, and starts afresh without the lock: only when the person asks.
#[leptos::wasm_split::wasm_split(lock, wasm_split_path = ::leptos::wasm_split)]
pub fn set_aside_damaged(store: Store) -> bool {
    let Some(s) = storage() else {
        return false;
    };
    let Some(raw) = s.get_item(KEY).ok().flatten() else {
        return false;
    };
    if !io::quarantine(&s, &raw) {
        return false;
    }
    let _ = s.remove_item(KEY);
    store.guard.set(Guard::Off);
    store.take_in(io::Opened {
        doc: Document::default(),
        notices: vec![super::Notice::Quarantined],
        rewrite: false,
    });
    true
}

/// `mine` merged with what another tab stored, sealed to store; and theirs,
/// to merge into what is shown. `None`: another tab turned the lock off.
#[leptos::wasm_split::wasm_split(lock, wasm_split_path = ::leptos::wasm_split)]
pub fn merged(
    mine: Document,
    theirs: Option<String>,
    keys: Keys,
) -> Option<(Option<Document>, String, Keys)> {
    let mut mine = mine;
    let mut keys = keys;
    let theirs = match theirs {
        Some(raw) if !Envelope::is_sealed(&raw) => return None,
        Some(raw) => Envelope::read(&raw)
            .ok()
            .and_then(|e| keys.open(&e, Holds::Data).ok())
            .and_then(|plain| document::read_current(&plain)),
        None => None,
    };
    if let Some(t) = &theirs {
        mine.merge(t);
    }
    let json = document::to_json(&mine);
    // Without a random nonce nothing is written (never a reused one).
    let sealed = sealed(&keys, Holds::Data, &json).ok()?;
    Some((theirs, sealed, keys))
}

/// What another tab stored, as this one reads it.
pub enum Heard {
    /// Sealed with our keys (which follow its wrappings).
    Sealed(Box<Document>, Keys),
    /// Plain: the lock was turned off there.
    Plain(Document),
    Unreadable,
}

/// Reads what another tab stored, with our keys.
#[leptos::wasm_split::wasm_split(lock, wasm_split_path = ::leptos::wasm_split)]
pub fn current(raw: String, keys: Keys) -> Heard {
    let mut keys = keys;
    if !Envelope::is_sealed(&raw) {
        return document::read_current(&raw).map_or(Heard::Unreadable, Heard::Plain);
    }
    Envelope::read(&raw)
        .ok()
        .and_then(|e| keys.open(&e, Holds::Data).ok())
        .and_then(|plain| document::read_current(&plain))
        .map_or(Heard::Unreadable, |doc| Heard::Sealed(Box::new(doc), keys))
}

/// Another tab opened the lock (or turned it on) and handed over its key.
#[leptos::wasm_split::wasm_split(lock, wasm_split_path = ::leptos::wasm_split)]
pub fn handed(store: Store, key: String) {
    let Some(key) = base64url_decode(&key).and_then(|k| <[u8; 32]>::try_from(k).ok()) else {
        return;
    };
    let Ok(envelope) = stored_envelope() else {
        return;
    };
    let Some((keys, plain)) = Keys::handed(key, &envelope) else {
        return;
    };
    match store.guard.get_untracked() {
        Guard::Locked => hold_quietly(store, keys, Some(&plain)),
        // The lock was just turned on elsewhere: keep saving, sealed.
        Guard::Off => hold_quietly(store, keys, None),
        Guard::Open => {}
    }
}

/// A backup of the document, sealed with the lock's keys (opened on another
/// device with the passcode or the recovery code).
#[leptos::wasm_split::wasm_split(lock, wasm_split_path = ::leptos::wasm_split)]
pub fn sealed_backup(store: Store) -> Option<String> {
    let keys = store.keys.get_value()?;
    let file = store.doc.with_untracked(|d| backup::export(d, now()));
    sealed(&keys, Holds::Backup, &file).ok()
}

/// What a sealed backup file holds, opened with a passcode or recovery code
/// (on any device: the file carries its own wrappings).
#[leptos::wasm_split::wasm_split(lock, wasm_split_path = ::leptos::wasm_split)]
pub fn open_backup(text: String, typed: Typed) -> Boxed<Result<String, Failure>> {
    Box::pin(async move {
        let envelope = Envelope::read(&text)?;
        let (secret, kek) = derive_for(&envelope, &typed).await?;
        let mut keys = envelope.unlock(secret, &kek)?;
        Ok(keys.open(&envelope, Holds::Backup)?)
    })
}

/// The text of data set aside, opened if it was sealed (with the lock open).
#[leptos::wasm_split::wasm_split(lock, wasm_split_path = ::leptos::wasm_split)]
pub fn unsealed(store: Store, text: String) -> String {
    let opened = Envelope::read(&text).ok().and_then(|e| {
        let mut keys = store.keys.get_value()?;
        keys.open(&e, e.holds()).ok()
    });
    opened.unwrap_or(text)
}

thread_local! {
    /// When the app was last used (ms), and when it went to the background.
    static ACTIVE: Cell<i64> = const { Cell::new(0) };
    static HIDDEN: Cell<i64> = const { Cell::new(0) };
    static WATCHING: Cell<bool> = const { Cell::new(false) };
}

/// Closes the lock after the chosen minutes unused, or in the background.
fn watch(store: Store) {
    ACTIVE.with(|a| a.set(now()));
    if WATCHING.with(|w| w.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let after = move || {
        store
            .doc
            .with_untracked(|d| i64::from(d.settings().lock_minutes()) * 60_000)
    };
    let used = Closure::<dyn Fn()>::new(|| ACTIVE.with(|a| a.set(now())));
    for event in ["pointerdown", "keydown", "touchstart", "wheel"] {
        let _ = window.add_event_listener_with_callback(event, used.as_ref().unchecked_ref());
    }
    used.forget();
    let tick = Closure::<dyn Fn()>::new(move || {
        if store.guard.get_untracked() == Guard::Open && now() - ACTIVE.with(Cell::get) >= after() {
            store.lock_now();
        }
    });
    let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
        tick.as_ref().unchecked_ref(),
        10_000,
    );
    tick.forget();
    if let Some(document) = window.document() {
        let doc = document.clone();
        let seen = Closure::<dyn Fn()>::new(move || {
            if doc.hidden() {
                HIDDEN.with(|h| h.set(now()));
                return;
            }
            let hidden = HIDDEN.with(|h| h.replace(0));
            if hidden > 0 && store.guard.get_untracked() == Guard::Open && now() - hidden >= after()
            {
                store.lock_now();
            } else {
                ACTIVE.with(|a| a.set(now()));
            }
        });
        let _ = document
            .add_event_listener_with_callback("visibilitychange", seen.as_ref().unchecked_ref());
        seen.forget();
    }
}
