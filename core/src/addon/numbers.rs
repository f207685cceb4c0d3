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
}

const fn cc(code: &'static str, name: &'static str) -> CountryCallingCode {
    CountryCallingCode { code, name }
}

/// Every country calling code ITU-T has assigned, sorted as text, so that a lookup is a binary
/// search and a test can hold the list prefix-free (no code begins another, which is what lets
/// a number be read without separators). Codes that are only reserved or spare are left out:
/// 379 (reserved for Vatican City, which uses +39), 388, 875–877, 879 and the rest; so are codes
/// withdrawn from use (+871 to +874 Inmarsat, +969, and +671 and +684, now part of +1).
pub const COUNTRY_CALLING_CODES: &[CountryCallingCode] = &[
    cc("1", "North American Numbering Plan (United States, Canada and Caribbean countries)"),
    cc("20", "Egypt"),
    cc("211", "South Sudan"),
    cc("212", "Morocco"),
    cc("213", "Algeria"),
    cc("216", "Tunisia"),
    cc("218", "Libya"),
    cc("220", "Gambia"),
    cc("221", "Senegal"),
    cc("222", "Mauritania"),
    cc("223", "Mali"),
    cc("224", "Guinea"),
    cc("225", "Côte d'Ivoire"),
    cc("226", "Burkina Faso"),
    cc("227", "Niger"),
    cc("228", "Togo"),
    cc("229", "Benin"),
    cc("230", "Mauritius"),
    cc("231", "Liberia"),
    cc("232", "Sierra Leone"),
    cc("233", "Ghana"),
    cc("234", "Nigeria"),
    cc("235", "Chad"),
    cc("236", "Central African Republic"),
    cc("237", "Cameroon"),
    cc("238", "Cabo Verde"),
    cc("239", "Sao Tome and Principe"),
    cc("240", "Equatorial Guinea"),
    cc("241", "Gabon"),
    cc("242", "Congo"),
    cc("243", "Democratic Republic of the Congo"),
    cc("244", "Angola"),
    cc("245", "Guinea-Bissau"),
    cc("246", "Diego Garcia"),
    cc("247", "Ascension"),
    cc("248", "Seychelles"),
    cc("249", "Sudan"),
    cc("250", "Rwanda"),
    cc("251", "Ethiopia"),
    cc("252", "Somalia"),
    cc("253", "Djibouti"),
    cc("254", "Kenya"),
    cc("255", "Tanzania"),
    cc("256", "Uganda"),
    cc("257", "Burundi"),
    cc("258", "Mozambique"),
    cc("260", "Zambia"),
    cc("261", "Madagascar"),
    cc("262", "Réunion and Mayotte"),
    cc("263", "Zimbabwe"),
    cc("264", "Namibia"),
    cc("265", "Malawi"),
    cc("266", "Lesotho"),
    cc("267", "Botswana"),
    cc("268", "Eswatini"),
    cc("269", "Comoros"),
    cc("27", "South Africa"),
    cc("290", "Saint Helena, Ascension and Tristan da Cunha"),
    cc("291", "Eritrea"),
    cc("297", "Aruba"),
    cc("298", "Faroe Islands"),
    cc("299", "Greenland"),
    cc("30", "Greece"),
    cc("31", "Netherlands"),
    cc("32", "Belgium"),
    cc("33", "France"),
    cc("34", "Spain"),
    cc("350", "Gibraltar"),
    cc("351", "Portugal"),
    cc("352", "Luxembourg"),
    cc("353", "Ireland"),
    cc("354", "Iceland"),
    cc("355", "Albania"),
    cc("356", "Malta"),
    cc("357", "Cyprus"),
    cc("358", "Finland (and Åland)"),
    cc("359", "Bulgaria"),
    cc("36", "Hungary"),
    cc("370", "Lithuania"),
    cc("371", "Latvia"),
    cc("372", "Estonia"),
    cc("373", "Moldova"),
    cc("374", "Armenia"),
    cc("375", "Belarus"),
    cc("376", "Andorra"),
    cc("377", "Monaco"),
    cc("378", "San Marino"),
    cc("380", "Ukraine"),
    cc("381", "Serbia"),
    cc("382", "Montenegro"),
    cc("383", "Kosovo"),
    cc("385", "Croatia"),
    cc("386", "Slovenia"),
    cc("387", "Bosnia and Herzegovina"),
    cc("389", "North Macedonia"),
    cc("39", "Italy (and Vatican City)"),
    cc("40", "Romania"),
    cc("41", "Switzerland"),
    cc("420", "Czech Republic"),
    cc("421", "Slovakia"),
    cc("423", "Liechtenstein"),
    cc("43", "Austria"),
    cc("44", "United Kingdom"),
    cc("45", "Denmark"),
    cc("46", "Sweden"),
    cc("47", "Norway"),
    cc("48", "Poland"),
    cc("49", "Germany"),
    cc("500", "Falkland Islands"),
    cc("501", "Belize"),
    cc("502", "Guatemala"),
    cc("503", "El Salvador"),
    cc("504", "Honduras"),
    cc("505", "Nicaragua"),
    cc("506", "Costa Rica"),
    cc("507", "Panama"),
    cc("508", "Saint Pierre and Miquelon"),
    cc("509", "Haiti"),
    cc("51", "Peru"),
    cc("52", "Mexico"),
    cc("53", "Cuba"),
    cc("54", "Argentina"),
    cc("55", "Brazil"),
    cc("56", "Chile"),
    cc("57", "Colombia"),
    cc("58", "Venezuela"),
    cc("590", "Guadeloupe, Saint Barthélemy and Saint Martin"),
    cc("591", "Bolivia"),
    cc("592", "Guyana"),
    cc("593", "Ecuador"),
    cc("594", "French Guiana"),
    cc("595", "Paraguay"),
    cc("596", "Martinique"),
    cc("597", "Suriname"),
    cc("598", "Uruguay"),
    cc("599", "Curaçao, Bonaire, Sint Eustatius and Saba"),
    cc("60", "Malaysia"),
    cc("61", "Australia"),
    cc("62", "Indonesia"),
    cc("63", "Philippines"),
    cc("64", "New Zealand"),
    cc("65", "Singapore"),
    cc("66", "Thailand"),
    cc("670", "Timor-Leste"),
    cc("672", "Australian External Territories"),
    cc("673", "Brunei Darussalam"),
    cc("674", "Nauru"),
    cc("675", "Papua New Guinea"),
    cc("676", "Tonga"),
    cc("677", "Solomon Islands"),
    cc("678", "Vanuatu"),
    cc("679", "Fiji"),
    cc("680", "Palau"),
    cc("681", "Wallis and Futuna"),
    cc("682", "Cook Islands"),
    cc("683", "Niue"),
    cc("685", "Samoa"),
    cc("686", "Kiribati"),
    cc("687", "New Caledonia"),
    cc("688", "Tuvalu"),
    cc("689", "French Polynesia"),
    cc("690", "Tokelau"),
    cc("691", "Micronesia"),
    cc("692", "Marshall Islands"),
    cc("7", "Russia and Kazakhstan"),
    cc("800", "International Freephone Service"),
    cc("808", "International Shared Cost Service"),
    cc("81", "Japan"),
    cc("82", "Korea (Republic of)"),
    cc("84", "Viet Nam"),
    cc("850", "Democratic People's Republic of Korea"),
    cc("852", "Hong Kong, China"),
    cc("853", "Macao, China"),
    cc("855", "Cambodia"),
    cc("856", "Lao People's Democratic Republic"),
    cc("86", "China"),
    cc("870", "Inmarsat single network access code"),
    cc("878", "Universal Personal Telecommunication Service"),
    cc("880", "Bangladesh"),
    cc("881", "Global Mobile Satellite System"),
    cc("882", "International Networks"),
    cc("883", "International Networks"),
    cc("886", "Taiwan, China"),
    cc("888", "Telecommunications for Disaster Relief (OCHA)"),
    cc("90", "Türkiye"),
    cc("91", "India"),
    cc("92", "Pakistan"),
    cc("93", "Afghanistan"),
    cc("94", "Sri Lanka"),
    cc("95", "Myanmar"),
    cc("960", "Maldives"),
    cc("961", "Lebanon"),
    cc("962", "Jordan"),
    cc("963", "Syria"),
    cc("964", "Iraq"),
    cc("965", "Kuwait"),
    cc("966", "Saudi Arabia"),
    cc("967", "Yemen"),
    cc("968", "Oman"),
    cc("970", "Palestine"),
    cc("971", "United Arab Emirates"),
    cc("972", "Israel"),
    cc("973", "Bahrain"),
    cc("974", "Qatar"),
    cc("975", "Bhutan"),
    cc("976", "Mongolia"),
    cc("977", "Nepal"),
    cc("979", "International Premium Rate Service"),
    cc("98", "Iran"),
    cc("991", "International Telecommunications Public Correspondence Service trial"),
    cc("992", "Tajikistan"),
    cc("993", "Turkmenistan"),
    cc("994", "Azerbaijan"),
    cc("995", "Georgia"),
    cc("996", "Kyrgyzstan"),
    // Assigned to Kazakhstan, which moves its numbers from +7 over several years.
    cc("997", "Kazakhstan"),
    cc("998", "Uzbekistan"),
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
    name: &'static str,
    adjective: &'static str,
    calling_code: &'static str,
    trunk_prefix: Option<char>,
    national_digits: (u8, u8),
) -> NumberingPlan {
    NumberingPlan {
        country,
        iso,
        name,
        adjective,
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
    plan(Country::Sweden, "SE", "Sweden", "Swedish", "46", Some('0'), (7, 12)),
    plan(Country::Norway, "NO", "Norway", "Norwegian", "47", None, (8, 12)),
    plan(Country::Denmark, "DK", "Denmark", "Danish", "45", None, (8, 8)),
    plan(Country::Finland, "FI", "Finland", "Finnish", "358", Some('0'), (5, 12)),
    plan(Country::Iceland, "IS", "Iceland", "Icelandic", "354", None, (7, 9)),
    plan(Country::FaroeIslands, "FO", "the Faroe Islands", "Faroese", "298", None, (6, 6)),
    plan(Country::Greenland, "GL", "Greenland", "Greenlandic", "299", None, (6, 6)),
    plan(Country::Estonia, "EE", "Estonia", "Estonian", "372", None, (7, 10)),
    plan(Country::Latvia, "LV", "Latvia", "Latvian", "371", None, (8, 8)),
    plan(Country::Poland, "PL", "Poland", "Polish", "48", None, (9, 9)),
    plan(Country::Germany, "DE", "Germany", "German", "49", Some('0'), (6, 13)),
    plan(Country::Netherlands, "NL", "the Netherlands", "Dutch", "31", Some('0'), (9, 9)),
    plan(Country::France, "FR", "France", "French", "33", Some('0'), (9, 9)),
    plan(Country::UnitedKingdom, "GB", "the United Kingdom", "British", "44", Some('0'), (7, 10)),
];

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

impl fmt::Display for LengthNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plan = self.country.plan();
        let usual = describe_range(plan.national_digits);
        write!(
            f,
            "{} numbers have {usual} digits after +{}; this one has {}",
            plan.adjective, plan.calling_code, self.digits
        )
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

    fn describe(self, plan: &NumberingPlan) -> String {
        match self {
            Fix::TelScheme => "it is a tel: link".to_owned(),
            Fix::Separators => "it has spaces or separators".to_owned(),
            Fix::InternationalPrefix => format!("it begins with {} instead of +", plan.international_prefix),
            Fix::BracketedTrunkPrefix => "it has \"(0)\" after the country code".to_owned(),
            Fix::TrunkPrefixAfterCountryCode => "the trunk prefix 0 follows the country code".to_owned(),
            Fix::NationalFormat => format!("it is in the {} national format, without the country code", plan.adjective),
            Fix::NationalNumber => format!("it is a {} national number, without the country code", plan.adjective),
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
    #[error("it has letters (\"{0}\"), which a phone number in AD cannot have")]
    Letters(String),
    #[error("it has an extension (\"{extension}\"); E.164 has none{}", base.map(|base| format!(": the number alone is {base}, and the extension belongs in a field of its own")).unwrap_or_default())]
    Extension { extension: String, base: Option<E164> },
    #[error("'{0}' cannot stand in a phone number")]
    Character(char),
    #[error("the + is not at the start")]
    MisplacedPlus,
    #[error("its brackets do not pair up")]
    Brackets,
    #[error("it has neither + and a country code nor {expected}{}", maybe.map(|maybe| format!("; perhaps it is {maybe}")).unwrap_or_default())]
    NoCountry { expected: String, maybe: Option<E164> },
    #[error("it has no digits")]
    NoDigits,
    #[error("the trunk prefix 0 is written twice after the country code")]
    TrunkPrefixTwice,
    #[error("{0}")]
    NotE164(E164Error),
}

impl Serialize for NumberError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
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
        return Err(NumberError::Letters(super::shortened(text)));
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
    let expected = match plan.trunk_prefix {
        Some(trunk) => format!("the {} trunk prefix {trunk}", plan.adjective),
        None => format!("the {} digits of a {} number", describe_range(plan.national_digits), plan.adjective),
    };
    NumberError::NoCountry { expected, maybe }
}

fn describe_range((shortest, longest): (u8, u8)) -> String {
    if shortest == longest { shortest.to_string() } else { format!("{shortest} to {longest}") }
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
/// ("\"070-123 45 67\"", or "mobile \"070…\"").
pub fn number_finding(requirement: RequirementId, what: &str, check: &NumberCheck, country: Country) -> Finding {
    let verdict = check.verdict();
    let (evidence, advice) = match check {
        NumberCheck::Valid { number, unusual } => {
            let name = number.country_code().name;
            match unusual {
                None => (format!("{what} is in E.164 format (+{} {name})", number.country_code().code), None),
                Some(note) => (
                    format!("{what} is in E.164 format, but {note}"),
                    Some("Check the number: it may be missing a digit or have one too many.".to_owned()),
                ),
            }
        }
        NumberCheck::Fixable { suggestion, fixes, unusual } => {
            let plan = country.plan();
            let why: Vec<String> = fixes.iter().map(|fix| fix.describe(plan)).collect();
            let mut advice = format!("Write it as {suggestion}.");
            if let Some(note) = unusual {
                advice.push_str(&format!(" Check it too: {note}."));
            }
            (format!("{what} is not in E.164 format: {}", why.join(", ")), Some(advice))
        }
        NumberCheck::Invalid { reason } => (
            format!("{what} is not a phone number in E.164 format: {reason}"),
            Some(format!(
                "Write + and the country code, then the number without its trunk prefix and without spaces (for example {SPEC_EXAMPLE})."
            )),
        ),
    };
    Finding::new_english(requirement, verdict, evidence, advice)
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
                DecodeError::Empty => "The list of numbers is empty".to_owned(),
                error => format!("The list of numbers cannot be read: {error}"),
            };
            report.findings.push(LineFinding::new(
                None,
                Finding::new_english(requirement, Verdict::Fail, evidence, Some("Give one number a line.".to_owned())),
            ));
            return report;
        }
    };
    report.encoding = Some(decoded.encoding);
    if let Some(mixed) = decoded.mixed {
        report.findings.push(LineFinding::new(
            Some(mixed.other_line),
            Finding::new_english(requirement, Verdict::Warning, mixed.evidence(), Some(Mixed::ADVICE.to_owned())),
        ));
    }
    for (index, line) in lines(&decoded.text).enumerate() {
        let input = line.trim();
        if input.is_empty() {
            continue;
        }
        let check = check_number(input, options.country);
        let finding = number_finding(requirement, &format!("\"{}\"", super::shortened(input)), &check, options.country);
        report.findings.push(LineFinding::new(Some(index + 1), finding));
        report.lines.push(NumberLine { line: index + 1, input: input.to_owned(), check });
    }
    if report.lines.is_empty() {
        report.findings.push(LineFinding::new(
            None,
            Finding::new_english(
                requirement,
                Verdict::Fail,
                "The list has no numbers, only blank lines".to_owned(),
                Some("Give one number a line.".to_owned()),
            ),
        ));
    }
    report
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
        let finding = number_finding(Integration::Teams.requirement(), "\"070-123 45 67\"", &check, Country::Sweden);
        assert_eq!(finding.requirement, requirement_id!("teams.e164"));
        assert_eq!(finding.section.as_str(), "3.3");
        assert_eq!(finding.verdict, Verdict::Fail);
        assert!(finding.evidence.en.contains("Swedish national format"), "{}", finding.evidence.en);
        assert!(finding.evidence.en.contains("spaces or separators"), "{}", finding.evidence.en);
        assert_eq!(finding.advice.as_ref().map(|advice| advice.en.as_str()), Some("Write it as +46701234567."));
        let finding = number_finding(
            Integration::SkypeForBusiness.requirement(),
            "x",
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
            let _ = number_finding(requirement_id!("teams.e164"), &text, &check, country);
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
