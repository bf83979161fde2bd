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

/// The digits of a value typed with optional spaces or dashes; `None` if anything else.
fn digits(value: &str) -> Option<Vec<u32>> {
    value
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .map(|c| c.to_digit(10))
        .collect()
}

/// NIP (numer identyfikacji podatkowej): 10 digits, weights 6-5-7-2-3-4-5-6-7, mod 11.
pub fn nip(value: &str) -> Result<(), FieldError> {
    let d = digits(value)
        .filter(|d| d.len() == 10)
        .ok_or(FieldError::InvalidNip)?;
    let sum: u32 = [6, 5, 7, 2, 3, 4, 5, 6, 7]
        .iter()
        .zip(&d)
        .map(|(w, x)| w * x)
        .sum();
    if sum % 11 == d[9] {
        Ok(())
    } else {
        Err(FieldError::InvalidNip)
    }
}

/// NRB (numer rachunku bankowego): 26 digits whose IBAN form `PL…` passes ISO 7064 mod 97.
pub fn nrb(value: &str) -> Result<(), FieldError> {
    let trimmed = value.trim();
    let without_country = trimmed
        .strip_prefix("PL")
        .or_else(|| trimmed.strip_prefix("pl"))
        .unwrap_or(trimmed);
    let d = digits(without_country)
        .filter(|d| d.len() == 26)
        .ok_or(FieldError::InvalidNrb)?;
    // Rearranged IBAN: account digits, then "PL" as 25 21, then the two check digits.
    let rearranged = d[2..]
        .iter()
        .copied()
        .chain([2, 5, 2, 1])
        .chain(d[..2].iter().copied());
    let remainder = rearranged.fold(0u32, |acc, digit| (acc * 10 + digit) % 97);
    if remainder == 1 {
        Ok(())
    } else {
        Err(FieldError::InvalidNrb)
    }
}

/// A Polish postal code, `00-950`.
pub fn postal_code(value: &str) -> Result<(), FieldError> {
    let b = value.trim().as_bytes();
    let ok = b.len() == 6
        && b[2] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(FieldError::InvalidPostalCode)
    }
}

/// A phone number: 9 Polish digits (optionally `+48` first) or an international `+` number
/// of 7–15 digits; spaces and dashes allowed.
pub fn phone(value: &str) -> Result<(), FieldError> {
    let v = value.trim();
    let (international, rest) = match v.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, v),
    };
    let d = digits(rest).ok_or(FieldError::InvalidPhone)?;
    let ok = if international {
        (7..=15).contains(&d.len()) && (d[0] != 4 || d.get(1) != Some(&8) || d.len() == 11)
    } else {
        d.len() == 9
    };
    if ok {
        Ok(())
    } else {
        Err(FieldError::InvalidPhone)
    }
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
    fn polish_identifiers_and_numbers() {
        assert_eq!(nip("526-000-12-46"), Ok(()));
        assert_eq!(nip("5260001247"), Err(FieldError::InvalidNip));
        assert_eq!(nip("526000124"), Err(FieldError::InvalidNip));
        // The NBP account from the IBAN registry example: PL61 1090 1014 0000 0712 1981 2874.
        assert_eq!(nrb("61 1090 1014 0000 0712 1981 2874"), Ok(()));
        assert_eq!(nrb("PL61109010140000071219812874"), Ok(()));
        assert_eq!(
            nrb("61 1090 1014 0000 0712 1981 2875"),
            Err(FieldError::InvalidNrb)
        );
        assert_eq!(postal_code("00-950"), Ok(()));
        for bad in ["00950", "0-0950", "ab-cde", "00-9500"] {
            assert_eq!(
                postal_code(bad),
                Err(FieldError::InvalidPostalCode),
                "{bad}"
            );
        }
        for ok in [
            "600 123 456",
            "+48 600-123-456",
            "+380 44 123 4567",
            "126543210",
        ] {
            assert_eq!(phone(ok), Ok(()), "{ok}");
        }
        for bad in ["12345", "+48 600 123", "telefon", "+48 600 123 4567"] {
            assert_eq!(phone(bad), Err(FieldError::InvalidPhone), "{bad}");
        }
    }

    proptest::proptest! {
        #[test]
        fn a_single_changed_digit_breaks_nip_and_nrb(seed in proptest::collection::vec(0u32..10, 26), pos in 0usize..26, delta in 1u32..10) {
            // A valid NIP from nine random digits (skipping the few whose check would be 10).
            let nine = &seed[..9];
            let sum: u32 = [6, 5, 7, 2, 3, 4, 5, 6, 7].iter().zip(nine).map(|(w, x)| w * x).sum();
            if sum % 11 != 10 {
                let valid: String = nine.iter().chain(std::iter::once(&(sum % 11))).map(|d| char::from(b'0' + *d as u8)).collect();
                proptest::prop_assert_eq!(nip(&valid), Ok(()));
                let mut changed: Vec<u32> = valid.chars().filter_map(|c| c.to_digit(10)).collect();
                changed[pos % 10] = (changed[pos % 10] + delta) % 10;
                let changed: String = changed.iter().map(|d| char::from(b'0' + *d as u8)).collect();
                proptest::prop_assert!(nip(&changed).is_err());
            }
            // A valid NRB: 24 random digits with the check digits computed.
            let account = &seed[2..];
            let r = account.iter().copied().chain([2, 5, 2, 1, 0, 0]).fold(0u32, |acc, d| (acc * 10 + d) % 97);
            let check = 98 - r;
            let valid: String = format!("{check:02}{}", account.iter().map(|d| char::from(b'0' + *d as u8)).collect::<String>());
            proptest::prop_assert_eq!(nrb(&valid), Ok(()));
            let mut changed: Vec<u32> = valid.chars().filter_map(|c| c.to_digit(10)).collect();
            changed[pos] = (changed[pos] + delta) % 10;
            let changed: String = changed.iter().map(|d| char::from(b'0' + *d as u8)).collect();
            proptest::prop_assert!(nrb(&changed).is_err());
        }
    }

    #[test]
    fn password_length_is_counted_in_characters_not_bytes() {
        assert_eq!(new_password("ąęśćżźółń"), Err(FieldError::TooShort));
        assert_eq!(new_password("ąęśćżźółńą"), Ok(()));
        assert_eq!(new_password(&"x".repeat(129)), Err(FieldError::TooLong));
    }
}
