//! Official receipts (UPO): the office key, signing, and verification by the API
//! consumer and by `okienko receipt verify`.

use std::process::Command;

use axum::http::StatusCode;
use models::receipts::{
    AttachmentDigest, PublicKeyInfo, ReceiptDocument, SignedReceipt, VERSION, verify,
};

use crate::helpers::{SASIEDNIA, TestApp};

fn document(received_at: &str) -> ReceiptDocument {
    ReceiptDocument {
        attachments: vec![AttachmentDigest {
            name: "mapa-drzew.pdf".into(),
            sha256: "ab".repeat(32),
            size: 48_213,
        }],
        case_reference: "GK.6131.1.2026".into(),
        content_sha256: "cd".repeat(32),
        kind: "UPO".into(),
        office: "Gmina Przykładowo".into(),
        office_id: "przykladowo".into(),
        received_at: received_at.into(),
        submission_id: "0b6f0f7e-2f36-4c55-9d43-0d0c8a1d6c1e".into(),
        version: VERSION,
    }
}

pub async fn public_key(app: &TestApp, host: &str) -> PublicKeyInfo {
    let r = app.client_on(host).get("/api/receipts/public-key").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    serde_json::from_str(&r.text).expect("key info")
}

pub fn verify_cli(app: &TestApp, receipt: &str, extra: &[&str]) -> (bool, String) {
    let file = std::env::temp_dir().join(format!("upo-{}.json", uuid::Uuid::new_v4().simple()));
    std::fs::write(&file, receipt).expect("write receipt");
    let out = Command::new(env!("CARGO_BIN_EXE_okienko"))
        .args(["receipt", "verify"])
        .arg(&file)
        .args(extra)
        .env("DATABASE_URL", &app.state.config.database_url)
        .env("RUST_LOG", "warn")
        .output()
        .expect("run okienko");
    let _ = std::fs::remove_file(&file);
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[tokio::test]
async fn each_gmina_has_one_stable_public_key_anyone_can_fetch() {
    let app = TestApp::spawn().await;
    let here = public_key(&app, "localhost").await;
    assert_eq!(here, public_key(&app, "localhost").await, "stable");
    assert_eq!(
        (
            here.algorithm.as_str(),
            here.public_key.len(),
            here.key_id.len()
        ),
        ("Ed25519", 64, 16)
    );
    assert_eq!(here.office, "Gmina Przykładowo");
    let there = public_key(&app, SASIEDNIA).await;
    assert_ne!(here.key_id, there.key_id);
    assert_eq!(app.count("office_keys").await, 2);
}

#[tokio::test]
async fn a_signed_receipt_verifies_everywhere_and_any_alteration_is_caught() {
    let app = TestApp::spawn().await;
    let receipt = server::receipts::sign(
        &app.state,
        "przykladowo",
        document("2026-11-22T13:50:00+01:00"),
    )
    .await
    .expect("sign");
    let key = public_key(&app, "localhost").await;
    assert_eq!(verify(&receipt, &key), Ok(()));
    let json = serde_json::to_string_pretty(&receipt).expect("json");

    let (ok, out) = verify_cli(&app, &json, &[]);
    assert!(ok && out.starts_with("valid"), "{out}");
    assert!(out.contains("GK.6131.1.2026"));
    let (ok, out) = verify_cli(&app, &json, &["--public-key", &key.public_key]);
    assert!(ok, "offline with the published key: {out}");

    let tampered: Vec<(&str, SignedReceipt)> = vec![
        (
            "time",
            SignedReceipt {
                document: document("2026-11-21T13:50:00+01:00"),
                ..receipt.clone()
            },
        ),
        ("content", {
            let mut r = receipt.clone();
            r.document.content_sha256 = "00".repeat(32);
            r
        }),
        ("signature", {
            let mut r = receipt.clone();
            let flipped = if r.signature.starts_with('0') {
                "1"
            } else {
                "0"
            };
            r.signature.replace_range(0..1, flipped);
            r
        }),
    ];
    for (what, forged) in tampered {
        let (ok, out) = verify_cli(&app, &serde_json::to_string(&forged).expect("json"), &[]);
        assert!(!ok && out.starts_with("invalid"), "{what}: {out}");
    }
    let (ok, out) = verify_cli(&app, "{\"not\": \"a receipt\"}", &[]);
    assert!(!ok && out.contains("not a receipt"), "{out}");

    // The other gmina's key does not vouch for this office's receipt.
    let other = public_key(&app, SASIEDNIA).await;
    let (ok, out) = verify_cli(&app, &json, &["--public-key", &other.public_key]);
    assert!(!ok, "{out}");
}

#[tokio::test]
async fn keys_can_live_in_files_and_every_instance_signs_with_the_same_key() {
    let dir = std::env::temp_dir().join(format!("okienko-keys-{}", uuid::Uuid::new_v4().simple()));
    let config = server::config::Config {
        receipt_key_dir: Some(dir.clone()),
        ..Default::default()
    };
    let app = TestApp::spawn_with(config).await;
    let key = public_key(&app, "localhost").await;
    let file = dir.join(format!("przykladowo-{}.ed25519", key.key_id));
    assert!(file.exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&file).expect("meta").permissions().mode() & 0o777,
            0o600
        );
    }
    let secret: String =
        sqlx::query_scalar("SELECT secret_key_hex FROM office_keys WHERE key_id = $1")
            .bind(&key.key_id)
            .fetch_one(&app.state.db.pool)
            .await
            .expect("row");
    assert!(secret.is_empty(), "the secret is only in the file");
    let second = app.second_instance().await;
    let receipt = server::receipts::sign(
        &second.state,
        "przykladowo",
        document("2026-11-22T14:00:00+01:00"),
    )
    .await
    .expect("sign");
    assert_eq!(receipt.key_id, key.key_id);
    assert_eq!(verify(&receipt, &key), Ok(()));
    let _ = std::fs::remove_dir_all(&dir);
}
