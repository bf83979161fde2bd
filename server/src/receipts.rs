//! Official receipts (UPO): the office's Ed25519 key and signing.
//!
//! Each gmina has its own key, generated the first time it is needed (at `serve` start),
//! kept in `office_keys` — or, with `OKIENKO_RECEIPT_KEY_DIR`, its secret half in a file
//! there. Verification is `models::receipts::verify`, shared with the browser and the CLI.

pub mod keys;
pub mod routes;

use ed25519_dalek::Signer;
use models::receipts::{ALGORITHM, ReceiptDocument, SignedReceipt, canonical_bytes};

use crate::startup::AppState;

/// Signs a receipt document with the gmina's current key.
pub async fn sign(
    state: &AppState,
    gmina: &str,
    document: ReceiptDocument,
) -> anyhow::Result<SignedReceipt> {
    let key = keys::current(
        &state.db.pool,
        state.config.receipt_key_dir.as_deref(),
        gmina,
    )
    .await?;
    Ok(sign_with(&key, document))
}

/// Signs a document with a key already loaded (inside a transaction, say).
pub fn sign_with(key: &keys::OfficeKey, document: ReceiptDocument) -> SignedReceipt {
    let signature = key.signing.sign(&canonical_bytes(&document));
    SignedReceipt {
        algorithm: ALGORITHM.to_owned(),
        document,
        key_id: key.key_id.clone(),
        signature: hex::encode(signature.to_bytes()),
    }
}
