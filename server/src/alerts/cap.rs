//! The Common Alerting Protocol 1.2 (OASIS, 2010) as published: one `<alert>` per alert
//! with an `<info>` per language, and an Atom index of the alerts in force. The tests
//! validate the output against the standard's XML schema.

use models::alerts::{Alert, Severity};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::tenancy::Tenant;
use crate::time_fmt::{rfc3339, warsaw_rfc3339};

/// The alert's texts in every language the team wrote.
#[derive(Debug, Clone)]
pub struct Texts(pub Vec<(&'static str, String, String)>);

impl Texts {
    /// From an alerts row: Polish always, English and Ukrainian where written.
    pub fn from_row(row: &AnyRow) -> Texts {
        let mut texts = Vec::new();
        for (tag, suffix) in [("pl-PL", "pl"), ("en-GB", "en"), ("uk-UA", "uk")] {
            let headline: String = row.get(format!("headline_{suffix}").as_str());
            if !headline.is_empty() {
                texts.push((tag, headline, row.get(format!("text_{suffix}").as_str())));
            }
        }
        Texts(texts)
    }
}

/// Escapes text for XML content and attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow at all.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

fn cap_severity(s: Severity) -> &'static str {
    match s {
        Severity::Extreme => "Extreme",
        Severity::Severe => "Severe",
        Severity::Moderate => "Moderate",
        Severity::Minor => "Minor",
    }
}

fn urgency(s: Severity) -> &'static str {
    match s {
        Severity::Extreme | Severity::Severe => "Immediate",
        Severity::Moderate | Severity::Minor => "Expected",
    }
}

/// The sender, as CAP wants it: no spaces, commas or `<&`.
fn sender(tenant: &Tenant) -> String {
    format!(
        "okienko@{}",
        tenant
            .id
            .replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "-")
    )
}

/// One alert as a CAP 1.2 message. A cancelled alert is a `Cancel` message referring
/// to the original.
pub fn message(tenant: &Tenant, alert: &Alert, texts: &Texts) -> String {
    let sent = warsaw_rfc3339(alert.issued_at);
    let who = sender(tenant);
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n",
    );
    let (identifier, msg_type) = if alert.cancelled {
        (format!("{}-cancel", alert.id), "Cancel")
    } else {
        (alert.id.clone(), "Alert")
    };
    x += &format!(
        "  <identifier>{}</identifier>\n  <sender>{}</sender>\n  <sent>{sent}</sent>\n",
        escape(&identifier),
        escape(&who)
    );
    x += &format!(
        "  <status>Actual</status>\n  <msgType>{msg_type}</msgType>\n  <scope>Public</scope>\n"
    );
    if alert.cancelled {
        x += &format!(
            "  <references>{},{},{sent}</references>\n",
            escape(&who),
            escape(&alert.id)
        );
    }
    let areas = if alert.areas.is_empty() {
        vec![tenant.name.clone()]
    } else {
        alert
            .areas
            .iter()
            .map(|a| format!("{}, {}", a.name, tenant.name))
            .collect()
    };
    for (lang, headline, text) in &texts.0 {
        x += "  <info>\n";
        x += &format!(
            "    <language>{lang}</language>\n    <category>{}</category>\n",
            alert.category.cap()
        );
        let event = models::lang::Lang::from_tag(lang).map_or("", |l| alert.category.label(l));
        x += &format!("    <event>{}</event>\n", escape(event));
        x += &format!(
            "    <urgency>{}</urgency>\n    <severity>{}</severity>\n    <certainty>Likely</certainty>\n",
            urgency(alert.severity),
            cap_severity(alert.severity)
        );
        x += &format!(
            "    <effective>{}</effective>\n    <expires>{}</expires>\n",
            warsaw_rfc3339(alert.valid_from),
            warsaw_rfc3339(alert.valid_to)
        );
        x += &format!(
            "    <senderName>{}</senderName>\n    <headline>{}</headline>\n    <description>{}</description>\n",
            escape(&tenant.name),
            escape(headline),
            escape(text)
        );
        for area in &areas {
            x += &format!(
                "    <area>\n      <areaDesc>{}</areaDesc>\n    </area>\n",
                escape(area)
            );
        }
        x += "  </info>\n";
    }
    x += "</alert>\n";
    x
}

/// The Atom index of the alerts in force, each entry linking to its CAP message.
pub fn atom(tenant: &Tenant, base: &str, alerts: &[Alert], now: i64) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    x += &format!(
        "  <id>urn:okienko:{}:alerts</id>\n  <title>{} — ostrzeżenia kryzysowe</title>\n  <updated>{}</updated>\n",
        escape(&tenant.id),
        escape(&tenant.name),
        rfc3339(alerts.iter().map(|a| a.issued_at).max().unwrap_or(now)).replace(".000Z", "Z")
    );
    x += &format!("  <author><name>{}</name></author>\n", escape(&tenant.name));
    x += &format!(
        "  <link rel=\"self\" href=\"{}/api/alerts/cap\"/>\n",
        escape(base)
    );
    for alert in alerts {
        x += "  <entry>\n";
        x += &format!(
            "    <id>urn:uuid:{}</id>\n    <title>{}</title>\n",
            escape(&alert.id),
            escape(&alert.headline)
        );
        x += &format!(
            "    <updated>{}</updated>\n",
            warsaw_rfc3339(alert.issued_at)
        );
        x += &format!(
            "    <link rel=\"alternate\" type=\"application/cap+xml\" href=\"{}/api/alerts/{}/cap\"/>\n",
            escape(base),
            escape(&alert.id)
        );
        x += &format!(
            "    <summary>{}</summary>\n  </entry>\n",
            escape(&alert.text)
        );
    }
    x += "</feed>\n";
    x
}
