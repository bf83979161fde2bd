//! The bank statement reader (CSV and MT940, the two a Polish bank gives a gmina): any
//! text is read or refused, never a panic; every credit read is a positive amount.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(statement) = server::taxes::bank::parse(text) {
        for credit in &statement.credits {
            assert!(credit.amount > 0, "a credit of {}", credit.amount);
        }
    }
});
