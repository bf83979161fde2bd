//! A map of located entries without map tiles (nothing is fetched from elsewhere): the
//! points placed by their WGS 84 coordinates (equirectangular, north up) over a grid,
//! with a scale bar. Each point is a link to its entry in the list, so the map works
//! with the keyboard and a screen reader, and the list holds everything it shows.

use leptos::prelude::*;

use crate::i18n::{Info as I, use_i18n};

/// An entry id as a fragment-safe anchor.
pub fn anchor(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// Where points go on the map, in per cent of its width and height.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    lat_max: f64,
    lon_min: f64,
    lat_span: f64,
    lon_span: f64,
    /// Width over height of the map.
    pub aspect: f64,
    /// Kilometres across the map's width.
    pub width_km: f64,
}

impl Projection {
    /// Fits the points (millionths of a degree) with a margin.
    pub fn fit(points: &[(i64, i64)]) -> Projection {
        let deg = |v: i64| v as f64 / 1e6;
        let (mut lat_min, mut lat_max, mut lon_min, mut lon_max) =
            (90.0f64, -90.0f64, 180.0f64, -180.0f64);
        for &(lat, lon) in points {
            lat_min = lat_min.min(deg(lat));
            lat_max = lat_max.max(deg(lat));
            lon_min = lon_min.min(deg(lon));
            lon_max = lon_max.max(deg(lon));
        }
        let cos = ((lat_min + lat_max) / 2.0).to_radians().cos();
        let lat_span = (lat_max - lat_min).max(0.005) * 1.15;
        let lon_span = (lon_max - lon_min).max(0.005 / cos) * 1.15;
        let (lat_mid, lon_mid) = ((lat_min + lat_max) / 2.0, (lon_min + lon_max) / 2.0);
        let aspect = (lon_span * cos / lat_span).clamp(0.6, 2.0);
        Projection {
            lat_max: lat_mid + lat_span / 2.0,
            lon_min: lon_mid - lon_span / 2.0,
            lat_span,
            lon_span,
            aspect,
            width_km: lon_span * 111.32 * cos,
        }
    }

    /// A point's (left, top) in per cent.
    pub fn place(&self, lat: i64, lon: i64) -> (f64, f64) {
        let (lat, lon) = (lat as f64 / 1e6, lon as f64 / 1e6);
        (
            ((lon - self.lon_min) / self.lon_span * 100.0).clamp(0.0, 100.0),
            ((self.lat_max - lat) / self.lat_span * 100.0).clamp(0.0, 100.0),
        )
    }

    /// A round scale length in km (at most a quarter of the width) and its share of
    /// the width in per cent.
    pub fn scale(&self) -> (f64, f64) {
        let quarter = self.width_km / 4.0;
        let km = [0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0]
            .into_iter()
            .rev()
            .find(|k| *k <= quarter)
            .unwrap_or(0.1);
        (km, km / self.width_km * 100.0)
    }
}

/// The map of `points`: (entry id, label, latitude, longitude).
#[component]
pub fn PointMap(points: Vec<(String, String, i64, i64)>) -> impl IntoView {
    let i18n = use_i18n();
    let projection = Projection::fit(&points.iter().map(|p| (p.2, p.3)).collect::<Vec<_>>());
    let (km, scale_width) = projection.scale();
    let count = points.len();
    let km_text = if km < 1.0 {
        format!("{km:.1}")
    } else {
        format!("{km:.0}")
    };
    view! {
        <figure class="map-figure">
            <figcaption id="map-caption">
                <strong>{move || i18n.pi(I::Map)}</strong>
                <span class="hint">{move || i18n.pi(I::MapNote).replace("{n}", &count.to_string())}</span>
            </figcaption>
            <div class="map" role="group" aria-labelledby="map-caption" style:aspect-ratio=format!("{:.3}", projection.aspect)>
                <svg class="map-grid" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    {(1..10).map(|i| {
                        let at = format!("{}", i * 10);
                        view! {
                            <line x1=at.clone() y1="0" x2=at.clone() y2="100" />
                            <line x1="0" y1=at.clone() x2="100" y2=at />
                        }
                    }).collect_view()}
                </svg>
                {points.into_iter().map(|(id, label, lat, lon)| {
                    let (left, top) = projection.place(lat, lon);
                    let a = anchor(&id);
                    view! {
                        <a class="map-point" id=format!("point-{a}") href=format!("#entry-{a}") aria-label=label.clone() title=label
                            style:left=format!("{left:.2}%") style:top=format!("{top:.2}%")></a>
                    }
                }).collect_view()}
                <span class="map-north" aria-hidden="true">"N ↑"</span>
                <span class="map-scale" aria-hidden="true" style:width=format!("{scale_width:.2}%")>
                    {move || i18n.pi(I::Scale).replace("{km}", &km_text)}
                </span>
            </div>
            <p class="hint">{move || i18n.pi(I::North)}</p>
        </figure>
    }
}
