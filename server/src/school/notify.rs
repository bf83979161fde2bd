//! The gradebook's free e-mails (messages, notices, grades, excuses), put in the outbox
//! in the transaction of the change they report, to everyone concerned who has not
//! switched that kind off (`school_mail_optouts`). They name what happened and where to
//! read it; a message's text stays in the portal.

use axum::extract::State;
use models::school::messages::{MailKind, MailPreference};
use sqlx::{AnyConnection, Row};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{ApiError, AppJson};
use crate::mail;
use crate::time_fmt::now_ms;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(preferences, set_preferences))
}

const FOOTER: &str = "\n\nZaloguj się w portalu i otwórz „Dziennik”, aby przeczytać więcej.\n\
     Te wiadomości wyłączysz w „Dziennik” → „Powiadomienia e-mail”.\n\n\
     Ta wiadomość została wysłana automatycznie. / This message was sent automatically.\n";

/// Puts one e-mail per person in the outbox for those of `users` who get this kind.
pub async fn mail_to(
    conn: &mut AnyConnection,
    gmina: &str,
    users: &[String],
    kind: MailKind,
    subject: &str,
    text: &str,
) -> anyhow::Result<()> {
    let mut users: Vec<&String> = users.iter().collect();
    users.sort();
    users.dedup();
    let at = now_ms();
    for chunk in users.chunks(200) {
        let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 3)).collect();
        // Never to the addresses of accounts that do not log in (`is_no_login`).
        let sql = format!(
            "SELECT u.email FROM users u WHERE u.gmina_id = $1 AND u.email NOT LIKE '%.invalid' AND u.id IN ({}) \
             AND NOT EXISTS (SELECT 1 FROM school_mail_optouts o WHERE o.user_id = u.id AND o.kind = $2) \
             ORDER BY u.email",
            marks.join(", ")
        );
        let mut q = sqlx::query(&sql).bind(gmina).bind(kind.as_str());
        for u in chunk {
            q = q.bind(u.as_str());
        }
        let emails: Vec<String> = q
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|r| r.get("email"))
            .collect();
        let body = format!("Dzień dobry,\n\n{text}{FOOTER}");
        for email in emails {
            mail::enqueue(conn, gmina, &email, subject, &body, at).await?;
        }
    }
    Ok(())
}

/// The pupils and their parents and guardians.
pub async fn families(
    conn: &mut AnyConnection,
    gmina: &str,
    pupils: &[String],
) -> anyhow::Result<Vec<String>> {
    let mut people = pupils.to_vec();
    for chunk in pupils.chunks(200) {
        let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
        let sql = format!(
            "SELECT parent_id FROM parent_links WHERE gmina_id = $1 AND pupil_id IN ({})",
            marks.join(", ")
        );
        let mut q = sqlx::query_scalar::<_, String>(&sql).bind(gmina);
        for p in chunk {
            q = q.bind(p.as_str());
        }
        people.extend(q.fetch_all(&mut *conn).await?);
    }
    Ok(people)
}

/// The kinds of school e-mail and whether the caller gets them.
#[utoipa::path(get, path = "/school/mail-preferences", tag = "school",
    responses((status = 200, body = Vec<MailPreference>), (status = 401, body = models::error::ErrorBody)))]
async fn preferences(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<Vec<MailPreference>>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(AppJson(current(&mut conn, &user).await?))
}

async fn current(
    conn: &mut AnyConnection,
    user: &CurrentUser,
) -> Result<Vec<MailPreference>, ApiError> {
    let off: Vec<String> = sqlx::query_scalar(
        "SELECT kind FROM school_mail_optouts WHERE gmina_id = $1 AND user_id = $2",
    )
    .bind(&user.gmina_id)
    .bind(&user.id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(MailKind::ALL
        .into_iter()
        .map(|kind| MailPreference {
            kind,
            enabled: !off.iter().any(|k| k == kind.as_str()),
        })
        .collect())
}

/// Switches kinds on or off; kinds left out stay as they were.
#[utoipa::path(put, path = "/school/mail-preferences", tag = "school",
    request_body = Vec<MailPreference>,
    responses((status = 200, body = Vec<MailPreference>), (status = 401, body = models::error::ErrorBody),
        (status = 422, body = models::error::ErrorBody)))]
async fn set_preferences(
    State(state): State<AppState>,
    user: CurrentUser,
    AppJson(wanted): AppJson<Vec<MailPreference>>,
) -> Result<AppJson<Vec<MailPreference>>, ApiError> {
    let mut tx = state.db.begin_write().await?;
    for p in &wanted {
        sqlx::query("DELETE FROM school_mail_optouts WHERE user_id = $1 AND kind = $2")
            .bind(&user.id)
            .bind(p.kind.as_str())
            .execute(&mut *tx)
            .await?;
        if !p.enabled {
            sqlx::query(
                "INSERT INTO school_mail_optouts (gmina_id, user_id, kind) VALUES ($1, $2, $3)",
            )
            .bind(&user.gmina_id)
            .bind(&user.id)
            .bind(p.kind.as_str())
            .execute(&mut *tx)
            .await?;
        }
    }
    let now = current(&mut tx, &user).await?;
    tx.commit().await?;
    Ok(AppJson(now))
}
