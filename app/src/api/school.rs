//! `/api/school/…` calls: whose gradebooks the caller may open, a pupil's grades and
//! who looked at them, and the teacher's grid.

use models::school::{
    ColumnEntries, ColumnSaved, GradeGrid, GridColumn, NewColumn, PupilGrades, SchoolMe,
    StaffAccess,
};

use models::school::attendance::{
    AttendanceForm, Excuse, ExcuseForm, LessonRegister, PupilAttendance,
};
use models::school::messages::{
    Agenda, AgendaItem, Contact, HomeworkForm, MailPreference, NewThread, Reply, Thread,
    ThreadSummary,
};
use models::school::timetable::{Today, Week};

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

/// A pupil's week (any day of it, or this week).
pub async fn pupil_week(pupil: &str, week: Option<&str>) -> Result<Week, ApiError> {
    let week = week
        .map(|w| format!("?week={}", enc(w)))
        .unwrap_or_default();
    get(&format!(
        "/api/school/pupils/{}/timetable{week}",
        enc(pupil)
    ))
    .await
}

/// The caller's week as a teacher.
pub async fn teacher_week(week: Option<&str>) -> Result<Week, ApiError> {
    let week = week
        .map(|w| format!("?week={}", enc(w)))
        .unwrap_or_default();
    get(&format!("/api/school/timetable{week}")).await
}

/// A pupil's day.
pub async fn today(pupil: &str) -> Result<Today, ApiError> {
    get(&format!("/api/school/pupils/{}/today", enc(pupil))).await
}

/// A pupil's attendance in a term.
pub async fn attendance(pupil: &str) -> Result<PupilAttendance, ApiError> {
    get(&format!("/api/school/pupils/{}/attendance", enc(pupil))).await
}

/// A parent's excuse.
pub async fn excuse(pupil: &str, form: &ExcuseForm) -> Result<Excuse, ApiError> {
    post(&format!("/api/school/pupils/{}/excuses", enc(pupil)), form).await
}

/// The excuses waiting in the caller's form classes.
pub async fn pending_excuses() -> Result<Vec<Excuse>, ApiError> {
    get("/api/school/excuses").await
}

/// The form teacher's decision.
pub async fn decide(excuse: &str, accept: bool, note: &str) -> Result<Excuse, ApiError> {
    post(
        &format!("/api/school/excuses/{}/decision", enc(excuse)),
        &serde_json::json!({ "accept": accept, "note": note }),
    )
    .await
}

/// A lesson's register on a date.
pub async fn register(lesson: &str, date: &str) -> Result<LessonRegister, ApiError> {
    get(&format!(
        "/api/school/lessons/{}/attendance?date={}",
        enc(lesson),
        enc(date)
    ))
    .await
}

/// Saves a lesson's register.
pub async fn take(lesson: &str, date: &str, form: &AttendanceForm) -> Result<(), ApiError> {
    super::put_no_content(
        &format!(
            "/api/school/lessons/{}/attendance?date={}",
            enc(lesson),
            enc(date)
        ),
        form,
    )
    .await
}

/// The caller's feed address of a pupil (`new`: a fresh one, revoking the old).
pub async fn calendar(pupil: &str, new: bool) -> Result<CalendarAddress, ApiError> {
    let path = format!("/api/school/pupils/{}/calendar", enc(pupil));
    if new {
        post(&path, &serde_json::json!({})).await
    } else {
        get(&path).await
    }
}

/// `GET /api/school/pupils/{pupil}/calendar`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct CalendarAddress {
    /// The feed's path.
    pub path: String,
}

/// The notices a pupil reads.
pub async fn pupil_notices(pupil: &str) -> Result<Vec<models::school::Notice>, ApiError> {
    get(&format!("/api/school/pupils/{}/notices", enc(pupil))).await
}

/// The caller's notices as a teacher.
pub async fn my_notices() -> Result<Vec<models::school::Notice>, ApiError> {
    get("/api/school/notices").await
}

/// Publishes a notice.
pub async fn publish_notice(
    form: &models::school::NoticeForm,
) -> Result<models::school::Notice, ApiError> {
    post("/api/school/notices", form).await
}

/// Whom the caller may write to about a pupil.
pub async fn contacts(pupil: &str) -> Result<Vec<Contact>, ApiError> {
    get(&format!("/api/school/pupils/{}/contacts", enc(pupil))).await
}

/// The caller's threads about a pupil.
pub async fn pupil_threads(pupil: &str) -> Result<Vec<ThreadSummary>, ApiError> {
    get(&format!("/api/school/pupils/{}/threads", enc(pupil))).await
}

/// All the caller's threads.
pub async fn inbox() -> Result<Vec<ThreadSummary>, ApiError> {
    get("/api/school/threads").await
}

/// Starts a thread about a pupil.
pub async fn start_thread(pupil: &str, form: &NewThread) -> Result<Thread, ApiError> {
    post(&format!("/api/school/pupils/{}/threads", enc(pupil)), form).await
}

/// A teacher writes to the families of a class, each in a thread of its own.
pub async fn write_to_class(
    class: &str,
    form: &models::school::messages::ClassMessage,
) -> Result<models::school::messages::ClassMessageReport, ApiError> {
    post(&format!("/api/school/classes/{}/threads", enc(class)), form).await
}

/// A thread with its messages.
pub async fn thread(id: &str) -> Result<Thread, ApiError> {
    get(&format!("/api/school/threads/{}", enc(id))).await
}

/// Answers in a thread.
pub async fn reply(id: &str, form: &Reply) -> Result<Thread, ApiError> {
    post(&format!("/api/school/threads/{}/messages", enc(id)), form).await
}

/// Marks a thread read.
pub async fn mark_read(id: &str) -> Result<(), ApiError> {
    super::post_no_content(
        &format!("/api/school/threads/{}/read", enc(id)),
        &serde_json::json!({}),
    )
    .await
}

/// The kinds of school e-mail and whether the caller gets them.
pub async fn mail_preferences() -> Result<Vec<MailPreference>, ApiError> {
    get("/api/school/mail-preferences").await
}

/// Switches kinds of school e-mail on or off.
pub async fn set_mail_preferences(
    wanted: &[MailPreference],
) -> Result<Vec<MailPreference>, ApiError> {
    put("/api/school/mail-preferences", &wanted).await
}

/// A pupil's tests and homework.
pub async fn agenda(pupil: &str) -> Result<Agenda, ApiError> {
    get(&format!("/api/school/pupils/{}/agenda", enc(pupil))).await
}

/// A class's tests and homework, for its teachers.
pub async fn class_agenda(class: &str) -> Result<Agenda, ApiError> {
    get(&format!("/api/school/classes/{}/agenda", enc(class))).await
}

/// Sets homework.
pub async fn set_homework(
    class: &str,
    subject: &str,
    form: &HomeworkForm,
) -> Result<AgendaItem, ApiError> {
    post(
        &format!(
            "/api/school/classes/{}/subjects/{}/homework",
            enc(class),
            enc(subject)
        ),
        form,
    )
    .await
}

/// Withdraws homework the caller set.
pub async fn remove_homework(id: &str) -> Result<(), ApiError> {
    super::delete(&format!("/api/school/homework/{}", enc(id))).await
}
