//! Delivering the office's documents to a party through the national legal channel,
//! e-Doręczenia (ustawa o doręczeniach elektronicznych; the default for public bodies
//! since 2025–2026), behind the [`LegalDelivery`] seam.
//!
//! The national service cannot be reached from here, so the only implementation is
//! [`Simulator`]: it records the delivery in `deliveries` with a simulated proof of
//! delivery (dowód doręczenia), in the caller's transaction. A real adapter would put
//! the same row in an outbox and send it to the provider, recording the provider's proof.

use serde_json::json;
use sqlx::AnyConnection;

use crate::db::new_id;

/// What is being delivered.
#[derive(Debug, Clone)]
pub struct Delivery<'a> {
    pub gmina: &'a str,
    pub case_id: &'a str,
    pub document_id: &'a str,
    /// The party's electronic delivery address (adres do doręczeń elektronicznych).
    pub address: &'a str,
    pub at: i64,
}

/// The national legal delivery channel.
pub trait LegalDelivery {
    /// Hands a document over for delivery; returns the delivery's id.
    fn deliver(
        &self,
        conn: &mut AnyConnection,
        delivery: &Delivery<'_>,
    ) -> impl std::future::Future<Output = anyhow::Result<String>> + Send;
}

/// The local stand-in for e-Doręczenia.
#[derive(Debug, Clone, Copy, Default)]
pub struct Simulator;

impl LegalDelivery for Simulator {
    async fn deliver(&self, conn: &mut AnyConnection, d: &Delivery<'_>) -> anyhow::Result<String> {
        let id = new_id();
        let proof = json!({
            "simulated": true,
            "kind": "dowód doręczenia",
            "address": d.address,
            "delivered_at_ms": d.at,
        });
        sqlx::query(
            "INSERT INTO deliveries (id, gmina_id, case_id, document_id, channel, address, status, proof_json, created_at) \
             VALUES ($1, $2, $3, $4, 'e-doreczenia-simulator', $5, 'delivered', $6, $7)",
        )
        .bind(&id)
        .bind(d.gmina)
        .bind(d.case_id)
        .bind(d.document_id)
        .bind(d.address)
        .bind(proof.to_string())
        .bind(d.at)
        .execute(&mut *conn)
        .await?;
        Ok(id)
    }
}
