//! Local taxes and fees, to the grosz: rounding (Ordynacja podatkowa art. 63), statutory
//! schedules of instalments, interest on arrears at the rate in force each day (art. 56),
//! allocation of a payment between arrears and interest (art. 55 § 2, art. 62 § 1), the
//! taxpayers' individual account numbers (NRB) and the Polish QR transfer code.
//!
//! Pure and deterministic: the server stores the results, the browser shows them. Money is
//! always in grosze. The rules and what is not yet confirmed: docs/TAXES.md.

pub mod calendar;
pub mod ledger;
pub mod office;

pub use calendar::{Day, next_working_day};
use ledger::LiabilityKind;

/// Rounds an amount to full złoty: under 50 gr down, 50 gr and more up (Ordynacja
/// podatkowa art. 63 § 1 — tax bases, tax amounts and interest). Negative amounts are
/// rounded by their absolute value.
pub fn round_to_zloty(grosze: i64) -> i64 {
    let sign = grosze.signum();
    let a = grosze.abs();
    sign * ((a + 50) / 100 * 100)
}

/// One instalment of a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScheduledInstalment {
    /// 1-based.
    pub number: u32,
    /// The due date (a working day).
    pub due: Day,
    /// Grosze.
    pub amount: i64,
}

/// The most one payment may be for property, agricultural and forest tax of a natural
/// person to be due at once by 15 March (upol art. 6 ust. 7a): 100 zł.
pub const SINGLE_PAYMENT_LIMIT: i64 = 10_000;

/// The statutory due dates (month, day) of a liability (`council` for the fees).
fn due_dates(kind: LiabilityKind, annual: i64, council: &[(u8, u8)]) -> Vec<(u8, u8)> {
    match kind {
        // upol art. 6 ust. 7 and 7a; ustawa o podatku rolnym art. 6a ust. 6; ustawa o
        // podatku leśnym art. 6 ust. 2; łączne zobowiązanie: ustawa o podatku rolnym art. 6c.
        LiabilityKind::Property
        | LiabilityKind::Agricultural
        | LiabilityKind::Forest
        | LiabilityKind::Joint => {
            if annual <= SINGLE_PAYMENT_LIMIT {
                vec![(3, 15)]
            } else {
                vec![(3, 15), (5, 15), (9, 15), (11, 15)]
            }
        }
        // upol art. 11 ust. 1: two instalments, 15 February and 15 September.
        LiabilityKind::Vehicle => vec![(2, 15), (9, 15)],
        // The council's resolution sets the dates (ustawa o utrzymaniu czystości i porządku
        // w gminach art. 6l; upol art. 19 for the dog fee).
        LiabilityKind::Waste | LiabilityKind::Dog => {
            if council.is_empty() {
                vec![(3, 15)]
            } else {
                council.to_vec()
            }
        }
    }
}

/// The schedule of a year's liability: the statutory due dates, each moved to the next
/// working day, and the amount split into equal instalments in grosze that sum exactly to
/// `annual` (the remainder grosze go to the first instalment — the usual practice; the
/// statutes do not say how to split an amount that does not divide evenly).
/// `annual` is the amount as assessed (taxes already rounded to full złoty, art. 63).
///
/// A council's schedule is taken in date order without repeats; dates that do not exist
/// (30 February) are left out, and a schedule with none left falls back to 15 March, so
/// the instalments always add up to `annual`. A non-positive amount has no instalments.
pub fn schedule(
    kind: LiabilityKind,
    year: i32,
    annual: i64,
    council: &[(u8, u8)],
) -> Vec<ScheduledInstalment> {
    if annual <= 0 {
        return vec![];
    }
    let mut dates: Vec<Day> = due_dates(kind, annual, council)
        .iter()
        .filter_map(|&(m, d)| Day::from_ymd(year, u32::from(m), u32::from(d)))
        .map(next_working_day)
        .collect();
    // Two dates may fall on one working day (a Saturday and the Sunday after it).
    dates.sort();
    dates.dedup();
    if dates.is_empty() {
        dates.extend(Day::from_ymd(year, 3, 15).map(next_working_day));
    }
    let n = dates.len() as i64;
    let base = annual / n;
    let remainder = annual - base * n;
    dates
        .iter()
        .enumerate()
        .map(|(i, &due)| ScheduledInstalment {
            number: i as u32 + 1,
            due,
            amount: base + if i == 0 { remainder } else { 0 },
        })
        .collect()
}

/// Whether a council's schedule (month, day) names only real days of any year (29 February
/// is refused: it does not exist every year).
pub fn valid_council_schedule(council: &[(u8, u8)]) -> bool {
    !council.is_empty()
        && council.len() <= 12
        && council
            .iter()
            .all(|&(m, d)| Day::from_ymd(2025, u32::from(m), u32::from(d)).is_some())
}

/// Interest rates for tax arrears (odsetki za zwłokę), from the day each applies, in basis
/// points a year. Ordynacja podatkowa art. 56 § 1: 200 % of the NBP lombard rate plus 2
/// percentage points, at least 8 %; the Minister of Finance announces each rate
/// (obwieszczenia in Monitor Polski). Derived here from NBP's lombard rate changes with
/// [`rate_from_lombard`]; the entries from 2025 on are to be confirmed against the
/// announcements (see docs/TAXES.md).
pub const RATES: &[(&str, u32)] = &[
    ("2020-05-29", 800),
    ("2022-01-05", 800),
    ("2022-02-09", 850),
    ("2022-03-09", 1000),
    ("2022-04-07", 1200),
    ("2022-05-06", 1350),
    ("2022-06-09", 1500),
    ("2022-07-08", 1600),
    ("2022-09-08", 1650),
    ("2023-09-07", 1500),
    ("2023-10-05", 1450),
    ("2025-05-08", 1350),
    ("2025-07-03", 1300),
    ("2025-09-04", 1250),
    ("2025-10-09", 1200),
    ("2025-11-06", 1150),
];

/// Art. 56 § 1: 200 % of the lombard rate + 2 points, at least 8 % (basis points).
pub fn rate_from_lombard(lombard_bp: u32) -> u32 {
    (2 * lombard_bp + 200).max(800)
}

/// The rate in force on a day (the last entry from on or before it; 8 % before the table).
pub fn rate_on(day: Day) -> u32 {
    RATES
        .iter()
        .filter_map(|(from, rate)| Day::parse(from).map(|d| (d, *rate)))
        .take_while(|(from, _)| *from <= day)
        .last()
        .map_or(800, |(_, r)| r)
}

/// The smallest interest charged (art. 54 § 1 pkt 5: interest is not charged when it does
/// not exceed three times the fee for a registered letter), from the day each applies.
/// 8.70 zł is the amount used since 2016; to be confirmed (docs/TAXES.md).
pub const MIN_INTEREST: &[(&str, i64)] = &[("2016-01-01", 870)];

fn min_interest_on(day: Day) -> i64 {
    MIN_INTEREST
        .iter()
        .filter_map(|(from, amount)| Day::parse(from).map(|d| (d, *amount)))
        .take_while(|(from, _)| *from <= day)
        .last()
        .map_or(0, |(_, a)| a)
}

/// Interest on `amount` grosze due on `due` and paid on `paid_on` (art. 53 § 4: from the
/// day after the due date to the payment day inclusive), day by day at the rate in force
/// that day, `amount × rate / 365` (a year of 365 days, as the Ministry's calculator),
/// summed exactly and rounded to full złoty (art. 63 § 1); zero when it does not exceed the
/// statutory minimum of the payment day.
pub fn interest(amount: i64, due: Day, paid_on: Day) -> i64 {
    if amount <= 0 || paid_on <= due {
        return 0;
    }
    // Σ amount × bp over the days, in grosze × basis points; ÷ (10 000 × 365) once.
    let mut numerator: i128 = 0;
    let mut day = due.add_days(1);
    while day <= paid_on {
        numerator += i128::from(amount) * i128::from(rate_on(day));
        day = day.add_days(1);
    }
    let exact = numerator / (10_000 * 365);
    let rounded = round_to_zloty(i64::try_from(exact).unwrap_or(i64::MAX));
    if rounded <= min_interest_on(paid_on) {
        0
    } else {
        rounded
    }
}

/// An open (not fully paid) instalment, for allocating a payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenItem {
    /// Its id.
    pub id: String,
    /// Due date.
    pub due: Day,
    /// Principal still unpaid.
    pub principal: i64,
}

/// What a payment covers of one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The item's id.
    pub id: String,
    /// Principal covered.
    pub principal: i64,
    /// Interest covered.
    pub interest: i64,
}

/// A payment's allocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    /// One part per item touched, oldest due first.
    pub parts: Vec<Part>,
    /// What is left (nadpłata).
    pub overpayment: i64,
}

/// Allocates `payment` to open items as of `paid_on`: overdue items oldest first (art. 62
/// § 1), each with its interest to that day; when what is left does not cover an item's
/// arrears with interest, it is split between them in proportion to arrears and interest
/// (art. 55 § 2), the rounding grosz going to the arrears. Items not yet due are covered
/// after the overdue ones, in due order, without interest. Whatever remains is an
/// overpayment.
pub fn allocate(payment: i64, open: &[OpenItem], paid_on: Day) -> Allocation {
    let mut items: Vec<&OpenItem> = open.iter().filter(|i| i.principal > 0).collect();
    items.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.id.cmp(&b.id)));
    let mut left = payment.max(0);
    let mut parts = vec![];
    for item in items {
        if left == 0 {
            break;
        }
        let owed_interest = interest(item.principal, item.due, paid_on);
        let owed = item.principal + owed_interest;
        let (principal, interest) = if left >= owed {
            (item.principal, owed_interest)
        } else {
            let interest_part =
                (i128::from(left) * i128::from(owed_interest) / i128::from(owed)) as i64;
            (left - interest_part, interest_part)
        };
        left -= principal + interest;
        parts.push(Part {
            id: item.id.clone(),
            principal,
            interest,
        });
    }
    Allocation {
        parts,
        overpayment: left,
    }
}

/// The individual account of taxpayer `number`: the bank's 8-digit routing number, then
/// 16 digits — the gmina's prefix and the number zero-padded — with the IBAN check digits
/// for Poland (ISO 13616: the account, then `PL00` as 2521 00, mod 97, 98 − remainder).
/// `None` when the routing number is not 8 digits, the prefix not digits, or the number
/// does not fit in what the prefix leaves of the 16 digits.
pub fn nrb_for(bank: &str, prefix: &str, number: u64) -> Option<String> {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if bank.len() != 8 || !digits(bank) || prefix.len() > 15 || !digits(prefix) {
        return None;
    }
    let width = 16 - prefix.len();
    let number = number.to_string();
    if number.len() > width {
        return None;
    }
    let bban = format!("{bank}{prefix}{number:0>width$}");
    let remainder = bban
        .bytes()
        .map(|b| u32::from(b - b'0'))
        .chain([2, 5, 2, 1, 0, 0])
        .fold(0u32, |acc, d| (acc * 10 + d) % 97);
    Some(format!("{:02}{bban}", 98 - remainder))
}

/// The largest amount the QR code's 6-digit amount field holds (9 999,99 zł).
pub const QR_MAX_AMOUNT: i64 = 999_999;

/// The text of the Polish banks' QR transfer code (Związek Banków Polskich,
/// "Rekomendacja w sprawie standardu 2D"): `NIP|PL|account|amount|name|title|||`,
/// the amount in grosze as 6 digits, the name at most 20 and the title at most 32
/// characters. An amount the 6 digits cannot hold (over 9 999,99 zł), or none, leaves
/// the field empty: the banking app then asks for it, instead of paying a wrong sum. A NIP
/// that is not 10 digits is left out.
pub fn zbp_qr_payload(nip: &str, account: &str, amount: i64, name: &str, title: &str) -> String {
    let clip = |s: &str, n: usize| -> String {
        let cut: String = s.replace('|', " ").chars().take(n).collect();
        cut.trim_end().to_owned()
    };
    let only_digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let nip = Some(only_digits(nip))
        .filter(|n| n.len() == 10)
        .unwrap_or_default();
    let amount = if (1..=QR_MAX_AMOUNT).contains(&amount) {
        format!("{amount:06}")
    } else {
        String::new()
    };
    format!(
        "{nip}|PL|{}|{amount}|{}|{}|||",
        only_digits(account),
        clip(name, 20),
        clip(title, 32),
    )
}
