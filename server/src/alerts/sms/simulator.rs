//! A local SMS gateway with the [`HttpGateway`](super::HttpGateway) API: a server of
//! its own (`okienko sms-simulator`), not a route of the portal.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::DUPLICATE_IDX;

/// One message the simulator received.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Received {
    pub to: String,
    pub message: String,
    pub idx: String,
}

/// What the simulator keeps.
#[derive(Debug, Default)]
pub struct Inbox {
    pub messages: Vec<Received>,
    seen: HashMap<String, usize>,
    /// Refuse this many requests first (to exercise retries).
    pub fail_next: usize,
}

#[derive(Debug, Deserialize)]
struct SendForm {
    to: String,
    message: String,
    #[serde(default)]
    idx: String,
    #[serde(default)]
    check_idx: String,
}

/// The simulator's routes: `POST /sms.do` (bearer token `token`), `GET /messages`.
pub fn router(token: String) -> (Router, Arc<Mutex<Inbox>>) {
    let inbox = Arc::new(Mutex::new(Inbox::default()));
    let state = (inbox.clone(), Arc::new(token));
    let router = Router::new()
        .route("/sms.do", post(send))
        .route("/messages", get(list))
        .with_state(state);
    (router, inbox)
}

type Shared = (Arc<Mutex<Inbox>>, Arc<String>);

async fn send(
    State((inbox, token)): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<SendForm>,
) -> (StatusCode, Json<Value>) {
    let authorised = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == format!("Bearer {token}"));
    if !authorised {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"error": 101, "message": "Authorization failed"})),
        );
    }
    let Ok(mut inbox) = inbox.lock() else {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            Json(json!({"error": 999, "message": "poisoned"})),
        );
    };
    if inbox.fail_next > 0 {
        inbox.fail_next -= 1;
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({"error": 201, "message": "System internal error"})),
        );
    }
    if !form.to.starts_with("48") || form.to.len() != 11 {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": 13, "message": "No correct phone numbers"})),
        );
    }
    if form.check_idx == "1" && !form.idx.is_empty() && inbox.seen.contains_key(&form.idx) {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": DUPLICATE_IDX, "message": "Invalid idx: already used"})),
        );
    }
    let n = inbox.messages.len();
    inbox.seen.insert(form.idx.clone(), n);
    let parts = models::alerts::sms_length(&form.message).parts;
    inbox.messages.push(Received {
        to: form.to.clone(),
        message: form.message,
        idx: form.idx,
    });
    (
        StatusCode::OK,
        Json(
            json!({"count": 1, "list": [{"id": format!("sim-{n}"), "points": parts, "number": form.to, "status": "QUEUE"}]}),
        ),
    )
}

async fn list(State((inbox, _)): State<Shared>) -> Json<Vec<Received>> {
    Json(inbox.lock().map(|i| i.messages.clone()).unwrap_or_default())
}

/// Serves the simulator on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, token: String) -> anyhow::Result<()> {
    let (router, _) = router(token);
    axum::serve(listener, router).await?;
    Ok(())
}
