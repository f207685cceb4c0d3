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

/// In JSON a text is written in the language the writer chose ([`written`]): English, the
/// language of the spec, unless a report asks for Swedish.
impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match current_writing() {
            Written::In(locale) => serializer.serialize_str(self.get(locale)),
            Written::Both => Bilingual::from(*self).serialize(serializer),
        }
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

/// How texts are written when serialised: in one language (a report, the CLI's JSON: English
/// unless a report asks for Swedish), or in both (the worker's answers, so the page can switch
/// language without running a check again).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    In(Locale),
    Both,
}

thread_local! {
    static WRITTEN: std::cell::Cell<Written> = const { std::cell::Cell::new(Written::In(Locale::En)) };
}

/// Runs `serialise` with texts written as `written`, then restores what was set before. Serde
/// has no way to hand a setting down to a field's `Serialize`, and every report is written on
/// one thread, so the setting is the thread's for the length of the call.
pub fn written<T>(written: Written, serialise: impl FnOnce() -> T) -> T {
    let before = WRITTEN.with(|cell| cell.replace(written));
    let result = serialise();
    WRITTEN.with(|cell| cell.set(before));
    result
}

/// The language texts are being written in; `Both` writes English where one text is wanted.
pub fn writing_language() -> Locale {
    match current_writing() {
        Written::In(locale) => locale,
        Written::Both => Locale::En,
    }
}

fn current_writing() -> Written {
    WRITTEN.with(std::cell::Cell::get)
}

/// A text made at run time (a verdict's evidence and advice, a problem with what was entered),
/// in both languages: the page switches language without running a check again, and a report is
/// written in either.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bilingual {
    pub en: String,
    pub sv: String,
}

impl Bilingual {
    pub fn new(en: impl Into<String>, sv: impl Into<String>) -> Bilingual {
        Bilingual { en: en.into(), sv: sv.into() }
    }

    /// A text written by a function of the language, once for each.
    pub fn each(say: impl Fn(Locale) -> String) -> Bilingual {
        Bilingual { en: say(Locale::En), sv: say(Locale::Sv) }
    }

    /// A text that reads the same in both languages: a name, an address, a quoted line.
    pub fn same(text: impl Into<String>) -> Bilingual {
        let text = text.into();
        Bilingual { sv: text.clone(), en: text }
    }

    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.en,
            Locale::Sv => &self.sv,
        }
    }

    /// Appends to both languages.
    pub fn push(&mut self, more: &Bilingual) {
        self.en.push_str(&more.en);
        self.sv.push_str(&more.sv);
    }

    /// Both languages joined by a separator each.
    pub fn join(parts: &[Bilingual], en_separator: &str, sv_separator: &str) -> Bilingual {
        Bilingual {
            en: parts.iter().map(|part| part.en.as_str()).collect::<Vec<_>>().join(en_separator),
            sv: parts.iter().map(|part| part.sv.as_str()).collect::<Vec<_>>().join(sv_separator),
        }
    }
}

impl From<Text> for Bilingual {
    fn from(text: Text) -> Bilingual {
        Bilingual::new(text.en, text.sv)
    }
}

/// `bilingual!("{count} lines", "{count} rader")`: both languages formatted with the same
/// variables.
#[macro_export]
macro_rules! bilingual {
    ($en:literal, $sv:literal $(,)?) => {
        $crate::locale::Bilingual::new(format!($en), format!($sv))
    };
}

impl Serialize for Bilingual {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match current_writing() {
            Written::In(locale) => serializer.serialize_str(self.get(locale)),
            Written::Both => {
                use serde::ser::SerializeStruct;
                let mut both = serializer.serialize_struct("Bilingual", 2)?;
                both.serialize_field("en", &self.en)?;
                both.serialize_field("sv", &self.sv)?;
                both.end()
            }
        }
    }
}

/// Reads either form: `{"en": …, "sv": …}` as the worker writes it, or one text, which then
/// stands for both languages.
impl<'de> Deserialize<'de> for Bilingual {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Bilingual, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Bilingual;
            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("a text, or {\"en\": …, \"sv\": …}")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Bilingual, E> {
                Ok(Bilingual::same(text))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Bilingual, A::Error> {
                let (mut en, mut sv) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "en" => en = Some(map.next_value()?),
                        "sv" => sv = Some(map.next_value()?),
                        _ => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                let en: String = en.ok_or_else(|| serde::de::Error::missing_field("en"))?;
                let sv = sv.ok_or_else(|| serde::de::Error::missing_field("sv"))?;
                Ok(Bilingual { en, sv })
            }
        }
        deserializer.deserialize_any(Visitor)
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
