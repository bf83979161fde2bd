//! The e-services catalogue: cards and form definitions per gmina, searchable and
//! grouped by life situation. Forms are data (`models::forms`); the demo set is in
//! `server/seeds/services.json`.

pub mod db;
pub mod routes;

/// Folds case and Polish (and common Ukrainian-adjacent Latin) diacritics so that
/// "zaswiadczenie" finds "zaświadczenie".
pub fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' => 's',
            'ź' | 'ż' => 'z',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn folding_ignores_case_and_polish_marks() {
        assert_eq!(
            super::fold("Zaświadczenie o ZAMELDOWANIU, drzewa Łódź"),
            "zaswiadczenie o zameldowaniu, drzewa lodz"
        );
    }
}
