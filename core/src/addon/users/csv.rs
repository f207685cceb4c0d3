//! CSV as the tools that export users write it (RFC 4180 and what Excel, PowerShell's
//! `Export-Csv` and `csvde` do beyond it): a comma, semicolon (Excel where the decimal point
//! is a comma, as in Sweden) or tab between fields, found from the header line; Excel's
//! `sep=;` line; PowerShell 5's `#TYPE …` line; Entra ID's `version:v1.0` line; quoted fields holding delimiters, quotes
//! written twice and line breaks; CRLF, LF or CR line ends.
//!
//! Read record by record into borrowed slices where no quote had to be undone, so a file of
//! 100 000 users costs little more than its text.

use crate::locale::{Locale, Text};
use serde::Serialize;
use std::borrow::Cow;
use thiserror::Error;

/// What separates the fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Delimiter {
    Comma,
    Semicolon,
    Tab,
}

impl Delimiter {
    pub const ALL: &'static [Delimiter] = &[Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];

    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }

    /// The name in English.
    pub fn label(self) -> &'static str {
        self.text().en
    }

    /// The name in both languages.
    pub const fn text(self) -> Text {
        match self {
            Delimiter::Comma => Text { en: "comma", sv: "kommatecken" },
            Delimiter::Semicolon => Text { en: "semicolon", sv: "semikolon" },
            Delimiter::Tab => Text { en: "tab", sv: "tabb" },
        }
    }

    fn of(byte: u8) -> Option<Delimiter> {
        Delimiter::ALL.iter().copied().find(|delimiter| delimiter.byte() == byte)
    }
}

/// Why a text cannot be read as CSV from some point on.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CsvError {
    #[error(
        "a quoted field opened on line {line} is never closed: a quote is missing, so the rest of the file reads as one field"
    )]
    UnterminatedQuote { line: usize },
}

impl CsvError {
    /// The reason in a language; `Display` is the English.
    pub fn message_in(&self, locale: Locale) -> String {
        match (self, locale) {
            (_, Locale::En) => self.to_string(),
            (CsvError::UnterminatedQuote { line }, Locale::Sv) => format!(
                "ett fält inom citattecken som öppnas på rad {line} stängs aldrig: ett citattecken saknas, så resten av filen läses som ett enda fält"
            ),
        }
    }
}

/// Reads records one at a time.
#[derive(Debug, Clone)]
pub struct CsvReader<'a> {
    text: &'a str,
    position: usize,
    line: usize,
    delimiter: Delimiter,
}

impl<'a> CsvReader<'a> {
    /// A reader positioned at the header: a `sep=` line and PowerShell's `#TYPE` line are
    /// skipped, and the delimiter is the one the header line has most of outside quotes.
    pub fn new(text: &'a str) -> CsvReader<'a> {
        let mut reader = CsvReader { text, position: 0, line: 1, delimiter: Delimiter::Comma };
        let mut declared = None;
        loop {
            let rest = &text[reader.position..];
            let first_line = rest.split(['\r', '\n']).next().unwrap_or_default();
            if let Some(declaration) = first_line.strip_prefix("sep=").or_else(|| first_line.strip_prefix("\"sep=")) {
                let declaration = declaration.trim_end_matches('"');
                declared = declaration.bytes().next().and_then(Delimiter::of).filter(|_| declaration.len() == 1);
                if declared.is_some() {
                    reader.skip_line();
                    continue;
                }
            }
            // PowerShell 5's type line; the "version:v1.0" line of Entra ID's bulk templates.
            if first_line.starts_with("#TYPE") || (reader.line == 1 && first_line.starts_with("version:v")) {
                reader.skip_line();
                continue;
            }
            break;
        }
        reader.delimiter = declared.unwrap_or_else(|| detect_delimiter(&text[reader.position..]));
        reader
    }

    pub fn delimiter(&self) -> Delimiter {
        self.delimiter
    }

    fn skip_line(&mut self) {
        let bytes = self.text.as_bytes();
        while self.position < bytes.len() && !matches!(bytes[self.position], b'\r' | b'\n') {
            self.position += 1;
        }
        self.end_of_line();
    }

    /// Steps over a line end at the position (CRLF, LF or CR), counting it.
    fn end_of_line(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        match bytes.get(self.position) {
            Some(b'\r') => {
                self.position += if bytes.get(self.position + 1) == Some(&b'\n') { 2 } else { 1 };
                self.line += 1;
                true
            }
            Some(b'\n') => {
                self.position += 1;
                self.line += 1;
                true
            }
            _ => false,
        }
    }

    /// The next record's fields into `fields` (cleared first), and the physical line it starts
    /// on; None at the end. Blank lines are skipped.
    pub fn next_record(&mut self, fields: &mut Vec<Cow<'a, str>>) -> Result<Option<usize>, CsvError> {
        let bytes = self.text.as_bytes();
        loop {
            fields.clear();
            if self.position >= bytes.len() {
                return Ok(None);
            }
            let start_line = self.line;
            loop {
                let field = self.field()?;
                fields.push(field);
                if bytes.get(self.position) == Some(&self.delimiter.byte()) {
                    self.position += 1;
                    continue;
                }
                self.end_of_line();
                break;
            }
            if !(fields.len() == 1 && fields[0].is_empty()) {
                return Ok(Some(start_line));
            }
        }
    }

    /// One field from the position to a delimiter, a line end or the end.
    fn field(&mut self) -> Result<Cow<'a, str>, CsvError> {
        let text = self.text;
        let bytes = text.as_bytes();
        let delimiter = self.delimiter.byte();
        let at_end = |position: usize| {
            position >= bytes.len() || bytes[position] == delimiter || matches!(bytes[position], b'\r' | b'\n')
        };
        if bytes.get(self.position) != Some(&b'"') {
            let start = self.position;
            while !at_end(self.position) {
                self.position += 1;
            }
            return Ok(Cow::Borrowed(&text[start..self.position]));
        }
        let opened_on = self.line;
        self.position += 1;
        let mut segment = self.position;
        let mut owned: Option<String> = None;
        loop {
            let Some(offset) = bytes[self.position..].iter().position(|&byte| byte == b'"') else {
                return Err(CsvError::UnterminatedQuote { line: opened_on });
            };
            let quote = self.position + offset;
            self.count_lines(self.position, quote);
            if bytes.get(quote + 1) == Some(&b'"') {
                owned.get_or_insert_with(String::new).push_str(&text[segment..=quote]);
                self.position = quote + 2;
                segment = self.position;
                continue;
            }
            self.position = quote + 1;
            let mut value = match owned {
                Some(mut value) => {
                    value.push_str(&text[segment..quote]);
                    Cow::Owned(value)
                }
                None => Cow::Borrowed(&text[segment..quote]),
            };
            // Text after the closing quote (`"Berg" AB`): kept, as Excel keeps it.
            if !at_end(self.position) {
                let start = self.position;
                while !at_end(self.position) {
                    self.position += 1;
                }
                value.to_mut().push_str(&text[start..self.position]);
            }
            return Ok(value);
        }
    }

    /// Counts the line ends in a quoted stretch, so that later records keep their lines.
    fn count_lines(&mut self, from: usize, to: usize) {
        let bytes = &self.text.as_bytes()[from..to];
        for (index, &byte) in bytes.iter().enumerate() {
            if byte == b'\n' || (byte == b'\r' && bytes.get(index + 1) != Some(&b'\n')) {
                self.line += 1;
            }
        }
    }
}

/// The delimiter the header line has most of outside quotes; a tie goes to the one listed
/// first of tab, semicolon and comma (a header with no delimiter has one column).
fn detect_delimiter(text: &str) -> Delimiter {
    const PREFERENCE: [Delimiter; 3] = [Delimiter::Tab, Delimiter::Semicolon, Delimiter::Comma];
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &byte in text.as_bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\r' | b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(index) = PREFERENCE.iter().position(|delimiter| delimiter.byte() == byte) {
                    counts[index] += 1;
                }
            }
            _ => {}
        }
    }
    let (mut best, mut most) = (Delimiter::Comma, 0);
    for (delimiter, count) in PREFERENCE.into_iter().zip(counts) {
        if count > most {
            (best, most) = (delimiter, count);
        }
    }
    best
}

/// A whole CSV text: its delimiter and every record with the line it starts on (the header is
/// the first). For tests and small files; the validator reads record by record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Csv {
    pub delimiter: Delimiter,
    pub records: Vec<(usize, Vec<String>)>,
}

pub fn parse_csv(text: &str) -> Result<Csv, CsvError> {
    let mut reader = CsvReader::new(text);
    let mut fields = Vec::new();
    let mut records = Vec::new();
    while let Some(line) = reader.next_record(&mut fields)? {
        records.push((line, fields.iter().map(|field| field.to_string()).collect()));
    }
    Ok(Csv { delimiter: reader.delimiter(), records })
}

// Natively only: proptest's random source does not build for wasm32-unknown-unknown.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str, delimiter: Delimiter, expected: &[(usize, &[&str])]) {
        let csv = parse_csv(text).unwrap_or_else(|error| panic!("{text:?}: {error}"));
        assert_eq!(csv.delimiter, delimiter, "{text:?}");
        let records: Vec<(usize, Vec<&str>)> =
            csv.records.iter().map(|(line, fields)| (*line, fields.iter().map(String::as_str).collect())).collect();
        let expected: Vec<(usize, Vec<&str>)> =
            expected.iter().map(|(line, fields)| (*line, fields.to_vec())).collect();
        assert_eq!(records, expected, "{text:?}");
    }

    #[test]
    fn reads_what_tools_write() {
        // PowerShell 5 `Export-Csv`: the #TYPE line, every field quoted, CRLF.
        check(
            "#TYPE Selected.Microsoft.ActiveDirectory.Management.ADUser\r\n\"GivenName\",\"Surname\",\"MobilePhone\"\r\n\"Anna\",\"Berg, AB\",\"+46701234567\"\r\n",
            Delimiter::Comma,
            &[(2, &["GivenName", "Surname", "MobilePhone"]), (3, &["Anna", "Berg, AB", "+46701234567"])],
        );
        // Excel on a Swedish Windows: semicolons, quotes only where needed.
        check(
            "givenName;sn;mobile\r\nÅsa;\"Öberg; jr\";070-123 45 67\r\nBo;Ek;\r\n",
            Delimiter::Semicolon,
            &[(1, &["givenName", "sn", "mobile"]), (2, &["Åsa", "Öberg; jr", "070-123 45 67"]), (3, &["Bo", "Ek", ""])],
        );
        // Entra ID's bulk template opens with its version.
        check(
            "version:v1.0\r\nName [displayName] Required,Mobile phone [mobile]\r\nAnna,+46701234567\r\n",
            Delimiter::Comma,
            &[(2, &["Name [displayName] Required", "Mobile phone [mobile]"]), (3, &["Anna", "+46701234567"])],
        );
        // Excel's sep= line decides, even against the header's commas.
        check("sep=;\r\na,b;c\r\n1,2;3\r\n", Delimiter::Semicolon, &[(2, &["a,b", "c"]), (3, &["1,2", "3"])]);
        // Tabs ("Unicode text" from Excel).
        check(
            "mail\tmobile\na@x.se\t+4681234567",
            Delimiter::Tab,
            &[(1, &["mail", "mobile"]), (2, &["a@x.se", "+4681234567"])],
        );
        // A quoted field with line breaks and doubled quotes: the next record's line counts them.
        check(
            "name,title\n\"Anna\",\"Head of \"\"Sales\"\"\r\nNordic\"\nBo,CTO\n",
            Delimiter::Comma,
            &[(1, &["name", "title"]), (2, &["Anna", "Head of \"Sales\"\r\nNordic"]), (4, &["Bo", "CTO"])],
        );
        // Blank lines are skipped, not records; a lone CR ends a line; text after a closing
        // quote is kept.
        check(
            "a,b\r\n\r\n1,2\r3,\"x\"y\n\n",
            Delimiter::Comma,
            &[(1, &["a", "b"]), (3, &["1", "2"]), (4, &["3", "xy"])],
        );
        check("mobile\n", Delimiter::Comma, &[(1, &["mobile"])]);
        check("", Delimiter::Comma, &[]);
        // Delimiters inside quotes do not count towards the detection.
        check("\"a;b;c\",d\n", Delimiter::Comma, &[(1, &["a;b;c", "d"])]);
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        assert_eq!(parse_csv("a,b\n1,2\n3,\"open\n4,5\n"), Err(CsvError::UnterminatedQuote { line: 3 }));
        assert_eq!(parse_csv("\""), Err(CsvError::UnterminatedQuote { line: 1 }));
    }

    /// How a careful writer quotes: only fields that need it.
    fn write(records: &[Vec<String>], delimiter: Delimiter, line_end: &str) -> String {
        let separator = char::from(delimiter.byte()).to_string();
        let mut text = String::new();
        for record in records {
            let fields: Vec<String> = record
                .iter()
                .map(|field| {
                    if field.contains(['"', '\r', '\n']) || field.contains(&separator) || field.is_empty() {
                        format!("\"{}\"", field.replace('"', "\"\""))
                    } else {
                        field.clone()
                    }
                })
                .collect();
            text.push_str(&fields.join(&separator));
            text.push_str(line_end);
        }
        text
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,200}|[,;\t\"\r\n a]{0,60}") {
            let _ = parse_csv(&text);
        }

        #[test]
        fn round_trips(
            header in proptest::collection::vec("[a-zA-Z]{1,8}", 1..5),
            rows in proptest::collection::vec(proptest::collection::vec("[a-zA-Z0-9 ,;\t\"\r\nåÅ+-]{0,12}", 1..5), 0..6),
            delimiter in proptest::sample::select(Delimiter::ALL),
            line_end in proptest::sample::select(&["\r\n", "\n"][..]),
        ) {
            // Each row as wide as the header, as an export is; the header decides the delimiter.
            let width = header.len();
            let mut records = vec![header.clone()];
            records.extend(rows.into_iter().map(|mut row| { row.resize(width, "x".to_owned()); row }));
            let separator = char::from(delimiter.byte()).to_string();
            let header_line = header.join(&separator);
            let text = write(&records, delimiter, line_end);
            let csv = parse_csv(&text).unwrap();
            // A one-column header has no delimiter to find: it reads as a comma file, which
            // is the same fields as long as no field holds a comma.
            if width > 1 {
                prop_assert_eq!(csv.delimiter, delimiter, "{}", header_line);
            }
            let read: Vec<Vec<String>> = csv.records.into_iter().map(|(_, fields)| fields).collect();
            let expected: Vec<Vec<String>> = records.into_iter().filter(|record| !(record.len() == 1 && record[0].is_empty())).collect();
            if width > 1 || expected.iter().all(|record| !record[0].contains(',')) {
                prop_assert_eq!(read, expected);
            }
        }
    }
}
