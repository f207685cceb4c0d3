//! The languages sitecheck speaks: English, the language of v3.40, and Swedish, the language of
//! its customers. Swedish texts live beside the English tables they translate
//! (`spec/swedish.rs` for the catalogue) and are looked up by the English row's id.

use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// The language of the specification.
    #[default]
    En,
    Sv,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("sitecheck speaks sv (Swedish) or en (English), not \"{0}\"")]
pub struct UnknownLocale(pub String);

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Sv];

    /// The language tag's primary subtag: "en", "sv".
    pub const fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Sv => "sv",
        }
    }

    /// Reads a language tag by its primary subtag: "sv", "sv-SE", "SV_fi" and "en-GB" are
    /// known; anything else is an error naming it.
    pub fn parse(tag: &str) -> Result<Locale, UnknownLocale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        Locale::ALL
            .into_iter()
            .find(|locale| locale.code() == primary)
            .ok_or_else(|| UnknownLocale(tag.trim().to_owned()))
    }

    /// A figure as this language writes decimals: "1.6 kbit/s" in English, "1,6 kbit/s" in
    /// Swedish.
    pub fn decimals(self, figure: &str) -> String {
        match self {
            Locale::En => figure.to_owned(),
            Locale::Sv => figure.replace('.', ","),
        }
    }

    /// The first language of a preference list (a browser's `navigator.languages`) that
    /// sitecheck speaks; English when none is.
    pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> Locale {
        tags.into_iter().find_map(|tag| Locale::parse(tag).ok()).unwrap_or_default()
    }
}

impl std::str::FromStr for Locale {
    type Err = UnknownLocale;

    fn from_str(tag: &str) -> Result<Locale, UnknownLocale> {
        Locale::parse(tag)
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A text in both languages, for short labels kept in `const` tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub sv: &'static str,
}

/// In JSON a text is its English, the language of the spec the JSON is read against.
impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.en)
    }
}

impl Text {
    pub const fn get(self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.en,
            Locale::Sv => self.sv,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_by_their_primary_subtag() {
        let check =
            |tag: &str, expected: Result<Locale, UnknownLocale>| assert_eq!(Locale::parse(tag), expected, "{tag}");
        check("sv", Ok(Locale::Sv));
        check("sv-SE", Ok(Locale::Sv));
        check(" SV_fi ", Ok(Locale::Sv));
        check("en-GB", Ok(Locale::En));
        check("de", Err(UnknownLocale("de".into())));
        check("", Err(UnknownLocale(String::new())));
        assert_eq!(UnknownLocale("de".into()).to_string(), "sitecheck speaks sv (Swedish) or en (English), not \"de\"");
    }

    #[test]
    fn the_first_spoken_preference_wins() {
        let check =
            |tags: &[&str], expected: Locale| assert_eq!(Locale::preferred(tags.iter().copied()), expected, "{tags:?}");
        check(&["sv-SE", "en-US"], Locale::Sv);
        check(&["de-DE", "sv", "en"], Locale::Sv);
        check(&["nb-NO", "en-GB", "sv"], Locale::En);
        check(&["fi"], Locale::En);
        check(&[], Locale::En);
    }
}
