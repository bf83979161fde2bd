//! The receipt (UPO) verifier anyone can run on a receipt they were given: any text is
//! refused or checked without a panic, and nothing verifies against a key that signed
//! nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use models::receipts::{PublicKeyInfo, key_id, parse, verify};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(receipt) = parse(text) else {
        return;
    };
    // The ed25519 public key of the all-zero secret: no receipt was ever signed with it
    // by the office, and a forged one must not pass.
    let public = [
        0x3b, 0x6a, 0x27, 0xbc, 0xce, 0xb6, 0xa4, 0x2d, 0x62, 0xa3, 0xa8, 0xd0, 0x2a, 0x6f, 0x0d,
        0x73, 0x65, 0x32, 0x15, 0x77, 0x1d, 0xe2, 0x43, 0xa6, 0x3a, 0xc0, 0x48, 0xa1, 0x8b, 0x59,
        0xda, 0x29,
    ];
    let key = PublicKeyInfo {
        algorithm: "Ed25519".into(),
        key_id: key_id(&public),
        public_key: public.iter().map(|b| format!("{b:02x}")).collect(),
        office: "Urząd Gminy Przykładowo".into(),
    };
    let _ = verify(&receipt, &key);
});
