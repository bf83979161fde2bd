//! Every CSV the office imports — pupils and guardians, the budget, the three public
//! registers, tax decisions — read from any text: refused with lines named, or read,
//! never a panic. A refusal names lines that exist.
#![no_main]

use libfuzzer_sys::fuzz_target;
use models::info::registers::Register;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let lines = text.matches(['\n', '\r']).count() + 1;
    let named = |line: usize| assert!(line <= lines + 1, "line {line} of {lines}");
    match which % 4 {
        0 => {
            if let Err(errors) = server::school::admin::file::parse(text) {
                errors.iter().for_each(|e| named(e.line));
            }
        }
        1 => {
            if let Err(errors) = server::info::budget::parse(text) {
                errors.iter().for_each(|e| named(e.line));
            }
        }
        2 => {
            let register = Register::ALL[usize::from(which / 4) % Register::ALL.len()];
            if let Err(errors) = server::info::registers::parse(register, text) {
                errors.iter().for_each(|e| named(e.line));
            }
        }
        _ => {
            if let Err(errors) = server::taxes::import::parse(text, 999_999) {
                errors.iter().for_each(|e| named(e.line));
            }
        }
    }
});
