//! Crisis alerts on the wire: alerts, the areas they cover, subscriptions to them, and
//! their delivery counts; plus the pure rules both sides apply (Polish phone numbers,
//! how many SMS parts a text takes).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::lang::Lang;

/// How serious an alert is (CAP 1.2 `severity`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Extraordinary threat to life or property.
    Extreme,
    /// Significant threat.
    Severe,
    /// Possible threat.
    Moderate,
    /// Minimal threat.
    Minor,
}

impl Severity {
    /// Every severity, most serious first.
    pub const ALL: [Severity; 4] = [
        Severity::Extreme,
        Severity::Severe,
        Severity::Moderate,
        Severity::Minor,
    ];

    /// The stored name, e.g. `severe`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Extreme => "extreme",
            Severity::Severe => "severe",
            Severity::Moderate => "moderate",
            Severity::Minor => "minor",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The name shown to people.
    pub fn label(self, lang: Lang) -> &'static str {
        let [pl, en, uk] = match self {
            Severity::Extreme => ["Ekstremalne zagrożenie", "Extreme", "Надзвичайна загроза"],
            Severity::Severe => ["Poważne zagrożenie", "Severe", "Серйозна загроза"],
            Severity::Moderate => ["Umiarkowane zagrożenie", "Moderate", "Помірна загроза"],
            Severity::Minor => ["Niewielkie zagrożenie", "Minor", "Незначна загроза"],
        };
        lang.pick(pl, en, uk)
    }
}

/// What an alert is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Flood or high water.
    Flood,
    /// Storm, strong wind, heavy snow.
    Storm,
    /// Water supply: no water, water unfit to drink.
    WaterSupply,
    /// Air quality: smog.
    AirQuality,
    /// A road closed.
    RoadClosure,
    /// Heat wave or severe frost.
    Temperature,
    /// Power outage.
    PowerOutage,
    /// Anything else.
    Other,
}

impl Category {
    /// Every category.
    pub const ALL: [Category; 8] = [
        Category::Flood,
        Category::Storm,
        Category::WaterSupply,
        Category::AirQuality,
        Category::RoadClosure,
        Category::Temperature,
        Category::PowerOutage,
        Category::Other,
    ];

    /// The stored name, e.g. `water_supply`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Flood => "flood",
            Category::Storm => "storm",
            Category::WaterSupply => "water_supply",
            Category::AirQuality => "air_quality",
            Category::RoadClosure => "road_closure",
            Category::Temperature => "temperature",
            Category::PowerOutage => "power_outage",
            Category::Other => "other",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The CAP 1.2 `category` it is published under.
    pub fn cap(self) -> &'static str {
        match self {
            Category::Flood | Category::Storm | Category::Temperature => "Met",
            Category::WaterSupply | Category::PowerOutage => "Infra",
            Category::AirQuality => "Env",
            Category::RoadClosure => "Transport",
            Category::Other => "Other",
        }
    }

    /// The name shown to people.
    pub fn label(self, lang: Lang) -> &'static str {
        let [pl, en, uk] = match self {
            Category::Flood => ["Powódź", "Flood", "Повінь"],
            Category::Storm => ["Burza, wichura, śnieżyca", "Storm", "Буря"],
            Category::WaterSupply => ["Woda (zaopatrzenie)", "Water supply", "Водопостачання"],
            Category::AirQuality => ["Jakość powietrza (smog)", "Air quality", "Якість повітря"],
            Category::RoadClosure => ["Zamknięcie drogi", "Road closure", "Перекриття дороги"],
            Category::Temperature => ["Upał lub mróz", "Heat or frost", "Спека або мороз"],
            Category::PowerOutage => ["Brak prądu", "Power outage", "Відключення електроенергії"],
            Category::Other => ["Inne", "Other", "Інше"],
        };
        lang.pick(pl, en, uk)
    }
}

/// A part of the gmina an alert can cover: a sołectwo, a district (osiedle) or a street.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlertArea {
    /// Short code, unique in the gmina, e.g. `sol-lipowo`.
    pub code: String,
    /// Its name, e.g. "Sołectwo Lipowo".
    pub name: String,
    /// `solectwo`, `district` or `street`.
    pub kind: String,
    /// The sołectwo or district a street lies in.
    pub parent: Option<String>,
}

/// `POST /api/crisis/alerts`: what the crisis team sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAlert {
    /// `extreme`, `severe`, `moderate` or `minor`.
    pub severity: String,
    /// One of [`Category`]'s names.
    pub category: String,
    /// Area codes; empty means the whole gmina.
    #[serde(default)]
    pub areas: Vec<String>,
    /// From when (`YYYY-MM-DDTHH:MM`, Warsaw time); empty means now.
    #[serde(default)]
    pub valid_from: String,
    /// Until when (`YYYY-MM-DDTHH:MM`, Warsaw time), in the future.
    pub valid_to: String,
    /// The headline in Polish (5–120 characters).
    pub headline_pl: String,
    /// The text in Polish (10–2000 characters).
    pub text_pl: String,
    /// Optional English headline and text.
    #[serde(default)]
    pub headline_en: String,
    #[serde(default)]
    pub text_en: String,
    /// Optional Ukrainian headline and text.
    #[serde(default)]
    pub headline_uk: String,
    #[serde(default)]
    pub text_uk: String,
    /// The SMS text (Polish); at most [`MAX_SMS_PARTS`] parts.
    pub sms_text: String,
}

/// An alert as the public sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Alert {
    pub id: String,
    pub severity: Severity,
    pub category: Category,
    /// The areas covered; empty means the whole gmina.
    pub areas: Vec<AlertArea>,
    /// UTC milliseconds.
    pub valid_from: i64,
    pub valid_to: i64,
    /// In the caller's language where the team wrote one, otherwise in Polish.
    pub headline: String,
    pub text: String,
    /// The language of `headline` and `text`.
    pub lang: Lang,
    /// When it was issued (UTC milliseconds).
    pub issued_at: i64,
    /// Ended early by the crisis team.
    pub cancelled: bool,
}

/// One recipient's delivery of an alert, as the crisis team sees it (the address masked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recipient {
    /// `email` or `sms`.
    pub channel: String,
    /// The address with most of it hidden (`e***@example.pl`, `+48 *** *** 200`).
    pub address: String,
    /// `queued`, `sent`, `failed` or `cancelled`.
    pub status: String,
    /// Tries so far.
    pub attempts: i64,
    /// When it was sent (UTC milliseconds).
    pub sent_at: Option<i64>,
    /// When the next try is due, while queued (UTC milliseconds).
    pub next_attempt_at: Option<i64>,
    /// The last failure, with the address masked as above.
    pub error: Option<String>,
}

/// A page of an alert's recipients.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecipientPage {
    /// How many match the filter.
    pub total: i64,
    /// This page, 1-based.
    pub page: i64,
    /// Recipients per page.
    pub per_page: i64,
    /// Failed first, then queued, then the rest; by address within each.
    pub recipients: Vec<Recipient>,
}

/// Delivery counts of one channel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChannelCounts {
    pub queued: i64,
    pub sent: i64,
    pub failed: i64,
    /// Not sent because the alert was ended early.
    pub cancelled: i64,
}

/// `GET /api/crisis/alerts/{id}`: an alert with its delivery status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlertStatus {
    pub alert: Alert,
    /// The Polish texts as issued.
    pub headline_pl: String,
    pub sms_text: String,
    pub email: ChannelCounts,
    pub sms: ChannelCounts,
    /// Who issued it.
    pub issued_by: String,
}

/// `POST /api/alerts/subscriptions`: anyone subscribes an e-mail address and/or a phone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubscribeRequest {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    /// Area codes; empty means every area.
    #[serde(default)]
    pub areas: Vec<String>,
    /// Category names; empty means every category.
    #[serde(default)]
    pub categories: Vec<String>,
    /// The language of the messages.
    #[serde(default)]
    pub lang: Lang,
}

/// The answer to a subscription: what was sent for confirming it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubscribeAnswer {
    /// A confirmation link went to the e-mail address.
    pub email_link_sent: bool,
    /// A code went by SMS; confirm it with [`ConfirmSms`]. The phone, normalised.
    pub sms_code_sent_to: Option<String>,
}

/// `POST /api/alerts/subscriptions/confirm-sms`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConfirmSms {
    pub phone: String,
    /// Six digits.
    pub code: String,
}

/// `POST /api/alerts/subscriptions/confirm` and `…/unsubscribe`: the token from a link.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Token {
    pub token: String,
}

/// What a confirmed or cancelled subscription covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Subscription {
    /// `email` or `sms`.
    pub channel: String,
    /// The address, partly hidden (`a***@example.pl`, `+48 *** *** 789`).
    pub address: String,
    pub areas: Vec<String>,
    pub categories: Vec<Category>,
    /// Still receiving alerts.
    pub active: bool,
}

/// The most SMS parts an alert may take (a longer text is refused, with the count).
pub const MAX_SMS_PARTS: usize = 4;

/// How a text travels by SMS: the encoding, how many parts, and characters per part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SmsLength {
    /// GSM 03.38 (7-bit) or, with any other character (Polish letters), UCS-2.
    pub gsm7: bool,
    /// Characters counted (GSM escapes such as `€` or `[` count twice).
    pub chars: usize,
    /// Parts the network sends: 160/70 in one, 153/67 each when split.
    pub parts: usize,
    /// Characters a part holds at this length.
    pub per_part: usize,
}

const GSM7: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENDED: &str = "^{}\\[~]|€\u{c}";

/// Counts a text's SMS parts (3GPP TS 23.038: 160 GSM-7 characters or 70 UCS-2 in one
/// part; 153 or 67 per part of a concatenated message).
pub fn sms_length(text: &str) -> SmsLength {
    let mut gsm_chars = 0;
    let mut gsm7 = true;
    for c in text.chars() {
        if GSM7.contains(c) {
            gsm_chars += 1;
        } else if GSM7_EXTENDED.contains(c) {
            gsm_chars += 2;
        } else {
            gsm7 = false;
            break;
        }
    }
    let (chars, single, multi) = if gsm7 {
        (gsm_chars, 160, 153)
    } else {
        // UCS-2: characters outside the BMP take two code units.
        (text.encode_utf16().count(), 70, 67)
    };
    let (parts, per_part) = if chars <= single {
        (1, single)
    } else {
        (chars.div_ceil(multi), multi)
    };
    SmsLength {
        gsm7,
        chars,
        parts: parts.max(1),
        per_part,
    }
}

/// Characters kept for the unsubscribe link every SMS ends with (` Wypisz: ` and a
/// short link of the portal).
pub const SMS_LINK_RESERVE: usize = 48;

/// The length of an alert's SMS once its unsubscribe link is added.
pub fn sms_with_link(text: &str) -> SmsLength {
    sms_length(&format!("{text}{}", " ".repeat(SMS_LINK_RESERVE)))
}

/// A phone number normalised to `+48` and nine digits (Polish numbers only: alerts go
/// to Polish SMS gateways). Spaces, dashes, `0048` and `+48` are accepted.
pub fn normalise_phone(value: &str) -> Result<String, FieldError> {
    let digits: String = value
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    let rest = digits
        .strip_prefix("+48")
        .or_else(|| digits.strip_prefix("0048"))
        .or_else(|| {
            (digits.len() == 11)
                .then(|| digits.strip_prefix("48"))
                .flatten()
        })
        .unwrap_or(&digits);
    let ok = rest.len() == 9 && rest.bytes().all(|b| b.is_ascii_digit()) && !rest.starts_with('0');
    if ok {
        Ok(format!("+48{rest}"))
    } else {
        Err(FieldError::InvalidPhone)
    }
}

/// Field errors, keyed by the request's field names.
pub type Problems = BTreeMap<String, FieldError>;

pub(crate) fn length(problems: &mut Problems, field: &str, value: &str, min: usize, max: usize) {
    let n = value.trim().chars().count();
    let problem = if n == 0 && min > 0 {
        Some(FieldError::Required)
    } else if n < min && n > 0 {
        Some(FieldError::TooShort)
    } else if n > max {
        Some(FieldError::TooLong)
    } else {
        None
    };
    if let Some(p) = problem {
        problems.insert(field.to_owned(), p);
    }
}

/// The checks of an alert's choices and texts both sides run (times and areas are
/// checked by the server, which knows the clock and the gmina's areas).
pub fn check_alert(alert: &NewAlert) -> Problems {
    let mut problems = Problems::new();
    if Severity::parse(&alert.severity).is_none() {
        problems.insert("severity".into(), FieldError::InvalidChoice);
    }
    if Category::parse(&alert.category).is_none() {
        problems.insert("category".into(), FieldError::InvalidChoice);
    }
    length(&mut problems, "headline_pl", &alert.headline_pl, 5, 120);
    length(&mut problems, "text_pl", &alert.text_pl, 10, 2000);
    for (headline, text, h, t) in [
        (&alert.headline_en, &alert.text_en, "headline_en", "text_en"),
        (&alert.headline_uk, &alert.text_uk, "headline_uk", "text_uk"),
    ] {
        // A translation is optional, but a headline needs its text and the other way round.
        let min = usize::from(!headline.trim().is_empty() || !text.trim().is_empty());
        length(&mut problems, h, headline, 5 * min, 120);
        length(&mut problems, t, text, 10 * min, 2000);
    }
    length(&mut problems, "sms_text", &alert.sms_text, 10, 1000);
    if sms_with_link(alert.sms_text.trim()).parts > MAX_SMS_PARTS {
        problems.insert("sms_text".into(), FieldError::TooLong);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_normalised_to_plus_48() {
        for (input, want) in [
            ("600 100 200", "+48600100200"),
            ("+48 600-100-200", "+48600100200"),
            ("0048600100200", "+48600100200"),
            ("48600100200", "+48600100200"),
            ("(22) 555 01 02", "+48225550102"),
        ] {
            assert_eq!(normalise_phone(input).as_deref(), Ok(want), "{input}");
        }
        for bad in [
            "",
            "60010020",
            "6001002001",
            "+49600100200",
            "060010020",
            "600 1OO 200",
            "+4860010020a",
        ] {
            assert_eq!(normalise_phone(bad), Err(FieldError::InvalidPhone), "{bad}");
        }
    }

    #[test]
    fn sms_parts_follow_gsm_and_ucs2_limits() {
        let a160 = "a".repeat(160);
        assert_eq!(
            sms_length(&a160),
            SmsLength {
                gsm7: true,
                chars: 160,
                parts: 1,
                per_part: 160
            }
        );
        assert_eq!(sms_length(&"a".repeat(161)).parts, 2);
        assert_eq!(sms_length(&"a".repeat(306)).parts, 2);
        assert_eq!(sms_length(&"a".repeat(307)).parts, 3);
        // `€` is an escape: two characters.
        assert_eq!(sms_length(&"€".repeat(80)).chars, 160);
        assert_eq!(sms_length(&"€".repeat(81)).parts, 2);
        // One Polish letter makes it UCS-2.
        let pl = format!("ż{}", "a".repeat(69));
        assert_eq!(
            sms_length(&pl),
            SmsLength {
                gsm7: false,
                chars: 70,
                parts: 1,
                per_part: 70
            }
        );
        assert_eq!(sms_length(&format!("{pl}a")).parts, 2);
        assert_eq!(sms_length(&"ą".repeat(134)).parts, 2);
        assert_eq!(sms_length(&"ą".repeat(135)).parts, 3);
        assert_eq!(sms_length("").parts, 1);
    }
}
