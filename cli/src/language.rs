//! The language of everything the CLI writes: `--lang sv|en` on any command, English (the
//! language of v3.40) without it. Ids, slugs and JSON keys stay as they are; texts follow.

use sitecheck_core::locale::{Locale, UnknownLocale, Written, written};
use std::cell::Cell;

thread_local! {
    // Per thread: the tests run commands in-process, side by side.
    static LOCALE: Cell<Locale> = const { Cell::new(Locale::En) };
}

/// The language of this run.
pub fn locale() -> Locale {
    LOCALE.with(Cell::get)
}

/// Takes `--lang X` or `--lang=X` out of the arguments (anywhere after the command) and makes
/// it this run's language; the rest go to the command.
pub fn take(arguments: &[String]) -> Result<Vec<String>, UnknownLocale> {
    let mut rest = Vec::with_capacity(arguments.len());
    let mut locale = Locale::En;
    let mut words = arguments.iter();
    while let Some(word) = words.next() {
        if let Some(tag) = word.strip_prefix("--lang=") {
            locale = Locale::parse(tag)?;
        } else if word == "--lang" {
            locale = Locale::parse(words.next().map_or("", String::as_str))?;
        } else {
            rest.push(word.clone());
        }
    }
    LOCALE.with(|cell| cell.set(locale));
    Ok(rest)
}

/// Pretty JSON with its texts in this run's language.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    written(Written::In(locale()), || serde_json::to_string_pretty(value))
}

/// A heading or connecting word in this run's language.
pub fn say(en: &'static str, sv: &'static str) -> &'static str {
    match locale() {
        Locale::En => en,
        Locale::Sv => sv,
    }
}
