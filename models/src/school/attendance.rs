//! Attendance on the wire: a lesson's register, a pupil's absences and percentages,
//! and parents' excuses with the form teacher's decision.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::validate::FieldErrors;

/// A pupil's attendance at a lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Obecny.
    Present,
    /// Nieobecny (not excused yet).
    Absent,
    /// Spóźniony.
    Late,
    /// Nieobecność usprawiedliwiona.
    Excused,
    /// Zwolniony (e.g. by the school for a competition, or from the subject).
    Released,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 5] = [
        Status::Present,
        Status::Absent,
        Status::Late,
        Status::Excused,
        Status::Released,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Present => "present",
            Status::Absent => "absent",
            Status::Late => "late",
            Status::Excused => "excused",
            Status::Released => "released",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether the pupil was in the lesson (late counts as there).
    pub fn attended(self) -> bool {
        matches!(self, Status::Present | Status::Late)
    }

    /// Whether the lesson counts in the percentage: a released pupil's does not.
    pub fn counts(self) -> bool {
        self != Status::Released
    }
}

/// Attendance in per mille of the lessons that count, `None` with none taken.
pub fn percentage_permille(statuses: impl IntoIterator<Item = Status>) -> Option<u32> {
    let (mut attended, mut counted) = (0u64, 0u64);
    for s in statuses.into_iter().filter(|s| s.counts()) {
        counted += 1;
        attended += u64::from(s.attended());
    }
    (counted > 0).then(|| ((attended * 2000 + counted) / (2 * counted)) as u32)
}

/// One pupil in a lesson's register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterRow {
    /// Pupil id.
    pub pupil_id: String,
    /// Number in the class register.
    pub number: u32,
    /// Name.
    pub full_name: String,
    /// As taken, `null` before.
    pub status: Option<Status>,
}

/// `GET /api/school/lessons/{lesson}/attendance?date=`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LessonRegister {
    /// The lesson that day.
    pub lesson: super::timetable::Lesson,
    /// The class's pupils by number.
    pub rows: Vec<RegisterRow>,
}

/// One pupil's status in `PUT …/attendance`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttendanceEntry {
    /// Pupil id.
    pub pupil_id: String,
    /// Status.
    pub status: Status,
}

/// `PUT /api/school/lessons/{lesson}/attendance?date=`: the register, all or nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttendanceForm {
    /// The pupils' statuses.
    pub entries: Vec<AttendanceEntry>,
}

/// A subject's attendance in a term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubjectAttendance {
    /// Subject name.
    pub subject_name: String,
    /// Lessons taken that count (not released).
    pub lessons: u32,
    /// Attended (present or late).
    pub attended: u32,
    /// In per mille, `null` with none taken.
    pub permille: Option<u32>,
}

/// A lesson the pupil missed or was late to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Absence {
    /// `YYYY-MM-DD`.
    pub on_date: String,
    /// Period.
    pub period: u32,
    /// Subject name.
    pub subject_name: String,
    /// Absent, late, excused or released.
    pub status: Status,
}

/// `GET /api/school/pupils/{pupil}/attendance`: the term's attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PupilAttendance {
    /// 1 or 2.
    pub term: u8,
    /// By subject, in the school's order.
    pub subjects: Vec<SubjectAttendance>,
    /// All subjects, per mille.
    pub permille: Option<u32>,
    /// Absences and lateness, newest first.
    pub absences: Vec<Absence>,
    /// The pupil's excuses, newest first.
    pub excuses: Vec<Excuse>,
}

/// Where an excuse stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ExcuseStatus {
    /// Waiting for the form teacher.
    Pending,
    /// Accepted: the absences of those days are excused.
    Accepted,
    /// Rejected, with the form teacher's note.
    Rejected,
}

impl ExcuseStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ExcuseStatus::Pending => "pending",
            ExcuseStatus::Accepted => "accepted",
            ExcuseStatus::Rejected => "rejected",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<ExcuseStatus> {
        [
            ExcuseStatus::Pending,
            ExcuseStatus::Accepted,
            ExcuseStatus::Rejected,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// A parent's excuse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Excuse {
    /// Excuse id.
    pub id: String,
    /// Pupil id.
    pub pupil_id: String,
    /// Pupil's name.
    pub pupil_name: String,
    /// First day, `YYYY-MM-DD`.
    pub from_date: String,
    /// Last day.
    pub to_date: String,
    /// The parent's words.
    pub reason: String,
    /// Who sent it.
    pub submitted_by: String,
    /// When, RFC 3339 UTC.
    pub submitted_at: String,
    /// Where it stands.
    pub status: ExcuseStatus,
    /// The form teacher's note.
    pub note: String,
    /// Unexcused absences it covers.
    pub absences: u32,
}

/// `POST /api/school/pupils/{pupil}/excuses`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExcuseForm {
    /// First day, `YYYY-MM-DD`.
    pub from_date: String,
    /// Last day, `YYYY-MM-DD` (the same day for one day).
    pub to_date: String,
    /// 1–500 characters.
    pub reason: String,
}

/// Longest excuse reason or decision note.
pub const MAX_REASON: usize = 500;

/// Checks an excuse's form (dates in order, at most 31 days, not in the future, a
/// reason); whether it covers absences is the server's check.
pub fn check_excuse(form: &ExcuseForm, today: &str) -> FieldErrors {
    let mut problems = FieldErrors::new();
    let date = |s: &str| is_date(s).then_some(s.to_owned());
    match (date(&form.from_date), date(&form.to_date)) {
        (None, _) => {
            problems.insert("from_date".into(), FieldError::InvalidDate);
        }
        (_, None) => {
            problems.insert("to_date".into(), FieldError::InvalidDate);
        }
        (Some(from), Some(to)) => {
            if to < from {
                problems.insert("to_date".into(), FieldError::TooSmall);
            } else if from.as_str() > today {
                problems.insert("from_date".into(), FieldError::DateInFuture);
            } else if days_between(&from, &to) > 31 {
                problems.insert("to_date".into(), FieldError::TooLarge);
            }
        }
    }
    let reason = form.reason.trim();
    if reason.is_empty() {
        problems.insert("reason".into(), FieldError::Required);
    } else if reason.chars().count() > MAX_REASON {
        problems.insert("reason".into(), FieldError::TooLong);
    }
    problems
}

/// Whether a text is a real `YYYY-MM-DD` date.
pub fn is_date(s: &str) -> bool {
    civil(s).is_some()
}

/// Days from the epoch of a `YYYY-MM-DD` date (proleptic Gregorian); none unless it is
/// a real date.
pub fn days_from_epoch(s: &str) -> Option<i64> {
    civil(s)
}

/// Days from the epoch of a `YYYY-MM-DD` date (proleptic Gregorian).
fn civil(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = s[0..4].parse().ok()?;
    let m: i64 = s[5..7].parse().ok()?;
    let d: i64 = s[8..10].parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d < 1 || d > days_in[(m - 1) as usize] {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn days_between(from: &str, to: &str) -> i64 {
    match (civil(from), civil(to)) {
        (Some(a), Some(b)) => b - a,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn late_counts_as_attended_and_released_does_not_count() {
        use Status::*;
        assert_eq!(
            percentage_permille([Present, Late, Absent, Excused]),
            Some(500)
        );
        assert_eq!(
            percentage_permille([Present, Released, Released]),
            Some(1000)
        );
        assert_eq!(percentage_permille([Released]), None);
        assert_eq!(percentage_permille([Present, Present, Absent]), Some(667));
    }

    #[test]
    fn an_excuse_needs_real_dates_in_order_a_reason_and_no_future() {
        let form = |from: &str, to: &str, reason: &str| ExcuseForm {
            from_date: from.into(),
            to_date: to.into(),
            reason: reason.into(),
        };
        let today = "2026-12-02";
        assert!(check_excuse(&form("2026-11-30", "2026-12-01", "Choroba"), today).is_empty());
        let p = check_excuse(&form("2026-02-30", "2026-03-01", "x"), today);
        assert_eq!(p.get("from_date"), Some(&FieldError::InvalidDate));
        let p = check_excuse(&form("2026-12-01", "2026-11-30", "x"), today);
        assert_eq!(p.get("to_date"), Some(&FieldError::TooSmall));
        let p = check_excuse(&form("2026-12-03", "2026-12-03", "x"), today);
        assert_eq!(p.get("from_date"), Some(&FieldError::DateInFuture));
        let p = check_excuse(&form("2026-09-01", "2026-11-30", "x"), today);
        assert_eq!(p.get("to_date"), Some(&FieldError::TooLarge));
        let p = check_excuse(&form("2026-11-30", "2026-11-30", "  "), today);
        assert_eq!(p.get("reason"), Some(&FieldError::Required));
    }

    proptest! {
        #[test]
        fn the_percentage_is_between_0_and_1000_and_ignores_order(
            statuses in proptest::collection::vec(proptest::sample::select(Status::ALL.to_vec()), 0..60)
        ) {
            let p = percentage_permille(statuses.clone());
            if let Some(v) = p { prop_assert!(v <= 1000); }
            let mut rev = statuses.clone();
            rev.reverse();
            prop_assert_eq!(percentage_permille(rev), p);
            prop_assert_eq!(p.is_none(), statuses.iter().all(|s| !s.counts()));
        }
    }
}
