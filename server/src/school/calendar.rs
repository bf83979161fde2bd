//! A pupil's iCalendar feed (RFC 5545) that phones subscribe to without a session: the
//! lessons of the next two weeks with their substitutions (a cancelled lesson is
//! `STATUS:CANCELLED`), and the next eight weeks' tests and quizzes the teachers have
//! announced (graded-work columns dated ahead) and homework due. The address holds a
//! secret per person and pupil; a new one revokes the old.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use jiff::ToSpan;
use models::error::ErrorBody;
use models::school::messages::AgendaKind;
use models::school::timetable::Change;
use serde::Serialize;
use sqlx::AnyConnection;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::access::{Scope, enrolment, pupil_in_view};
use super::agenda::of_class;
use super::timetable::{Whose, lessons_between};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::auth::session::new_token;
use crate::error::{ApiError, AppJson};
use crate::tenancy::Tenant;
use crate::time_fmt::{parse_warsaw_local, today};

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(address, renew))
        .routes(routes!(feed))
}

/// The feed's address.
#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarAddress {
    /// Path of the feed (`/api/school/calendar/<secret>.ics`), to prefix with the portal's address.
    pub path: String,
}

async fn family_only(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    pupil: &str,
) -> Result<(), ApiError> {
    let (_, scope) = pupil_in_view(conn, user, pupil).await?;
    if scope != Scope::Family {
        return Err(ApiError::not_found());
    }
    Ok(())
}

/// Stores a new secret of the caller's feed of a pupil.
async fn new_feed(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    pupil: &str,
) -> Result<String, ApiError> {
    let token = new_token()?;
    sqlx::query(
        "INSERT INTO school_calendars (token, gmina_id, user_id, pupil_id) VALUES ($1, $2, $3, $4)",
    )
    .bind(&token)
    .bind(&user.gmina_id)
    .bind(&user.id)
    .bind(pupil)
    .execute(&mut *conn)
    .await?;
    Ok(token)
}

/// The caller's address of the pupil's feed (made on first ask): the pupil and parents.
#[utoipa::path(get, path = "/school/pupils/{pupil}/calendar", tag = "school",
    params(("pupil" = String, Path)),
    responses((status = 200, body = CalendarAddress), (status = 404, body = ErrorBody)))]
async fn address(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(pupil): Path<String>,
) -> Result<AppJson<CalendarAddress>, ApiError> {
    let mut tx = state.db.begin_write().await?;
    family_only(&mut tx, &user, &pupil).await?;
    let existing: Option<String> = sqlx::query_scalar(
        "SELECT token FROM school_calendars WHERE user_id = $1 AND pupil_id = $2",
    )
    .bind(&user.id)
    .bind(&pupil)
    .fetch_optional(&mut *tx)
    .await?;
    let token = match existing {
        Some(t) => t,
        None => new_feed(&mut tx, &user, &pupil).await?,
    };
    tx.commit().await?;
    Ok(AppJson(CalendarAddress {
        path: format!("/api/school/calendar/{token}.ics"),
    }))
}

/// A new address; the old one stops working.
#[utoipa::path(post, path = "/school/pupils/{pupil}/calendar", tag = "school",
    params(("pupil" = String, Path)),
    responses((status = 200, body = CalendarAddress), (status = 404, body = ErrorBody)))]
async fn renew(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(pupil): Path<String>,
) -> Result<AppJson<CalendarAddress>, ApiError> {
    let mut tx = state.db.begin_write().await?;
    family_only(&mut tx, &user, &pupil).await?;
    sqlx::query("DELETE FROM school_calendars WHERE user_id = $1 AND pupil_id = $2")
        .bind(&user.id)
        .bind(&pupil)
        .execute(&mut *tx)
        .await?;
    let token = new_token()?;
    sqlx::query(
        "INSERT INTO school_calendars (token, gmina_id, user_id, pupil_id) VALUES ($1, $2, $3, $4)",
    )
    .bind(&token)
    .bind(&user.gmina_id)
    .bind(&user.id)
    .bind(&pupil)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(AppJson(CalendarAddress {
        path: format!("/api/school/calendar/{token}.ics"),
    }))
}

/// Folds and escapes a text value (RFC 5545 § 3.3.11).
fn text(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

fn utc(date: &str, time: &str) -> Option<String> {
    let ms = parse_warsaw_local(&format!("{date}T{time}"))?;
    let ts = jiff::Timestamp::from_millisecond(ms).ok()?;
    Some(ts.strftime("%Y%m%dT%H%M%SZ").to_string())
}

/// The feed, public by its secret.
#[utoipa::path(get, path = "/school/calendar/{token}", tag = "school",
    params(("token" = String, Path, description = "The feed's secret, with `.ics`")),
    responses((status = 200, description = "text/calendar"), (status = 404, body = ErrorBody)))]
async fn feed(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(token): Path<String>,
) -> Result<Response, ApiError> {
    let token = token.trim_end_matches(".ics");
    let mut conn = state.db.pool.acquire().await?;
    let pupil: String = sqlx::query_scalar(
        "SELECT pupil_id FROM school_calendars WHERE gmina_id = $1 AND token = $2",
    )
    .bind(&tenant.id)
    .bind(token)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let e = enrolment(&mut conn, &tenant.id, &pupil)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let from = today();
    let to = from.checked_add(13.days()).map_err(anyhow::Error::from)?;
    let to_agenda = from.checked_add(56.days()).map_err(anyhow::Error::from)?;
    let lessons = lessons_between(
        &mut conn,
        &tenant.id,
        Whose::Class(&e.pupil.class_id),
        from,
        to,
    )
    .await?;
    let agenda = of_class(
        &mut conn,
        &tenant.id,
        &e.pupil.class_id,
        (&from.to_string(), &to_agenda.to_string()),
        "",
    )
    .await?;
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let mut ics = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Okienko//Dziennik//PL\r\nCALSCALE:GREGORIAN\r\n",
    );
    ics.push_str(&format!(
        "X-WR-CALNAME:{}\r\n",
        text(&format!(
            "Plan lekcji — {}, {}",
            e.pupil.full_name, e.pupil.class_name
        ))
    ));
    for l in &lessons {
        let (Some(start), Some(end)) = (utc(&l.on_date, &l.starts), utc(&l.on_date, &l.ends))
        else {
            continue;
        };
        let (status, prefix) = match l.change {
            Some(Change::Cancelled) => ("CANCELLED", "Odwołana: "),
            Some(Change::Substitution) => ("CONFIRMED", "Zastępstwo: "),
            None => ("CONFIRMED", ""),
        };
        ics.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:{}-{}@okienko\r\nDTSTAMP:{stamp}\r\nDTSTART:{start}\r\nDTEND:{end}\r\n\
             SUMMARY:{}\r\nLOCATION:{}\r\nDESCRIPTION:{}\r\nSTATUS:{status}\r\nEND:VEVENT\r\n",
            l.id,
            l.on_date,
            text(&format!("{prefix}{}", l.subject_name)),
            text(&format!("sala {}", l.room)),
            text(format!("{} {}", l.teacher_name, l.note).trim()),
        ));
    }
    for (_, item) in &agenda {
        let compact = item.on_date.replace('-', "");
        let next = item
            .on_date
            .parse::<jiff::civil::Date>()
            .ok()
            .and_then(|d| d.tomorrow().ok())
            .map(|d| d.to_string().replace('-', ""))
            .unwrap_or_else(|| compact.clone());
        let what = match item.kind {
            AgendaKind::Test => "Sprawdzian",
            AgendaKind::Quiz => "Kartkówka",
            AgendaKind::Homework => "Zadanie domowe",
        };
        ics.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:{}@okienko\r\nDTSTAMP:{stamp}\r\nDTSTART;VALUE=DATE:{compact}\r\n\
             DTEND;VALUE=DATE:{next}\r\nSUMMARY:{}\r\nDESCRIPTION:{}\r\nEND:VEVENT\r\n",
            item.id,
            text(&format!("{what}: {} — {}", item.subject_name, item.title)),
            text(format!("{} {}", item.teacher_name, item.details).trim()),
        ));
    }
    ics.push_str("END:VCALENDAR\r\n");
    let mut response = ics.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=900"),
    );
    Ok(response)
}
