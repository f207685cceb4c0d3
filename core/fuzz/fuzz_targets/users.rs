//! Any bytes as an AD user file: decoding, CSV or LDIF (detected, or forced by the first byte),
//! both directions, with a mapping.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitecheck_core::addon::numbers::Integration;
use sitecheck_core::addon::users::{ColumnMapping, Direction, FileFormat, UsersOptions, validate_users};
use sitecheck_core::units::Date;

fuzz_target!(|bytes: &[u8]| {
    let Some((choice, rest)) = bytes.split_first() else { return };
    let format = match choice % 3 {
        0 => None,
        1 => Some(FileFormat::Csv),
        _ => Some(FileFormat::Ldif),
    };
    let direction = if choice & 4 == 0 { Direction::Import } else { Direction::Export };
    let integration = if choice & 8 == 0 { None } else { Some(Integration::Teams) };
    let mapping = if choice & 16 == 0 { Vec::new() } else { vec!["Cell=mobile".parse::<ColumnMapping>().unwrap()] };
    let options = UsersOptions { direction, integration, mapping, format, ..UsersOptions::default() };
    let _ = validate_users(rest, &options, Date::new(2026, 6, 1));
});
