//! The official receipt (UPO, urzędowe poświadczenie odbioru) and its verification.
//!
//! The office signs the canonical JSON of a [`ReceiptDocument`] with its Ed25519 key.
//! Anyone holding the office's public key (`GET /api/receipts/public-key`) can check a
//! receipt: the browser (in wasm, offline once the key is loaded) and the CLI run this
//! same code. The canonical form is the compact JSON of the document with its fields in
//! the order declared below (alphabetical), so any change of a value breaks the signature.

use ed25519_dalek::{Signature, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The only signature algorithm used.
pub const ALGORITHM: &str = "Ed25519";
/// The document format's version.
pub const VERSION: u32 = 1;

/// What the office confirms it received. Fields are alphabetical: the canonical order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReceiptDocument {
    /// Every attachment's name, SHA-256 and size.
    pub attachments: Vec<AttachmentDigest>,
    /// The case reference (znak sprawy), e.g. `GK.6131.12.2026`.
    pub case_reference: String,
    /// SHA-256 (hex) of the submitted form content.
    pub content_sha256: String,
    /// Always `UPO`.
    pub kind: String,
    /// The office's name.
    pub office: String,
    /// The gmina's id.
    pub office_id: String,
    /// When the office received it: RFC 3339 in Europe/Warsaw, e.g. `2026-11-22T13:50:00+01:00`.
    pub received_at: String,
    /// The submission's id.
    pub submission_id: String,
    /// Format version.
    pub version: u32,
}

/// One attachment in a receipt. Fields are alphabetical: the canonical order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AttachmentDigest {
    /// File name as submitted.
    pub name: String,
    /// SHA-256 (hex) of the file.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
}

/// A receipt as downloaded: the document, the signing key's id and the signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignedReceipt {
    /// `Ed25519`.
    pub algorithm: String,
    /// What was received.
    pub document: ReceiptDocument,
    /// Id of the office key that signed ([`key_id`]).
    pub key_id: String,
    /// The signature over [`canonical_bytes`], hex.
    pub signature: String,
}

/// An office's public key, `GET /api/receipts/public-key`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicKeyInfo {
    /// `Ed25519`.
    pub algorithm: String,
    /// [`key_id`] of the key.
    pub key_id: String,
    /// The 32-byte public key, hex.
    pub public_key: String,
    /// The office the key belongs to.
    pub office: String,
}

/// Why a receipt is not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifyError {
    /// Not a receipt document at all (the parse error).
    Malformed(String),
    /// Signed with another algorithm.
    UnsupportedAlgorithm(String),
    /// Signed by a key other than the one given.
    UnknownKey(String),
    /// The public key is not a valid Ed25519 key.
    BadPublicKey,
    /// The signature is not 64 hex-encoded bytes.
    BadSignatureEncoding,
    /// The signature does not match the document: it was altered or forged.
    SignatureMismatch,
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VerifyError::Malformed(why) => write!(f, "not a receipt: {why}"),
            VerifyError::UnsupportedAlgorithm(a) => write!(f, "unsupported signature algorithm {a:?}"),
            VerifyError::UnknownKey(id) => write!(f, "signed by an unknown key {id:?}"),
            VerifyError::BadPublicKey => f.write_str("the office public key is not a valid Ed25519 key"),
            VerifyError::BadSignatureEncoding => f.write_str("the signature is not 64 hex-encoded bytes"),
            VerifyError::SignatureMismatch => {
                f.write_str("the signature does not match: the receipt was altered or not issued by this office")
            }
        }
    }
}

/// The bytes the office signs.
pub fn canonical_bytes(document: &ReceiptDocument) -> Vec<u8> {
    serde_json::to_vec(document).unwrap_or_default()
}

/// A key's id: the first 16 hex digits of the SHA-256 of its 32 bytes.
pub fn key_id(public_key: &[u8; 32]) -> String {
    hex::encode(&Sha256::digest(public_key)[..8])
}

/// Parses a receipt file's text.
pub fn parse(json: &str) -> Result<SignedReceipt, VerifyError> {
    serde_json::from_str(json).map_err(|e| VerifyError::Malformed(e.to_string()))
}

/// Checks a receipt against an office's public key.
pub fn verify(receipt: &SignedReceipt, key: &PublicKeyInfo) -> Result<(), VerifyError> {
    if receipt.algorithm != ALGORITHM {
        return Err(VerifyError::UnsupportedAlgorithm(receipt.algorithm.clone()));
    }
    if receipt.key_id != key.key_id {
        return Err(VerifyError::UnknownKey(receipt.key_id.clone()));
    }
    let bytes: [u8; 32] = hex::decode(&key.public_key)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or(VerifyError::BadPublicKey)?;
    if key_id(&bytes) != key.key_id {
        return Err(VerifyError::BadPublicKey);
    }
    let verifying = VerifyingKey::from_bytes(&bytes).map_err(|_| VerifyError::BadPublicKey)?;
    let signature: [u8; 64] = hex::decode(&receipt.signature)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or(VerifyError::BadSignatureEncoding)?;
    verifying
        .verify_strict(
            &canonical_bytes(&receipt.document),
            &Signature::from_bytes(&signature),
        )
        .map_err(|_| VerifyError::SignatureMismatch)
}

#[cfg(test)]
mod tests {
    use ed25519_dalek::{Signer, SigningKey};

    use super::*;

    fn document() -> ReceiptDocument {
        ReceiptDocument {
            attachments: vec![AttachmentDigest {
                name: "mapa.pdf".into(),
                sha256: "ab".repeat(32),
                size: 1234,
            }],
            case_reference: "GK.6131.12.2026".into(),
            content_sha256: "cd".repeat(32),
            kind: "UPO".into(),
            office: "Gmina Przykładowo".into(),
            office_id: "przykladowo".into(),
            received_at: "2026-11-22T13:50:00+01:00".into(),
            submission_id: "6f1c".into(),
            version: VERSION,
        }
    }

    fn signed(key: &SigningKey, document: ReceiptDocument) -> (SignedReceipt, PublicKeyInfo) {
        let public = key.verifying_key().to_bytes();
        let info = PublicKeyInfo {
            algorithm: ALGORITHM.into(),
            key_id: key_id(&public),
            public_key: hex::encode(public),
            office: document.office.clone(),
        };
        let signature = hex::encode(key.sign(&canonical_bytes(&document)).to_bytes());
        (
            SignedReceipt {
                algorithm: ALGORITHM.into(),
                document,
                key_id: info.key_id.clone(),
                signature,
            },
            info,
        )
    }

    #[test]
    fn a_receipt_verifies_and_survives_being_pretty_printed() {
        let key = SigningKey::from_bytes(&[7u8; 32]);
        let (receipt, info) = signed(&key, document());
        assert_eq!(verify(&receipt, &info), Ok(()));
        let mut value: serde_json::Value = serde_json::to_value(&receipt).expect("json");
        let pretty = serde_json::to_string_pretty(&value.take()).expect("pretty");
        assert_eq!(verify(&parse(&pretty).expect("parses"), &info), Ok(()));
    }

    #[test]
    fn any_altered_field_breaks_the_signature() {
        let key = SigningKey::from_bytes(&[7u8; 32]);
        let (receipt, info) = signed(&key, document());
        let alterations: Vec<fn(&mut ReceiptDocument)> = vec![
            |d| d.received_at = "2026-11-21T13:50:00+01:00".into(),
            |d| d.content_sha256 = "ce".repeat(32),
            |d| d.case_reference = "GK.6131.13.2026".into(),
            |d| d.attachments[0].sha256 = "ac".repeat(32),
            |d| d.attachments.clear(),
            |d| d.office = "Gmina Inna".into(),
        ];
        for alter in alterations {
            let mut forged = receipt.clone();
            alter(&mut forged.document);
            assert_eq!(verify(&forged, &info), Err(VerifyError::SignatureMismatch));
        }
        let mut bad = receipt.clone();
        bad.signature.replace_range(0..2, "00");
        assert!(verify(&bad, &info).is_err());
        // Signed by another key that claims the office's key id.
        let (mut other, _) = signed(&SigningKey::from_bytes(&[8u8; 32]), document());
        other.key_id = info.key_id.clone();
        assert_eq!(verify(&other, &info), Err(VerifyError::SignatureMismatch));
    }

    #[test]
    fn malformed_files_and_extra_fields_are_refused() {
        assert!(matches!(parse("not json"), Err(VerifyError::Malformed(_))));
        let key = SigningKey::from_bytes(&[7u8; 32]);
        let (receipt, _) = signed(&key, document());
        let mut value = serde_json::to_value(&receipt).expect("json");
        value["document"]["note"] = serde_json::json!("added later");
        assert!(matches!(
            parse(&value.to_string()),
            Err(VerifyError::Malformed(_))
        ));
    }
}
