//! The pabulib `.pb` parser, then both counting rules on whatever it accepts: no panic,
//! and what is chosen fits the budget and names each project once.
#![no_main]

use libfuzzer_sys::fuzz_target;
use models::pb::{Rule, parse, tally};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(election) = parse(text) else {
        return;
    };
    for rule in [Rule::Greedy, Rule::Mes] {
        let outcome = tally(&election, rule);
        let mut ids = outcome.selected.clone();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), outcome.selected.len(), "a project chosen twice");
        assert!(
            outcome.total_cost * 100 <= election.budget,
            "{rule:?} chose more than the budget"
        );
    }
});
