//! Any bytes as a list of phone numbers, in any encoding, read as each country would.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitecheck_core::addon::numbers::{Country, NumbersOptions, validate_numbers};
use sitecheck_core::units::Date;

fuzz_target!(|bytes: &[u8]| {
    // The first byte picks the country whose national formats are read.
    let Some((choice, rest)) = bytes.split_first() else { return };
    let country = Country::ALL[usize::from(*choice) % Country::ALL.len()];
    let options = NumbersOptions { country, ..NumbersOptions::default() };
    let _ = validate_numbers(rest, &options, Date::new(2026, 6, 1));
});
