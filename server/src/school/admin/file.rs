//! Reading the office's import file: `uczen;pesel;email_ucznia;opiekun;email_opiekuna`,
//! every value checked, repeated rows and a PESEL with two names refused, problems named
//! by line — the whole file or nothing.

use std::collections::HashMap;

use models::error::FieldError;
use models::pesel::Pesel;
use models::school::admin::IMPORT_COLUMNS;
use models::validate;

use crate::auth::db::normalise_email;
use crate::taxes::files::{self, LineError, Problem};

/// Rows one import may hold (a large school's year group twice over).
const MAX_ROWS: usize = 2_000;

/// One row of the file, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// Line in the file.
    pub line: usize,
    /// The pupil's name.
    pub pupil: String,
    /// Their PESEL.
    pub pesel: String,
    /// Their e-mail, lower-case, if they log in themselves.
    pub pupil_email: Option<String>,
    /// The guardian's name and e-mail, if the row has one.
    pub guardian: Option<(String, String)>,
}

/// Reads the file: every value checked, repeated rows and a PESEL with two names refused.
pub fn parse(text: &str) -> Result<Vec<ImportRow>, Vec<LineError>> {
    let (columns, records) = files::table(text, &IMPORT_COLUMNS, MAX_ROWS).map_err(|e| vec![e])?;
    let mut rows = vec![];
    let mut errors = vec![];
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    let mut names: HashMap<String, (usize, String, Option<String>)> = HashMap::new();
    for record in &records {
        if record.fields.len() != columns.len() {
            errors.push(LineError::new(
                record.line,
                Problem::FieldCount {
                    expected: columns.len(),
                    found: record.fields.len(),
                },
            ));
            continue;
        }
        let get = |c: &str| columns.get(record, c).trim().to_owned();
        let [pupil, pesel, pupil_email, guardian, guardian_email] = IMPORT_COLUMNS.map(get);
        let invalid = |column: &'static str, e: FieldError| {
            LineError::new(record.line, Problem::Invalid(column, e))
        };
        let checked = (|| {
            validate::full_name(&pupil).map_err(|e| invalid("uczen", e))?;
            Pesel::parse(&pesel).map_err(|_| invalid("pesel", FieldError::InvalidPesel))?;
            if !pupil_email.is_empty() {
                validate::email(&pupil_email).map_err(|e| invalid("email_ucznia", e))?;
            }
            match (guardian.is_empty(), guardian_email.is_empty()) {
                (true, true) => Ok(None),
                (false, true) => Err(invalid("email_opiekuna", FieldError::Required)),
                (true, false) => Err(invalid("opiekun", FieldError::Required)),
                (false, false) => {
                    validate::full_name(&guardian).map_err(|e| invalid("opiekun", e))?;
                    validate::email(&guardian_email).map_err(|e| invalid("email_opiekuna", e))?;
                    Ok(Some((guardian.clone(), normalise_email(&guardian_email))))
                }
            }
        })();
        let guardian = match checked {
            Ok(g) => g,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let pupil_email = (!pupil_email.is_empty()).then(|| normalise_email(&pupil_email));
        let key = (
            pesel.clone(),
            guardian.as_ref().map(|g| g.1.clone()).unwrap_or_default(),
        );
        if let Some(first) = seen.get(&key) {
            errors.push(LineError::new(record.line, Problem::Repeats(*first)));
            continue;
        }
        seen.insert(key, record.line);
        match names.get(&pesel) {
            Some((first, name, _)) if *name != pupil => {
                errors.push(LineError::new(
                    record.line,
                    Problem::Disagrees("uczen", *first),
                ));
                continue;
            }
            Some((first, _, email)) if *email != pupil_email => {
                errors.push(LineError::new(
                    record.line,
                    Problem::Disagrees("email_ucznia", *first),
                ));
                continue;
            }
            Some(_) => {}
            None => {
                names.insert(
                    pesel.clone(),
                    (record.line, pupil.clone(), pupil_email.clone()),
                );
            }
        }
        rows.push(ImportRow {
            line: record.line,
            pupil,
            pesel,
            pupil_email,
            guardian,
        });
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "uczen;pesel;email_ucznia;opiekun;email_opiekuna\n";

    #[test]
    fn a_pupil_with_two_guardians_and_one_with_none() {
        let text = format!(
            "{HEADER}Zofia Lis;16270512349;;Marek Lis;Marek.Lis@example.pl\n\
             Zofia Lis;16270512349;;Ewa Lis;ewa.lis@example.pl\n\
             Jan Wróbel;16250711234;jan.w@example.pl;;\n"
        );
        let rows = parse(&text).expect("valid");
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[0].guardian,
            Some(("Marek Lis".into(), "marek.lis@example.pl".into()))
        );
        assert_eq!(rows[2].guardian, None);
        assert_eq!(rows[2].pupil_email.as_deref(), Some("jan.w@example.pl"));
    }

    #[test]
    fn bad_rows_are_named_by_line_and_nothing_is_read() {
        let cases: [(&str, usize, Problem); 6] = [
            (
                "Zofia Lis;16270512348;;;",
                2,
                Problem::Invalid("pesel", FieldError::InvalidPesel),
            ),
            (
                "Zofia Lis;16270512349;;Marek Lis;",
                2,
                Problem::Invalid("email_opiekuna", FieldError::Required),
            ),
            (
                "Zofia Lis;16270512349;;;marek@example.pl",
                2,
                Problem::Invalid("opiekun", FieldError::Required),
            ),
            (
                "Zofia Lis;16270512349;;Marek Lis;marek@example.pl\nZofia Lis;16270512349;;Marek Lis;MAREK@example.pl",
                3,
                Problem::Repeats(2),
            ),
            (
                "Zofia Lis;16270512349;;;\nZosia Lis;16270512349;;Ewa Lis;ewa@example.pl",
                3,
                Problem::Disagrees("uczen", 2),
            ),
            (
                "Z;16270512349;;;",
                2,
                Problem::Invalid("uczen", FieldError::TooShort),
            ),
        ];
        for (body, line, problem) in cases {
            let errors = parse(&format!("{HEADER}{body}\n")).expect_err(body);
            assert_eq!(errors, vec![LineError::new(line, problem)], "{body}");
        }
        let missing = parse("uczen;pesel\nZofia Lis;16270512349\n").expect_err("columns");
        assert_eq!(
            missing[0].problem,
            Problem::MissingColumn("email_ucznia"),
            "{missing:?}"
        );
    }

    /// A PESEL from ten digits, with its checksum.
    fn pesel(ten: u64) -> String {
        let digits = format!("{:010}", ten % 10_000_000_000);
        let weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
        let sum: u32 = digits
            .bytes()
            .zip(weights)
            .map(|(d, w)| u32::from(d - b'0') * w)
            .sum();
        format!("{digits}{}", (10 - sum % 10) % 10)
    }

    proptest::proptest! {
        /// Any file of distinct pupil × guardian rows is read whole, in order; the same
        /// file with one row repeated anywhere later is refused, naming the repeat and
        /// the line it repeats.
        #[test]
        fn a_repeated_row_anywhere_refuses_the_file(
            pupils in proptest::collection::btree_set(0u32..28, 1..12),
            guardians in 0usize..3,
            pick in 0usize..100,
            at in 0usize..100,
        ) {
            // Births 2016-05-01 to 2016-05-28: a real date for every pupil.
            let rows: Vec<String> = pupils
                .iter()
                .flat_map(|d| {
                    let id = pesel(1_625_010_000 + u64::from(*d) * 10_000 + 1_234);
                    (0..=guardians).map(move |g| {
                        if g == 0 {
                            format!("Uczeń {d:02};{id};;;")
                        } else {
                            format!("Uczeń {d:02};{id};;Opiekun {g};opiekun{g}.{d}@example.pl")
                        }
                    })
                })
                .collect();
            let valid: Vec<ImportRow> = parse(&format!("{HEADER}{}\n", rows.join("\n")))
                .map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{e:?}")))?;
            proptest::prop_assert_eq!(valid.len(), rows.len());
            for (i, row) in valid.iter().enumerate() {
                proptest::prop_assert_eq!(row.line, i + 2);
            }
            let first = pick % rows.len();
            let mut repeated = rows.clone();
            let place = first + 1 + at % (rows.len() - first);
            repeated.insert(place, rows[first].clone());
            let errors = parse(&format!("{HEADER}{}\n", repeated.join("\n")))
                .err()
                .unwrap_or_default();
            proptest::prop_assert_eq!(
                errors,
                vec![LineError::new(place + 2, Problem::Repeats(first + 2))]
            );
        }
    }
}
