//! Checking single values: the typed field kinds, dates, addresses and file references.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Day, Field, FieldKind};
use crate::error::FieldError;
use crate::validate;

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Bool(b) => !b,
        // An address whose every line was left blank (or cleared) was not given.
        Value::Object(o) => o.values().all(is_empty),
        Value::Number(_) => false,
    }
}

/// Checks one value against its field.
pub fn check_field(field: &Field, value: &Value, today: Day) -> Result<(), FieldError> {
    if is_empty(value) {
        let is_box = matches!(field.kind, FieldKind::Checkbox);
        return if field.required {
            Err(FieldError::Required)
        } else if is_box && !value.is_boolean() && !value.is_null() {
            Err(FieldError::WrongType)
        } else {
            Ok(())
        };
    }
    let text = || value.as_str().ok_or(FieldError::WrongType);
    match &field.kind {
        FieldKind::Text { max_len, .. } => {
            if text()?.chars().count() > *max_len as usize {
                Err(FieldError::TooLong)
            } else {
                Ok(())
            }
        }
        FieldKind::Number { min, max } => {
            let n = value.as_i64().ok_or(FieldError::NotANumber)?;
            if min.is_some_and(|m| n < m) {
                Err(FieldError::TooSmall)
            } else if max.is_some_and(|m| n > m) {
                Err(FieldError::TooLarge)
            } else {
                Ok(())
            }
        }
        FieldKind::Date { not_in_future } => {
            let day = parse_date(text()?).ok_or(FieldError::InvalidDate)?;
            if *not_in_future && day > today {
                Err(FieldError::DateInFuture)
            } else {
                Ok(())
            }
        }
        FieldKind::Choice { options } => {
            let v = text()?;
            if options.iter().any(|o| o.value == v) {
                Ok(())
            } else {
                Err(FieldError::InvalidChoice)
            }
        }
        FieldKind::Checkbox => value.as_bool().map(|_| ()).ok_or(FieldError::WrongType),
        FieldKind::Address => check_address(value),
        FieldKind::Pesel => validate::optional_pesel(Some(text()?)),
        FieldKind::Nip => validate::nip(text()?),
        FieldKind::PostalCode => validate::postal_code(text()?),
        FieldKind::Nrb => validate::nrb(text()?),
        FieldKind::Phone => validate::phone(text()?),
        FieldKind::Email => validate::email(text()?),
        FieldKind::File {
            max_bytes,
            types,
            max_files,
        } => check_files(value, *max_bytes, types, *max_files),
    }
}

/// Parses `YYYY-MM-DD` into a real calendar day.
pub fn parse_date(s: &str) -> Option<Day> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

fn check_address(value: &Value) -> Result<(), FieldError> {
    let a = value.as_object().ok_or(FieldError::WrongType)?;
    let part = |k: &str| {
        a.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .unwrap_or("")
    };
    if a.keys()
        .any(|k| !["street", "building", "apartment", "postal_code", "city"].contains(&k.as_str()))
    {
        return Err(FieldError::UnknownField);
    }
    if part("building").is_empty() || part("city").is_empty() {
        return Err(FieldError::Required);
    }
    if ["street", "building", "apartment", "city"]
        .iter()
        .any(|k| part(k).chars().count() > 200)
    {
        return Err(FieldError::TooLong);
    }
    validate::postal_code(part("postal_code"))
}

/// An uploaded file as a form refers to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FileRef {
    /// File name.
    pub name: String,
    /// SHA-256, hex.
    pub sha256: String,
    /// Bytes.
    pub size: u64,
    /// MIME type, as checked on upload.
    pub content_type: String,
}

fn check_files(
    value: &Value,
    max_bytes: u64,
    types: &[String],
    max_files: u32,
) -> Result<(), FieldError> {
    let files: Vec<FileRef> =
        serde_json::from_value(value.clone()).map_err(|_| FieldError::WrongType)?;
    if files.len() as u64 > u64::from(max_files) {
        return Err(FieldError::TooMany);
    }
    for f in &files {
        if f.size > max_bytes {
            return Err(FieldError::FileTooLarge);
        }
        if !types.iter().any(|t| t == &f.content_type) {
            return Err(FieldError::FileTypeNotAllowed);
        }
        if f.sha256.len() != 64 || !f.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(FieldError::WrongType);
        }
    }
    Ok(())
}
