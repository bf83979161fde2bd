//! Showing UTC times in Europe/Warsaw, with the browser's `Intl` (no time-zone tables
//! in the wasm).

use js_sys::{Array, Date, Intl, Object, Reflect};
use models::lang::Lang;
use wasm_bindgen::JsValue;

/// Formats UTC milliseconds as a Warsaw date and time in `lang`.
pub fn warsaw_ms(ms: i64, lang: Lang) -> String {
    let date = Date::new(&JsValue::from_f64(ms as f64));
    warsaw(&date.to_iso_string().as_string().unwrap_or_default(), lang)
}

/// Formats an RFC 3339 UTC time as a Warsaw date and time in `lang`, e.g. `22 lis 2026, 12:34`.
pub fn warsaw(rfc3339: &str, lang: Lang) -> String {
    let date = Date::new(&JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    let options = Object::new();
    for (k, v) in [
        ("timeZone", "Europe/Warsaw"),
        ("dateStyle", "medium"),
        ("timeStyle", "short"),
    ] {
        let _ = Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    let locales = Array::of1(&JsValue::from_str(lang.tag()));
    let format = Intl::DateTimeFormat::new(&locales, &options).format();
    format
        .call1(&JsValue::NULL, &date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| rfc3339.to_owned())
}

/// The Warsaw calendar day of UTC milliseconds, `YYYY-MM-DD`.
#[cfg(feature = "info")]
pub fn warsaw_date(ms: i64) -> String {
    let date = Date::new(&JsValue::from_f64(ms as f64));
    let options = Object::new();
    let _ = Reflect::set(
        &options,
        &JsValue::from_str("timeZone"),
        &JsValue::from_str("Europe/Warsaw"),
    );
    // Canadian English writes dates as ISO 8601.
    let locales = Array::of1(&JsValue::from_str("en-CA"));
    Intl::DateTimeFormat::new(&locales, &options)
        .format()
        .call1(&JsValue::NULL, &date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A `YYYY-MM-DD` calendar day moved by some days (the day itself when it is not one).
#[cfg(any(feature = "school", feature = "office"))]
pub fn shift_day(day: &str, days: i64) -> String {
    let date = Date::new(&JsValue::from_str(&format!("{day}T12:00:00Z")));
    if date.get_time().is_nan() {
        return day.to_owned();
    }
    let moved = Date::new(&JsValue::from_f64(
        date.get_time() + days as f64 * 86_400_000.0,
    ));
    moved
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
        .chars()
        .take(10)
        .collect()
}
