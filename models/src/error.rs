//! The one error envelope every API error uses, and its translated messages.
//!
//! `{"error": {"code": "snake_case_code", "message": "…", "fields": {"field": "field_code"}}}`.
//! The UI branches on `code` and translates it with [`ErrorCode::message`]; it never parses
//! `message`, which the server fills in the caller's language.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// What went wrong, machine-readable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body is not valid JSON or has the wrong shape.
    MalformedJson,
    /// The body is not sent as `application/json`.
    UnsupportedMediaType,
    /// One or more fields failed validation; see `fields`.
    ValidationFailed,
    /// No valid session.
    Unauthenticated,
    /// The e-mail or password is wrong.
    InvalidCredentials,
    /// The session is valid but the role does not allow this.
    Forbidden,
    /// A state-changing request came from another site.
    CrossSiteRequest,
    /// No such object (or not yours), or no such route.
    NotFound,
    /// The route exists but not with this method.
    MethodNotAllowed,
    /// The e-mail is already registered in this gmina.
    EmailTaken,
    /// The body is larger than the server accepts.
    PayloadTooLarge,
    /// Too many attempts; try again later.
    TooManyRequests,
    /// The server failed; details are in its log, not here.
    Internal,
    /// The network or the server could not be reached (used by the browser client only).
    Network,
}

/// Why a single field was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldError {
    /// Empty but needed.
    Required,
    /// Shorter than allowed.
    TooShort,
    /// Longer than allowed.
    TooLong,
    /// Not an e-mail address.
    InvalidEmail,
    /// Not a valid PESEL (checksum or birth date).
    InvalidPesel,
    /// The current password is wrong.
    WrongPassword,
    /// Not one of the allowed values.
    InvalidChoice,
}

/// The body of every error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// The error itself.
    pub error: ErrorDetail,
}

/// The inside of [`ErrorBody`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    /// Machine-readable code.
    pub code: ErrorCode,
    /// Human-readable message in the caller's language.
    pub message: String,
    /// Per-field problems, keyed by the request's field names.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, FieldError>,
}

impl ErrorBody {
    /// An error with a message in `lang` and no field details.
    pub fn new(code: ErrorCode, lang: Lang) -> Self {
        ErrorBody {
            error: ErrorDetail {
                code,
                message: code.message(lang).to_owned(),
                fields: BTreeMap::new(),
            },
        }
    }
}

impl ErrorCode {
    /// The message shown to a person, in `lang`.
    pub fn message(self, lang: Lang) -> &'static str {
        use ErrorCode::*;
        let [pl, en, uk] = match self {
            MalformedJson => [
                "Nieprawidłowe dane żądania.",
                "The request data is malformed.",
                "Неправильні дані запиту.",
            ],
            UnsupportedMediaType => [
                "Dane muszą być wysłane jako JSON.",
                "The data must be sent as JSON.",
                "Дані потрібно надсилати у форматі JSON.",
            ],
            ValidationFailed => [
                "Popraw zaznaczone pola.",
                "Please correct the highlighted fields.",
                "Виправте позначені поля.",
            ],
            Unauthenticated => [
                "Zaloguj się, aby kontynuować.",
                "Please log in to continue.",
                "Увійдіть, щоб продовжити.",
            ],
            InvalidCredentials => [
                "Nieprawidłowy e-mail lub hasło.",
                "Wrong e-mail or password.",
                "Неправильна електронна адреса або пароль.",
            ],
            Forbidden => [
                "Nie masz uprawnień do tej czynności.",
                "You are not allowed to do this.",
                "У вас немає дозволу на цю дію.",
            ],
            CrossSiteRequest => [
                "Żądanie z innej witryny zostało odrzucone.",
                "A request from another site was refused.",
                "Запит з іншого сайту відхилено.",
            ],
            NotFound => ["Nie znaleziono.", "Not found.", "Не знайдено."],
            MethodNotAllowed => [
                "Ta metoda nie jest dozwolona.",
                "This method is not allowed.",
                "Цей метод не дозволено.",
            ],
            EmailTaken => [
                "Konto z tym adresem e-mail już istnieje.",
                "An account with this e-mail already exists.",
                "Обліковий запис з цією адресою вже існує.",
            ],
            PayloadTooLarge => [
                "Przesłane dane są za duże.",
                "The data sent is too large.",
                "Надіслані дані завеликі.",
            ],
            TooManyRequests => [
                "Zbyt wiele prób. Spróbuj ponownie za kilka minut.",
                "Too many attempts. Try again in a few minutes.",
                "Забагато спроб. Спробуйте ще раз за кілька хвилин.",
            ],
            Internal => [
                "Wystąpił błąd serwera. Spróbuj ponownie później.",
                "A server error occurred. Please try again later.",
                "Сталася помилка сервера. Спробуйте пізніше.",
            ],
            Network => [
                "Brak połączenia z serwerem. Sprawdź internet i spróbuj ponownie.",
                "The server cannot be reached. Check your connection and try again.",
                "Немає з'єднання з сервером. Перевірте інтернет і спробуйте ще раз.",
            ],
        };
        pick(lang, pl, en, uk)
    }
}

impl FieldError {
    /// The message shown beside the field, in `lang`.
    pub fn message(self, lang: Lang) -> &'static str {
        use FieldError::*;
        let [pl, en, uk] = match self {
            Required => [
                "To pole jest wymagane.",
                "This field is required.",
                "Це поле обов'язкове.",
            ],
            TooShort => ["Za krótko.", "Too short.", "Занадто коротко."],
            TooLong => ["Za długo.", "Too long.", "Занадто довго."],
            InvalidEmail => [
                "Podaj prawidłowy adres e-mail.",
                "Enter a valid e-mail address.",
                "Введіть правильну електронну адресу.",
            ],
            InvalidPesel => [
                "Nieprawidłowy numer PESEL.",
                "Invalid PESEL number.",
                "Неправильний номер PESEL.",
            ],
            WrongPassword => [
                "Obecne hasło jest nieprawidłowe.",
                "The current password is wrong.",
                "Поточний пароль неправильний.",
            ],
            InvalidChoice => [
                "Wybierz jedną z dostępnych opcji.",
                "Choose one of the available options.",
                "Виберіть один із доступних варіантів.",
            ],
        };
        pick(lang, pl, en, uk)
    }
}

fn pick(lang: Lang, pl: &'static str, en: &'static str, uk: &'static str) -> &'static str {
    match lang {
        Lang::Pl => pl,
        Lang::En => en,
        Lang::Uk => uk,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_envelope_serialises_with_snake_case_codes_and_omits_empty_fields() {
        let body = ErrorBody::new(ErrorCode::EmailTaken, Lang::En);
        let json = serde_json::to_value(&body).expect("serialises");
        assert_eq!(json["error"]["code"], "email_taken");
        assert!(json["error"].get("fields").is_none());
    }
}
