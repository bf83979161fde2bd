//! Taxes to the grosz: worked examples of each rule (with the arithmetic) and property
//! tests (schedules sum to the assessment, allocations to the payment, interest never
//! negative and never falling with a later payment day, account numbers always valid).

use models::taxes::calendar::{is_working_day, next_working_day};
use models::taxes::ledger::LiabilityKind;
use models::taxes::{
    Day, OpenItem, allocate, interest, nrb_for, rate_from_lombard, rate_on, round_to_zloty,
    schedule, zbp_qr_payload,
};
use proptest::prelude::*;

fn day(s: &str) -> Day {
    Day::parse(s).expect("a date")
}

#[test]
fn amounts_round_to_full_zloty_half_up() {
    // Art. 63 § 1: 123.49 zł → 123 zł; 123.50 zł → 124 zł.
    assert_eq!(round_to_zloty(12_349), 12_300);
    assert_eq!(round_to_zloty(12_350), 12_400);
    assert_eq!(round_to_zloty(49), 0);
    assert_eq!(round_to_zloty(50), 100);
    assert_eq!(round_to_zloty(0), 0);
}

#[test]
fn property_tax_is_due_in_four_instalments_moved_to_working_days() {
    // 456 zł in 2026: 4 × 114 zł. 15 March and 15 November 2026 are Sundays → Mondays.
    let s = schedule(LiabilityKind::Property, 2026, 45_600, &[]);
    let dues: Vec<String> = s.iter().map(|i| i.due.to_string()).collect();
    assert_eq!(
        dues,
        ["2026-03-16", "2026-05-15", "2026-09-15", "2026-11-16"]
    );
    assert!(s.iter().all(|i| i.amount == 11_400));
    // 100 zł or less: the whole amount by 15 March (upol art. 6 ust. 7a).
    let small = schedule(LiabilityKind::Property, 2026, 10_000, &[]);
    assert_eq!(small.len(), 1);
    assert_eq!(
        (small[0].due.to_string(), small[0].amount),
        ("2026-03-16".to_owned(), 10_000)
    );
    // 457 zł: 114.25 × 4 → 11 425 grosze each, nothing left over; 457.03 would put 3 gr
    // on the first.
    let odd = schedule(LiabilityKind::Agricultural, 2026, 45_703, &[]);
    assert_eq!(
        odd.iter().map(|i| i.amount).collect::<Vec<_>>(),
        [11_428, 11_425, 11_425, 11_425]
    );
}

#[test]
fn vehicle_tax_is_due_in_february_and_september_and_fees_follow_the_council() {
    // 15 February 2026 is a Sunday → 16 February.
    let s = schedule(LiabilityKind::Vehicle, 2026, 310_000, &[]);
    assert_eq!(
        s.iter().map(|i| i.due.to_string()).collect::<Vec<_>>(),
        ["2026-02-16", "2026-09-15"]
    );
    assert_eq!(
        s.iter().map(|i| i.amount).collect::<Vec<_>>(),
        [155_000, 155_000]
    );
    // A council's quarterly waste-fee schedule; 1 November 2026 would be a holiday.
    let fee = schedule(
        LiabilityKind::Waste,
        2026,
        100_001,
        &[(1, 31), (4, 30), (7, 31), (11, 1)],
    );
    assert_eq!(
        fee.iter().map(|i| i.due.to_string()).collect::<Vec<_>>(),
        ["2026-02-02", "2026-04-30", "2026-07-31", "2026-11-02"]
    );
    assert_eq!(fee.iter().map(|i| i.amount).sum::<i64>(), 100_001);
}

#[test]
fn christmas_eve_is_a_holiday_from_2025() {
    assert!(is_working_day(day("2024-12-24")));
    assert!(!is_working_day(day("2025-12-24")));
    // Corpus Christi 2026 is 4 June (Easter 5 April + 60).
    assert!(!is_working_day(day("2026-06-04")));
    assert_eq!(
        next_working_day(day("2026-06-04")).to_string(),
        "2026-06-05"
    );
}

#[test]
fn the_rate_is_twice_the_lombard_rate_plus_two_points_at_least_eight() {
    assert_eq!(rate_from_lombard(625), 1450); // lombard 6.25 % → 14.50 %
    assert_eq!(rate_from_lombard(50), 800); // 0.50 % → 3 %, but at least 8 %
    assert_eq!(rate_on(day("2024-06-01")), 1450);
    assert_eq!(rate_on(day("2022-08-01")), 1600);
    assert_eq!(rate_on(day("2025-05-08")), 1350);
}

#[test]
fn interest_runs_from_the_day_after_the_due_date_at_each_days_rate() {
    // 1000 zł, due 2024-03-15, paid 2024-04-14: 30 days × 14.5 %:
    // 1000 × 0.145 × 30 / 365 = 11.92 zł → 12 zł.
    assert_eq!(
        interest(100_000, day("2024-03-15"), day("2024-04-14")),
        1_200
    );
    // Paid on the due date: none.
    assert_eq!(interest(100_000, day("2024-03-15"), day("2024-03-15")), 0);
    // 100 zł for 30 days: 1.19 zł → 1 zł, not over the 8.70 zł minimum: none.
    assert_eq!(interest(10_000, day("2024-03-15"), day("2024-04-14")), 0);
    // Across a rate change: 10 000 zł due 2025-05-01, paid 2025-05-20. 2–7 May (6 days)
    // at 14.5 % and 8–20 May (13 days) at 13.5 %: 10 000 × (6 × 0.145 + 13 × 0.135) / 365
    // = 10 000 × 2.625 / 365 = 71.92 zł → 72 zł.
    assert_eq!(
        interest(1_000_000, day("2025-05-01"), day("2025-05-20")),
        7_200
    );
}

#[test]
fn a_partial_payment_is_split_between_arrears_and_interest() {
    // 1000 zł due 2024-03-15 with 12 zł interest on 2024-04-14; 500 zł paid that day:
    // interest part = 500 × 12 / 1012 = 5.92 zł (592 gr), arrears 494.08 zł.
    let open = [OpenItem {
        id: "a".into(),
        due: day("2024-03-15"),
        principal: 100_000,
    }];
    let a = allocate(50_000, &open, day("2024-04-14"));
    assert_eq!(
        (a.parts[0].principal, a.parts[0].interest, a.overpayment),
        (49_408, 592, 0)
    );
    // Enough for both: everything, the rest is an overpayment.
    let a = allocate(110_000, &open, day("2024-04-14"));
    assert_eq!(
        (a.parts[0].principal, a.parts[0].interest, a.overpayment),
        (100_000, 1_200, 8_800)
    );
}

#[test]
fn individual_accounts_are_valid_numbers_and_the_qr_text_follows_the_zbp_layout() {
    let nrb = nrb_for("10901014", "0000", 42).expect("an account");
    assert_eq!(nrb.len(), 26);
    assert!(nrb.ends_with("109010140000000000000042"));
    assert!(models::validate::nrb(&nrb).is_ok());
    let qr = zbp_qr_payload(
        "",
        &nrb,
        12_345,
        "Gmina Przykładowo z nazwą za długą",
        "Podatek 2026",
    );
    assert_eq!(
        qr,
        format!("|PL|{nrb}|012345|Gmina Przykładowo z|Podatek 2026|||")
    );
    // 10 000 zł does not fit the six digits: the field stays empty (the bank asks), never
    // a wrong amount; a NIP that is not ten digits is left out.
    let big = zbp_qr_payload("123-456-32-18", &nrb, 1_000_000, "Gmina", "Podatek");
    assert_eq!(big, format!("1234563218|PL|{nrb}||Gmina|Podatek|||"));
    let odd = zbp_qr_payload("12345", &nrb, 999_999, "Gmina", "Podatek");
    assert_eq!(odd, format!("|PL|{nrb}|999999|Gmina|Podatek|||"));
}

#[test]
fn account_numbers_refuse_what_is_not_digits_or_does_not_fit() {
    assert_eq!(nrb_for("1090101x", "0000", 1), None);
    assert_eq!(nrb_for("1090101", "0000", 1), None);
    assert_eq!(nrb_for("10901014", "00a0", 1), None);
    assert_eq!(nrb_for("10901014", "0000", 1_000_000_000_000), None);
    assert!(nrb_for("10901014", "0000", 999_999_999_999).is_some());
}

#[test]
fn a_council_schedule_is_taken_in_date_order_and_impossible_dates_are_left_out() {
    // 31 June does not exist; the others come out of order and one twice.
    let council = [(9, 15), (3, 15), (6, 31), (9, 15)];
    let plan = schedule(LiabilityKind::Waste, 2026, 10_001, &council);
    let days: Vec<String> = plan.iter().map(|i| i.due.to_string()).collect();
    assert_eq!(days, ["2026-03-16", "2026-09-15"]);
    assert_eq!(plan.iter().map(|i| i.amount).sum::<i64>(), 10_001);
    assert_eq!(plan[0].amount, 5_001);
    // Nothing valid left: the whole amount by 15 March (the 16th: the 15th is a Sunday).
    let plan = schedule(LiabilityKind::Dog, 2026, 5_000, &[(2, 30)]);
    assert_eq!(plan.len(), 1);
    assert_eq!(plan[0].due.to_string(), "2026-03-16");
    assert!(schedule(LiabilityKind::Property, 2026, 0, &[]).is_empty());
    assert!(models::taxes::valid_council_schedule(&[(3, 15), (11, 30)]));
    assert!(!models::taxes::valid_council_schedule(&[(2, 29)]));
    assert!(!models::taxes::valid_council_schedule(&[]));
}

fn kinds() -> impl Strategy<Value = LiabilityKind> {
    prop::sample::select(LiabilityKind::ALL.to_vec())
}

proptest! {
    #[test]
    fn a_schedule_sums_to_the_assessment_on_increasing_working_days(
        kind in kinds(), year in 2020i32..2035, annual in 0i64..100_000_000,
    ) {
        let s = schedule(kind, year, annual, &[(1, 31), (6, 30), (12, 24)]);
        prop_assert_eq!(s.iter().map(|i| i.amount).sum::<i64>(), annual);
        prop_assert!(s.iter().all(|i| i.amount >= 0 && is_working_day(i.due)));
        prop_assert!(s.windows(2).all(|w| w[0].due < w[1].due));
        prop_assert!(s.iter().all(|i| i.due.year() == year || i.due.ymd().1 == 1));
    }

    #[test]
    fn any_council_schedule_gives_instalments_that_sum_to_the_fee(
        year in 2020i32..2035, annual in 1i64..10_000_000,
        council in prop::collection::vec((0u8..14, 0u8..33), 0..8),
    ) {
        let s = schedule(LiabilityKind::Waste, year, annual, &council);
        prop_assert!(!s.is_empty());
        prop_assert_eq!(s.iter().map(|i| i.amount).sum::<i64>(), annual);
        prop_assert!(s.windows(2).all(|w| w[0].due < w[1].due));
        prop_assert!(s.iter().enumerate().all(|(n, i)| i.number as usize == n + 1));
    }

    #[test]
    fn interest_is_never_negative_and_grows_with_the_payment_day(
        amount in 0i64..10_000_000, start in 0i64..3000, late in 0i64..800, more in 0i64..400,
    ) {
        let due = day("2020-01-01").add_days(start);
        let a = interest(amount, due, due.add_days(late));
        let b = interest(amount, due, due.add_days(late + more));
        prop_assert!(a >= 0);
        prop_assert!(b >= a);
        prop_assert_eq!(a % 100, 0);
    }

    #[test]
    fn an_allocation_adds_up_to_the_payment(
        payment in 0i64..5_000_000,
        items in prop::collection::vec((0i64..2000, 1i64..1_000_000), 0..8),
        paid in 0i64..2500,
    ) {
        let base = day("2021-01-01");
        let open: Vec<OpenItem> = items.iter().enumerate()
            .map(|(i, &(due, principal))| OpenItem { id: format!("i{i}"), due: base.add_days(due), principal })
            .collect();
        let paid_on = base.add_days(paid);
        let a = allocate(payment, &open, paid_on);
        let total: i64 = a.parts.iter().map(|p| p.principal + p.interest).sum::<i64>() + a.overpayment;
        prop_assert_eq!(total, payment);
        for p in &a.parts {
            let item = open.iter().find(|i| i.id == p.id).expect("an open item");
            prop_assert!(p.principal >= 0 && p.interest >= 0);
            prop_assert!(p.principal <= item.principal);
            prop_assert!(p.interest <= interest(item.principal, item.due, paid_on));
        }
        prop_assert!(a.overpayment >= 0);
    }

    #[test]
    fn every_account_number_is_valid_and_one_changed_digit_breaks_it(number in 0u64..10_000_000_000, pos in 0usize..26, delta in 1u8..10) {
        let nrb = nrb_for("10901014", "0000", number % 1_000_000_000_000).expect("an account");
        prop_assert!(models::validate::nrb(&nrb).is_ok());
        let mut digits: Vec<u8> = nrb.bytes().collect();
        digits[pos] = b'0' + (digits[pos] - b'0' + delta) % 10;
        let changed = String::from_utf8(digits).expect("ascii");
        prop_assert!(models::validate::nrb(&changed).is_err());
    }
}
