//! Money as residents and clerks read it: grosze shown as złoty.

/// Grosze as złoty with narrow spaces between thousands, e.g. `1 234,50 zł`.
pub fn money(grosze: i64) -> String {
    let sign = if grosze < 0 { "-" } else { "" };
    let g = grosze.unsigned_abs();
    let whole = (g / 100).to_string();
    let mut out = String::with_capacity(whole.len() + 8);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push('\u{202F}');
        }
        out.push(digit);
    }
    format!("{sign}{out},{:02}\u{A0}zł", g % 100)
}
