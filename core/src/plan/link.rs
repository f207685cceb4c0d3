//! Share links: a plan, its confirmations and (optionally) results, in a URL fragment that
//! never reaches a server. The format is versioned, compact (defaults are left out) and
//! carries a checksum, so that a truncated or edited link is refused as a whole.
//!
//! `sc1.<fields>.<checksum>`: fields are `key=value` joined by `&`, values percent-encoded;
//! the checksum is FNV-1a (32 bits, hex) of the fields. It catches accidents, not forgery.

use crate::condition::AccessPath;
use crate::confirmation::{Confirmation, Confirmations};
use crate::plan::{Calendar, CustomerAddresses, Plan, SkypeIntegration};
use crate::verdict::Verdict;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use std::borrow::Cow;
use std::collections::BTreeMap;
use thiserror::Error;

pub const LINK_VERSION: u32 = 1;
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

/// Everything a link carries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shared {
    pub purpose: LinkPurpose,
    pub plan: Plan,
    pub confirmations: Confirmations,
    /// Verdicts by requirement id, as the sender's browser saw them.
    pub results: BTreeMap<String, Verdict>,
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

/// FNV-1a, 32 bits.
fn checksum(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5u32, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193))
}

/// Bytes escaped in a value: all but letters, digits, '-', '_', ':' and '/'. '.' and '~' are
/// unreserved in URLs but separate the link's own parts; ':' and '/' keep addresses readable.
const ESCAPED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b':').remove(b'/');

fn encode(text: &str) -> String {
    utf8_percent_encode(text, ESCAPED).to_string()
}

/// Decodes %XX escapes; `None` for a malformed escape or a result that is not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    // The crate passes a malformed escape through as text; a link that has one was damaged
    // or edited by hand, so it is refused rather than read differently.
    let well_formed = text
        .split('%')
        .skip(1)
        .all(|after| after.as_bytes().get(..2).is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)));
    if !well_formed {
        return None;
    }
    percent_decode_str(text).decode_utf8().ok().map(Cow::into_owned)
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

/// Writes the link fragment (without '#').
pub fn encode_link(shared: &Shared) -> String {
    let plan = &shared.plan;
    let defaults = Plan::default();
    let mut fields: Vec<(&str, String)> = Vec::new();
    if shared.purpose == LinkPurpose::Results {
        fields.push(("w", "r".into()));
    }
    if plan.access == AccessPath::DataNet {
        fields.push(("a", "d".into()));
    }
    let counts = [
        ("s", plan.softphone_pc_users),
        ("m", plan.softphone_mac_users),
        ("p", plan.ip_phones),
        ("t", plan.ata_adapters),
        ("g", plan.integrated_users),
        ("o", plan.mobile_users),
        ("c", plan.agents),
        ("r", plan.acd_or_attendant_users),
        ("eu", plan.calendar_users),
        ("ku", plan.skype_users),
    ];
    for (key, value) in counts {
        if value != 0 {
            fields.push((key, value.to_string()));
        }
    }
    if plan.busy_percent != defaults.busy_percent {
        fields.push(("b", plan.busy_percent.to_string()));
    }
    match plan.calendar {
        Calendar::None => {}
        Calendar::ExchangeOnline => fields.push(("e", "o".into())),
        Calendar::ExchangeOnPremise => fields.push(("e", "p".into())),
    }
    match plan.skype {
        SkypeIntegration::None => {}
        SkypeIntegration::PresenceOnly => fields.push(("k", "p".into())),
        SkypeIntegration::PresenceAndVoice => fields.push(("k", "v".into())),
    }
    let flags: String = [
        (plan.teams, 'T'),
        (plan.advanced_attendant, 'A'),
        (plan.ad_integration, 'D'),
        (plan.call_recording, 'R'),
        (plan.mitel_phones, 'M'),
        (plan.mediatrix_adapters, 'X'),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, letter)| *letter)
    .collect();
    if !flags.is_empty() {
        fields.push(("f", flags));
    }
    if let Some(uplink) = plan.uplink_kbps {
        fields.push(("u", uplink.to_string()));
    }
    let addresses = &plan.addresses;
    for (key, value) in [
        ("n", addresses.network),
        ("ew", addresses.exchange_ews),
        ("fe", addresses.s4b_front_end),
        ("me", addresses.s4b_mediation),
        ("ad", addresses.ad_sync),
    ] {
        if let Some(network) = value {
            fields.push((key, network.to_string()));
        }
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
    let body: Vec<String> = fields.iter().map(|(key, value)| format!("{key}={}", encode(value))).collect();
    let body = body.join("&");
    format!("{PREFIX}{LINK_VERSION}.{body}.{:08x}", checksum(&body))
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
        let mut number = |target: &mut u32| match value.parse() {
            Ok(parsed) => *target = parsed,
            Err(_) => problems.push(format!("{key}: \"{value}\" is not a whole number")),
        };
        match key {
            "s" => number(&mut plan.softphone_pc_users),
            "m" => number(&mut plan.softphone_mac_users),
            "p" => number(&mut plan.ip_phones),
            "t" => number(&mut plan.ata_adapters),
            "g" => number(&mut plan.integrated_users),
            "o" => number(&mut plan.mobile_users),
            "c" => number(&mut plan.agents),
            "r" => number(&mut plan.acd_or_attendant_users),
            "eu" => number(&mut plan.calendar_users),
            "ku" => number(&mut plan.skype_users),
            "w" => match value.as_str() {
                "r" => shared.purpose = LinkPurpose::Results,
                _ => problems.push(format!("w: unknown purpose \"{value}\"")),
            },
            "a" => match value.as_str() {
                "d" => plan.access = AccessPath::DataNet,
                "i" => plan.access = AccessPath::Internet,
                _ => problems.push(format!("a: unknown access \"{value}\"")),
            },
            "b" => match value.parse::<u8>() {
                Ok(percent) if percent <= 100 => plan.busy_percent = percent,
                _ => problems.push(format!("b: \"{value}\" is not a percentage")),
            },
            "e" => match value.as_str() {
                "o" => plan.calendar = Calendar::ExchangeOnline,
                "p" => plan.calendar = Calendar::ExchangeOnPremise,
                _ => problems.push(format!("e: unknown calendar \"{value}\"")),
            },
            "k" => match value.as_str() {
                "p" => plan.skype = SkypeIntegration::PresenceOnly,
                "v" => plan.skype = SkypeIntegration::PresenceAndVoice,
                _ => problems.push(format!("k: unknown S4B level \"{value}\"")),
            },
            "f" => {
                for letter in value.chars() {
                    match letter {
                        'T' => plan.teams = true,
                        'A' => plan.advanced_attendant = true,
                        'D' => plan.ad_integration = true,
                        'R' => plan.call_recording = true,
                        'M' => plan.mitel_phones = true,
                        'X' => plan.mediatrix_adapters = true,
                        other => problems.push(format!("f: unknown add-on \"{other}\"")),
                    }
                }
            }
            "u" => match value.parse() {
                Ok(uplink) => plan.uplink_kbps = Some(uplink),
                Err(_) => problems.push(format!("u: \"{value}\" is not a bandwidth in kbit/s")),
            },
            "n" | "ew" | "fe" | "me" | "ad" => match crate::plan::parse_address_or_network(&value) {
                Ok(network) => {
                    let addresses: &mut CustomerAddresses = &mut plan.addresses;
                    let slot = match key {
                        "n" => &mut addresses.network,
                        "ew" => &mut addresses.exchange_ews,
                        "fe" => &mut addresses.s4b_front_end,
                        "me" => &mut addresses.s4b_mediation,
                        _ => &mut addresses.ad_sync,
                    };
                    *slot = Some(network);
                }
                Err(_) => problems.push(format!("{key}: \"{value}\" is not a network")),
            },
            "y" => {
                for item in value.split(',').filter(|item| !item.is_empty()) {
                    let mut parts = item.splitn(3, '~');
                    let (id, on, note) = (parts.next(), parts.next(), parts.next().map(percent_decode));
                    match (id, on, note) {
                        (Some(id), Some(on), note)
                            if crate::requirement::requirement(id).is_some() && note != Some(None) =>
                        {
                            let note = note.flatten().unwrap_or_default();
                            shared
                                .confirmations
                                .confirmed
                                .insert(id.to_owned(), Confirmation { on: on.to_owned(), note });
                        }
                        _ => problems.push(format!("y: \"{item}\" is not a confirmation of a known requirement")),
                    }
                }
            }
            "v" => {
                for item in value.split(',').filter(|item| !item.is_empty()) {
                    match item.split_once('~') {
                        Some((id, code))
                            if crate::requirement::requirement(id).is_some() && verdict_from(code).is_some() =>
                        {
                            shared
                                .results
                                .insert(id.to_owned(), verdict_from(code).unwrap_or(Verdict::NeedsConfirmation));
                        }
                        _ => problems.push(format!("v: \"{item}\" is not a result of a known requirement")),
                    }
                }
            }
            other => problems.push(format!("unknown field \"{other}\"")),
        }
    }
    shared.confirmations.version = Confirmations::VERSION;
    if problems.is_empty() { Ok(shared) } else { Err(LinkError::BadFields(problems)) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Date;
    use ipnet::Ipv4Net;
    use proptest::prelude::*;
    use std::net::Ipv4Addr;

    fn example() -> Shared {
        let mut confirmations = Confirmations::new();
        confirmations.confirm("net.no-hubs", Date::new(2026, 11, 23), "checked with Anna, 3rd floor & basement");
        confirmations.confirm("softphone.single-user", Date::new(2026, 11, 22), "");
        let mut plan = Plan::spec_example();
        plan.uplink_kbps = Some(10_000);
        plan.addresses.exchange_ews = Some("198.51.100.7/32".parse().unwrap());
        let results =
            [("pc.browser".to_owned(), Verdict::Pass), ("softphone.pc-os".to_owned(), Verdict::Warning)].into();
        Shared { purpose: LinkPurpose::Results, plan, confirmations, results }
    }

    #[test]
    fn round_trips_exactly_and_stays_short() {
        let shared = example();
        let link = encode_link(&shared);
        assert!(link.starts_with("sc1."), "{link}");
        assert!(link.len() < 400, "{} characters: {link}", link.len());
        assert_eq!(decode_link(&link), Ok(shared.clone()));
        assert_eq!(decode_link(&format!("https://intranet.example/tools/sitecheck/#{link}")), Ok(shared));
        let empty = Shared { confirmations: Confirmations::new(), ..Shared::default() };
        assert_eq!(decode_link(&encode_link(&empty)), Ok(empty));
    }

    #[test]
    fn the_format_is_pinned_byte_for_byte() {
        // Links already sent must keep opening, and a new link must be the same bytes as
        // before for the same plan: this pins the escaping whatever implements it.
        let pinned = "sc1.w=r&s=50&p=50&g=50&c=15&eu=165&e=p&f=T&u=10000&ew=198%2E51%2E100%2E7/32\
            &y=net%2Eno-hubs%7E2026-11-23%7Echecked%2520with%2520Anna%252C%25203rd%2520floor%2520%2526%2520basement\
            %2Csoftphone%2Esingle-user%7E2026-11-22&v=pc%2Ebrowser%7Ep%2Csoftphone%2Epc-os%7Ew.fe92cdb9";
        assert_eq!(encode_link(&example()), pinned);
        assert_eq!(decode_link(pinned), Ok(example()));
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
        check(&link.replacen("sc1.", "sc2.", 1), LinkError::FutureVersion(2));
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
                        busy_percent,
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
                        uplink_kbps,
                        addresses: CustomerAddresses { network, exchange_ews, s4b_front_end, s4b_mediation, ad_sync },
                    }
                },
            );
        let note = proptest::option::of(proptest::collection::vec(any::<char>(), 0..20));
        (plan, note, any::<bool>()).prop_map(|(plan, note, results)| {
            let mut confirmations = Confirmations::new();
            if let Some(note) = note {
                confirmations.confirm("net.no-hubs", Date::new(2026, 1, 1), &String::from_iter(note));
            }
            let purpose = if results { LinkPurpose::Results } else { LinkPurpose::Prefill };
            Shared { purpose, plan, confirmations, results: BTreeMap::new() }
        })
    }

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
