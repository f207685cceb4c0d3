//! LDIF (RFC 2849) as `ldifde`, OpenLDAP's `ldapsearch` and directory tools write it: an
//! optional `version: 1`, records separated by blank lines, each opening with `dn:`; lines
//! folded by a leading space; `#` comments (folded too); `name: value`, `name:: base64` and
//! `name:< URL` values; attribute options (`mobile;lang-sv`); and change records
//! (`changetype: add | modify | delete | modrdn | moddn`, a modify's `add:`/`replace:`/`delete:`
//! blocks ending in `-`).
//!
//! Lines are borrowed from the text unless folded, and base64 values are decoded only when
//! asked for (binary attributes such as `objectGUID` or `thumbnailPhoto` never are).

use super::super::encoding::{Lines, lines};
use crate::locale::Locale;
use base64::Engine;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use std::borrow::Cow;
use std::iter::{Enumerate, Peekable};
use thiserror::Error;

/// What a record does: an entry as it is (a content record), or a change to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Change {
    #[default]
    Content,
    Add,
    /// Some attributes replaced, added or deleted: the entry's other attributes are not here.
    Modify,
    Delete,
    /// modrdn or moddn: a rename.
    Rename,
}

/// A value as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LdifValue<'a> {
    Text(Cow<'a, str>),
    /// After `::`, still encoded.
    Base64(Cow<'a, str>),
    /// After `:<`: a file or URL this does not fetch.
    Url(Cow<'a, str>),
}

/// Why a value cannot be read as text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ValueError {
    #[error("its base64 value is not valid base64")]
    Base64,
    #[error("its base64 value is not UTF-8 text")]
    NotText,
    #[error("its value is a reference to \"{0}\", which is not read: only the file is")]
    Url(String),
}

impl ValueError {
    /// The reason in a language; `Display` is the English.
    pub fn message_in(&self, locale: Locale) -> String {
        if locale == Locale::En {
            return self.to_string();
        }
        match self {
            ValueError::Base64 => "dess base64-värde är inte giltig base64".to_owned(),
            ValueError::NotText => "dess base64-värde är inte UTF-8-text".to_owned(),
            ValueError::Url(url) => {
                format!("dess värde är en hänvisning till \"{url}\", som inte läses: bara filen läses")
            }
        }
    }
}

/// The engine for `::` values: the standard alphabet, with or without padding (tools differ).
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

impl<'a> LdifValue<'a> {
    /// The value as text, decoding base64.
    pub fn text(&self) -> Result<Cow<'a, str>, ValueError> {
        match self {
            LdifValue::Text(text) => Ok(text.clone()),
            LdifValue::Base64(encoded) => {
                let compact: String = encoded.chars().filter(|character| !character.is_ascii_whitespace()).collect();
                let bytes = BASE64.decode(compact).map_err(|_| ValueError::Base64)?;
                String::from_utf8(bytes).map(Cow::Owned).map_err(|_| ValueError::NotText)
            }
            LdifValue::Url(url) => Err(ValueError::Url(url.to_string())),
        }
    }
}

/// One attribute value of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LdifAttribute<'a> {
    /// The physical line it starts on.
    pub line: usize,
    /// The attribute type without its options ("mobile" of "mobile;lang-sv").
    pub name: Cow<'a, str>,
    pub value: LdifValue<'a>,
}

/// One record: its dn, what it does, and its attribute values (a modify's added and replaced
/// values; its deletions are not values the entry will have).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LdifRecord<'a> {
    /// The physical line of its `dn:` (or of its first line, when the dn is missing).
    pub line: usize,
    pub dn: Option<Cow<'a, str>>,
    pub change: Change,
    pub attributes: Vec<LdifAttribute<'a>>,
}

/// A line that could not be read; the rest of the file still is.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LdifProblem {
    #[error("\"{0}\" is not an attribute line (name: value)")]
    NotAnAttribute(String),
    #[error("the record does not begin with dn:")]
    NoDn,
    #[error("the dn cannot be read: {0}")]
    Dn(ValueError),
    #[error("LDIF version \"{0}\" is not version 1")]
    Version(String),
    #[error("changetype \"{0}\" is not add, modify, delete, modrdn or moddn")]
    ChangeType(String),
    #[error("in a modify record, values follow an add:, replace: or delete: line; \"{0}\" has none")]
    OutsideModification(String),
    #[error("the modification of {expected} ends without its \"-\" line, or names {found} inside it")]
    ModificationName { expected: String, found: String },
    #[error("a continuation line (it begins with a space) follows no line it could continue")]
    StrayContinuation,
}

impl LdifProblem {
    /// The problem in a language; `Display` is the English.
    pub fn message_in(&self, locale: Locale) -> String {
        if locale == Locale::En {
            return self.to_string();
        }
        match self {
            LdifProblem::NotAnAttribute(line) => format!("\"{line}\" är ingen attributrad (namn: värde)"),
            LdifProblem::NoDn => "posten börjar inte med dn:".to_owned(),
            LdifProblem::Dn(error) => format!("dn går inte att läsa: {}", error.message_in(locale)),
            LdifProblem::Version(version) => format!("LDIF-version \"{version}\" är inte version 1"),
            LdifProblem::ChangeType(kind) => {
                format!("changetype \"{kind}\" är varken add, modify, delete, modrdn eller moddn")
            }
            LdifProblem::OutsideModification(line) => format!(
                "i en modify-post följer värdena på en add:-, replace:- eller delete:-rad; \"{line}\" har ingen"
            ),
            LdifProblem::ModificationName { expected, found } => {
                format!("ändringen av {expected} slutar utan sin \"-\"-rad, eller så nämns {found} inuti den")
            }
            LdifProblem::StrayContinuation => {
                "en fortsättningsrad (den börjar med ett mellanslag) följer ingen rad som den kan fortsätta".to_owned()
            }
        }
    }
}

/// A problem and the physical line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    pub line: usize,
    pub problem: LdifProblem,
}

/// Reads records one at a time.
#[derive(Debug, Clone)]
pub struct LdifReader<'a> {
    lines: Peekable<Enumerate<Lines<'a>>>,
    started: bool,
}

/// Where a modify record is: between blocks, or inside one for an attribute.
enum Modification<'a> {
    Between,
    Keeping(Cow<'a, str>),
    Dropping(Cow<'a, str>),
}

/// A part of a line, borrowed when the line is.
fn part<'a>(line: &Cow<'a, str>, range: std::ops::Range<usize>) -> Cow<'a, str> {
    match line {
        Cow::Borrowed(text) => Cow::Borrowed(&text[range]),
        Cow::Owned(text) => Cow::Owned(text[range].to_owned()),
    }
}

/// `name: value`, `name:: base64` or `name:< url`, with the name's options dropped.
fn attribute<'a>(line: &Cow<'a, str>) -> Option<(Cow<'a, str>, LdifValue<'a>)> {
    let colon = line.find(':')?;
    let full_name = &line[..colon];
    let name_end = full_name.find(';').unwrap_or(colon);
    let name_ok = !full_name.is_empty()
        && full_name.bytes().all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b';' | b'.'));
    if !name_ok {
        return None;
    }
    let name = part(line, 0..name_end);
    let after = &line[colon + 1..];
    let skip = |offset: usize| {
        let rest = &line[colon + 1 + offset..];
        colon + 1 + offset + (rest.len() - rest.trim_start_matches(' ').len())
    };
    let value = match after.as_bytes().first() {
        Some(b':') => LdifValue::Base64(part(line, skip(1)..line.len())),
        Some(b'<') => LdifValue::Url(part(line, skip(1)..line.len())),
        _ => LdifValue::Text(part(line, skip(0)..line.len())),
    };
    Some((name, value))
}

impl<'a> LdifReader<'a> {
    pub fn new(text: &'a str) -> LdifReader<'a> {
        LdifReader { lines: lines(text).enumerate().peekable(), started: false }
    }

    /// The next logical line (folds joined, comments dropped) and its first physical line;
    /// an empty one ends a record.
    fn logical(&mut self, problems: &mut Vec<LineProblem>) -> Option<(usize, Cow<'a, str>)> {
        loop {
            let (index, line) = self.lines.next()?;
            let continued = |next: Option<&(usize, &str)>| next.is_some_and(|(_, next)| next.starts_with(' '));
            if line.starts_with('#') {
                while continued(self.lines.peek()) {
                    self.lines.next();
                }
                continue;
            }
            if line.starts_with(' ') {
                problems.push(LineProblem { line: index + 1, problem: LdifProblem::StrayContinuation });
                continue;
            }
            if line.is_empty() || !continued(self.lines.peek()) {
                return Some((index + 1, Cow::Borrowed(line)));
            }
            let mut joined = line.to_owned();
            while continued(self.lines.peek()) {
                if let Some((_, next)) = self.lines.next() {
                    joined.push_str(&next[1..]);
                }
            }
            return Some((index + 1, Cow::Owned(joined)));
        }
    }

    /// The next record into `record` (cleared first); false at the end. Lines it cannot read
    /// go to `problems`.
    pub fn next_record(&mut self, record: &mut LdifRecord<'a>, problems: &mut Vec<LineProblem>) -> bool {
        record.dn = None;
        record.change = Change::Content;
        record.attributes.clear();
        let (mut line, mut text) = loop {
            match self.logical(problems) {
                None => return false,
                Some((_, text)) if text.is_empty() => continue,
                Some(first) => break first,
            }
        };
        if !self.started {
            self.started = true;
            if let Some((_, value)) = attribute(&text).filter(|(name, _)| name.eq_ignore_ascii_case("version")) {
                let version = value.text().unwrap_or_default();
                if version.trim() != "1" {
                    problems.push(LineProblem { line, problem: LdifProblem::Version(version.into_owned()) });
                }
                (line, text) = loop {
                    match self.logical(problems) {
                        None => return false,
                        Some((_, text)) if text.is_empty() => continue,
                        Some(first) => break first,
                    }
                };
            }
        }
        record.line = line;
        let mut pending = Some((line, text));
        let mut modification = Modification::Between;
        let mut first = true;
        while let Some((line, text)) = pending.take().or_else(|| self.logical(problems)) {
            if text.is_empty() {
                break;
            }
            if record.change == Change::Modify && text == "-" {
                modification = Modification::Between;
                continue;
            }
            let Some((name, value)) = attribute(&text) else {
                problems.push(LineProblem { line, problem: LdifProblem::NotAnAttribute(text.into_owned()) });
                first = false;
                continue;
            };
            if first {
                first = false;
                if name.eq_ignore_ascii_case("dn") {
                    match value.text() {
                        Ok(dn) => record.dn = Some(dn),
                        Err(error) => problems.push(LineProblem { line, problem: LdifProblem::Dn(error) }),
                    }
                    continue;
                }
                problems.push(LineProblem { line, problem: LdifProblem::NoDn });
            }
            if name.eq_ignore_ascii_case("control") && record.attributes.is_empty() {
                continue;
            }
            if name.eq_ignore_ascii_case("changetype")
                && record.attributes.is_empty()
                && record.change == Change::Content
            {
                let kind = value.text().unwrap_or_default();
                record.change = match kind.trim().to_ascii_lowercase().as_str() {
                    "add" => Change::Add,
                    "modify" => Change::Modify,
                    "delete" => Change::Delete,
                    "modrdn" | "moddn" => Change::Rename,
                    _ => {
                        problems.push(LineProblem { line, problem: LdifProblem::ChangeType(kind.into_owned()) });
                        Change::Content
                    }
                };
                continue;
            }
            if record.change == Change::Modify {
                match &modification {
                    Modification::Between => {
                        let operation = name.to_ascii_lowercase();
                        let target = value.text().unwrap_or_default();
                        let target = part(&target, 0..target.find(';').unwrap_or(target.len()));
                        let target = Cow::Owned(target.trim().to_owned());
                        modification = match operation.as_str() {
                            "add" | "replace" => Modification::Keeping(target),
                            "delete" => Modification::Dropping(target),
                            _ => {
                                problems.push(LineProblem {
                                    line,
                                    problem: LdifProblem::OutsideModification(text.into_owned()),
                                });
                                Modification::Between
                            }
                        };
                        continue;
                    }
                    Modification::Keeping(target) | Modification::Dropping(target)
                        if !target.eq_ignore_ascii_case(&name) =>
                    {
                        problems.push(LineProblem {
                            line,
                            problem: LdifProblem::ModificationName {
                                expected: target.to_string(),
                                found: name.into_owned(),
                            },
                        });
                        continue;
                    }
                    Modification::Dropping(_) => continue,
                    Modification::Keeping(_) => {}
                }
            }
            record.attributes.push(LdifAttribute { line, name, value });
        }
        true
    }
}

/// Why a text is not LDIF at all.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LdifError {
    #[error("the file has no LDIF records (each begins with a dn: line)")]
    NoRecords,
}

impl LdifError {
    /// The reason in a language; `Display` is the English.
    pub fn message_in(&self, locale: Locale) -> String {
        match (self, locale) {
            (_, Locale::En) => self.to_string(),
            (LdifError::NoRecords, Locale::Sv) => {
                "filen har inga LDIF-poster (var och en börjar med en dn:-rad)".to_owned()
            }
        }
    }
}

/// A whole LDIF text: every record and every line that could not be read. For tests and small
/// files; the validator reads record by record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ldif<'a> {
    pub records: Vec<LdifRecord<'a>>,
    pub problems: Vec<LineProblem>,
}

pub fn parse_ldif(text: &str) -> Result<Ldif<'_>, LdifError> {
    let mut reader = LdifReader::new(text);
    let mut ldif = Ldif { records: Vec::new(), problems: Vec::new() };
    let mut record = LdifRecord::default();
    while reader.next_record(&mut record, &mut ldif.problems) {
        ldif.records.push(std::mem::take(&mut record));
    }
    if ldif.records.is_empty() { Err(LdifError::NoRecords) } else { Ok(ldif) }
}

// Natively only: proptest's random source does not build for wasm32-unknown-unknown.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A record as (line, dn, change, [(line, name, value as text)]).
    type Expected<'e> = (usize, Option<&'e str>, Change, &'e [(usize, &'e str, &'e str)]);

    /// The same, owned, to compare.
    type OwnedRecord = (usize, Option<String>, Change, Vec<(usize, String, String)>);

    fn check(text: &str, expected: &[Expected<'_>], problems: &[(usize, &str)]) {
        let ldif = parse_ldif(text).unwrap_or_else(|error| panic!("{text}: {error}"));
        let records: Vec<OwnedRecord> = ldif
            .records
            .iter()
            .map(|record| {
                let attributes = record
                    .attributes
                    .iter()
                    .map(|attribute| {
                        let value = attribute.value.text().unwrap_or_else(|error| Cow::Owned(format!("<{error}>")));
                        (attribute.line, attribute.name.to_string(), value.into_owned())
                    })
                    .collect();
                (record.line, record.dn.as_ref().map(|dn| dn.to_string()), record.change, attributes)
            })
            .collect();
        let expected: Vec<OwnedRecord> = expected
            .iter()
            .map(|(line, dn, change, attributes)| {
                let attributes =
                    attributes.iter().map(|(line, name, value)| (*line, name.to_string(), value.to_string())).collect();
                (*line, dn.map(str::to_owned), *change, attributes)
            })
            .collect();
        assert_eq!(records, expected, "{text}");
        let found: Vec<(usize, String)> =
            ldif.problems.iter().map(|problem| (problem.line, problem.problem.to_string())).collect();
        let problems: Vec<(usize, String)> = problems.iter().map(|(line, text)| (*line, text.to_string())).collect();
        assert_eq!(found, problems, "{text}");
    }

    #[test]
    fn reads_an_ldifde_export() {
        // ldifde: CRLF, a base64 dn for a name with Å, a folded line, a binary attribute.
        let text = "dn:: Q049w4VzYSDDlmJlcmcsT1U9VXNlcnMsREM9ZXhhbXBsZSxEQz1zZQ==\r\n\
                    changetype: add\r\n\
                    objectClass: top\r\n\
                    objectClass: user\r\n\
                    displayName:: w4VzYSDDlmJlcmc=\r\n\
                    mobile: +46 70 123\r\n  45 67\r\n\
                    objectGUID:: //4AAQ==\r\n\
                    \r\n\
                    # a comment that is\r\n folded\r\n\
                    dn: CN=Bo Ek,OU=Users,DC=example,DC=se\r\n\
                    telephoneNumber;lang-sv: 08-123 45 67\r\n";
        check(
            text,
            &[
                (
                    1,
                    Some("CN=Åsa Öberg,OU=Users,DC=example,DC=se"),
                    Change::Add,
                    &[
                        (3, "objectClass", "top"),
                        (4, "objectClass", "user"),
                        (5, "displayName", "Åsa Öberg"),
                        (6, "mobile", "+46 70 123 45 67"),
                        (8, "objectGUID", "<its base64 value is not UTF-8 text>"),
                    ],
                ),
                (
                    12,
                    Some("CN=Bo Ek,OU=Users,DC=example,DC=se"),
                    Change::Content,
                    &[(13, "telephoneNumber", "08-123 45 67")],
                ),
            ],
            &[],
        );
    }

    #[test]
    fn reads_change_records() {
        let text = "version: 1\n\
                    dn: cn=anna,dc=example,dc=se\n\
                    changetype: modify\n\
                    replace: mobile\n\
                    mobile: +46701234567\n\
                    -\n\
                    delete: telephoneNumber\n\
                    telephoneNumber: 08-123 45 67\n\
                    -\n\
                    add: mail\n\
                    mail: anna@example.se\n\
                    -\n\
                    \n\
                    dn: cn=old,dc=example,dc=se\n\
                    changetype: delete\n\
                    \n\
                    dn: cn=bo,dc=example,dc=se\n\
                    changetype: modrdn\n\
                    newrdn: cn=bosse\n\
                    deleteoldrdn: 1\n";
        check(
            text,
            &[
                (
                    2,
                    Some("cn=anna,dc=example,dc=se"),
                    Change::Modify,
                    &[(5, "mobile", "+46701234567"), (11, "mail", "anna@example.se")],
                ),
                (14, Some("cn=old,dc=example,dc=se"), Change::Delete, &[]),
                (
                    17,
                    Some("cn=bo,dc=example,dc=se"),
                    Change::Rename,
                    &[(19, "newrdn", "cn=bosse"), (20, "deleteoldrdn", "1")],
                ),
            ],
            &[],
        );
    }

    #[test]
    fn every_bad_line_is_named_and_the_rest_read() {
        let text = "version: 2\n\
                    mail: a@example.se\n\
                    this is no attribute\n\
                    \n\
                    dn:: ***\n\
                    mobile:< file:///tmp/mobile.txt\n\
                    \n\
                    dn: cn=x\n\
                    changetype: rename\n\
                    \n \n\
                    dn: cn=y\n\
                    changetype: modify\n\
                    mobile: +46701234567\n\
                    replace: mobile\n\
                    mail: y@example.se\n";
        check(
            text,
            &[
                (2, None, Change::Content, &[(2, "mail", "a@example.se")]),
                (
                    5,
                    None,
                    Change::Content,
                    &[(
                        6,
                        "mobile",
                        "<its value is a reference to \"file:///tmp/mobile.txt\", which is not read: only the file is>",
                    )],
                ),
                (8, Some("cn=x"), Change::Content, &[]),
                (12, Some("cn=y"), Change::Modify, &[]),
            ],
            &[
                (1, "LDIF version \"2\" is not version 1"),
                (2, "the record does not begin with dn:"),
                (3, "\"this is no attribute\" is not an attribute line (name: value)"),
                (5, "the dn cannot be read: its base64 value is not valid base64"),
                (9, "changetype \"rename\" is not add, modify, delete, modrdn or moddn"),
                (11, "a continuation line (it begins with a space) follows no line it could continue"),
                (
                    14,
                    "in a modify record, values follow an add:, replace: or delete: line; \"mobile: +46701234567\" has none",
                ),
                (16, "the modification of mobile ends without its \"-\" line, or names mail inside it"),
            ],
        );
        assert_eq!(parse_ldif("# only a comment\n\n"), Err(LdifError::NoRecords));
        assert_eq!(parse_ldif(""), Err(LdifError::NoRecords));
    }

    /// Writes a record as a careful writer does: base64 where the value is not a safe string,
    /// lines folded at `width`.
    fn write(records: &[(String, Vec<(String, String)>)], width: usize) -> String {
        let fold = |line: String| {
            let characters: Vec<char> = line.chars().collect();
            let mut out = String::new();
            for (index, chunk) in characters.chunks(width).enumerate() {
                if index > 0 {
                    out.push_str("\n ");
                }
                out.extend(chunk);
            }
            out.push('\n');
            out
        };
        let value = |name: &str, value: &str| {
            let safe = !value.starts_with([' ', ':', '<'])
                && !value.ends_with(' ')
                && value.chars().all(|character| character.is_ascii() && !matches!(character, '\0' | '\r' | '\n'));
            if safe { format!("{name}: {value}") } else { format!("{name}:: {}", BASE64.encode(value)) }
        };
        let mut text = String::from("version: 1\n");
        for (dn, attributes) in records {
            text.push('\n');
            text.push_str(&fold(value("dn", dn)));
            for (name, attribute) in attributes {
                text.push_str(&fold(value(name, attribute)));
            }
        }
        text
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,200}|[a-z:<# \r\n-]{0,80}") {
            let _ = parse_ldif(&text).map(|ldif| ldif.records.iter().flat_map(|record| record.attributes.iter().map(|attribute| attribute.value.text())).count());
        }

        #[test]
        fn round_trips(
            records in proptest::collection::vec(
                ("[a-zA-Z=,Åö ]{1,30}", proptest::collection::vec(("[a-zA-Z]{1,10}", "\\PC{0,30}"), 0..5)),
                1..5,
            ),
            width in 2usize..40,
        ) {
            // "changetype" and "control" as the first attribute names mean something else.
            prop_assume!(records.iter().all(|(_, attributes)| attributes.first().is_none_or(|(name, _)| !name.eq_ignore_ascii_case("changetype") && !name.eq_ignore_ascii_case("control"))));
            let text = write(&records, width);
            let ldif = parse_ldif(&text).unwrap();
            prop_assert!(ldif.problems.is_empty(), "{:?}\n{}", ldif.problems, text);
            let read: Vec<(String, Vec<(String, String)>)> = ldif
                .records
                .iter()
                .map(|record| {
                    let attributes = record
                        .attributes
                        .iter()
                        .map(|attribute| (attribute.name.to_string(), attribute.value.text().unwrap().into_owned()))
                        .collect();
                    (record.dn.as_ref().unwrap().to_string(), attributes)
                })
                .collect();
            prop_assert_eq!(read, records);
        }
    }
}
