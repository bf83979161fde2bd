//! A ledger to take away: the statement as a CSV file, and the due dates as an
//! iCalendar feed with a reminder three days before each (a secret address per person
//! and taxpayer, so a calendar app can subscribe without a session).

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use models::error::ErrorBody;
use models::taxes::Day;
use models::taxes::ledger::{InstalmentStatus, Ledger, LiabilityKind};
use sqlx::Row;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::routes::{AsOf, build};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::tenancy::Tenant;
use crate::time_fmt::today;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(statement))
        .routes(routes!(calendar))
}

fn zl(grosze: i64) -> String {
    let sign = if grosze < 0 { "-" } else { "" };
    format!("{sign}{},{:02}", grosze.abs() / 100, grosze.abs() % 100)
}

fn kind_pl(kind: LiabilityKind) -> &'static str {
    match kind {
        LiabilityKind::Property => "podatek od nieruchomości",
        LiabilityKind::Agricultural => "podatek rolny",
        LiabilityKind::Forest => "podatek leśny",
        LiabilityKind::Joint => "łączne zobowiązanie pieniężne",
        LiabilityKind::Vehicle => "podatek od środków transportowych",
        LiabilityKind::Waste => "opłata za gospodarowanie odpadami",
        LiabilityKind::Dog => "opłata od posiadania psów",
    }
}

/// The statement: every instalment (a charge) and payment in date order with the running
/// balance, then the interest as of today — CSV (`;`, UTF-8 with BOM, for spreadsheets).
pub fn statement_csv(ledger: &Ledger) -> String {
    let mut lines: Vec<(String, String, String, i64)> = vec![];
    for a in &ledger.assessments {
        for i in &a.instalments {
            let what = format!(
                "{} {}, rata {} ({})",
                kind_pl(a.kind),
                a.year,
                i.number,
                a.decision_number
            );
            lines.push((i.due_on.clone(), "należność".into(), what, -i.amount));
        }
    }
    for p in &ledger.payments {
        lines.push((
            p.paid_on.clone(),
            "wpłata".into(),
            p.source.clone(),
            p.amount,
        ));
        let interest: i64 = p.parts.iter().map(|x| x.interest).sum();
        if interest > 0 {
            let what = "odsetki za zwłokę pokryte wpłatą".to_owned();
            lines.push((p.paid_on.clone(), "należność".into(), what, -interest));
        }
    }
    lines.sort_by(|a, b| a.0.cmp(&b.0).then(a.3.cmp(&b.3)));
    let mut out = String::from("\u{feff}data;operacja;opis;kwota;saldo\n");
    let mut balance = 0;
    for (date, op, what, amount) in lines {
        balance += amount;
        out.push_str(&format!(
            "{date};{op};{};{};{}\n",
            what.replace(';', ","),
            zl(amount),
            zl(balance)
        ));
    }
    let b = &ledger.balance;
    out.push_str(&format!(
        "{};odsetki za zwłokę na dzień;;{};{}\n",
        b.as_of,
        zl(-b.interest),
        zl(balance - b.interest)
    ));
    out
}

/// The statement of a taxpayer the caller may see, as a CSV download.
#[utoipa::path(get, path = "/taxes/taxpayers/{id}/statement.csv", tag = "taxes",
    params(("id" = String, Path)),
    responses((status = 200, description = "text/csv"), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn statement(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let ledger = build(&state, &user, &id, AsOf { as_of: None }).await?;
    let mut response = statement_csv(&ledger).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"wyciag-podatki.csv\""),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}

/// The iCalendar feed of a taxpayer's unpaid due dates, each with a reminder three days
/// before — public, addressed by the person's secret token.
#[utoipa::path(get, path = "/taxes/calendar/{token}", tag = "taxes",
    params(("token" = String, Path, description = "The feed's secret")),
    responses((status = 200, description = "text/calendar"), (status = 404, body = ErrorBody)))]
async fn calendar(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(token): Path<String>,
) -> Result<Response, ApiError> {
    let token = token.trim_end_matches(".ics");
    let row = sqlx::query(
        "SELECT a.taxpayer_id, a.user_id, u.gmina_id FROM taxpayer_access a JOIN users u ON u.id = a.user_id \
         WHERE a.gmina_id = $1 AND a.calendar_token = $2",
    )
    .bind(&tenant.id)
    .bind(token)
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let user = CurrentUser {
        id: row.get("user_id"),
        gmina_id: row.get("gmina_id"),
        session_id: String::new(),
        roles: vec![],
    };
    let taxpayer: String = row.get("taxpayer_id");
    let ledger = build(&state, &user, &taxpayer, AsOf { as_of: None }).await?;
    let stamp = today().to_string().replace('-', "");
    let mut ics = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Okienko//Podatki//PL\r\nCALSCALE:GREGORIAN\r\n",
    );
    ics.push_str(&format!(
        "X-WR-CALNAME:Podatki i opłaty — {}\r\n",
        tenant.name
    ));
    for a in &ledger.assessments {
        for i in a
            .instalments
            .iter()
            .filter(|i| i.status != InstalmentStatus::Paid)
        {
            let Some(due) = Day::parse(&i.due_on) else {
                continue;
            };
            let (y, m, d) = due.ymd();
            let next = due.add_days(1).ymd();
            ics.push_str(&format!(
                "BEGIN:VEVENT\r\nUID:{id}@okienko\r\nDTSTAMP:{stamp}T000000Z\r\n\
                 DTSTART;VALUE=DATE:{y:04}{m:02}{d:02}\r\nDTEND;VALUE=DATE:{:04}{:02}{:02}\r\n\
                 SUMMARY:Termin: {kind} {year}, rata {n} — {amount} zł\r\n\
                 BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P3D\r\nDESCRIPTION:Za 3 dni termin płatności\r\nEND:VALARM\r\n\
                 END:VEVENT\r\n",
                next.0,
                next.1,
                next.2,
                id = i.id,
                kind = kind_pl(a.kind),
                year = a.year,
                n = i.number,
                amount = zl(i.outstanding),
            ));
        }
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
        HeaderValue::from_static("private, max-age=3600"),
    );
    Ok(response)
}
