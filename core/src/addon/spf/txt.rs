//! TXT records as people paste them: one per line, either the bare text or in the quoted form
//! `dig`, `nslookup` and zone files print (`example.com. 300 IN TXT "v=spf1 …" "…"`), where a
//! long record is split into strings of at most 255 characters that receivers join without a
//! space (RFC 7208 3.3).

use crate::locale::Locale;
use thiserror::Error;

/// One TXT record as pasted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastedRecord {
    /// Its line in the pasted text (1-based).
    pub line: usize,
    /// The record as receivers read it: its strings joined.
    pub text: String,
    /// How many strings it was written in (1 for a bare line).
    pub strings: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PasteError {
    #[error("no TXT record was given: paste the domain's TXT records, one per line")]
    Empty,
    #[error("line {line}: a quote opened at column {column} is not closed")]
    UnterminatedQuote { line: usize, column: usize },
    #[error("line {line}, column {column}: \"\\{escape}\" is not a byte (\\000 to \\255)")]
    BadEscape { line: usize, column: usize, escape: String },
}

impl PasteError {
    /// The problem in that language; `Display` is the English.
    pub fn message_in(&self, locale: Locale) -> String {
        match (self, locale) {
            (_, Locale::En) => self.to_string(),
            (PasteError::Empty, Locale::Sv) => {
                "ingen TXT-post angavs: klistra in domänens TXT-poster, en per rad".to_owned()
            }
            (PasteError::UnterminatedQuote { line, column }, Locale::Sv) => {
                format!("rad {line}: ett citattecken i kolumn {column} avslutas aldrig")
            }
            (PasteError::BadEscape { line, column, escape }, Locale::Sv) => {
                format!("rad {line}, kolumn {column}: \"\\{escape}\" är ingen byte (\\000 till \\255)")
            }
        }
    }
}

/// Reads every record; blank lines and comment lines (`;` or `#`) are skipped.
pub fn read_pasted(input: &str) -> Result<Vec<PastedRecord>, PasteError> {
    let mut records = Vec::new();
    for (index, raw) in input.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with(';') || trimmed.starts_with('#') {
            continue;
        }
        let record = match trimmed.find('"') {
            None => PastedRecord { line, text: trimmed.to_owned(), strings: 1 },
            Some(first_quote) => {
                // What stands before the first quote is the owner, TTL, class and type.
                let leading = raw.len() - raw.trim_start().len();
                let (text, strings) = character_strings(&trimmed[first_quote..], line, leading + first_quote)?;
                PastedRecord { line, text, strings }
            }
        };
        records.push(record);
    }
    if records.is_empty() { Err(PasteError::Empty) } else { Ok(records) }
}

/// The zone-file character strings of a TXT record's data, joined: quoted ones with their
/// escapes (`\"`, `\\`, `\DDD`), unquoted words as they are, up to a `;` comment.
fn character_strings(text: &str, line: usize, offset: usize) -> Result<(String, usize), PasteError> {
    let bytes = text.as_bytes();
    let column = |at: usize| text[..at].chars().count() + offset + 1;
    let mut joined: Vec<u8> = Vec::new();
    let mut strings = 0;
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b' ' | b'\t' => index += 1,
            b';' => break,
            b'"' => {
                let opened = index;
                index += 1;
                loop {
                    match bytes.get(index) {
                        None => return Err(PasteError::UnterminatedQuote { line, column: column(opened) }),
                        Some(b'"') => break,
                        Some(b'\\') => {
                            let (byte, length) = escape(&bytes[index + 1..])
                                .map_err(|escape| PasteError::BadEscape { line, column: column(index), escape })?;
                            joined.extend(byte);
                            index += 1 + length;
                        }
                        Some(byte) => {
                            joined.push(*byte);
                            index += 1;
                        }
                    }
                }
                index += 1;
                strings += 1;
            }
            _ => {
                let start = index;
                while index < bytes.len() && !matches!(bytes[index], b' ' | b'\t' | b'"' | b';') {
                    index += 1;
                }
                joined.extend_from_slice(&bytes[start..index]);
                strings += 1;
            }
        }
    }
    Ok((String::from_utf8_lossy(&joined).into_owned(), strings))
}

/// The byte an escape after `\` stands for and how many bytes it took; `\DDD` is decimal,
/// anything else stands for itself (a multi-byte character's other bytes follow as they are).
/// Nothing after the backslash leaves the quote open.
fn escape(after: &[u8]) -> Result<(Option<u8>, usize), String> {
    match after.first() {
        None => Ok((None, 0)),
        Some(digit) if digit.is_ascii_digit() => {
            let digits: Vec<u8> = after.iter().take(3).copied().take_while(u8::is_ascii_digit).collect();
            let written = String::from_utf8_lossy(&digits).into_owned();
            match written.parse::<u16>().ok().filter(|_| digits.len() == 3).and_then(|value| u8::try_from(value).ok()) {
                Some(byte) => Ok((Some(byte), 3)),
                None => Err(written),
            }
        }
        Some(byte) => Ok((Some(*byte), 1)),
    }
}

// Natively only: proptest's random source does not build for wasm32-unknown-unknown.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(input: &str, expected: Result<&[(usize, &str, usize)], PasteError>) {
        let read = read_pasted(input);
        match expected {
            Ok(records) => {
                let read = read.unwrap_or_else(|error| panic!("{input:?}: {error}"));
                let found: Vec<(usize, &str, usize)> =
                    read.iter().map(|record| (record.line, record.text.as_str(), record.strings)).collect();
                assert_eq!(found, records, "{input:?}");
            }
            Err(error) => assert_eq!(read, Err(error), "{input:?}"),
        }
    }

    #[test]
    fn reads_records_as_people_paste_them() {
        check("v=spf1 -all", Ok(&[(1, "v=spf1 -all", 1)]));
        check("\n  v=spf1 mx -all  \r\n\n", Ok(&[(2, "v=spf1 mx -all", 1)]));
        check("\"v=spf1 include:spf-b.telia.com \" \"-all\"", Ok(&[(1, "v=spf1 include:spf-b.telia.com -all", 2)]));
        check(
            "example.com.\t3600\tIN\tTXT\t\"v=spf1 \" \"mx -all\"\nexample.com. 3600 IN TXT \"google-site-verification=x\"",
            Ok(&[(1, "v=spf1 mx -all", 2), (2, "google-site-verification=x", 1)]),
        );
        check("; a zone comment\n# a shell comment\n\"a\\\"b\\\\c\\059d\"", Ok(&[(3, "a\"b\\c;d", 1)]));
        check("\"v=spf1 -all\" ; comment \"not this\"", Ok(&[(1, "v=spf1 -all", 1)]));
        check("\"one\" two", Ok(&[(1, "onetwo", 2)]));
        check("\"caf\\195\\169\"", Ok(&[(1, "café", 1)]));
    }

    #[test]
    fn refuses_what_cannot_be_read() {
        check("", Err(PasteError::Empty));
        check("\n ; only a comment\n", Err(PasteError::Empty));
        check("ok\n  x \"v=spf1 -all", Err(PasteError::UnterminatedQuote { line: 2, column: 5 }));
        check("\"ends in a backslash\\", Err(PasteError::UnterminatedQuote { line: 1, column: 1 }));
        check("\"\\999\"", Err(PasteError::BadEscape { line: 1, column: 2, escape: "999".into() }));
        check("\"\\12\"", Err(PasteError::BadEscape { line: 1, column: 2, escape: "12".into() }));
    }

    /// The zone-file form of a record: strings of at most 255 bytes, quotes and backslashes escaped.
    fn quoted(text: &str) -> String {
        text.as_bytes()
            .chunks(255)
            .map(|chunk| {
                let mut out = String::from("\"");
                for byte in chunk {
                    match byte {
                        b'"' | b'\\' => {
                            out.push('\\');
                            out.push(char::from(*byte));
                        }
                        0x20..=0x7e => out.push(char::from(*byte)),
                        other => out.push_str(&format!("\\{other:03}")),
                    }
                }
                out.push('"');
                out
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    proptest! {
        #[test]
        fn any_paste_reads_without_panicking(input in "\\PC{0,200}") {
            let _ = read_pasted(&input);
        }

        #[test]
        fn quoted_records_read_back_as_they_were(records in proptest::collection::vec("[ -~]{1,600}", 1..4)) {
            let input = records.iter().map(|record| format!("example.com. 300 IN TXT {}", quoted(record))).collect::<Vec<_>>().join("\n");
            let read = read_pasted(&input).unwrap();
            prop_assert_eq!(read.iter().map(|record| record.text.clone()).collect::<Vec<_>>(), records);
        }
    }
}
