//! The form validator on any JSON a resident's browser could send, against every form of
//! the demo catalogue: no panic, and an accepted submission's files are listed.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use models::forms::{FormDefinition, files, validate};

static FORMS: LazyLock<Vec<FormDefinition>> = LazyLock::new(|| {
    let catalogue: Vec<serde_json::Value> =
        serde_json::from_str(server::services::db::DEMO_CATALOGUE).expect("the catalogue");
    catalogue
        .into_iter()
        .map(|s| serde_json::from_value(s["form"].clone()).expect("a form"))
        .collect()
});

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(rest) else {
        return;
    };
    let form = &FORMS[usize::from(which) % FORMS.len()];
    let problems = validate(form, &value, (2026, 12, 1));
    if problems.is_empty() {
        let _ = files(form, &value);
    }
});
