//! What people paste or drop, framed into DER certificates: PEM (one block or many, with any
//! text between), DER, Base64 without PEM lines, and PKCS #7 bundles (.p7b, as Windows
//! exports a chain). Keys, requests and PKCS #12 files are refused with a reason.

use crate::locale::{Bilingual, Locale};
use data_encoding::BASE64;

/// One certificate's DER, and the line its PEM block begins on (none for DER input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub line: Option<usize>,
    pub der: Vec<u8>,
}

/// Why part of an input is not a certificate. `line` is the PEM block's first line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("the input is empty")]
    Empty,
    #[error(
        "{}a private key (\"{label}\"): it is not needed here and must never be sent to anyone; it was not read",
        at(*line)
    )]
    PrivateKey { line: Option<usize>, label: String },
    #[error(
        "{}a PKCS #12 (.pfx or .p12) file, which holds the private key too: export the certificate alone, as Base-64 encoded X.509 (.cer)",
        at(*line)
    )]
    Pkcs12 { line: Option<usize> },
    #[error(
        "{}a certificate signing request, not a certificate: check the certificate the CA issues for it",
        at(*line)
    )]
    Request { line: Option<usize> },
    #[error("{}\"-----BEGIN {label}-----\" is not a certificate", at(*line))]
    OtherBlock { line: Option<usize>, label: String },
    #[error("{}the block has no \"-----END {label}-----\" line", at(*line))]
    Unterminated { line: Option<usize>, label: String },
    #[error("{}the Base64 of the block is damaged ({reason})", at(*line))]
    Base64 { line: Option<usize>, reason: String },
    #[error("{}a PKCS #7 bundle sitecheck cannot read (only DER-encoded signed data with certificates)", at(*line))]
    Pkcs7 { line: Option<usize> },
    #[error("{}not an X.509 certificate: {reason}", at(*line))]
    NotACertificate { line: Option<usize>, reason: String },
    #[error(
        "not PEM, DER or Base64: paste the certificate with its -----BEGIN CERTIFICATE----- line, or drop the .cer, .crt, .pem or .p7b file"
    )]
    Unrecognised,
}

fn at(line: Option<usize>) -> String {
    line.map(|line| format!("line {line}: ")).unwrap_or_default()
}

/// The reason `read_der` gives for bytes that are not DER.
const NOT_DER: &str = "not DER: no SEQUENCE where one begins";

impl ReadError {
    /// The problem in that language; `Display` is the English. Reasons from the Base64 and
    /// X.509 readers are quoted as they give them.
    pub fn message_in(&self, locale: Locale) -> String {
        if locale == Locale::En {
            return self.to_string();
        }
        let at = |line: &Option<usize>| line.map(|line| format!("rad {line}: ")).unwrap_or_default();
        match self {
            ReadError::Empty => "inmatningen är tom".to_owned(),
            ReadError::PrivateKey { line, label } => format!(
                "{}en privat nyckel (\"{label}\"): den behövs inte här och får aldrig skickas till någon; den lästes inte",
                at(line)
            ),
            ReadError::Pkcs12 { line } => format!(
                "{}en PKCS #12-fil (.pfx eller .p12), som också innehåller den privata nyckeln: exportera bara certifikatet, som Base-64-kodad X.509 (.cer)",
                at(line)
            ),
            ReadError::Request { line } => format!(
                "{}en begäran om certifikatsignering, inget certifikat: kontrollera certifikatet som CA:n utfärdar för den",
                at(line)
            ),
            ReadError::OtherBlock { line, label } => {
                format!("{}\"-----BEGIN {label}-----\" är inget certifikat", at(line))
            }
            ReadError::Unterminated { line, label } => {
                format!("{}blocket saknar raden \"-----END {label}-----\"", at(line))
            }
            ReadError::Base64 { line, reason } => format!("{}blockets Base64 är skadad ({reason})", at(line)),
            ReadError::Pkcs7 { line } => format!(
                "{}ett PKCS #7-paket som sitecheck inte kan läsa (bara DER-kodad signerad data med certifikat)",
                at(line)
            ),
            ReadError::NotACertificate { line, reason } => {
                let reason = if reason == NOT_DER { "inte DER: ingen SEQUENCE där en ska börja" } else { reason };
                format!("{}inget X.509-certifikat: {reason}", at(line))
            }
            ReadError::Unrecognised => "varken PEM, DER eller Base64: klistra in certifikatet med dess rad -----BEGIN CERTIFICATE-----, eller släpp filen .cer, .crt, .pem eller .p7b".to_owned(),
        }
    }

    /// The problem in both languages.
    pub fn message(&self) -> Bilingual {
        Bilingual::each(|locale| self.message_in(locale))
    }

    /// The line the problem is on, where the input has lines.
    pub fn line(&self) -> Option<usize> {
        match self {
            ReadError::Empty | ReadError::Unrecognised => None,
            ReadError::PrivateKey { line, .. }
            | ReadError::Pkcs12 { line }
            | ReadError::Request { line }
            | ReadError::OtherBlock { line, .. }
            | ReadError::Unterminated { line, .. }
            | ReadError::Base64 { line, .. }
            | ReadError::Pkcs7 { line }
            | ReadError::NotACertificate { line, .. } => *line,
        }
    }
}

/// A DER element: its tag, its content, all of it, and what follows it. Definite lengths of
/// up to four octets only: what certificates and DER bundles use.
pub(super) struct Element<'a> {
    pub tag: u8,
    pub content: &'a [u8],
    pub whole: &'a [u8],
    pub rest: &'a [u8],
}

pub(super) fn element(input: &[u8]) -> Option<Element<'_>> {
    let (&tag, after_tag) = input.split_first()?;
    // High tag numbers (0x1f) never occur at the levels read here.
    if tag & 0x1f == 0x1f {
        return None;
    }
    let (&first, mut after) = after_tag.split_first()?;
    let length = if first < 0x80 {
        usize::from(first)
    } else {
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 {
            return None;
        }
        let (octets, rest) = after.split_at_checked(count)?;
        after = rest;
        octets.iter().fold(0usize, |length, octet| (length << 8) | usize::from(*octet))
    };
    let header = input.len() - after.len();
    let end = header.checked_add(length)?;
    let whole = input.get(..end)?;
    Some(Element { tag, content: &whole[header..], whole, rest: &input[end..] })
}

const SEQUENCE: u8 = 0x30;
const SET: u8 = 0x31;
const INTEGER: u8 = 0x02;
const OBJECT_IDENTIFIER: u8 = 0x06;
const CONTEXT_0: u8 = 0xa0;
/// 1.2.840.113549.1.7.2, PKCS #7 signed data.
const SIGNED_DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];

/// The certificates of a PKCS #7 / CMS SignedData (RFC 5652 5.1): ContentInfo, [0] SignedData,
/// past version, digest algorithms and encapsulated content, the optional [0] certificates.
fn pkcs7_certificates(content_info: &[u8]) -> Option<Vec<Vec<u8>>> {
    let outer = element(content_info).filter(|outer| outer.tag == SEQUENCE)?;
    let oid = element(outer.content).filter(|oid| oid.tag == OBJECT_IDENTIFIER && oid.content == SIGNED_DATA)?;
    let explicit = element(oid.rest).filter(|explicit| explicit.tag == CONTEXT_0)?;
    let signed = element(explicit.content).filter(|signed| signed.tag == SEQUENCE)?;
    let version = element(signed.content).filter(|version| version.tag == INTEGER)?;
    let digests = element(version.rest).filter(|digests| digests.tag == SET)?;
    let content = element(digests.rest).filter(|content| content.tag == SEQUENCE)?;
    let mut certificates = Vec::new();
    if let Some(set) = element(content.rest).filter(|set| set.tag == CONTEXT_0) {
        let mut rest = set.content;
        while !rest.is_empty() {
            let certificate = element(rest)?;
            // Other certificate formats (attribute certificates, [1]..[3]) are not X.509.
            if certificate.tag == SEQUENCE {
                certificates.push(certificate.whole.to_vec());
            }
            rest = certificate.rest;
        }
    }
    Some(certificates)
}

/// DER bytes: one or more certificates one after another, or a PKCS #7 bundle; a PKCS #12
/// file or a bare key is refused.
fn read_der(bytes: &[u8], line: Option<usize>, blocks: &mut Vec<Result<Block, ReadError>>) {
    let mut rest = bytes;
    while !rest.is_empty() {
        let Some(outer) = element(rest).filter(|outer| outer.tag == SEQUENCE) else {
            blocks.push(Err(ReadError::NotACertificate { line, reason: NOT_DER.into() }));
            return;
        };
        match element(outer.content) {
            Some(first) if first.tag == OBJECT_IDENTIFIER => match pkcs7_certificates(outer.whole) {
                Some(certificates) => blocks.extend(certificates.into_iter().map(|der| Ok(Block { line, der }))),
                None => blocks.push(Err(ReadError::Pkcs7 { line })),
            },
            // PFX starts with version 3 (RFC 7292); PKCS #1 and PKCS #8 keys with 0 or 1.
            Some(first) if first.tag == INTEGER => blocks.push(Err(if first.content == [3] {
                ReadError::Pkcs12 { line }
            } else {
                ReadError::PrivateKey { line, label: "DER".into() }
            })),
            _ => blocks.push(Ok(Block { line, der: outer.whole.to_vec() })),
        }
        rest = outer.rest;
    }
}

fn decode_base64(text: &str) -> Result<Vec<u8>, String> {
    let compact: String = text.chars().filter(|character| !character.is_whitespace()).collect();
    BASE64.decode(compact.as_bytes()).map_err(|error| error.to_string())
}

/// The label of a PEM boundary line: `-----BEGIN X-----` gives `X`.
fn boundary<'a>(line: &'a str, kind: &str) -> Option<&'a str> {
    line.trim().strip_prefix("-----")?.strip_prefix(kind)?.strip_prefix(' ')?.strip_suffix("-----")
}

fn read_pem(text: &str, blocks: &mut Vec<Result<Block, ReadError>>) {
    let mut lines = text.lines().enumerate();
    while let Some((index, line)) = lines.next() {
        // Text outside the blocks (openssl's "subject=" lines, notes) is allowed (RFC 7468 2).
        let Some(label) = boundary(line, "BEGIN") else { continue };
        let line = Some(index + 1);
        let mut body = String::new();
        let mut ended = false;
        for (_, inner) in lines.by_ref() {
            if let Some(end) = boundary(inner, "END") {
                ended = end == label;
                break;
            }
            // RFC 1421 headers ("Proc-Type: …") are not Base64.
            if !inner.contains(':') {
                body.push_str(inner);
            }
        }
        if label.contains("PRIVATE KEY") {
            blocks.push(Err(ReadError::PrivateKey { line, label: label.to_owned() }));
            continue;
        }
        if !ended {
            blocks.push(Err(ReadError::Unterminated { line, label: label.to_owned() }));
            continue;
        }
        match label {
            "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" | "PKCS7" | "CMS" | "PKCS #7 SIGNED DATA" => {
                match decode_base64(&body) {
                    Ok(der) => read_der(&der, line, blocks),
                    Err(reason) => blocks.push(Err(ReadError::Base64 { line, reason })),
                }
            }
            "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => blocks.push(Err(ReadError::Request { line })),
            other => blocks.push(Err(ReadError::OtherBlock { line, label: other.to_owned() })),
        }
    }
}

/// Every certificate in `bytes`, and every part that is not one, in the order they come.
pub fn read_blocks(bytes: &[u8]) -> Vec<Result<Block, ReadError>> {
    let mut blocks = Vec::new();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        blocks.push(Err(ReadError::Empty));
        return blocks;
    }
    let text = String::from_utf8_lossy(bytes);
    if text.lines().any(|line| boundary(line, "BEGIN").is_some()) {
        read_pem(&text, &mut blocks);
    } else if bytes.first() == Some(&SEQUENCE) {
        read_der(bytes, None, &mut blocks);
    } else {
        // Base64 of DER without the PEM lines, as some consoles show a certificate.
        let trimmed = text.trim();
        let base64 = trimmed.bytes().all(|byte| byte.is_ascii_alphanumeric() || b"+/=\r\n\t ".contains(&byte));
        match decode_base64(trimmed) {
            Ok(der) if base64 && der.first() == Some(&SEQUENCE) => read_der(&der, Some(1), &mut blocks),
            _ => blocks.push(Err(ReadError::Unrecognised)),
        }
    }
    if blocks.is_empty() {
        blocks.push(Err(ReadError::Unrecognised));
    }
    blocks
}

/// `der` as a PEM block of 64-character lines (RFC 7468).
pub fn pem_block(der: &[u8]) -> String {
    let base64 = BASE64.encode(der);
    let mut pem = String::from("-----BEGIN CERTIFICATE-----\n");
    for chunk in base64.as_bytes().chunks(64) {
        pem.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        pem.push('\n');
    }
    pem.push_str("-----END CERTIFICATE-----\n");
    pem
}

// Natively only: proptest's random source does not build for wasm32-unknown-unknown.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A made-up DER "certificate": a SEQUENCE of a SEQUENCE, enough for the framing.
    fn fake_der(size: usize) -> Vec<u8> {
        let inner = vec![0x30, size as u8];
        let mut der = vec![0x30, (size + 2) as u8];
        der.extend(inner);
        der.extend(std::iter::repeat_n(0x05, size));
        der
    }

    fn check(input: &[u8], expected: &[Result<Option<usize>, &str>]) {
        let blocks = read_blocks(input);
        let seen: Vec<Result<Option<usize>, String>> =
            blocks.iter().map(|block| block.as_ref().map(|block| block.line).map_err(ToString::to_string)).collect();
        assert_eq!(seen.len(), expected.len(), "{seen:?}");
        for (seen, expected) in seen.iter().zip(expected) {
            match (seen, expected) {
                (Ok(line), Ok(expected)) => assert_eq!(line, expected),
                (Err(message), Err(expected)) => assert!(message.contains(expected), "{message} ∌ {expected}"),
                _ => panic!("{seen:?} is not {expected:?}"),
            }
        }
    }

    #[test]
    fn framing() {
        let der = fake_der(10);
        let pem = pem_block(&der);
        check(pem.as_bytes(), &[Ok(Some(1))]);
        check(format!("subject=CN=x\n{pem}\nnotes\n{pem}").as_bytes(), &[Ok(Some(2)), Ok(Some(7))]);
        check(&der, &[Ok(None)]);
        check(&[der.clone(), der.clone()].concat(), &[Ok(None), Ok(None)]);
        check(BASE64.encode(&der).as_bytes(), &[Ok(Some(1))]);
        check(b"", &[Err("empty")]);
        check(b"  \n", &[Err("empty")]);
        check(b"hello world", &[Err("not PEM, DER or Base64")]);
        check(b"-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n", &[Err("line 1: a private key")]);
        check(
            b"-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
            &[Err("signing request")],
        );
        check(b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", &[Err("is not a certificate")]);
        check(b"-----BEGIN CERTIFICATE-----\nAAAA\n", &[Err("no \"-----END CERTIFICATE-----\" line")]);
        check(
            b"-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n",
            &[Err("Base64 of the block is damaged")],
        );
        // A PKCS #12 file and a PKCS #8 key, by their first INTEGER.
        check(&[0x30, 0x03, 0x02, 0x01, 0x03], &[Err("PKCS #12")]);
        check(&[0x30, 0x03, 0x02, 0x01, 0x00], &[Err("a private key")]);
    }

    #[test]
    fn pkcs7_bundles_give_their_certificates() {
        let (first, second) = (fake_der(3), fake_der(4));
        let certificates = [first.clone(), second.clone()].concat();
        let tlv = |tag: u8, content: &[u8]| [vec![tag, content.len() as u8], content.to_vec()].concat();
        let signed = tlv(
            SEQUENCE,
            &[
                tlv(INTEGER, &[1]),
                tlv(SET, &[]),
                tlv(SEQUENCE, &tlv(OBJECT_IDENTIFIER, &[1])),
                tlv(CONTEXT_0, &certificates),
            ]
            .concat(),
        );
        let content_info = tlv(SEQUENCE, &[tlv(OBJECT_IDENTIFIER, SIGNED_DATA), tlv(CONTEXT_0, &signed)].concat());
        assert_eq!(pkcs7_certificates(&content_info), Some(vec![first.clone(), second.clone()]));
        let blocks = read_blocks(&content_info);
        assert_eq!(blocks, vec![Ok(Block { line: None, der: first }), Ok(Block { line: None, der: second })]);
        let wrong_type = tlv(SEQUENCE, &[tlv(OBJECT_IDENTIFIER, &[0x2a]), tlv(CONTEXT_0, &signed)].concat());
        check(&wrong_type, &[Err("PKCS #7 bundle sitecheck cannot read")]);
    }

    #[test]
    fn long_lengths_are_read_and_truncation_is_refused() {
        let mut der = vec![0x30, 0x82, 0x01, 0x00];
        der.extend(vec![0u8; 256]);
        let parsed = element(&der).unwrap();
        assert_eq!((parsed.content.len(), parsed.rest.len()), (256, 0));
        assert!(element(&der[..100]).is_none());
        assert!(element(&[0x30, 0x80, 0x00, 0x00]).is_none(), "indefinite lengths are BER");
    }

    proptest! {
        #[test]
        fn any_bytes_are_read_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
            let blocks = read_blocks(&bytes);
            prop_assert!(!blocks.is_empty());
        }

        #[test]
        fn any_text_is_read_without_panicking(text in "(-----BEGIN [A-Z ]{0,12}-----\n)?[A-Za-z0-9+/=\n:]{0,200}(-----END [A-Z ]{0,12}-----\n)?") {
            prop_assert!(!read_blocks(text.as_bytes()).is_empty());
        }

        #[test]
        fn pem_round_trips(content in prop::collection::vec(any::<u8>(), 0..300)) {
            // A SEQUENCE that opens with a SEQUENCE, as a certificate's TBS does.
            let header = |length: usize| vec![0x30, 0x82, (length >> 8) as u8, length as u8];
            let inner = [header(content.len()), content].concat();
            let der = [header(inner.len()), inner].concat();
            let pem = pem_block(&der);
            prop_assert!(pem.lines().all(|line| line.len() <= 64 || line.starts_with("-----")));
            prop_assert_eq!(read_blocks(pem.as_bytes()), vec![Ok(Block { line: Some(1), der: der.clone() })]);
            prop_assert_eq!(read_blocks(&der), vec![Ok(Block { line: None, der })]);
        }
    }
}
