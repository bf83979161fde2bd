//! The timetable on the wire: a week of lessons for a pupil's class or a teacher, with
//! the substitutions and cancellations of each date, and a pupil's day ("today").

use serde::{Deserialize, Serialize};

use super::{Grade, attendance::Status};

/// What happens to a lesson on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Another teacher takes it (zastępstwo).
    Substitution,
    /// It is not held.
    Cancelled,
}

impl Change {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Substitution => "substitution",
            Change::Cancelled => "cancelled",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Change> {
        [Change::Substitution, Change::Cancelled]
            .into_iter()
            .find(|c| c.as_str() == s)
    }
}

/// A lesson on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Lesson {
    /// The timetable slot's id.
    pub id: String,
    /// `YYYY-MM-DD`.
    pub on_date: String,
    /// Period of the day, from 1.
    pub period: u32,
    /// `08:00`.
    pub starts: String,
    /// `08:45`.
    pub ends: String,
    /// Subject name.
    pub subject_name: String,
    /// The class, e.g. `6b`.
    pub class_name: String,
    /// Who teaches it that day (the substitute if there is one).
    pub teacher_name: String,
    /// Room.
    pub room: String,
    /// A substitution or cancellation that day.
    pub change: Option<Change>,
    /// The school's note on the change.
    pub note: String,
}

/// `GET /api/school/pupils/{pupil}/timetable?week=` and the teacher's: a week's lessons
/// by date and period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Week {
    /// The Monday, `YYYY-MM-DD`.
    pub monday: String,
    /// Lessons Monday to Friday, by date and period.
    pub lessons: Vec<Lesson>,
}

/// `GET /api/school/pupils/{pupil}/today`: what a parent opens at 7:30.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Today {
    /// Whose day.
    pub pupil: super::PupilSummary,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Today's lessons with their changes and the attendance taken so far.
    pub lessons: Vec<TodayLesson>,
    /// Grades given or changed in the last 7 days, newest first, with their subject.
    pub new_grades: Vec<RecentGrade>,
    /// Absences not yet excused this term.
    pub unexcused: u32,
    /// The latest notices for the pupil's class, year group and school.
    pub notices: Vec<super::Notice>,
}

/// A lesson today with the pupil's attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TodayLesson {
    /// The lesson.
    pub lesson: Lesson,
    /// The attendance, once taken.
    pub attendance: Option<Status>,
}

/// A recent grade and its subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecentGrade {
    /// Subject name.
    pub subject_name: String,
    /// The grade with its history.
    pub grade: Grade,
}
