//! A firewall as the checker understands it: chains of rules evaluated first match wins, each
//! rule a product of interval sets with an action, and how the kernel (or the ASA) combines
//! chains. Every syntax reader produces this model; evaluation works on it alone.

use super::chain_name;
use super::region::{FlowBox, Product};
use super::unreadable::Unreadable;
use crate::bilingual;
use crate::locale::Bilingual;
use crate::units::Protocol;
use serde::Serialize;
use std::collections::BTreeMap;

/// The protocols a rule matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Protocols {
    pub tcp: bool,
    pub udp: bool,
}

impl Protocols {
    pub const ANY: Protocols = Protocols { tcp: true, udp: true };
    pub const NONE: Protocols = Protocols { tcp: false, udp: false };

    pub const fn only(protocol: Protocol) -> Protocols {
        match protocol {
            Protocol::Tcp => Protocols { tcp: true, udp: false },
            Protocol::Udp => Protocols { tcp: false, udp: true },
        }
    }

    pub const fn has(self, protocol: Protocol) -> bool {
        match protocol {
            Protocol::Tcp => self.tcp,
            Protocol::Udp => self.udp,
        }
    }

    pub const fn and(self, other: Protocols) -> Protocols {
        Protocols { tcp: self.tcp && other.tcp, udp: self.udp && other.udp }
    }

    pub const fn not(self) -> Protocols {
        Protocols { tcp: !self.tcp, udp: !self.udp }
    }
}

/// What a rule does with the flows it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Accept,
    /// Drop or reject: either way the flow does not pass.
    Drop,
    /// Back to the calling chain (or the policy, in a base chain).
    Return,
    /// A statement that lets the packet go on (counter, log, mark).
    Continue,
    Jump(String),
    Goto(String),
    /// A target or verdict the checker does not know.
    Unknown,
}

/// One rule: what it matches, how sure the checker is of that, and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub line: usize,
    pub protocols: Protocols,
    pub matches: Product,
    /// Why the rule may or may not match a flow inside `matches` (an interface, a rate
    /// limit, a line not understood): such flows become unknown, never decided.
    pub uncertain: Option<Bilingual>,
    /// Conditions on the interfaces the packet enters or leaves by: decided per direction
    /// once the user names the interfaces, else uncertain.
    pub interfaces: Vec<InterfaceMatch>,
    pub action: Action,
}

/// `iifname "lan0"`, `-o eth+`, `oifname != { "wan0", "wan1" }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterfaceMatch {
    /// The interface the packet enters by (else the one it leaves by).
    pub ingress: bool,
    /// Names; one ending in `*` (nftables) or `+` (iptables) matches every name it begins.
    pub names: Vec<String>,
    pub negated: bool,
    /// As written, for the reason shown when it cannot be decided.
    pub text: String,
}

impl InterfaceMatch {
    fn matches(&self, interface: &str) -> bool {
        self.names.iter().any(|name| match name.strip_suffix(['*', '+']) {
            Some(prefix) => interface.starts_with(prefix),
            None => interface == name,
        })
    }

    /// Whether every flow matches (`Some(true)`), none does (`Some(false)`), or it depends on
    /// which of the possible interfaces the flow uses (`None`). `possible` are the interfaces
    /// the flow may use on this side; empty when the user did not name them.
    pub fn decide(&self, possible: &[String]) -> Option<bool> {
        if possible.is_empty() {
            return None;
        }
        let matching = possible.iter().filter(|interface| self.matches(interface)).count();
        if matching == possible.len() {
            Some(!self.negated)
        } else if matching == 0 {
            Some(self.negated)
        } else {
            None
        }
    }
}

impl Rule {
    /// A rule with no conditions yet and no verdict: what the readers start from.
    pub fn matching_everything(line: usize) -> Rule {
        Rule {
            line,
            protocols: Protocols::ANY,
            matches: Product::everything(),
            uncertain: None,
            interfaces: Vec::new(),
            action: Action::Continue,
        }
    }

    /// Adds a reason the rule may or may not match to those it has.
    pub fn add_uncertainty(&mut self, reason: Bilingual) {
        self.uncertain = Some(match self.uncertain.take() {
            Some(other) => Bilingual::join(&[other, reason], "; ", "; "),
            None => reason,
        });
    }

    /// What a reader ends with: the word it did not understand first among the reasons (and
    /// as the line's problem), a rule that can never match a new IPv4 flow made to match nothing.
    pub fn finish(
        mut self,
        mut uncertain: Vec<Bilingual>,
        not_understood: Option<String>,
        never: bool,
    ) -> (Rule, Option<Unreadable>) {
        if let Some(word) = &not_understood {
            let line = self.line;
            uncertain
                .insert(0, bilingual!("line {line} not understood: \"{word}\"", "rad {line} förstås inte: \"{word}\""));
        }
        if never {
            self.protocols = Protocols::NONE;
        }
        if !uncertain.is_empty() {
            self.uncertain = Some(Bilingual::join(&uncertain, "; ", "; "));
        }
        (self, not_understood.map(|word| Unreadable::RuleWord { word }))
    }

    pub fn unreadable(line: usize, why: &Bilingual) -> Rule {
        let Bilingual { en, sv } = why;
        Rule {
            line,
            protocols: Protocols::ANY,
            matches: Product::everything(),
            uncertain: Some(bilingual!("line {line} not understood: {en}", "rad {line} förstås inte: {sv}")),
            interfaces: Vec::new(),
            action: Action::Unknown,
        }
    }
}

/// What a chain does with what no rule took.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Policy {
    Accept,
    Drop,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    /// Unique within the ruleset ("inet filter forward", "FORWARD", an ACL name).
    pub name: String,
    pub line: usize,
    /// For base chains; user chains return to their caller.
    pub policy: Option<Policy>,
    /// The policy was not in the text but assumed (and said so).
    pub policy_assumed: bool,
    pub rules: Vec<Rule>,
}

/// How the firewall combines its base chains for one flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Combination {
    /// Every chain is passed in turn (nftables base chains on one hook): an accept moves on
    /// to the next chain, a drop is final.
    All(Vec<String>),
    /// One of these applies, depending on where the flow enters (ASA access lists bound to
    /// interfaces): the best-covering one is reported, and named.
    OneOf(Vec<String>),
}

/// Every outcome a flow may have; more than one means the checker cannot decide.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fate {
    pub accept: bool,
    pub drop: bool,
    /// Fell off the chain or returned (only inside evaluation).
    pub returned: bool,
    /// The outcome may be anything (a verdict not understood, a chain without a policy).
    pub undetermined: bool,
    /// Why some rule may or may not have matched, or what could not be determined.
    pub unknown: Vec<Bilingual>,
    /// Lines of rules that decided, or may have.
    pub lines: Vec<usize>,
    /// Whether a chain's policy decided (the chain's name).
    pub policy: Option<(String, Policy)>,
    /// Leaves the chain it is in, back to that chain's caller (or its policy): a return, or
    /// a return from a chain entered by goto.
    leaves: bool,
}

impl Fate {
    fn merge(&mut self, other: &Fate) {
        self.accept |= other.accept;
        self.drop |= other.drop;
        self.returned |= other.returned;
        self.undetermined |= other.undetermined;
        for reason in &other.unknown {
            if !self.unknown.contains(reason) {
                self.unknown.push(reason.clone());
            }
        }
        for line in &other.lines {
            if !self.lines.contains(line) {
                self.lines.push(*line);
            }
        }
        if self.policy.is_none() {
            self.policy.clone_from(&other.policy);
        }
    }

    fn decided(action: &Action, line: usize) -> Fate {
        let mut fate = Fate { lines: vec![line], ..Fate::default() };
        match action {
            Action::Accept => fate.accept = true,
            Action::Drop => fate.drop = true,
            Action::Return => {
                fate.returned = true;
                fate.leaves = true;
            }
            Action::Unknown => {
                fate.unknown.push(bilingual!(
                    "line {line}: what it does is not understood",
                    "rad {line}: vad den gör förstås inte"
                ));
                fate.undetermined = true;
                fate.returned = true;
            }
            Action::Continue | Action::Jump(_) | Action::Goto(_) => fate.returned = true,
        }
        fate
    }

    /// Only accepted, for certain: whatever the uncertain rules did, every way ends in accept.
    pub fn surely_accepted(&self) -> bool {
        self.accept && !self.drop && !self.undetermined
    }

    /// Only dropped, for certain.
    pub fn surely_dropped(&self) -> bool {
        self.drop && !self.accept && !self.undetermined
    }
}

/// Evaluation stops splitting past this many pieces and calls the rest unknown.
const PIECE_LIMIT: usize = 200_000;
const DEPTH_LIMIT: usize = 32;

/// A whole firewall: its chains and how they combine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ruleset {
    pub chains: BTreeMap<String, Chain>,
    pub combination: Combination,
}

impl Ruleset {
    /// What happens to each part of `flows`, in one base chain.
    pub fn run_base(&self, chain: &str, protocol: Protocol, flows: Vec<FlowBox>) -> Vec<(FlowBox, Fate)> {
        let Some(base) = self.chains.get(chain) else {
            let Bilingual { en, sv } = chain_name(chain);
            let unknown = vec![bilingual!("chain {en} is not defined", "kedjan {sv} är inte definierad")];
            let fate = Fate { undetermined: true, unknown, ..Fate::default() };
            return flows.into_iter().map(|flows| (flows, fate.clone())).collect();
        };
        self.run_chain(base, protocol, flows, 0)
            .into_iter()
            .map(|(flows, mut fate)| {
                if fate.returned {
                    fate.returned = false;
                    match base.policy {
                        Some(Policy::Accept) => fate.accept = true,
                        Some(Policy::Drop) => fate.drop = true,
                        None => {
                            fate.undetermined = true;
                            let Bilingual { en, sv } = chain_name(&base.name);
                            fate.unknown.push(bilingual!("chain {en} has no policy", "kedjan {sv} har ingen policy"));
                        }
                    }
                    if let Some(policy) = base.policy {
                        fate.policy = Some((base.name.clone(), policy));
                    }
                }
                (flows, fate)
            })
            .collect()
    }

    fn run_chain(&self, chain: &Chain, protocol: Protocol, flows: Vec<FlowBox>, depth: usize) -> Vec<(FlowBox, Fate)> {
        let mut pending: Vec<(FlowBox, Fate)> = flows.into_iter().map(|flows| (flows, Fate::default())).collect();
        let mut done: Vec<(FlowBox, Fate)> = Vec::new();
        for rule in &chain.rules {
            if pending.is_empty() {
                break;
            }
            if !rule.protocols.has(protocol) || rule.matches.is_empty() {
                continue;
            }
            if pending.len() + done.len() > PIECE_LIMIT {
                let reason = Bilingual::new(
                    "too many rules to evaluate exactly",
                    "för många regler för att kunna utvärderas exakt",
                );
                for (_, fate) in &mut pending {
                    fate.undetermined = true;
                    fate.unknown.push(reason.clone());
                }
                break;
            }
            let mut next = Vec::with_capacity(pending.len());
            for (flows, so_far) in pending {
                for outside in rule.matches.outside(&flows) {
                    next.push((outside, so_far.clone()));
                }
                let inside = rule.matches.inside(&flows);
                if inside.is_empty() {
                    continue;
                }
                for (piece, mut fate) in self.apply(rule, protocol, inside, depth) {
                    if let Some(reason) = &rule.uncertain {
                        // It may not have matched at all: then it goes on, too.
                        fate.returned = true;
                        if !fate.unknown.contains(reason) {
                            fate.unknown.push(reason.clone());
                        }
                    }
                    let mut combined = so_far.clone();
                    combined.merge(&fate);
                    if fate.leaves {
                        combined.returned = true;
                        if rule.uncertain.is_some() {
                            // It may have gone on to the next rule instead: not decided.
                            combined.undetermined = true;
                        }
                        done.push((piece, combined));
                    } else if fate.returned {
                        // Goes on to the next rule, remembering what might already have happened.
                        combined.returned = false;
                        next.push((piece, combined));
                    } else {
                        done.push((piece, combined));
                    }
                }
            }
            pending = next;
        }
        for (flows, mut fate) in pending {
            fate.returned = true;
            done.push((flows, fate));
        }
        done
    }

    /// The fate of flows a rule matched, before its own uncertainty is added.
    fn apply(&self, rule: &Rule, protocol: Protocol, flows: Vec<FlowBox>, depth: usize) -> Vec<(FlowBox, Fate)> {
        let (target, goto) = match &rule.action {
            Action::Jump(target) => (target, false),
            Action::Goto(target) => (target, true),
            other => {
                let fate = Fate::decided(other, rule.line);
                return flows.into_iter().map(|flows| (flows, fate.clone())).collect();
            }
        };
        let Some(chain) = self.chains.get(target).filter(|_| depth < DEPTH_LIMIT) else {
            let (line, Bilingual { en, sv }) = (rule.line, chain_name(target));
            let fate = Fate {
                undetermined: true,
                unknown: vec![bilingual!(
                    "line {line}: chain {en} is not defined (or jumps loop)",
                    "rad {line}: kedjan {sv} är inte definierad (eller så går hoppen i en slinga)"
                )],
                returned: true,
                lines: vec![rule.line],
                ..Fate::default()
            };
            return flows.into_iter().map(|flows| (flows, fate.clone())).collect();
        };
        self.run_chain(chain, protocol, flows, depth + 1)
            .into_iter()
            .map(|(flows, mut fate)| {
                // A goto's chain returns past this one: to this chain's caller.
                if goto && fate.returned {
                    fate.leaves = true;
                }
                (flows, fate)
            })
            .collect()
    }

    /// What happens to `flows` in the whole firewall: for `All`, one list; for `OneOf`, a
    /// list per chain, named.
    pub fn evaluate(&self, protocol: Protocol, flows: &[FlowBox]) -> Vec<(String, Vec<(FlowBox, Fate)>)> {
        match &self.combination {
            Combination::All(chains) => {
                let mut results: Vec<(FlowBox, Fate)> = flows.iter().map(|f| (*f, Fate::default())).collect();
                let mut first = true;
                for chain in chains {
                    let mut next = Vec::new();
                    for (piece, fate) in results {
                        if !first && !fate.accept {
                            next.push((piece, fate));
                            continue;
                        }
                        for (part, later) in self.run_base(chain, protocol, vec![piece]) {
                            let mut combined = fate.clone();
                            if !first {
                                // Accepted so far: the later chain decides from here.
                                combined.accept = false;
                            }
                            combined.merge(&later);
                            next.push((part, combined));
                        }
                    }
                    results = next;
                    first = false;
                }
                if chains.is_empty() {
                    for (_, fate) in &mut results {
                        fate.undetermined = true;
                        fate.unknown.push(Bilingual::new("no chain to judge by", "ingen kedja att bedöma efter"));
                    }
                }
                vec![(String::new(), results)]
            }
            Combination::OneOf(chains) => {
                chains.iter().map(|chain| (chain.clone(), self.run_base(chain, protocol, flows.to_vec()))).collect()
            }
        }
    }
}
