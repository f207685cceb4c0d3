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
use crate::locale::{Bilingual, Locale, Text};
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

    /// "the record on line 3" or "the record of example.com", for evidence.
    fn name(&self) -> Bilingual {
        match (&self.domain, self.line) {
            (Some(domain), _) => crate::bilingual!("the record of {domain}", "posten för {domain}"),
            (None, Some(line)) => crate::bilingual!("the record on line {line}", "posten på rad {line}"),
            (None, None) => Bilingual::new("the record", "posten"),
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

impl DomainError {
    /// The problem in that language; `Display` is the English.
    pub fn message_in(&self, locale: Locale) -> String {
        match (self, locale) {
            (_, Locale::En) => self.to_string(),
            (DomainError::NotADomain(text), Locale::Sv) => {
                format!(
                    "\"{text}\" är inget domännamn: etiketter av bokstäver, siffror och bindestreck, åtskilda av punkter"
                )
            }
        }
    }
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

fn finding(verdict: Verdict, evidence: Bilingual, advice: Option<Bilingual>) -> Finding {
    Finding::new(SPF, verdict, evidence, advice)
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
    let (name_en, name_sv) = (&name.en, &name.sv);
    let end_with = || Some(Bilingual::new("End the record with ~all or -all.", "Avsluta posten med ~all eller -all."));
    match record.all() {
        Some((all, column)) if all.qualifier() == Qualifier::Pass => {
            let written = if all.qualifier.is_none() {
                Bilingual::new("\"all\" (without a qualifier: +all)", "\"all\" (utan kvalificerare: +all)")
            } else {
                Bilingual::same("\"+all\"")
            };
            let effect = if decides {
                Bilingual::new(
                    "passes mail from every server on the Internet: the record authorises everyone and protects nothing",
                    "släpper igenom e-post från varje server på internet: posten godkänner alla och skyddar ingenting",
                )
            } else {
                Bilingual::new(
                    "makes every include of it match every server: whoever includes it authorises everyone",
                    "gör att varje include av den matchar varje server: den som inkluderar den godkänner alla",
                )
            };
            let (written_en, written_sv, effect_en, effect_sv) = (&written.en, &written.sv, &effect.en, &effect.sv);
            findings.push(place.finding(
                finding(
                    Verdict::Warning,
                    crate::bilingual!("{written_en} in {name_en} {effect_en}.", "{written_sv} i {name_sv} {effect_sv}."),
                    Some(Bilingual::new(
                        "End the record with -all (reject mail from servers it does not list) or ~all (mark it), after the servers that send the domain's mail.",
                        "Avsluta posten med -all (avvisa e-post från servrar som den inte räknar upp) eller ~all (märk den), efter de servrar som skickar domänens e-post.",
                    )),
                ),
                Some(column),
            ));
        }
        Some((all, column)) if decides && all.qualifier() == Qualifier::Neutral => findings.push(place.finding(
            finding(
                Verdict::Warning,
                crate::bilingual!(
                    "\"?all\" in {name_en} makes mail from servers it does not list neutral: receivers treat it as if there were no SPF record.",
                    "\"?all\" i {name_sv} gör e-post från servrar som den inte räknar upp neutral: mottagare behandlar den som om det inte fanns någon SPF-post."
                ),
                end_with(),
            ),
            Some(column),
        )),
        None if decides && record.redirect().is_none() => {
            let capital_sv = capitalised(name_sv);
            findings.push(place.finding(
                finding(
                    Verdict::Warning,
                    crate::bilingual!(
                        "{name_en} ends without \"all\" or \"redirect=\": mail from servers it does not list is neutral, as with ?all.",
                        "{capital_sv} slutar utan \"all\" eller \"redirect=\": e-post från servrar som den inte räknar upp blir neutral, som med ?all."
                    ),
                    end_with(),
                ),
                None,
            ));
        }
        _ => {}
    }
    if let Some(index) = record.first_all() {
        let after: Vec<String> = record.terms[index + 1..]
            .iter()
            .filter(|term| matches!(term.value, Term::Directive(_)))
            .map(|term| term.value.to_string())
            .collect();
        if !after.is_empty() {
            let listed = after.join(", ");
            let all = record.terms[index].value.to_string();
            let is = if after.len() == 1 { "is" } else { "are" };
            findings.push(place.finding(
                finding(
                    Verdict::Warning,
                    crate::bilingual!(
                        "{listed} after \"{all}\" in {name_en} {is} never evaluated: evaluation stops at all.",
                        "{listed} efter \"{all}\" i {name_sv} utvärderas aldrig: utvärderingen slutar vid all."
                    ),
                    Some(Bilingual::new(
                        "Move them before all, or remove them.",
                        "Flytta dem före all, eller ta bort dem.",
                    )),
                ),
                Some(record.terms[index + 1].column),
            ));
        }
        if let Some((redirect, column)) = record.redirect() {
            findings.push(place.finding(
                finding(
                    Verdict::Warning,
                    crate::bilingual!(
                        "redirect={redirect} in {name_en} is ignored: a record with \"all\" never redirects (RFC 7208 6.1).",
                        "redirect={redirect} i {name_sv} ignoreras: en post med \"all\" omdirigerar aldrig (RFC 7208 6.1)."
                    ),
                    Some(Bilingual::new("Keep either all or redirect=, not both.", "Behåll antingen all eller redirect=, inte båda.")),
                ),
                Some(column),
            ));
        }
    }
    for term in &record.terms {
        let value = &term.value;
        match value {
            Term::Directive(Directive { mechanism: Mechanism::Ptr { .. }, .. }) => findings.push(place.finding(
                finding(
                    Verdict::Warning,
                    crate::bilingual!(
                        "\"{value}\" in {name_en} needs reverse DNS for every message: slow, unreliable, and RFC 7208 5.5 says not to use it; some receivers skip it.",
                        "\"{value}\" i {name_sv} kräver omvänd DNS-uppslagning för varje meddelande: långsamt, opålitligt, och RFC 7208 5.5 avråder från det; vissa mottagare hoppar över det."
                    ),
                    Some(Bilingual::new(
                        "Name the sending servers with ip4:, ip6:, a or mx instead.",
                        "Ange de sändande servrarna med ip4:, ip6:, a eller mx i stället.",
                    )),
                ),
                Some(term.column),
            )),
            Term::Directive(directive @ Directive { mechanism: Mechanism::Ip4 { prefix: Some(0), .. } | Mechanism::Ip6 { prefix: Some(0), .. }, .. })
                if directive.qualifier() == Qualifier::Pass =>
            {
                findings.push(place.finding(
                    finding(
                        Verdict::Warning,
                        crate::bilingual!(
                            "\"{directive}\" in {name_en} authorises every address of its family: like +all.",
                            "\"{directive}\" i {name_sv} godkänner varje adress i sin adressfamilj: som +all."
                        ),
                        Some(Bilingual::new("Name the sending servers' own networks.", "Ange de sändande servrarnas egna nät.")),
                    ),
                    Some(term.column),
                ));
            }
            Term::Modifier(Modifier::Unknown { name: modifier, value }) if is_mechanism_name(modifier) => {
                let lower = modifier.to_ascii_lowercase();
                findings.push(place.finding(
                    finding(
                        Verdict::Warning,
                        crate::bilingual!(
                            "\"{modifier}={value}\" in {name_en} is read as an unknown modifier, which receivers ignore: a mechanism takes \":\".",
                            "\"{modifier}={value}\" i {name_sv} läses som en okänd modifierare, som mottagare ignorerar: en mekanism skrivs med \":\"."
                        ),
                        Some(crate::bilingual!("Write {lower}:{value}.", "Skriv {lower}:{value}.")),
                    ),
                    Some(term.column),
                ));
            }
            _ => {}
        }
        if term_uses(value, MacroLetter::ValidatedName) {
            findings.push(place.finding(
                finding(
                    Verdict::Warning,
                    crate::bilingual!(
                        "\"{value}\" in {name_en} uses the %{{p}} macro, a reverse DNS lookup for every message: RFC 7208 7.3 says not to use it.",
                        "\"{value}\" i {name_sv} använder makrot %{{p}}, ett omvänt DNS-uppslag för varje meddelande: RFC 7208 7.3 avråder från det."
                    ),
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
    let name = capitalised_both(&place.name());
    errors
        .iter()
        .map(|error| {
            let (name_en, name_sv, column) = (&name.en, &name.sv, error.column);
            let (kind_en, kind_sv) = (error.kind.message_in(Locale::En), error.kind.message_in(Locale::Sv));
            place.finding(
                finding(
                    Verdict::Fail,
                    crate::bilingual!("{name_en}, column {column}: {kind_en}.", "{name_sv}, kolumn {column}: {kind_sv}."),
                    Some(Bilingual::new(
                        "Receivers reject the whole record (PermError) while any error remains, so no server is authorised by it.",
                        "Mottagare underkänner hela posten (PermError) så länge något fel finns kvar, så den godkänner ingen server.",
                    )),
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

fn capitalised_both(text: &Bilingual) -> Bilingual {
    Bilingual::new(capitalised(&text.en), capitalised(&text.sv))
}

fn near_miss_finding(text: &str, place: &Place) -> SpfFinding {
    let why = if text.to_ascii_lowercase().starts_with("spf2.0/") {
        Bilingual::new(
            "is a Sender ID record, which receivers no longer check",
            "är en Sender ID-post, som mottagare inte längre kontrollerar",
        )
    } else {
        Bilingual::new(
            "looks like SPF, but receivers skip it: an SPF record begins with exactly \"v=spf1\" and then a space",
            "ser ut som SPF, men mottagare hoppar över den: en SPF-post börjar med exakt \"v=spf1\" och sedan ett mellanslag",
        )
    };
    let (quoted, why_en, why_sv) = (shortened(text), &why.en, &why.sv);
    place.finding(
        finding(
            Verdict::Warning,
            crate::bilingual!("\"{quoted}\" {why_en}.", "\"{quoted}\" {why_sv}."),
            Some(Bilingual::new(
                "Fix or remove it, so that the domain has exactly one SPF record beginning \"v=spf1 \".",
                "Rätta eller ta bort den, så att domänen har exakt en SPF-post som börjar med \"v=spf1 \".",
            )),
        ),
        None,
    )
}

fn several_finding(count: usize, places: &Bilingual, place: &Place) -> SpfFinding {
    let (places_en, places_sv) = (&places.en, &places.sv);
    place.finding(
        finding(
            Verdict::Fail,
            crate::bilingual!(
                "{count} SPF records ({places_en}): a domain publishes one, and receivers return PermError for all its mail while there are more (RFC 7208 4.5).",
                "{count} SPF-poster ({places_sv}): en domän publicerar en, och mottagare returnerar PermError för all dess e-post så länge det finns fler (RFC 7208 4.5)."
            ),
            Some(Bilingual::new(
                "Merge them into one record: every mechanism once, one all at the end.",
                "Slå ihop dem till en post: varje mekanism en gång, ett all i slutet.",
            )),
        ),
        None,
    )
}

/// The finding for several SPF records on one domain (`on` names where: "on example.com").
fn several_unauthorised(count: usize, on: &Bilingual) -> SpfFinding {
    let (host, include) = (limits::SPF_HOST, telia_include());
    let (on_en, on_sv) = (&on.en, &on.sv);
    Place::default().finding(
        finding(
            Verdict::Fail,
            crate::bilingual!(
                "With {count} SPF records{on_en} receivers return PermError before reading any of them, so {host} is not authorised, whatever they say.",
                "Med {count} SPF-poster{on_sv} returnerar mottagare PermError innan de läser någon av dem, så {host} är inte behörig, vad de än säger."
            ),
            Some(crate::bilingual!("Keep one record, with {include} in it.", "Behåll en post, med {include} i den.")),
        ),
        None,
    )
}

fn no_spf_finding(evidence: Bilingual) -> SpfFinding {
    let (evidence_en, evidence_sv, include) = (&evidence.en, &evidence.sv, telia_include());
    Place::default().finding(
        finding(
            Verdict::NotApplicable,
            crate::bilingual!(
                "{evidence_en}: the domain does not use SPF, and the requirement applies only where it does.",
                "{evidence_sv}: domänen använder inte SPF, och kravet gäller bara där den gör det."
            ),
            Some(crate::bilingual!(
                "If the domain publishes SPF later, name Telia's mail server in it: v=spf1 {include} … -all.",
                "Om domänen publicerar SPF senare, ange Telias e-postserver i den: v=spf1 {include} … -all."
            )),
        ),
        None,
    )
}

/// The 3.6 note: whether the recordings' mail gets through is up to the customer's mail
/// system, which no DNS record shows. `sender_dns` adds what the sender's domain publishes,
/// when it was looked up.
fn recording_finding(sender_dns: Option<Bilingual>) -> SpfFinding {
    let sender = limits::RECORDING_SENDER;
    let domain = recording_domain();
    let mut evidence = crate::bilingual!(
        "Call-recording mail comes from {sender}; whether the customer's spam filter lets it through cannot be seen from DNS. The customer's own SPF record plays no part in it: receivers check {domain}'s.",
        "E-post med samtalsinspelningar kommer från {sender}; om kundens skräppostfilter släpper igenom den går inte att se i DNS. Kundens egen SPF-post spelar ingen roll här: mottagare kontrollerar SPF-posten för {domain}."
    );
    if let Some(seen) = sender_dns {
        evidence.push(&Bilingual::same(" "));
        evidence.push(&seen);
    }
    Place::default().finding(
        Finding::new(
            RECORDING,
            Verdict::NeedsConfirmation,
            evidence,
            Some(crate::bilingual!(
                "Confirm it: make a test recording and check that its mail reaches the inbox, not junk or quarantine. If it does not, allow-list {sender} in the spam filter (a transport or mail-flow rule, or the filter's allowed senders), and have the rule also require that the message passes SPF or DKIM for {domain} (DMARC alignment): a From address alone is easily forged, so an allow-list on the address only lets forgeries through too. Allow-list Telia's sending servers by address only if the filter cannot check authentication.",
                "Bekräfta det: gör en testinspelning och kontrollera att dess e-post hamnar i inkorgen, inte bland skräpposten eller i karantän. Om den inte gör det, lägg till {sender} i skräppostfiltrets vitlista (en transport- eller e-postflödesregel, eller filtrets tillåtna avsändare), och låt regeln också kräva att meddelandet klarar SPF eller DKIM för {domain} (DMARC-anpassning): enbart en From-adress är lätt att förfalska, så en vitlista på adressen släpper också igenom förfalskningar. Vitlista Telias sändande servrar på adress bara om filtret inte kan kontrollera autentiseringen."
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
fn sender_dns_evidence(resolver: &mut impl Resolver) -> Bilingual {
    let domain = recording_domain();
    let none = || {
        crate::bilingual!(
            "{domain} publishes no SPF record, so a filter cannot rely on SPF for it",
            "{domain} publicerar ingen SPF-post, så ett filter kan inte lita på SPF för den"
        )
    };
    let spf = match resolver.txt(domain) {
        DnsAnswer::Found(txt) => {
            let (spf, _) = walk::spf_records(&txt);
            match spf.as_slice() {
                [] => none(),
                [one] => {
                    let one = shortened(one);
                    crate::bilingual!("{domain} publishes SPF \"{one}\"", "{domain} publicerar SPF \"{one}\"")
                }
                several => {
                    let count = several.len();
                    crate::bilingual!(
                        "{domain} publishes {count} SPF records (a PermError for its mail)",
                        "{domain} publicerar {count} SPF-poster (PermError för dess e-post)"
                    )
                }
            }
        }
        DnsAnswer::NoData | DnsAnswer::NxDomain => none(),
        DnsAnswer::Failed(message) => crate::bilingual!(
            "{domain}'s SPF record could not be read: {message}",
            "SPF-posten för {domain} gick inte att läsa: {message}"
        ),
    };
    let dmarc_name = format!("_dmarc.{domain}");
    let no_dmarc = || Bilingual::new("no DMARC record", "ingen DMARC-post");
    let dmarc = match resolver.txt(&dmarc_name) {
        DnsAnswer::Found(txt) => match txt.iter().find(|text| text.to_ascii_lowercase().starts_with("v=dmarc1")) {
            Some(record) => Bilingual::same(format!("DMARC \"{}\"", shortened(record))),
            None => no_dmarc(),
        },
        DnsAnswer::NoData | DnsAnswer::NxDomain => no_dmarc(),
        DnsAnswer::Failed(message) => crate::bilingual!(
            "its DMARC record could not be read: {message}",
            "dess DMARC-post gick inte att läsa: {message}"
        ),
    };
    let (spf_en, spf_sv, dmarc_en, dmarc_sv) = (&spf.en, &spf.sv, &dmarc.en, &dmarc.sv);
    crate::bilingual!(
        "From DNS: {spf_en}; {dmarc_en}. (SPF checks the envelope sender, which may be another domain; DKIM needs a message to check.)",
        "Från DNS: {spf_sv}; {dmarc_sv}. (SPF kontrollerar kuvertavsändaren, som kan vara en annan domän; DKIM kräver ett meddelande att kontrollera.)"
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
        [] => {
            let count = pasted.len();
            findings.push(no_spf_finding(crate::bilingual!(
                "None of the {count} TXT record(s) given is an SPF record (none begins with \"v=spf1 \")",
                "Ingen av de angivna TXT-posterna ({count}) är en SPF-post (ingen börjar med \"v=spf1 \")"
            )));
        }
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
            let lines = lines.join(", ");
            findings.push(several_finding(
                several.len(),
                &crate::bilingual!("lines {lines}", "raderna {lines}"),
                &Place::default(),
            ));
            for index in several {
                let view = &records[*index];
                let place = Place { line: view.line, domain: None };
                findings.extend(syntax_findings(&view.errors, &place));
                findings.extend(term_findings(&view.record, &place, true));
            }
            lookups.complete = false;
            findings.push(several_unauthorised(several.len(), &Bilingual::default()));
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

/// "Run `sitecheck spf DOMAIN`", for what only DNS can tell.
const RUN_ONLINE: Text = Text {
    en: "Run `sitecheck spf DOMAIN` on a computer on the site: it follows every include and counts the whole evaluation.",
    sv: "Kör `sitecheck spf DOMAIN` på en dator på platsen: den följer varje include och räknar hela utvärderingen.",
};

fn offline_lookup_finding(offline: &OfflineLookups, place: &Place) -> Finding {
    let counted = offline.counted;
    let name = capitalised_both(&place.name());
    let (name_en, name_sv) = (&name.en, &name.sv);
    if counted > LOOKUP_LIMIT {
        return finding(
            Verdict::Fail,
            crate::bilingual!(
                "{name_en} costs {counted} DNS lookups by itself (include, a, mx, ptr, exists and redirect count one each): past RFC 7208's limit of {LOOKUP_LIMIT}, so receivers return PermError.",
                "{name_sv} kostar i sig {counted} DNS-uppslag (include, a, mx, ptr, exists och redirect räknas som ett var): över gränsen på {LOOKUP_LIMIT} i RFC 7208, så mottagare returnerar PermError."
            ),
            Some(Bilingual::new(
                "Replace a and mx terms with the ip4: and ip6: networks they stand for, and drop includes of services the domain no longer uses.",
                "Ersätt a- och mx-termer med de ip4:- och ip6:-nät de står för, och ta bort include för tjänster som domänen inte längre använder.",
            )),
        );
    }
    if offline.others.is_empty() {
        return finding(
            Verdict::Pass,
            crate::bilingual!(
                "{name_en} costs {counted} of the {LOOKUP_LIMIT} DNS lookups a receiver allows, and includes no other record, so that is the whole count.",
                "{name_sv} kostar {counted} av de {LOOKUP_LIMIT} DNS-uppslag som en mottagare tillåter, och inkluderar ingen annan post, så det är hela antalet."
            ),
            None,
        );
    }
    let others = offline.others.join(", ");
    finding(
        Verdict::NeedsConfirmation,
        crate::bilingual!(
            "{name_en} costs {counted} of the {LOOKUP_LIMIT} DNS lookups a receiver allows by itself; the record(s) named by {others} add their own lookups, which cannot be counted without DNS.",
            "{name_sv} kostar i sig {counted} av de {LOOKUP_LIMIT} DNS-uppslag som en mottagare tillåter; posterna som {others} pekar på lägger till egna uppslag, som inte kan räknas utan DNS."
        ),
        Some(RUN_ONLINE.into()),
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
    let name = capitalised_both(&place.name());
    let (name_en, name_sv) = (&name.en, &name.sv);
    let shortfall = shortfall(SPF);
    let add = crate::bilingual!(
        "Add {include} before the record's all, for example: v=spf1 {include} ~all (with the domain's other mail servers).",
        "Lägg till {include} före postens all, till exempel: v=spf1 {include} ~all (med domänens övriga e-postservrar)."
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
        Some((term, _)) if !errors.is_empty() => {
            let (value, column, count) = (&term.value, term.column, errors.len());
            finding(
                Verdict::Fail,
                crate::bilingual!(
                    "{name_en} names {host} (\"{value}\", column {column}), but it has {count} syntax error(s): receivers return PermError before evaluating any term.",
                    "{name_sv} anger {host} (\"{value}\", kolumn {column}), men har {count} syntaxfel: mottagare returnerar PermError innan de utvärderar någon term."
                ),
                Some(Bilingual::new("Fix the errors listed above.", "Rätta felen som listas ovan.")),
            )
        }
        Some((term, Qualifier::Pass)) => {
            let number = record
                .terms
                .iter()
                .filter(|other| other.column <= term.column)
                .filter(|other| costs_lookup(&other.value))
                .count();
            let (value, column) = (&term.value, term.column);
            if number > LOOKUP_LIMIT {
                finding(
                    Verdict::Fail,
                    crate::bilingual!(
                        "{name_en} names {host} (\"{value}\", column {column}), but as DNS lookup {number}: past the limit of {LOOKUP_LIMIT}, where receivers return PermError.",
                        "{name_sv} anger {host} (\"{value}\", kolumn {column}), men som DNS-uppslag {number}: över gränsen på {LOOKUP_LIMIT}, där mottagare returnerar PermError."
                    ),
                    Some(crate::bilingual!(
                        "Move {include} to the front of the record.",
                        "Flytta {include} först i posten."
                    )),
                )
            } else {
                finding(
                    Verdict::Pass,
                    crate::bilingual!(
                        "{name_en} names Telia's mail server: \"{value}\" (column {column}).",
                        "{name_sv} anger Telias e-postserver: \"{value}\" (kolumn {column})."
                    ),
                    None,
                )
            }
        }
        Some((term, qualifier)) => {
            let (value, column, result) = (&term.value, term.column, qualifier.result());
            finding(
                shortfall,
                crate::bilingual!(
                    "{name_en} names {host} as \"{value}\" (column {column}): its qualifier makes mail from Telia's server {result}, not authorised.",
                    "{name_sv} anger {host} som \"{value}\" (kolumn {column}): dess kvalificerare ger e-post från Telias server resultatet {result}, inte behörig."
                ),
                Some(crate::bilingual!(
                    "Write it without a qualifier: {include}.",
                    "Skriv den utan kvalificerare: {include}."
                )),
            )
        }
        None => {
            if let Some(after) = record.terms[end..].iter().find(|term| names_telia(term)) {
                let column = after.column;
                return finding(
                    shortfall,
                    crate::bilingual!(
                        "{name_en} names {host} (column {column}) after \"all\", where evaluation never gets.",
                        "{name_sv} anger {host} (kolumn {column}) efter \"all\", dit utvärderingen aldrig når."
                    ),
                    Some(crate::bilingual!("Move {include} before all.", "Flytta {include} före all.")),
                );
            }
            if record.redirect().is_some_and(|(domain, _)| domain.names(host)) {
                return finding(
                    shortfall,
                    crate::bilingual!(
                        "{name_en} redirects to {host}, but also has \"all\", so the redirect is ignored.",
                        "{name_sv} omdirigerar till {host}, men har också \"all\", så omdirigeringen ignoreras."
                    ),
                    Some(add),
                );
            }
            if !offline.others.is_empty() {
                let others = offline.others.join(", ");
                let (add_en, add_sv) = (&add.en, &add.sv);
                return finding(
                    Verdict::NeedsConfirmation,
                    crate::bilingual!(
                        "{name_en} does not name {host} itself; {others} may name it, which cannot be seen without DNS.",
                        "{name_sv} anger inte själv {host}; {others} kan ange den, vilket inte syns utan DNS."
                    ),
                    Some(crate::bilingual!(
                        "Run `sitecheck spf DOMAIN` on a computer on the site, which follows the includes; or name it directly. {add_en}",
                        "Kör `sitecheck spf DOMAIN` på en dator på platsen, som följer alla include; eller ange den direkt. {add_sv}"
                    )),
                );
            }
            finding(
                shortfall,
                crate::bilingual!(
                    "{name_en} does not name {host}: mail Telia's server sends for the domain is not authorised by SPF.",
                    "{name_sv} anger inte {host}: e-post som Telias server skickar för domänen godkänns inte av SPF."
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
        Start::Failed { message } => findings.push(top.finding(
            finding(
                Verdict::NeedsConfirmation,
                crate::bilingual!(
                    "The TXT records of {domain} could not be read: {message}.",
                    "TXT-posterna för {domain} gick inte att läsa: {message}."
                ),
                Some(Bilingual::new(
                    "Check the DNS server (--dns-server) and try again; receivers meeting this return TempError.",
                    "Kontrollera DNS-servern (--dns-server) och försök igen; mottagare som råkar ut för detta returnerar TempError.",
                )),
            ),
            None,
        )),
        Start::NoDomain => findings.push(no_spf_finding(crate::bilingual!(
            "{domain} does not exist in DNS (NXDOMAIN); check its spelling",
            "{domain} finns inte i DNS (NXDOMAIN); kontrollera stavningen"
        ))),
        Start::NoRecord { txt_records } => findings.push(no_spf_finding(crate::bilingual!(
            "{domain} has {txt_records} TXT record(s) and no SPF record among them",
            "{domain} har {txt_records} TXT-post(er) och ingen SPF-post bland dem"
        ))),
        Start::Several { records: several } => {
            findings.push(several_finding(several.len(), &crate::bilingual!("on {domain}", "på {domain}"), &top));
            let mut unauthorised =
                several_unauthorised(several.len(), &crate::bilingual!(" on {domain}", " på {domain}"));
            unauthorised.domain = top.domain.clone();
            findings.push(unauthorised);
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
                Failure::Permanent => {
                    (Verdict::Fail, Bilingual::new("receivers return PermError", "mottagare returnerar PermError"))
                }
                Failure::Temporary => (
                    Verdict::NeedsConfirmation,
                    Bilingual::new(
                        "receivers return TempError while it lasts",
                        "mottagare returnerar TempError så länge det varar",
                    ),
                ),
            };
            let advice = match error.kind {
                ErrorKind::Dns => Some(Bilingual::new(
                    "Check the DNS server (--dns-server) and the domain's name servers, then run the check again.",
                    "Kontrollera DNS-servern (--dns-server) och domänens namnservrar, och kör sedan kontrollen igen.",
                )),
                ErrorKind::Loop => {
                    Some(Bilingual::new("Remove the include that leads back.", "Ta bort den include som leder tillbaka."))
                }
                ErrorKind::NoRecord | ErrorKind::SeveralRecords => Some(Bilingual::new(
                    "Remove the term, or correct its domain: an include or redirect must name a domain with exactly one SPF record.",
                    "Ta bort termen, eller rätta dess domän: en include eller redirect måste ange en domän med exakt en SPF-post.",
                )),
                ErrorKind::TooManyMx => Some(Bilingual::new(
                    "Name the sending servers with ip4: and ip6: instead of mx.",
                    "Ange de sändande servrarna med ip4: och ip6: i stället för mx.",
                )),
                ErrorKind::Syntax | ErrorKind::LookupLimit | ErrorKind::VoidLimit => None,
            };
            let name = place.name();
            let (name_en, name_sv, message_en, message_sv) = (&name.en, &name.sv, &error.message.en, &error.message.sv);
            let (effect_en, effect_sv) = (&effect.en, &effect.sv);
            place.finding(
                finding(
                    verdict,
                    crate::bilingual!(
                        "In {name_en}: {message_en}; {effect_en}.",
                        "I {name_sv}: {message_sv}; {effect_sv}."
                    ),
                    advice,
                ),
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
        Bilingual::default()
    } else {
        let listed = Bilingual::join(&walked.unfollowed, "; ", "; ");
        let (listed_en, listed_sv) = (&listed.en, &listed.sv);
        crate::bilingual!(" Not followed: {listed_en}.", " Följdes inte: {listed_sv}.")
    };
    let (unfollowed_en, unfollowed_sv) = (&unfollowed.en, &unfollowed.sv);
    if counted > LOOKUP_LIMIT {
        let over = &walked.lookups[LOOKUP_LIMIT];
        let (term, domain) = (&over.term, &over.domain);
        return finding(
            Verdict::Fail,
            crate::bilingual!(
                "The evaluation costs {counted} DNS lookups{breakdown}: past RFC 7208's limit of {LOOKUP_LIMIT}, so receivers return PermError from \"{term}\" in {domain} on.{unfollowed_en}",
                "Utvärderingen kostar {counted} DNS-uppslag{breakdown}: över gränsen på {LOOKUP_LIMIT} i RFC 7208, så mottagare returnerar PermError från och med \"{term}\" i {domain}.{unfollowed_sv}"
            ),
            Some(Bilingual::new(
                "Replace a and mx terms with the ip4: and ip6: networks they stand for, drop includes of services the domain no longer uses, or include a flattened record.",
                "Ersätt a- och mx-termer med de ip4:- och ip6:-nät de står för, ta bort include för tjänster som domänen inte längre använder, eller inkludera en tillplattad post.",
            )),
        );
    }
    if walked.has_temporary_errors() {
        return finding(
            Verdict::NeedsConfirmation,
            crate::bilingual!(
                "At least {counted} of the {LOOKUP_LIMIT} DNS lookups allowed{breakdown}; DNS failed on the way, so the rest is not known.{unfollowed_en}",
                "Minst {counted} av de {LOOKUP_LIMIT} tillåtna DNS-uppslagen{breakdown}; DNS misslyckades på vägen, så resten är okänt.{unfollowed_sv}"
            ),
            Some(AGAIN.into()),
        );
    }
    finding(
        Verdict::Pass,
        crate::bilingual!(
            "The evaluation costs {counted} of the {LOOKUP_LIMIT} DNS lookups a receiver allows{breakdown}, counting every include and redirect.{unfollowed_en}",
            "Utvärderingen kostar {counted} av de {LOOKUP_LIMIT} DNS-uppslag som en mottagare tillåter{breakdown}, räknat med varje include och redirect.{unfollowed_sv}"
        ),
        None,
    )
}

/// Advice when DNS did not answer.
const AGAIN: Text = Text { en: "Run the check again when DNS answers.", sv: "Kör kontrollen igen när DNS svarar." };

fn void_finding(walked: &Walk) -> Finding {
    let voids: Vec<Bilingual> = walked
        .lookups
        .iter()
        .filter(|lookup| lookup.void)
        .map(|lookup| {
            let (term, domain) = (&lookup.term, &lookup.domain);
            crate::bilingual!("\"{term}\" in {domain}", "\"{term}\" i {domain}")
        })
        .collect();
    let list = if voids.is_empty() {
        Bilingual::default()
    } else {
        let joined = Bilingual::join(&voids, ", ", ", ");
        Bilingual::new(format!(": {}", joined.en), format!(": {}", joined.sv))
    };
    let (list_en, list_sv, count) = (&list.en, &list.sv, voids.len());
    if count > VOID_LIMIT {
        return finding(
            Verdict::Fail,
            crate::bilingual!(
                "{count} lookups find nothing{list_en}. Past {VOID_LIMIT} such void lookups receivers return PermError (RFC 7208 4.6.4).",
                "{count} uppslag hittar ingenting{list_sv}. Efter {VOID_LIMIT} sådana tomma uppslag returnerar mottagare PermError (RFC 7208 4.6.4)."
            ),
            Some(Bilingual::new(
                "Remove the terms that name domains without addresses or records.",
                "Ta bort de termer som anger domäner utan adresser eller poster.",
            )),
        );
    }
    let verdict = if walked.has_temporary_errors() { Verdict::NeedsConfirmation } else { Verdict::Pass };
    finding(
        verdict,
        crate::bilingual!(
            "{count} of at most {VOID_LIMIT} void lookups (lookups that find nothing){list_en}.",
            "{count} av högst {VOID_LIMIT} tomma uppslag (uppslag som inte hittar något){list_sv}."
        ),
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
        let path = path(mention);
        return match (first_error, &mention.inside) {
            (Some(error), _) if error.failure == Failure::Permanent => {
                let (message_en, message_sv, domain) = (&error.message.en, &error.message.sv, &error.domain);
                finding(
                    Verdict::Fail,
                    crate::bilingual!(
                        "{host} is named ({path}), but the evaluation ends in PermError before it gets there: {message_en} (in {domain}).",
                        "{host} anges ({path}), men utvärderingen slutar i PermError innan den når dit: {message_sv} (i {domain})."
                    ),
                    Some(Bilingual::new(
                        "Fix the error; or move the include of Telia's server to the front of the record, which is evaluated first.",
                        "Rätta felet; eller flytta include för Telias server först i posten, som utvärderas först.",
                    )),
                )
            }
            (Some(error), _) => {
                let (message_en, message_sv) = (&error.message.en, &error.message.sv);
                finding(
                    Verdict::NeedsConfirmation,
                    crate::bilingual!(
                        "{host} is named ({path}), but DNS failed before it: {message_en}.",
                        "{host} anges ({path}), men DNS misslyckades före den: {message_sv}."
                    ),
                    Some(AGAIN.into()),
                )
            }
            (None, Some(inside)) => {
                let (inside_en, inside_sv) = (&inside.en, &inside.sv);
                finding(
                    Verdict::Fail,
                    crate::bilingual!(
                        "{host} is named ({path}), but its own record cannot be evaluated: {inside_en}.",
                        "{host} anges ({path}), men dess egen post kan inte utvärderas: {inside_sv}."
                    ),
                    Some(Bilingual::new(
                        "Check the spelling of the include; if it is right, ask Telia about their record.",
                        "Kontrollera stavningen i include; om den stämmer, fråga Telia om deras post.",
                    )),
                )
            }
            (None, None) => {
                let number = mention.lookup_number;
                finding(
                    Verdict::Pass,
                    crate::bilingual!(
                        "The evaluation reaches Telia's mail server: {path} (DNS lookup {number} of {LOOKUP_LIMIT}).",
                        "Utvärderingen når Telias e-postserver: {path} (DNS-uppslag {number} av {LOOKUP_LIMIT})."
                    ),
                    None,
                )
            }
        };
    }
    // Not reached: a broken policy is the first thing to fix, whatever it names.
    if let Some(error) = walked.errors.iter().find(|error| error.failure == Failure::Permanent) {
        let named_in_broken = walked
            .records
            .iter()
            .any(|record| !record.errors.is_empty() && record.record.terms.iter().any(|term| names_telia(&term.value)));
        let note = if named_in_broken {
            crate::bilingual!(" (the broken record names {host})", " (den trasiga posten anger {host})")
        } else {
            Bilingual::default()
        };
        let (message_en, message_sv, domain, note_en, note_sv) =
            (&error.message.en, &error.message.sv, &error.domain, &note.en, &note.sv);
        return finding(
            Verdict::Fail,
            crate::bilingual!(
                "The evaluation ends in PermError: {message_en} (in {domain}){note_en}; mail from Telia's server is not authorised.",
                "Utvärderingen slutar i PermError: {message_sv} (i {domain}){note_sv}; e-post från Telias server är inte behörig."
            ),
            Some(crate::bilingual!(
                "Fix the error, and name Telia's server with {include} in the domain's own record.",
                "Rätta felet, och ange Telias server med {include} i domänens egen post."
            )),
        );
    }
    let shortfall = shortfall(SPF);
    if let Some(mention) = walked.telia.first() {
        let path = path(mention);
        let reason = mention.reason.clone().unwrap_or_default();
        let (reason_en, reason_sv) = (&reason.en, &reason.sv);
        return finding(
            shortfall,
            crate::bilingual!(
                "{host} is named ({path}), but {reason_en}: mail from Telia's server is not authorised.",
                "{host} anges ({path}), men {reason_sv}: e-post från Telias server är inte behörig."
            ),
            Some(crate::bilingual!(
                "Write {include} with no qualifier, in the domain's own record.",
                "Skriv {include} utan kvalificerare, i domänens egen post."
            )),
        );
    }
    let count = walked.records.len();
    if walked.has_temporary_errors() || !walked.unfollowed.is_empty() {
        return finding(
            Verdict::NeedsConfirmation,
            crate::bilingual!(
                "{host} is not named in the {count} record(s) read, but not everything could be followed.",
                "{host} anges inte i de lästa posterna ({count}), men allt kunde inte följas."
            ),
            Some(crate::bilingual!(
                "Name it directly: add {include} before the record's all.",
                "Ange den direkt: lägg till {include} före postens all."
            )),
        );
    }
    let domain = &walked.domain;
    finding(
        shortfall,
        crate::bilingual!(
            "{host} is not named in {domain} or in anything it includes or redirects to ({count} record(s) read): mail Telia's server sends for the domain is not authorised by SPF.",
            "{host} anges inte i {domain} eller i något den inkluderar eller omdirigerar till ({count} lästa poster): e-post som Telias server skickar för domänen godkänns inte av SPF."
        ),
        Some(crate::bilingual!(
            "Add {include} before the record's all, for example: v=spf1 {include} ~all (with the domain's other mail servers).",
            "Lägg till {include} före postens all, till exempel: v=spf1 {include} ~all (med domänens övriga e-postservrar)."
        )),
    )
}

#[cfg(test)]
mod test_zone;
// Natively only: proptest's random source does not build for wasm32-unknown-unknown.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
