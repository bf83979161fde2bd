//! Field validation that the browser and the server run identically.

use std::collections::BTreeMap;

use crate::auth::{ChangePasswordRequest, RegisterRequest};
use crate::error::FieldError;
use crate::pesel::Pesel;

/// Field name → problem; empty means valid.
pub type FieldErrors = BTreeMap<String, FieldError>;

/// Shortest accepted password, in characters.
pub const PASSWORD_MIN_CHARS: usize = 10;
/// Longest accepted password, in characters (checked before hashing).
pub const PASSWORD_MAX_CHARS: usize = 128;
/// Longest accepted e-mail address (RFC 5321 path limit).
pub const EMAIL_MAX_CHARS: usize = 254;
/// Longest accepted full name.
pub const NAME_MAX_CHARS: usize = 200;

/// Checks an e-mail address's shape: one `@`, a non-empty local part and a dotted domain.
pub fn email(value: &str) -> Result<(), FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(FieldError::Required);
    }
    if v.chars().count() > EMAIL_MAX_CHARS {
        return Err(FieldError::TooLong);
    }
    let Some((local, domain)) = v.split_once('@') else {
        return Err(FieldError::InvalidEmail);
    };
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.chars().any(|c| c.is_whitespace() || c == '@');
    if domain_ok && local_ok {
        Ok(())
    } else {
        Err(FieldError::InvalidEmail)
    }
}

/// Checks a new password's length (a passphrase of any characters is welcome).
pub fn new_password(value: &str) -> Result<(), FieldError> {
    let n = value.chars().count();
    if n == 0 {
        Err(FieldError::Required)
    } else if n < PASSWORD_MIN_CHARS {
        Err(FieldError::TooShort)
    } else if n > PASSWORD_MAX_CHARS {
        Err(FieldError::TooLong)
    } else {
        Ok(())
    }
}

/// Checks a person's full name.
pub fn full_name(value: &str) -> Result<(), FieldError> {
    let n = value.trim().chars().count();
    if n == 0 {
        Err(FieldError::Required)
    } else if n < 2 {
        Err(FieldError::TooShort)
    } else if n > NAME_MAX_CHARS {
        Err(FieldError::TooLong)
    } else {
        Ok(())
    }
}

/// Checks an optional PESEL: empty is fine, anything else must be valid.
pub fn optional_pesel(value: Option<&str>) -> Result<(), FieldError> {
    match value.map(str::trim) {
        None | Some("") => Ok(()),
        Some(v) => Pesel::parse(v)
            .map(|_| ())
            .map_err(|_| FieldError::InvalidPesel),
    }
}

/// Validates a registration form.
pub fn register(req: &RegisterRequest) -> FieldErrors {
    let mut errors = FieldErrors::new();
    collect(&mut errors, "email", email(&req.email));
    collect(&mut errors, "password", new_password(&req.password));
    collect(&mut errors, "full_name", full_name(&req.full_name));
    collect(&mut errors, "pesel", optional_pesel(req.pesel.as_deref()));
    errors
}

/// Validates a password change form (the current password is checked by the server).
pub fn change_password(req: &ChangePasswordRequest) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if req.current_password.is_empty() {
        errors.insert("current_password".into(), FieldError::Required);
    } else if req.current_password.chars().count() > PASSWORD_MAX_CHARS {
        errors.insert("current_password".into(), FieldError::TooLong);
    }
    collect(&mut errors, "new_password", new_password(&req.new_password));
    errors
}

fn collect(errors: &mut FieldErrors, field: &str, result: Result<(), FieldError>) {
    if let Err(e) = result {
        errors.insert(field.to_owned(), e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_shapes() {
        for ok in [
            "anna.nowak@example.pl",
            "a+b@gmina.przykladowo.pl",
            "ż@łódź.pl",
        ] {
            assert_eq!(email(ok), Ok(()), "{ok}");
        }
        for (bad, why) in [
            ("", FieldError::Required),
            ("anna", FieldError::InvalidEmail),
            ("anna@", FieldError::InvalidEmail),
            ("@example.pl", FieldError::InvalidEmail),
            ("anna@example", FieldError::InvalidEmail),
            ("an na@example.pl", FieldError::InvalidEmail),
            ("anna@exa..mple.pl", FieldError::InvalidEmail),
        ] {
            assert_eq!(email(bad), Err(why), "{bad}");
        }
        assert_eq!(
            email(&format!("{}@example.pl", "a".repeat(260))),
            Err(FieldError::TooLong)
        );
    }

    #[test]
    fn password_length_is_counted_in_characters_not_bytes() {
        assert_eq!(new_password("ąęśćżźółń"), Err(FieldError::TooShort));
        assert_eq!(new_password("ąęśćżźółńą"), Ok(()));
        assert_eq!(new_password(&"x".repeat(129)), Err(FieldError::TooLong));
    }
}
