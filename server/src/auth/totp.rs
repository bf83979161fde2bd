//! The second factor of teachers' accounts: time-based one-time passwords (RFC 6238,
//! HMAC-SHA-1, 30-second steps, 6 digits), which every authenticator app reads from an
//! `otpauth://` address. A code is accepted for the step before, the current one and
//! the next (clock drift), and only for a step later than the last one used, so an
//! overheard code cannot be replayed (RFC 6238 § 5.2).

use hmac::{Hmac, Mac};
use sha1::Sha1;

/// Seconds per step.
pub const STEP_SECONDS: i64 = 30;
/// Digits of a code.
pub const DIGITS: u32 = 6;

/// The code of a step (RFC 4226 § 5.3, dynamic truncation).
pub fn code(secret: &[u8], step: i64) -> u32 {
    let mut mac = Hmac::<Sha1>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[19] & 0x0f);
    let binary = (u32::from(digest[offset]) & 0x7f) << 24
        | u32::from(digest[offset + 1]) << 16
        | u32::from(digest[offset + 2]) << 8
        | u32::from(digest[offset + 3]);
    binary % 10u32.pow(DIGITS)
}

/// The step of a time in UTC milliseconds.
pub fn step_at(ms: i64) -> i64 {
    ms.div_euclid(1000 * STEP_SECONDS)
}

/// The step a typed code belongs to, if it is right for the step before, now or after
/// and later than `last_used`.
pub fn verify(secret: &[u8], typed: &str, now_ms: i64, last_used: Option<i64>) -> Option<i64> {
    let typed = typed.trim().replace(' ', "");
    if typed.len() != DIGITS as usize || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: u32 = typed.parse().ok()?;
    let now = step_at(now_ms);
    (now - 1..=now + 1)
        .filter(|s| last_used.is_none_or(|l| *s > l))
        .find(|s| code(secret, *s) == value)
}

const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// RFC 4648 base32 without padding: how apps take the secret.
pub fn base32(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for b in bytes {
        buffer = buffer << 8 | u32::from(*b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

/// Reads base32 (upper or lower case, spaces and padding ignored).
pub fn from_base32(text: &str) -> Option<Vec<u8>> {
    let mut out = vec![];
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter(|c| *c != b' ' && *c != b'=') {
        let v = ALPHABET.iter().position(|a| *a == c.to_ascii_uppercase())? as u32;
        buffer = buffer << 5 | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    Some(out)
}

/// A new 160-bit secret.
pub fn new_secret() -> anyhow::Result<Vec<u8>> {
    let mut bytes = vec![0u8; 20];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    Ok(bytes)
}

/// The `otpauth://` address an authenticator app reads (as a QR code or a link).
pub fn otpauth_uri(issuer: &str, account: &str, secret: &[u8]) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    char::from(b).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
        enc(issuer),
        enc(account),
        base32(secret),
        enc(issuer)
    )
}

/// The QR code of an `otpauth://` address, as an SVG `data:` URL for an `<img>` (the
/// page's CSP allows `data:` images; nothing with the secret is fetched by its URL).
pub fn qr_data_url(uri: &str) -> anyhow::Result<String> {
    use base64::Engine;
    let code = qrcode::QrCode::with_error_correction_level(uri.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| anyhow::anyhow!("otpauth address too long for a QR code: {e}"))?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    Ok(format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(svg)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1 (the last six of its eight digits).
    #[test]
    fn the_rfc_6238_test_vectors() {
        let secret = b"12345678901234567890";
        for (seconds, eight) in [
            (59, 94_287_082u32),
            (1_111_111_109, 7_081_804),
            (1_111_111_111, 14_050_471),
            (1_234_567_890, 89_005_924),
            (2_000_000_000, 69_279_037),
            (20_000_000_000, 65_353_130),
        ] {
            assert_eq!(code(secret, seconds / 30), eight % 1_000_000, "T={seconds}");
        }
    }

    #[test]
    fn a_code_is_taken_once_within_the_drift_window() {
        let secret = b"12345678901234567890";
        let now = 1_234_567_890_000;
        let step = step_at(now);
        let typed = format!("{:06}", code(secret, step));
        assert_eq!(verify(secret, &typed, now, None), Some(step));
        assert_eq!(verify(secret, &typed, now, Some(step)), None, "replayed");
        let next = format!("{:06}", code(secret, step + 1));
        assert_eq!(verify(secret, &next, now, Some(step)), Some(step + 1));
        let far = format!("{:06}", code(secret, step + 3));
        assert_eq!(verify(secret, &far, now, None), None);
        assert_eq!(verify(secret, "12345", now, None), None);
        assert_eq!(verify(secret, "abcdef", now, None), None);
    }

    #[test]
    fn base32_round_trips() {
        assert_eq!(base32(b"Hello!\xde\xad\xbe\xef"), "JBSWY3DPEHPK3PXP");
        assert_eq!(
            from_base32("jbsw y3dp ehpk 3pxp").as_deref(),
            Some(&b"Hello!\xde\xad\xbe\xef"[..])
        );
        for n in 0..25u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
            assert_eq!(from_base32(&base32(&bytes)), Some(bytes));
        }
        assert_eq!(from_base32("0189"), None);
    }
}
