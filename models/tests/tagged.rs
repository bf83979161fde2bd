//! The enums read through a flat struct (`FieldKind`, `Audience`) keep their JSON: every
//! variant written and read back is the same value, and a missing setting or an unknown
//! kind is refused as the derived code refused it.

use models::forms::{ChoiceOption, FieldKind, Localized};
use models::school::Audience;
use serde_json::json;

fn kinds() -> Vec<FieldKind> {
    vec![
        FieldKind::Text {
            max_len: 200,
            multiline: true,
        },
        FieldKind::Number {
            min: Some(-5),
            max: None,
        },
        FieldKind::Date {
            not_in_future: true,
        },
        FieldKind::Choice {
            options: vec![ChoiceOption {
                value: "a".into(),
                label: Localized {
                    pl: "Tak".into(),
                    en: "Yes".into(),
                    uk: "Так".into(),
                },
            }],
        },
        FieldKind::Checkbox,
        FieldKind::Address,
        FieldKind::Pesel,
        FieldKind::Nip,
        FieldKind::PostalCode,
        FieldKind::Nrb,
        FieldKind::Phone,
        FieldKind::Email,
        FieldKind::File {
            max_bytes: 10_000_000,
            types: vec!["application/pdf".into()],
            max_files: 3,
        },
    ]
}

#[test]
fn every_field_kind_reads_back_as_written() {
    for kind in kinds() {
        let written = serde_json::to_value(&kind).expect("json");
        assert!(written["type"].is_string(), "{written}");
        let read: FieldKind = serde_json::from_value(written.clone()).expect("reads back");
        assert_eq!(read, kind, "{written}");
    }
}

#[test]
fn a_field_kind_without_its_settings_or_of_an_unknown_type_is_refused() {
    for (bad, says) in [
        (json!({"type": "text"}), "max_len"),
        (json!({"type": "choice"}), "options"),
        (
            json!({"type": "file", "max_bytes": 1, "types": []}),
            "max_files",
        ),
        (json!({"type": "colour"}), "colour"),
        (json!({"max_len": 3}), "type"),
        (json!({"type": 7}), "string"),
    ] {
        let e = serde_json::from_value::<FieldKind>(bad.clone()).expect_err("refused");
        assert!(e.to_string().contains(says), "{bad}: {e}");
    }
    // Defaults as before: a line, no bounds, any date.
    assert_eq!(
        serde_json::from_value::<FieldKind>(json!({"type": "text", "max_len": 9})).expect("text"),
        FieldKind::Text {
            max_len: 9,
            multiline: false
        }
    );
    assert_eq!(
        serde_json::from_value::<FieldKind>(json!({"type": "number"})).expect("number"),
        FieldKind::Number {
            min: None,
            max: None
        }
    );
}

#[test]
fn every_audience_reads_back_and_a_wrong_one_is_refused() {
    for audience in [
        Audience::Class {
            class_id: "c1".into(),
        },
        Audience::Level { level: 6 },
        Audience::School,
    ] {
        let written = serde_json::to_value(&audience).expect("json");
        assert_eq!(
            serde_json::from_value::<Audience>(written.clone()).expect("reads"),
            audience,
            "{written}"
        );
    }
    assert_eq!(
        serde_json::to_value(Audience::Level { level: 6 }).expect("json"),
        json!({"kind": "level", "level": 6})
    );
    for (bad, says) in [
        (json!({"kind": "class"}), "class_id"),
        (json!({"kind": "level", "level": 300}), "300"),
        (json!({"kind": "gmina"}), "gmina"),
    ] {
        let e = serde_json::from_value::<Audience>(bad.clone()).expect_err("refused");
        assert!(e.to_string().contains(says), "{bad}: {e}");
    }
}
