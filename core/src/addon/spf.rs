//! 2.4 and 3.6: the customer's SPF record and the call-recording mail.
//!
//! Two ways in, one report. [`validate_txt_records`] reads TXT records a person pasted (no
//! DNS: what the record itself says, and what it cannot say without DNS). [`check_domain`]
//! follows the domain's policy through a [`Resolver`] the caller supplies (the CLI asks a real
//! DNS server from a computer on the site): every include and redirect, the lookup and void
//! limits, and whether the evaluation reaches Telia's mail server. Both end with the 3.6 note on
//! letting the recording mail through, which no record can show.
//!
//! The record's grammar and limits are RFC 7208's; the spec adds only the name of Telia's mail
//! server (`limits::SPF_HOST`) and the sender of the recordings (`limits::RECORDING_SENDER`).

mod record;
mod txt;
mod walk;

pub use record::{
    Directive, DomainSpec, DualCidr, Located, MACRO_DELIMITERS, MacroExpand, MacroLetter, MacroPart, MacroString,
    Mechanism, Modifier, Qualifier, SpfRecord, SyntaxError, SyntaxErrorKind, SyntaxErrors, Term, VERSION, is_spf,
    same_domain,
};
pub use txt::{PasteError, PastedRecord, read_pasted};
pub use walk::{
    DnsAnswer, ErrorKind, Failure, LOOKUP_LIMIT, Lookup, MX_ADDRESS_LIMIT, Reach, Resolver, Start, TeliaMention,
    VOID_LIMIT, Walk, WalkError, WalkedRecord, looks_like_spf, walk,
};

use super::shortened;
use crate::limits;
use crate::requirement::{Obligation, RequirementId};
use crate::verdict::{Finding, Verdict};
use serde::Serialize;
use thiserror::Error;

const SPF: RequirementId = crate::requirement_id!("mail.spf");
const RECORDING: RequirementId = crate::requirement_id!("recording.mail");

/// A finding and where it points: a pasted line, a column in a record, a domain's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpfFinding {
    #[serde(flatten)]
    pub finding: Finding,
    /// The pasted line of the record (1-based).
    pub line: Option<usize>,
    /// The column in the record as receivers read it, its strings joined (1-based).
    pub column: Option<usize>,
    /// The domain whose record it is about (from DNS).
    pub domain: Option<String>,
}

/// Where a record came from: a pasted line or a domain in DNS.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Place {
    line: Option<usize>,
    domain: Option<String>,
}

impl Place {
    fn finding(&self, finding: Finding, column: Option<usize>) -> SpfFinding {
        SpfFinding { finding, line: self.line, column, domain: self.domain.clone() }
    }

    /// "line 3" or "the record of example.com", for evidence.
    fn name(&self) -> String {
        match (&self.domain, self.line) {
            (Some(domain), _) => format!("the record of {domain}"),
            (None, Some(line)) => format!("the record on line {line}"),
            (None, None) => "the record".to_owned(),
        }
    }
}

/// One record the report read, for the page to show with its terms.
#[derive(Debug, Clone, Serialize)]
pub struct RecordView {
    pub line: Option<usize>,
    pub domain: Option<String>,
    /// From DNS: the domains whose includes and redirects led here.
    pub via: Vec<String>,
    pub text: String,
    /// Whether it is an SPF record (pasted TXT records need not be).
    pub spf: bool,
    /// The terms that could be read, each with its column.
    pub record: SpfRecord,
    pub errors: Vec<SyntaxError>,
}

/// The DNS lookups counted, against RFC 7208's limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LookupTally {
    pub counted: usize,
    pub limit: usize,
    /// False when records this check could not read add their own (includes offline, or a
    /// DNS failure).
    pub complete: bool,
    /// Lookups that found nothing; known only from DNS.
    pub voids: Option<usize>,
    pub void_limit: usize,
}

/// Everything the SPF section of the page shows.
#[derive(Debug, Clone, Serialize)]
pub struct SpfReport {
    /// The domain checked through DNS; none for pasted records.
    pub domain: Option<String>,
    pub records: Vec<RecordView>,
    pub lookups: LookupTally,
    pub findings: Vec<SpfFinding>,
}

impl SpfReport {
    /// The worst verdict, for an exit status: any fail fails.
    pub fn failed(&self) -> bool {
        self.findings.iter().any(|finding| finding.finding.verdict == Verdict::Fail)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("\"{0}\" is not a domain name: labels of letters, digits and hyphens, separated by dots")]
    NotADomain(String),
}

/// A short domain name check for what a person types: at least two labels, each 1 to 63
/// characters of letters, digits, hyphens and underscores, 253 in all.
pub fn parse_domain(text: &str) -> Result<String, DomainError> {
    let name = text.trim().trim_end_matches('.');
    let valid_label = |label: &str| {
        (1..=63).contains(&label.len())
            && label.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_')
    };
    if name.len() <= 253 && name.contains('.') && name.split('.').all(valid_label) {
        Ok(name.to_ascii_lowercase())
    } else {
        Err(DomainError::NotADomain(text.to_owned()))
    }
}

/// The verdict for a requirement the record falls short of: Fail for "must", Warning for the
/// spec's "it is preferred" (2.4 is a "should").
fn shortfall(requirement: RequirementId) -> Verdict {
    match requirement.requirement().obligation {
        Obligation::Must => Verdict::Fail,
        _ => Verdict::Warning,
    }
}

fn finding(verdict: Verdict, evidence: String, advice: Option<String>) -> Finding {
    Finding::new_english(SPF, verdict, evidence, advice)
}

fn telia_include() -> String {
    format!("include:{}", limits::SPF_HOST)
}

/// What a receiver does with the record's terms, whatever its source. `decides` is true for
/// the record whose `all` gives the domain's result (the checked one, or a redirect's target);
/// an included record's `~all` is ordinary, as only its pass counts.
fn term_findings(record: &SpfRecord, place: &Place, decides: bool) -> Vec<SpfFinding> {
    let mut findings = Vec::new();
    let name = place.name();
    match record.all() {
        Some((all, column)) if all.qualifier() == Qualifier::Pass => {
            let written = if all.qualifier.is_none() { "\"all\" (without a qualifier: +all)" } else { "\"+all\"" };
            let effect = if decides {
                "passes mail from every server on the Internet: the record authorises everyone and protects nothing"
                    .to_owned()
            } else {
                "makes every include of it match every server: whoever includes it authorises everyone".to_owned()
            };
            findings.push(place.finding(
                finding(
                    Verdict::Warning,
                    format!("{written} in {name} {effect}."),
                    Some("End the record with -all (reject mail from servers it does not list) or ~all (mark it), after the servers that send the domain's mail.".into()),
                ),
                Some(column),
            ));
        }
        Some((all, column)) if decides && all.qualifier() == Qualifier::Neutral => findings.push(place.finding(
            finding(
                Verdict::Warning,
                format!("\"?all\" in {name} makes mail from servers it does not list neutral: receivers treat it as if there were no SPF record."),
                Some("End the record with ~all or -all.".into()),
            ),
            Some(column),
        )),
        None if decides && record.redirect().is_none() => findings.push(place.finding(
            finding(
                Verdict::Warning,
                format!("{name} ends without \"all\" or \"redirect=\": mail from servers it does not list is neutral, as with ?all."),
                Some("End the record with ~all or -all.".into()),
            ),
            None,
        )),
        _ => {}
    }
    if let Some(index) = record.first_all() {
        let after: Vec<String> = record.terms[index + 1..]
            .iter()
            .filter(|term| matches!(term.value, Term::Directive(_)))
            .map(|term| term.value.to_string())
            .collect();
        if !after.is_empty() {
            findings.push(place.finding(
                finding(
                    Verdict::Warning,
                    format!(
                        "{} after \"{}\" in {name} {} never evaluated: evaluation stops at all.",
                        after.join(", "),
                        record.terms[index].value,
                        if after.len() == 1 { "is" } else { "are" }
                    ),
                    Some("Move them before all, or remove them.".into()),
                ),
                Some(record.terms[index + 1].column),
            ));
        }
        if let Some((redirect, column)) = record.redirect() {
            findings.push(place.finding(
                finding(
                    Verdict::Warning,
                    format!("redirect={redirect} in {name} is ignored: a record with \"all\" never redirects (RFC 7208 6.1)."),
                    Some("Keep either all or redirect=, not both.".into()),
                ),
                Some(column),
            ));
        }
    }
    for term in &record.terms {
        match &term.value {
            Term::Directive(Directive { mechanism: Mechanism::Ptr { .. }, .. }) => findings.push(place.finding(
                finding(
                    Verdict::Warning,
                    format!("\"{}\" in {name} needs reverse DNS for every message: slow, unreliable, and RFC 7208 5.5 says not to use it; some receivers skip it.", term.value),
                    Some("Name the sending servers with ip4:, ip6:, a or mx instead.".into()),
                ),
                Some(term.column),
            )),
            Term::Directive(directive @ Directive { mechanism: Mechanism::Ip4 { prefix: Some(0), .. } | Mechanism::Ip6 { prefix: Some(0), .. }, .. })
                if directive.qualifier() == Qualifier::Pass =>
            {
                findings.push(place.finding(
                    finding(
                        Verdict::Warning,
                        format!("\"{directive}\" in {name} authorises every address of its family: like +all."),
                        Some("Name the sending servers' own networks.".into()),
                    ),
                    Some(term.column),
                ));
            }
            Term::Modifier(Modifier::Unknown { name: modifier, value }) if is_mechanism_name(modifier) => {
                findings.push(place.finding(
                    finding(
                        Verdict::Warning,
                        format!("\"{modifier}={value}\" in {name} is read as an unknown modifier, which receivers ignore: a mechanism takes \":\"."),
                        Some(format!("Write {}:{value}.", modifier.to_ascii_lowercase())),
                    ),
                    Some(term.column),
                ));
            }
            _ => {}
        }
        if term_uses(&term.value, MacroLetter::ValidatedName) {
            findings.push(place.finding(
                finding(
                    Verdict::Warning,
                    format!("\"{}\" in {name} uses the %{{p}} macro, a reverse DNS lookup for every message: RFC 7208 7.3 says not to use it.", term.value),
                    None,
                ),
                Some(term.column),
            ));
        }
    }
    findings
}

fn is_mechanism_name(name: &str) -> bool {
    ["all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"]
        .iter()
        .any(|mechanism| mechanism.eq_ignore_ascii_case(name))
}

fn term_uses(term: &Term, letter: MacroLetter) -> bool {
    let spec = match term {
        Term::Directive(directive) => match &directive.mechanism {
            Mechanism::Include { domain } | Mechanism::Exists { domain } => Some(domain),
            Mechanism::A { domain, .. } | Mechanism::Mx { domain, .. } | Mechanism::Ptr { domain } => domain.as_ref(),
            Mechanism::All | Mechanism::Ip4 { .. } | Mechanism::Ip6 { .. } => None,
        },
        Term::Modifier(Modifier::Redirect { domain } | Modifier::Explanation { domain }) => Some(domain),
        Term::Modifier(Modifier::Unknown { .. }) => None,
    };
    spec.is_some_and(|spec| spec.macro_string().uses(letter))
}

fn syntax_findings(errors: &[SyntaxError], place: &Place) -> Vec<SpfFinding> {
    errors
        .iter()
        .map(|error| {
            place.finding(
                finding(
                    Verdict::Fail,
                    format!("{}, column {}: {}.", capitalised(&place.name()), error.column, error.kind),
                    Some("Receivers reject the whole record (PermError) while any error remains, so no server is authorised by it.".into()),
                ),
                Some(error.column),
            )
        })
        .collect()
}

fn capitalised(text: &str) -> String {
    let mut characters = text.chars();
    characters.next().map_or_else(String::new, |first| first.to_uppercase().chain(characters).collect())
}

fn near_miss_finding(text: &str, place: &Place) -> SpfFinding {
    let why = if text.to_ascii_lowercase().starts_with("spf2.0/") {
        "is a Sender ID record, which receivers no longer check"
    } else {
        "looks like SPF, but receivers skip it: an SPF record begins with exactly \"v=spf1\" and then a space"
    };
    place.finding(
        finding(
            Verdict::Warning,
            format!("\"{}\" {why}.", shortened(text)),
            Some("Fix or remove it, so that the domain has exactly one SPF record beginning \"v=spf1 \".".into()),
        ),
        None,
    )
}

fn several_finding(count: usize, places: &str, place: &Place) -> SpfFinding {
    place.finding(
        finding(
            Verdict::Fail,
            format!("{count} SPF records ({places}): a domain publishes one, and receivers return PermError for all its mail while there are more (RFC 7208 4.5)."),
            Some("Merge them into one record: every mechanism once, one all at the end.".into()),
        ),
        None,
    )
}

fn no_spf_finding(evidence: String) -> SpfFinding {
    Place::default().finding(
        finding(
            Verdict::NotApplicable,
            format!("{evidence}: the domain does not use SPF, and the requirement applies only where it does."),
            Some(format!(
                "If the domain publishes SPF later, name Telia's mail server in it: v=spf1 {} … -all.",
                telia_include()
            )),
        ),
        None,
    )
}

/// The 3.6 note: whether the recordings' mail gets through is up to the customer's mail
/// system, which no DNS record shows. `sender_dns` adds what the sender's domain publishes,
/// when it was looked up.
fn recording_finding(sender_dns: Option<String>) -> SpfFinding {
    let sender = limits::RECORDING_SENDER;
    let domain = recording_domain();
    let mut evidence = format!(
        "Call-recording mail comes from {sender}; whether the customer's spam filter lets it through cannot be seen from DNS. The customer's own SPF record plays no part in it: receivers check {domain}'s."
    );
    if let Some(seen) = sender_dns {
        evidence.push(' ');
        evidence.push_str(&seen);
    }
    Place::default().finding(
        Finding::new_english(
            RECORDING,
            Verdict::NeedsConfirmation,
            evidence,
            Some(format!(
                "Confirm it: make a test recording and check that its mail reaches the inbox, not junk or quarantine. If it does not, allow-list {sender} in the spam filter (a transport or mail-flow rule, or the filter's allowed senders), and have the rule also require that the message passes SPF or DKIM for {domain} (DMARC alignment): a From address alone is easily forged, so an allow-list on the address only lets forgeries through too. Allow-list Telia's sending servers by address only if the filter cannot check authentication."
            )),
        ),
        None,
    )
}

/// The domain of the recordings' sender.
pub fn recording_domain() -> &'static str {
    limits::RECORDING_SENDER.rsplit_once('@').map_or(limits::RECORDING_SENDER, |(_, domain)| domain)
}

/// What the recording sender's domain publishes, in words: its SPF and DMARC records.
fn sender_dns_evidence(resolver: &mut impl Resolver) -> String {
    let domain = recording_domain();
    let spf = match resolver.txt(domain) {
        DnsAnswer::Found(txt) => {
            let (spf, _) = walk::spf_records(&txt);
            match spf.as_slice() {
                [] => format!("{domain} publishes no SPF record, so a filter cannot rely on SPF for it"),
                [one] => format!("{domain} publishes SPF \"{}\"", shortened(one)),
                several => format!("{domain} publishes {} SPF records (a PermError for its mail)", several.len()),
            }
        }
        DnsAnswer::NoData | DnsAnswer::NxDomain => {
            format!("{domain} publishes no SPF record, so a filter cannot rely on SPF for it")
        }
        DnsAnswer::Failed(message) => format!("{domain}'s SPF record could not be read: {message}"),
    };
    let dmarc_name = format!("_dmarc.{domain}");
    let dmarc = match resolver.txt(&dmarc_name) {
        DnsAnswer::Found(txt) => match txt.iter().find(|text| text.to_ascii_lowercase().starts_with("v=dmarc1")) {
            Some(record) => format!("DMARC \"{}\"", shortened(record)),
            None => "no DMARC record".to_owned(),
        },
        DnsAnswer::NoData | DnsAnswer::NxDomain => "no DMARC record".to_owned(),
        DnsAnswer::Failed(message) => format!("its DMARC record could not be read: {message}"),
    };
    format!(
        "From DNS: {spf}; {dmarc}. (SPF checks the envelope sender, which may be another domain; DKIM needs a message to check.)"
    )
}

/// Pasted TXT records, checked without DNS: every finding the records themselves support, and
/// for the rest (what includes add) a needs-confirmation naming what to look up.
pub fn validate_txt_records(input: &str) -> Result<SpfReport, PasteError> {
    let pasted = read_pasted(input)?;
    let mut findings = Vec::new();
    let mut records = Vec::new();
    let mut spf_lines = Vec::new();
    for record in &pasted {
        let place = Place { line: Some(record.line), domain: None };
        let spf = is_spf(&record.text);
        if !spf && looks_like_spf(&record.text) {
            findings.push(near_miss_finding(&record.text, &place));
        }
        let (parsed, errors) =
            if spf { SpfRecord::parse_lenient(&record.text) } else { (SpfRecord::default(), Vec::new()) };
        if spf {
            spf_lines.push(records.len());
        }
        records.push(RecordView {
            line: Some(record.line),
            domain: None,
            via: Vec::new(),
            text: record.text.clone(),
            spf,
            record: parsed,
            errors,
        });
    }
    let mut lookups =
        LookupTally { counted: 0, limit: LOOKUP_LIMIT, complete: true, voids: None, void_limit: VOID_LIMIT };
    match spf_lines.as_slice() {
        [] => findings.push(no_spf_finding(format!(
            "None of the {} TXT record(s) given is an SPF record (none begins with \"v=spf1 \")",
            pasted.len()
        ))),
        [index] => {
            let view = &records[*index];
            let place = Place { line: view.line, domain: None };
            findings.extend(syntax_findings(&view.errors, &place));
            findings.extend(term_findings(&view.record, &place, true));
            let offline = offline_lookups(&view.record);
            lookups.counted = offline.counted;
            lookups.complete = offline.others.is_empty();
            findings.push(place.finding(offline_lookup_finding(&offline, &place), None));
            findings.push(place.finding(offline_telia_finding(&view.record, &view.errors, &offline, &place), None));
        }
        several => {
            let lines: Vec<String> =
                several.iter().filter_map(|index| records[*index].line).map(|line| line.to_string()).collect();
            findings.push(several_finding(several.len(), &format!("lines {}", lines.join(", ")), &Place::default()));
            for index in several {
                let view = &records[*index];
                let place = Place { line: view.line, domain: None };
                findings.extend(syntax_findings(&view.errors, &place));
                findings.extend(term_findings(&view.record, &place, true));
            }
            lookups.complete = false;
            findings.push(Place::default().finding(
                finding(
                    Verdict::Fail,
                    format!("With {} SPF records receivers return PermError before reading any of them, so {} is not authorised, whatever they say.", several.len(), limits::SPF_HOST),
                    Some(format!("Keep one record, with {} in it.", telia_include())),
                ),
                None,
            ));
        }
    }
    findings.push(recording_finding(None));
    Ok(SpfReport { domain: None, records, lookups, findings })
}

/// The lookups one record costs by itself, worst case (nothing matches before `all`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct OfflineLookups {
    counted: usize,
    /// Includes and the redirect, whose records add lookups an offline check cannot see.
    others: Vec<String>,
}

fn offline_lookups(record: &SpfRecord) -> OfflineLookups {
    let mut counted = 0;
    let mut others = Vec::new();
    for (directive, _) in record.evaluated() {
        if directive.mechanism.looks_up() {
            counted += 1;
        }
        if let Mechanism::Include { .. } = &directive.mechanism {
            others.push(directive.to_string());
        }
    }
    if let Some((redirect, _)) = record.effective_redirect() {
        counted += 1;
        others.push(format!("redirect={redirect}"));
    }
    OfflineLookups { counted, others }
}

fn offline_lookup_finding(offline: &OfflineLookups, place: &Place) -> Finding {
    let counted = offline.counted;
    let name = place.name();
    if counted > LOOKUP_LIMIT {
        return finding(
            Verdict::Fail,
            format!("{} costs {counted} DNS lookups by itself (include, a, mx, ptr, exists and redirect count one each): past RFC 7208's limit of {LOOKUP_LIMIT}, so receivers return PermError.", capitalised(&name)),
            Some("Replace a and mx terms with the ip4: and ip6: networks they stand for, and drop includes of services the domain no longer uses.".into()),
        );
    }
    if offline.others.is_empty() {
        return finding(
            Verdict::Pass,
            format!(
                "{} costs {counted} of the {LOOKUP_LIMIT} DNS lookups a receiver allows, and includes no other record, so that is the whole count.",
                capitalised(&name)
            ),
            None,
        );
    }
    finding(
        Verdict::NeedsConfirmation,
        format!(
            "{} costs {counted} of the {LOOKUP_LIMIT} DNS lookups a receiver allows by itself; the record(s) named by {} add their own lookups, which cannot be counted without DNS.",
            capitalised(&name),
            offline.others.join(", ")
        ),
        Some("Run `sitecheck spf DOMAIN` on a computer on the site: it follows every include and counts the whole evaluation.".into()),
    )
}

fn offline_telia_finding(
    record: &SpfRecord,
    errors: &[SyntaxError],
    offline: &OfflineLookups,
    place: &Place,
) -> Finding {
    let host = limits::SPF_HOST;
    let include = telia_include();
    let name = capitalised(&place.name());
    let shortfall = shortfall(SPF);
    let add = format!(
        "Add {include} before the record's all, for example: v=spf1 {include} ~all (with the domain's other mail servers)."
    );
    let names_telia = |term: &Located<Term>| match &term.value {
        Term::Directive(Directive { mechanism: Mechanism::Include { domain }, .. }) => domain.names(host),
        _ => false,
    };
    let end = record.first_all().map_or(record.terms.len(), |index| index + 1);
    // The term a receiver reaches Telia's server by, with the qualifier a match there gives.
    let reached: Option<(&Located<Term>, Qualifier)> =
        record.terms[..end].iter().find(|term| names_telia(term)).map(|term| match &term.value {
            Term::Directive(directive) => (term, directive.qualifier()),
            Term::Modifier(_) => (term, Qualifier::Pass),
        });
    let reached = reached.or_else(|| {
        record.effective_redirect().filter(|(domain, _)| domain.names(host)).and_then(|(_, column)| {
            record.terms.iter().find(|term| term.column == column).map(|term| (term, Qualifier::Pass))
        })
    });
    match reached {
        Some((term, _)) if !errors.is_empty() => finding(
            Verdict::Fail,
            format!(
                "{name} names {host} (\"{}\", column {}), but it has {} syntax error(s): receivers return PermError before evaluating any term.",
                term.value,
                term.column,
                errors.len()
            ),
            Some("Fix the errors listed above.".into()),
        ),
        Some((term, Qualifier::Pass)) => {
            let number = record
                .terms
                .iter()
                .filter(|other| other.column <= term.column)
                .filter(|other| costs_lookup(&other.value))
                .count();
            if number > LOOKUP_LIMIT {
                finding(
                    Verdict::Fail,
                    format!(
                        "{name} names {host} (\"{}\", column {}), but as DNS lookup {number}: past the limit of {LOOKUP_LIMIT}, where receivers return PermError.",
                        term.value, term.column
                    ),
                    Some(format!("Move {include} to the front of the record.")),
                )
            } else {
                finding(
                    Verdict::Pass,
                    format!("{name} names Telia's mail server: \"{}\" (column {}).", term.value, term.column),
                    None,
                )
            }
        }
        Some((term, qualifier)) => finding(
            shortfall,
            format!(
                "{name} names {host} as \"{}\" (column {}): its qualifier makes mail from Telia's server {}, not authorised.",
                term.value,
                term.column,
                qualifier.result()
            ),
            Some(format!("Write it without a qualifier: {include}.")),
        ),
        None => {
            if let Some(after) = record.terms[end..].iter().find(|term| names_telia(term)) {
                return finding(
                    shortfall,
                    format!(
                        "{name} names {host} (column {}) after \"all\", where evaluation never gets.",
                        after.column
                    ),
                    Some(format!("Move {include} before all.")),
                );
            }
            if record.redirect().is_some_and(|(domain, _)| domain.names(host)) {
                return finding(
                    shortfall,
                    format!("{name} redirects to {host}, but also has \"all\", so the redirect is ignored."),
                    Some(add),
                );
            }
            if !offline.others.is_empty() {
                return finding(
                    Verdict::NeedsConfirmation,
                    format!(
                        "{name} does not name {host} itself; {} may name it, which cannot be seen without DNS.",
                        offline.others.join(", ")
                    ),
                    Some(format!(
                        "Run `sitecheck spf DOMAIN` on a computer on the site, which follows the includes; or name it directly. {add}"
                    )),
                );
            }
            finding(
                shortfall,
                format!(
                    "{name} does not name {host}: mail Telia's server sends for the domain is not authorised by SPF."
                ),
                Some(add),
            )
        }
    }
}

/// Whether a term names Telia's mail server (an include or a redirect, whatever its qualifier).
fn names_telia(term: &Term) -> bool {
    match term {
        Term::Directive(Directive { mechanism: Mechanism::Include { domain }, .. })
        | Term::Modifier(Modifier::Redirect { domain }) => domain.names(limits::SPF_HOST),
        _ => false,
    }
}

/// Whether a term costs a DNS lookup: the lookup mechanisms and `redirect=`.
fn costs_lookup(term: &Term) -> bool {
    match term {
        Term::Directive(directive) => directive.mechanism.looks_up(),
        Term::Modifier(Modifier::Redirect { .. }) => true,
        Term::Modifier(_) => false,
    }
}

/// A domain's SPF policy followed through DNS, with the same findings as for pasted records
/// and those only DNS can support: the whole lookup count, void lookups, includes that fail,
/// and whether the evaluation reaches Telia's mail server.
pub fn check_domain(domain: &str, resolver: &mut impl Resolver) -> Result<SpfReport, DomainError> {
    let domain = parse_domain(domain)?;
    let walked = walk(&domain, resolver);
    let mut findings = Vec::new();
    let records: Vec<RecordView> = walked
        .records
        .iter()
        .map(|record| RecordView {
            line: None,
            domain: Some(record.domain.clone()),
            via: record.via.clone(),
            text: record.text.clone(),
            spf: true,
            record: record.record.clone(),
            errors: record.errors.clone(),
        })
        .collect();
    let top = Place { line: None, domain: Some(domain.clone()) };
    for near in &walked.near_misses {
        findings.push(near_miss_finding(near, &top));
    }
    for record in &walked.records {
        let place = Place { line: None, domain: Some(record.domain.clone()) };
        findings.extend(syntax_findings(&record.errors, &place));
        findings.extend(term_findings(&record.record, &place, record.reached_by != Reach::Include));
    }
    let voids = walked.voids();
    let lookups = LookupTally {
        counted: walked.lookups.len(),
        limit: LOOKUP_LIMIT,
        complete: matches!(walked.start, Start::One) && !walked.has_temporary_errors(),
        voids: Some(voids),
        void_limit: VOID_LIMIT,
    };
    match &walked.start {
        Start::Failed { message } => findings.push(
            top.finding(
                finding(
                    Verdict::NeedsConfirmation,
                    format!("The TXT records of {domain} could not be read: {message}."),
                    Some(
                        "Check the DNS server (--dns-server) and try again; receivers meeting this return TempError."
                            .into(),
                    ),
                ),
                None,
            ),
        ),
        Start::NoDomain => {
            findings.push(no_spf_finding(format!("{domain} does not exist in DNS (NXDOMAIN); check its spelling")))
        }
        Start::NoRecord { txt_records } => findings
            .push(no_spf_finding(format!("{domain} has {txt_records} TXT record(s) and no SPF record among them"))),
        Start::Several { records: several } => {
            findings.push(several_finding(several.len(), &format!("on {domain}"), &top));
            findings.push(top.finding(
                finding(
                    Verdict::Fail,
                    format!("With {} SPF records on {domain} receivers return PermError before reading any of them, so {} is not authorised, whatever they say.", several.len(), limits::SPF_HOST),
                    Some(format!("Keep one record, with {} in it.", telia_include())),
                ),
                None,
            ));
        }
        Start::One => {
            findings.extend(error_findings(&walked));
            findings.push(top.finding(dns_lookup_finding(&walked), None));
            findings.push(top.finding(void_finding(&walked), None));
            findings.push(top.finding(dns_telia_finding(&walked), None));
        }
    }
    findings.push(recording_finding(Some(sender_dns_evidence(resolver))));
    Ok(SpfReport { domain: Some(domain), records, lookups, findings })
}

/// Errors other than the limits' and syntax's, which have findings of their own.
fn error_findings(walked: &Walk) -> Vec<SpfFinding> {
    walked
        .errors
        .iter()
        .filter(|error| !matches!(error.kind, ErrorKind::Syntax | ErrorKind::LookupLimit | ErrorKind::VoidLimit))
        .map(|error| {
            let place = Place { line: None, domain: Some(error.domain.clone()) };
            let (verdict, effect) = match error.failure {
                Failure::Permanent => (Verdict::Fail, "receivers return PermError"),
                Failure::Temporary => (Verdict::NeedsConfirmation, "receivers return TempError while it lasts"),
            };
            let advice = match error.kind {
                ErrorKind::Dns => "Check the DNS server (--dns-server) and the domain's name servers, then run the check again.",
                ErrorKind::Loop => "Remove the include that leads back.",
                ErrorKind::NoRecord | ErrorKind::SeveralRecords => {
                    "Remove the term, or correct its domain: an include or redirect must name a domain with exactly one SPF record."
                }
                ErrorKind::TooManyMx => "Name the sending servers with ip4: and ip6: instead of mx.",
                ErrorKind::Syntax | ErrorKind::LookupLimit | ErrorKind::VoidLimit => "",
            };
            place.finding(
                finding(verdict, format!("In {}: {}; {effect}.", place.name(), error.message), Some(advice.to_owned())),
                error.column,
            )
        })
        .collect()
}

fn lookup_breakdown(walked: &Walk) -> String {
    let mut by_domain: Vec<(String, usize)> = Vec::new();
    for lookup in &walked.lookups {
        match by_domain.iter_mut().find(|(domain, _)| *domain == lookup.domain) {
            Some((_, count)) => *count += 1,
            None => by_domain.push((lookup.domain.clone(), 1)),
        }
    }
    by_domain.iter().map(|(domain, count)| format!("{domain} {count}")).collect::<Vec<_>>().join(", ")
}

fn dns_lookup_finding(walked: &Walk) -> Finding {
    let counted = walked.lookups.len();
    let breakdown = if counted == 0 { String::new() } else { format!(" ({})", lookup_breakdown(walked)) };
    let unfollowed = if walked.unfollowed.is_empty() {
        String::new()
    } else {
        format!(" Not followed: {}.", walked.unfollowed.join("; "))
    };
    if counted > LOOKUP_LIMIT {
        let over = &walked.lookups[LOOKUP_LIMIT];
        return finding(
            Verdict::Fail,
            format!(
                "The evaluation costs {counted} DNS lookups{breakdown}: past RFC 7208's limit of {LOOKUP_LIMIT}, so receivers return PermError from \"{}\" in {} on.{unfollowed}",
                over.term, over.domain
            ),
            Some("Replace a and mx terms with the ip4: and ip6: networks they stand for, drop includes of services the domain no longer uses, or include a flattened record.".into()),
        );
    }
    if walked.has_temporary_errors() {
        return finding(
            Verdict::NeedsConfirmation,
            format!(
                "At least {counted} of the {LOOKUP_LIMIT} DNS lookups allowed{breakdown}; DNS failed on the way, so the rest is not known.{unfollowed}"
            ),
            Some("Run the check again when DNS answers.".into()),
        );
    }
    finding(
        Verdict::Pass,
        format!(
            "The evaluation costs {counted} of the {LOOKUP_LIMIT} DNS lookups a receiver allows{breakdown}, counting every include and redirect.{unfollowed}"
        ),
        None,
    )
}

fn void_finding(walked: &Walk) -> Finding {
    let voids: Vec<String> = walked
        .lookups
        .iter()
        .filter(|lookup| lookup.void)
        .map(|lookup| format!("\"{}\" in {}", lookup.term, lookup.domain))
        .collect();
    let list = if voids.is_empty() { String::new() } else { format!(": {}", voids.join(", ")) };
    if voids.len() > VOID_LIMIT {
        return finding(
            Verdict::Fail,
            format!(
                "{} lookups find nothing{list}. Past {VOID_LIMIT} such void lookups receivers return PermError (RFC 7208 4.6.4).",
                voids.len()
            ),
            Some("Remove the terms that name domains without addresses or records.".into()),
        );
    }
    let verdict = if walked.has_temporary_errors() { Verdict::NeedsConfirmation } else { Verdict::Pass };
    finding(
        verdict,
        format!("{} of at most {VOID_LIMIT} void lookups (lookups that find nothing){list}.", voids.len()),
        None,
    )
}

fn dns_telia_finding(walked: &Walk) -> Finding {
    let host = limits::SPF_HOST;
    let include = telia_include();
    let path = |mention: &TeliaMention| {
        let mut chain = mention.via.clone();
        chain.push(mention.domain.clone());
        format!("{} → {}", chain.join(" → "), mention.term)
    };
    if let Some(mention) = walked.telia.iter().find(|mention| mention.authorising) {
        let first_error = walked.errors.get(..mention.errors_before).and_then(|before| before.first());
        return match (first_error, &mention.inside) {
            (Some(error), _) if error.failure == Failure::Permanent => finding(
                Verdict::Fail,
                format!("{host} is named ({}), but the evaluation ends in PermError before it gets there: {} (in {}).", path(mention), error.message, error.domain),
                Some("Fix the error; or move the include of Telia's server to the front of the record, which is evaluated first.".into()),
            ),
            (Some(error), _) => finding(
                Verdict::NeedsConfirmation,
                format!("{host} is named ({}), but DNS failed before it: {}.", path(mention), error.message),
                Some("Run the check again when DNS answers.".into()),
            ),
            (None, Some(inside)) => finding(
                Verdict::Fail,
                format!("{host} is named ({}), but its own record cannot be evaluated: {inside}.", path(mention)),
                Some("Check the spelling of the include; if it is right, ask Telia about their record.".into()),
            ),
            (None, None) => finding(
                Verdict::Pass,
                format!("The evaluation reaches Telia's mail server: {} (DNS lookup {} of {LOOKUP_LIMIT}).", path(mention), mention.lookup_number),
                None,
            ),
        };
    }
    // Not reached: a broken policy is the first thing to fix, whatever it names.
    if let Some(error) = walked.errors.iter().find(|error| error.failure == Failure::Permanent) {
        let named_in_broken = walked
            .records
            .iter()
            .any(|record| !record.errors.is_empty() && record.record.terms.iter().any(|term| names_telia(&term.value)));
        let note = if named_in_broken { format!(" (the broken record names {host})") } else { String::new() };
        return finding(
            Verdict::Fail,
            format!(
                "The evaluation ends in PermError: {} (in {}){note}; mail from Telia's server is not authorised.",
                error.message, error.domain
            ),
            Some(format!("Fix the error, and name Telia's server with {include} in the domain's own record.")),
        );
    }
    let shortfall = shortfall(SPF);
    if let Some(mention) = walked.telia.first() {
        return finding(
            shortfall,
            format!(
                "{host} is named ({}), but {}: mail from Telia's server is not authorised.",
                path(mention),
                mention.reason.clone().unwrap_or_default()
            ),
            Some(format!("Write {include} with no qualifier, in the domain's own record.")),
        );
    }
    if walked.has_temporary_errors() || !walked.unfollowed.is_empty() {
        return finding(
            Verdict::NeedsConfirmation,
            format!(
                "{host} is not named in the {} record(s) read, but not everything could be followed.",
                walked.records.len()
            ),
            Some(format!("Name it directly: add {include} before the record's all.")),
        );
    }
    finding(
        shortfall,
        format!(
            "{host} is not named in {} or in anything it includes or redirects to ({} record(s) read): mail Telia's server sends for the domain is not authorised by SPF.",
            walked.domain,
            walked.records.len()
        ),
        Some(format!(
            "Add {include} before the record's all, for example: v=spf1 {include} ~all (with the domain's other mail servers)."
        )),
    )
}

// Natively only: proptest's random source does not build for wasm32-unknown-unknown.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
