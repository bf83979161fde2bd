//! The statement readers on the forms banks write.

use proptest::prelude::*;

use super::*;

fn nrb(n: u64) -> String {
    models::taxes::nrb_for("10901014", "0000", n).expect("nrb")
}

#[test]
fn mt940_with_tilde_subfields_reversals_and_plain_details() {
    let text = format!(
        ":20:X1\n:25:/PL{own}\n:28C:7/1\n:60F:C261130PLN0,00\n\
         :61:261201C12,50NTRF//REF1\n:86:020~20Opłata za od~21pady~27EWA~31{a}\n\
         :61:261201D3,00NTRF//FEE\n:86:prowizja\n\
         :61:261202RD1,00NTRF//REV\n\
         :61:261202C7,00NTRFNONREF\n:86:wpłata na {b} podatek\n\
         :62F:C261202PLN0,00\n-\n",
        own = nrb(9),
        a = nrb(1),
        b = nrb(2),
    );
    let s = parse(&text).expect("statement");
    assert_eq!(s.format, "mt940");
    assert_eq!(s.debits, 1);
    assert_eq!(s.credits.len(), 3);
    let first = &s.credits[0];
    assert_eq!((first.amount, first.reference.as_str()), (1250, "REF1"));
    assert_eq!(first.title, "Opłata za odpady");
    assert_eq!(first.payer, "EWA");
    assert_eq!(first.accounts, [nrb(1), nrb(9)]);
    // A reversal of a debit is money coming back: a credit.
    assert_eq!(
        (s.credits[1].amount, s.credits[1].reference.as_str()),
        (100, "REV")
    );
    // No reference of its own: the statement's, with its position; account from the text.
    assert_eq!(s.credits[2].reference, "X1/7/1/3");
    assert_eq!(s.credits[2].accounts[0], nrb(2));
    assert_eq!(s.credits[2].booked_on.to_string(), "2026-12-02");
}

#[test]
fn a_statement_that_is_neither_is_refused_with_its_line() {
    let e = parse("data;kwota\n2026-12-01;1,00\n").expect_err("no columns");
    assert_eq!(e[0].problem, Problem::MissingColumn("data_ksiegowania"));
    let text = ":20:X\n:25:/PL1\n:61:261301C1,00NTRF//A\n:62F:C0\n";
    let e = parse(text).expect_err("bad");
    assert!(e.iter().any(|x| x.line == 3), "{e:?}");
}

fn csv_field(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// Found by `cargo xtask fuzz` (bank_statement): a two-byte letter right after a
/// subfield separator cut a character in half and panicked the reader.
#[test]
fn a_letter_of_two_bytes_after_a_separator_is_text_not_a_panic() {
    let text = format!(
        ":20:X1\n:25:/PL{own}\n:28C:7/1\n:60F:C261130PLN0,00\n\
         :61:261201C12,50NTRF//REF1\n:86:020~2ȹpłaat~20Opłata~ł\n:62F:C261202PLN0,00\n-\n",
        own = nrb(9),
    );
    let s = parse(&text).expect("statement");
    assert_eq!(s.credits.len(), 1);
    assert_eq!(s.credits[0].title, "Opłata");
}

/// Found by `cargo xtask fuzz` (bank_statement): a two-byte letter inside the
/// transaction type (`NTRϽ`) panicked the reader; it is a malformed line.
#[test]
fn a_transaction_type_that_is_not_ascii_is_refused_with_its_line() {
    let text = format!(
        ":20:X1\n:25:/PL{own}\n:28C:7/1\n:60F:C261130PLN0,00\n\
         :61:261201C12,50NTRϽ8F//REF1\n:86:Opłata\n:62F:C261202PLN0,00\n-\n",
        own = nrb(9),
    );
    let errors = parse(&text).expect_err("refused");
    assert!(
        errors.iter().any(
            |e| e.line == 5 && e.problem == Problem::Mt940(":61: has no transaction type (N…)")
        ),
        "{errors:?}"
    );
}

proptest! {
    /// Whatever the titles and payers hold (delimiters, quotes, Polish letters), a CSV
    /// statement reads back the credits written into it, and the debits are counted.
    #[test]
    fn a_written_csv_statement_reads_back_exactly(
        rows in prop::collection::vec((1i64..100_000_000, 0u64..1000, "[a-zA-Złóż;\" ,]{0,30}", "[a-zA-Z ;\"]{0,20}", any::<bool>()), 1..30),
    ) {
        let mut text = String::from("data_ksiegowania;kwota;rachunek;nadawca;tytul;identyfikator\n");
        for (i, (amount, who, title, payer, debit)) in rows.iter().enumerate() {
            let sign = if *debit { "-" } else { "" };
            text.push_str(&format!(
                "16.03.2026;{sign}{},{:02};{};{};{};R{i}\n",
                amount / 100, amount % 100, nrb(*who), csv_field(payer), csv_field(title),
            ));
        }
        let s = parse(&text).expect("statement");
        let credits: Vec<_> = rows.iter().enumerate().filter(|(_, r)| !r.4).collect();
        prop_assert_eq!(s.credits.len(), credits.len());
        prop_assert_eq!(s.debits as usize, rows.len() - credits.len());
        for (c, (i, (amount, who, title, payer, _))) in s.credits.iter().zip(credits) {
            prop_assert_eq!(c.amount, *amount);
            prop_assert_eq!(&c.accounts, &vec![nrb(*who)]);
            prop_assert_eq!(&c.title, title.trim());
            prop_assert_eq!(&c.payer, payer.trim());
            prop_assert_eq!(&c.reference, &format!("R{i}"));
        }
    }
}
