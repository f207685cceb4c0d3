//! Any text as pasted TXT records: the SPF syntax, lookups and verdicts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitecheck_core::addon::spf::validate_txt_records;

fuzz_target!(|bytes: &[u8]| {
    let _ = validate_txt_records(&String::from_utf8_lossy(bytes));
});
