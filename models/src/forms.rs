//! Forms as data: a stored definition (sections of typed fields) and the validator that
//! the browser and the server run identically.
//!
//! Data is a JSON object keyed by section id: an object of field values for a plain
//! section, an array of such objects for a repeatable one. Errors are keyed by path:
//! `applicant.pesel`, `trees[1].species`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::FieldError;
use crate::lang::Lang;
use crate::validate::FieldErrors;

mod values;

pub use values::{FileRef, check_field, parse_date};

/// A text in the three languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Localized {
    /// Polski.
    pub pl: String,
    /// English.
    pub en: String,
    /// Українська.
    pub uk: String,
}

impl Localized {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Pl => &self.pl,
            Lang::En => &self.en,
            Lang::Uk => &self.uk,
        }
    }
}

/// A form's definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormDefinition {
    /// Stable id, e.g. `tree-removal`.
    pub id: String,
    /// Changes whenever the fields change; submissions record it.
    pub version: u32,
    /// Title.
    pub title: Localized,
    /// Sections in order.
    pub sections: Vec<Section>,
}

/// A group of fields, possibly repeated (e.g. one per tree).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Section {
    /// Id, the key in the data.
    pub id: String,
    /// Heading.
    pub title: Localized,
    /// Fields in order.
    pub fields: Vec<Field>,
    /// Repeatable with these limits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat: Option<Repeat>,
    /// Shown only when the condition holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<Condition>,
}

/// How many times a section may repeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Repeat {
    /// At least.
    pub min: u32,
    /// At most.
    pub max: u32,
}

/// One field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Field {
    /// Id, the key in its section's data.
    pub id: String,
    /// Label.
    pub label: Localized,
    /// Hint under the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Localized>,
    /// What it holds.
    pub kind: FieldKind,
    /// Must be filled (a required checkbox must be ticked).
    #[serde(default)]
    pub required: bool,
    /// Shown only when the condition holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<Condition>,
}

/// The typed kinds of field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case", try_from = "FlatFieldKind")]
pub enum FieldKind {
    /// Free text up to `max_len` characters.
    Text {
        /// Longest accepted text.
        max_len: u32,
        /// A text area rather than a line.
        #[serde(default)]
        multiline: bool,
    },
    /// A whole number (amounts in grosze, counts, centimetres).
    Number {
        /// Smallest accepted.
        #[serde(default)]
        min: Option<i64>,
        /// Largest accepted.
        #[serde(default)]
        max: Option<i64>,
    },
    /// A calendar date, `YYYY-MM-DD`.
    Date {
        /// Refuse dates after today.
        #[serde(default)]
        not_in_future: bool,
    },
    /// One of a list.
    Choice {
        /// The options.
        options: Vec<ChoiceOption>,
    },
    /// A yes/no tick.
    Checkbox,
    /// A Polish postal address: street, building, apartment, postal code, city.
    Address,
    /// PESEL.
    Pesel,
    /// NIP.
    Nip,
    /// Postal code.
    PostalCode,
    /// Bank account (NRB).
    Nrb,
    /// Phone number.
    Phone,
    /// E-mail address.
    Email,
    /// Attachments uploaded beforehand, referenced by their digest.
    File {
        /// Largest accepted file.
        max_bytes: u64,
        /// Accepted MIME types.
        types: Vec<String>,
        /// Most files.
        max_files: u32,
    },
}

/// Every kind's settings side by side, with the kind in `type`: read this way, then
/// checked, the same JSON costs the wasm far less than serde's internally tagged enum
/// (measured: 15 kB of the desk's bundle).
#[derive(Deserialize)]
struct FlatFieldKind {
    #[serde(rename = "type")]
    kind: String,
    max_len: Option<u32>,
    #[serde(default)]
    multiline: bool,
    min: Option<i64>,
    max: Option<i64>,
    #[serde(default)]
    not_in_future: bool,
    options: Option<Vec<ChoiceOption>>,
    max_bytes: Option<u64>,
    types: Option<Vec<String>>,
    max_files: Option<u32>,
}

impl TryFrom<FlatFieldKind> for FieldKind {
    type Error = String;

    fn try_from(f: FlatFieldKind) -> Result<Self, String> {
        fn need<T>(value: Option<T>, name: &str) -> Result<T, String> {
            value.ok_or_else(|| format!("missing field `{name}`"))
        }
        Ok(match f.kind.as_str() {
            "text" => FieldKind::Text {
                max_len: need(f.max_len, "max_len")?,
                multiline: f.multiline,
            },
            "number" => FieldKind::Number {
                min: f.min,
                max: f.max,
            },
            "date" => FieldKind::Date {
                not_in_future: f.not_in_future,
            },
            "choice" => FieldKind::Choice {
                options: need(f.options, "options")?,
            },
            "checkbox" => FieldKind::Checkbox,
            "address" => FieldKind::Address,
            "pesel" => FieldKind::Pesel,
            "nip" => FieldKind::Nip,
            "postal_code" => FieldKind::PostalCode,
            "nrb" => FieldKind::Nrb,
            "phone" => FieldKind::Phone,
            "email" => FieldKind::Email,
            "file" => FieldKind::File {
                max_bytes: need(f.max_bytes, "max_bytes")?,
                types: need(f.types, "types")?,
                max_files: need(f.max_files, "max_files")?,
            },
            other => return Err(format!("unknown field type `{other}`")),
        })
    }
}

/// An option of a choice field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChoiceOption {
    /// Stored value.
    pub value: String,
    /// Shown label.
    pub label: Localized,
}

/// Visibility rule: the field (`id` in the same section or item, or `section.id`)
/// equals the value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Condition {
    /// The field it depends on.
    pub field: String,
    /// The value that makes it visible.
    pub equals: Value,
}

/// A calendar day, for date rules (`today` comes from the caller: the validator is pure).
pub type Day = (i32, u32, u32);

/// Validates form data against its definition; an empty map means valid.
pub fn validate(def: &FormDefinition, data: &Value, today: Day) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let Some(root) = data.as_object() else {
        errors.insert(String::new(), FieldError::WrongType);
        return errors;
    };
    for key in root
        .keys()
        .filter(|k| !def.sections.iter().any(|s| &s.id == *k))
    {
        errors.insert(key.clone(), FieldError::UnknownField);
    }
    for section in &def.sections {
        if let Some(cond) = &section.visible_if
            && !holds(cond, root, None)
        {
            continue;
        }
        let value = root.get(&section.id).unwrap_or(&Value::Null);
        match section.repeat {
            None => {
                let empty = Map::new();
                let item = match value {
                    Value::Object(o) => o,
                    Value::Null => &empty,
                    _ => {
                        errors.insert(section.id.clone(), FieldError::WrongType);
                        continue;
                    }
                };
                check_item(section, &section.id, item, root, today, &mut errors);
            }
            Some(Repeat { min, max }) => {
                let items: &[Value] = match value {
                    Value::Array(a) => a,
                    Value::Null => &[],
                    _ => {
                        errors.insert(section.id.clone(), FieldError::WrongType);
                        continue;
                    }
                };
                if (items.len() as u64) < u64::from(min) {
                    errors.insert(section.id.clone(), FieldError::TooFew);
                } else if (items.len() as u64) > u64::from(max) {
                    errors.insert(section.id.clone(), FieldError::TooMany);
                }
                for (i, item) in items.iter().enumerate() {
                    let path = format!("{}[{i}]", section.id);
                    match item.as_object() {
                        Some(obj) => check_item(section, &path, obj, root, today, &mut errors),
                        None => {
                            errors.insert(path, FieldError::WrongType);
                        }
                    }
                }
            }
        }
    }
    errors
}

fn holds(cond: &Condition, root: &Map<String, Value>, item: Option<&Map<String, Value>>) -> bool {
    let actual = match cond.field.split_once('.') {
        Some((section, field)) => root.get(section).and_then(|s| s.get(field)),
        None => item.and_then(|i| i.get(&cond.field)),
    };
    actual == Some(&cond.equals)
}

fn check_item(
    section: &Section,
    path: &str,
    item: &Map<String, Value>,
    root: &Map<String, Value>,
    today: Day,
    errors: &mut FieldErrors,
) {
    for key in item
        .keys()
        .filter(|k| !section.fields.iter().any(|f| &f.id == *k))
    {
        errors.insert(format!("{path}.{key}"), FieldError::UnknownField);
    }
    for field in &section.fields {
        if field
            .visible_if
            .as_ref()
            .is_some_and(|c| !holds(c, root, Some(item)))
        {
            continue;
        }
        let value = item.get(&field.id).unwrap_or(&Value::Null);
        if let Err(e) = check_field(field, value, today) {
            errors.insert(format!("{path}.{}", field.id), e);
        }
    }
}

/// Problems in a definition itself (duplicate ids, conditions on missing fields, bad limits).
pub fn check_definition(def: &FormDefinition) -> Vec<String> {
    let mut problems = vec![];
    let mut sections: BTreeMap<&str, &Section> = BTreeMap::new();
    for s in &def.sections {
        if sections.insert(&s.id, s).is_some() {
            problems.push(format!("section {} appears twice", s.id));
        }
        if s.repeat.is_some_and(|r| r.min > r.max || r.max == 0) {
            problems.push(format!("section {} has impossible repeat limits", s.id));
        }
        let mut ids = std::collections::BTreeSet::new();
        for f in &s.fields {
            if !ids.insert(&f.id) {
                problems.push(format!("field {}.{} appears twice", s.id, f.id));
            }
            if let FieldKind::Choice { options } = &f.kind
                && options.is_empty()
            {
                problems.push(format!("choice {}.{} has no options", s.id, f.id));
            }
        }
    }
    let exists = |section: &Section, field: &str| match field.split_once('.') {
        Some((sec, f)) => sections
            .get(sec)
            .is_some_and(|s| s.repeat.is_none() && s.fields.iter().any(|x| x.id == f)),
        None => section.fields.iter().any(|x| x.id == field),
    };
    for s in &def.sections {
        let conditions = s.visible_if.iter().map(|c| (c, true)).chain(
            s.fields
                .iter()
                .filter_map(|f| f.visible_if.as_ref())
                .map(|c| (c, false)),
        );
        for (c, on_section) in conditions {
            let ok = if on_section {
                c.field.contains('.') && exists(s, &c.field)
            } else {
                exists(s, &c.field)
            };
            if !ok {
                problems.push(format!(
                    "a condition in section {} refers to a missing field {}",
                    s.id, c.field
                ));
            }
        }
    }
    problems
}

/// Every file a (valid) form's data refers to, in form order.
pub fn files(def: &FormDefinition, data: &Value) -> Vec<FileRef> {
    let mut found = vec![];
    for section in &def.sections {
        let items: Vec<&Value> = match data.get(&section.id) {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(v @ Value::Object(_)) => vec![v],
            _ => continue,
        };
        for item in items {
            for field in &section.fields {
                if let FieldKind::File { .. } = field.kind
                    && let Some(v) = item.get(&field.id)
                    && let Ok(list) = serde_json::from_value::<Vec<FileRef>>(v.clone())
                {
                    found.extend(list);
                }
            }
        }
    }
    found
}
