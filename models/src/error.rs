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
    /// Someone saved a newer version meanwhile (e.g. a draft on another device).
    Conflict,
    /// The case is not at a stage where this can be done.
    WrongState,
    /// A submission needs an `Idempotency-Key` header (8–100 characters).
    IdempotencyKeyRequired,
    /// This person has already voted in this civic-budget edition.
    AlreadyVoted,
    /// Voting in this edition is not open (not yet, or already closed).
    VotingClosed,
    /// Voting needs a PESEL in the account (one ballot per person).
    PeselRequired,
    /// The voter is under the edition's minimum age and has no guardian's consent.
    ConsentRequired,
    /// The civic-budget edition is not at the stage where this can be done.
    WrongPhase,
    /// A `.pb` file could not be read; the message ends with the line and the problem.
    InvalidPbFile,
    /// An imported file (assessments, a bank statement) could not be read; the message
    /// ends with the lines and their problems. Nothing of the file was stored.
    InvalidImportFile,
    /// This bank statement file was imported before; nothing was counted again.
    DuplicateStatement,
    /// The account needs the code from its authenticator app (send `code`).
    SecondFactorRequired,
    /// The account must set up an authenticator app first (`POST /api/auth/totp`).
    SecondFactorSetupRequired,
    /// The code from the authenticator app is wrong, expired or already used.
    InvalidSecondFactor,
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
    /// Not a valid NIP (tax id) checksum.
    InvalidNip,
    /// Not a postal code like `00-950`.
    InvalidPostalCode,
    /// Not a valid Polish bank account number (NRB, 26 digits).
    InvalidNrb,
    /// Not a phone number.
    InvalidPhone,
    /// Not a whole number.
    NotANumber,
    /// Below the minimum.
    TooSmall,
    /// Above the maximum.
    TooLarge,
    /// Not a real date (`YYYY-MM-DD`).
    InvalidDate,
    /// A date in the future where only past dates make sense.
    DateInFuture,
    /// A time that has already passed where a future one is needed.
    DateInPast,
    /// Fewer items than required.
    TooFew,
    /// More items than allowed.
    TooMany,
    /// A file over the size limit.
    FileTooLarge,
    /// A file of a type that is not accepted.
    FileTypeNotAllowed,
    /// A value the form does not have a field for.
    UnknownField,
    /// The value has the wrong type for the field.
    WrongType,
    /// A tax amount with grosze: taxes are assessed in full złoty (Ordynacja art. 63 § 1).
    FullZloty,
    /// Not an amount in złoty (up to 2 decimals).
    InvalidAmount,
    /// Not a number (decimals allowed).
    InvalidDecimal,
    /// Not a grade of the scale (1–6 with + or −, np, bz, + or −).
    InvalidGrade,
    /// A proposed or final grade is a whole grade 1–6.
    WholeGradeOnly,
    /// In classes 1–3 a term or year grade is a description, not a grade of the scale
    /// (ustawa o systemie oświaty, art. 44i ust. 1).
    DescriptionExpected,
    /// The date is not within the term.
    OutsideTerm,
    /// The lesson is not in the timetable that day (another weekday, cancelled, a
    /// future day or outside the school year).
    NotInTimetable,
    /// The excused days have no unexcused absences.
    NothingToExcuse,
    /// The pupil is already in another class this school year.
    InOtherClass,
    /// A link that is unknown, used or expired.
    InvalidLink,
    /// A name the school already has (a class in the year, a subject).
    NameTaken,
    /// Not a class name of a primary school: the year group 1–8 and letters, e.g. `4a`.
    InvalidClassName,
    /// The subject has lessons in the class's timetable or grades in its grid.
    InUse,
    /// A date that must come after another one does not.
    DatesOutOfOrder,
    /// A school year ends in the calendar year after it starts, at most 366 days later.
    NotASchoolYear,
    /// The school already has a year on these days.
    OverlapsYear,
    /// The teacher already has a lesson at that time.
    TeacherBusy,
    /// The subject has no teacher in the class yet.
    NoTeacher,
    /// The lesson has attendance or changes in the register, which a change of the
    /// timetable would rewrite.
    LessonHeld,
    /// Attendance was already taken at the lesson that day.
    AttendanceTaken,
    /// Term or year grades of the subject are already stored in classes 1–3.
    GradesGiven,
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
            SecondFactorRequired => [
                "Wpisz kod z aplikacji uwierzytelniającej.",
                "Enter the code from your authenticator app.",
                "Введіть код із застосунку автентифікації.",
            ],
            SecondFactorSetupRequired => [
                "Konta nauczycieli chroni drugi składnik: dodaj konto w aplikacji uwierzytelniającej i wpisz z niej kod.",
                "Teachers' accounts are protected by a second factor: add the account to an authenticator app and enter its code.",
                "Облікові записи вчителів захищено другим фактором: додайте обліковий запис у застосунок автентифікації та введіть код.",
            ],
            InvalidSecondFactor => [
                "Kod jest nieprawidłowy albo już użyty. Wpisz aktualny kod z aplikacji.",
                "The code is wrong or already used. Enter the current code from the app.",
                "Код неправильний або вже використаний. Введіть поточний код із застосунку.",
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
            Conflict => [
                "Dane zmieniły się w międzyczasie (np. na innym urządzeniu). Odśwież i spróbuj ponownie.",
                "The data changed meanwhile (e.g. on another device). Reload and try again.",
                "Дані змінилися тим часом (напр. на іншому пристрої). Оновіть і спробуйте ще раз.",
            ],
            WrongState => [
                "Na tym etapie sprawy nie można tego zrobić.",
                "This cannot be done at this stage of the case.",
                "На цьому етапі справи це неможливо зробити.",
            ],
            IdempotencyKeyRequired => [
                "Brak klucza jednorazowego wysłania (Idempotency-Key).",
                "The one-time submission key (Idempotency-Key) is missing.",
                "Відсутній одноразовий ключ надсилання (Idempotency-Key).",
            ],
            AlreadyVoted => [
                "Twój głos w tej edycji jest już oddany. Możesz go zmienić, dopóki trwa głosowanie.",
                "You have already voted in this edition. You may change your vote while voting is open.",
                "Ви вже проголосували в цьому виданні. Голос можна змінити, поки триває голосування.",
            ],
            VotingClosed => [
                "Głosowanie nie jest teraz otwarte.",
                "Voting is not open now.",
                "Голосування зараз не відкрите.",
            ],
            PeselRequired => [
                "Aby głosować, dodaj numer PESEL w swoim koncie (jeden głos na osobę).",
                "To vote, add your PESEL number to your account (one vote per person).",
                "Щоб проголосувати, додайте номер PESEL до свого облікового запису (один голос на особу).",
            ],
            ConsentRequired => [
                "Osoby poniżej wymaganego wieku mogą głosować za zgodą rodzica lub opiekuna.",
                "Voters under the minimum age need a parent's or guardian's consent.",
                "Особи, молодші за встановлений вік, можуть голосувати за згодою батьків або опікуна.",
            ],
            InvalidPbFile => [
                "Plik .pb jest nieprawidłowy",
                "The .pb file is not valid",
                "Файл .pb неправильний",
            ],
            InvalidImportFile => [
                "Pliku nie zaimportowano, nic z niego nie zapisano",
                "The file was not imported and nothing from it was stored",
                "Файл не імпортовано, з нього нічого не збережено",
            ],
            DuplicateStatement => [
                "Ten wyciąg bankowy był już zaimportowany — wpłaty nie zostały policzone drugi raz.",
                "This bank statement was imported before — its payments were not counted again.",
                "Цю банківську виписку вже імпортовано — платежі не зараховано вдруге.",
            ],
            WrongPhase => [
                "Na tym etapie budżetu obywatelskiego nie można tego zrobić.",
                "This cannot be done at this stage of the civic budget.",
                "На цьому етапі громадського бюджету це неможливо зробити.",
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
            InvalidNip => [
                "Nieprawidłowy numer NIP.",
                "Invalid NIP (tax identification number).",
                "Неправильний номер NIP.",
            ],
            InvalidPostalCode => [
                "Podaj kod pocztowy w formacie 00-000.",
                "Enter the postal code as 00-000.",
                "Введіть поштовий індекс у форматі 00-000.",
            ],
            InvalidNrb => [
                "Nieprawidłowy numer rachunku bankowego (26 cyfr).",
                "Invalid bank account number (26 digits).",
                "Неправильний номер банківського рахунку (26 цифр).",
            ],
            InvalidPhone => [
                "Podaj numer telefonu, np. 600 123 456.",
                "Enter a phone number, e.g. +48 600 123 456.",
                "Введіть номер телефону, напр. +48 600 123 456.",
            ],
            NotANumber => [
                "Podaj liczbę całkowitą.",
                "Enter a whole number.",
                "Введіть ціле число.",
            ],
            TooSmall => [
                "Wartość jest za mała.",
                "The value is too small.",
                "Значення замале.",
            ],
            TooLarge => [
                "Wartość jest za duża.",
                "The value is too large.",
                "Значення завелике.",
            ],
            InvalidDate => [
                "Podaj prawidłową datę.",
                "Enter a valid date.",
                "Введіть правильну дату.",
            ],
            DateInFuture => [
                "Data nie może być z przyszłości.",
                "The date cannot be in the future.",
                "Дата не може бути в майбутньому.",
            ],
            DateInPast => [
                "Ten termin już minął.",
                "This time has already passed.",
                "Цей час уже минув.",
            ],
            TooFew => [
                "Dodaj więcej pozycji.",
                "Add more items.",
                "Додайте більше позицій.",
            ],
            TooMany => ["Za dużo pozycji.", "Too many items.", "Забагато позицій."],
            FileTooLarge => [
                "Plik jest za duży.",
                "The file is too large.",
                "Файл завеликий.",
            ],
            FileTypeNotAllowed => [
                "Ten rodzaj pliku nie jest przyjmowany.",
                "This type of file is not accepted.",
                "Такий тип файлу не приймається.",
            ],
            UnknownField => [
                "Formularz nie ma takiego pola.",
                "The form has no such field.",
                "У формі немає такого поля.",
            ],
            InvalidAmount => [
                "Wpisz kwotę w złotych, np. 1234,56.",
                "Enter an amount in złoty, e.g. 1234.56.",
                "Введіть суму в злотих, напр. 1234,56.",
            ],
            InvalidDecimal => [
                "Wpisz liczbę, np. 54,3.",
                "Enter a number, e.g. 54.3.",
                "Введіть число, напр. 54,3.",
            ],
            InvalidGrade => [
                "Wpisz ocenę od 1 do 6 (z + lub −), np, bz, + albo −.",
                "Enter a grade from 1 to 6 (with + or −), np, bz, + or −.",
                "Введіть оцінку від 1 до 6 (з + або −), np, bz, + або −.",
            ],
            WholeGradeOnly => [
                "Ocena przewidywana i końcowa to pełna ocena od 1 do 6.",
                "A proposed or final grade is a whole grade from 1 to 6.",
                "Очікувана й підсумкова оцінка — ціла оцінка від 1 до 6.",
            ],
            DescriptionExpected => [
                "W klasach 1–3 ocena śródroczna i roczna jest opisowa: opisz osiągnięcia ucznia słowami.",
                "In classes 1–3 a term or year grade is descriptive: describe the pupil's progress in words.",
                "У 1–3 класах семестрова й річна оцінка описова: опишіть досягнення учня словами.",
            ],
            OutsideTerm => [
                "Ta data nie mieści się w wybranym okresie.",
                "This date is not within the chosen term.",
                "Ця дата не входить у вибраний семестр.",
            ],
            NotInTimetable => [
                "Tego dnia tej lekcji nie ma w planie (inny dzień tygodnia, odwołana, przyszła albo poza rokiem szkolnym).",
                "This lesson is not in the timetable that day (another weekday, cancelled, in the future or outside the school year).",
                "Цього дня цього уроку немає в розкладі (інший день тижня, скасований, майбутній або поза навчальним роком).",
            ],
            NothingToExcuse => [
                "W tych dniach nie ma nieusprawiedliwionych nieobecności.",
                "There are no unexcused absences on these days.",
                "У ці дні немає неоправданих пропусків.",
            ],
            InOtherClass => [
                "Ten uczeń jest już w innej klasie w tym roku szkolnym.",
                "This pupil is already in another class this school year.",
                "Цей учень уже в іншому класі цього навчального року.",
            ],
            InvalidLink => [
                "Ten link jest nieważny, wykorzystany albo wygasł. Poproś sekretariat szkoły o nowy.",
                "This link is invalid, used or expired. Ask the school office for a new one.",
                "Це посилання недійсне, використане або прострочене. Попросіть секретаріат школи про нове.",
            ],
            NameTaken => [
                "Ta nazwa jest już zajęta w tej szkole.",
                "The school already has this name.",
                "Ця назва вже є в цій школі.",
            ],
            InvalidClassName => [
                "Wpisz numer klasy od 1 do 8 i literę, np. 4a.",
                "Enter the year group 1 to 8 and a letter, e.g. 4a.",
                "Введіть номер класу від 1 до 8 і літеру, напр. 4a.",
            ],
            InUse => [
                "Ten przedmiot ma lekcje w planie lub oceny w tej klasie; zmień nauczyciela zamiast go usuwać.",
                "This subject has lessons in the timetable or grades in this class; change the teacher instead of removing them.",
                "Цей предмет має уроки в розкладі або оцінки в цьому класі; змініть учителя замість видалення.",
            ],
            DatesOutOfOrder => [
                "Ta data musi być późniejsza od poprzedniej.",
                "This date must come after the one before it.",
                "Ця дата має бути пізнішою за попередню.",
            ],
            NotASchoolYear => [
                "Rok szkolny kończy się w następnym roku kalendarzowym, najwyżej 12 miesięcy po początku.",
                "A school year ends in the next calendar year, at most 12 months after it starts.",
                "Навчальний рік закінчується в наступному календарному році, не пізніше ніж через 12 місяців після початку.",
            ],
            OverlapsYear => [
                "Szkoła ma już rok szkolny w tych dniach; dwa lata szkolne nie mogą mieć wspólnych dni.",
                "The school already has a school year on these days; two school years cannot share a day.",
                "Школа вже має навчальний рік у ці дні; два навчальні роки не можуть мати спільних днів.",
            ],
            TeacherBusy => [
                "Ten nauczyciel ma już lekcję w tym czasie.",
                "This teacher already has a lesson at that time.",
                "Цей учитель уже має урок у цей час.",
            ],
            NoTeacher => [
                "Ten przedmiot nie ma jeszcze nauczyciela w tej klasie; najpierw wybierz nauczyciela przedmiotu.",
                "This subject has no teacher in this class yet; choose its teacher first.",
                "Цей предмет ще не має вчителя в цьому класі; спершу виберіть учителя предмета.",
            ],
            LessonHeld => [
                "Ta lekcja ma już w dzienniku frekwencję lub zastępstwa; zmiana planu przepisałaby dziennik. Można zmienić tylko salę.",
                "This lesson already has attendance or substitutions in the register; changing the timetable would rewrite it. Only the room can change.",
                "Цей урок уже має в журналі відвідуваність або заміни; зміна розкладу переписала б журнал. Можна змінити лише кабінет.",
            ],
            AttendanceTaken => [
                "Na tej lekcji sprawdzono już obecność; zmiana przepisałaby dziennik.",
                "Attendance was already taken at this lesson; a change would rewrite the register.",
                "На цьому уроці вже перевірили присутність; зміна переписала б журнал.",
            ],
            GradesGiven => [
                "Ten przedmiot ma już oceny śródroczne lub roczne w klasach 1–3, więc tego ustawienia nie można zmienić.",
                "This subject already has term or year grades in classes 1–3, so this setting cannot change.",
                "Цей предмет уже має семестрові або річні оцінки в класах 1–3, тому це налаштування змінити не можна.",
            ],
            FullZloty => [
                "Podatek ustala się w pełnych złotych (art. 63 § 1 Ordynacji podatkowej).",
                "Taxes are assessed in full złoty (Tax Ordinance art. 63 § 1).",
                "Податок визначається в повних злотих (ст. 63 § 1 Податкового кодексу).",
            ],
            WrongType => [
                "Nieprawidłowa wartość.",
                "Invalid value.",
                "Неправильне значення.",
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
