//! The Polish scale of grades and the weighted average.
//!
//! Grades are 1–6 (rozporządzenie MEN z 22 lutego 2019 r. w sprawie oceniania, § 12:
//! celujący 6 … niedostateczny 1), with `+` and `−` as the school's statute allows.
//! `np` (nieprzygotowany), `bz` (brak zadania) and the activity marks `+` / `−` are
//! recorded but do not count in averages. The proposed and final grades of a term are
//! whole grades.
//!
//! The average is Σ(value × weight) / Σ weight over the grades that count, where a `+`
//! adds the school's bonus and a `−` takes its malus (e.g. +0.5 / −0.25, so 4+ = 4.5 and
//! 5− = 4.75). Everything is in hundredths of a grade; the average is rounded half up
//! to hundredths.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;

/// A `+` or `−` after a grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modifier {
    /// Just the grade.
    None,
    /// `5+`.
    Plus,
    /// `5−`.
    Minus,
}

/// One mark in a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// 1–6, with a modifier.
    Grade(u8, Modifier),
    /// `np`: unprepared.
    Unprepared,
    /// `bz`: no homework.
    NoHomework,
    /// `+` for activity.
    ActivityPlus,
    /// `−` for activity.
    ActivityMinus,
}

/// The school's rule for `+` and `−`, in hundredths of a grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlusMinusRule {
    /// What a `+` adds, e.g. 50 for +0.5.
    pub plus: u32,
    /// What a `−` takes, e.g. 25 for −0.25.
    pub minus: u32,
}

impl Default for PlusMinusRule {
    fn default() -> Self {
        PlusMinusRule {
            plus: 50,
            minus: 25,
        }
    }
}

/// The largest `+` or `−` a school may set: a whole grade.
pub const MAX_MODIFIER: u32 = 100;

impl Mark {
    /// Parses what a teacher types: `5`, `4+`, `3-` (also `–` or `−`), `np`, `bz`, `+`, `-`.
    /// `1−` and `6+` are not on the scale.
    pub fn parse(text: &str) -> Result<Mark, FieldError> {
        let t = text.trim().to_lowercase().replace(['−', '–'], "-");
        let mark = match t.as_str() {
            "" => return Err(FieldError::Required),
            "np" => Mark::Unprepared,
            "bz" => Mark::NoHomework,
            "+" => Mark::ActivityPlus,
            "-" => Mark::ActivityMinus,
            _ => {
                let (digits, modifier) = if let Some(d) = t.strip_suffix('+') {
                    (d, Modifier::Plus)
                } else if let Some(d) = t.strip_suffix('-') {
                    (d, Modifier::Minus)
                } else {
                    (t.as_str(), Modifier::None)
                };
                let value = match digits {
                    "1" => 1,
                    "2" => 2,
                    "3" => 3,
                    "4" => 4,
                    "5" => 5,
                    "6" => 6,
                    _ => return Err(FieldError::InvalidGrade),
                };
                if (value == 1 && modifier == Modifier::Minus)
                    || (value == 6 && modifier == Modifier::Plus)
                {
                    return Err(FieldError::InvalidGrade);
                }
                Mark::Grade(value, modifier)
            }
        };
        Ok(mark)
    }

    /// Parses a proposed or final grade of a term: a whole grade 1–6.
    pub fn parse_whole(text: &str) -> Result<Mark, FieldError> {
        match Mark::parse(text)? {
            m @ Mark::Grade(_, Modifier::None) => Ok(m),
            _ => Err(FieldError::WholeGradeOnly),
        }
    }

    /// The stored and shown text: `4+`, `3−`, `np`, `bz`, `+`, `−`.
    pub fn as_text(self) -> String {
        match self {
            Mark::Grade(v, Modifier::None) => v.to_string(),
            Mark::Grade(v, Modifier::Plus) => format!("{v}+"),
            Mark::Grade(v, Modifier::Minus) => format!("{v}−"),
            Mark::Unprepared => "np".into(),
            Mark::NoHomework => "bz".into(),
            Mark::ActivityPlus => "+".into(),
            Mark::ActivityMinus => "−".into(),
        }
    }

    /// The value in hundredths under the school's rule, `None` for marks that do not
    /// count in averages.
    pub fn hundredths(self, rule: PlusMinusRule) -> Option<i64> {
        match self {
            Mark::Grade(v, m) => {
                let base = i64::from(v) * 100;
                Some(match m {
                    Modifier::None => base,
                    Modifier::Plus => base + i64::from(rule.plus),
                    Modifier::Minus => base - i64::from(rule.minus),
                })
            }
            _ => None,
        }
    }
}

/// The weighted average in hundredths, rounded half up, of `(mark, weight)` pairs;
/// `None` when no grade counts (no grades, or only `np`, `bz`, `+`, `−`, or weights 0).
pub fn weighted_average(
    marks: impl IntoIterator<Item = (Mark, u32)>,
    rule: PlusMinusRule,
) -> Option<i64> {
    let (mut sum, mut weights) = (0i64, 0i64);
    for (mark, weight) in marks {
        if let Some(v) = mark.hundredths(rule) {
            sum += v * i64::from(weight);
            weights += i64::from(weight);
        }
    }
    (weights > 0).then(|| (2 * sum + weights).div_euclid(2 * weights))
}

/// An average in hundredths as the school shows it, `4,63` (`4.63` in English).
pub fn format_average(hundredths: i64, decimal_comma: bool) -> String {
    let sep = if decimal_comma { ',' } else { '.' };
    format!("{}{sep}{:02}", hundredths / 100, hundredths % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn m(s: &str) -> Mark {
        Mark::parse(s).expect("a mark")
    }

    #[test]
    fn the_scale_is_read_as_teachers_type_it() {
        assert_eq!(m("5"), Mark::Grade(5, Modifier::None));
        assert_eq!(m(" 4+ "), Mark::Grade(4, Modifier::Plus));
        assert_eq!(m("3-"), Mark::Grade(3, Modifier::Minus));
        assert_eq!(m("3−"), Mark::Grade(3, Modifier::Minus));
        assert_eq!(m("3–"), Mark::Grade(3, Modifier::Minus));
        assert_eq!(m("NP"), Mark::Unprepared);
        assert_eq!(m("bz"), Mark::NoHomework);
        assert_eq!(m("+"), Mark::ActivityPlus);
        assert_eq!(m("-"), Mark::ActivityMinus);
        for bad in ["0", "7", "6+", "1-", "5++", "4,5", "a", "+5", "10"] {
            assert_eq!(Mark::parse(bad), Err(FieldError::InvalidGrade), "{bad}");
        }
        assert_eq!(Mark::parse("  "), Err(FieldError::Required));
        assert_eq!(Mark::parse_whole("4"), Ok(Mark::Grade(4, Modifier::None)));
        assert_eq!(Mark::parse_whole("4+"), Err(FieldError::WholeGradeOnly));
        assert_eq!(Mark::parse_whole("np"), Err(FieldError::WholeGradeOnly));
        assert_eq!(m("5-").as_text(), "5−");
    }

    /// The worked examples of docs/SCHOOL.md.
    #[test]
    fn worked_examples_of_the_average() {
        let rule = PlusMinusRule::default();
        // A test 5 (weight 3), a quiz 4+ (2), homework 3− (1) and an np: (15 + 9 + 2.75) / 6.
        let marks = [(m("5"), 3), (m("4+"), 2), (m("3-"), 1), (m("np"), 1)];
        assert_eq!(weighted_average(marks, rule), Some(446));
        // The same under +0.25 / −0.25: (15 + 8.5 + 2.75) / 6 = 4.375 → 4.38 (half up).
        let quarter = PlusMinusRule {
            plus: 25,
            minus: 25,
        };
        assert_eq!(weighted_average(marks, quarter), Some(438));
        // 6 and 1− never exist; 2 and 5 with equal weights: 3.50.
        assert_eq!(
            weighted_average([(m("2"), 1), (m("5"), 1)], rule),
            Some(350)
        );
        // Only activity marks: no average.
        assert_eq!(weighted_average([(m("+"), 1), (m("bz"), 2)], rule), None);
        assert_eq!(format_average(446, true), "4,46");
        assert_eq!(format_average(350, false), "3.50");
    }

    fn any_mark() -> impl Strategy<Value = Mark> {
        prop_oneof![
            (1u8..=6, 0u8..3).prop_filter_map("on the scale", |(v, k)| {
                let modifier = [Modifier::None, Modifier::Plus, Modifier::Minus][k as usize];
                Mark::parse(&Mark::Grade(v, modifier).as_text()).ok()
            }),
            Just(Mark::Unprepared),
            Just(Mark::NoHomework),
            Just(Mark::ActivityPlus),
            Just(Mark::ActivityMinus),
        ]
    }

    proptest! {
        #[test]
        fn the_average_lies_between_the_lowest_and_highest_grade_that_count(
            marks in proptest::collection::vec((any_mark(), 1u32..=10), 0..40),
            plus in 0u32..=MAX_MODIFIER, minus in 0u32..=MAX_MODIFIER,
        ) {
            let rule = PlusMinusRule { plus, minus };
            let counted: Vec<i64> = marks.iter().filter_map(|(m, _)| m.hundredths(rule)).collect();
            match weighted_average(marks.clone(), rule) {
                None => prop_assert!(counted.is_empty()),
                Some(avg) => {
                    prop_assert!(avg >= *counted.iter().min().expect("a grade"));
                    prop_assert!(avg <= *counted.iter().max().expect("a grade"));
                }
            }
            let mut reversed = marks.clone();
            reversed.reverse();
            prop_assert_eq!(weighted_average(reversed, rule), weighted_average(marks, rule));
        }

        #[test]
        fn a_grade_of_weight_w_counts_as_w_grades_of_weight_one(
            marks in proptest::collection::vec((any_mark(), 1u32..=5), 1..20),
        ) {
            let rule = PlusMinusRule::default();
            let spread: Vec<(Mark, u32)> = marks
                .iter()
                .flat_map(|(m, w)| std::iter::repeat_n((*m, 1), *w as usize))
                .collect();
            prop_assert_eq!(weighted_average(spread, rule), weighted_average(marks, rule));
        }

        #[test]
        fn every_mark_reads_back_from_its_text(mark in any_mark()) {
            prop_assert_eq!(Mark::parse(&mark.as_text()), Ok(mark));
        }
    }
}
