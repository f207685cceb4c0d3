//! Does a firewall's current ruleset let through what the plan needs? The user pastes what
//! their tools print — `nft list ruleset`, `iptables-save`, a Cisco ASA running-config, or a
//! CSV rule list — and every required opening is judged as the firewall would: rules in
//! order, first match wins, a chain's policy for the rest, jumps into user chains, several
//! rules together covering a range or a network.
//!
//! The verdict on an opening is *covered* only when every flow it needs is accepted for
//! certain, *missing* only when every one is dropped for certain, *partial* when some are of
//! each, and *unknown* otherwise: a line the checker cannot read, a condition it cannot judge
//! (an interface, a rate limit), or a customer address the plan does not give yet. A line
//! that cannot be read never widens to "any".

mod asa;
mod csv;
mod iptables;
pub mod model;
mod nft;
pub mod region;
mod unreadable;
mod words;

use crate::bilingual;
use crate::export::{Endpoint, resolve};
use crate::firewall::{CustomerRole, Direction, FirewallRule, Party};
use crate::locale::{Bilingual, Locale, Text};
use crate::plan::CustomerAddresses;
use crate::units::Service;
use model::{Chain, Combination, Fate, Policy, Ruleset};
use region::{DESTINATION, FlowBox, IntervalSet, PORT, SOURCE, describe_addresses, describe_ports, projection};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
pub use unreadable::Unreadable;

/// A line that could not be read, with why. Its effect on the flows is unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineProblem {
    pub line: usize,
    /// The line as pasted.
    pub text: String,
    pub problem: Bilingual,
}

/// The syntax the pasted text was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Syntax {
    Nftables,
    Iptables,
    CiscoAsa,
    Csv,
}

impl Syntax {
    /// The syntax's name, the same in both languages.
    pub const fn label(self) -> &'static str {
        match self {
            Syntax::Nftables => "nftables",
            Syntax::Iptables => "iptables-save",
            Syntax::CiscoAsa => "Cisco ASA",
            Syntax::Csv => "CSV",
        }
    }
}

/// Where in the packet path a base chain sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hook {
    Prerouting,
    Input,
    Forward,
    Output,
    Postrouting,
    /// A Cisco ASA access list without an access-group in the text.
    AccessList,
    /// Cisco ASA: the access list (with the global one) that outbound traffic meets, where
    /// it enters on the inside.
    Outbound,
    /// Cisco ASA: the same for inbound traffic, entering on the outside.
    Inbound,
}

/// A firewall read from text: its chains, which are base chains, and what could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Firewall {
    pub syntax: Syntax,
    pub chains: BTreeMap<String, Chain>,
    pub bases: Vec<(Hook, String)>,
    pub problems: Vec<LineProblem>,
    /// What the checker had to assume (a policy not given, which chains it judged by).
    pub assumptions: Vec<Bilingual>,
    /// Chains with a rule that accepts replies (conntrack established).
    pub reply_chains: std::collections::BTreeSet<String>,
    /// The firewall's interfaces on each side, as the user names them.
    pub interfaces: Interfaces,
}

/// The firewall's interfaces towards the customer's network and towards the Internet, so
/// that rules on interfaces (`iifname "lan0"`, `-o eth0`) can be judged. Unnamed, such
/// rules stay unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Interfaces {
    pub inside: Vec<String>,
    pub outside: Vec<String>,
}

impl Interfaces {
    /// Names separated by commas or spaces, as a user types them.
    pub fn parse(inside: &str, outside: &str) -> Interfaces {
        let names = |text: &str| -> Vec<String> {
            text.split([',', ' ', ';'])
                .map(|name| name.trim().trim_matches('"'))
                .filter(|name| !name.is_empty())
                .map(str::to_owned)
                .collect()
        };
        Interfaces { inside: names(inside), outside: names(outside) }
    }

    /// The interfaces a flow in this direction enters by and leaves by.
    fn sides(&self, direction: Direction) -> (&[String], &[String]) {
        match direction {
            Direction::Outbound => (&self.inside, &self.outside),
            Direction::Inbound => (&self.outside, &self.inside),
        }
    }
}

impl Firewall {
    fn new(syntax: Syntax) -> Firewall {
        Firewall {
            syntax,
            chains: BTreeMap::new(),
            bases: Vec::new(),
            problems: Vec::new(),
            assumptions: Vec::new(),
            reply_chains: std::collections::BTreeSet::new(),
            interfaces: Interfaces::default(),
        }
    }

    /// Whether a rule's words accept replies: `ct state established… accept` (or a vmap that
    /// accepts established), `--ctstate ESTABLISHED… -j ACCEPT`.
    fn note_replies(&mut self, chain: &str, text: &str) {
        let lower = text.to_ascii_lowercase();
        let conntrack = lower.contains("ct state") || lower.contains("--ctstate") || lower.contains("--state");
        let accepts = lower.contains("established : accept")
            || lower.contains("established: accept")
            || lower.contains("established") && (lower.contains(" accept") || lower.contains("-j accept"));
        if conntrack && accepts {
            self.reply_chains.insert(chain.to_owned());
        }
    }

    /// Base chains that drop by policy yet have no rule letting replies back, in them or in a
    /// chain they jump to: connections they let out would get no answer.
    pub fn reply_warnings(&self) -> Vec<Bilingual> {
        if matches!(self.syntax, Syntax::CiscoAsa | Syntax::Csv) {
            return Vec::new();
        }
        let mut warnings = Vec::new();
        let mut bases: Vec<&String> = self.bases.iter().map(|(_, name)| name).collect();
        bases.sort();
        bases.dedup();
        for base in bases {
            let Some(chain) = self.chains.get(base) else { continue };
            if chain.policy != Some(Policy::Drop) || chain.policy_assumed || chain.rules.is_empty() {
                continue;
            }
            let mut seen = vec![base.clone()];
            let mut index = 0;
            while index < seen.len() {
                if let Some(chain) = self.chains.get(&seen[index]) {
                    for rule in &chain.rules {
                        if let model::Action::Jump(target) | model::Action::Goto(target) = &rule.action
                            && !seen.contains(target)
                        {
                            seen.push(target.clone());
                        }
                    }
                }
                index += 1;
            }
            if !seen.iter().any(|name| self.reply_chains.contains(name)) {
                let Bilingual { en, sv } = chain_name(base);
                warnings.push(Bilingual::new(
                    format!(
                        "chain {en} drops by policy and no rule accepts established and related traffic: the replies to what it lets out are dropped too"
                    ),
                    format!(
                        "kedjan {sv} kastar trafik enligt sin policy och ingen regel accepterar etablerad och relaterad trafik: svaren på det den släpper ut kastas också"
                    ),
                ));
            }
        }
        warnings
    }

    /// Where a reader's problem becomes the words the report shows beside the line.
    fn problem(&mut self, line: usize, text: &str, problem: Unreadable) {
        self.problems.push(LineProblem { line, text: text.trim().to_owned(), problem: problem.text() });
    }

    /// A base chain "does something" when it has rules or drops by policy.
    fn active(&self, name: &str) -> bool {
        self.chains.get(name).is_some_and(|chain| !chain.rules.is_empty() || chain.policy != Some(Policy::Accept))
    }

    /// The chains a flow in this direction passes, and how they combine.
    pub fn combination(&self, direction: Direction) -> Combination {
        let names = |hooks: &[Hook]| -> Vec<String> {
            self.bases.iter().filter(|(hook, _)| hooks.contains(hook)).map(|(_, name)| name.clone()).collect()
        };
        if self.syntax == Syntax::CiscoAsa {
            let bound = self.bases.iter().any(|(hook, _)| matches!(hook, Hook::Outbound | Hook::Inbound));
            return Combination::OneOf(match (bound, direction) {
                (false, _) => names(&[Hook::AccessList]),
                (true, Direction::Outbound) => names(&[Hook::Outbound]),
                (true, Direction::Inbound) => names(&[Hook::Inbound]),
            });
        }
        let forward = names(&[Hook::Forward]);
        let forward_path = names(&[Hook::Prerouting, Hook::Forward, Hook::Postrouting]);
        if forward.iter().any(|name| self.active(name)) {
            return Combination::All(forward_path);
        }
        let local = match direction {
            Direction::Outbound => names(&[Hook::Output, Hook::Postrouting]),
            Direction::Inbound => names(&[Hook::Prerouting, Hook::Input]),
        };
        if local.iter().any(|name| self.active(name)) {
            return Combination::All(local);
        }
        Combination::All(forward_path)
    }

    /// Which chains were judged, said once for the whole check.
    pub fn judged(&self) -> Vec<Bilingual> {
        let say = |direction: Direction| {
            let (chains, how) = match self.combination(direction) {
                Combination::All(chains) => {
                    (chains, Text { en: "each passed in turn", sv: "var och en i tur och ordning" })
                }
                Combination::OneOf(chains) => (
                    chains,
                    Text {
                        en: "the one bound where the traffic enters",
                        sv: "den som är bunden där trafiken kommer in",
                    },
                ),
            };
            if chains.is_empty() {
                Bilingual::new("no chain found to judge by", "ingen kedja hittades att bedöma efter")
            } else {
                let names: Vec<Bilingual> = chains.iter().map(|name| chain_name(name)).collect();
                let Bilingual { en: names_en, sv: names_sv } = Bilingual::join(&names, ", ", ", ");
                let (how_en, how_sv) = (how.en, how.sv);
                Bilingual::new(
                    format!("judged by {names_en} ({how_en})"),
                    format!("bedöms efter {names_sv} ({how_sv})"),
                )
            }
        };
        let (outbound, inbound) = (say(Direction::Outbound), say(Direction::Inbound));
        if outbound == inbound {
            let Bilingual { en, sv } = outbound;
            vec![bilingual!("both directions: {en}", "båda riktningarna: {sv}")]
        } else {
            let (Bilingual { en: out_en, sv: out_sv }, Bilingual { en: in_en, sv: in_sv }) = (outbound, inbound);
            vec![
                bilingual!("outbound: {out_en}", "utgående: {out_sv}"),
                bilingual!("inbound: {in_en}", "inkommande: {in_sv}"),
            ]
        }
    }

    /// The chains as a flow in this direction meets them: conditions on interfaces are
    /// decided where the user named the interfaces, and left uncertain where not.
    fn ruleset(&self, direction: Direction) -> Ruleset {
        let (entering, leaving) = self.interfaces.sides(direction);
        let mut chains = self.chains.clone();
        for chain in chains.values_mut() {
            for rule in &mut chain.rules {
                let mut undecided = Vec::new();
                for condition in &rule.interfaces {
                    let possible = if condition.ingress { entering } else { leaving };
                    match condition.decide(possible) {
                        Some(true) => {}
                        Some(false) => rule.protocols = model::Protocols::NONE,
                        None => undecided.push(condition.text.clone()),
                    }
                }
                if !undecided.is_empty() && rule.protocols != model::Protocols::NONE {
                    let (hint_en, hint_sv) = if entering.is_empty() || leaving.is_empty() {
                        (
                            " (name the firewall's interfaces to judge it)",
                            " (ange brandväggens gränssnitt för att bedöma den)",
                        )
                    } else {
                        ("", "")
                    };
                    let (line, conditions) = (rule.line, undecided.join(", "));
                    rule.add_uncertainty(bilingual!(
                        "line {line}: depends on the interface ({conditions}){hint_en}",
                        "rad {line}: beror på gränssnittet ({conditions}){hint_sv}"
                    ));
                }
            }
        }
        Ruleset { chains, combination: self.combination(direction) }
    }
}

/// Reads a firewall's rules; lines it cannot read are reported and make what they might
/// touch unknown.
pub fn parse_rules(text: &str) -> Firewall {
    match detect(text) {
        Syntax::Nftables => nft::parse(text),
        Syntax::Iptables => iptables::parse(text),
        Syntax::CiscoAsa => asa::parse(text),
        Syntax::Csv => csv::parse(text),
    }
}

/// Which syntax most lines are in.
pub fn detect(text: &str) -> Syntax {
    let mut scores = [0usize; 4];
    for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        let first = line.split_whitespace().next().unwrap_or("");
        if line.starts_with('#') || line.starts_with('!') {
            continue;
        }
        if line.starts_with('*')
            || line.starts_with(':')
            || matches!(first, "-A" | "-I" | "-P" | "-N" | "iptables" | "COMMIT" | "sudo")
        {
            scores[1] += 1;
        } else if matches!(first, "access-list" | "object" | "object-group" | "access-group")
            || line.starts_with("network-object")
            || line.starts_with("port-object")
            || line.starts_with("service-object")
        {
            scores[2] += 1;
        } else if matches!(first, "table" | "chain" | "add" | "insert" | "nft" | "flush" | "type" | "set")
            || line.contains("dport")
            || line.contains("daddr")
            || line.contains("saddr")
        {
            scores[0] += 1;
        } else if line.contains(',') {
            scores[3] += 1;
        }
    }
    let syntaxes = [Syntax::Nftables, Syntax::Iptables, Syntax::CiscoAsa, Syntax::Csv];
    let best = (0..4).max_by_key(|&index| (scores[index], 4 - index)).unwrap_or(0);
    syntaxes[best]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Coverage {
    Covered,
    Partial,
    Missing,
    Unknown,
}

impl Coverage {
    /// How the outcome reads beside a rule, in both languages.
    pub const fn text(self) -> Text {
        match self {
            Coverage::Covered => Text { en: "covered", sv: "täckt" },
            Coverage::Partial => Text { en: "partly covered", sv: "delvis täckt" },
            Coverage::Missing => Text { en: "missing", sv: "saknas" },
            Coverage::Unknown => Text { en: "unknown", sv: "okänt" },
        }
    }

    /// How the outcome reads beside a rule, in English.
    pub const fn label(self) -> &'static str {
        self.text().en
    }

    pub const fn label_in(self, locale: Locale) -> &'static str {
        self.text().get(locale)
    }

    /// The verdict the outcome amounts to: only a covered opening passes, and what could not
    /// be judged needs a person.
    pub const fn verdict(self) -> crate::verdict::Verdict {
        match self {
            Coverage::Covered => crate::verdict::Verdict::Pass,
            Coverage::Partial => crate::verdict::Verdict::Warning,
            Coverage::Missing => crate::verdict::Verdict::Fail,
            Coverage::Unknown => crate::verdict::Verdict::NeedsConfirmation,
        }
    }

    pub const fn slug(self) -> &'static str {
        match self {
            Coverage::Covered => "covered",
            Coverage::Partial => "partial",
            Coverage::Missing => "missing",
            Coverage::Unknown => "unknown",
        }
    }

    /// Which outcome to report when the flow may meet one of several access lists.
    const fn rank(self) -> u8 {
        match self {
            Coverage::Covered => 3,
            Coverage::Partial => 2,
            Coverage::Unknown => 1,
            Coverage::Missing => 0,
        }
    }
}

/// The verdict on one required opening (one rule, one service).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoverageRow {
    pub rule: &'static str,
    pub section: &'static str,
    pub service: Service,
    pub coverage: Coverage,
    /// Lines of the pasted text that decided it, or might have.
    pub lines: Vec<usize>,
    pub detail: Bilingual,
}

/// How a report names a chain: the firewall's own names as they are; the names the readers
/// give (rules pasted on their own, a CSV's rows, an ASA's global list, a list bound to an
/// interface) in both languages.
pub fn chain_name(name: &str) -> Bilingual {
    let given = [
        (nft::LOOSE_CHAIN, "inklistrade regler"),
        (csv::OUTBOUND, "CSV-rader (utgående)"),
        (csv::INBOUND, "CSV-rader (inkommande)"),
        (asa::GLOBAL, "den globala åtkomstlistan"),
    ];
    if let Some((en, sv)) = given.iter().find(|(en, _)| *en == name) {
        return Bilingual::new(*en, *sv);
    }
    if let Some((list, interface)) = name.strip_suffix(')').and_then(|name| name.split_once(asa::BOUND_IN)) {
        return bilingual!("{list} (in on {interface})", "{list} (in på {interface})");
    }
    Bilingual::same(name)
}

/// What the plan does not give, and how the Swedish refers back to it ("den", "dem").
struct Missing {
    name: Bilingual,
    pronoun: &'static str,
}

/// The customer-side dimension whose address the plan does not give, and what to call it.
fn unknown_customer_side(rule: &FirewallRule, source: &Endpoint, destination: &Endpoint) -> Option<(usize, Missing)> {
    let side = |party: &Party, endpoint: &Endpoint, dimension: usize| match party {
        Party::Customer { role } if endpoint.networks.is_empty() || endpoint.placeholder => {
            let sv = match role {
                CustomerRole::Network => "kundnätets adresser",
                CustomerRole::ExchangeEws => "adressen till kundens Exchange EWS",
                CustomerRole::S4bFrontEnd => "adressen till kundens S4B/Lync Front End-servrar",
                CustomerRole::S4bMediation => "adressen till kundens S4B/Lync Mediation-servrar",
                CustomerRole::AdSyncServers => "adressen till kundens servrar för AD-uppladdning och -nedladdning",
            };
            let en = match role {
                CustomerRole::Network => "the customer network's addresses".to_owned(),
                _ => format!("the address of {}", crate::export::role_name(*role)),
            };
            let pronoun = if *role == CustomerRole::Network { "dem" } else { "den" };
            Some((dimension, Missing { name: Bilingual::new(en, sv), pronoun }))
        }
        _ => None,
    };
    side(&rule.source, source, SOURCE).or_else(|| side(&rule.destination, destination, DESTINATION))
}

/// Every address of Telia's and the vendors' sides that the tables name: a customer's
/// server is none of them.
fn provider_addresses() -> IntervalSet {
    let mut set = IntervalSet::empty();
    for rule in crate::firewall::FIREWALL_RULES {
        for party in [&rule.source, &rule.destination] {
            for network in party.networks() {
                set = set.union(&IntervalSet::network(network));
            }
        }
    }
    set
}

fn required_set(endpoint: &Endpoint, unknown: bool) -> IntervalSet {
    if unknown || endpoint.networks.is_empty() {
        // Any address but the providers': the customer's servers are not in Telia's networks.
        return provider_addresses().complement(SOURCE);
    }
    endpoint.networks.iter().fold(IntervalSet::empty(), |set, network| set.union(&IntervalSet::network(*network)))
}

fn lines_text(lines: &[usize]) -> Bilingual {
    let mut lines = lines.to_vec();
    lines.sort_unstable();
    lines.dedup();
    match lines.as_slice() {
        [] => Bilingual::default(),
        [line] => bilingual!("line {line}", "rad {line}"),
        lines => {
            let lines = lines.iter().map(usize::to_string).collect::<Vec<_>>().join(", ");
            bilingual!("lines {lines}", "rader {lines}")
        }
    }
}

/// What happened to flows, and what decided it: "accepted by line 3", "dropped by the policy
/// of FORWARD".
fn decided_by(fates: &[&Fate], verb: Text) -> Bilingual {
    let lines: Vec<usize> = fates.iter().flat_map(|fate| fate.lines.iter().copied()).collect();
    let policies: Vec<Bilingual> = fates
        .iter()
        .filter_map(|fate| fate.policy.as_ref())
        .map(|(chain, _)| chain.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .iter()
        .map(|chain| chain_name(chain))
        .collect();
    let mut parts = Vec::new();
    if !lines.is_empty() {
        parts.push(lines_text(&lines));
    }
    if !policies.is_empty() {
        let Bilingual { en, sv } = Bilingual::join(&policies, ", ", ", ");
        parts.push(bilingual!("the policy of {en}", "policyn i {sv}"));
    }
    let (verb_en, verb_sv) = (verb.en, verb.sv);
    if parts.is_empty() {
        Bilingual::from(verb)
    } else {
        let Bilingual { en, sv } = Bilingual::join(&parts, " and ", " och ");
        bilingual!("{verb_en} by {en}", "{verb_sv} av {sv}")
    }
}

const ACCEPTED: Text = Text { en: "accepted", sv: "accepteras" };
const DROPPED: Text = Text { en: "dropped", sv: "kastas" };
const DROPPED_BY_NONE: Text = Text { en: "no rule accepts it; dropped", sv: "ingen regel accepterar den; kastas" };

/// What part of the required flows these pieces are, in the dimensions where they differ
/// from the whole.
fn describe_part(pieces: &[&FlowBox], whole: &[FlowBox]) -> Bilingual {
    let mut parts = Vec::new();
    let names = [
        (PORT, Text { en: "ports", sv: "portar" }),
        (SOURCE, Text { en: "from", sv: "från" }),
        (DESTINATION, Text { en: "to", sv: "till" }),
    ];
    for (dimension, name) in names {
        let part = projection(pieces.iter().copied(), dimension);
        if part != projection(whole, dimension) {
            let text =
                if dimension == PORT { Bilingual::same(describe_ports(&part)) } else { describe_addresses(&part) };
            let (name_en, name_sv, Bilingual { en, sv }) = (name.en, name.sv, text);
            parts.push(bilingual!("{name_en} {en}", "{name_sv} {sv}"));
        }
    }
    if parts.is_empty() { Bilingual::new("some of them", "en del av dem") } else { Bilingual::join(&parts, " ", " ") }
}

fn fates<'a>(list: &[&'a (FlowBox, Fate)]) -> Vec<&'a Fate> {
    list.iter().map(|(_, fate)| fate).collect()
}

fn boxes<'a>(list: &[&'a (FlowBox, Fate)]) -> Vec<&'a FlowBox> {
    list.iter().map(|(flows, _)| flows).collect()
}

struct Judgement {
    coverage: Coverage,
    lines: Vec<usize>,
    detail: Bilingual,
}

fn judge(pieces: &[(FlowBox, Fate)], whole: &[FlowBox], customer: Option<&(usize, Missing)>) -> Judgement {
    let accepted: Vec<&(FlowBox, Fate)> = pieces.iter().filter(|(_, fate)| fate.surely_accepted()).collect();
    let dropped: Vec<&(FlowBox, Fate)> = pieces.iter().filter(|(_, fate)| fate.surely_dropped()).collect();
    let unclear: Vec<&(FlowBox, Fate)> =
        pieces.iter().filter(|(_, fate)| !fate.surely_accepted() && !fate.surely_dropped()).collect();
    let lines_of = |list: &[&(FlowBox, Fate)]| -> Vec<usize> {
        let mut lines: Vec<usize> = list.iter().flat_map(|(_, fate)| fate.lines.iter().copied()).collect();
        lines.sort_unstable();
        lines.dedup();
        lines
    };
    let mut coverage = if unclear.is_empty() && dropped.is_empty() {
        Coverage::Covered
    } else if unclear.is_empty() && accepted.is_empty() {
        Coverage::Missing
    } else if !accepted.is_empty() && !dropped.is_empty() {
        Coverage::Partial
    } else {
        Coverage::Unknown
    };
    let mut detail = match coverage {
        Coverage::Covered => decided_by(&fates(&accepted), ACCEPTED),
        Coverage::Missing => {
            if lines_of(&dropped).is_empty() {
                decided_by(&fates(&dropped), DROPPED_BY_NONE)
            } else {
                decided_by(&fates(&dropped), DROPPED)
            }
        }
        Coverage::Partial => {
            let Bilingual { en: by_en, sv: by_sv } = decided_by(&fates(&accepted), ACCEPTED);
            let Bilingual { en: part_en, sv: part_sv } = describe_part(&boxes(&accepted), whole);
            let Bilingual { en: rest_en, sv: rest_sv } = describe_part(&boxes(&dropped), whole);
            let Bilingual { en: dropped_en, sv: dropped_sv } = decided_by(&fates(&dropped), DROPPED);
            bilingual!(
                "{by_en}: {part_en}; not accepted: {rest_en} ({dropped_en})",
                "{by_sv}: {part_sv}; accepteras inte: {rest_sv} ({dropped_sv})"
            )
        }
        Coverage::Unknown => {
            let mut reasons: Vec<Bilingual> = Vec::new();
            for (_, fate) in &unclear {
                for reason in &fate.unknown {
                    if !reasons.contains(reason) {
                        reasons.push(reason.clone());
                    }
                }
            }
            reasons.truncate(3);
            let Bilingual { en, sv } = Bilingual::join(&reasons, "; ", "; ");
            bilingual!("unknown — {en}", "okänt — {sv}")
        }
    };
    let mut lines = match coverage {
        Coverage::Covered => lines_of(&accepted),
        Coverage::Missing => lines_of(&dropped),
        Coverage::Partial => [lines_of(&accepted), lines_of(&dropped)].concat(),
        Coverage::Unknown => lines_of(&unclear),
    };
    lines.sort_unstable();
    lines.dedup();
    if let Some((dimension, Missing { name, pronoun })) = customer
        && matches!(coverage, Coverage::Partial | Coverage::Unknown)
    {
        let not_accepted: Vec<&FlowBox> = boxes(&dropped).into_iter().chain(boxes(&unclear)).collect();
        let every_address_short = projection(not_accepted, *dimension) == projection(whole, *dimension);
        // Unknown for another reason (a line not read): that reason stands alone.
        if coverage == Coverage::Partial && !every_address_short {
            coverage = Coverage::Unknown;
            let Bilingual { en: name_en, sv: name_sv } = name;
            detail = if accepted.is_empty() {
                let Bilingual { en, sv } = detail;
                bilingual!("needs {name_en} to judge: {en}", "behöver {name_sv} för att bedömas: {sv}")
            } else {
                let Bilingual { en: by_en, sv: by_sv } = decided_by(&fates(&accepted), ACCEPTED);
                let Bilingual { en: part_en, sv: part_sv } = describe_part(&boxes(&accepted), whole);
                bilingual!(
                    "needs {name_en} to judge: {by_en} only {part_en}; give it in the plan",
                    "behöver {name_sv} för att bedömas: {by_sv}, men bara {part_sv}; ange {pronoun} i planen"
                )
            };
        }
    }
    Judgement { coverage, lines, detail }
}

/// Checks every required opening of `rules` against the firewall.
pub fn check_coverage(rules: &[&FirewallRule], addresses: &CustomerAddresses, firewall: &Firewall) -> Vec<CoverageRow> {
    let mut rows = Vec::new();
    // Built once per direction, not per rule: it copies every chain.
    let (outbound, inbound) = (firewall.ruleset(Direction::Outbound), firewall.ruleset(Direction::Inbound));
    for rule in rules {
        let (source, destination) = (resolve(&rule.source, addresses), resolve(&rule.destination, addresses));
        let customer = unknown_customer_side(rule, &source, &destination);
        let unknown_at = |dimension: usize| customer.as_ref().is_some_and(|(unknown, _)| *unknown == dimension);
        let sources = required_set(&source, unknown_at(SOURCE));
        let destinations = required_set(&destination, unknown_at(DESTINATION));
        let ruleset = match rule.direction {
            Direction::Outbound => &outbound,
            Direction::Inbound => &inbound,
        };
        for service in rule.services {
            let port = (u32::from(service.ports.first().get()), u32::from(service.ports.last().get()));
            let mut whole: Vec<FlowBox> = Vec::new();
            for &from in sources.intervals() {
                for &to in destinations.intervals() {
                    whole.push([from, to, port]);
                }
            }
            let alternatives = ruleset.evaluate(service.protocol, &whole);
            let mut best: Option<(String, Judgement)> = None;
            for (chain, pieces) in &alternatives {
                let judgement = judge(pieces, &whole, customer.as_ref());
                if best.as_ref().is_none_or(|(_, known)| judgement.coverage.rank() > known.coverage.rank()) {
                    best = Some((chain.clone(), judgement));
                }
            }
            let (coverage, lines, detail) = match best {
                Some((chain, judgement)) => {
                    let detail = if chain.is_empty() {
                        judgement.detail
                    } else {
                        let (Bilingual { en, sv }, Bilingual { en: chain_en, sv: chain_sv }) =
                            (judgement.detail, chain_name(&chain));
                        bilingual!("{en} (access-list {chain_en})", "{sv} (access-list {chain_sv})")
                    };
                    (judgement.coverage, judgement.lines, detail)
                }
                None => (
                    Coverage::Unknown,
                    Vec::new(),
                    if firewall.syntax == Syntax::CiscoAsa {
                        Bilingual::new(
                            "unknown — no access list is bound where this traffic enters (the ASA then passes it by security level, from a higher level to a lower one)",
                            "okänt — ingen åtkomstlista är bunden där den här trafiken kommer in (ASA:n släpper då igenom den efter säkerhetsnivå, från en högre nivå till en lägre)",
                        )
                    } else {
                        Bilingual::new(
                            "unknown — no access list found to judge by",
                            "okänt — ingen åtkomstlista hittades att bedöma efter",
                        )
                    },
                ),
            };
            rows.push(CoverageRow {
                rule: rule.id,
                section: rule.section.as_str(),
                service: *service,
                coverage,
                lines,
                detail,
            });
        }
    }
    rows
}

/// What the app's worker and the CLI hand on: the whole check of one pasted text, as plain
/// owned data (it crosses from the worker to the page as JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageReport {
    pub syntax: Syntax,
    /// Which chains were judged, in words (and warnings on the chains).
    pub judged: Vec<Bilingual>,
    pub assumptions: Vec<Bilingual>,
    pub rows: Vec<ReportRow>,
    /// Lines not read.
    pub unreadable: Vec<LineProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRow {
    pub rule: String,
    pub section: String,
    /// "TCP/443".
    pub service: String,
    pub coverage: Coverage,
    pub lines: Vec<usize>,
    /// Why: what decided it, or why it cannot be judged.
    pub detail: Bilingual,
}

impl CoverageReport {
    pub fn count(&self, coverage: Coverage) -> usize {
        self.rows.iter().filter(|row| row.coverage == coverage).count()
    }
}

/// What the app's worker receives: the plan, the pasted text and the interfaces named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageRequest {
    pub plan: crate::plan::Plan,
    pub text: String,
    #[serde(default)]
    pub interfaces: Interfaces,
}

/// Reads the text and checks the plan's openings against it.
pub fn report(plan: &crate::plan::Plan, text: &str, interfaces: &Interfaces) -> CoverageReport {
    let mut firewall = parse_rules(text);
    firewall.interfaces = interfaces.clone();
    let rows = check_coverage(&plan.firewall_rules(), &plan.addresses, &firewall)
        .into_iter()
        .map(|row| ReportRow {
            rule: row.rule.to_owned(),
            section: row.section.to_owned(),
            service: row.service.to_string(),
            coverage: row.coverage,
            lines: row.lines,
            detail: row.detail,
        })
        .collect();
    CoverageReport {
        syntax: firewall.syntax,
        judged: firewall.judged().into_iter().chain(firewall.reply_warnings()).collect(),
        assumptions: firewall.assumptions.clone(),
        rows,
        unreadable: firewall.problems,
    }
}

#[cfg(test)]
mod tests;
