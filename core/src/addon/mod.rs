//! The files people prepare by hand for the add-ons of chapter 3 and for 2.4, checked before
//! they are sent: each validator reads text or bytes the caller supplies (no IO here) and
//! returns every finding, each with its requirement, section, verdict and line where there is
//! one. Today's date always comes from the caller.

pub(crate) mod calendar;
#[cfg(feature = "certificates")]
pub mod certificate;
pub mod encoding;
pub mod form;
pub mod ics;
pub mod numbers;
pub mod secret;
pub mod spf;
pub mod users;

/// What a person entered, quoted in evidence: at most 60 characters, so that a megabyte-long
/// line does not come back a megabyte long.
pub(crate) fn shortened(text: &str) -> String {
    const SHOWN: usize = 60;
    match text.char_indices().nth(SHOWN) {
        None => text.to_owned(),
        Some((end, _)) => format!("{}… ({} characters)", &text[..end], text.chars().count()),
    }
}
