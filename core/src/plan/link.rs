//! Share links: a plan, its confirmations and (optionally) results, in a URL fragment that
//! never reaches a server. The format is versioned, compact (defaults are left out) and
//! carries a checksum, so that a truncated or edited link is refused as a whole.
//!
//! `sc2.<fields>.<checksum>` (format 1, without the language field, still reads): fields are `key=value` joined by `&`, values percent-encoded;
//! the checksum is FNV-1a (32 bits, hex) of the fields. It catches accidents, not forgery.

use crate::confirmation::{Confirmation, Confirmations};
use crate::locale::Locale;
use crate::plan::Plan;
use crate::plan::fields::{FieldKind, PLAN_FIELDS};
use crate::requirement::{RequirementId, UnknownRequirement};
use crate::units::Date;
use crate::verdict::{Finding, Verdict};
use std::collections::BTreeMap;
use thiserror::Error;

pub const LINK_VERSION: u32 = 2;
const PREFIX: &str = "sc";

/// Who made the link, so the app can greet the reader properly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LinkPurpose {
    /// A sales engineer's plan for a customer to check.
    #[default]
    Prefill,
    /// A customer's answers and results sent back.
    Results,
}

impl LinkPurpose {
    /// What a link of this purpose carries, in the question it asks before replacing answers.
    pub const fn carries(self) -> &'static str {
        self.carries_in(Locale::En)
    }

    pub const fn carries_in(self, locale: Locale) -> &'static str {
        let text = match self {
            LinkPurpose::Prefill => crate::locale::Text { en: "a site plan", sv: "en plan för platsen" },
            LinkPurpose::Results => {
                crate::locale::Text { en: "someone's answers and results", sv: "någons svar och resultat" }
            }
        };
        text.get(locale)
    }

    /// What the reader is told once the link is open.
    pub const fn opened(self) -> &'static str {
        self.opened_in(Locale::En)
    }

    pub const fn opened_in(self, locale: Locale) -> &'static str {
        let text = match self {
            LinkPurpose::Prefill => crate::locale::Text {
                en: "A site plan was opened from a link. Check this computer below, confirm what only you can, then send your results back.",
                sv: "En plan för platsen öppnades från en länk. Kontrollera den här datorn nedan, bekräfta det bara du kan, och skicka sedan tillbaka dina resultat.",
            },
            LinkPurpose::Results => crate::locale::Text {
                en: "Answers and results were opened from a link: the checklist shows what the sender's browser reported.",
                sv: "Svar och resultat öppnades från en länk: checklistan visar vad avsändarens webbläsare rapporterade.",
            },
        };
        text.get(locale)
    }

    /// Whether the results a link brought stand above this browser's own findings: a reader
    /// of a customer's results wants the customer's machine, not their own.
    pub fn prefers_shared_results(self) -> bool {
        self == LinkPurpose::Results
    }
}

/// Whether an address's fragment is meant as a share link (`#sc…`), so that the page tries to
/// open it; anything else in the fragment is left alone.
pub fn is_link_fragment(fragment: &str) -> bool {
    fragment.strip_prefix('#').unwrap_or(fragment).starts_with(PREFIX)
}

impl Shared {
    /// Whether opening this link must ask first: only when it would replace answers worth
    /// keeping (a plan other than the default, or a confirmation) with different ones.
    pub fn must_ask_before_replacing(&self, local_plan: &Plan, local_confirmations: &Confirmations) -> bool {
        let worth_keeping = *local_plan != Plan::default() || !local_confirmations.confirmed.is_empty();
        let same = *local_plan == self.plan && local_confirmations.confirmed == self.confirmations.confirmed;
        worth_keeping && !same
    }

    /// What a link made for `purpose` carries, which is a privacy rule: a plan for a customer
    /// carries the plan alone — no answers and no results, which the customer gives and which
    /// would otherwise be the maker's own machine; results sent back carry the plan, every
    /// confirmation with its note, and one verdict per check, never the evidence (addresses,
    /// timings, the user agent).
    pub fn for_purpose(
        purpose: LinkPurpose,
        plan: &Plan,
        confirmations: &Confirmations,
        findings: &[Finding],
    ) -> Shared {
        match purpose {
            LinkPurpose::Prefill => Shared { purpose, plan: plan.clone(), ..Shared::default() },
            LinkPurpose::Results => Shared {
                purpose,
                plan: plan.clone(),
                confirmations: confirmations.clone(),
                results: findings.iter().map(|finding| (finding.requirement, finding.verdict)).collect(),
                lang: None,
            },
        }
    }
}

/// Everything a link carries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shared {
    pub purpose: LinkPurpose,
    pub plan: Plan,
    pub confirmations: Confirmations,
    /// Verdicts by requirement id, as the sender's browser saw them.
    pub results: BTreeMap<RequirementId, Verdict>,
    /// The language the sender's page was in, for the reader's page to open in (format 2;
    /// a build that reads format 1 only says the link is from a newer sitecheck).
    pub lang: Option<Locale>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LinkError {
    #[error("this is not a sitecheck link")]
    NotALink,
    #[error(
        "this link was made by a newer sitecheck (format {0}; this one reads format {LINK_VERSION}): open it with the newer version"
    )]
    FutureVersion(u32),
    #[error("this link is damaged or incomplete (its checksum does not match): ask the sender to copy it again")]
    Damaged,
    #[error("this link has values sitecheck cannot read: {}", .0.join("; "))]
    BadFields(Vec<String>),
}

impl LinkError {
    /// The error in that language; `Display` is the English. A bad field's own detail (which
    /// value, which field) stays as the link codec words it.
    pub fn message_in(&self, locale: Locale) -> String {
        match locale {
            Locale::En => self.to_string(),
            Locale::Sv => match self {
                LinkError::NotALink => "det här är ingen sitecheck-länk".to_owned(),
                LinkError::FutureVersion(version) => format!(
                    "länken gjordes av en nyare sitecheck (format {version}; den här läser format {LINK_VERSION}): öppna den med den nyare versionen"
                ),
                LinkError::Damaged => {
                    "länken är skadad eller ofullständig (kontrollsumman stämmer inte): be avsändaren kopiera den igen"
                        .to_owned()
                }
                LinkError::BadFields(problems) => {
                    format!("länken har värden som sitecheck inte kan läsa: {}", problems.join("; "))
                }
            },
        }
    }
}

/// FNV-1a, 32 bits.
fn checksum(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5u32, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193))
}

// Written here rather than with the `percent-encoding` crate: its escape tables add about
// 1 KB gzip to the first load (measured), for twenty lines.

/// Bytes left as they are in a value: letters, digits, '-', '_', ':' and '/'. '.' and '~' are
/// unreserved in URLs but separate the link's own parts; ':' and '/' keep addresses readable.
fn is_plain(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b':' | b'/')
}

fn encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if is_plain(byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// Decodes %XX escapes; `None` for a malformed escape (a link damaged or edited by hand is
/// refused rather than read differently) or a result that is not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = bytes.get(index + 1..index + 3)?;
            let nibble = |digit: u8| char::from(digit).to_digit(16);
            decoded.push((nibble(hex[0])? * 16 + nibble(hex[1])?) as u8);
            index += 3;
        } else {
            decoded.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(decoded).ok()
}

fn verdict_code(verdict: Verdict) -> char {
    match verdict {
        Verdict::Pass => 'p',
        Verdict::Fail => 'f',
        Verdict::Warning => 'w',
        Verdict::NeedsConfirmation => 'n',
        Verdict::NotApplicable => 'x',
    }
}

fn verdict_from(code: &str) -> Option<Verdict> {
    Some(match code {
        "p" => Verdict::Pass,
        "f" => Verdict::Fail,
        "w" => Verdict::Warning,
        "n" => Verdict::NeedsConfirmation,
        "x" => Verdict::NotApplicable,
        _ => return None,
    })
}

/// Writes the link fragment (without '#'). The plan's fields come from `PLAN_FIELDS`, each
/// under its key and only when it is not at its default; the on/off fields share `f`.
pub fn encode_link(shared: &Shared) -> String {
    let plan = &shared.plan;
    let mut fields: Vec<(&str, String)> = Vec::new();
    if shared.purpose == LinkPurpose::Results {
        fields.push(("w", "r".into()));
    }
    let mut flags = String::new();
    for field in PLAN_FIELDS {
        match (field.kind, field.written(plan, true)) {
            (_, None) => {}
            (FieldKind::Flag { .. }, Some(letter)) => flags.push_str(&letter),
            (_, Some(value)) => fields.push((field.key, value)),
        }
    }
    if !flags.is_empty() {
        fields.push(("f", flags));
    }
    if !shared.confirmations.confirmed.is_empty() {
        let list: Vec<String> = shared
            .confirmations
            .confirmed
            .iter()
            .map(|(id, confirmation)| {
                let mut item = format!("{}~{}", id, confirmation.on);
                if !confirmation.note.is_empty() {
                    // Escaped on its own, so that ',' and '~' in a note cannot split the list.
                    item.push('~');
                    item.push_str(&encode(&confirmation.note));
                }
                item
            })
            .collect();
        fields.push(("y", list.join(",")));
    }
    if !shared.results.is_empty() {
        let list: Vec<String> =
            shared.results.iter().map(|(id, verdict)| format!("{id}~{}", verdict_code(*verdict))).collect();
        fields.push(("v", list.join(",")));
    }
    if let Some(lang) = shared.lang {
        fields.push((LANGUAGE_KEY, lang.code().to_owned()));
    }
    let body: Vec<String> = fields.iter().map(|(key, value)| format!("{key}={}", encode(value))).collect();
    let body = body.join("&");
    format!("{PREFIX}{LINK_VERSION}.{body}.{:08x}", checksum(&body))
}

/// The link's own field for its language.
const LANGUAGE_KEY: &str = "l";

/// The language a link names, read without checking the rest of it: the first view picks its
/// language from this before the page that reads links has loaded. A damaged link is refused
/// later, whole, by [`decode_link`]; all this decides is the language of the words around it.
pub fn link_language(text: &str) -> Option<Locale> {
    let fragment = text.trim();
    let fragment = fragment.rsplit_once('#').map_or(fragment, |(_, fragment)| fragment);
    let body = fragment.strip_prefix(PREFIX)?.split_once('.')?.1.rsplit_once('.')?.0;
    body.split('&').find_map(|field| field.strip_prefix("l=")).and_then(|tag| Locale::parse(tag).ok())
}

/// Reads a link fragment (with or without '#', or a whole URL). Nothing partial is returned:
/// a link is read whole or refused with every problem named.
pub fn decode_link(text: &str) -> Result<Shared, LinkError> {
    let fragment = text.trim();
    let fragment = fragment.rsplit_once('#').map_or(fragment, |(_, fragment)| fragment);
    let rest = fragment.strip_prefix(PREFIX).ok_or(LinkError::NotALink)?;
    let (version, rest) = rest.split_once('.').ok_or(LinkError::NotALink)?;
    let version: u32 = version.parse().map_err(|_| LinkError::NotALink)?;
    if version > LINK_VERSION {
        return Err(LinkError::FutureVersion(version));
    }
    if version == 0 {
        return Err(LinkError::NotALink);
    }
    let (body, sum) = rest.rsplit_once('.').ok_or(LinkError::Damaged)?;
    if sum.len() != 8 || u32::from_str_radix(sum, 16).ok() != Some(checksum(body)) {
        return Err(LinkError::Damaged);
    }
    let mut shared = Shared::default();
    let mut problems = Vec::new();
    let plan = &mut shared.plan;
    for field in body.split('&').filter(|field| !field.is_empty()) {
        let Some((key, raw)) = field.split_once('=') else {
            problems.push(format!("\"{field}\" has no value"));
            continue;
        };
        let Some(value) = percent_decode(raw) else {
            problems.push(format!("{key}: \"{raw}\" is not properly escaped"));
            continue;
        };
        match key {
            LANGUAGE_KEY => match Locale::parse(&value) {
                Ok(lang) => shared.lang = Some(lang),
                Err(error) => problems.push(format!("{LANGUAGE_KEY}: {error}")),
            },
            "w" => match value.as_str() {
                "r" => shared.purpose = LinkPurpose::Results,
                _ => problems.push(format!("w: unknown purpose \"{value}\"")),
            },
            "f" => {
                for letter in value.chars() {
                    let flag = PLAN_FIELDS
                        .iter()
                        .find(|field| matches!(field.kind, FieldKind::Flag { letter: known, .. } if known == letter));
                    match flag {
                        Some(field) => {
                            let _ = field.read_link_value(plan, "");
                        }
                        None => problems.push(format!("f: unknown add-on \"{letter}\"")),
                    }
                }
            }
            "y" => {
                for item in value.split(',').filter(|item| !item.is_empty()) {
                    let mut parts = item.splitn(3, '~');
                    let (id, on, note) = (parts.next(), parts.next(), parts.next().map(percent_decode));
                    let id = id.map(RequirementId::parse);
                    let on = on.map(str::parse::<Date>);
                    match (id, on, note) {
                        // An older link may confirm a requirement that has since been retired.
                        (Some(Err(UnknownRequirement(id))), Some(_), _) if crate::requirement::is_retired(&id) => {}
                        (Some(Ok(id)), Some(Ok(on)), note) if note != Some(None) => {
                            let note = note.flatten().unwrap_or_default();
                            shared.confirmations.confirmed.insert(id, Confirmation { on, note });
                        }
                        (_, Some(Err(wrong_date)), _) => problems.push(format!("y: \"{item}\": {wrong_date}")),
                        _ => problems.push(format!("y: \"{item}\" is not a confirmation of a known requirement")),
                    }
                }
            }
            "v" => {
                for item in value.split(',').filter(|item| !item.is_empty()) {
                    let result =
                        item.split_once('~').map(|(id, code)| (id, RequirementId::parse(id), verdict_from(code)));
                    match result {
                        Some((id, Err(_), _)) if crate::requirement::is_retired(id) => {}
                        Some((_, Ok(id), Some(verdict))) => {
                            shared.results.insert(id, verdict);
                        }
                        _ => problems.push(format!("v: \"{item}\" is not a result of a known requirement")),
                    }
                }
            }
            other => match PLAN_FIELDS.iter().find(|field| field.key == other) {
                Some(field) => {
                    if let Err(problem) = field.read_link_value(plan, &value) {
                        problems.push(format!("{other}: {problem}"));
                    }
                }
                None => problems.push(format!("unknown field \"{other}\"")),
            },
        }
    }
    shared.confirmations.version = Confirmations::VERSION;
    if problems.is_empty() { Ok(shared) } else { Err(LinkError::BadFields(problems)) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::SkypeIntegration;
    use crate::units::Date;
    // proptest runs natively only: the property tests need no wasm run, and its random
    // source does not build for wasm32-unknown-unknown.
    #[cfg(not(target_arch = "wasm32"))]
    use crate::{condition::AccessPath, plan::Calendar};
    #[cfg(not(target_arch = "wasm32"))]
    use ipnet::Ipv4Net;
    #[cfg(not(target_arch = "wasm32"))]
    use proptest::prelude::*;
    #[cfg(not(target_arch = "wasm32"))]
    use std::net::Ipv4Addr;

    fn example() -> Shared {
        let mut confirmations = Confirmations::new();
        confirmations.confirm(
            crate::requirement_id!("net.no-hubs"),
            Date::new(2026, 11, 23),
            "checked with Anna, 3rd floor & basement",
        );
        confirmations.confirm(crate::requirement_id!("softphone.single-user"), Date::new(2026, 11, 22), "");
        let mut plan = Plan::spec_example();
        plan.uplink = Some(crate::units::Bandwidth::kbps(10_000));
        plan.addresses.exchange_ews = Some("198.51.100.7/32".parse().unwrap());
        let results = [
            (crate::requirement_id!("pc.browser"), Verdict::Pass),
            (crate::requirement_id!("softphone.pc-os"), Verdict::Warning),
        ]
        .into();
        Shared { purpose: LinkPurpose::Results, plan, confirmations, results, lang: None }
    }

    #[test]
    fn a_link_asks_only_before_replacing_answers_worth_keeping() {
        let incoming = example();
        let check = |plan: &Plan, confirmations: &Confirmations, expected: bool| {
            assert_eq!(incoming.must_ask_before_replacing(plan, confirmations), expected, "{plan:?}");
        };
        check(&Plan::default(), &Confirmations::new(), false);
        check(&incoming.plan, &incoming.confirmations, false);
        check(&Plan { agents: 3, ..Plan::default() }, &Confirmations::new(), true);
        let mut confirmed = Confirmations::new();
        confirmed.confirm(crate::requirement_id!("net.no-hubs"), Date::new(2026, 1, 2), "");
        check(&Plan::default(), &confirmed, true);
        check(&incoming.plan, &confirmed, true);
    }

    #[test]
    fn only_share_fragments_are_read_as_links() {
        let check = |fragment: &str, expected: bool| assert_eq!(is_link_fragment(fragment), expected, "{fragment}");
        check("#sc1.s=5.00000000", true);
        check("sc1.", true);
        check("#section-2", false);
        check("", false);
        check("#", false);
    }

    #[test]
    fn each_purpose_carries_only_what_it_may() {
        let source = example();
        let finding = Finding::new(
            crate::requirement_id!("pc.browser"),
            Verdict::Warning,
            crate::locale::Bilingual::same("Chrome 99 on 198.51.100.23"),
            None,
        );
        let check = |purpose: LinkPurpose, confirmations: usize, results: &[(RequirementId, Verdict)]| {
            let shared =
                Shared::for_purpose(purpose, &source.plan, &source.confirmations, std::slice::from_ref(&finding));
            assert_eq!(shared.plan, source.plan);
            assert_eq!(shared.confirmations.confirmed.len(), confirmations, "{purpose:?}");
            assert_eq!(shared.results.into_iter().collect::<Vec<_>>(), results, "{purpose:?}");
            let link = encode_link(&Shared::for_purpose(
                purpose,
                &source.plan,
                &source.confirmations,
                std::slice::from_ref(&finding),
            ));
            assert!(!link.contains("198.51.100.23") && !link.contains("Chrome"), "no evidence travels: {link}");
        };
        check(LinkPurpose::Prefill, 0, &[]);
        check(LinkPurpose::Results, 2, &[(crate::requirement_id!("pc.browser"), Verdict::Warning)]);
        assert!(LinkPurpose::Results.prefers_shared_results() && !LinkPurpose::Prefill.prefers_shared_results());
    }

    #[test]
    fn round_trips_exactly_and_stays_short() {
        let shared = example();
        let link = encode_link(&shared);
        assert!(link.starts_with("sc2."), "{link}");
        assert!(link.len() < 400, "{} characters: {link}", link.len());
        assert_eq!(decode_link(&link), Ok(shared.clone()));
        assert_eq!(decode_link(&format!("https://intranet.example/tools/sitecheck/#{link}")), Ok(shared));
        let empty = Shared { confirmations: Confirmations::new(), ..Shared::default() };
        assert_eq!(decode_link(&encode_link(&empty)), Ok(empty));
    }

    #[test]
    fn a_link_carries_its_language_either_way() {
        for lang in Locale::ALL {
            let shared = Shared { lang: Some(lang), ..example() };
            let link = encode_link(&shared);
            assert!(link.contains(&format!("&l={}.", lang.code())), "{link}");
            assert_eq!(decode_link(&link), Ok(shared));
            assert_eq!(link_language(&format!("https://intranet.example/sitecheck/#{link}")), Some(lang));
        }
        assert_eq!(link_language(&encode_link(&example())), None);
        assert_eq!(link_language("#sc2.s=5&l=de.00000000"), None);
        let body = "s=5&l=de";
        assert!(matches!(decode_link(&format!("sc2.{body}.{:08x}", checksum(body))), Err(LinkError::BadFields(_))));
    }

    #[test]
    fn the_format_is_pinned_byte_for_byte() {
        // A new link is these bytes for this plan (fields in the order of PLAN_FIELDS): this
        // pins the escaping whatever implements it.
        let pinned = "sc2.w=r&s=50&c=15&p=50&g=50&e=p&eu=165&k=v&ku=50&u=10000&ew=198%2E51%2E100%2E7/32\
            &y=net%2Eno-hubs%7E2026-11-23%7Echecked%2520with%2520Anna%252C%25203rd%2520floor%2520%2526%2520basement\
            %2Csoftphone%2Esingle-user%7E2026-11-22&v=pc%2Ebrowser%7Ep%2Csoftphone%2Epc-os%7Ew.35854e72";
        assert_eq!(encode_link(&example()), pinned);
        assert_eq!(decode_link(pinned), Ok(example()));
        assert_eq!(decode_link(&pinned.replacen("sc2.", "sc1.", 1)), Ok(example()), "format 1 links still open");
        // Links already sent keep opening: one written before the fields had a table (in
        // another order, for the example plan with Teams) reads as it did.
        let sent_before = "sc1.w=r&s=50&p=50&g=50&c=15&eu=165&e=p&f=T&u=10000&ew=198%2E51%2E100%2E7/32\
            &y=net%2Eno-hubs%7E2026-11-23%7Echecked%2520with%2520Anna%252C%25203rd%2520floor%2520%2526%2520basement\
            %2Csoftphone%2Esingle-user%7E2026-11-22&v=pc%2Ebrowser%7Ep%2Csoftphone%2Epc-os%7Ew.fe92cdb9";
        let mut with_teams = example();
        with_teams.plan.teams = true;
        with_teams.plan.skype = SkypeIntegration::None;
        with_teams.plan.skype_users = 0;
        assert_eq!(decode_link(sent_before), Ok(with_teams));
        let check_encode = |text: &str, expected: &str| assert_eq!(encode(text), expected, "{text:?}");
        check_encode("", "");
        check_encode("aZ09-_:/", "aZ09-_:/");
        check_encode("a b&c=d,e~f%g.h+i#j?k", "a%20b%26c%3Dd%2Ce%7Ef%25g%2Eh%2Bi%23j%3Fk");
        check_encode("é🙂\u{0}\u{7f}", "%C3%A9%F0%9F%99%82%00%7F");
        let check_decode =
            |text: &str, expected: Option<&str>| assert_eq!(percent_decode(text).as_deref(), expected, "{text:?}");
        check_decode("", Some(""));
        check_decode("a%20b%2c", Some("a b,"));
        check_decode("%c3%A9", Some("é"));
        check_decode("a+b~c.d", Some("a+b~c.d"));
        check_decode("é", Some("é"));
        check_decode("%", None);
        check_decode("%2", None);
        check_decode("100%", None);
        check_decode("%zz", None);
        check_decode("%%41", None);
        check_decode("%+5", None);
        check_decode("%é", None);
        check_decode("%C3", None);
        check_decode("%FF%FE", None);
    }

    #[test]
    fn damaged_and_foreign_links_are_refused() {
        let link = encode_link(&example());
        let check = |text: &str, expected: LinkError| assert_eq!(decode_link(text), Err(expected), "{text}");
        check(&link[..link.len() - 12], LinkError::Damaged);
        check(&link.replacen("s=50", "s=51", 1), LinkError::Damaged);
        check(&link.replacen("sc2.", "sc3.", 1), LinkError::FutureVersion(3));
        check("", LinkError::NotALink);
        check("#section-2", LinkError::NotALink);
        check("sc1", LinkError::NotALink);
        check("sc1.x", LinkError::Damaged);
        // A well-formed link with a value that makes no sense names it.
        let body = "s=many&b=300&zz=1";
        let forged = format!("sc1.{body}.{:08x}", checksum(body));
        let Err(LinkError::BadFields(problems)) = decode_link(&forged) else { panic!("accepted {forged}") };
        assert_eq!(problems.len(), 3, "{problems:?}");
    }

    #[test]
    fn retired_requirements_in_old_links_are_dropped_not_refused() {
        let check = |body: &str, confirmed: &[&str], results: &[&str]| {
            let link = format!("sc1.{body}.{:08x}", checksum(body));
            let shared = decode_link(&link).unwrap_or_else(|error| panic!("{link}: {error}"));
            assert_eq!(shared.confirmations.confirmed.keys().map(|id| id.as_str()).collect::<Vec<_>>(), confirmed);
            assert_eq!(shared.results.keys().map(|id| id.as_str()).collect::<Vec<_>>(), results);
        };
        for retired in crate::requirement::RETIRED_REQUIREMENTS {
            let id = retired.id;
            check(&format!("s=5&y={id}~2026-01-01"), &[], &[]);
            check(&format!("s=5&y={id}~2026-01-01~wired,net.no-hubs~2026-01-02"), &["net.no-hubs"], &[]);
            check(&format!("s=5&v={id}~w,net.jitter~p"), &[], &["net.jitter"]);
        }
        // An id that never existed is still refused.
        let body = "s=5&y=net.made-up~2026-01-01";
        assert!(decode_link(&format!("sc1.{body}.{:08x}", checksum(body))).is_err());
    }

    #[test]
    fn a_link_cannot_send_the_measurements_elsewhere() {
        // The targets come only from config.json beside the page; a link that names hosts,
        // ports or servers is refused whole, however it spells them.
        for field in ["h=evil.example", "https_hosts=evil.example", "ports=443:8443", "ice_servers=turn:evil.example"] {
            let body = format!("s=5&{field}");
            let forged = format!("sc1.{body}.{:08x}", checksum(&body));
            let Err(LinkError::BadFields(problems)) = decode_link(&forged) else { panic!("accepted {forged}") };
            assert!(problems.iter().any(|problem| problem.starts_with("unknown field")), "{problems:?}");
        }
    }

    /// Any plan a person can make: every count, flag and choice, the stated uplink, truncated
    /// customer networks, a confirmation with any note, and either purpose.
    #[cfg(not(target_arch = "wasm32"))]
    fn any_shared() -> impl Strategy<Value = Shared> {
        let network = (any::<u32>(), 0u8..=32)
            .prop_map(|(address, prefix)| Ipv4Net::new_assert(Ipv4Addr::from(address), prefix).trunc());
        let plan = (
            (proptest::array::uniform10(0u32..5000), 0u8..=100, any::<bool>()),
            (0usize..3, 0usize..3, proptest::array::uniform6(any::<bool>())),
            (proptest::option::of(0u64..1_000_000), proptest::array::uniform5(proptest::option::of(network))),
        )
            .prop_map(
                |((counts, busy_percent, data_net), (calendar, skype, flags), (uplink_kbps, networks))| {
                    let [pc, mac, phones, adapters, integrated, mobile, agents, acd, calendar_users, skype_users] =
                        counts;
                    let [teams, advanced_attendant, ad_integration, call_recording, mitel_phones, mediatrix_adapters] =
                        flags;
                    let [network, exchange_ews, s4b_front_end, s4b_mediation, ad_sync] = networks;
                    Plan {
                        access: if data_net { AccessPath::DataNet } else { AccessPath::Internet },
                        softphone_pc_users: pc,
                        softphone_mac_users: mac,
                        ip_phones: phones,
                        mitel_phones,
                        ata_adapters: adapters,
                        mediatrix_adapters,
                        integrated_users: integrated,
                        mobile_users: mobile,
                        agents,
                        acd_or_attendant_users: acd,
                        busy_percent: crate::units::Percent::of(busy_percent),
                        calendar: [Calendar::None, Calendar::ExchangeOnline, Calendar::ExchangeOnPremise][calendar],
                        calendar_users,
                        skype: [
                            SkypeIntegration::None,
                            SkypeIntegration::PresenceOnly,
                            SkypeIntegration::PresenceAndVoice,
                        ][skype],
                        skype_users,
                        teams,
                        advanced_attendant,
                        ad_integration,
                        call_recording,
                        uplink: uplink_kbps.map(crate::units::Bandwidth::kbps),
                        addresses: crate::plan::CustomerAddresses {
                            network,
                            exchange_ews,
                            s4b_front_end,
                            s4b_mediation,
                            ad_sync,
                        },
                    }
                },
            );
        let note = proptest::option::of(proptest::collection::vec(any::<char>(), 0..20));
        (plan, note, any::<bool>()).prop_map(|(plan, note, results)| {
            let mut confirmations = Confirmations::new();
            if let Some(note) = note {
                confirmations.confirm(
                    crate::requirement_id!("net.no-hubs"),
                    Date::new(2026, 1, 1),
                    &String::from_iter(note),
                );
            }
            let purpose = if results { LinkPurpose::Results } else { LinkPurpose::Prefill };
            Shared { purpose, plan, confirmations, results: BTreeMap::new(), lang: None }
        })
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest! {
        #[test]
        fn any_plan_round_trips_and_a_cut_or_changed_link_is_never_misread(
            shared in any_shared(),
            cut in any::<proptest::sample::Index>(),
            changed in any::<proptest::sample::Index>(),
            replacement in proptest::char::range(' ', '~'),
        ) {
            let link = encode_link(&shared);
            prop_assert_eq!(decode_link(&link), Ok(shared.clone()), "{}", link);
            let cut = &link[..cut.index(link.len())];
            prop_assert!(decode_link(cut).is_err(), "{} read", cut);
            // One character changed: the checksum refuses it, unless it only changed the case
            // of a checksum digit (and so the link reads the same).
            let at = changed.index(link.len());
            let mut edited = link.clone();
            edited.replace_range(at..=at, &replacement.to_string());
            prop_assert!(decode_link(&edited).is_err() || decode_link(&edited) == Ok(shared), "{} read", edited);
        }

        #[test]
        fn garbage_never_panics(garbage in "[\\x00-\\x7f]{0,60}") {
            let _ = decode_link(&garbage);
            let _ = decode_link(&format!("sc1.{garbage}"));
            let _ = percent_decode(&garbage);
        }
    }
}
