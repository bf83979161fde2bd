//! Messages between a pupil's family and their teachers (threads with read receipts),
//! the tests-and-homework calendar, and which school e-mails a person gets.

use serde::{Deserialize, Serialize};

use super::{MAX_TITLE, attendance::is_date};
use crate::error::FieldError;
use crate::validate::FieldErrors;

/// How a contact stands to the pupil.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    /// The class's form teacher (wychowawca).
    FormTeacher,
    /// A teacher of the class.
    Teacher,
    /// A parent or legal guardian.
    Guardian,
    /// The pupil.
    Pupil,
}

/// Someone the caller may write to about a pupil.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    /// Their account.
    pub id: String,
    /// Name.
    pub full_name: String,
    /// Form teacher, teacher, guardian or the pupil.
    pub kind: ContactKind,
    /// The subjects a teacher teaches the class.
    pub subjects: Vec<String>,
}

/// A thread in the caller's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadSummary {
    /// Thread id.
    pub id: String,
    /// The pupil it is about.
    pub pupil_id: String,
    /// Their name.
    pub pupil_name: String,
    /// 1–120 characters.
    pub subject: String,
    /// The other members' names.
    pub with: Vec<String>,
    /// RFC 3339 UTC of the latest message.
    pub last_message_at: String,
    /// Messages from others the caller has not read.
    pub unread: u32,
}

/// A member of a thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Member {
    /// Their account.
    pub id: String,
    /// Name.
    pub full_name: String,
    /// RFC 3339 UTC of when they last read the thread.
    pub last_read_at: Option<String>,
}

/// A message with its read receipts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Message {
    /// Message id.
    pub id: String,
    /// The author's account.
    pub author_id: String,
    /// Their name.
    pub author: String,
    /// 1–4000 characters.
    pub body: String,
    /// RFC 3339 UTC.
    pub sent_at: String,
    /// The other members who have read it.
    pub read_by: Vec<String>,
}

/// `GET /api/school/threads/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Thread {
    /// Thread id.
    pub id: String,
    /// The pupil it is about.
    pub pupil_id: String,
    /// Their name.
    pub pupil_name: String,
    /// 1–120 characters.
    pub subject: String,
    /// Everyone in it, the caller too.
    pub members: Vec<Member>,
    /// Oldest first.
    pub messages: Vec<Message>,
}

/// `POST /api/school/pupils/{pupil}/threads`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewThread {
    /// One of the pupil's contacts.
    pub to: String,
    /// 1–120 characters.
    pub subject: String,
    /// 1–4000 characters.
    pub body: String,
}

/// `POST /api/school/threads/{id}/messages`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reply {
    /// 1–4000 characters.
    pub body: String,
}

/// Longest message.
pub const MAX_MESSAGE: usize = 4000;

fn check_text(problems: &mut FieldErrors, field: &str, value: &str, max: usize) {
    let v = value.trim();
    if v.is_empty() {
        problems.insert(field.into(), FieldError::Required);
    } else if v.chars().count() > max {
        problems.insert(field.into(), FieldError::TooLong);
    }
}

/// Checks a new thread's texts (the recipient is checked against the contacts).
pub fn check_new_thread(form: &NewThread) -> FieldErrors {
    let mut problems = FieldErrors::new();
    check_text(&mut problems, "subject", &form.subject, MAX_TITLE);
    check_text(&mut problems, "body", &form.body, MAX_MESSAGE);
    problems
}

/// `POST /api/school/classes/{class}/threads`: a teacher writes to the families of a
/// class they teach, each family in a thread of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassMessage {
    /// 1–120 characters.
    pub subject: String,
    /// 1–4000 characters.
    pub body: String,
}

/// What writing to a class did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassMessageReport {
    /// Threads started, one per pupil with a guardian in the system.
    pub threads: u32,
    /// Pupils of the class without a guardian in the system (nobody to write to).
    pub without_guardian: u32,
}

/// Checks a message to a class.
pub fn check_class_message(form: &ClassMessage) -> FieldErrors {
    let mut problems = FieldErrors::new();
    check_text(&mut problems, "subject", &form.subject, MAX_TITLE);
    check_text(&mut problems, "body", &form.body, MAX_MESSAGE);
    problems
}

/// Checks a reply.
pub fn check_reply(form: &Reply) -> FieldErrors {
    let mut problems = FieldErrors::new();
    check_text(&mut problems, "body", &form.body, MAX_MESSAGE);
    problems
}

/// What goes in a pupil's calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgendaKind {
    /// A test (sprawdzian), announced as a graded-work column.
    Test,
    /// A quiz (kartkówka), announced likewise.
    Quiz,
    /// Homework, on the day it is due.
    Homework,
}

/// A test, quiz or homework on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgendaItem {
    /// The column's or the homework's id.
    pub id: String,
    /// Test, quiz or homework.
    pub kind: AgendaKind,
    /// `YYYY-MM-DD`: the test's day or when the homework is due.
    pub on_date: String,
    /// Subject name.
    pub subject_name: String,
    /// e.g. `Ułamki zwykłe`.
    pub title: String,
    /// The homework's details (empty for tests).
    pub details: String,
    /// The teacher.
    pub teacher_name: String,
    /// Set by the caller (who may withdraw it).
    pub mine: bool,
}

/// `GET /api/school/pupils/{pupil}/agenda` and a class's: from a week ago to eight
/// weeks ahead, by date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Agenda {
    /// First day shown, `YYYY-MM-DD`.
    pub from: String,
    /// Last day shown.
    pub to: String,
    /// By date, then subject.
    pub items: Vec<AgendaItem>,
}

/// `POST /api/school/classes/{class}/subjects/{subject}/homework`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HomeworkForm {
    /// 1–120 characters.
    pub title: String,
    /// Up to 4000 characters.
    pub details: String,
    /// `YYYY-MM-DD`, today or later, within the school year.
    pub due_on: String,
}

/// Checks homework's texts and that the due date is a date (the server checks the day).
pub fn check_homework(form: &HomeworkForm) -> FieldErrors {
    let mut problems = FieldErrors::new();
    check_text(&mut problems, "title", &form.title, MAX_TITLE);
    if form.details.trim().chars().count() > MAX_MESSAGE {
        problems.insert("details".into(), FieldError::TooLong);
    }
    if !is_date(&form.due_on) {
        problems.insert("due_on".into(), FieldError::InvalidDate);
    }
    problems
}

/// A kind of school e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MailKind {
    /// A new message in one of the person's threads.
    Message,
    /// A teacher's notice to a child's class, year group or school.
    Notice,
    /// New grades of a child.
    Grade,
    /// Excuses: a decision on the parent's, a new one for the form teacher.
    Excuse,
    /// A substitution or cancellation in a child's timetable (and the lessons a teacher
    /// is to cover).
    Timetable,
}

impl MailKind {
    /// Every kind, in the order shown.
    pub const ALL: [MailKind; 5] = [
        MailKind::Message,
        MailKind::Notice,
        MailKind::Grade,
        MailKind::Excuse,
        MailKind::Timetable,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Message => "message",
            MailKind::Notice => "notice",
            MailKind::Grade => "grade",
            MailKind::Excuse => "excuse",
            MailKind::Timetable => "timetable",
        }
    }
}

/// Whether one kind of school e-mail is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MailPreference {
    /// The kind.
    pub kind: MailKind,
    /// Sent (the default) or switched off.
    pub enabled: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_trimmed_and_bounded() {
        let ok = NewThread {
            to: "t".into(),
            subject: "  Wycieczka ".into(),
            body: "Dzień dobry".into(),
        };
        assert!(check_new_thread(&ok).is_empty());
        let empty = NewThread {
            subject: "   ".into(),
            body: "x".repeat(MAX_MESSAGE + 1),
            ..ok
        };
        let p = check_new_thread(&empty);
        assert_eq!(p.get("subject"), Some(&FieldError::Required));
        assert_eq!(p.get("body"), Some(&FieldError::TooLong));
        assert_eq!(
            check_reply(&Reply { body: "\n".into() }).get("body"),
            Some(&FieldError::Required)
        );
    }

    #[test]
    fn homework_needs_a_title_and_a_real_day() {
        let form = HomeworkForm {
            title: "Zadania 1–5 ze str. 42".into(),
            details: String::new(),
            due_on: "2026-12-07".into(),
        };
        assert!(check_homework(&form).is_empty());
        let bad = HomeworkForm {
            due_on: "2026-02-30".into(),
            title: String::new(),
            ..form
        };
        let p = check_homework(&bad);
        assert_eq!(p.get("due_on"), Some(&FieldError::InvalidDate));
        assert_eq!(p.get("title"), Some(&FieldError::Required));
    }
}
