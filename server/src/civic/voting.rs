//! Voting: the caller's status and ballot, casting and changing it, guardians' consents,
//! paper ballots entered by clerks, and checking a receipt against the count.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use models::auth::Role;
use models::civic::{
    Ballot, MyBallot, NewConsent, PaperBallot, PoolChoice, PupilConsent, ReceiptCheck, VoterStatus,
    check_ballot,
};
use models::error::{ErrorBody, ErrorCode, FieldError};
use models::pesel::Pesel;
use sqlx::{AnyConnection, Row};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ballots::{Voter, eligible, new_receipt, receipt_hash};
use super::db::{self, EditionRow};
use super::editions::find;
use super::writer::{ChangeBallot, NewBallot, Write, Written};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::db::new_id;
use crate::error::{ApiError, AppJson};
use crate::tenancy::Tenant;
use crate::time_fmt::{now_ms, warsaw_rfc3339};

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(me))
        .routes(routes!(cast, change))
        .routes(routes!(consent))
        .routes(routes!(paper))
        .routes(routes!(check_receipt))
}

fn refused(code: ErrorCode) -> ApiError {
    let status = match code {
        ErrorCode::PeselRequired | ErrorCode::ConsentRequired => StatusCode::FORBIDDEN,
        _ => StatusCode::CONFLICT,
    };
    ApiError::Status(status, code)
}

struct Account {
    pesel: Option<Pesel>,
    email: String,
}

async fn account(conn: &mut AnyConnection, user: &CurrentUser) -> Result<Account, ApiError> {
    let row = sqlx::query("SELECT pesel, email FROM users WHERE gmina_id = $1 AND id = $2")
        .bind(&user.gmina_id)
        .bind(&user.id)
        .fetch_one(&mut *conn)
        .await?;
    let pesel: Option<String> = row.get("pesel");
    Ok(Account {
        pesel: pesel.and_then(|p| Pesel::parse(&p).ok()),
        email: row.get("email"),
    })
}

async fn voter(
    conn: &mut AnyConnection,
    edition: &EditionRow,
    user: &CurrentUser,
) -> Result<(Voter, Account), ApiError> {
    let account = account(conn, user).await?;
    let Some(pesel) = &account.pesel else {
        return Err(refused(ErrorCode::PeselRequired));
    };
    let voter = eligible(conn, edition, Some(&user.id), pesel)
        .await
        .map_err(refused)?;
    Ok((voter, account))
}

async fn my_ballot(
    conn: &mut AnyConnection,
    edition: &EditionRow,
    voter_key: &str,
) -> Result<Option<MyBallot>, ApiError> {
    let row = sqlx::query(
        "SELECT choices, cast_at, changed_at, channel FROM civic_ballots \
         WHERE edition_id = $1 AND voter_key = $2",
    )
    .bind(&edition.edition.id)
    .bind(voter_key)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let choices: String = row.get("choices");
    let channel: String = row.get("channel");
    let changed_at: Option<i64> = row.get("changed_at");
    Ok(Some(MyBallot {
        choices: serde_json::from_str(&choices).map_err(anyhow::Error::from)?,
        receipt: None,
        cast_at: warsaw_rfc3339(row.get("cast_at")),
        changed_at: changed_at.map(warsaw_rfc3339),
        can_change: channel == "online"
            && edition.edition.rules.allow_change
            && edition.voting_open(now_ms()),
    }))
}

/// The caller as a voter: whether they may vote, their ballot, their pupils' consents.
#[utoipa::path(get, path = "/civic/editions/{id}/me", tag = "civic",
    params(("id" = String, Path, description = "Edition id")),
    responses((status = 200, body = VoterStatus), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn me(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<AppJson<VoterStatus>, ApiError> {
    let edition = find(&state, &user.gmina_id, &id).await?;
    let mut conn = state.db.pool.acquire().await?;
    let (problem, ballot) = match voter(&mut conn, &edition, &user).await {
        Ok((voter, _)) => (None, my_ballot(&mut conn, &edition, &voter.key).await?),
        Err(ApiError::Status(_, code)) => (Some(code), None),
        Err(err) => return Err(err),
    };
    let rows = sqlx::query(
        "SELECT u.id, u.full_name, (SELECT COUNT(*) FROM civic_consents c \
         WHERE c.edition_id = $1 AND c.pupil_id = u.id) AS consents \
         FROM parent_links l JOIN users u ON u.id = l.pupil_id \
         WHERE l.gmina_id = $2 AND l.parent_id = $3 ORDER BY u.full_name",
    )
    .bind(&id)
    .bind(&user.gmina_id)
    .bind(&user.id)
    .fetch_all(&mut *conn)
    .await?;
    let pupils = rows
        .iter()
        .map(|r| PupilConsent {
            pupil_id: r.get("id"),
            name: r.get("full_name"),
            consented: r.get::<i64, _>("consents") > 0,
        })
        .collect();
    Ok(AppJson(VoterStatus {
        problem,
        ballot,
        pupils,
    }))
}

/// Checks a ballot against the edition's rules and returns it as stored (empty pools
/// dropped) with its district pool.
async fn checked(
    conn: &mut AnyConnection,
    edition: &EditionRow,
    ballot: Ballot,
) -> Result<(String, Option<String>), ApiError> {
    let projects = db::summaries(conn, &edition.gmina_id, &edition.edition.id).await?;
    let errors = check_ballot(&edition.edition, &projects, &ballot);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let choices: Vec<PoolChoice> = ballot
        .choices
        .into_iter()
        .filter(|c| !c.projects.is_empty())
        .collect();
    let district = choices
        .iter()
        .find(|c| edition.pool(&c.pool_id).is_some_and(|p| p.district))
        .map(|c| c.pool_id.clone());
    let json = serde_json::to_string(&choices).map_err(anyhow::Error::from)?;
    Ok((json, district))
}

fn receipt_mail(edition: &EditionRow, code: &str, at: i64) -> (String, String) {
    let subject = format!("{}: głos przyjęty / vote received", edition.edition.title);
    let body = format!(
        "Dzień dobry,\n\nTwój głos w „{title}” został przyjęty {when}.\n\
         Kod potwierdzenia: {code}\n\n\
         Po zakończeniu głosowania sprawdzisz ten kod na stronie wyników: lista kodów \
         policzonych głosów nie ujawnia, na co głosowano. Nie pokazuj kodu nikomu, kto \
         chce wiedzieć, jak głosujesz: kod tego nie dowodzi.\n\n\
         Your vote in “{title}” was received {when}. Receipt code: {code}. After voting \
         closes, check it on the results page; the list of counted receipts does not \
         reveal any choices.\n\n\
         Ta wiadomość została wysłana automatycznie. / This message was sent automatically.\n",
        title = edition.edition.title,
        when = warsaw_rfc3339(at),
    );
    (subject, body)
}

/// Casts the caller's ballot while voting is open: one per person, acknowledged only
/// once stored; the answer carries the receipt code (also sent by e-mail).
#[utoipa::path(post, path = "/civic/editions/{id}/ballot", tag = "civic",
    params(("id" = String, Path, description = "Edition id")), request_body = Ballot,
    responses((status = 201, body = MyBallot), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn cast(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(ballot): AppJson<Ballot>,
) -> Result<(StatusCode, AppJson<MyBallot>), ApiError> {
    let edition = find(&state, &user.gmina_id, &id).await?;
    let now = now_ms();
    if !edition.voting_open(now) {
        return Err(refused(ErrorCode::VotingClosed));
    }
    let mut conn = state.db.pool.acquire().await?;
    let (voter, account) = voter(&mut conn, &edition, &user).await?;
    let (choices, district_id) = checked(&mut conn, &edition, ballot).await?;
    drop(conn);
    let code = new_receipt()?;
    let (subject, body) = receipt_mail(&edition, &code, now);
    let new = NewBallot {
        id: new_id(),
        gmina_id: user.gmina_id.clone(),
        edition_id: id,
        voter_key: voter.key,
        user_id: Some(user.id.clone()),
        receipt_hash: receipt_hash(&code),
        choices: choices.clone(),
        district_id,
        age_band: voter.age_band.to_owned(),
        channel: "online",
        entered_by: None,
        at: now,
        mail: Some((account.email, subject, body)),
    };
    match state.ballots().write(Write::Cast(Box::new(new))).await? {
        Written::Stored => {}
        Written::Duplicate => return Err(refused(ErrorCode::AlreadyVoted)),
        Written::Closed | Written::Missing => return Err(refused(ErrorCode::VotingClosed)),
    }
    Ok((
        StatusCode::CREATED,
        AppJson(MyBallot {
            choices: serde_json::from_str(&choices).map_err(anyhow::Error::from)?,
            receipt: Some(code),
            cast_at: warsaw_rfc3339(now),
            changed_at: None,
            can_change: edition.edition.rules.allow_change,
        }),
    ))
}

/// Changes the caller's online ballot while voting is open, if the edition allows it.
#[utoipa::path(put, path = "/civic/editions/{id}/ballot", tag = "civic",
    params(("id" = String, Path, description = "Edition id")), request_body = Ballot,
    responses((status = 200, body = MyBallot), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn change(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(ballot): AppJson<Ballot>,
) -> Result<AppJson<MyBallot>, ApiError> {
    let edition = find(&state, &user.gmina_id, &id).await?;
    let now = now_ms();
    if !edition.voting_open(now) {
        return Err(refused(ErrorCode::VotingClosed));
    }
    if !edition.edition.rules.allow_change {
        return Err(refused(ErrorCode::AlreadyVoted));
    }
    let mut conn = state.db.pool.acquire().await?;
    let (voter, _) = voter(&mut conn, &edition, &user).await?;
    let (choices, district_id) = checked(&mut conn, &edition, ballot).await?;
    drop(conn);
    let write = Write::Change(ChangeBallot {
        edition_id: id,
        voter_key: voter.key.clone(),
        choices,
        district_id,
        at: now,
    });
    match state.ballots().write(write).await? {
        Written::Stored => {}
        Written::Missing => return Err(ApiError::not_found()),
        Written::Duplicate | Written::Closed => return Err(refused(ErrorCode::VotingClosed)),
    }
    let mut conn = state.db.pool.acquire().await?;
    let mine = my_ballot(&mut conn, &edition, &voter.key)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(AppJson(mine))
}

/// A guardian consents for a linked pupil under the minimum age to vote in an edition.
#[utoipa::path(post, path = "/civic/editions/{id}/consents", tag = "civic",
    params(("id" = String, Path, description = "Edition id")), request_body = NewConsent,
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn consent(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(new): AppJson<NewConsent>,
) -> Result<StatusCode, ApiError> {
    let edition = find(&state, &user.gmina_id, &id).await?;
    let linked: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM parent_links WHERE gmina_id = $1 AND parent_id = $2 AND pupil_id = $3",
    )
    .bind(&user.gmina_id)
    .bind(&user.id)
    .bind(&new.pupil_id)
    .fetch_one(&state.db.pool)
    .await?;
    if linked == 0 {
        return Err(ApiError::not_found());
    }
    sqlx::query(
        "INSERT INTO civic_consents (gmina_id, edition_id, pupil_id, guardian_id, created_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (edition_id, pupil_id) DO NOTHING",
    )
    .bind(&user.gmina_id)
    .bind(&edition.edition.id)
    .bind(&new.pupil_id)
    .bind(&user.id)
    .bind(now_ms())
    .execute(&state.db.pool)
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A clerk enters a paper ballot; it counts the same way, marked as paper. The PESEL
/// meets the same one-per-person rule as online ballots.
#[utoipa::path(post, path = "/civic/editions/{id}/paper-ballots", tag = "civic",
    params(("id" = String, Path, description = "Edition id")), request_body = PaperBallot,
    responses((status = 201, body = MyBallot), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn paper(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(paper): AppJson<PaperBallot>,
) -> Result<(StatusCode, AppJson<MyBallot>), ApiError> {
    user.require_any(&[Role::Clerk, Role::Admin])?;
    let edition = find(&state, &user.gmina_id, &id).await?;
    let pesel = Pesel::parse(&paper.pesel)
        .map_err(|_| ApiError::field("pesel", FieldError::InvalidPesel))?;
    let now = now_ms();
    if !edition.voting_open(now) {
        return Err(refused(ErrorCode::VotingClosed));
    }
    let mut conn = state.db.pool.acquire().await?;
    // Paper ballots carry no consent form in the system: the clerk checks it on paper.
    let voter = eligible(&mut conn, &edition, None, &pesel)
        .await
        .map_err(refused)?;
    let (choices, district_id) = checked(&mut conn, &edition, paper.ballot).await?;
    drop(conn);
    let code = new_receipt()?;
    let new = NewBallot {
        id: new_id(),
        gmina_id: user.gmina_id.clone(),
        edition_id: id,
        voter_key: voter.key,
        user_id: None,
        receipt_hash: receipt_hash(&code),
        choices: choices.clone(),
        district_id,
        age_band: voter.age_band.to_owned(),
        channel: "paper",
        entered_by: Some(user.id.clone()),
        at: now,
        mail: None,
    };
    match state.ballots().write(Write::Cast(Box::new(new))).await? {
        Written::Stored => {}
        Written::Duplicate => return Err(refused(ErrorCode::AlreadyVoted)),
        Written::Closed | Written::Missing => return Err(refused(ErrorCode::VotingClosed)),
    }
    Ok((
        StatusCode::CREATED,
        AppJson(MyBallot {
            choices: serde_json::from_str(&choices).map_err(anyhow::Error::from)?,
            receipt: Some(code),
            cast_at: warsaw_rfc3339(now),
            changed_at: None,
            can_change: false,
        }),
    ))
}

/// Whether a receipt code belongs to a counted ballot — public, once results are out.
#[utoipa::path(post, path = "/civic/editions/{id}/receipt-check", tag = "civic",
    params(("id" = String, Path, description = "Edition id")), request_body = ReceiptCheck,
    responses((status = 200, body = ReceiptCheck), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn check_receipt(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
    AppJson(mut check): AppJson<ReceiptCheck>,
) -> Result<AppJson<ReceiptCheck>, ApiError> {
    let edition = find(&state, &tenant.id, &id).await?;
    if edition.closed_at.is_none() {
        return Err(super::editions::wrong_phase());
    }
    let n = check
        .code
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .count();
    if n != 16 {
        return Err(ApiError::field("code", FieldError::InvalidChoice));
    }
    let found: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM civic_ballots WHERE edition_id = $1 AND receipt_hash = $2",
    )
    .bind(&id)
    .bind(receipt_hash(&check.code))
    .fetch_one(&state.db.pool)
    .await?;
    check.counted = Some(found > 0);
    Ok(AppJson(check))
}
