//! Share codes: a small, versioned text that carries one thing (for now, which
//! role card of which scenario to show) in a link's URL fragment, so it never
//! reaches a server. The format, `1` + base64url(JSON + CRC-32), is checked as a
//! whole: a tampered, truncated or oversized code is refused with a reason.

use super::content::RoleKind;
use super::lang::Lang;
use serde::{Deserialize, Serialize};

/// The format version written by this app.
pub const VERSION: char = '1';
/// The longest code accepted, in characters.
pub const MAX_LEN: usize = 8192;

/// What a code carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Share {
    /// One role card of a built-in scenario, shown in one language.
    Card {
        scenario: String,
        role: RoleKind,
        lang: Lang,
    },
}

/// Why a code was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    Empty,
    TooLong,
    /// Made by a newer app, or not a Taiwa code.
    UnknownVersion,
    /// Not valid base64url, or cut short.
    Damaged,
    /// The checksum does not match: changed or cut on the way.
    Tampered,
    /// Intact, but does not describe anything this app knows.
    Unreadable,
}

/// CRC-32 (IEEE), bitwise: codes are short, so a table is not worth its size.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let values: Option<Vec<u32>> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|&a| a == c).map(|p| p as u32))
        .collect();
    for chunk in values?.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &v)| n | v << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

pub fn encode(share: &Share) -> String {
    let mut bytes = serde_json::to_vec(share).unwrap_or_default();
    let crc = crc32(&bytes);
    bytes.extend_from_slice(&crc.to_be_bytes());
    format!("{VERSION}{}", base64url_encode(&bytes))
}

pub fn decode(code: &str) -> Result<Share, ShareError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(ShareError::Empty);
    }
    if code.len() > MAX_LEN {
        return Err(ShareError::TooLong);
    }
    let mut chars = code.chars();
    if chars.next() != Some(VERSION) {
        return Err(ShareError::UnknownVersion);
    }
    let bytes = base64url_decode(chars.as_str()).ok_or(ShareError::Damaged)?;
    if bytes.len() < 5 {
        return Err(ShareError::Damaged);
    }
    let (body, sum) = bytes.split_at(bytes.len() - 4);
    let expected = u32::from_be_bytes([sum[0], sum[1], sum[2], sum[3]]);
    if crc32(body) != expected {
        return Err(ShareError::Tampered);
    }
    serde_json::from_slice(body).map_err(|_| ShareError::Unreadable)
}

/// A QR code of `text` as rows of dark (true) and light modules, or `None` if
/// the text is too long for a QR code.
pub fn qr(text: &str) -> Option<Vec<Vec<bool>>> {
    use qrcodegen::{QrCode, QrCodeEcc};
    let code = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    let size = code.size();
    Some(
        (0..size)
            .map(|y| (0..size).map(|x| code.get_module(x, y)).collect())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card() -> Share {
        Share::Card {
            scenario: "first-meeting".into(),
            role: RoleKind::Person,
            lang: Lang::Ja,
        }
    }

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn base64url_round_trips_every_length() {
        for n in 0..40u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
            let text = base64url_encode(&bytes);
            assert!(!text.contains(['+', '/', '=']));
            assert_eq!(base64url_decode(&text), Some(bytes));
        }
    }

    #[test]
    fn a_code_round_trips_and_is_short() {
        let code = encode(&card());
        assert!(code.len() < 120, "{code}");
        assert_eq!(decode(&code), Ok(card()));
    }

    #[test]
    fn damaged_codes_are_refused_with_a_reason() {
        let code = encode(&card());
        assert_eq!(decode(""), Err(ShareError::Empty));
        assert_eq!(decode(&"1".repeat(MAX_LEN + 1)), Err(ShareError::TooLong));
        assert_eq!(
            decode(&format!("9{}", &code[1..])),
            Err(ShareError::UnknownVersion)
        );
        assert!(decode(&code[..code.len() - 3]).is_err());
        assert_eq!(decode("1!!!"), Err(ShareError::Damaged));
        // Change one character in the middle: the checksum catches it.
        let mut tampered: Vec<char> = code.chars().collect();
        let i = tampered.len() / 2;
        tampered[i] = if tampered[i] == 'A' { 'B' } else { 'A' };
        let tampered: String = tampered.into_iter().collect();
        assert!(matches!(
            decode(&tampered),
            Err(ShareError::Tampered | ShareError::Damaged)
        ));
        // Intact but meaningless.
        let mut body = br#"{"t":"spaceship"}"#.to_vec();
        let crc = crc32(&body);
        body.extend_from_slice(&crc.to_be_bytes());
        assert_eq!(
            decode(&format!("1{}", base64url_encode(&body))),
            Err(ShareError::Unreadable)
        );
    }

    #[test]
    fn no_input_makes_decode_panic() {
        // A small deterministic fuzz: every prefix and many byte mutations.
        let code = encode(&card());
        for end in 0..code.len() {
            let _ = decode(&code[..end]);
        }
        let mut seed = 0x2545_F491u32;
        for _ in 0..5000 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let mut bytes = code.as_bytes().to_vec();
            let i = seed as usize % bytes.len();
            bytes[i] = (seed >> 8) as u8;
            let text = String::from_utf8_lossy(&bytes);
            let _ = decode(&text);
        }
    }

    #[test]
    fn qr_codes_are_square() {
        let m = qr("https://127.0.0.1/card#1abc").unwrap();
        assert!(m.len() >= 21 && m.iter().all(|row| row.len() == m.len()));
    }
}
