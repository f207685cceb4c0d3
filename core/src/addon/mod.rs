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
/// line does not come back a megabyte long. In English; [`shortened_in_both`] says the length
/// in both languages.
pub(crate) fn shortened(text: &str) -> String {
    shortened_in_both(text).en
}

/// [`shortened`] in both languages: the text itself is the same, its length is said in each.
pub(crate) fn shortened_in_both(text: &str) -> crate::locale::Bilingual {
    const SHOWN: usize = 60;
    match text.char_indices().nth(SHOWN) {
        None => crate::locale::Bilingual::same(text),
        Some((end, _)) => {
            let (start, count) = (&text[..end], text.chars().count());
            crate::bilingual!("{start}… ({count} characters)", "{start}… ({count} tecken)")
        }
    }
}

/// What a person entered, shortened, in double quotes.
pub(crate) fn quoted(text: &str) -> crate::locale::Bilingual {
    let shortened = shortened_in_both(text);
    let (en, sv) = (&shortened.en, &shortened.sv);
    crate::bilingual!("\"{en}\"", "\"{sv}\"")
}
