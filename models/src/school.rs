//! The school e-gradebook on the wire: what the caller may see (their children, their
//! own record, the classes they teach), a pupil's grades with averages and every
//! change, the teacher's grid, and who on the staff looked at a pupil's data.

pub mod admin;
pub mod attendance;
pub mod gmina;
pub mod marks;
pub mod messages;
pub mod plan;
pub mod timetable;

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::validate::FieldErrors;
pub use marks::{Mark, Modifier, PlusMinusRule, format_average, weighted_average};

/// A pupil the caller may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PupilSummary {
    /// Account id.
    pub id: String,
    /// Name and surname.
    pub full_name: String,
    /// The class this school year.
    pub class_id: String,
    /// e.g. `6b`.
    pub class_name: String,
    /// The school's name.
    pub school_name: String,
}

/// A class × subject the caller teaches (or a class they are the form teacher of).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Teaching {
    /// Class id.
    pub class_id: String,
    /// e.g. `6b`.
    pub class_name: String,
    /// Subject id.
    pub subject_id: String,
    /// e.g. `Matematyka`.
    pub subject_name: String,
    /// The school's name.
    pub school_name: String,
}

/// `GET /api/school/me`: whose gradebook the caller may open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SchoolMe {
    /// As a parent or guardian: the children, each in their class this year.
    pub children: Vec<PupilSummary>,
    /// As a pupil: themselves.
    pub pupil: Option<PupilSummary>,
    /// As a teacher: the subjects they teach, by class.
    pub teaching: Vec<Teaching>,
    /// As a form teacher (wychowawca): their classes' ids and names.
    pub form_classes: Vec<ClassRef>,
}

/// A class by id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassRef {
    /// Class id.
    pub id: String,
    /// e.g. `6b`.
    pub name: String,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    /// Graded work of a category.
    Regular,
    /// The proposed grade of the term (of the year in term 2).
    Proposed,
    /// The final grade of the term (of the year in term 2).
    Final,
}

impl ColumnKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnKind::Regular => "regular",
            ColumnKind::Proposed => "proposed",
            ColumnKind::Final => "final",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<ColumnKind> {
        [ColumnKind::Regular, ColumnKind::Proposed, ColumnKind::Final]
            .into_iter()
            .find(|k| k.as_str() == s)
    }

    /// Parses a mark typed into a column of this kind.
    pub fn parse_mark(self, text: &str) -> Result<Mark, FieldError> {
        match self {
            ColumnKind::Regular => Mark::parse(text),
            _ => Mark::parse_whole(text),
        }
    }

    /// Whether the column of a class of year group `level` holds descriptions: the
    /// term and year grades of classes 1–3 (ustawa o systemie oświaty, art. 44i ust. 1),
    /// unless the subject is graded on the scale there too (`on_scale`: religion and
    /// ethics, which are not compulsory subjects).
    pub fn descriptive_at(self, level: u8, on_scale: bool) -> bool {
        self != ColumnKind::Regular && level <= 3 && !on_scale
    }

    /// What a non-empty cell of this kind stores: the mark's text (`4+`), or in a
    /// `descriptive` column the trimmed description, which may not be a bare mark (so
    /// it can never be counted as one).
    pub fn cell_text(self, descriptive: bool, text: &str) -> Result<String, FieldError> {
        if !descriptive {
            return self.parse_mark(text).map(Mark::as_text);
        }
        let text = text.trim();
        if Mark::parse(text).is_ok() || text.chars().count() < MIN_DESCRIPTION {
            Err(FieldError::DescriptionExpected)
        } else if text.chars().count() > MAX_DESCRIPTION {
            Err(FieldError::TooLong)
        } else {
            Ok(text.to_owned())
        }
    }
}

/// The categories of grades a school weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Sprawdzian, praca klasowa.
    Test,
    /// Kartkówka.
    Quiz,
    /// Praca domowa.
    Homework,
    /// Odpowiedź ustna.
    Oral,
    /// Aktywność.
    Activity,
}

impl Category {
    /// Every category.
    pub const ALL: [Category; 5] = [
        Category::Test,
        Category::Quiz,
        Category::Homework,
        Category::Oral,
        Category::Activity,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Test => "test",
            Category::Quiz => "quiz",
            Category::Homework => "homework",
            Category::Oral => "oral",
            Category::Activity => "activity",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A category with the school's weight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryWeight {
    /// Category id (the school's).
    pub id: String,
    /// Which category.
    pub category: Category,
    /// Its weight in averages, 0–10.
    pub weight: u32,
}

/// One version of a grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GradeChange {
    /// 1 for the first entry.
    pub revision: i64,
    /// The mark as it became, `null` when removed.
    pub mark: Option<String>,
    /// The comment as it became.
    pub comment: String,
    /// Who changed it (name).
    pub changed_by: String,
    /// When, RFC 3339 UTC.
    pub changed_at: String,
}

/// A grade as it stands, with its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Grade {
    /// Grade id.
    pub id: String,
    /// The mark as shown: `4+`, `np`…; `null` when removed (the history says what it was).
    pub mark: Option<String>,
    /// 1 or 2.
    pub term: u8,
    /// What the column holds.
    pub kind: ColumnKind,
    /// The category of graded work (`null` for proposed and final grades).
    pub category: Option<Category>,
    /// The weight it counts with.
    pub weight: u32,
    /// The column's title, e.g. `Ułamki zwykłe`.
    pub title: String,
    /// The day of the work, `YYYY-MM-DD`.
    pub on_date: String,
    /// The teacher's comment.
    pub comment: String,
    /// A description, not a mark of the scale (term and year grades of classes 1–3).
    pub descriptive: bool,
    /// When it last changed, RFC 3339 UTC.
    pub changed_at: String,
    /// Every version, oldest first.
    pub history: Vec<GradeChange>,
}

/// A subject's grades of the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubjectGrades {
    /// Subject id.
    pub subject_id: String,
    /// e.g. `Matematyka`.
    pub subject_name: String,
    /// Who teaches it to the pupil's class.
    pub teacher_name: String,
    /// Graded work and term grades, by date.
    pub grades: Vec<Grade>,
    /// Weighted averages in hundredths: term 1, term 2, the year.
    pub averages: [Option<i64>; 3],
}

/// `GET /api/school/pupils/{pupil}/grades`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PupilGrades {
    /// Whose.
    pub pupil: PupilSummary,
    /// e.g. `2026/2027`.
    pub year_name: String,
    /// The term today is in (1 or 2).
    pub current_term: u8,
    /// The school's + and − rule the averages use.
    pub rule: PlusMinusRule,
    /// The school's weights.
    pub categories: Vec<CategoryWeight>,
    /// Every subject the class is taught, in the school's order.
    pub subjects: Vec<SubjectGrades>,
}

/// A column of the teacher's grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GridColumn {
    /// Column id.
    pub id: String,
    /// What it holds.
    pub kind: ColumnKind,
    /// The category (regular columns).
    pub category: Option<Category>,
    /// The weight.
    pub weight: u32,
    /// Title.
    pub title: String,
    /// `YYYY-MM-DD`.
    pub on_date: String,
    /// Its cells are descriptions (term and year grades of classes 1–3).
    pub descriptive: bool,
}

/// A pupil's row in the grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GridRow {
    /// Pupil id.
    pub pupil_id: String,
    /// Number in the class register.
    pub number: u32,
    /// Name and surname.
    pub full_name: String,
    /// One cell per column, in the columns' order: the mark or `null`.
    pub cells: Vec<Option<String>>,
    /// The teacher's comment of each cell, in the columns' order (empty when none).
    pub comments: Vec<String>,
    /// The term's weighted average in hundredths.
    pub average: Option<i64>,
}

/// `GET /api/school/classes/{class}/subjects/{subject}/grid?term=`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GradeGrid {
    /// The class.
    pub class: ClassRef,
    /// Subject id.
    pub subject_id: String,
    /// Subject name.
    pub subject_name: String,
    /// 1 or 2.
    pub term: u8,
    /// The school's weights (for a new column).
    pub categories: Vec<CategoryWeight>,
    /// Regular columns by date, then the proposed and final grade.
    pub columns: Vec<GridColumn>,
    /// The class's pupils by number.
    pub rows: Vec<GridRow>,
}

/// `POST /api/school/classes/{class}/subjects/{subject}/columns`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewColumn {
    /// 1 or 2.
    pub term: u8,
    /// The school's category id.
    pub category_id: String,
    /// 1–120 characters.
    pub title: String,
    /// `YYYY-MM-DD`, within the term.
    pub on_date: String,
}

/// 1–120 characters.
pub const MAX_TITLE: usize = 120;
/// Comments up to 500 characters.
pub const MAX_COMMENT: usize = 500;
/// A descriptive grade: 10–2000 characters.
pub const MIN_DESCRIPTION: usize = 10;
/// A descriptive grade: 10–2000 characters.
pub const MAX_DESCRIPTION: usize = 2000;

/// One cell typed into a column: an empty mark removes the grade.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CellEntry {
    /// Pupil id.
    pub pupil_id: String,
    /// The mark, or empty to remove.
    pub mark: String,
    /// Optional comment.
    #[serde(default)]
    pub comment: String,
}

/// `PUT /api/school/columns/{column}/grades`: cells of one column, all or nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ColumnEntries {
    /// The cells that changed.
    pub entries: Vec<CellEntry>,
}

/// The answer to saving a column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ColumnSaved {
    /// Cells whose mark or comment changed (a new version each).
    pub changed: u32,
}

/// Checks the cells of a column of `kind` (of descriptions if `descriptive`): the
/// fields are `entries.N.mark` / `entries.N.comment`, so the grid marks the cell.
pub fn check_entries(kind: ColumnKind, descriptive: bool, entries: &ColumnEntries) -> FieldErrors {
    let mut problems = FieldErrors::new();
    let mut seen = std::collections::HashSet::new();
    for (i, e) in entries.entries.iter().enumerate() {
        if !e.mark.trim().is_empty()
            && let Err(err) = kind.cell_text(descriptive, &e.mark)
        {
            problems.insert(format!("entries.{i}.mark"), err);
        }
        if e.comment.chars().count() > MAX_COMMENT {
            problems.insert(format!("entries.{i}.comment"), FieldError::TooLong);
        }
        if !seen.insert(e.pupil_id.as_str()) {
            problems.insert(format!("entries.{i}.pupil_id"), FieldError::InvalidChoice);
        }
    }
    problems
}

/// Someone on the staff who opened a pupil's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffAccess {
    /// Name of the teacher or official.
    pub who: String,
    /// What they opened: `grades` or `grid` (their subject's grid of the class).
    pub what: String,
    /// When, RFC 3339 UTC.
    pub at: String,
}

/// Who a notice is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "FlatAudience")]
pub enum Audience {
    /// One class.
    Class {
        /// Class id.
        class_id: String,
    },
    /// A year group, e.g. every class 6.
    Level {
        /// 1–8.
        level: u8,
    },
    /// The whole school of a class the teacher teaches.
    School,
}

/// An audience's fields side by side, with its kind: lighter in the wasm than serde's
/// internally tagged enum (7.9 kB of the gradebook's bundle), the same JSON.
#[derive(Deserialize)]
struct FlatAudience {
    kind: String,
    class_id: Option<String>,
    level: Option<u8>,
}

impl TryFrom<FlatAudience> for Audience {
    type Error = String;

    fn try_from(a: FlatAudience) -> Result<Self, String> {
        match a.kind.as_str() {
            "class" => a
                .class_id
                .map(|class_id| Audience::Class { class_id })
                .ok_or_else(|| "missing field `class_id`".to_owned()),
            "level" => a
                .level
                .map(|level| Audience::Level { level })
                .ok_or_else(|| "missing field `level`".to_owned()),
            "school" => Ok(Audience::School),
            other => Err(format!("unknown audience `{other}`")),
        }
    }
}

/// A teacher's notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notice {
    /// Notice id.
    pub id: String,
    /// Who it is for, e.g. `6b`, `klasy 6`, the school.
    pub audience: Audience,
    /// The audience as shown: `6b`, `6`, or the school's name.
    pub audience_name: String,
    /// 1–120 characters.
    pub title: String,
    /// Up to 4000 characters.
    pub body: String,
    /// The teacher.
    pub author: String,
    /// RFC 3339 UTC.
    pub published_at: String,
}

/// `POST /api/school/notices`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticeForm {
    /// Who it is for.
    pub audience: Audience,
    /// 1–120 characters.
    pub title: String,
    /// 1–4000 characters.
    pub body: String,
}

/// Longest notice text.
pub const MAX_NOTICE: usize = 4000;

/// Checks a notice's texts.
pub fn check_notice(form: &NoticeForm) -> FieldErrors {
    let mut problems = FieldErrors::new();
    for (field, value, max) in [
        ("title", &form.title, MAX_TITLE),
        ("body", &form.body, MAX_NOTICE),
    ] {
        let v = value.trim();
        if v.is_empty() {
            problems.insert(field.into(), FieldError::Required);
        } else if v.chars().count() > max {
            problems.insert(field.into(), FieldError::TooLong);
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn term_grades_of_classes_one_to_three_are_descriptions() {
        assert!(ColumnKind::Proposed.descriptive_at(1, false));
        assert!(ColumnKind::Final.descriptive_at(3, false));
        assert!(!ColumnKind::Final.descriptive_at(4, false));
        assert!(!ColumnKind::Regular.descriptive_at(2, false));
        // Religion and ethics: marks of the scale in classes 1–3 too.
        assert!(!ColumnKind::Final.descriptive_at(2, true));
        assert!(!ColumnKind::Proposed.descriptive_at(1, true));
        let final_ = ColumnKind::Final;
        let text = "  Czyta płynnie i ze zrozumieniem.\nLiczy w zakresie 100.  ";
        assert_eq!(
            final_.cell_text(true, text).as_deref(),
            Ok("Czyta płynnie i ze zrozumieniem.\nLiczy w zakresie 100.")
        );
        for bare in ["5", "4+", "np", "+", "Dobrze", "  "] {
            assert_eq!(
                final_.cell_text(true, bare),
                Err(FieldError::DescriptionExpected),
                "{bare:?}"
            );
        }
        let long = "a".repeat(MAX_DESCRIPTION + 1);
        assert_eq!(final_.cell_text(true, &long), Err(FieldError::TooLong));
        assert!(final_.cell_text(true, &long[1..]).is_ok());
        // Classes 4–8: whole grades, as before.
        assert_eq!(final_.cell_text(false, "4").as_deref(), Ok("4"));
        assert_eq!(final_.cell_text(false, text), Err(FieldError::InvalidGrade));
    }
}
