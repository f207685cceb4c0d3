//! Text files as the tools people use write them: UTF-8 with or without a byte-order mark
//! (PowerShell 7, most editors), UTF-16 (PowerShell 5's `Export-Csv` default, "Unicode text"
//! from Excel), and Windows-1252 (Excel's "CSV" on a western Windows). Decoded here, by a small
//! table rather than a general encoding library, so that the app's wasm stays small and the CLI
//! and the page read the same bytes the same way.
//!
//! Decoding keeps every line break, so a line number in the text is the line in the file.

use crate::bilingual;
use crate::locale::{Bilingual, Locale, Text};
use serde::Serialize;
use std::fmt;
use thiserror::Error;

/// How a file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextEncoding {
    Utf8,
    /// UTF-8 after the byte-order mark EF BB BF (PowerShell 7, "CSV UTF-8" from Excel).
    Utf8Bom,
    /// UTF-16 little-endian; `bom` when FF FE opened the file, else detected by its NUL bytes.
    Utf16Le {
        bom: bool,
    },
    Utf16Be {
        bom: bool,
    },
    /// Not UTF-8, so the western Windows code page Excel writes.
    Windows1252,
}

impl TextEncoding {
    /// The name in English.
    pub fn label(self) -> &'static str {
        self.text().en
    }

    /// The name in both languages.
    pub const fn text(self) -> Text {
        const fn text(en: &'static str, sv: &'static str) -> Text {
            Text { en, sv }
        }
        match self {
            TextEncoding::Utf8 => text("UTF-8", "UTF-8"),
            TextEncoding::Utf8Bom => text("UTF-8 with a byte-order mark", "UTF-8 med byteordningsmärke (BOM)"),
            TextEncoding::Utf16Le { bom: true } => {
                text("UTF-16LE with a byte-order mark", "UTF-16LE med byteordningsmärke (BOM)")
            }
            TextEncoding::Utf16Le { bom: false } => {
                text("UTF-16LE without a byte-order mark", "UTF-16LE utan byteordningsmärke (BOM)")
            }
            TextEncoding::Utf16Be { bom: true } => {
                text("UTF-16BE with a byte-order mark", "UTF-16BE med byteordningsmärke (BOM)")
            }
            TextEncoding::Utf16Be { bom: false } => {
                text("UTF-16BE without a byte-order mark", "UTF-16BE utan byteordningsmärke (BOM)")
            }
            TextEncoding::Windows1252 => text("Windows-1252", "Windows-1252"),
        }
    }
}

impl fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Why the bytes are not a text file this can read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("this is an Excel workbook, not a text file: save it as CSV (\"CSV UTF-8\") and check that file")]
    Workbook,
    #[error("this is not a text file: it has NUL bytes at byte {offset} and is not UTF-16")]
    Binary { offset: usize },
    #[error("the file reads as UTF-16 but has an odd number of bytes ({bytes}): it was cut short")]
    OddLength { bytes: usize },
    #[error("the file reads as UTF-16 but has a broken character (an unpaired surrogate) at byte {offset}")]
    UnpairedSurrogate { offset: usize },
}

impl DecodeError {
    /// The reason in a language; `Display` is the English.
    pub fn message_in(&self, locale: Locale) -> String {
        if locale == Locale::En {
            return self.to_string();
        }
        match self {
            DecodeError::Empty => "filen är tom".to_owned(),
            DecodeError::Workbook => "det här är en Excel-arbetsbok, inte en textfil: spara den som CSV (\"CSV UTF-8\") och kontrollera den filen".to_owned(),
            DecodeError::Binary { offset } => {
                format!("det här är inte en textfil: den har NUL-byte vid byte {offset} och är inte UTF-16")
            }
            DecodeError::OddLength { bytes } => format!(
                "filen läses som UTF-16 men har ett udda antal byte ({bytes}): den har kortats av"
            ),
            DecodeError::UnpairedSurrogate { offset } => format!(
                "filen läses som UTF-16 men har ett trasigt tecken (ett ensamt surrogat) vid byte {offset}"
            ),
        }
    }

    pub fn text(&self) -> Bilingual {
        Bilingual::each(|locale| self.message_in(locale))
    }
}

/// Text decoded from a file's bytes, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: TextEncoding,
    /// Set when the file is UTF-8 in places and not in others, so that no one reading of it
    /// is right: it was read as Windows-1252, and its UTF-8 characters read garbled.
    pub mixed: Option<Mixed>,
}

/// Where a file that mixes encodings shows each: the first line with a UTF-8 character that
/// is not ASCII, and the first with a byte that is not UTF-8 (lines from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mixed {
    pub utf8_line: usize,
    pub other_line: usize,
}

impl Mixed {
    /// The warning's evidence.
    pub fn evidence(self) -> Bilingual {
        let Mixed { utf8_line, other_line } = self;
        bilingual!(
            "The file mixes encodings: line {utf8_line} has UTF-8 characters, line {other_line} bytes that are not \
             UTF-8. It was read as Windows-1252, so the UTF-8 characters read garbled (\"Ã¥\" for \"å\")",
            "Filen blandar teckenkodningar: rad {utf8_line} har UTF-8-tecken, rad {other_line} byte som inte är \
             UTF-8. Den lästes som Windows-1252, så UTF-8-tecknen blev förvanskade (\"Ã¥\" i stället för \"å\")"
        )
    }

    pub const ADVICE: Text = Text {
        en: "Save the file again in one encoding, UTF-8, and check it again.",
        sv: "Spara filen igen i en enda teckenkodning, UTF-8, och kontrollera den igen.",
    };
}

/// Where `bytes` (not valid UTF-8 as a whole) have UTF-8 characters beyond ASCII and where
/// bytes that are not UTF-8; None unless both.
fn mixed(bytes: &[u8]) -> Option<Mixed> {
    let (mut utf8, mut other, mut offset) = (None, None, 0usize);
    for chunk in bytes.utf8_chunks() {
        if utf8.is_none()
            && let Some(at) = chunk.valid().bytes().position(|byte| !byte.is_ascii())
        {
            utf8 = Some(offset + at);
        }
        offset += chunk.valid().len();
        if other.is_none() && !chunk.invalid().is_empty() {
            other = Some(offset);
        }
        offset += chunk.invalid().len();
        if utf8.is_some() && other.is_some() {
            break;
        }
    }
    let line = |at: usize| bytes[..at].iter().filter(|&&byte| byte == b'\n').count() + 1;
    Some(Mixed { utf8_line: line(utf8?), other_line: line(other?) })
}

/// Windows-1252 bytes 0x80–0x9F; the rest of the page is Latin-1, the same as Unicode. The five
/// bytes the code page leaves undefined read as the C1 controls of the same value, as browsers
/// (the WHATWG Encoding Standard) read them.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{02C6}',
    '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}', '\u{0090}', '\u{2018}',
    '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}',
    '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// The character a Windows-1252 byte stands for.
pub fn windows_1252_char(byte: u8) -> char {
    match byte {
        0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The bytes a tool wrote, as text: the byte-order mark decides; without one, NUL bytes in
/// every other position mean UTF-16, valid UTF-8 is UTF-8, and anything else is Windows-1252
/// (every byte sequence is valid Windows-1252, so that is the last resort, named in the report).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    // .xlsx is a zip archive; .xls an OLE compound file.
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(DecodeError::Workbook);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(Decoded { text: utf8_or_1252(rest).0, encoding: TextEncoding::Utf8Bom, mixed: mixed(rest) });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, 2, true, TextEncoding::Utf16Le { bom: true });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, 2, false, TextEncoding::Utf16Be { bom: true });
    }
    match utf16_without_bom(bytes) {
        Some(Endian::Little) => return utf16(bytes, 0, true, TextEncoding::Utf16Le { bom: false }),
        Some(Endian::Big) => return utf16(bytes, 0, false, TextEncoding::Utf16Be { bom: false }),
        None => {}
    }
    if let Some(offset) = bytes.iter().position(|&byte| byte == 0) {
        return Err(DecodeError::Binary { offset });
    }
    let (text, encoding) = utf8_or_1252(bytes);
    let mixed = if encoding == TextEncoding::Windows1252 { mixed(bytes) } else { None };
    Ok(Decoded { text, encoding, mixed })
}

fn utf8_or_1252(bytes: &[u8]) -> (String, TextEncoding) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), TextEncoding::Utf8),
        Err(_) => (bytes.iter().map(|&byte| windows_1252_char(byte)).collect(), TextEncoding::Windows1252),
    }
}

enum Endian {
    Little,
    Big,
}

/// Text in UTF-16 without a byte-order mark is mostly ASCII here (names, numbers, addresses):
/// every other byte is NUL, the odd ones for little-endian. Half the pairs is enough, since
/// names in other scripts have no NUL byte; a stray NUL in an 8-bit file is far from it.
fn utf16_without_bom(bytes: &[u8]) -> Option<Endian> {
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    if pairs == 0 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    if odd * 2 >= pairs && even * 4 < odd {
        Some(Endian::Little)
    } else if even * 2 >= pairs && odd * 4 < even {
        Some(Endian::Big)
    } else {
        None
    }
}

/// `skipped` is the byte-order mark's length, so that offsets in errors count from the file's start.
fn utf16(bytes: &[u8], skipped: usize, little: bool, encoding: TextEncoding) -> Result<Decoded, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::OddLength { bytes: bytes.len() + skipped });
    }
    let units = bytes.chunks_exact(2).map(|pair| {
        if little { u16::from_le_bytes([pair[0], pair[1]]) } else { u16::from_be_bytes([pair[0], pair[1]]) }
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut offset = skipped;
    for unit in char::decode_utf16(units) {
        match unit {
            Ok(character) => {
                offset += character.len_utf16() * 2;
                text.push(character);
            }
            Err(_) => return Err(DecodeError::UnpairedSurrogate { offset }),
        }
    }
    Ok(Decoded { text, encoding, mixed: None })
}

/// The physical lines of a text: LF, CRLF and a lone CR (old Mac spreadsheets) each end one;
/// a final line end ends the last line and opens no empty one.
pub fn lines(text: &str) -> Lines<'_> {
    Lines { rest: Some(text) }
}

/// The iterator of `lines`.
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    rest: Option<&'a str>,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let current = self.rest?;
        // Bytes, not chars: line ends are ASCII, and this runs over every byte of a file.
        let bytes = current.as_bytes();
        match bytes.iter().position(|&byte| byte == b'\n' || byte == b'\r') {
            Some(index) => {
                let after =
                    if bytes[index] == b'\r' && bytes.get(index + 1) == Some(&b'\n') { index + 2 } else { index + 1 };
                self.rest = Some(&current[after..]).filter(|rest| !rest.is_empty());
                Some(&current[..index])
            }
            None => {
                self.rest = None;
                Some(current)
            }
        }
    }
}

// Natively only: proptest's random source does not build for wasm32-unknown-unknown.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut bytes = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    fn utf16be(text: &str, bom: bool) -> Vec<u8> {
        let mut bytes = if bom { vec![0xFE, 0xFF] } else { Vec::new() };
        bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        bytes
    }

    /// The inverse of the table, for round trips: None for a character the code page lacks.
    fn encode_windows_1252(text: &str) -> Option<Vec<u8>> {
        text.chars()
            .map(|character| match u32::from(character) {
                0..=0x7F | 0xA0..=0xFF => Some(character as u8),
                _ => WINDOWS_1252_HIGH.iter().position(|&high| high == character).map(|index| 0x80 + index as u8),
            })
            .collect()
    }

    fn check_mixed(bytes: &[u8], expected: Option<(usize, usize)>) {
        let found = decode(bytes).unwrap().mixed.map(|mixed| (mixed.utf8_line, mixed.other_line));
        assert_eq!(found, expected, "{}", String::from_utf8_lossy(bytes));
    }

    #[test]
    fn a_file_that_is_utf8_in_places_and_not_in_others_is_said_to_mix() {
        check_mixed(b"name\n\xC3\x85sa\n\xC5sa\n", Some((2, 3)));
        check_mixed(b"\xC5sa\n\xC3\x85sa\n", Some((2, 1)));
        check_mixed(b"\xEF\xBB\xBFname\n\xC3\x85sa\n\xC5sa\n", Some((2, 3)));
        // One encoding throughout: nothing to say.
        check_mixed("name\nÅsa\n".as_bytes(), None);
        check_mixed(b"name\n\xC5sa\n\xD6berg\n", None);
        check_mixed(b"plain ascii\n", None);
    }

    fn check(bytes: &[u8], expected: Result<(&str, TextEncoding), DecodeError>) {
        let decoded = decode(bytes).map(|decoded| (decoded.text, decoded.encoding));
        let expected = expected.map(|(text, encoding)| (text.to_owned(), encoding));
        assert_eq!(decoded, expected, "{bytes:02X?}");
    }

    #[test]
    fn decodes_what_tools_write() {
        let header = "\"GivenName\",\"Surname\",\"MobilePhone\"\r\n\"Åsa\",\"Öberg\",\"+46701234567\"\r\n";
        check(header.as_bytes(), Ok((header, TextEncoding::Utf8)));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(header.as_bytes());
        check(&bom, Ok((header, TextEncoding::Utf8Bom)));
        // PowerShell 5: `Export-Csv -Encoding Unicode`, its default for files.
        check(&utf16le(header, true), Ok((header, TextEncoding::Utf16Le { bom: true })));
        check(&utf16le(header, false), Ok((header, TextEncoding::Utf16Le { bom: false })));
        check(&utf16be(header, true), Ok((header, TextEncoding::Utf16Be { bom: true })));
        check(&utf16be(header, false), Ok((header, TextEncoding::Utf16Be { bom: false })));
        // Excel's "CSV (semicolon)" on a Swedish Windows: Å is 0xC5, the euro sign 0x80.
        check(b"sn;givenName\r\n\xC5berg;\x80va\r\n", Ok(("sn;givenName\r\nÅberg;€va\r\n", TextEncoding::Windows1252)));
        check(b"\x81\x8D\x8F\x90\x9D", Ok(("\u{81}\u{8D}\u{8F}\u{90}\u{9D}", TextEncoding::Windows1252)));
        check(b"", Err(DecodeError::Empty));
        check(b"PK\x03\x04\x14\x00", Err(DecodeError::Workbook));
        check(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1], Err(DecodeError::Workbook));
        check(b"ab\x00cdefgh", Err(DecodeError::Binary { offset: 2 }));
        check(&[0xFF, 0xFE, b'a', 0, b'b'], Err(DecodeError::OddLength { bytes: 5 }));
        // A high surrogate followed by an ASCII letter.
        check(&[0xFF, 0xFE, b'a', 0, 0x3D, 0xD8, b'b', 0], Err(DecodeError::UnpairedSurrogate { offset: 4 }));
        // Scripts without NUL bytes in UTF-16 still have the BOM to go by.
        check(&utf16le("Ωμέγα", true), Ok(("Ωμέγα", TextEncoding::Utf16Le { bom: true })));
    }

    #[test]
    fn lines_are_physical_lines() {
        fn check(text: &str, expected: &[&str]) {
            assert_eq!(lines(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
        check("a\nb\r\nc\rd", &["a", "b", "c", "d"]);
        check("a\n", &["a"]);
        check("a\n\n", &["a", ""]);
        check("a\r\n\r\nb", &["a", "", "b"]);
        check("", &[""]);
        check("\r\n", &[""]);
    }

    #[test]
    fn the_table_is_the_code_page() {
        // Spot checks against the code page chart, and the Latin-1 half.
        assert_eq!(windows_1252_char(0x80), '€');
        assert_eq!(windows_1252_char(0x8A), 'Š');
        assert_eq!(windows_1252_char(0x96), '–');
        assert_eq!(windows_1252_char(0x9F), 'Ÿ');
        assert_eq!(windows_1252_char(0xC5), 'Å');
        assert_eq!(windows_1252_char(0xF6), 'ö');
        // Every byte reads as a different character, so nothing is lost.
        let all: std::collections::BTreeSet<char> = (0..=255u8).map(windows_1252_char).collect();
        assert_eq!(all.len(), 256);
    }

    proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = decode(&bytes);
        }

        #[test]
        fn utf8_round_trips(text in "\\PC{1,200}") {
            prop_assume!(!text.contains('\0'));
            let decoded = decode(text.as_bytes()).unwrap();
            // ASCII text that happens to look like UTF-16 cannot (it has no NUL bytes).
            prop_assert_eq!(decoded.text, text);
        }

        #[test]
        fn utf16_round_trips(text in "\\PC{1,200}", bom in any::<bool>()) {
            let decoded = decode(&utf16le(&text, true)).unwrap();
            prop_assert_eq!(&decoded.text, &text);
            let decoded = decode(&utf16be(&text, true)).unwrap();
            prop_assert_eq!(&decoded.text, &text);
            // Without a mark: mostly-ASCII text is found by its NUL bytes.
            let ascii: String = text.chars().filter(char::is_ascii).filter(|c| *c != '\0').collect();
            prop_assume!(!ascii.is_empty());
            let decoded = decode(&utf16le(&ascii, bom)).unwrap();
            prop_assert_eq!(decoded.text, ascii);
        }

        #[test]
        fn windows_1252_round_trips(text in "[a-zA-Z0-9;,\"\r\n åäöÅÄÖéü€–]{1,200}") {
            let bytes = encode_windows_1252(&text).unwrap();
            // Some Windows-1252 pairs are also valid UTF-8 ("Å–" is C5 96, which UTF-8 reads as
            // one letter): no reader can tell those apart, and UTF-8 wins, as it should.
            prop_assume!(text.is_ascii() || std::str::from_utf8(&bytes).is_err());
            let decoded = decode(&bytes).unwrap();
            prop_assert_eq!(decoded.text, text);
        }
    }
}
