//! Phone numbers in E.164 form (3.2.2 and 3.3: users' numbers in Active Directory start with +
//! and the country code, "for example +468123456"), and the national forms people write
//! instead, with the E.164 form each one stands for.
//!
//! E.164 here is what the spec asks of a number in AD: a +, an assigned country calling code,
//! the national significant number, at most 15 digits in all, nothing else (no spaces, no
//! hyphens, no "(0)"). The country calling codes are ITU-T's list, kept below as a table; the
//! national rules (trunk prefix, usual lengths) are kept for the Nordic countries and a few
//! neighbours, Sweden by default. A full numbering-plan library would be exact about every
//! country's ranges but costs far more wasm than the page may spend; what is not known here is
//! not judged (an unknown country's length is not questioned).

use crate::bilingual;
use crate::locale::{Bilingual, Locale, Text};
use crate::requirement::RequirementId;
use crate::requirement_id;
use crate::units::Date;
use crate::verdict::{Finding, Verdict};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use thiserror::Error;

use super::encoding::{DecodeError, Mixed, TextEncoding, decode, lines};

/// The spec's own example of a number in E.164 form (3.2.2 and 3.3).
pub const SPEC_EXAMPLE: &str = "+468123456";

/// ITU-T E.164: at most 15 digits, country code included.
pub const E164_MAX_DIGITS: usize = 15;

/// One assigned country calling code of ITU-T E.164 (its list of assigned country codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CountryCallingCode {
    /// The digits, without the +.
    pub code: &'static str,
    /// The country, countries or service the code is assigned to.
    pub name: &'static str,
    /// The same in Swedish.
    #[serde(skip)]
    pub name_sv: &'static str,
}

impl CountryCallingCode {
    pub const fn name_text(&self) -> Text {
        Text { en: self.name, sv: self.name_sv }
    }
}

const fn cc(code: &'static str, name: &'static str, name_sv: &'static str) -> CountryCallingCode {
    CountryCallingCode { code, name, name_sv }
}

/// Every country calling code ITU-T has assigned, sorted as text, so that a lookup is a binary
/// search and a test can hold the list prefix-free (no code begins another, which is what lets
/// a number be read without separators). Codes that are only reserved or spare are left out:
/// 379 (reserved for Vatican City, which uses +39), 388, 875–877, 879 and the rest; so are codes
/// withdrawn from use (+871 to +874 Inmarsat, +969, and +671 and +684, now part of +1).
pub const COUNTRY_CALLING_CODES: &[CountryCallingCode] = &[
    cc(
        "1",
        "North American Numbering Plan (United States, Canada and Caribbean countries)",
        "Nordamerikanska nummerplanen (USA, Kanada och länder i Karibien)",
    ),
    cc("20", "Egypt", "Egypten"),
    cc("211", "South Sudan", "Sydsudan"),
    cc("212", "Morocco", "Marocko"),
    cc("213", "Algeria", "Algeriet"),
    cc("216", "Tunisia", "Tunisien"),
    cc("218", "Libya", "Libyen"),
    cc("220", "Gambia", "Gambia"),
    cc("221", "Senegal", "Senegal"),
    cc("222", "Mauritania", "Mauretanien"),
    cc("223", "Mali", "Mali"),
    cc("224", "Guinea", "Guinea"),
    cc("225", "Côte d'Ivoire", "Elfenbenskusten"),
    cc("226", "Burkina Faso", "Burkina Faso"),
    cc("227", "Niger", "Niger"),
    cc("228", "Togo", "Togo"),
    cc("229", "Benin", "Benin"),
    cc("230", "Mauritius", "Mauritius"),
    cc("231", "Liberia", "Liberia"),
    cc("232", "Sierra Leone", "Sierra Leone"),
    cc("233", "Ghana", "Ghana"),
    cc("234", "Nigeria", "Nigeria"),
    cc("235", "Chad", "Tchad"),
    cc("236", "Central African Republic", "Centralafrikanska republiken"),
    cc("237", "Cameroon", "Kamerun"),
    cc("238", "Cabo Verde", "Kap Verde"),
    cc("239", "Sao Tome and Principe", "São Tomé och Príncipe"),
    cc("240", "Equatorial Guinea", "Ekvatorialguinea"),
    cc("241", "Gabon", "Gabon"),
    cc("242", "Congo", "Kongo"),
    cc("243", "Democratic Republic of the Congo", "Demokratiska republiken Kongo"),
    cc("244", "Angola", "Angola"),
    cc("245", "Guinea-Bissau", "Guinea-Bissau"),
    cc("246", "Diego Garcia", "Diego Garcia"),
    cc("247", "Ascension", "Ascension"),
    cc("248", "Seychelles", "Seychellerna"),
    cc("249", "Sudan", "Sudan"),
    cc("250", "Rwanda", "Rwanda"),
    cc("251", "Ethiopia", "Etiopien"),
    cc("252", "Somalia", "Somalia"),
    cc("253", "Djibouti", "Djibouti"),
    cc("254", "Kenya", "Kenya"),
    cc("255", "Tanzania", "Tanzania"),
    cc("256", "Uganda", "Uganda"),
    cc("257", "Burundi", "Burundi"),
    cc("258", "Mozambique", "Moçambique"),
    cc("260", "Zambia", "Zambia"),
    cc("261", "Madagascar", "Madagaskar"),
    cc("262", "Réunion and Mayotte", "Réunion och Mayotte"),
    cc("263", "Zimbabwe", "Zimbabwe"),
    cc("264", "Namibia", "Namibia"),
    cc("265", "Malawi", "Malawi"),
    cc("266", "Lesotho", "Lesotho"),
    cc("267", "Botswana", "Botswana"),
    cc("268", "Eswatini", "Eswatini"),
    cc("269", "Comoros", "Komorerna"),
    cc("27", "South Africa", "Sydafrika"),
    cc("290", "Saint Helena, Ascension and Tristan da Cunha", "Sankt Helena, Ascension och Tristan da Cunha"),
    cc("291", "Eritrea", "Eritrea"),
    cc("297", "Aruba", "Aruba"),
    cc("298", "Faroe Islands", "Färöarna"),
    cc("299", "Greenland", "Grönland"),
    cc("30", "Greece", "Grekland"),
    cc("31", "Netherlands", "Nederländerna"),
    cc("32", "Belgium", "Belgien"),
    cc("33", "France", "Frankrike"),
    cc("34", "Spain", "Spanien"),
    cc("350", "Gibraltar", "Gibraltar"),
    cc("351", "Portugal", "Portugal"),
    cc("352", "Luxembourg", "Luxemburg"),
    cc("353", "Ireland", "Irland"),
    cc("354", "Iceland", "Island"),
    cc("355", "Albania", "Albanien"),
    cc("356", "Malta", "Malta"),
    cc("357", "Cyprus", "Cypern"),
    cc("358", "Finland (and Åland)", "Finland (och Åland)"),
    cc("359", "Bulgaria", "Bulgarien"),
    cc("36", "Hungary", "Ungern"),
    cc("370", "Lithuania", "Litauen"),
    cc("371", "Latvia", "Lettland"),
    cc("372", "Estonia", "Estland"),
    cc("373", "Moldova", "Moldavien"),
    cc("374", "Armenia", "Armenien"),
    cc("375", "Belarus", "Belarus"),
    cc("376", "Andorra", "Andorra"),
    cc("377", "Monaco", "Monaco"),
    cc("378", "San Marino", "San Marino"),
    cc("380", "Ukraine", "Ukraina"),
    cc("381", "Serbia", "Serbien"),
    cc("382", "Montenegro", "Montenegro"),
    cc("383", "Kosovo", "Kosovo"),
    cc("385", "Croatia", "Kroatien"),
    cc("386", "Slovenia", "Slovenien"),
    cc("387", "Bosnia and Herzegovina", "Bosnien och Hercegovina"),
    cc("389", "North Macedonia", "Nordmakedonien"),
    cc("39", "Italy (and Vatican City)", "Italien (och Vatikanstaten)"),
    cc("40", "Romania", "Rumänien"),
    cc("41", "Switzerland", "Schweiz"),
    cc("420", "Czech Republic", "Tjeckien"),
    cc("421", "Slovakia", "Slovakien"),
    cc("423", "Liechtenstein", "Liechtenstein"),
    cc("43", "Austria", "Österrike"),
    cc("44", "United Kingdom", "Storbritannien"),
    cc("45", "Denmark", "Danmark"),
    cc("46", "Sweden", "Sverige"),
    cc("47", "Norway", "Norge"),
    cc("48", "Poland", "Polen"),
    cc("49", "Germany", "Tyskland"),
    cc("500", "Falkland Islands", "Falklandsöarna"),
    cc("501", "Belize", "Belize"),
    cc("502", "Guatemala", "Guatemala"),
    cc("503", "El Salvador", "El Salvador"),
    cc("504", "Honduras", "Honduras"),
    cc("505", "Nicaragua", "Nicaragua"),
    cc("506", "Costa Rica", "Costa Rica"),
    cc("507", "Panama", "Panama"),
    cc("508", "Saint Pierre and Miquelon", "Saint-Pierre och Miquelon"),
    cc("509", "Haiti", "Haiti"),
    cc("51", "Peru", "Peru"),
    cc("52", "Mexico", "Mexiko"),
    cc("53", "Cuba", "Kuba"),
    cc("54", "Argentina", "Argentina"),
    cc("55", "Brazil", "Brasilien"),
    cc("56", "Chile", "Chile"),
    cc("57", "Colombia", "Colombia"),
    cc("58", "Venezuela", "Venezuela"),
    cc("590", "Guadeloupe, Saint Barthélemy and Saint Martin", "Guadeloupe, Saint-Barthélemy och Saint-Martin"),
    cc("591", "Bolivia", "Bolivia"),
    cc("592", "Guyana", "Guyana"),
    cc("593", "Ecuador", "Ecuador"),
    cc("594", "French Guiana", "Franska Guyana"),
    cc("595", "Paraguay", "Paraguay"),
    cc("596", "Martinique", "Martinique"),
    cc("597", "Suriname", "Surinam"),
    cc("598", "Uruguay", "Uruguay"),
    cc("599", "Curaçao, Bonaire, Sint Eustatius and Saba", "Curaçao, Bonaire, Sint Eustatius och Saba"),
    cc("60", "Malaysia", "Malaysia"),
    cc("61", "Australia", "Australien"),
    cc("62", "Indonesia", "Indonesien"),
    cc("63", "Philippines", "Filippinerna"),
    cc("64", "New Zealand", "Nya Zeeland"),
    cc("65", "Singapore", "Singapore"),
    cc("66", "Thailand", "Thailand"),
    cc("670", "Timor-Leste", "Östtimor"),
    cc("672", "Australian External Territories", "Australiens yttre territorier"),
    cc("673", "Brunei Darussalam", "Brunei"),
    cc("674", "Nauru", "Nauru"),
    cc("675", "Papua New Guinea", "Papua Nya Guinea"),
    cc("676", "Tonga", "Tonga"),
    cc("677", "Solomon Islands", "Salomonöarna"),
    cc("678", "Vanuatu", "Vanuatu"),
    cc("679", "Fiji", "Fiji"),
    cc("680", "Palau", "Palau"),
    cc("681", "Wallis and Futuna", "Wallis och Futuna"),
    cc("682", "Cook Islands", "Cooköarna"),
    cc("683", "Niue", "Niue"),
    cc("685", "Samoa", "Samoa"),
    cc("686", "Kiribati", "Kiribati"),
    cc("687", "New Caledonia", "Nya Kaledonien"),
    cc("688", "Tuvalu", "Tuvalu"),
    cc("689", "French Polynesia", "Franska Polynesien"),
    cc("690", "Tokelau", "Tokelau"),
    cc("691", "Micronesia", "Mikronesien"),
    cc("692", "Marshall Islands", "Marshallöarna"),
    cc("7", "Russia and Kazakhstan", "Ryssland och Kazakstan"),
    cc("800", "International Freephone Service", "Internationella frisamtalstjänsten"),
    cc("808", "International Shared Cost Service", "Internationella tjänsten för delad kostnad"),
    cc("81", "Japan", "Japan"),
    cc("82", "Korea (Republic of)", "Sydkorea (Republiken Korea)"),
    cc("84", "Viet Nam", "Vietnam"),
    cc("850", "Democratic People's Republic of Korea", "Nordkorea (Demokratiska folkrepubliken Korea)"),
    cc("852", "Hong Kong, China", "Hongkong, Kina"),
    cc("853", "Macao, China", "Macao, Kina"),
    cc("855", "Cambodia", "Kambodja"),
    cc("856", "Lao People's Democratic Republic", "Laos"),
    cc("86", "China", "Kina"),
    cc("870", "Inmarsat single network access code", "Inmarsat, gemensam accesskod"),
    cc("878", "Universal Personal Telecommunication Service", "Universell personlig telekommunikationstjänst (UPT)"),
    cc("880", "Bangladesh", "Bangladesh"),
    cc("881", "Global Mobile Satellite System", "Globalt mobilt satellitsystem (GMSS)"),
    cc("882", "International Networks", "Internationella nät"),
    cc("883", "International Networks", "Internationella nät"),
    cc("886", "Taiwan, China", "Taiwan, Kina"),
    cc("888", "Telecommunications for Disaster Relief (OCHA)", "Telekommunikation för katastrofhjälp (OCHA)"),
    cc("90", "Türkiye", "Turkiet"),
    cc("91", "India", "Indien"),
    cc("92", "Pakistan", "Pakistan"),
    cc("93", "Afghanistan", "Afghanistan"),
    cc("94", "Sri Lanka", "Sri Lanka"),
    cc("95", "Myanmar", "Myanmar"),
    cc("960", "Maldives", "Maldiverna"),
    cc("961", "Lebanon", "Libanon"),
    cc("962", "Jordan", "Jordanien"),
    cc("963", "Syria", "Syrien"),
    cc("964", "Iraq", "Irak"),
    cc("965", "Kuwait", "Kuwait"),
    cc("966", "Saudi Arabia", "Saudiarabien"),
    cc("967", "Yemen", "Jemen"),
    cc("968", "Oman", "Oman"),
    cc("970", "Palestine", "Palestina"),
    cc("971", "United Arab Emirates", "Förenade Arabemiraten"),
    cc("972", "Israel", "Israel"),
    cc("973", "Bahrain", "Bahrain"),
    cc("974", "Qatar", "Qatar"),
    cc("975", "Bhutan", "Bhutan"),
    cc("976", "Mongolia", "Mongoliet"),
    cc("977", "Nepal", "Nepal"),
    cc("979", "International Premium Rate Service", "Internationella betalnummertjänsten"),
    cc("98", "Iran", "Iran"),
    cc(
        "991",
        "International Telecommunications Public Correspondence Service trial",
        "Försök med internationell allmän korrespondenstjänst",
    ),
    cc("992", "Tajikistan", "Tadzjikistan"),
    cc("993", "Turkmenistan", "Turkmenistan"),
    cc("994", "Azerbaijan", "Azerbajdzjan"),
    cc("995", "Georgia", "Georgien"),
    cc("996", "Kyrgyzstan", "Kirgizistan"),
    // Assigned to Kazakhstan, which moves its numbers from +7 over several years.
    cc("997", "Kazakhstan", "Kazakstan"),
    cc("998", "Uzbekistan", "Uzbekistan"),
];

/// The assigned country calling code a run of digits begins with.
pub fn country_calling_code(digits: &str) -> Option<&'static CountryCallingCode> {
    (1..=3).find_map(|length| {
        let prefix = digits.get(..length)?;
        let index = COUNTRY_CALLING_CODES.binary_search_by(|entry| entry.code.cmp(prefix)).ok()?;
        Some(&COUNTRY_CALLING_CODES[index])
    })
}

/// The countries whose national formats are read here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Country {
    #[default]
    Sweden,
    Norway,
    Denmark,
    Finland,
    Iceland,
    FaroeIslands,
    Greenland,
    Estonia,
    Latvia,
    Poland,
    Germany,
    Netherlands,
    France,
    UnitedKingdom,
}

/// How a country writes its numbers at home, as far as turning them into E.164 needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NumberingPlan {
    #[serde(skip)]
    pub country: Country,
    /// ISO 3166 alpha-2, the name the CLI and the page select it by.
    pub iso: &'static str,
    pub name: &'static str,
    /// "Swedish", for "the Swedish national format".
    pub adjective: &'static str,
    /// The country's name in Swedish ("Sverige").
    #[serde(skip)]
    pub name_sv: &'static str,
    /// The Swedish adjective's stem ("svensk"): "svenskt" before a neuter noun, "svenska" in
    /// the plural and the definite form (every one of them is regular).
    #[serde(skip)]
    pub adjective_sv: &'static str,
    pub calling_code: &'static str,
    /// The digit dialled before the area code at home and dropped after the country code
    /// ("08-123 45 67" is +468 1234567); None where the plan has none (Norway, Denmark, …),
    /// so a national number there is the national significant number itself.
    pub trunk_prefix: Option<char>,
    /// Dialled before a country code from this country; "0046" is +46.
    pub international_prefix: &'static str,
    /// The usual lengths of the national significant number (after the country code), for a
    /// warning, not a failure: a number outside them may be a special one.
    pub national_digits: (u8, u8),
}

const fn plan(
    country: Country,
    iso: &'static str,
    (name, name_sv): (&'static str, &'static str),
    (adjective, adjective_sv): (&'static str, &'static str),
    calling_code: &'static str,
    trunk_prefix: Option<char>,
    national_digits: (u8, u8),
) -> NumberingPlan {
    NumberingPlan {
        country,
        iso,
        name,
        adjective,
        name_sv,
        adjective_sv,
        calling_code,
        trunk_prefix,
        international_prefix: "00",
        national_digits,
    }
}

/// The national plans, from the regulators' numbering plans. Swedish numbers have 7 to 9
/// digits after +46 (mobile 9), machine-to-machine ranges up to 12; Norway, Denmark, Iceland,
/// the Faroes, Greenland, Estonia, Latvia and Poland have closed plans without a trunk prefix.
pub const NUMBERING_PLANS: &[NumberingPlan] = &[
    plan(Country::Sweden, "SE", ("Sweden", "Sverige"), ("Swedish", "svensk"), "46", Some('0'), (7, 12)),
    plan(Country::Norway, "NO", ("Norway", "Norge"), ("Norwegian", "norsk"), "47", None, (8, 12)),
    plan(Country::Denmark, "DK", ("Denmark", "Danmark"), ("Danish", "dansk"), "45", None, (8, 8)),
    plan(Country::Finland, "FI", ("Finland", "Finland"), ("Finnish", "finsk"), "358", Some('0'), (5, 12)),
    plan(Country::Iceland, "IS", ("Iceland", "Island"), ("Icelandic", "isländsk"), "354", None, (7, 9)),
    plan(Country::FaroeIslands, "FO", ("the Faroe Islands", "Färöarna"), ("Faroese", "färöisk"), "298", None, (6, 6)),
    plan(Country::Greenland, "GL", ("Greenland", "Grönland"), ("Greenlandic", "grönländsk"), "299", None, (6, 6)),
    plan(Country::Estonia, "EE", ("Estonia", "Estland"), ("Estonian", "estnisk"), "372", None, (7, 10)),
    plan(Country::Latvia, "LV", ("Latvia", "Lettland"), ("Latvian", "lettisk"), "371", None, (8, 8)),
    plan(Country::Poland, "PL", ("Poland", "Polen"), ("Polish", "polsk"), "48", None, (9, 9)),
    plan(Country::Germany, "DE", ("Germany", "Tyskland"), ("German", "tysk"), "49", Some('0'), (6, 13)),
    plan(
        Country::Netherlands,
        "NL",
        ("the Netherlands", "Nederländerna"),
        ("Dutch", "nederländsk"),
        "31",
        Some('0'),
        (9, 9),
    ),
    plan(Country::France, "FR", ("France", "Frankrike"), ("French", "fransk"), "33", Some('0'), (9, 9)),
    plan(
        Country::UnitedKingdom,
        "GB",
        ("the United Kingdom", "Storbritannien"),
        ("British", "brittisk"),
        "44",
        Some('0'),
        (7, 10),
    ),
];

impl NumberingPlan {
    /// The country's name in a language ("Sweden", "Sverige").
    pub const fn name_text(&self) -> Text {
        Text { en: self.name, sv: self.name_sv }
    }

    /// "svenskt" of "svenskt nationellt format".
    fn neuter_sv(&self) -> String {
        format!("{}t", self.adjective_sv)
    }

    /// "svenska" of "svenska nummer" and "det svenska nationella prefixet".
    fn plural_sv(&self) -> String {
        format!("{}a", self.adjective_sv)
    }
}

impl Country {
    pub const ALL: &'static [Country] = &[
        Country::Sweden,
        Country::Norway,
        Country::Denmark,
        Country::Finland,
        Country::Iceland,
        Country::FaroeIslands,
        Country::Greenland,
        Country::Estonia,
        Country::Latvia,
        Country::Poland,
        Country::Germany,
        Country::Netherlands,
        Country::France,
        Country::UnitedKingdom,
    ];

    pub fn plan(self) -> &'static NumberingPlan {
        // A test holds every country to exactly one plan.
        NUMBERING_PLANS.iter().find(|plan| plan.country == self).unwrap_or(&NUMBERING_PLANS[0])
    }

    pub fn iso(self) -> &'static str {
        self.plan().iso
    }
}

/// The plan a country calling code belongs to, where one is kept here.
fn plan_of(calling_code: &str) -> Option<&'static NumberingPlan> {
    NUMBERING_PLANS.iter().find(|plan| plan.calling_code == calling_code)
}

/// A country the national formats are not kept for.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("\"{0}\" is not a country whose numbers are read here; choose one of {list}", list = Country::ALL.iter().map(|country| country.iso()).collect::<Vec<_>>().join(", "))]
pub struct UnknownCountry(pub String);

impl UnknownCountry {
    pub fn message_in(&self, locale: Locale) -> String {
        match locale {
            Locale::En => self.to_string(),
            Locale::Sv => {
                let list = Country::ALL.iter().map(|country| country.iso()).collect::<Vec<_>>().join(", ");
                format!("\"{}\" är inte ett land vars nummer läses här; välj ett av {list}", self.0)
            }
        }
    }
}

impl FromStr for Country {
    type Err = UnknownCountry;

    fn from_str(text: &str) -> Result<Country, UnknownCountry> {
        let text = text.trim();
        Country::ALL
            .iter()
            .copied()
            .find(|country| country.iso().eq_ignore_ascii_case(text))
            .ok_or_else(|| UnknownCountry(text.to_owned()))
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.iso())
    }
}

impl Serialize for Country {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.iso())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Country, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A phone number in E.164 form: + and at most 15 digits, beginning with an assigned country
/// calling code. Kept inline (no allocation), so a file of 100 000 numbers costs no more than
/// its text.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct E164 {
    digits: [u8; E164_MAX_DIGITS],
    length: u8,
    code_length: u8,
}

/// Why a text is not a number in E.164 form.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum E164Error {
    #[error("it is empty")]
    Empty,
    #[error("it does not start with + and the country code")]
    NoPlus,
    #[error("it has a separator ('{0}'); E.164 is + and digits only")]
    Separator(char),
    #[error("'{0}' is not a digit")]
    NotADigit(char),
    #[error("there are no digits after the +")]
    NoDigits,
    #[error("no country calling code starts with 0")]
    CountryCodeZero,
    #[error("+{0}… begins with no assigned country calling code")]
    UnknownCountryCode(String),
    #[error("there is no number after the country code +{0}")]
    NoNationalNumber(&'static str),
    #[error("it has {0} digits; E.164 allows at most 15, country code included")]
    TooLong(usize),
}

impl E164Error {
    /// The reason in a language; `Display` is the English.
    pub fn message_in(&self, locale: Locale) -> String {
        if locale == Locale::En {
            return self.to_string();
        }
        match self {
            E164Error::Empty => "det är tomt".to_owned(),
            E164Error::NoPlus => "det börjar inte med + och landskoden".to_owned(),
            E164Error::Separator(character) => {
                format!("det har en avgränsare ('{character}'); E.164 är bara + och siffror")
            }
            E164Error::NotADigit(character) => format!("'{character}' är inte en siffra"),
            E164Error::NoDigits => "det finns inga siffror efter +".to_owned(),
            E164Error::CountryCodeZero => "ingen landskod börjar med 0".to_owned(),
            E164Error::UnknownCountryCode(digits) => format!("+{digits}… börjar inte med någon tilldelad landskod"),
            E164Error::NoNationalNumber(code) => format!("det finns inget nummer efter landskoden +{code}"),
            E164Error::TooLong(digits) => {
                format!("det har {digits} siffror; E.164 tillåter högst 15, landskoden inräknad")
            }
        }
    }

    pub fn text(&self) -> Bilingual {
        Bilingual::each(|locale| self.message_in(locale))
    }
}

/// Spaces, hyphens, dashes, dots, slashes and brackets people and spreadsheets put in numbers;
/// the no-break and thin spaces come from pasted web pages and Excel's number formats.
fn is_separator(character: char) -> bool {
    matches!(
        character,
        ' ' | '\t'
            | '\u{A0}'
            | '\u{2009}'
            | '\u{202F}'
            | '-'
            | '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2212}'
            | '.'
            | '/'
            | '('
            | ')'
    )
}

impl E164 {
    /// The strict form: exactly what the spec asks for in AD, nothing to tidy.
    pub fn parse(text: &str) -> Result<E164, E164Error> {
        let Some(rest) = text.strip_prefix('+') else {
            return Err(match text.chars().next() {
                None => E164Error::Empty,
                Some(character) if is_separator(character) => E164Error::Separator(character),
                _ => E164Error::NoPlus,
            });
        };
        if let Some(character) = rest.chars().find(|character| !character.is_ascii_digit()) {
            return Err(if is_separator(character) {
                E164Error::Separator(character)
            } else {
                E164Error::NotADigit(character)
            });
        }
        E164::from_digits(rest)
    }

    /// Digits after the +, already known to be ASCII digits.
    fn from_digits(digits: &str) -> Result<E164, E164Error> {
        if digits.is_empty() {
            return Err(E164Error::NoDigits);
        }
        if digits.starts_with('0') {
            return Err(E164Error::CountryCodeZero);
        }
        let code = country_calling_code(digits)
            .ok_or_else(|| E164Error::UnknownCountryCode(digits.chars().take(3).collect::<String>()))?;
        if digits.len() > E164_MAX_DIGITS {
            return Err(E164Error::TooLong(digits.len()));
        }
        if digits.len() == code.code.len() {
            return Err(E164Error::NoNationalNumber(code.code));
        }
        let mut number =
            E164 { digits: [0; E164_MAX_DIGITS], length: digits.len() as u8, code_length: code.code.len() as u8 };
        number.digits[..digits.len()].copy_from_slice(digits.as_bytes());
        Ok(number)
    }

    /// The digits after the +.
    pub fn digits(&self) -> &str {
        // Only ASCII digits are ever stored.
        std::str::from_utf8(&self.digits[..usize::from(self.length)]).unwrap_or_default()
    }

    pub fn country_code(&self) -> &'static CountryCallingCode {
        // Checked on the way in, with its length kept: one exact search.
        let code = &self.digits()[..usize::from(self.code_length)];
        COUNTRY_CALLING_CODES
            .binary_search_by(|entry| entry.code.cmp(code))
            .map_or(&COUNTRY_CALLING_CODES[0], |index| &COUNTRY_CALLING_CODES[index])
    }

    /// The national significant number: the digits after the country code.
    pub fn national_number(&self) -> &str {
        &self.digits()[usize::from(self.code_length)..]
    }

    /// A number whose national part begins with its country's trunk prefix ("+46 08…"): valid
    /// digits, but no such number exists; the number without the prefix is meant.
    pub fn without_trunk_prefix(&self) -> Option<E164> {
        let plan = plan_of(self.country_code().code)?;
        let trunk = plan.trunk_prefix?;
        let national = self.national_number().strip_prefix(trunk)?;
        E164::from_digits(&format!("{}{national}", plan.calling_code)).ok()
    }

    /// Where this country's usual lengths are known and the number is outside them.
    pub fn unusual_length(&self) -> Option<LengthNote> {
        let plan = plan_of(self.country_code().code)?;
        let digits = self.national_number().len();
        let (shortest, longest) = plan.national_digits;
        (digits < usize::from(shortest) || digits > usize::from(longest))
            .then_some(LengthNote { country: plan.country, digits })
    }
}

impl fmt::Display for E164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "+{}", self.digits())
    }
}

impl fmt::Debug for E164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "E164({self})")
    }
}

impl FromStr for E164 {
    type Err = E164Error;

    fn from_str(text: &str) -> Result<E164, E164Error> {
        E164::parse(text)
    }
}

impl Serialize for E164 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A number of a country with known lengths that has fewer or more digits than usual.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LengthNote {
    pub country: Country,
    /// Digits after the country code.
    pub digits: usize,
}

impl LengthNote {
    /// "Swedish numbers have 7 to 12 digits after +46; this one has 6", in both languages.
    pub fn text(&self) -> Bilingual {
        let plan = self.country.plan();
        let (en_usual, sv_usual) =
            (describe_range(plan.national_digits, "to"), describe_range(plan.national_digits, "till"));
        let (adjective, plural_sv, code, digits) = (plan.adjective, plan.plural_sv(), plan.calling_code, self.digits);
        bilingual!(
            "{adjective} numbers have {en_usual} digits after +{code}; this one has {digits}",
            "{plural_sv} nummer har {sv_usual} siffror efter +{code}; det här har {digits}"
        )
    }
}

impl fmt::Display for LengthNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

/// What was changed to turn a written number into E.164, one flag each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fix {
    /// "tel:+46…", a link rather than a number.
    TelScheme,
    /// Spaces, hyphens, dots, slashes or brackets.
    Separators,
    /// "00" dialled before the country code instead of +.
    InternationalPrefix,
    /// "+46 (0)8…": the trunk prefix in brackets after the country code.
    BracketedTrunkPrefix,
    /// "+46 08…": the trunk prefix after the country code.
    TrunkPrefixAfterCountryCode,
    /// "08-123 45 67": the national format with its trunk prefix.
    NationalFormat,
    /// "12 34 56 78" in a country without a trunk prefix: the national number alone.
    NationalNumber,
}

impl Fix {
    pub const ALL: &'static [Fix] = &[
        Fix::TelScheme,
        Fix::Separators,
        Fix::InternationalPrefix,
        Fix::BracketedTrunkPrefix,
        Fix::TrunkPrefixAfterCountryCode,
        Fix::NationalFormat,
        Fix::NationalNumber,
    ];

    fn describe(self, plan: &NumberingPlan) -> Bilingual {
        let (adjective, neuter_sv) = (plan.adjective, plan.neuter_sv());
        match self {
            Fix::TelScheme => Bilingual::new("it is a tel: link", "det är en tel:-länk"),
            Fix::Separators => Bilingual::new("it has spaces or separators", "det har mellanslag eller avgränsare"),
            Fix::InternationalPrefix => {
                let prefix = plan.international_prefix;
                bilingual!("it begins with {prefix} instead of +", "det börjar med {prefix} i stället för +")
            }
            Fix::BracketedTrunkPrefix => {
                Bilingual::new("it has \"(0)\" after the country code", "det har \"(0)\" efter landskoden")
            }
            Fix::TrunkPrefixAfterCountryCode => Bilingual::new(
                "the trunk prefix 0 follows the country code",
                "det nationella prefixet 0 står efter landskoden",
            ),
            Fix::NationalFormat => bilingual!(
                "it is in the {adjective} national format, without the country code",
                "det är i {neuter_sv} nationellt format, utan landskod"
            ),
            Fix::NationalNumber => bilingual!(
                "it is a {adjective} national number, without the country code",
                "det är ett {neuter_sv} nationellt nummer, utan landskod"
            ),
        }
    }
}

/// The set of fixes applied; small and `Copy`, as it is made for every number of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Fixes(u8);

impl Fixes {
    fn with(self, fix: Fix) -> Fixes {
        Fixes(self.0 | 1 << Fix::ALL.iter().position(|&each| each == fix).unwrap_or(0))
    }

    pub fn contains(self, fix: Fix) -> bool {
        Fix::ALL.iter().position(|&each| each == fix).is_some_and(|index| self.0 & 1 << index != 0)
    }

    pub fn iter(self) -> impl Iterator<Item = Fix> {
        Fix::ALL.iter().copied().filter(move |&fix| self.contains(fix))
    }
}

impl Serialize for Fixes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// Why a written number cannot be turned into E.164.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NumberError {
    #[error("it is empty")]
    Empty,
    #[error(
        "it is a number in scientific notation (\"{0}\"): a spreadsheet took the column for figures and the last digits are lost; format the column as text, type the numbers again and export again"
    )]
    ScientificNotation(String),
    #[error("it has letters (\"{}\"), which a phone number in AD cannot have", super::shortened(.0))]
    Letters(String),
    #[error("it has an extension (\"{extension}\"); E.164 has none{}", base.map(|base| format!(": the number alone is {base}, and the extension belongs in a field of its own")).unwrap_or_default())]
    Extension { extension: String, base: Option<E164> },
    #[error("'{0}' cannot stand in a phone number")]
    Character(char),
    #[error("the + is not at the start")]
    MisplacedPlus,
    #[error("its brackets do not pair up")]
    Brackets,
    #[error("it has neither + and a country code nor {}{}", expected(*country).en, maybe.map(|maybe| format!("; perhaps it is {maybe}")).unwrap_or_default())]
    NoCountry { country: Country, maybe: Option<E164> },
    #[error("it has no digits")]
    NoDigits,
    #[error("the trunk prefix 0 is written twice after the country code")]
    TrunkPrefixTwice,
    #[error("{0}")]
    NotE164(E164Error),
}

impl NumberError {
    /// The reason in a language; `Display` is the English.
    pub fn message_in(&self, locale: Locale) -> String {
        if locale == Locale::En {
            return self.to_string();
        }
        match self {
            NumberError::Empty => "det är tomt".to_owned(),
            NumberError::ScientificNotation(text) => format!(
                "det är ett tal i exponentform (\"{text}\"): ett kalkylprogram tog kolumnen för tal och de sista siffrorna har gått förlorade; formatera kolumnen som text, skriv in numren igen och exportera på nytt"
            ),
            NumberError::Letters(text) => {
                let text = super::shortened_in_both(text).sv;
                format!("det har bokstäver (\"{text}\"), vilket ett telefonnummer i AD inte kan ha")
            }
            NumberError::Extension { extension, base } => format!(
                "det har en anknytning (\"{extension}\"); E.164 har ingen{}",
                base.map(|base| format!(": själva numret är {base}, och anknytningen hör hemma i ett eget fält"))
                    .unwrap_or_default()
            ),
            NumberError::Character(character) => format!("'{character}' kan inte stå i ett telefonnummer"),
            NumberError::MisplacedPlus => "+ står inte först".to_owned(),
            NumberError::Brackets => "parenteserna går inte ihop parvis".to_owned(),
            NumberError::NoCountry { country, maybe } => format!(
                "det har varken + och landskod eller {}{}",
                expected(*country).sv,
                maybe.map(|maybe| format!("; kanske är det {maybe}")).unwrap_or_default()
            ),
            NumberError::NoDigits => "det har inga siffror".to_owned(),
            NumberError::TrunkPrefixTwice => "det nationella prefixet 0 står två gånger efter landskoden".to_owned(),
            NumberError::NotE164(error) => error.message_in(locale),
        }
    }

    pub fn text(&self) -> Bilingual {
        Bilingual::each(|locale| self.message_in(locale))
    }
}

/// As the report is written: English, Swedish or both (`locale::written`).
impl Serialize for NumberError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.text().serialize(serializer)
    }
}

/// What a written number is, once read with a country's national rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum NumberCheck {
    /// Already E.164, as the spec asks. `unusual` when its country's lengths say otherwise.
    Valid { number: E164, unusual: Option<LengthNote> },
    /// Not E.164 as written, and this is the E.164 form it stands for.
    Fixable { suggestion: E164, fixes: Fixes, unusual: Option<LengthNote> },
    /// Not a phone number that could be turned into E.164.
    Invalid { reason: NumberError },
}

impl NumberCheck {
    pub fn verdict(&self) -> Verdict {
        match self {
            NumberCheck::Valid { unusual: None, .. } => Verdict::Pass,
            NumberCheck::Valid { unusual: Some(_), .. } => Verdict::Warning,
            NumberCheck::Fixable { .. } | NumberCheck::Invalid { .. } => Verdict::Fail,
        }
    }

    /// The number in E.164 form, as written or as suggested.
    pub fn number(&self) -> Option<E164> {
        match self {
            NumberCheck::Valid { number, .. } => Some(*number),
            NumberCheck::Fixable { suggestion, .. } => Some(*suggestion),
            NumberCheck::Invalid { .. } => None,
        }
    }
}

/// Reads one written number: strict E.164 passes; a national or untidy form gets the E.164
/// form it stands for (read with `country`'s rules where it has no country code); anything
/// else gets the reason.
pub fn check_number(text: &str, country: Country) -> NumberCheck {
    let text = text.trim_matches(|character: char| character.is_whitespace() || character == '\u{FEFF}');
    match E164::parse(text) {
        Ok(number) => match number.without_trunk_prefix() {
            Some(suggestion) if suggestion.without_trunk_prefix().is_some() => {
                NumberCheck::Invalid { reason: NumberError::TrunkPrefixTwice }
            }
            Some(suggestion) => NumberCheck::Fixable {
                suggestion,
                fixes: Fixes::default().with(Fix::TrunkPrefixAfterCountryCode),
                unusual: suggestion.unusual_length(),
            },
            None => NumberCheck::Valid { number, unusual: number.unusual_length() },
        },
        Err(_) => match normalise(text, country.plan()) {
            Ok((suggestion, fixes)) => NumberCheck::Fixable { suggestion, fixes, unusual: suggestion.unusual_length() },
            Err(reason) => NumberCheck::Invalid { reason },
        },
    }
}

/// The digits of a written number without its separators. "(0)" right after the country code
/// (the trunk prefix shown in brackets, "+46 (0)8…" or "0046 (0)8…") is dropped and flagged.
fn digits_of(text: &str, international: bool, plan: &NumberingPlan, fixes: &mut Fixes) -> Result<String, NumberError> {
    let mut digits = String::with_capacity(text.len());
    let mut open: Option<usize> = None;
    for (index, character) in text.char_indices() {
        match character {
            '0'..='9' => digits.push(character),
            '(' if open.is_some() => return Err(NumberError::Brackets),
            '(' => {
                open = Some(index);
                *fixes = fixes.with(Fix::Separators);
            }
            ')' => {
                let start = open.take().ok_or(NumberError::Brackets)?;
                let before = &digits[..digits.len().saturating_sub(1)];
                let before = if international { Some(before) } else { before.strip_prefix(plan.international_prefix) };
                let after_country_code =
                    before.is_some_and(|before| country_calling_code(before).is_some_and(|code| code.code == before));
                if text[start + 1..index].trim() == "0" && after_country_code {
                    digits.pop();
                    *fixes = fixes.with(Fix::BracketedTrunkPrefix);
                }
            }
            '+' => return Err(NumberError::MisplacedPlus),
            _ if is_separator(character) => *fixes = fixes.with(Fix::Separators),
            _ => return Err(NumberError::Character(character)),
        }
    }
    if open.is_some() {
        return Err(NumberError::Brackets);
    }
    Ok(digits)
}

/// Where an extension begins: "ext", "ext.", "x", "#", ";ext=" or the Swedish "ankn." after the
/// number, followed by digits only.
fn split_extension(text: &str) -> Option<(&str, &str)> {
    let lower = text.to_ascii_lowercase();
    for marker in [";ext=", "ext.", "ext", "anknytning", "ankn.", "ankn", "x", "#"] {
        let Some(index) = lower.find(marker) else { continue };
        // ASCII lowercasing keeps byte offsets, so the index is one in `text` too.
        let (number, extension) = (&text[..index], &text[index..]);
        let rest = &extension[marker.len()..];
        let digits_only = rest.chars().all(|character| character.is_ascii_digit() || is_separator(character));
        if number.chars().any(|character| character.is_ascii_digit())
            && digits_only
            && rest.chars().any(|character| character.is_ascii_digit())
        {
            return Some((number.trim_end(), extension.trim()));
        }
    }
    None
}

/// Turns a written number into E.164 with `plan`'s national rules, and says what was fixed.
pub fn normalise(text: &str, plan: &NumberingPlan) -> Result<(E164, Fixes), NumberError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    let mut fixes = Fixes::default();
    let text = match text.get(..4) {
        Some(scheme) if scheme.eq_ignore_ascii_case("tel:") => {
            fixes = fixes.with(Fix::TelScheme);
            text[4..].trim_start()
        }
        _ => text,
    };
    if let Some((number, extension)) = split_extension(text) {
        let base = normalise(number, plan).ok().map(|(base, _)| base);
        return Err(NumberError::Extension { extension: extension.to_owned(), base });
    }
    // "4,67012E+10" or "4.67E+10": Excel's rendering of a number too long for its column.
    if text.to_ascii_uppercase().contains("E+") && text.starts_with(|character: char| character.is_ascii_digit()) {
        return Err(NumberError::ScientificNotation(text.to_owned()));
    }
    if text.chars().any(char::is_alphabetic) {
        return Err(NumberError::Letters(text.to_owned()));
    }
    let (plus, rest) = match text.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let digits = digits_of(rest, plus, plan, &mut fixes)?;
    if digits.is_empty() {
        return Err(NumberError::NoDigits);
    }
    let international = if plus {
        Some(digits.as_str())
    } else if let Some(after) = digits.strip_prefix(plan.international_prefix) {
        fixes = fixes.with(Fix::InternationalPrefix);
        Some(after)
    } else {
        None
    };
    let digits = match international {
        Some(digits) => {
            let trunk = country_calling_code(digits)
                .and_then(|code| plan_of(code.code))
                .and_then(|other| other.trunk_prefix.map(|trunk| (other.calling_code.len(), trunk)));
            match trunk {
                Some((length, trunk))
                    if digits[length..].starts_with(trunk) && !fixes.contains(Fix::BracketedTrunkPrefix) =>
                {
                    fixes = fixes.with(Fix::TrunkPrefixAfterCountryCode);
                    format!("{}{}", &digits[..length], &digits[length + 1..])
                }
                _ => digits.to_owned(),
            }
        }
        None => match plan.trunk_prefix {
            Some(trunk) if digits.starts_with(trunk) => {
                fixes = fixes.with(Fix::NationalFormat);
                format!("{}{}", plan.calling_code, &digits[1..])
            }
            None if plausible_national(&digits, plan) => {
                fixes = fixes.with(Fix::NationalNumber);
                format!("{}{digits}", plan.calling_code)
            }
            _ => return Err(no_country(&digits, plan)),
        },
    };
    let number = E164::from_digits(&digits).map_err(NumberError::NotE164)?;
    // A trunk prefix left after one was taken away ("+46 (0)08…", "0046 008…"): which of the
    // zeros is a mistake is for the person to say.
    if number.without_trunk_prefix().is_some() {
        return Err(NumberError::TrunkPrefixTwice);
    }
    Ok((number, fixes))
}

/// A national significant number of the usual length for `plan` (which never begins with 0).
fn plausible_national(digits: &str, plan: &NumberingPlan) -> bool {
    let (shortest, longest) = plan.national_digits;
    (usize::from(shortest)..=usize::from(longest)).contains(&digits.len()) && !digits.starts_with('0')
}

/// A number with neither a + nor a trunk prefix: with the reading it most likely has (the
/// country code without its +, or a leading 0 a spreadsheet dropped), for the person to judge.
fn no_country(digits: &str, plan: &NumberingPlan) -> NumberError {
    let maybe = match digits.strip_prefix(plan.calling_code) {
        Some(national) if plausible_national(national, plan) => E164::from_digits(digits).ok(),
        _ if plan.trunk_prefix.is_some() && plausible_national(digits, plan) => {
            E164::from_digits(&format!("{}{digits}", plan.calling_code)).ok()
        }
        _ => None,
    };
    NumberError::NoCountry { country: plan.country, maybe }
}

/// What a number without a country code should have begun with in `country`: its trunk
/// prefix, or where it has none, its national number's usual digits.
fn expected(country: Country) -> Bilingual {
    let plan = country.plan();
    let (adjective, plural_sv, neuter_sv) = (plan.adjective, plan.plural_sv(), plan.neuter_sv());
    match plan.trunk_prefix {
        Some(trunk) => {
            bilingual!("the {adjective} trunk prefix {trunk}", "det {plural_sv} nationella prefixet {trunk}")
        }
        None => {
            let (en, sv) = (describe_range(plan.national_digits, "to"), describe_range(plan.national_digits, "till"));
            bilingual!("the {en} digits of a {adjective} number", "de {sv} siffrorna i ett {neuter_sv} nummer")
        }
    }
}

/// "7 to 12", or "8" when both ends are the same; `to` is the language's word.
fn describe_range((shortest, longest): (u8, u8), to: &str) -> String {
    if shortest == longest { shortest.to_string() } else { format!("{shortest} {to} {longest}") }
}

/// Which integration's requirement a number is judged against: 3.2.2 and 3.3 say the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Integration {
    #[default]
    Teams,
    SkypeForBusiness,
}

impl Integration {
    pub fn requirement(self) -> RequirementId {
        match self {
            Integration::Teams => requirement_id!("teams.e164"),
            Integration::SkypeForBusiness => requirement_id!("s4b-voice.e164"),
        }
    }
}

/// Not an integration this checks numbers for.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("\"{0}\" is not an integration: choose teams or s4b")]
pub struct UnknownIntegration(pub String);

impl UnknownIntegration {
    pub fn message_in(&self, locale: Locale) -> String {
        match locale {
            Locale::En => self.to_string(),
            Locale::Sv => format!("\"{}\" är ingen integration: välj teams eller s4b", self.0),
        }
    }
}

impl FromStr for Integration {
    type Err = UnknownIntegration;

    fn from_str(text: &str) -> Result<Integration, UnknownIntegration> {
        match text.trim().to_ascii_lowercase().as_str() {
            "teams" => Ok(Integration::Teams),
            "s4b" | "skype" | "lync" | "skype-for-business" => Ok(Integration::SkypeForBusiness),
            _ => Err(UnknownIntegration(text.to_owned())),
        }
    }
}

/// A finding about one line of a file (None: about the file as a whole).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineFinding {
    /// The physical line, from 1, where what the finding is about starts.
    pub line: Option<usize>,
    #[serde(flatten)]
    pub finding: Finding,
}

impl LineFinding {
    pub fn new(line: Option<usize>, finding: Finding) -> LineFinding {
        LineFinding { line, finding }
    }
}

/// The finding for one written number, against `requirement`; `what` names it in the evidence
/// ("\"070-123 45 67\"", or "the mobile number \"070…\" of Anna"), in both languages.
pub fn number_finding(requirement: RequirementId, what: &Bilingual, check: &NumberCheck, country: Country) -> Finding {
    let verdict = check.verdict();
    let (what_en, what_sv) = (&what.en, &what.sv);
    let (evidence, advice) = match check {
        NumberCheck::Valid { number, unusual } => {
            let code = number.country_code();
            let (digits, name_en, name_sv) = (code.code, code.name, code.name_sv);
            match unusual {
                None => (
                    bilingual!(
                        "{what_en} is in E.164 format (+{digits} {name_en})",
                        "{what_sv} är i E.164-format (+{digits} {name_sv})"
                    ),
                    None,
                ),
                Some(note) => {
                    let note = note.text();
                    let (note_en, note_sv) = (&note.en, &note.sv);
                    (
                        bilingual!(
                            "{what_en} is in E.164 format, but {note_en}",
                            "{what_sv} är i E.164-format, men {note_sv}"
                        ),
                        Some(Bilingual::new(
                            "Check the number: it may be missing a digit or have one too many.",
                            "Kontrollera numret: det kan sakna en siffra eller ha en för mycket.",
                        )),
                    )
                }
            }
        }
        NumberCheck::Fixable { suggestion, fixes, unusual } => {
            let plan = country.plan();
            let why: Vec<Bilingual> = fixes.iter().map(|fix| fix.describe(plan)).collect();
            let why = Bilingual::join(&why, ", ", ", ");
            let (why_en, why_sv) = (&why.en, &why.sv);
            let mut advice = bilingual!("Write it as {suggestion}.", "Skriv det som {suggestion}.");
            if let Some(note) = unusual {
                let note = note.text();
                let (note_en, note_sv) = (&note.en, &note.sv);
                advice.push(&bilingual!(" Check it too: {note_en}.", " Kontrollera det också: {note_sv}."));
            }
            (
                bilingual!("{what_en} is not in E.164 format: {why_en}", "{what_sv} är inte i E.164-format: {why_sv}"),
                Some(advice),
            )
        }
        NumberCheck::Invalid { reason } => {
            let reason = reason.text();
            let (reason_en, reason_sv) = (&reason.en, &reason.sv);
            (
                bilingual!(
                    "{what_en} is not a phone number in E.164 format: {reason_en}",
                    "{what_sv} är inte ett telefonnummer i E.164-format: {reason_sv}"
                ),
                Some(bilingual!(
                    "Write + and the country code, then the number without its trunk prefix and without spaces (for example {SPEC_EXAMPLE}).",
                    "Skriv + och landskoden, sedan numret utan det nationella prefixet och utan mellanslag (till exempel {SPEC_EXAMPLE})."
                )),
            )
        }
    };
    Finding::new(requirement, verdict, evidence, advice)
}

/// The options of a check of numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NumbersOptions {
    /// Whose national formats a number without a country code is read in.
    #[serde(default)]
    pub country: Country,
    #[serde(default)]
    pub integration: Integration,
}

/// One line of the file and what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberLine {
    pub line: usize,
    pub input: String,
    pub check: NumberCheck,
}

/// Everything the page shows for a list of numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumbersReport {
    pub checked_on: Date,
    pub options: NumbersOptions,
    /// None when the bytes could not be read as text.
    pub encoding: Option<TextEncoding>,
    pub lines: Vec<NumberLine>,
    /// One per line, in order, and one about the file when it could not be read or held none.
    pub findings: Vec<LineFinding>,
}

impl NumbersReport {
    pub fn failed(&self) -> usize {
        self.findings.iter().filter(|finding| finding.finding.verdict == Verdict::Fail).count()
    }
}

/// Checks a list of numbers, one a line (a file's bytes as the tool wrote them; blank lines
/// are skipped): one finding a line.
pub fn validate_numbers(input: &[u8], options: &NumbersOptions, today: Date) -> NumbersReport {
    let requirement = options.integration.requirement();
    let mut report =
        NumbersReport { checked_on: today, options: *options, encoding: None, lines: Vec::new(), findings: Vec::new() };
    let decoded = match decode(input) {
        Ok(decoded) => decoded,
        Err(error) => {
            let evidence = match error {
                DecodeError::Empty => Bilingual::new("The list of numbers is empty", "Listan med nummer är tom"),
                error => {
                    let (en, sv) = (error.message_in(Locale::En), error.message_in(Locale::Sv));
                    bilingual!("The list of numbers cannot be read: {en}", "Listan med nummer går inte att läsa: {sv}")
                }
            };
            report
                .findings
                .push(LineFinding::new(None, Finding::new(requirement, Verdict::Fail, evidence, Some(one_a_line()))));
            return report;
        }
    };
    report.encoding = Some(decoded.encoding);
    if let Some(mixed) = decoded.mixed {
        report.findings.push(LineFinding::new(
            Some(mixed.other_line),
            Finding::new(requirement, Verdict::Warning, mixed.evidence(), Some(Mixed::ADVICE.into())),
        ));
    }
    for (index, line) in lines(&decoded.text).enumerate() {
        let input = line.trim();
        if input.is_empty() {
            continue;
        }
        let check = check_number(input, options.country);
        let what = super::quoted(input);
        let finding = number_finding(requirement, &what, &check, options.country);
        report.findings.push(LineFinding::new(Some(index + 1), finding));
        report.lines.push(NumberLine { line: index + 1, input: input.to_owned(), check });
    }
    if report.lines.is_empty() {
        report.findings.push(LineFinding::new(
            None,
            Finding::new(
                requirement,
                Verdict::Fail,
                Bilingual::new("The list has no numbers, only blank lines", "Listan har inga nummer, bara tomma rader"),
                Some(one_a_line()),
            ),
        ));
    }
    report
}

fn one_a_line() -> Bilingual {
    Bilingual::new("Give one number a line.", "Skriv ett nummer per rad.")
}

// Natively only: proptest's random source does not build for wasm32-unknown-unknown.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug)]
    enum Expected {
        /// Valid E.164 as written.
        Valid,
        /// Valid, with a warning about its length.
        Unusual,
        /// Not E.164; this is its E.164 form.
        Suggests(&'static str),
        /// Not a number; the reason contains this.
        Invalid(&'static str),
    }
    use Expected::*;

    fn check(input: &str, country: Country, expected: Expected) {
        let result = check_number(input, country);
        match (&result, &expected) {
            (NumberCheck::Valid { number, unusual: None }, Valid) => {
                let written =
                    input.trim_matches(|character: char| character.is_whitespace() || character == '\u{FEFF}');
                assert_eq!(number.to_string(), written, "{input}");
            }
            (NumberCheck::Valid { unusual: Some(_), .. }, Unusual) => {}
            (NumberCheck::Fixable { suggestion, .. }, Suggests(suggested)) => {
                assert_eq!(suggestion.to_string(), *suggested, "{input}");
            }
            (NumberCheck::Invalid { reason }, Invalid(why)) => {
                assert!(reason.to_string().contains(why), "{input}: \"{reason}\" lacks \"{why}\"");
            }
            _ => panic!("{input} ({country}): {result:?}, expected {expected:?}"),
        }
    }

    #[test]
    fn swedish_numbers() {
        let se = Country::Sweden;
        check(SPEC_EXAMPLE, se, Valid);
        check("+4681234567", se, Valid);
        check("+46701234567", se, Valid);
        // Blanks around it and a stray byte-order mark are not part of the number.
        check(" +46701234567\u{FEFF}", se, Valid);
        check("08-123 45 67", se, Suggests("+4681234567"));
        check("070-123 45 67", se, Suggests("+46701234567"));
        check("070–123\u{A0}45\u{A0}67", se, Suggests("+46701234567"));
        check("(08) 123 45 67", se, Suggests("+4681234567"));
        check("08/123 45 67", se, Suggests("+4681234567"));
        check("0046 8 123 45 67", se, Suggests("+4681234567"));
        check("0046701234567", se, Suggests("+46701234567"));
        check("+46 (0)8 123 45 67", se, Suggests("+4681234567"));
        check("+46(0)70-123 45 67", se, Suggests("+46701234567"));
        check("0046 (0)8-123 45 67", se, Suggests("+4681234567"));
        check("+46 8 123 45 67", se, Suggests("+4681234567"));
        check("+46 08 123 45 67", se, Suggests("+4681234567"));
        check("+46081234567", se, Suggests("+4681234567"));
        check("tel:+46-8-123-45-67", se, Suggests("+4681234567"));
        check("0771-123 456", se, Suggests("+46771123456"));
        // Another country's number with its own country code is read with that country's rules.
        check("+47 22 12 34 56", se, Suggests("+4722123456"));
        check("+358 (0)9 1234 567", se, Suggests("+35891234567"));
        check("+44 (0)20 7946 0958", se, Suggests("+442079460958"));
        check("+4420 7946 0958", se, Suggests("+442079460958"));
        check("+1 (212) 555-0100", se, Suggests("+12125550100"));
        check("+12125550100", se, Valid);
        check("+390612345678", se, Valid); // Italy keeps its 0 after the country code.
        check("+46 (0)08 123 45 67", se, Invalid("written twice"));
        check("+460081234567", se, Invalid("written twice"));
        // Lengths Sweden does not use: valid E.164, but worth a look.
        check("+46812345", se, Unusual);
        check("+468123456789012", se, Unusual);
    }

    #[test]
    fn garbage_says_why() {
        let se = Country::Sweden;
        check("", se, Invalid("empty"));
        check("+", se, Invalid("no digits"));
        check("saknas", se, Invalid("letters"));
        check("+46 8 ABC", se, Invalid("letters"));
        check("4,67012E+10", se, Invalid("scientific notation"));
        check("4.67012E+11", se, Invalid("scientific notation"));
        check("+46 8 123 45 67 ext. 123", se, Invalid("the number alone is +4681234567"));
        check("08-123 45 67 x12", se, Invalid("extension"));
        check("+46 8 123 45 67 #12", se, Invalid("extension"));
        check("+0 123", se, Invalid("starts with 0"));
        check("+999 123 456", se, Invalid("+999… begins with no assigned"));
        // +38 is spare; +381 would be Serbia, but the digits read as +381 23 456 are fine.
        check("+38 123 456", se, Suggests("+38123456"));
        check("+384 123 456", se, Invalid("+384… begins with no assigned"));
        check("+4612345678901234", se, Invalid("at most 15"));
        check("+46", se, Invalid("no number after the country code +46"));
        check("08-123 45 67 +", se, Invalid("+ is not at the start"));
        check("(08 123 45 67", se, Invalid("brackets"));
        check("08) 123 45 67", se, Invalid("brackets"));
        check("08*123", se, Invalid("'*' cannot stand"));
        check("08,1234567", se, Invalid("','"));
        // No prefix at all: the likely readings are offered, not applied.
        check("701234567", se, Invalid("perhaps it is +46701234567"));
        check("46701234567", se, Invalid("perhaps it is +46701234567"));
        check("123", se, Invalid("trunk prefix 0"));
    }

    #[test]
    fn the_nordic_countries_by_their_own_rules() {
        check("22 12 34 56", Country::Norway, Suggests("+4722123456"));
        check("0047 22 12 34 56", Country::Norway, Suggests("+4722123456"));
        check("012345678", Country::Norway, Invalid("8 to 12 digits of a Norwegian number"));
        check("33 12 34 56", Country::Denmark, Suggests("+4533123456"));
        check("3312 345", Country::Denmark, Invalid("8 digits of a Danish number"));
        check("09 1234 567", Country::Finland, Suggests("+35891234567"));
        check("040 123 4567", Country::Finland, Suggests("+358401234567"));
        check("+358 40 123 4567", Country::Sweden, Suggests("+358401234567"));
        check("551 2345", Country::Iceland, Suggests("+3545512345"));
        check("31 23 45", Country::FaroeIslands, Suggests("+298312345"));
        check("32 12 34", Country::Greenland, Suggests("+299321234"));
        check("030 1234567", Country::Germany, Suggests("+49301234567"));
        check("020 7946 0958", Country::UnitedKingdom, Suggests("+442079460958"));
        check("01 23 45 67 89", Country::France, Suggests("+33123456789"));
        check("612 345 678", Country::Poland, Suggests("+48612345678"));
        // A Swedish number read as Norwegian has no prefix Norway knows.
        check("08-123 45 67", Country::Norway, Invalid("Norwegian"));
        check("+4722123456", Country::Norway, Valid);
        check("+47221234", Country::Norway, Unusual);
    }

    #[test]
    fn the_country_code_table_is_prefix_free_and_sorted() {
        for pair in COUNTRY_CALLING_CODES.windows(2) {
            assert!(pair[0].code < pair[1].code, "{} before {}", pair[0].code, pair[1].code);
        }
        for entry in COUNTRY_CALLING_CODES {
            assert!((1..=3).contains(&entry.code.len()), "{}", entry.code);
            assert!(entry.code.bytes().all(|byte| byte.is_ascii_digit()) && !entry.code.starts_with('0'));
            assert!(!entry.name.is_empty());
            for other in COUNTRY_CALLING_CODES {
                assert!(
                    other.code == entry.code || !other.code.starts_with(entry.code),
                    "{} begins {}",
                    other.code,
                    entry.code
                );
            }
        }
        // ITU-T's list has about 210 codes in use, which one table row each must cover.
        assert!(COUNTRY_CALLING_CODES.len() > 200, "{}", COUNTRY_CALLING_CODES.len());
        // Every world zone's first digit is present.
        for zone in '1'..='9' {
            assert!(COUNTRY_CALLING_CODES.iter().any(|entry| entry.code.starts_with(zone)), "zone {zone}");
        }
        for (digits, name) in
            [("46701234567", "Sweden"), ("12125550100", "North American"), ("358401234567", "Finland")]
        {
            assert!(country_calling_code(digits).unwrap().name.starts_with(name), "{digits}");
        }
        assert_eq!(country_calling_code("379"), None, "reserved, not assigned");
        assert_eq!(country_calling_code("ä"), None);
    }

    #[test]
    fn the_plans_are_consistent() {
        for country in Country::ALL {
            let plans: Vec<_> = NUMBERING_PLANS.iter().filter(|plan| plan.country == *country).collect();
            assert_eq!(plans.len(), 1, "{country:?}");
            let plan = plans[0];
            let code = country_calling_code(plan.calling_code).unwrap_or_else(|| panic!("{}", plan.calling_code));
            assert_eq!(code.code, plan.calling_code, "{}", plan.iso);
            assert!(plan.national_digits.0 <= plan.national_digits.1 && plan.national_digits.0 > 0);
            assert!(usize::from(plan.national_digits.1) + plan.calling_code.len() <= E164_MAX_DIGITS, "{}", plan.iso);
            assert_eq!(plan.iso.parse::<Country>(), Ok(*country));
            assert_eq!(plan.iso.to_lowercase().parse::<Country>(), Ok(*country));
        }
        assert_eq!(NUMBERING_PLANS.len(), Country::ALL.len());
        // The fixes' wording says "the trunk prefix 0": every plan's is 0, where it has one.
        assert!(NUMBERING_PLANS.iter().all(|plan| matches!(plan.trunk_prefix, None | Some('0'))));
        assert!(NUMBERING_PLANS.iter().all(|plan| plan.international_prefix == "00"));
        let calling: std::collections::BTreeSet<_> = NUMBERING_PLANS.iter().map(|plan| plan.calling_code).collect();
        assert_eq!(calling.len(), NUMBERING_PLANS.len(), "one plan per calling code");
        assert_eq!(Country::default(), Country::Sweden);
        assert!("XX".parse::<Country>().unwrap_err().to_string().contains("SE, NO, DK, FI"));
        assert_eq!(serde_json::to_string(&Country::Finland).unwrap(), "\"FI\"");
        assert_eq!(serde_json::from_str::<Country>("\"dk\"").unwrap(), Country::Denmark);
        assert!(serde_json::from_str::<Country>("\"ZZ\"").is_err());
    }

    #[test]
    fn every_fix_has_its_own_bit() {
        assert!(Fix::ALL.len() <= 8, "Fixes is a u8");
        let mut all = Fixes::default();
        for (index, fix) in Fix::ALL.iter().enumerate() {
            assert_eq!(Fix::ALL.iter().position(|each| each == fix), Some(index), "{fix:?} once");
            let one = Fixes::default().with(*fix);
            assert_eq!(one.iter().collect::<Vec<_>>(), [*fix]);
            all = all.with(*fix);
        }
        assert_eq!(all.iter().collect::<Vec<_>>(), Fix::ALL);
        assert_eq!(
            serde_json::to_string(&Fixes::default().with(Fix::NationalFormat)).unwrap(),
            "[\"national-format\"]"
        );
    }

    #[test]
    fn the_spec_example_is_the_specs() {
        let spec = include_str!("../../../spec/touchpoint-plus-site-environment-requirements-v3.40.txt");
        assert!(spec.contains(&format!("For example {SPEC_EXAMPLE}.")));
        assert_eq!(check_number(SPEC_EXAMPLE, Country::Sweden).verdict(), Verdict::Pass);
    }

    #[test]
    fn the_finding_names_the_requirement_and_the_suggestion() {
        let check = check_number("070-123 45 67", Country::Sweden);
        let finding = number_finding(
            Integration::Teams.requirement(),
            &Bilingual::same("\"070-123 45 67\""),
            &check,
            Country::Sweden,
        );
        assert_eq!(finding.requirement, requirement_id!("teams.e164"));
        assert_eq!(finding.section.as_str(), "3.3");
        assert_eq!(finding.verdict, Verdict::Fail);
        assert!(finding.evidence.en.contains("Swedish national format"), "{}", finding.evidence.en);
        assert!(finding.evidence.en.contains("spaces or separators"), "{}", finding.evidence.en);
        assert_eq!(finding.advice.as_ref().map(|advice| advice.en.as_str()), Some("Write it as +46701234567."));
        let finding = number_finding(
            Integration::SkypeForBusiness.requirement(),
            &Bilingual::same("x"),
            &check_number("+46812345", Country::Sweden),
            Country::Sweden,
        );
        assert_eq!((finding.verdict, finding.section.as_str()), (Verdict::Warning, "3.2.2"));
        assert!(
            finding.evidence.en.contains("Swedish numbers have 7 to 12 digits after +46; this one has 6"),
            "{}",
            finding.evidence.en
        );
        assert_eq!("S4B".parse::<Integration>(), Ok(Integration::SkypeForBusiness));
        assert!("webex".parse::<Integration>().is_err());
    }

    #[test]
    fn a_list_gets_one_verdict_a_line() {
        let input = "+4681234567\r\n\r\n08-123 45 67\r\nokänd\r\n";
        let report = validate_numbers(input.as_bytes(), &NumbersOptions::default(), Date::new(2026, 1, 2));
        let verdicts: Vec<_> = report.findings.iter().map(|finding| (finding.line, finding.finding.verdict)).collect();
        assert_eq!(verdicts, [(Some(1), Verdict::Pass), (Some(3), Verdict::Fail), (Some(4), Verdict::Fail)]);
        assert_eq!(report.failed(), 2);
        assert_eq!(report.encoding, Some(TextEncoding::Utf8));
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["checked_on"], "2026-01-02");
        assert_eq!(json["options"]["country"], "SE");
        assert_eq!(json["lines"][1]["check"]["kind"], "fixable");
        assert_eq!(json["lines"][1]["check"]["suggestion"], "+4681234567");
        assert_eq!(json["lines"][1]["check"]["fixes"][0], "separators");
        assert_eq!(json["findings"][1]["line"], 3);
        assert_eq!(json["findings"][1]["requirement"], "teams.e164");
        assert_eq!(json["findings"][1]["verdict"], "fail");
        assert_eq!(
            json["findings"][2]["evidence"],
            "\"okänd\" is not a phone number in E.164 format: it has letters (\"okänd\"), which a phone number in AD cannot have"
        );

        // UTF-16 from PowerShell, and lists with nothing in them.
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("+4681234567\r\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let report = validate_numbers(&utf16, &NumbersOptions::default(), Date::new(2026, 1, 2));
        assert_eq!(report.findings.len(), 1);
        assert_eq!(report.findings[0].finding.verdict, Verdict::Pass);
        for empty in [&b""[..], b"\n\n  \n"] {
            let report = validate_numbers(empty, &NumbersOptions::default(), Date::new(2026, 1, 2));
            assert_eq!(report.findings.len(), 1);
            assert_eq!((report.findings[0].line, report.findings[0].finding.verdict), (None, Verdict::Fail));
        }
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,40}", country in proptest::sample::select(Country::ALL)) {
            let check = check_number(&text, country);
            let _ = number_finding(requirement_id!("teams.e164"), &Bilingual::same(text), &check, country);
        }

        #[test]
        fn a_list_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200), country in proptest::sample::select(Country::ALL)) {
            let report = validate_numbers(&bytes, &NumbersOptions { country, ..NumbersOptions::default() }, Date::new(2026, 1, 2));
            prop_assert!(!report.findings.is_empty());
        }

        #[test]
        fn never_panics_on_number_like_text(text in "[+0-9 ()\\-./#xet:E,]{0,30}", country in proptest::sample::select(Country::ALL)) {
            let _ = check_number(&text, country);
        }

        #[test]
        fn a_suggestion_is_valid_e164(text in "[+0-9 ()\\-]{1,24}", country in proptest::sample::select(Country::ALL)) {
            if let NumberCheck::Fixable { suggestion, .. } = check_number(&text, country) {
                let again = check_number(&suggestion.to_string(), country);
                prop_assert!(matches!(again, NumberCheck::Valid { number, .. } if number == suggestion), "{text} → {suggestion} → {again:?}");
            }
        }

        #[test]
        fn e164_round_trips(code in proptest::sample::select(COUNTRY_CALLING_CODES), national in "[1-9][0-9]{0,11}") {
            let digits = format!("{}{national}", code.code);
            prop_assume!(digits.len() <= E164_MAX_DIGITS);
            let number = E164::parse(&format!("+{digits}")).unwrap();
            prop_assert_eq!(number.digits(), digits.as_str());
            prop_assert_eq!(number.country_code().code, code.code);
            prop_assert_eq!(number.national_number(), national.as_str());
            prop_assert_eq!(number.to_string().parse::<E164>(), Ok(number));
        }

        #[test]
        fn a_national_number_written_any_way_reads_the_same(national in "[1-9][0-9]{6,8}", spaces in proptest::collection::vec(0usize..9, 0..4)) {
            let mut written = format!("0{national}");
            for position in spaces {
                let position = position.min(written.len());
                written.insert(position, ' ');
            }
            let expected = format!("+46{national}");
            prop_assert_eq!(check_number(&written, Country::Sweden).number().map(|number| number.to_string()), Some(expected));
        }
    }
}
