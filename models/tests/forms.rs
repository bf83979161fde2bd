//! The form validator on a tree-removal application (wniosek o zezwolenie na usunięcie
//! drzew): valid data, a table of bad input with error paths, conditions, repeats.

use models::error::FieldError;
use models::forms::{FormDefinition, check_definition, validate};
use proptest::prelude::*;
use serde_json::{Value, json};

const TODAY: (i32, u32, u32) = (2026, 11, 22);

fn l(pl: &str) -> Value {
    json!({"pl": pl, "en": pl, "uk": pl})
}

fn definition() -> FormDefinition {
    serde_json::from_value(json!({
        "id": "tree-removal", "version": 1, "title": l("Wniosek o zezwolenie na usunięcie drzew"),
        "sections": [
            {"id": "applicant", "title": l("Wnioskodawca"), "fields": [
                {"id": "name", "label": l("Imię i nazwisko"), "kind": {"type": "text", "max_len": 200}, "required": true},
                {"id": "pesel", "label": l("PESEL"), "kind": {"type": "pesel"}, "required": true},
                {"id": "phone", "label": l("Telefon"), "kind": {"type": "phone"}},
                {"id": "address", "label": l("Adres"), "kind": {"type": "address"}, "required": true},
                {"id": "is_owner", "label": l("Jestem właścicielem"), "kind": {"type": "checkbox"}},
                {"id": "owner_consent", "label": l("Zgoda właściciela"),
                 "kind": {"type": "file", "max_bytes": 10485760, "types": ["application/pdf", "image/jpeg"], "max_files": 2},
                 "required": true, "visible_if": {"field": "is_owner", "equals": false}}
            ]},
            {"id": "trees", "title": l("Drzewa"), "repeat": {"min": 1, "max": 20}, "fields": [
                {"id": "species", "label": l("Gatunek"), "kind": {"type": "text", "max_len": 100}, "required": true},
                {"id": "circumference_cm", "label": l("Obwód pnia na 5 cm [cm]"), "kind": {"type": "number", "min": 1, "max": 2000}, "required": true},
                {"id": "reason", "label": l("Przyczyna"), "kind": {"type": "choice", "options": [
                    {"value": "construction", "label": l("Budowa")}, {"value": "danger", "label": l("Zagrożenie")}]}, "required": true}
            ]},
            {"id": "payment", "title": l("Zwrot opłaty"), "visible_if": {"field": "applicant.is_owner", "equals": true}, "fields": [
                {"id": "account", "label": l("Numer rachunku"), "kind": {"type": "nrb"}, "required": true},
                {"id": "company_nip", "label": l("NIP"), "kind": {"type": "nip"}},
                {"id": "planted_on", "label": l("Data posadzenia"), "kind": {"type": "date", "not_in_future": true}}
            ]}
        ]
    }))
    .expect("definition parses")
}

fn valid() -> Value {
    json!({
        "applicant": {
            "name": "Anna Nowak", "pesel": "85071512348", "phone": "600 123 456",
            "address": {"street": "Lipowa", "building": "5", "postal_code": "00-950", "city": "Przykładowo"},
            "is_owner": true
        },
        "trees": [{"species": "Lipa drobnolistna", "circumference_cm": 180, "reason": "danger"}],
        "payment": {"account": "61 1090 1014 0000 0712 1981 2874", "company_nip": "5260001246", "planted_on": "1990-04-20"}
    })
}

fn with(path: &[&str], value: Value) -> Value {
    let mut data = valid();
    let mut at = &mut data;
    for (i, key) in path.iter().enumerate() {
        if i + 1 == path.len() {
            at[*key] = value.clone();
            break;
        }
        at = match key.parse::<usize>() {
            Ok(n) => &mut at[n],
            Err(_) => &mut at[*key],
        };
    }
    data
}

#[test]
fn the_definition_is_sound_and_valid_data_passes() {
    assert_eq!(check_definition(&definition()), Vec::<String>::new());
    assert_eq!(validate(&definition(), &valid(), TODAY), Default::default());
}

#[test]
fn bad_input_is_refused_at_its_path() {
    let def = definition();
    let cases: Vec<(&str, Value, &str, FieldError)> = vec![
        (
            "no name",
            with(&["applicant", "name"], json!("  ")),
            "applicant.name",
            FieldError::Required,
        ),
        (
            "long name",
            with(&["applicant", "name"], json!("x".repeat(201))),
            "applicant.name",
            FieldError::TooLong,
        ),
        (
            "name as number",
            with(&["applicant", "name"], json!(7)),
            "applicant.name",
            FieldError::WrongType,
        ),
        (
            "PESEL",
            with(&["applicant", "pesel"], json!("85071512349")),
            "applicant.pesel",
            FieldError::InvalidPesel,
        ),
        (
            "phone",
            with(&["applicant", "phone"], json!("123")),
            "applicant.phone",
            FieldError::InvalidPhone,
        ),
        (
            "postal code",
            with(&["applicant", "address", "postal_code"], json!("00950")),
            "applicant.address",
            FieldError::InvalidPostalCode,
        ),
        (
            "no city",
            with(&["applicant", "address", "city"], json!("")),
            "applicant.address",
            FieldError::Required,
        ),
        (
            "no trees",
            with(&["trees"], json!([])),
            "trees",
            FieldError::TooFew,
        ),
        (
            "too many trees",
            with(&["trees"], json!(vec![valid()["trees"][0].clone(); 21])),
            "trees",
            FieldError::TooMany,
        ),
        (
            "fractional size",
            with(&["trees", "0", "circumference_cm"], json!(1.5)),
            "trees[0].circumference_cm",
            FieldError::NotANumber,
        ),
        (
            "zero size",
            with(&["trees", "0", "circumference_cm"], json!(0)),
            "trees[0].circumference_cm",
            FieldError::TooSmall,
        ),
        (
            "huge size",
            with(&["trees", "0", "circumference_cm"], json!(5000)),
            "trees[0].circumference_cm",
            FieldError::TooLarge,
        ),
        (
            "reason",
            with(&["trees", "0", "reason"], json!("boredom")),
            "trees[0].reason",
            FieldError::InvalidChoice,
        ),
        (
            "NRB",
            with(
                &["payment", "account"],
                json!("61 1090 1014 0000 0712 1981 2875"),
            ),
            "payment.account",
            FieldError::InvalidNrb,
        ),
        (
            "NIP",
            with(&["payment", "company_nip"], json!("5260001247")),
            "payment.company_nip",
            FieldError::InvalidNip,
        ),
        (
            "30 February",
            with(&["payment", "planted_on"], json!("2020-02-30")),
            "payment.planted_on",
            FieldError::InvalidDate,
        ),
        (
            "future",
            with(&["payment", "planted_on"], json!("2026-11-23")),
            "payment.planted_on",
            FieldError::DateInFuture,
        ),
        (
            "unknown field",
            with(&["applicant", "nickname"], json!("Ania")),
            "applicant.nickname",
            FieldError::UnknownField,
        ),
        (
            "unknown section",
            with(&["extra"], json!({})),
            "extra",
            FieldError::UnknownField,
        ),
        (
            "section as list",
            with(&["applicant"], json!([])),
            "applicant",
            FieldError::WrongType,
        ),
    ];
    for (name, data, path, error) in cases {
        let errors = validate(&def, &data, TODAY);
        assert_eq!(errors.get(path), Some(&error), "{name}: {errors:?}");
        assert_eq!(errors.len(), 1, "{name}: only that error, got {errors:?}");
    }
}

#[test]
fn conditions_show_and_hide_fields_and_sections() {
    let def = definition();
    // Not the owner: the owner's consent becomes required, the refund section disappears.
    let not_owner = with(&["applicant", "is_owner"], json!(false));
    let errors = validate(&def, &not_owner, TODAY);
    assert_eq!(
        errors.get("applicant.owner_consent"),
        Some(&FieldError::Required)
    );
    assert!(
        !errors.keys().any(|k| k.starts_with("payment")),
        "{errors:?}"
    );
    let consent = json!([{"name": "zgoda.pdf", "sha256": "a".repeat(64), "size": 1000, "content_type": "application/pdf"}]);
    let with_consent = {
        let mut d = not_owner.clone();
        d["applicant"]["owner_consent"] = consent;
        d
    };
    assert_eq!(validate(&def, &with_consent, TODAY), Default::default());
    let exe = json!([{"name": "x.exe", "sha256": "a".repeat(64), "size": 10, "content_type": "application/x-msdownload"}]);
    let mut bad = not_owner.clone();
    bad["applicant"]["owner_consent"] = exe;
    assert_eq!(
        validate(&def, &bad, TODAY).get("applicant.owner_consent"),
        Some(&FieldError::FileTypeNotAllowed)
    );
    let big = json!([{"name": "skan.pdf", "sha256": "a".repeat(64), "size": 20_000_000, "content_type": "application/pdf"}]);
    bad["applicant"]["owner_consent"] = big;
    assert_eq!(
        validate(&def, &bad, TODAY).get("applicant.owner_consent"),
        Some(&FieldError::FileTooLarge)
    );
}

#[test]
fn broken_definitions_are_reported() {
    let mut def = definition();
    def.sections[1].repeat = Some(models::forms::Repeat { min: 3, max: 2 });
    def.sections[0].fields[5]
        .visible_if
        .as_mut()
        .expect("condition")
        .field = "nie_ma".into();
    def.sections.push(def.sections[2].clone());
    let problems = check_definition(&def);
    assert_eq!(problems.len(), 3, "{problems:?}");
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        "[a-z0-9 .-]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("applicant".to_owned()),
                    Just("trees".to_owned()),
                    Just("payment".to_owned()),
                    Just("name".to_owned()),
                    Just("is_owner".to_owned()),
                    "[a-z]{1,6}"
                ],
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn any_json_gets_an_answer_never_a_panic_and_valid_data_stays_valid(data in any_json()) {
        let def = definition();
        let _ = validate(&def, &data, TODAY);
        prop_assert!(validate(&def, &valid(), TODAY).is_empty());
    }
}

#[test]
fn an_optional_address_left_blank_is_not_given_but_a_half_filled_one_is_refused() {
    let form: FormDefinition = serde_json::from_value(json!({
        "id": "move", "version": 1, "title": l("Zameldowanie"),
        "sections": [{"id": "stay", "title": l("Pobyt"), "fields": [
            {"id": "previous", "label": l("Poprzedni adres"), "kind": {"type": "address"}}
        ]}]
    }))
    .expect("definition parses");
    let blank =
        json!({"street": "", "building": " ", "apartment": "", "postal_code": "", "city": ""});
    for data in [
        json!({}),
        json!({"stay": {}}),
        json!({"stay": {"previous": {}}}),
        json!({"stay": {"previous": blank}}),
    ] {
        assert!(validate(&form, &data, TODAY).is_empty(), "{data}");
    }
    let half = json!({"stay": {"previous": {"street": "Lipowa", "building": "", "postal_code": "", "city": ""}}});
    assert_eq!(
        validate(&form, &half, TODAY).get("stay.previous"),
        Some(&FieldError::Required)
    );
}
