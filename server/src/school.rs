//! The school e-gradebook (dziennik elektroniczny) of the gmina's schools: grades with
//! weighted averages and their full history, for parents, pupils and teachers, each
//! seeing only what is theirs (docs/SCHOOL.md).
//!
//! - `structure.rs`: schools, years and terms, classes, subjects, teaching, enrolments;
//! - `access.rs`: who sees which pupil, the log of staff looks, `GET /school/me`;
//! - `grades.rs`: a pupil's grades, averages and history;
//! - `grid.rs`: the teacher's class × column grid;
//! - `notices.rs`: teachers' notices to a class, a year group or the school;
//! - `calendar.rs`: a pupil's iCalendar feed (lessons, announced tests, homework);
//! - `agenda.rs`: the tests-and-homework calendar, teachers setting homework;
//! - `messages.rs`: threads between families and teachers, with read receipts;
//! - `admin.rs`: the school office's classes, rolls and CSV import of pupils and guardians;
//! - `notify.rs`: the free e-mails and the kinds each person switched off;
//! - `attendance.rs`: registers per lesson, percentages, parents' excuses;
//! - `timetable.rs`: the week's lessons with substitutions and cancellations, a pupil's day.

pub mod access;
pub mod admin;
pub mod agenda;
pub mod attendance;
pub mod calendar;
pub mod grades;
pub mod grid;
pub mod messages;
pub mod notices;
pub mod notify;
pub mod structure;
pub mod timetable;

use utoipa_axum::router::OpenApiRouter;

use crate::AppState;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(access::router())
        .merge(grades::router())
        .merge(grid::router())
        .merge(timetable::router())
        .merge(attendance::router())
        .merge(calendar::router())
        .merge(notices::router())
        .merge(messages::router())
        .merge(agenda::router())
        .merge(notify::router())
        .merge(admin::router())
}
