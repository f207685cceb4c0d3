//! Any text as the client secret's form: a creation day, a lifetime and today, read as the
//! page and the CLI read them, then judged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitecheck_core::addon::secret::{SecretInput, SecretLifetime, validate_client_secret};
use sitecheck_core::units::Date;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let mut parts = text.splitn(3, '\n');
    let (Some(created), Some(lifetime), Some(today)) = (parts.next(), parts.next(), parts.next()) else { return };
    let (Ok(created), Ok(lifetime), Ok(today)) =
        (created.parse::<Date>(), lifetime.parse::<SecretLifetime>(), today.parse::<Date>())
    else {
        return;
    };
    let _ = validate_client_secret(&SecretInput { created, lifetime }, today);
});
