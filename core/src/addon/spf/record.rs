//! One SPF record (RFC 7208) as a typed tree: the parser, its errors with their columns, and
//! the text form (`Display`), which reads back to the same tree.
//!
//! Written here rather than taken from a crate: the maintained SPF parsers are GPL-3.0, and
//! this project is MIT. The grammar is RFC 7208 section 12; the rules the grammar leaves to
//! the prose (macro letters only allowed in explanations, nonzero digit transformers, CIDR
//! ranges, modifiers given once, DNS name lengths) are checked too, each as its own error.

use crate::locale::{Bilingual, Locale};
use serde::{Serialize, Serializer};
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use thiserror::Error;

/// What a matching mechanism makes of the mail (RFC 7208 4.6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// `+`, the default.
    Pass,
    /// `-`
    Fail,
    /// `~`
    SoftFail,
    /// `?`
    Neutral,
}

impl Qualifier {
    pub const fn symbol(self) -> char {
        match self {
            Qualifier::Pass => '+',
            Qualifier::Fail => '-',
            Qualifier::SoftFail => '~',
            Qualifier::Neutral => '?',
        }
    }

    fn from_symbol(symbol: u8) -> Option<Qualifier> {
        match symbol {
            b'+' => Some(Qualifier::Pass),
            b'-' => Some(Qualifier::Fail),
            b'~' => Some(Qualifier::SoftFail),
            b'?' => Some(Qualifier::Neutral),
            _ => None,
        }
    }

    /// The result's name in RFC 7208's words.
    pub const fn result(self) -> &'static str {
        match self {
            Qualifier::Pass => "pass",
            Qualifier::Fail => "fail",
            Qualifier::SoftFail => "softfail",
            Qualifier::Neutral => "neutral",
        }
    }
}

/// A macro letter (RFC 7208 7.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MacroLetter {
    /// `s`: the sender.
    Sender,
    /// `l`: the sender's local part.
    LocalPart,
    /// `o`: the sender's domain.
    SenderDomain,
    /// `d`: the domain being checked.
    Domain,
    /// `i`: the client's IP address.
    Ip,
    /// `p`: the client's validated domain name (a PTR lookup; RFC 7208 says not to use it).
    ValidatedName,
    /// `v`: `in-addr` or `ip6`.
    IpVersion,
    /// `h`: the HELO/EHLO domain.
    Helo,
    /// `c`: the client's IP in readable form (explanations only).
    ClientIp,
    /// `r`: the receiving domain (explanations only).
    Receiver,
    /// `t`: the current time stamp (explanations only).
    Timestamp,
}

impl MacroLetter {
    pub const ALL: [MacroLetter; 11] = [
        MacroLetter::Sender,
        MacroLetter::LocalPart,
        MacroLetter::SenderDomain,
        MacroLetter::Domain,
        MacroLetter::Ip,
        MacroLetter::ValidatedName,
        MacroLetter::IpVersion,
        MacroLetter::Helo,
        MacroLetter::ClientIp,
        MacroLetter::Receiver,
        MacroLetter::Timestamp,
    ];

    pub const fn letter(self) -> char {
        match self {
            MacroLetter::Sender => 's',
            MacroLetter::LocalPart => 'l',
            MacroLetter::SenderDomain => 'o',
            MacroLetter::Domain => 'd',
            MacroLetter::Ip => 'i',
            MacroLetter::ValidatedName => 'p',
            MacroLetter::IpVersion => 'v',
            MacroLetter::Helo => 'h',
            MacroLetter::ClientIp => 'c',
            MacroLetter::Receiver => 'r',
            MacroLetter::Timestamp => 't',
        }
    }

    fn from_letter(letter: u8) -> Option<MacroLetter> {
        let lower = letter.to_ascii_lowercase();
        MacroLetter::ALL.into_iter().find(|candidate| candidate.letter() as u8 == lower)
    }

    /// `c`, `r` and `t` may stand only in the explanation text an `exp=` names, never in the
    /// record itself (RFC 7208 7.2).
    pub const fn explanation_only(self) -> bool {
        matches!(self, MacroLetter::ClientIp | MacroLetter::Receiver | MacroLetter::Timestamp)
    }
}

/// The characters a macro may split its value at (RFC 7208 7.1 `delimiter`).
pub const MACRO_DELIMITERS: &str = ".-+,/_=";

/// `%{…}`: a value of the message, transformed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct MacroExpand {
    pub letter: MacroLetter,
    /// Written in upper case: the value is URL-escaped after expansion.
    pub url_escape: bool,
    /// Keep this many parts from the right (nonzero).
    pub keep: Option<u32>,
    /// `r`: reverse the parts first.
    pub reverse: bool,
    /// Split at these characters instead of `.`; as written, in order.
    pub delimiters: String,
}

impl fmt::Display for MacroExpand {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let letter = self.letter.letter();
        let letter = if self.url_escape { letter.to_ascii_uppercase() } else { letter };
        write!(formatter, "%{{{letter}")?;
        if let Some(keep) = self.keep {
            write!(formatter, "{keep}")?;
        }
        if self.reverse {
            formatter.write_str("r")?;
        }
        write!(formatter, "{}}}", self.delimiters)
    }
}

/// One piece of a macro string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum MacroPart {
    /// Characters that stand for themselves.
    Literal(String),
    Expand(MacroExpand),
    /// `%%`
    Percent,
    /// `%_`: a space.
    Space,
    /// `%-`: `%20`.
    UrlSpace,
}

impl MacroPart {
    /// Whether this part is a `macro-expand` in the grammar's sense (anything but a literal).
    pub const fn is_macro(&self) -> bool {
        !matches!(self, MacroPart::Literal(_))
    }
}

impl fmt::Display for MacroPart {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MacroPart::Literal(text) => formatter.write_str(text),
            MacroPart::Expand(expand) => expand.fmt(formatter),
            MacroPart::Percent => formatter.write_str("%%"),
            MacroPart::Space => formatter.write_str("%_"),
            MacroPart::UrlSpace => formatter.write_str("%-"),
        }
    }
}

/// A `macro-string`: literals and macros, adjacent literals joined into one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct MacroString {
    parts: Vec<MacroPart>,
}

impl MacroString {
    /// From parts in order; adjacent literals are joined and empty ones dropped, so that one
    /// text has one tree.
    pub fn new(parts: impl IntoIterator<Item = MacroPart>) -> MacroString {
        let mut joined: Vec<MacroPart> = Vec::new();
        for part in parts {
            match (joined.last_mut(), part) {
                (_, MacroPart::Literal(text)) if text.is_empty() => {}
                (Some(MacroPart::Literal(last)), MacroPart::Literal(text)) => last.push_str(&text),
                (_, part) => joined.push(part),
            }
        }
        MacroString { parts: joined }
    }

    pub fn parts(&self) -> &[MacroPart] {
        &self.parts
    }

    /// The text when it holds no macro: a plain domain name that can be looked up as it is.
    pub fn literal(&self) -> Option<&str> {
        match self.parts.as_slice() {
            [] => Some(""),
            [MacroPart::Literal(text)] => Some(text),
            _ => None,
        }
    }

    pub fn has_macros(&self) -> bool {
        self.parts.iter().any(MacroPart::is_macro)
    }

    pub fn uses(&self, letter: MacroLetter) -> bool {
        self.parts.iter().any(|part| matches!(part, MacroPart::Expand(expand) if expand.letter == letter))
    }
}

impl fmt::Display for MacroString {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.parts.iter().try_for_each(|part| part.fmt(formatter))
    }
}

/// A `domain-spec`: a macro string that ends in a top-level label or a macro.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct DomainSpec(MacroString);

impl DomainSpec {
    pub fn macro_string(&self) -> &MacroString {
        &self.0
    }

    /// The domain name when the spec holds no macro.
    pub fn literal(&self) -> Option<&str> {
        self.0.literal()
    }

    /// Whether this names `domain` (no macros; case and a final dot do not matter).
    pub fn names(&self, domain: &str) -> bool {
        self.literal().is_some_and(|literal| same_domain(literal, domain))
    }
}

impl fmt::Display for DomainSpec {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(formatter)
    }
}

/// Domain names compare without case and without a final dot.
pub fn same_domain(left: &str, right: &str) -> bool {
    left.trim_end_matches('.').eq_ignore_ascii_case(right.trim_end_matches('.'))
}

/// `a` and `mx` may narrow the addresses they find: `/24`, `//64` or `/24//64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct DualCidr {
    pub ip4: Option<u8>,
    pub ip6: Option<u8>,
}

impl fmt::Display for DualCidr {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(ip4) = self.ip4 {
            write!(formatter, "/{ip4}")?;
        }
        if let Some(ip6) = self.ip6 {
            write!(formatter, "//{ip6}")?;
        }
        Ok(())
    }
}

/// The eight mechanisms (RFC 7208 5).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "mechanism", rename_all = "kebab-case")]
pub enum Mechanism {
    All,
    Include {
        domain: DomainSpec,
    },
    A {
        domain: Option<DomainSpec>,
        cidr: DualCidr,
    },
    Mx {
        domain: Option<DomainSpec>,
        cidr: DualCidr,
    },
    Ptr {
        domain: Option<DomainSpec>,
    },
    /// The address as written (bits beyond the prefix are allowed and ignored).
    Ip4 {
        address: Ipv4Addr,
        prefix: Option<u8>,
    },
    Ip6 {
        address: Ipv6Addr,
        prefix: Option<u8>,
    },
    Exists {
        domain: DomainSpec,
    },
}

impl Mechanism {
    pub const fn name(&self) -> &'static str {
        match self {
            Mechanism::All => "all",
            Mechanism::Include { .. } => "include",
            Mechanism::A { .. } => "a",
            Mechanism::Mx { .. } => "mx",
            Mechanism::Ptr { .. } => "ptr",
            Mechanism::Ip4 { .. } => "ip4",
            Mechanism::Ip6 { .. } => "ip6",
            Mechanism::Exists { .. } => "exists",
        }
    }

    /// Whether evaluating it asks DNS, and so counts towards the limit of 10 (RFC 7208 4.6.4).
    pub const fn looks_up(&self) -> bool {
        matches!(
            self,
            Mechanism::Include { .. }
                | Mechanism::A { .. }
                | Mechanism::Mx { .. }
                | Mechanism::Ptr { .. }
                | Mechanism::Exists { .. }
        )
    }
}

/// The names of the mechanisms, for suggestions.
const MECHANISM_NAMES: [&str; 8] = ["all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"];

impl fmt::Display for Mechanism {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.name())?;
        match self {
            Mechanism::All => Ok(()),
            Mechanism::Include { domain } | Mechanism::Exists { domain } => write!(formatter, ":{domain}"),
            Mechanism::A { domain, cidr } | Mechanism::Mx { domain, cidr } => {
                if let Some(domain) = domain {
                    write!(formatter, ":{domain}")?;
                }
                write!(formatter, "{cidr}")
            }
            Mechanism::Ptr { domain } => domain.as_ref().map_or(Ok(()), |domain| write!(formatter, ":{domain}")),
            Mechanism::Ip4 { address, prefix } => {
                write!(formatter, ":{address}")?;
                prefix.map_or(Ok(()), |prefix| write!(formatter, "/{prefix}"))
            }
            Mechanism::Ip6 { address, prefix } => {
                write!(formatter, ":{address}")?;
                prefix.map_or(Ok(()), |prefix| write!(formatter, "/{prefix}"))
            }
        }
    }
}

/// A qualifier and a mechanism.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Directive {
    /// As written; none means `+`.
    pub qualifier: Option<Qualifier>,
    #[serde(flatten)]
    pub mechanism: Mechanism,
}

impl Directive {
    pub fn qualifier(&self) -> Qualifier {
        self.qualifier.unwrap_or(Qualifier::Pass)
    }
}

impl fmt::Display for Directive {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(qualifier) = self.qualifier {
            write!(formatter, "{}", qualifier.symbol())?;
        }
        self.mechanism.fmt(formatter)
    }
}

/// `name=value` (RFC 7208 6).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "modifier", rename_all = "kebab-case")]
pub enum Modifier {
    /// `redirect=`: the record of this domain decides instead, when nothing matched.
    Redirect { domain: DomainSpec },
    /// `exp=`: where the explanation for a fail is.
    Explanation { domain: DomainSpec },
    /// Any other name: receivers ignore it.
    Unknown { name: String, value: MacroString },
}

impl fmt::Display for Modifier {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Modifier::Redirect { domain } => write!(formatter, "redirect={domain}"),
            Modifier::Explanation { domain } => write!(formatter, "exp={domain}"),
            Modifier::Unknown { name, value } => write!(formatter, "{name}={value}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "term", rename_all = "kebab-case")]
pub enum Term {
    Directive(Directive),
    Modifier(Modifier),
}

impl fmt::Display for Term {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Directive(directive) => directive.fmt(formatter),
            Term::Modifier(modifier) => modifier.fmt(formatter),
        }
    }
}

/// A term and where it starts in the record (1-based, in characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Located<T> {
    pub column: usize,
    #[serde(flatten)]
    pub value: T,
}

/// An SPF record: `v=spf1` and its terms in order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct SpfRecord {
    pub terms: Vec<Located<Term>>,
}

/// The version section every SPF record starts with (RFC 7208 4.5).
pub const VERSION: &str = "v=spf1";

/// Whether a TXT record is an SPF record: it starts with `v=spf1` followed by a space or
/// nothing (RFC 7208 4.5; `v=spf10` is not one).
pub fn is_spf(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= VERSION.len()
        && bytes[..VERSION.len()].eq_ignore_ascii_case(VERSION.as_bytes())
        && matches!(bytes.get(VERSION.len()), None | Some(b' '))
}

impl SpfRecord {
    /// Reads a record, or every error in it.
    pub fn parse(text: &str) -> Result<SpfRecord, SyntaxErrors> {
        let (record, errors) = SpfRecord::parse_lenient(text);
        if errors.is_empty() { Ok(record) } else { Err(SyntaxErrors { errors }) }
    }

    /// Reads what can be read: the record of every term without an error, and the errors,
    /// each at its column. A record with errors is a PermError to a receiver as a whole; the
    /// terms still tell what the author meant.
    pub fn parse_lenient(text: &str) -> (SpfRecord, Vec<SyntaxError>) {
        let mut errors = Vec::new();
        let mut record = SpfRecord::default();
        // Columns in characters, counted on from the last one asked for: the terms come in
        // order, so the whole count is linear in the record (a count from the start for each
        // term was quadratic: a megabyte-long record took seconds).
        let mut counted = (0usize, 0usize);
        let mut column = |byte: usize| {
            let (from, characters) = if byte >= counted.0 { counted } else { (0, 0) };
            match text.get(from..byte) {
                Some(between) => {
                    counted = (byte, characters + between.chars().count());
                    counted.1 + 1
                }
                None => byte + 1,
            }
        };
        if !is_spf(text) {
            errors.push(SyntaxError { column: 1, kind: SyntaxErrorKind::NotSpf });
            return (record, errors);
        }
        // Terms are what lies between spaces; each piece starts one byte after the last ended.
        let mut position = VERSION.len();
        let mut seen_redirect = false;
        let mut seen_explanation = false;
        for piece in text[VERSION.len()..].split(' ') {
            let offset = position;
            position += piece.len() + 1;
            if piece.is_empty() {
                continue;
            }
            match parse_term(piece) {
                Ok(term) => {
                    let repeated = match &term {
                        Term::Modifier(Modifier::Redirect { .. }) => std::mem::replace(&mut seen_redirect, true),
                        Term::Modifier(Modifier::Explanation { .. }) => std::mem::replace(&mut seen_explanation, true),
                        _ => false,
                    };
                    if repeated {
                        let name =
                            if matches!(term, Term::Modifier(Modifier::Redirect { .. })) { "redirect" } else { "exp" };
                        errors.push(SyntaxError {
                            column: column(offset),
                            kind: SyntaxErrorKind::RepeatedModifier { name },
                        });
                    } else {
                        record.terms.push(Located { column: column(offset), value: term });
                    }
                }
                Err((at, kind)) => errors.push(SyntaxError { column: column(offset + at), kind }),
            }
        }
        (record, errors)
    }

    pub fn directives(&self) -> impl Iterator<Item = &Located<Term>> {
        self.terms.iter().filter(|term| matches!(term.value, Term::Directive(_)))
    }

    /// The index (among the terms) of the first `all`.
    pub fn first_all(&self) -> Option<usize> {
        self.terms
            .iter()
            .position(|term| matches!(&term.value, Term::Directive(Directive { mechanism: Mechanism::All, .. })))
    }

    /// The `all` that ends evaluation, if any.
    pub fn all(&self) -> Option<(&Directive, usize)> {
        self.first_all().and_then(|index| match &self.terms[index].value {
            Term::Directive(directive) => Some((directive, self.terms[index].column)),
            Term::Modifier(_) => None,
        })
    }

    /// The directives a receiver evaluates, in order: all of them up to and including the
    /// first `all`; those after it are never reached.
    pub fn evaluated(&self) -> impl Iterator<Item = (&Directive, usize)> {
        let end = self.first_all().map_or(self.terms.len(), |index| index + 1);
        self.terms[..end].iter().filter_map(|term| match &term.value {
            Term::Directive(directive) => Some((directive, term.column)),
            Term::Modifier(_) => None,
        })
    }

    pub fn redirect(&self) -> Option<(&DomainSpec, usize)> {
        self.terms.iter().find_map(|term| match &term.value {
            Term::Modifier(Modifier::Redirect { domain }) => Some((domain, term.column)),
            _ => None,
        })
    }

    /// The redirect a receiver follows: RFC 7208 6.1 ignores it when the record has an `all`.
    pub fn effective_redirect(&self) -> Option<(&DomainSpec, usize)> {
        if self.first_all().is_some() { None } else { self.redirect() }
    }
}

impl fmt::Display for SpfRecord {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(VERSION)?;
        self.terms.iter().try_for_each(|term| write!(formatter, " {}", term.value))
    }
}

impl std::str::FromStr for SpfRecord {
    type Err = SyntaxErrors;

    fn from_str(text: &str) -> Result<SpfRecord, SyntaxErrors> {
        SpfRecord::parse(text)
    }
}

/// Why a record cannot be read. Each is a PermError to a receiver.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SyntaxErrorKind {
    #[error("an SPF record begins with \"v=spf1\" and then a space or nothing")]
    NotSpf,
    #[error("{found:?} cannot stand in an SPF record: only printable ASCII, with single spaces between terms")]
    InvalidCharacter { found: char },
    #[error("unknown mechanism \"{name}\"{}", suggestion.as_ref().map(|hint| format!(" (did you mean \"{hint}\"?)")).unwrap_or_default())]
    UnknownMechanism { name: String, suggestion: Option<String> },
    #[error("a mechanism name is missing (all, include, a, mx, ptr, ip4, ip6 or exists)")]
    MissingMechanism,
    #[error("\"{name}=\" is a modifier, which takes no qualifier (+ - ~ ?)")]
    QualifiedModifier { name: String },
    #[error("\"{mechanism}\" needs a domain: {mechanism}:example.com")]
    MissingDomain { mechanism: &'static str },
    #[error("\"{mechanism}\" needs an address: {mechanism}:{example}")]
    MissingAddress { mechanism: &'static str, example: &'static str },
    #[error("\"{mechanism}\" takes nothing after it")]
    UnexpectedArgument { mechanism: &'static str },
    #[error("\"{mechanism}\" takes no CIDR length")]
    CidrNotAllowed { mechanism: &'static str },
    #[error("\"{text}\" is not an IPv4 address (four numbers 0–255 without leading zeros)")]
    InvalidIp4 { text: String },
    #[error("\"{text}\" is not an IPv6 address")]
    InvalidIp6 { text: String },
    #[error("\"{text}\" is not a CIDR length: digits without a leading zero, after \"/\"")]
    InvalidCidr { text: String },
    #[error("/{length} is out of range: an {family} prefix is 0 to {max}")]
    CidrOutOfRange { length: u32, family: &'static str, max: u8 },
    #[error("the domain is empty")]
    EmptyDomain,
    #[error("\"{domain}\" does not end in a top-level label after a dot (like .com) or in a macro")]
    DomainEnd { domain: String },
    #[error("\"{domain}\" ends in \"{label}\", which is not a top-level label{}", if label.bytes().all(|byte| byte.is_ascii_digit()) { ": an address belongs in ip4: or ip6:" } else { "" })]
    InvalidTopLabel { domain: String, label: String },
    #[error("\"{domain}\" has an empty label (two dots in a row, or a leading dot)")]
    EmptyLabel { domain: String },
    #[error("\"{label}\" is {length} characters long: a DNS label has at most 63")]
    LabelTooLong { label: String, length: usize },
    #[error("the domain is {length} characters long: a DNS name has at most 253")]
    NameTooLong { length: usize },
    #[error("a \"%\" begins a macro: %{{…}}, %%, %_ or %-")]
    LonePercent,
    #[error("the macro is not closed with \"}}\"")]
    UnclosedMacro,
    #[error("{found:?} is not a macro letter (s, l, o, d, i, p, h, c, r, t or v)")]
    UnknownMacroLetter { found: char },
    #[error(
        "{found:?} cannot stand in a macro: after the letter come digits, \"r\" and delimiters ({MACRO_DELIMITERS})"
    )]
    InvalidMacroCharacter { found: char },
    #[error("a macro keeps at least one part: the number after its letter is not 0")]
    MacroZeroParts,
    #[error("the number in the macro is too large")]
    MacroPartsTooLarge,
    #[error("the macro letter \"{letter}\" is allowed only in explanation text, not in the record")]
    ExplanationOnlyMacro { letter: char },
    #[error("\"{name}=\" is given more than once: receivers return PermError")]
    RepeatedModifier { name: &'static str },
}

impl SyntaxErrorKind {
    /// The error in that language; `Display` is the English.
    pub fn message_in(&self, locale: Locale) -> String {
        if locale == Locale::En {
            return self.to_string();
        }
        match self {
            SyntaxErrorKind::NotSpf => {
                "en SPF-post börjar med \"v=spf1\" och sedan ett mellanslag eller ingenting".to_owned()
            }
            SyntaxErrorKind::InvalidCharacter { found } => format!(
                "{found:?} får inte stå i en SPF-post: bara skrivbar ASCII, med enkla mellanslag mellan termerna"
            ),
            SyntaxErrorKind::UnknownMechanism { name, suggestion } => format!(
                "okänd mekanism \"{name}\"{}",
                suggestion.as_ref().map(|hint| format!(" (menade du \"{hint}\"?)")).unwrap_or_default()
            ),
            SyntaxErrorKind::MissingMechanism => {
                "ett mekanismnamn saknas (all, include, a, mx, ptr, ip4, ip6 eller exists)".to_owned()
            }
            SyntaxErrorKind::QualifiedModifier { name } => {
                format!("\"{name}=\" är en modifierare, som inte tar någon kvalificerare (+ - ~ ?)")
            }
            SyntaxErrorKind::MissingDomain { mechanism } => {
                format!("\"{mechanism}\" behöver en domän: {mechanism}:example.com")
            }
            SyntaxErrorKind::MissingAddress { mechanism, example } => {
                format!("\"{mechanism}\" behöver en adress: {mechanism}:{example}")
            }
            SyntaxErrorKind::UnexpectedArgument { mechanism } => format!("\"{mechanism}\" tar inget efter sig"),
            SyntaxErrorKind::CidrNotAllowed { mechanism } => format!("\"{mechanism}\" tar ingen CIDR-längd"),
            SyntaxErrorKind::InvalidIp4 { text } => {
                format!("\"{text}\" är ingen IPv4-adress (fyra tal 0–255 utan inledande nollor)")
            }
            SyntaxErrorKind::InvalidIp6 { text } => format!("\"{text}\" är ingen IPv6-adress"),
            SyntaxErrorKind::InvalidCidr { text } => {
                format!("\"{text}\" är ingen CIDR-längd: siffror utan inledande nolla, efter \"/\"")
            }
            SyntaxErrorKind::CidrOutOfRange { length, family, max } => {
                format!("/{length} ligger utanför intervallet: ett {family}-prefix är 0 till {max}")
            }
            SyntaxErrorKind::EmptyDomain => "domänen är tom".to_owned(),
            SyntaxErrorKind::DomainEnd { domain } => {
                format!("\"{domain}\" slutar inte på en toppdomänetikett efter en punkt (som .com) eller på ett makro")
            }
            SyntaxErrorKind::InvalidTopLabel { domain, label } => format!(
                "\"{domain}\" slutar på \"{label}\", som inte är en toppdomänetikett{}",
                if label.bytes().all(|byte| byte.is_ascii_digit()) {
                    ": en adress hör hemma i ip4: eller ip6:"
                } else {
                    ""
                }
            ),
            SyntaxErrorKind::EmptyLabel { domain } => {
                format!("\"{domain}\" har en tom etikett (två punkter i rad, eller en inledande punkt)")
            }
            SyntaxErrorKind::LabelTooLong { label, length } => {
                format!("\"{label}\" är {length} tecken lång: en DNS-etikett har högst 63")
            }
            SyntaxErrorKind::NameTooLong { length } => {
                format!("domänen är {length} tecken lång: ett DNS-namn har högst 253")
            }
            SyntaxErrorKind::LonePercent => "ett \"%\" inleder ett makro: %{…}, %%, %_ eller %-".to_owned(),
            SyntaxErrorKind::UnclosedMacro => "makrot är inte avslutat med \"}\"".to_owned(),
            SyntaxErrorKind::UnknownMacroLetter { found } => {
                format!("{found:?} är ingen makrobokstav (s, l, o, d, i, p, h, c, r, t eller v)")
            }
            SyntaxErrorKind::InvalidMacroCharacter { found } => format!(
                "{found:?} får inte stå i ett makro: efter bokstaven kommer siffror, \"r\" och avgränsare ({MACRO_DELIMITERS})"
            ),
            SyntaxErrorKind::MacroZeroParts => {
                "ett makro behåller minst en del: talet efter bokstaven är inte 0".to_owned()
            }
            SyntaxErrorKind::MacroPartsTooLarge => "talet i makrot är för stort".to_owned(),
            SyntaxErrorKind::ExplanationOnlyMacro { letter } => {
                format!("makrobokstaven \"{letter}\" är bara tillåten i förklaringstext, inte i posten")
            }
            SyntaxErrorKind::RepeatedModifier { name } => {
                format!("\"{name}=\" anges mer än en gång: mottagare returnerar PermError")
            }
        }
    }

    /// The error in both languages.
    pub fn message(&self) -> Bilingual {
        Bilingual::each(|locale| self.message_in(locale))
    }
}

/// An error and its column in the record (1-based, in characters).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("column {column}: {kind}")]
pub struct SyntaxError {
    pub column: usize,
    pub kind: SyntaxErrorKind,
}

impl SyntaxError {
    /// The error with its column, in that language; `Display` is the English.
    pub fn message_in(&self, locale: Locale) -> String {
        match locale {
            Locale::En => self.to_string(),
            Locale::Sv => format!("kolumn {}: {}", self.column, self.kind.message_in(locale)),
        }
    }
}

/// The message follows the language the report is written in (`locale::written`).
impl Serialize for SyntaxError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut state = serializer.serialize_struct("SyntaxError", 2)?;
        state.serialize_field("column", &self.column)?;
        state.serialize_field("message", &self.kind.message())?;
        state.end()
    }
}

/// Every error of one record (never empty).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
pub struct SyntaxErrors {
    pub errors: Vec<SyntaxError>,
}

/// A term's error: the byte offset in the term, and why.
type TermError = (usize, SyntaxErrorKind);

fn is_name_start(byte: u8) -> bool {
    byte.is_ascii_alphabetic()
}

fn is_name_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.')
}

fn parse_term(term: &str) -> Result<Term, TermError> {
    if let Some((at, found)) = term.char_indices().find(|(_, found)| !found.is_ascii_graphic()) {
        return Err((at, SyntaxErrorKind::InvalidCharacter { found }));
    }
    let bytes = term.as_bytes();
    // A modifier is `name=`; a mechanism's name ends at `:`, `/` or the end.
    let name_length =
        if is_name_start(bytes[0]) { bytes.iter().take_while(|byte| is_name_byte(**byte)).count() } else { 0 };
    if name_length > 0 && bytes.get(name_length) == Some(&b'=') {
        return parse_modifier(&term[..name_length], &term[name_length + 1..], name_length + 1).map(Term::Modifier);
    }
    let qualifier = Qualifier::from_symbol(bytes[0]);
    let body_start = usize::from(qualifier.is_some());
    let body = &term[body_start..];
    let name_end = body.find([':', '/']).unwrap_or(body.len());
    let name = &body[..name_end];
    let rest = &body[name_end..];
    let at = |offset: usize| body_start + name_end + offset;
    let lower = name.to_ascii_lowercase();
    if name.is_empty() {
        return Err((body_start, SyntaxErrorKind::MissingMechanism));
    }
    if qualifier.is_some() {
        let modifier_name = body.as_bytes().iter().take_while(|byte| is_name_byte(**byte)).count();
        if modifier_name > 0 && body.as_bytes().get(modifier_name) == Some(&b'=') {
            return Err((0, SyntaxErrorKind::QualifiedModifier { name: body[..modifier_name].to_owned() }));
        }
    }
    let domain_argument = |mechanism: &'static str| -> Result<DomainSpec, TermError> {
        match rest.strip_prefix(':') {
            Some(domain) => parse_domain_spec(domain).map_err(|(offset, kind)| (at(1 + offset), kind)),
            None if rest.starts_with('/') => Err((at(0), SyntaxErrorKind::CidrNotAllowed { mechanism })),
            None => Err((at(0), SyntaxErrorKind::MissingDomain { mechanism })),
        }
    };
    let mechanism = match lower.as_str() {
        "all" if rest.is_empty() => Mechanism::All,
        "all" => return Err((at(0), SyntaxErrorKind::UnexpectedArgument { mechanism: "all" })),
        "include" => Mechanism::Include { domain: domain_argument("include")? },
        "exists" => Mechanism::Exists { domain: domain_argument("exists")? },
        "ptr" => match rest.strip_prefix(':') {
            Some(_) => Mechanism::Ptr { domain: Some(domain_argument("ptr")?) },
            None if rest.is_empty() => Mechanism::Ptr { domain: None },
            None => return Err((at(0), SyntaxErrorKind::CidrNotAllowed { mechanism: "ptr" })),
        },
        "a" | "mx" => {
            let (domain_text, cidr, cidr_at) = split_dual_cidr(rest);
            let cidr = parse_dual_cidr(cidr).map_err(|(offset, kind)| (at(cidr_at + offset), kind))?;
            let domain = match domain_text.strip_prefix(':') {
                Some(text) => Some(parse_domain_spec(text).map_err(|(offset, kind)| (at(1 + offset), kind))?),
                None if domain_text.is_empty() => None,
                // Only a CIDR length may follow the name directly.
                None => return Err((at(0), SyntaxErrorKind::InvalidCidr { text: domain_text.to_owned() })),
            };
            if lower == "a" { Mechanism::A { domain, cidr } } else { Mechanism::Mx { domain, cidr } }
        }
        "ip4" => {
            let Some(argument) = rest.strip_prefix(':').filter(|argument| !argument.is_empty()) else {
                return Err((at(0), SyntaxErrorKind::MissingAddress { mechanism: "ip4", example: "192.0.2.0/24" }));
            };
            let (address_text, prefix) = split_prefix(argument);
            let address = address_text
                .parse::<Ipv4Addr>()
                .map_err(|_| (at(1), SyntaxErrorKind::InvalidIp4 { text: address_text.to_owned() }))?;
            let prefix = prefix
                .map(|text| parse_cidr_length(text, "IPv4", 32))
                .transpose()
                .map_err(|kind| (at(1 + address_text.len() + 1), kind))?;
            Mechanism::Ip4 { address, prefix }
        }
        "ip6" => {
            let Some(argument) = rest.strip_prefix(':').filter(|argument| !argument.is_empty()) else {
                return Err((at(0), SyntaxErrorKind::MissingAddress { mechanism: "ip6", example: "2001:db8::/32" }));
            };
            let (address_text, prefix) = split_prefix(argument);
            let address = address_text
                .parse::<Ipv6Addr>()
                .map_err(|_| (at(1), SyntaxErrorKind::InvalidIp6 { text: address_text.to_owned() }))?;
            let prefix = prefix
                .map(|text| parse_cidr_length(text, "IPv6", 128))
                .transpose()
                .map_err(|kind| (at(1 + address_text.len() + 1), kind))?;
            Mechanism::Ip6 { address, prefix }
        }
        _ => {
            return Err((
                body_start,
                SyntaxErrorKind::UnknownMechanism { name: name.to_owned(), suggestion: suggest(name, rest) },
            ));
        }
    };
    Ok(Term::Directive(Directive { qualifier, mechanism }))
}

fn parse_modifier(name: &str, value: &str, value_at: usize) -> Result<Modifier, TermError> {
    let domain = || parse_domain_spec(value).map_err(|(offset, kind)| (value_at + offset, kind));
    match name.to_ascii_lowercase().as_str() {
        "redirect" => Ok(Modifier::Redirect { domain: domain()? }),
        "exp" => Ok(Modifier::Explanation { domain: domain()? }),
        // Unknown modifiers are ignored by receivers, but their value must still read as a
        // macro string (RFC 7208 6: `unknown-modifier = name "=" macro-string`).
        _ => parse_macro_string(value, true)
            .map(|value| Modifier::Unknown { name: name.to_owned(), value })
            .map_err(|(offset, kind)| (value_at + offset, kind)),
    }
}

/// A likely meant mechanism for an unknown name: a close spelling, `ipv4` for `ip4`, or
/// `include:` before what looks like a domain.
fn suggest(name: &str, rest: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    if let Some(family) = lower.strip_prefix("ipv").filter(|family| matches!(*family, "4" | "6")) {
        return Some(format!("ip{family}{rest}"));
    }
    if lower.contains('.') && rest.is_empty() {
        return Some(format!("include:{name}"));
    }
    if lower.len() < 3 {
        return None;
    }
    MECHANISM_NAMES
        .iter()
        .filter(|candidate| candidate.len() >= 3)
        .map(|candidate| (edit_distance(&lower, candidate), candidate))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| format!("{candidate}{rest}"))
}

/// Levenshtein distance over bytes (names are ASCII here).
fn edit_distance(left: &str, right: &str) -> usize {
    let right = right.as_bytes();
    let mut previous: Vec<usize> = (0..=right.len()).collect();
    for (i, left_byte) in left.bytes().enumerate() {
        let mut current = vec![i + 1];
        for (j, right_byte) in right.iter().enumerate() {
            let substitution = previous[j] + usize::from(left_byte != *right_byte);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[right.len()]
}

/// Splits `:domain/24//64` into the domain part and the trailing CIDR lengths, with the byte
/// offset where the lengths begin. The lengths are whatever trails as `/digits` and
/// `//digits`: a domain-spec may itself hold a `/`, so the split is from the right.
fn split_dual_cidr(rest: &str) -> (&str, &str, usize) {
    let bytes = rest.as_bytes();
    let mut end = bytes.len();
    let trailing_digits = |end: usize| bytes[..end].iter().rev().take_while(|byte| byte.is_ascii_digit()).count();
    // `//digits` at the end?
    let digits = trailing_digits(end);
    let mut cut = end;
    if digits > 0 && end >= digits + 2 && &bytes[end - digits - 2..end - digits] == b"//" {
        cut = end - digits - 2;
        end = cut;
    }
    let digits = trailing_digits(end);
    if digits > 0
        && end > digits
        && bytes[end - digits - 1] == b'/'
        && (end - digits - 1 == 0 || bytes[end - digits - 2] != b'/')
    {
        cut = end - digits - 1;
    }
    (&rest[..cut], &rest[cut..], cut)
}

fn parse_dual_cidr(text: &str) -> Result<DualCidr, TermError> {
    let mut cidr = DualCidr::default();
    let (ip4_text, ip6_text) = match text.find("//") {
        Some(index) => (&text[..index], Some((&text[index + 2..], index + 2))),
        None => (text, None),
    };
    if let Some(ip4) = ip4_text.strip_prefix('/') {
        cidr.ip4 = Some(parse_cidr_length(ip4, "IPv4", 32).map_err(|kind| (1, kind))?);
    }
    if let Some((ip6, at)) = ip6_text {
        cidr.ip6 = Some(parse_cidr_length(ip6, "IPv6", 128).map_err(|kind| (at, kind))?);
    }
    Ok(cidr)
}

/// `address/length` into its parts; the length without its slash.
fn split_prefix(argument: &str) -> (&str, Option<&str>) {
    match argument.split_once('/') {
        Some((address, prefix)) => (address, Some(prefix)),
        None => (argument, None),
    }
}

/// A CIDR length: `0`, or digits without a leading zero, at most `max`.
fn parse_cidr_length(text: &str, family: &'static str, max: u8) -> Result<u8, SyntaxErrorKind> {
    let well_formed = !text.is_empty()
        && text.len() <= 3
        && text.bytes().all(|byte| byte.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    if !well_formed {
        return Err(SyntaxErrorKind::InvalidCidr { text: text.to_owned() });
    }
    let length: u32 = text.parse().map_err(|_| SyntaxErrorKind::InvalidCidr { text: text.to_owned() })?;
    u8::try_from(length).ok().filter(|length| *length <= max).ok_or(SyntaxErrorKind::CidrOutOfRange {
        length,
        family,
        max,
    })
}

/// A macro string; `explanation_letters` allows `c`, `r` and `t` (unknown modifiers' values
/// are never expanded, so nothing forbids them there).
fn parse_macro_string(text: &str, explanation_letters: bool) -> Result<MacroString, TermError> {
    let bytes = text.as_bytes();
    let mut parts = Vec::new();
    let mut literal_start = 0;
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] != b'%' {
            index += 1;
            continue;
        }
        parts.push(MacroPart::Literal(text[literal_start..index].to_owned()));
        let part = match bytes.get(index + 1) {
            Some(b'%') => MacroPart::Percent,
            Some(b'_') => MacroPart::Space,
            Some(b'-') => MacroPart::UrlSpace,
            Some(b'{') => {
                let (expand, length) =
                    parse_expand(&text[index + 2..]).map_err(|(offset, kind)| (index + 2 + offset, kind))?;
                if expand.letter.explanation_only() && !explanation_letters {
                    return Err((index + 2, SyntaxErrorKind::ExplanationOnlyMacro { letter: expand.letter.letter() }));
                }
                index += length;
                MacroPart::Expand(expand)
            }
            _ => return Err((index, SyntaxErrorKind::LonePercent)),
        };
        parts.push(part);
        index += 2;
        literal_start = index;
    }
    parts.push(MacroPart::Literal(text[literal_start..].to_owned()));
    Ok(MacroString::new(parts))
}

/// The inside of `%{…}` up to and including `}`: the expansion and how many bytes it took.
fn parse_expand(text: &str) -> Result<(MacroExpand, usize), TermError> {
    let bytes = text.as_bytes();
    let Some(&letter_byte) = bytes.first() else { return Err((0, SyntaxErrorKind::UnclosedMacro)) };
    let letter = MacroLetter::from_letter(letter_byte)
        .ok_or((0, SyntaxErrorKind::UnknownMacroLetter { found: char::from(letter_byte) }))?;
    let url_escape = letter_byte.is_ascii_uppercase();
    let mut index = 1;
    let digits = bytes[index..].iter().take_while(|byte| byte.is_ascii_digit()).count();
    let keep = if digits == 0 {
        None
    } else {
        let value: u32 =
            text[index..index + digits].parse().map_err(|_| (index, SyntaxErrorKind::MacroPartsTooLarge))?;
        if value == 0 {
            return Err((index, SyntaxErrorKind::MacroZeroParts));
        }
        Some(value)
    };
    index += digits;
    let reverse = matches!(bytes.get(index), Some(b'r' | b'R'));
    index += usize::from(reverse);
    let delimiters = bytes[index..].iter().take_while(|byte| MACRO_DELIMITERS.as_bytes().contains(byte)).count();
    let delimiter_text = text[index..index + delimiters].to_owned();
    index += delimiters;
    match bytes.get(index) {
        Some(b'}') => Ok((MacroExpand { letter, url_escape, keep, reverse, delimiters: delimiter_text }, index + 1)),
        None => Err((index, SyntaxErrorKind::UnclosedMacro)),
        Some(_) => {
            let found = text[index..].chars().next().unwrap_or('?');
            Err((index, SyntaxErrorKind::InvalidMacroCharacter { found }))
        }
    }
}

/// A domain-spec: a macro string ending in `.toplabel` (with an optional final dot) or in a
/// macro; without macros it must also be a DNS name (labels of 1 to 63, at most 253 in all).
fn parse_domain_spec(text: &str) -> Result<DomainSpec, TermError> {
    if text.is_empty() {
        return Err((0, SyntaxErrorKind::EmptyDomain));
    }
    let string = parse_macro_string(text, false)?;
    match string.parts().last() {
        Some(part) if part.is_macro() => {}
        Some(MacroPart::Literal(tail)) => {
            let trimmed = tail.strip_suffix('.').unwrap_or(tail);
            let Some(dot) = trimmed.rfind('.') else {
                return Err((0, SyntaxErrorKind::DomainEnd { domain: text.to_owned() }));
            };
            let label = &trimmed[dot + 1..];
            if !is_top_label(label) {
                let at = text.len() - tail.len() + dot + 1;
                return Err((
                    at,
                    SyntaxErrorKind::InvalidTopLabel { domain: text.to_owned(), label: label.to_owned() },
                ));
            }
        }
        _ => return Err((0, SyntaxErrorKind::EmptyDomain)),
    }
    if let Some(name) = string.literal() {
        check_dns_name(name)?;
    }
    Ok(DomainSpec(string))
}

/// RFC 7208's `toplabel`: letters, digits and inner hyphens, not all digits.
fn is_top_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    let alphanumeric_or_hyphen = bytes.iter().all(|byte| byte.is_ascii_alphanumeric() || *byte == b'-');
    let ends_alphanumeric =
        bytes.first().is_some_and(u8::is_ascii_alphanumeric) && bytes.last().is_some_and(u8::is_ascii_alphanumeric);
    let has_hyphen = bytes.contains(&b'-');
    let has_letter = bytes.iter().any(u8::is_ascii_alphabetic);
    alphanumeric_or_hyphen && ends_alphanumeric && (has_hyphen || has_letter)
}

fn check_dns_name(name: &str) -> Result<(), TermError> {
    let trimmed = name.strip_suffix('.').unwrap_or(name);
    if trimmed.len() > 253 {
        return Err((0, SyntaxErrorKind::NameTooLong { length: trimmed.len() }));
    }
    let mut at = 0;
    for label in trimmed.split('.') {
        if label.is_empty() {
            return Err((at, SyntaxErrorKind::EmptyLabel { domain: name.to_owned() }));
        }
        if label.len() > 63 {
            return Err((at, SyntaxErrorKind::LabelTooLong { label: label.to_owned(), length: label.len() }));
        }
        at += label.len() + 1;
    }
    Ok(())
}

// Natively only: proptest's random source does not build for wasm32-unknown-unknown.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Either the record's canonical text, or its errors as (column, message fragment).
    enum Expected<'a> {
        Reads(&'a str),
        Errors(&'a [(usize, &'a str)]),
    }
    use Expected::{Errors, Reads};

    fn check(text: &str, expected: Expected<'_>) {
        match (SpfRecord::parse(text), expected) {
            (Ok(record), Reads(canonical)) => {
                assert_eq!(record.to_string(), canonical, "{text}");
                let again = SpfRecord::parse(canonical).unwrap();
                assert_eq!(values(&again), values(&record), "{text}: the canonical form reads back the same");
            }
            (Err(errors), Errors(expected)) => {
                let found: Vec<(usize, String)> =
                    errors.errors.iter().map(|error| (error.column, error.kind.to_string())).collect();
                assert_eq!(found.len(), expected.len(), "{text}: {found:?}");
                for ((column, message), (expected_column, fragment)) in found.iter().zip(expected) {
                    assert_eq!(column, expected_column, "{text}: {message}");
                    assert!(message.contains(fragment), "{text}: {message:?} lacks {fragment:?}");
                }
            }
            (Ok(record), Errors(_)) => panic!("{text}: read as {record}, expected errors"),
            (Err(errors), Reads(_)) => panic!("{text}: {errors}"),
        }
    }

    fn values(record: &SpfRecord) -> Vec<Term> {
        record.terms.iter().map(|term| term.value.clone()).collect()
    }

    #[test]
    fn reads_valid_records() {
        check("v=spf1 include:spf-b.telia.com -all", Reads("v=spf1 include:spf-b.telia.com -all"));
        check("V=SPF1 INCLUDE:Spf-B.Telia.COM ~ALL", Reads("v=spf1 include:Spf-B.Telia.COM ~all"));
        check("v=spf1   a  mx ", Reads("v=spf1 a mx"));
        check("v=spf1", Reads("v=spf1"));
        check(
            "v=spf1 a/24 mx:mail.example.com/28//64 a//64 ?mx",
            Reads("v=spf1 a/24 mx:mail.example.com/28//64 a//64 ?mx"),
        );
        check(
            "v=spf1 ip4:192.0.2.1 ip4:192.0.2.0/24 ip6:2001:DB8::/32 ip6:::1 -all",
            Reads("v=spf1 ip4:192.0.2.1 ip4:192.0.2.0/24 ip6:2001:db8::/32 ip6:::1 -all"),
        );
        check("v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all", Reads("v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all"));
        check("v=spf1 exists:%{IR}.%{D2}.example.com", Reads("v=spf1 exists:%{Ir}.%{D2}.example.com"));
        check(
            "v=spf1 include:example.com. ptr ptr:example.net",
            Reads("v=spf1 include:example.com. ptr ptr:example.net"),
        );
        check("v=spf1 redirect=_spf.example.com", Reads("v=spf1 redirect=_spf.example.com"));
        check("v=spf1 -all exp=explain._spf.%{d}", Reads("v=spf1 -all exp=explain._spf.%{d}"));
        // Unknown modifiers are kept (receivers ignore them); their values may use any macro.
        check("v=spf1 moo.cow-far_out=man:dog/cat %{c} -all", Errors(&[(36, "unknown mechanism")]));
        check("v=spf1 moo.cow-far_out=man:dog/cat%{c} -all", Reads("v=spf1 moo.cow-far_out=man:dog/cat%{c} -all"));
        check("v=spf1 include=spf-b.telia.com", Reads("v=spf1 include=spf-b.telia.com"));
        check("v=spf1 exists:%%%_%-.example.com", Reads("v=spf1 exists:%%%_%-.example.com"));
        // A domain may end in a macro, and a toplabel may be digits with a hyphen.
        check("v=spf1 a:mail.%{d} a:host.1-2", Reads("v=spf1 a:mail.%{d} a:host.1-2"));
    }

    #[test]
    fn reports_each_error_at_its_column() {
        check("v=spf10 a", Errors(&[(1, "begins with \"v=spf1\"")]));
        check(" v=spf1 a", Errors(&[(1, "begins with \"v=spf1\"")]));
        check("v=spf1 inclde:spf-b.telia.com", Errors(&[(8, "did you mean \"include:spf-b.telia.com\"")]));
        check("v=spf1 spf-b.telia.com -all", Errors(&[(8, "did you mean \"include:spf-b.telia.com\"")]));
        check("v=spf1 ipv4:192.0.2.1", Errors(&[(8, "did you mean \"ip4:192.0.2.1\"")]));
        check("v=spf1 -foo", Errors(&[(9, "unknown mechanism \"foo\"")]));
        check("v=spf1 ip4:192.0.2.256", Errors(&[(12, "not an IPv4 address")]));
        check("v=spf1 ip4:01.2.3.4", Errors(&[(12, "not an IPv4 address")]));
        check("v=spf1 ip4:192.0.2.0/33", Errors(&[(22, "/33 is out of range: an IPv4 prefix is 0 to 32")]));
        check("v=spf1 ip4:192.0.2.0/", Errors(&[(22, "not a CIDR length")]));
        check("v=spf1 ip6:2001:db8::/129", Errors(&[(23, "0 to 128")]));
        check("v=spf1 ip6:2001:db8:::/64", Errors(&[(12, "not an IPv6 address")]));
        check("v=spf1 ip4", Errors(&[(11, "needs an address")]));
        check("v=spf1 ip4:", Errors(&[(11, "needs an address")]));
        check("v=spf1 a/024", Errors(&[(10, "\"024\" is not a CIDR length")]));
        check("v=spf1 mx//129", Errors(&[(12, "0 to 128")]));
        check("v=spf1 a:example.com/33", Errors(&[(22, "out of range")]));
        check("v=spf1 include", Errors(&[(15, "needs a domain")]));
        check("v=spf1 include:", Errors(&[(16, "the domain is empty")]));
        check("v=spf1 include:com", Errors(&[(16, "does not end in a top-level label")]));
        check("v=spf1 a:192.0.2.1", Errors(&[(18, "an address belongs in ip4:")]));
        check("v=spf1 include:example.-com", Errors(&[(24, "not a top-level label")]));
        check("v=spf1 include:a..example.com", Errors(&[(18, "empty label")]));
        check(&format!("v=spf1 include:{}.example.com", "a".repeat(64)), Errors(&[(16, "at most 63")]));
        check(&format!("v=spf1 include:{}example.com", "abcdefghi.".repeat(25)), Errors(&[(16, "at most 253")]));
        check("v=spf1 exists:%{x}.example.com", Errors(&[(17, "not a macro letter")]));
        check("v=spf1 exists:%{d0}.example.com", Errors(&[(18, "not 0")]));
        check("v=spf1 exists:%{d99999999999}.example.com", Errors(&[(18, "too large")]));
        check("v=spf1 exists:%{d", Errors(&[(18, "not closed")]));
        check("v=spf1 exists:%{d2r+x}.example.com", Errors(&[(21, "cannot stand in a macro")]));
        check("v=spf1 exists:%{c}.example.com", Errors(&[(17, "only in explanation text")]));
        check("v=spf1 exp=%{t}.example.com", Errors(&[(14, "only in explanation text")]));
        check("v=spf1 exists:100%.example.com", Errors(&[(18, "a \"%\" begins a macro")]));
        check("v=spf1 redirect=a.example.com redirect=b.example.com", Errors(&[(31, "more than once")]));
        check("v=spf1 exp=a.example.com -all exp=b.example.com", Errors(&[(31, "\"exp=\" is given more than once")]));
        check("v=spf1 +redirect=a.example.com", Errors(&[(8, "takes no qualifier")]));
        check("v=spf1 all:example.com", Errors(&[(11, "\"all\" takes nothing after it")]));
        check("v=spf1 ptr/24", Errors(&[(11, "\"ptr\" takes no CIDR length")]));
        check("v=spf1 include/24", Errors(&[(15, "\"include\" takes no CIDR length")]));
        check("v=spf1 +", Errors(&[(9, "mechanism name is missing")]));
        check("v=spf1 redirect=", Errors(&[(17, "the domain is empty")]));
        check("v=spf1 a\tmx", Errors(&[(9, "'\\t' cannot stand")]));
        check("v=spf1 include:spf-b.telia.com é", Errors(&[(32, "'é' cannot stand")]));
        // Every error, not only the first; columns count characters, not bytes.
        check("v=spf1 foo ip4:1.2.3 -all", Errors(&[(8, "unknown mechanism"), (16, "not an IPv4 address")]));
        check("v=spf1 é ~foo", Errors(&[(8, "'é' cannot stand"), (11, "unknown mechanism \"foo\"")]));
    }

    #[test]
    fn lenient_parse_keeps_the_readable_terms() {
        let (record, errors) = SpfRecord::parse_lenient("v=spf1 include:spf-b.telia.com bogus -all");
        assert_eq!(errors.len(), 1);
        assert_eq!(record.to_string(), "v=spf1 include:spf-b.telia.com -all");
        assert_eq!(record.terms.iter().map(|term| term.column).collect::<Vec<_>>(), [8, 38]);
    }

    #[test]
    fn evaluation_stops_at_all_and_redirect_yields_to_it() {
        let record = SpfRecord::parse("v=spf1 a -all mx redirect=example.com").unwrap();
        let evaluated: Vec<String> = record.evaluated().map(|(directive, _)| directive.to_string()).collect();
        assert_eq!(evaluated, ["a", "-all"]);
        assert!(record.redirect().is_some());
        assert!(record.effective_redirect().is_none());
        let record = SpfRecord::parse("v=spf1 a redirect=example.com").unwrap();
        assert_eq!(
            record.effective_redirect().map(|(domain, column)| (domain.to_string(), column)),
            Some(("example.com".to_owned(), 10))
        );
    }

    #[test]
    fn which_txt_records_are_spf() {
        for (text, spf) in [
            ("v=spf1", true),
            ("v=spf1 -all", true),
            ("V=SPF1 -all", true),
            ("v=spf10 -all", false),
            ("v=spf1-all", false),
            (" v=spf1 -all", false),
            ("spf2.0/pra -all", false),
            ("google-site-verification=abc", false),
            ("", false),
        ] {
            assert_eq!(is_spf(text), spf, "{text:?}");
        }
    }

    #[test]
    fn domains_compare_without_case_or_final_dot() {
        let spec = |text: &str| parse_domain_spec(text).unwrap();
        assert!(spec("SPF-B.telia.com.").names("spf-b.telia.com"));
        assert!(!spec("spf-b.telia.com.evil.example").names("spf-b.telia.com"));
        assert!(!spec("%{d}.spf-b.telia.com").names("spf-b.telia.com"));
    }

    fn domain_spec_strategy() -> impl Strategy<Value = DomainSpec> {
        let label = "[a-z0-9_]([a-z0-9-]{0,8}[a-z0-9])?";
        let top = "[a-z]{1,6}";
        let expand = (
            proptest::sample::select(
                MacroLetter::ALL.iter().copied().filter(|letter| !letter.explanation_only()).collect::<Vec<_>>(),
            ),
            any::<bool>(),
            proptest::option::of(1u32..200),
            any::<bool>(),
            "[-.+,/_=]{0,3}",
        )
            .prop_map(|(letter, url_escape, keep, reverse, delimiters)| {
                MacroPart::Expand(MacroExpand { letter, url_escape, keep, reverse, delimiters })
            });
        let part = prop_oneof![
            4 => proptest::collection::vec(label, 1..3).prop_map(|labels| MacroPart::Literal(format!("{}.", labels.join(".")))),
            2 => expand,
            1 => Just(MacroPart::Percent),
            1 => Just(MacroPart::Space),
            1 => Just(MacroPart::UrlSpace),
        ];
        (proptest::collection::vec(part, 0..4), proptest::option::of(top), any::<bool>()).prop_map(
            |(mut parts, top, dot)| {
                match top {
                    Some(top) => parts.push(MacroPart::Literal(format!(
                        "{}{top}{}",
                        if parts.is_empty() { "host." } else { "x." },
                        if dot { "." } else { "" }
                    ))),
                    None if parts.last().is_some_and(MacroPart::is_macro) => {}
                    None => parts.push(MacroPart::Expand(MacroExpand {
                        letter: MacroLetter::Domain,
                        url_escape: false,
                        keep: None,
                        reverse: false,
                        delimiters: String::new(),
                    })),
                }
                DomainSpec(MacroString::new(parts))
            },
        )
    }

    fn term_strategy() -> impl Strategy<Value = Term> {
        let qualifier = proptest::option::of(proptest::sample::select(vec![
            Qualifier::Pass,
            Qualifier::Fail,
            Qualifier::SoftFail,
            Qualifier::Neutral,
        ]));
        let cidr = (proptest::option::of(0u8..=32), proptest::option::of(0u8..=128))
            .prop_map(|(ip4, ip6)| DualCidr { ip4, ip6 });
        let mechanism = prop_oneof![
            Just(Mechanism::All),
            domain_spec_strategy().prop_map(|domain| Mechanism::Include { domain }),
            domain_spec_strategy().prop_map(|domain| Mechanism::Exists { domain }),
            (proptest::option::of(domain_spec_strategy()), cidr.clone())
                .prop_map(|(domain, cidr)| Mechanism::A { domain, cidr }),
            (proptest::option::of(domain_spec_strategy()), cidr)
                .prop_map(|(domain, cidr)| Mechanism::Mx { domain, cidr }),
            proptest::option::of(domain_spec_strategy()).prop_map(|domain| Mechanism::Ptr { domain }),
            (any::<u32>(), proptest::option::of(0u8..=32))
                .prop_map(|(address, prefix)| Mechanism::Ip4 { address: Ipv4Addr::from(address), prefix }),
            (any::<u128>(), proptest::option::of(0u8..=128))
                .prop_map(|(address, prefix)| Mechanism::Ip6 { address: Ipv6Addr::from(address), prefix }),
        ];
        prop_oneof![
            4 => (qualifier, mechanism).prop_map(|(qualifier, mechanism)| Term::Directive(Directive { qualifier, mechanism })),
            1 => domain_spec_strategy().prop_map(|domain| Term::Modifier(Modifier::Explanation { domain })),
            1 => domain_spec_strategy().prop_map(|domain| Term::Modifier(Modifier::Redirect { domain })),
            1 => ("[a-z][a-z0-9._-]{0,6}", "[a-z0-9.:/=]{0,10}")
                .prop_filter("a known modifier's name", |(name, _)| name != "redirect" && name != "exp")
                .prop_map(|(name, value)| Term::Modifier(Modifier::Unknown { name, value: MacroString::new([MacroPart::Literal(value)]) })),
        ]
    }

    proptest! {
        #[test]
        fn any_text_reads_without_panicking(text in "\\PC{0,80}") {
            let (_, errors) = SpfRecord::parse_lenient(&text);
            let length = text.chars().count();
            prop_assert!(errors.iter().all(|error| error.column >= 1 && error.column <= length + 1));
        }

        #[test]
        fn record_like_text_reads_back_as_written(body in "[a-zA-Z0-9:./%{}+~?=_-]{0,12}( [a-zA-Z0-9:./%{}+~?=_-]{0,12}){0,5}") {
            let text = format!("v=spf1 {body}");
            let (record, errors) = SpfRecord::parse_lenient(&text);
            let again = SpfRecord::parse(&record.to_string());
            prop_assert!(again.is_ok(), "{} → {} → {:?}", text, record, again);
            prop_assert_eq!(values(&again.unwrap()), values(&record));
            if errors.is_empty() {
                prop_assert_eq!(record.terms.len(), body.split(' ').filter(|piece| !piece.is_empty()).count());
            }
        }

        #[test]
        fn every_tree_round_trips_through_its_text(
            terms in proptest::collection::vec(term_strategy(), 0..8).prop_filter("each known modifier at most once", |terms| {
                let count = |redirect: bool| terms.iter().filter(|term| match term {
                    Term::Modifier(Modifier::Redirect { .. }) => redirect,
                    Term::Modifier(Modifier::Explanation { .. }) => !redirect,
                    _ => false,
                }).count();
                count(true) <= 1 && count(false) <= 1
            })
        ) {
            let record = SpfRecord { terms: terms.into_iter().map(|value| Located { column: 0, value }).collect() };
            let text = record.to_string();
            let read = SpfRecord::parse(&text);
            prop_assert!(read.is_ok(), "{}: {:?}", text, read);
            prop_assert_eq!(values(&read.unwrap()), values(&record), "{}", text);
        }
    }
}
