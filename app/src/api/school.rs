//! `/api/school/…` calls: whose gradebooks the caller may open, a pupil's grades and
//! who looked at them, and the teacher's grid.

use models::school::{
    ColumnEntries, ColumnSaved, GradeGrid, GridColumn, NewColumn, PupilGrades, SchoolMe,
    StaffAccess,
};

use super::{ApiError, get, post, put};

fn enc(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

/// The caller's children, own record and classes.
pub async fn me() -> Result<SchoolMe, ApiError> {
    get("/api/school/me").await
}

/// A pupil's grades of the year.
pub async fn grades(pupil: &str) -> Result<PupilGrades, ApiError> {
    get(&format!("/api/school/pupils/{}/grades", enc(pupil))).await
}

/// Who on the staff looked at a pupil's data.
pub async fn access(pupil: &str) -> Result<Vec<StaffAccess>, ApiError> {
    get(&format!("/api/school/pupils/{}/access", enc(pupil))).await
}

/// The grid of a class × subject in a term.
pub async fn grid(class: &str, subject: &str, term: Option<u8>) -> Result<GradeGrid, ApiError> {
    let term = term.map(|t| format!("?term={t}")).unwrap_or_default();
    get(&format!(
        "/api/school/classes/{}/subjects/{}/grid{term}",
        enc(class),
        enc(subject)
    ))
    .await
}

/// Adds a column of graded work.
pub async fn add_column(
    class: &str,
    subject: &str,
    form: &NewColumn,
) -> Result<GridColumn, ApiError> {
    post(
        &format!(
            "/api/school/classes/{}/subjects/{}/columns",
            enc(class),
            enc(subject)
        ),
        form,
    )
    .await
}

/// Saves cells of a column, all or nothing.
pub async fn save_column(column: &str, entries: &ColumnEntries) -> Result<ColumnSaved, ApiError> {
    put(
        &format!("/api/school/columns/{}/grades", enc(column)),
        entries,
    )
    .await
}
