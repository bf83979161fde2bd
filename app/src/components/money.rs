//! Money as residents and clerks read it: grosze shown as złoty.

/// The whole złoty of `grosze` with narrow spaces between thousands, and the sign.
fn whole(grosze: i64) -> String {
    let sign = if grosze < 0 { "-" } else { "" };
    let whole = (grosze.unsigned_abs() / 100).to_string();
    let mut out = String::with_capacity(whole.len() + 8);
    out.push_str(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push('\u{202F}');
        }
        out.push(digit);
    }
    out
}

/// Grosze as złoty, always with the grosze: `1 234,50 zł`, `12,00 zł` (ledgers).
pub fn money(grosze: i64) -> String {
    format!(
        "{},{:02}\u{A0}zł",
        whole(grosze),
        grosze.unsigned_abs() % 100
    )
}

/// Grosze as złoty, the grosze only when there are some: `150 000 zł`, `1 234,50 zł`
/// (budgets and project costs).
pub fn money_short(grosze: i64) -> String {
    let g = grosze.unsigned_abs() % 100;
    if g == 0 {
        format!("{}\u{A0}zł", whole(grosze))
    } else {
        format!("{},{g:02}\u{A0}zł", whole(grosze))
    }
}
