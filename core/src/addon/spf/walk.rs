//! A domain's SPF policy followed through DNS as a receiver would: its record, each include
//! and redirect in evaluation order, counting the terms that cost a DNS lookup (limit 10) and
//! those whose lookup finds nothing (void, limit 2), and noting where Telia's mail server is
//! reached. DNS itself is the caller's (`Resolver`): this module does no IO.
//!
//! The walk takes the path of a sending server that matches none of the addresses listed, so
//! every term a receiver could evaluate is evaluated: the worst case for the limits. Telia's
//! server is taken to match nothing before `include:spf-b.telia.com` and to match inside
//! Telia's own record, which is what "authorised" means here.

use super::record::{DomainSpec, Mechanism, Qualifier, SpfRecord, SyntaxError, is_spf};
use crate::limits;
use crate::locale::Bilingual;
use serde::Serialize;
use std::net::IpAddr;

/// RFC 7208 4.6.4: terms that cause DNS lookups, at most this many in one evaluation.
pub const LOOKUP_LIMIT: usize = 10;
/// RFC 7208 4.6.4: lookups that find nothing ("void"), at most this many (a SHOULD).
pub const VOID_LIMIT: usize = 2;
/// RFC 7208 4.6.4: address lookups one `mx` may cause.
pub const MX_ADDRESS_LIMIT: usize = 10;
/// A bound on the walk itself, far past the limit, so that a loop of includes ends.
const WALK_BOUND: usize = 40;

/// What DNS said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DnsAnswer<T> {
    Found(Vec<T>),
    /// The name exists but has no record of this type.
    NoData,
    /// NXDOMAIN.
    NxDomain,
    /// A server failure, a timeout, a malformed answer: receivers call this a TempError.
    Failed(String),
}

impl<T> DnsAnswer<T> {
    /// A void lookup: nothing found (RFC 7208 4.6.4).
    pub fn is_void(&self) -> bool {
        match self {
            DnsAnswer::Found(found) => found.is_empty(),
            DnsAnswer::NoData | DnsAnswer::NxDomain => true,
            DnsAnswer::Failed(_) => false,
        }
    }
}

/// DNS as the walk needs it. The CLI asks a real server; tests answer from a table.
pub trait Resolver {
    /// The TXT records of a name, each with its strings joined.
    fn txt(&mut self, name: &str) -> DnsAnswer<String>;
    /// The A and AAAA records of a name together (the sender's address family is not known).
    fn addresses(&mut self, name: &str) -> DnsAnswer<IpAddr>;
    /// The mail exchangers of a name.
    fn mx(&mut self, name: &str) -> DnsAnswer<String>;
}

/// A record the walk read.
#[derive(Debug, Clone, Serialize)]
pub struct WalkedRecord {
    pub domain: String,
    /// The domains whose includes and redirects led here, from the checked domain.
    pub via: Vec<String>,
    /// How it was reached: the checked domain's own, an include or a redirect.
    pub reached_by: Reach,
    pub text: String,
    #[serde(skip)]
    pub record: SpfRecord,
    pub errors: Vec<SyntaxError>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reach {
    Checked,
    Include,
    Redirect,
}

/// A term that cost a lookup, in the order a receiver counts them.
#[derive(Debug, Clone, Serialize)]
pub struct Lookup {
    pub domain: String,
    pub column: usize,
    pub term: String,
    /// The lookup found nothing.
    pub void: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Failure {
    /// The policy is broken: receivers return PermError.
    Permanent,
    /// DNS did not answer: receivers return TempError (and may try again).
    Temporary,
}

/// What went wrong, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// A record that does not parse.
    Syntax,
    /// The eleventh lookup.
    LookupLimit,
    /// The third void lookup.
    VoidLimit,
    /// An include or redirect names a domain without an SPF record.
    NoRecord,
    /// An include or redirect names a domain with several SPF records.
    SeveralRecords,
    /// An include or redirect leads back to a record on the way.
    Loop,
    /// An `mx` with more than ten exchangers.
    TooManyMx,
    /// DNS did not answer.
    Dns,
}

impl ErrorKind {
    pub const fn failure(self) -> Failure {
        match self {
            ErrorKind::Dns => Failure::Temporary,
            _ => Failure::Permanent,
        }
    }
}

/// Where the evaluation ends in an error.
#[derive(Debug, Clone, Serialize)]
pub struct WalkError {
    pub kind: ErrorKind,
    pub failure: Failure,
    pub domain: String,
    pub column: Option<usize>,
    pub message: Bilingual,
    /// Lookups counted when it happened.
    pub after_lookups: usize,
}

/// A term naming Telia's mail server that the evaluation reaches.
#[derive(Debug, Clone, Serialize)]
pub struct TeliaMention {
    /// The record that names it, and the chain of domains before that one.
    pub domain: String,
    pub via: Vec<String>,
    pub column: usize,
    pub term: String,
    /// Whether a match there passes the checked domain's mail: the term and every include
    /// on the way are `+`.
    pub authorising: bool,
    /// Why not, when not.
    pub reason: Option<Bilingual>,
    /// Lookups counted up to and including this term.
    pub lookup_number: usize,
    /// Errors before this term (the evaluation ends at the first).
    pub errors_before: usize,
    /// What went wrong inside Telia's own record, if anything.
    pub inside: Option<Bilingual>,
}

/// What a record comes to for a server it does not list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// An `all`, or an include matching everyone, ended it with this qualifier.
    Ended(Qualifier),
    /// Nothing matched: neutral.
    FellThrough,
    /// It could not be evaluated.
    Error,
}

/// The checked domain's own TXT lookup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Start {
    /// DNS failed.
    Failed {
        message: String,
    },
    NoDomain,
    /// The domain has TXT records, but none is SPF (or it has none at all).
    NoRecord {
        txt_records: usize,
    },
    /// More than one SPF record: a PermError before anything is evaluated.
    Several {
        records: Vec<String>,
    },
    One,
}

/// Everything the walk found.
#[derive(Debug, Clone, Serialize)]
pub struct Walk {
    pub domain: String,
    pub start: Start,
    pub records: Vec<WalkedRecord>,
    pub lookups: Vec<Lookup>,
    pub errors: Vec<WalkError>,
    pub telia: Vec<TeliaMention>,
    /// Terms that could not be followed: macros (they depend on the mail) and `ptr` (it
    /// depends on the sender's address).
    pub unfollowed: Vec<Bilingual>,
    /// TXT records that look like SPF but are not, on the checked domain.
    pub near_misses: Vec<String>,
}

impl Walk {
    pub fn voids(&self) -> usize {
        self.lookups.iter().filter(|lookup| lookup.void).count()
    }

    pub fn has_temporary_errors(&self) -> bool {
        self.errors.iter().any(|error| error.failure == Failure::Temporary)
    }
}

/// The SPF records among TXT records, and those that look like SPF but are not.
pub fn spf_records(txt: &[String]) -> (Vec<String>, Vec<String>) {
    let spf = txt.iter().filter(|text| is_spf(text)).cloned().collect();
    let near = txt.iter().filter(|text| !is_spf(text) && looks_like_spf(text)).cloned().collect();
    (spf, near)
}

/// A TXT record someone meant as SPF but that receivers skip: `v=spf1` not followed by a
/// space, a space before it, `v=spf2`, or `spf2.0/` (Sender ID, which nothing checks).
pub fn looks_like_spf(text: &str) -> bool {
    let lower = text.trim_start().to_ascii_lowercase();
    lower.starts_with("v=spf") || lower.starts_with("spf2.0/") || lower.starts_with("v = spf")
}

/// Why a target gives no record: "include:x.example: x.example has no SPF record".
fn no_record(term: &str, target: &str) -> Bilingual {
    crate::bilingual!("{term}: {target} has no SPF record", "{term}: {target} har ingen SPF-post")
}

/// Why a mention of Telia's server authorises nothing: an include before it is not `+`.
fn not_plus(via: &[String]) -> Bilingual {
    let via = via.join(" → ");
    crate::bilingual!(
        "an include on the way there ({via}) is not \"+\"",
        "en include på vägen dit ({via}) är inte \"+\""
    )
}

struct Walker<'r, R: Resolver> {
    resolver: &'r mut R,
    walk: Walk,
}

/// Follows `domain`'s SPF policy through `resolver`.
pub fn walk(domain: &str, resolver: &mut impl Resolver) -> Walk {
    let mut walker = Walker {
        resolver,
        walk: Walk {
            domain: domain.to_owned(),
            start: Start::One,
            records: Vec::new(),
            lookups: Vec::new(),
            errors: Vec::new(),
            telia: Vec::new(),
            unfollowed: Vec::new(),
            near_misses: Vec::new(),
        },
    };
    match walker.resolver.txt(domain) {
        DnsAnswer::Failed(message) => walker.walk.start = Start::Failed { message },
        DnsAnswer::NxDomain => walker.walk.start = Start::NoDomain,
        DnsAnswer::NoData => walker.walk.start = Start::NoRecord { txt_records: 0 },
        DnsAnswer::Found(txt) => {
            let (spf, near) = spf_records(&txt);
            walker.walk.near_misses = near;
            match spf.as_slice() {
                [] => walker.walk.start = Start::NoRecord { txt_records: txt.len() },
                [one] => {
                    walker.record(domain, one, &[], true, Reach::Checked);
                }
                several => {
                    for text in several {
                        let (record, errors) = SpfRecord::parse_lenient(text);
                        walker.walk.records.push(WalkedRecord {
                            domain: domain.to_owned(),
                            via: Vec::new(),
                            reached_by: Reach::Checked,
                            text: text.clone(),
                            record,
                            errors,
                        });
                    }
                    walker.walk.start = Start::Several { records: several.to_vec() };
                }
            }
        }
    }
    walker.walk
}

impl<R: Resolver> Walker<'_, R> {
    fn error(&mut self, kind: ErrorKind, domain: &str, column: Option<usize>, message: Bilingual) {
        let after_lookups = self.walk.lookups.len();
        let failure = kind.failure();
        self.walk.errors.push(WalkError { kind, failure, domain: domain.to_owned(), column, message, after_lookups });
    }

    /// Counts a term that looks up DNS; the eleventh is a PermError.
    fn count(&mut self, domain: &str, column: usize, term: String) {
        self.walk.lookups.push(Lookup { domain: domain.to_owned(), column, term: term.clone(), void: false });
        if self.walk.lookups.len() == LOOKUP_LIMIT + 1 {
            self.error(ErrorKind::LookupLimit, domain, Some(column), {
                let number = LOOKUP_LIMIT + 1;
                crate::bilingual!(
                    "{term} is DNS lookup {number}: past the limit of {LOOKUP_LIMIT}",
                    "{term} är DNS-uppslag {number}: över gränsen på {LOOKUP_LIMIT}"
                )
            });
        }
    }

    /// Marks the last counted term void when its answer found nothing; the third is a PermError.
    fn answer<T>(&mut self, domain: &str, column: usize, name: &str, answer: &DnsAnswer<T>) -> bool {
        match answer {
            DnsAnswer::Failed(message) => {
                self.error(
                    ErrorKind::Dns,
                    domain,
                    Some(column),
                    crate::bilingual!("DNS failed for {name}: {message}", "DNS misslyckades för {name}: {message}"),
                );
                false
            }
            answer if answer.is_void() => {
                if let Some(last) = self.walk.lookups.last_mut() {
                    last.void = true;
                }
                if self.walk.voids() == VOID_LIMIT + 1 {
                    self.error(ErrorKind::VoidLimit, domain, Some(column), {
                        let number = VOID_LIMIT + 1;
                        crate::bilingual!(
                            "{name} finds nothing: void lookup {number}, past the limit of {VOID_LIMIT}",
                            "{name} hittar ingenting: tomt uppslag {number}, över gränsen på {VOID_LIMIT}"
                        )
                    });
                }
                false
            }
            _ => true,
        }
    }

    /// The target of a term: its literal domain, or none (noted) when it holds macros.
    fn target(&mut self, domain: &str, spec: Option<&DomainSpec>, term: &str) -> Option<String> {
        match spec {
            None => Some(domain.to_owned()),
            Some(spec) => match spec.literal() {
                Some(literal) => Some(literal.trim_end_matches('.').to_owned()),
                None => {
                    self.walk.unfollowed.push(crate::bilingual!(
                        "{term} in {domain} (a macro: it depends on the mail)",
                        "{term} i {domain} (ett makro: det beror på e-postmeddelandet)"
                    ));
                    None
                }
            },
        }
    }

    /// Fetches the one SPF record of an include or redirect target, or records why there is none.
    fn fetch(&mut self, domain: &str, column: usize, term: &str, target: &str) -> Option<String> {
        let answer = self.resolver.txt(target);
        if !self.answer(domain, column, target, &answer) {
            if !matches!(answer, DnsAnswer::Failed(_)) {
                self.error(ErrorKind::NoRecord, domain, Some(column), no_record(term, target));
            }
            return None;
        }
        let DnsAnswer::Found(txt) = answer else { return None };
        let (spf, _) = spf_records(&txt);
        match spf.as_slice() {
            [one] => Some(one.clone()),
            [] => {
                self.error(ErrorKind::NoRecord, domain, Some(column), no_record(term, target));
                None
            }
            several => {
                self.error(ErrorKind::SeveralRecords, domain, Some(column), {
                    let count = several.len();
                    crate::bilingual!(
                        "{term}: {target} has {count} SPF records",
                        "{term}: {target} har {count} SPF-poster"
                    )
                });
                None
            }
        }
    }

    fn mention(&mut self, domain: &str, via: &[String], column: usize, term: &str, reason: Option<Bilingual>) -> usize {
        self.walk.telia.push(TeliaMention {
            domain: domain.to_owned(),
            via: via.to_vec(),
            column,
            term: term.to_owned(),
            authorising: reason.is_none(),
            reason,
            lookup_number: self.walk.lookups.len(),
            errors_before: self.walk.errors.len(),
            inside: None,
        });
        self.walk.telia.len() - 1
    }

    /// Follows an include's or a redirect's target: its record is walked with this chain.
    #[allow(clippy::too_many_arguments)]
    fn follow(
        &mut self,
        domain: &str,
        via: &[String],
        column: usize,
        term: &str,
        target: &str,
        authorising: bool,
        reached_by: Reach,
        mention: Option<usize>,
    ) -> Outcome {
        if via.iter().any(|seen| seen.eq_ignore_ascii_case(target)) || domain.eq_ignore_ascii_case(target) {
            self.error(
                ErrorKind::Loop,
                domain,
                Some(column),
                crate::bilingual!(
                    "{term} leads back to {target}: a loop",
                    "{term} leder tillbaka till {target}: en slinga"
                ),
            );
            return Outcome::Error;
        }
        let errors = self.walk.errors.len();
        let outcome = match self.fetch(domain, column, term, target) {
            Some(text) => {
                let mut chain = via.to_vec();
                chain.push(domain.to_owned());
                self.record(target, &text, &chain, authorising, reached_by)
            }
            None => Outcome::Error,
        };
        if let Some(index) = mention
            && let Some(error) = self.walk.errors.get(errors)
        {
            self.walk.telia[index].inside = Some(error.message.clone());
        }
        outcome
    }

    /// Walks one record; `authorising` says whether a match here passes the checked domain.
    fn record(&mut self, domain: &str, text: &str, via: &[String], authorising: bool, reached_by: Reach) -> Outcome {
        let (record, errors) = SpfRecord::parse_lenient(text);
        let broken = !errors.is_empty();
        if broken {
            self.error(ErrorKind::Syntax, domain, errors.first().map(|error| error.column), {
                let count = errors.len();
                crate::bilingual!(
                    "the record of {domain} has {count} syntax error(s)",
                    "posten för {domain} har {count} syntaxfel"
                )
            });
        }
        self.walk.records.push(WalkedRecord {
            domain: domain.to_owned(),
            via: via.to_vec(),
            reached_by,
            text: text.to_owned(),
            record: record.clone(),
            errors,
        });
        if broken || self.walk.lookups.len() > WALK_BOUND || via.len() > WALK_BOUND {
            return Outcome::Error;
        }
        for (directive, column) in record.evaluated() {
            let term = directive.to_string();
            let qualifier = directive.qualifier();
            if directive.mechanism.looks_up() {
                self.count(domain, column, term.clone());
            }
            match &directive.mechanism {
                Mechanism::All => return Outcome::Ended(qualifier),
                Mechanism::Include { domain: spec } => {
                    let mention = spec.names(limits::SPF_HOST).then(|| {
                        let reason = if qualifier != Qualifier::Pass {
                            let (symbol, result) = (qualifier.symbol(), qualifier.result());
                            Some(crate::bilingual!(
                                "its qualifier \"{symbol}\" makes a match {result}",
                                "dess kvalificerare \"{symbol}\" ger en träff resultatet {result}"
                            ))
                        } else if !authorising {
                            Some(not_plus(via))
                        } else {
                            None
                        };
                        self.mention(domain, via, column, &term, reason)
                    });
                    let Some(target) = self.target(domain, Some(spec), &term) else { continue };
                    let inner = self.follow(
                        domain,
                        via,
                        column,
                        &term,
                        &target,
                        authorising && qualifier == Qualifier::Pass,
                        Reach::Include,
                        mention,
                    );
                    // An included record that passes everyone makes the include match everyone.
                    if inner == Outcome::Ended(Qualifier::Pass) {
                        return Outcome::Ended(qualifier);
                    }
                }
                Mechanism::A { domain: spec, .. } => {
                    if let Some(target) = self.target(domain, spec.as_ref(), &term) {
                        let answer = self.resolver.addresses(&target);
                        self.answer(domain, column, &target, &answer);
                    }
                }
                Mechanism::Exists { domain: spec } => {
                    if let Some(target) = self.target(domain, Some(spec), &term) {
                        let answer = self.resolver.addresses(&target);
                        self.answer(domain, column, &target, &answer);
                    }
                }
                Mechanism::Mx { domain: spec, .. } => {
                    let Some(target) = self.target(domain, spec.as_ref(), &term) else { continue };
                    let answer = self.resolver.mx(&target);
                    if self.answer(domain, column, &target, &answer)
                        && let DnsAnswer::Found(exchanges) = answer
                    {
                        // A null MX (".", RFC 7505) names no server.
                        let exchanges: Vec<String> = exchanges
                            .into_iter()
                            .filter(|exchange| !exchange.trim_end_matches('.').is_empty())
                            .collect();
                        if exchanges.len() > MX_ADDRESS_LIMIT {
                            self.error(ErrorKind::TooManyMx, domain, Some(column), {
                                let count = exchanges.len();
                                crate::bilingual!(
                                    "{term}: {target} has {count} MX records, past the limit of {MX_ADDRESS_LIMIT}",
                                    "{term}: {target} har {count} MX-poster, över gränsen på {MX_ADDRESS_LIMIT}"
                                )
                            });
                        }
                        for exchange in exchanges.iter().take(MX_ADDRESS_LIMIT) {
                            if let DnsAnswer::Failed(message) = self.resolver.addresses(exchange) {
                                self.error(
                                    ErrorKind::Dns,
                                    domain,
                                    Some(column),
                                    crate::bilingual!(
                                        "DNS failed for {exchange} (an MX of {target}): {message}",
                                        "DNS misslyckades för {exchange} (en MX för {target}): {message}"
                                    ),
                                );
                            }
                        }
                    }
                }
                Mechanism::Ptr { .. } => {
                    self.walk.unfollowed.push(crate::bilingual!(
                        "{term} in {domain} (it depends on the sender's address)",
                        "{term} i {domain} (det beror på avsändarens adress)"
                    ));
                }
                Mechanism::Ip4 { .. } | Mechanism::Ip6 { .. } => {}
            }
        }
        let Some((spec, column)) = record.effective_redirect() else { return Outcome::FellThrough };
        let term = format!("redirect={spec}");
        self.count(domain, column, term.clone());
        let mention = spec.names(limits::SPF_HOST).then(|| {
            let reason = (!authorising).then(|| not_plus(via));
            self.mention(domain, via, column, &term, reason)
        });
        let Some(target) = self.target(domain, Some(spec), &term) else { return Outcome::FellThrough };
        self.follow(domain, via, column, &term, &target, authorising, Reach::Redirect, mention)
    }
}
