//! `/api/office/…` calls: the clerks' queues, registry and case actions.

use models::cases::{
    Assign, CaseDetail, Clerk, Department, JrwaClass, NewCompletionRequest, NewDecision, NewDelay,
    NewLetter, OfficeCase, RegistryEntry,
};

use super::{ApiError, get, post};

fn enc(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

/// A work queue: `mine`, `department` or `all`, optionally only `overdue` or `soon`.
pub async fn queue(queue: &str, due: &str) -> Result<Vec<OfficeCase>, ApiError> {
    let mut path = format!("/api/office/cases?queue={}", enc(queue));
    if !due.is_empty() {
        path.push_str(&format!("&due={}", enc(due)));
    }
    get(&path).await
}

/// One case (opening it is recorded for the applicant to see).
pub async fn case(id: &str) -> Result<CaseDetail, ApiError> {
    get(&format!("/api/office/cases/{}", enc(id))).await
}

/// The registry of incoming correspondence for a year.
pub async fn registry(year: i32) -> Result<Vec<RegistryEntry>, ApiError> {
    get(&format!("/api/office/registry?year={year}")).await
}

/// Registers an incoming letter; answers with its case.
pub async fn register(letter: &NewLetter) -> Result<OfficeCase, ApiError> {
    post("/api/office/letters", letter).await
}

/// Assigns (dekretacja).
pub async fn assign(id: &str, body: &Assign) -> Result<OfficeCase, ApiError> {
    post(&format!("/api/office/cases/{}/assign", enc(id)), body).await
}

/// Asks the applicant for completion.
pub async fn ask_completion(id: &str, body: &NewCompletionRequest) -> Result<OfficeCase, ApiError> {
    post(
        &format!("/api/office/cases/{}/completion-request", enc(id)),
        body,
    )
    .await
}

/// Sets a later date for the decision, with the reason (KPA art. 36).
pub async fn delay(id: &str, body: &NewDelay) -> Result<OfficeCase, ApiError> {
    post(&format!("/api/office/cases/{}/delay", enc(id)), body).await
}

/// Issues and delivers the decision.
pub async fn decide(id: &str, body: &NewDecision) -> Result<OfficeCase, ApiError> {
    post(&format!("/api/office/cases/{}/decision", enc(id)), body).await
}

/// Closes and archives.
pub async fn close(id: &str) -> Result<OfficeCase, ApiError> {
    post(
        &format!("/api/office/cases/{}/close", enc(id)),
        &serde_json::json!({}),
    )
    .await
}

/// The office's departments.
pub async fn departments() -> Result<Vec<Department>, ApiError> {
    get("/api/office/departments").await
}

/// The office's clerks.
pub async fn clerks() -> Result<Vec<Clerk>, ApiError> {
    get("/api/office/clerks").await
}

/// The office's JRWA classes.
pub async fn jrwa() -> Result<Vec<JrwaClass>, ApiError> {
    get("/api/office/jrwa").await
}

/// The classes of the school office's schools in a school year (none: the one in force).
pub async fn school_classes(
    year: Option<String>,
) -> Result<Vec<models::school::admin::AdminClass>, ApiError> {
    match year {
        Some(y) => get(&format!("/api/school/admin/classes?year={}", enc(&y))).await,
        None => get("/api/school/admin/classes").await,
    }
}

/// Sets a school's rules for averages.
pub async fn set_rules(
    school: &str,
    body: &models::school::admin::SchoolRules,
) -> Result<models::school::admin::SchoolRules, ApiError> {
    super::put(
        &format!("/api/school/admin/schools/{}/rules", enc(school)),
        body,
    )
    .await
}

/// Opens a school's next year.
pub async fn add_year(
    school: &str,
    body: &models::school::admin::NewYear,
) -> Result<models::school::admin::YearReport, ApiError> {
    post(
        &format!("/api/school/admin/schools/{}/years", enc(school)),
        body,
    )
    .await
}

/// A class's pupils with their guardians.
pub async fn class_roll(class: &str) -> Result<models::school::admin::ClassRoll, ApiError> {
    get(&format!("/api/school/admin/classes/{}", enc(class))).await
}

/// Imports a CSV of pupils and guardians into a class.
pub async fn import_pupils(
    class: &str,
    file: &web_sys::File,
) -> Result<models::school::admin::ImportReport, ApiError> {
    super::post_file(
        &format!("/api/school/admin/classes/{}/import", enc(class)),
        file,
    )
    .await
}

/// The school office's schools with their subjects and the gmina's teachers.
pub async fn schools() -> Result<Vec<models::school::admin::AdminSchool>, ApiError> {
    get("/api/school/admin/schools").await
}

/// Adds a subject to a school.
pub async fn add_subject(
    school: &str,
    body: &models::school::admin::NewSubject,
) -> Result<models::school::admin::AdminSubject, ApiError> {
    post(
        &format!("/api/school/admin/schools/{}/subjects", enc(school)),
        body,
    )
    .await
}

/// Adds a class to a school's current year.
pub async fn add_class(
    school: &str,
    body: &models::school::admin::NewClass,
) -> Result<models::school::admin::AdminClass, ApiError> {
    post(
        &format!("/api/school/admin/schools/{}/classes", enc(school)),
        body,
    )
    .await
}

/// Sets or takes away a class's form teacher.
pub async fn set_form_teacher(
    class: &str,
    body: &models::school::admin::TeacherPick,
) -> Result<models::school::admin::AdminClass, ApiError> {
    super::put(
        &format!("/api/school/admin/classes/{}/form-teacher", enc(class)),
        body,
    )
    .await
}

/// Sets who teaches a subject in a class.
pub async fn set_teaching(
    class: &str,
    subject: &str,
    body: &models::school::admin::TeacherPick,
) -> Result<(), ApiError> {
    super::put_no_content(
        &format!(
            "/api/school/admin/classes/{}/teaching/{}",
            enc(class),
            enc(subject)
        ),
        body,
    )
    .await
}

/// Moves a pupil to another class of the same year.
pub async fn move_pupil(
    pupil: &str,
    body: &models::school::admin::MovePupil,
) -> Result<models::school::admin::AdminClass, ApiError> {
    post(
        &format!("/api/school/admin/pupils/{}/move", enc(pupil)),
        body,
    )
    .await
}

/// `DELETE /api/school/admin/teachers/{teacher}/authenticator`: ends a lost authenticator.
pub async fn end_authenticator(teacher: &str) -> Result<(), ApiError> {
    super::delete(&format!(
        "/api/school/admin/teachers/{}/authenticator",
        enc(teacher)
    ))
    .await
}

/// `POST /api/school/admin/accounts/{account}/link`: a new link to set the password.
pub async fn send_link(account: &str) -> Result<(), ApiError> {
    super::post_no_content(
        &format!("/api/school/admin/accounts/{}/link", enc(account)),
        &serde_json::json!({}),
    )
    .await
}

/// A class's weekly timetable and one week of it with its changes (`week`: any day).
pub async fn class_plan(
    class: &str,
    week: Option<&str>,
) -> Result<models::school::plan::ClassPlan, ApiError> {
    let query = week
        .map(|w| format!("?week={}", enc(w)))
        .unwrap_or_default();
    get(&format!(
        "/api/school/admin/classes/{}/timetable{query}",
        enc(class)
    ))
    .await
}

/// Puts a subject (or nothing) into a weekday × period slot of a class's timetable.
pub async fn set_slot(
    class: &str,
    (weekday, period): (u32, u32),
    body: &models::school::plan::SlotForm,
) -> Result<(), ApiError> {
    super::put_no_content(
        &format!(
            "/api/school/admin/classes/{}/timetable/{weekday}/{period}",
            enc(class)
        ),
        body,
    )
    .await
}

/// Sets a lesson's substitution or cancellation on a date.
pub async fn set_change(
    lesson: &str,
    date: &str,
    body: &models::school::plan::ChangeForm,
) -> Result<(), ApiError> {
    super::put_no_content(
        &format!(
            "/api/school/admin/lessons/{}/changes/{}",
            enc(lesson),
            enc(date)
        ),
        body,
    )
    .await
}

/// Takes a lesson's change of a date away.
pub async fn remove_change(lesson: &str, date: &str) -> Result<(), ApiError> {
    super::delete(&format!(
        "/api/school/admin/lessons/{}/changes/{}",
        enc(lesson),
        enc(date)
    ))
    .await
}

/// The gmina's schools with their offices (the gmina's admin).
pub async fn gmina_schools() -> Result<Vec<models::school::gmina::GminaSchool>, ApiError> {
    get("/api/school/gmina/schools").await
}

/// Adds a school.
pub async fn add_school(
    body: &models::school::gmina::NewSchool,
) -> Result<models::school::gmina::GminaSchool, ApiError> {
    post("/api/school/gmina/schools", body).await
}

/// Names a person of a school's office.
pub async fn add_office(
    school: &str,
    body: &models::school::gmina::NewOffice,
) -> Result<models::school::gmina::GminaSchool, ApiError> {
    post(
        &format!("/api/school/gmina/schools/{}/offices", enc(school)),
        body,
    )
    .await
}

/// Ends a school office's lost authenticator.
pub async fn end_office_authenticator(account: &str) -> Result<(), ApiError> {
    super::delete(&format!(
        "/api/school/gmina/offices/{}/authenticator",
        enc(account)
    ))
    .await
}

/// Takes a person off a school's office.
pub async fn remove_office(school: &str, account: &str) -> Result<(), ApiError> {
    super::delete(&format!(
        "/api/school/gmina/schools/{}/offices/{}",
        enc(school),
        enc(account)
    ))
    .await
}

/// Sets whether a subject's term grades are marks also in classes 1–3.
pub async fn set_scale(
    subject: &str,
    body: &models::school::admin::SubjectScale,
) -> Result<models::school::admin::AdminSubject, ApiError> {
    super::put(
        &format!("/api/school/admin/subjects/{}/scale", enc(subject)),
        body,
    )
    .await
}
