//! Reads nftables: `nft list ruleset` output, files for `nft -f` (our own exports among them),
//! `add rule` / `insert rule` commands, and rules pasted on their own.

use super::model::{Action, Chain, InterfaceMatch, Policy, Protocols, Rule};
use super::region::{DESTINATION, IntervalSet, PORT, Product, SOURCE};
use super::unreadable::Unreadable;
use super::words::{brace_balance, value_set, words};
use super::{Firewall, Hook, Syntax};
use crate::bilingual;
use crate::locale::Bilingual;
use crate::units::Protocol;
use std::collections::BTreeMap;

/// Appended to a rule placed by position or handle: read as a condition not judged.
const PLACED: &str = "__placed_by_position__";

/// The chain that rules pasted outside any chain go into.
pub const LOOSE_CHAIN: &str = "pasted rules";

/// Physical lines joined where braces run over (a set's elements), with the first line's number.
fn logical_lines(text: &str) -> Vec<(usize, String)> {
    let mut result: Vec<(usize, String)> = Vec::new();
    let mut open: Option<(usize, String, i64)> = None;
    for (index, raw) in text.lines().enumerate() {
        let line = strip_comment(raw).trim().to_owned();
        if let Some((start, mut text, balance)) = open.take() {
            text.push(' ');
            text.push_str(&line);
            let balance = balance + brace_balance(&line);
            if balance > 0 {
                open = Some((start, text, balance))
            } else {
                result.push((start, text))
            }
            continue;
        }
        let balance = brace_balance(&line);
        let opens_block = line.ends_with('{') && !line.contains('=') && balance == 1;
        if balance > 0 && !opens_block {
            open = Some((index + 1, line, balance));
        } else {
            result.push((index + 1, line));
        }
    }
    if let Some((start, text, _)) = open {
        result.push((start, text));
    }
    result
}

fn strip_comment(line: &str) -> &str {
    let mut quoted = false;
    for (index, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '#' if !quoted => return &line[..index],
            _ => {}
        }
    }
    line
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Block {
    Table { family: String, name: String },
    Chain(String),
    Set(String),
    Other,
}

struct Reader {
    firewall: Firewall,
    stack: Vec<Block>,
    /// Named sets, "family table name" → elements (addresses or ports, as read).
    sets: BTreeMap<String, String>,
    /// Lines outside any chain that could not be read: they may touch any flow.
    stray: Vec<usize>,
    /// Chains of a type that decides nothing about passing (nat, route).
    ignored: std::collections::BTreeSet<String>,
}

fn family_relevant(family: &str) -> bool {
    matches!(family, "ip" | "inet")
}

impl Reader {
    fn table(&self) -> Option<(String, String)> {
        self.stack.iter().rev().find_map(|block| match block {
            Block::Table { family, name } => Some((family.clone(), name.clone())),
            _ => None,
        })
    }

    fn chain_mut(&mut self, key: &str, line: usize) -> &mut Chain {
        self.firewall.chains.entry(key.to_owned()).or_insert_with(|| Chain {
            name: key.to_owned(),
            line,
            policy: None,
            policy_assumed: false,
            rules: Vec::new(),
        })
    }

    /// "type filter hook forward priority filter; policy drop;"
    fn chain_header(&mut self, key: &str, text: &str, line: usize, relevant: bool) {
        for statement in text.split(';').map(str::trim).filter(|statement| !statement.is_empty()) {
            let parts: Vec<&str> = statement.split_whitespace().collect();
            match parts.as_slice() {
                ["type", kind, "hook", hook, ..] => {
                    let hook = match *hook {
                        "prerouting" => Some(Hook::Prerouting),
                        "input" => Some(Hook::Input),
                        "forward" => Some(Hook::Forward),
                        "output" => Some(Hook::Output),
                        "postrouting" => Some(Hook::Postrouting),
                        _ => None,
                    };
                    // Only filter chains decide what passes; nat and route chains do not.
                    if *kind != "filter" {
                        self.ignored.insert(key.to_owned());
                        self.firewall.chains.remove(key);
                    }
                    if let (Some(hook), true, true) = (hook, *kind == "filter", relevant) {
                        self.firewall.bases.retain(|(_, name)| name != key);
                        self.firewall.bases.push((hook, key.to_owned()));
                        let chain = self.chain_mut(key, line);
                        if chain.policy.is_none() {
                            // A base chain without a policy accepts (nftables' default).
                            chain.policy = Some(Policy::Accept);
                        }
                    }
                }
                ["policy", "drop"] => self.chain_mut(key, line).policy = Some(Policy::Drop),
                ["policy", "accept"] => self.chain_mut(key, line).policy = Some(Policy::Accept),
                ["comment", ..] | ["device", ..] | ["devices", ..] | ["flags", ..] => {}
                _ => {
                    let problem = Unreadable::ChainProperty { statement: statement.to_owned() };
                    self.firewall.problem(line, text, problem);
                }
            }
        }
    }

    fn add_rule(&mut self, key: &str, line: usize, text: &str, family: &str, table: &str, position: Position) {
        if self.ignored.contains(key) {
            return;
        }
        self.firewall.note_replies(key, text);
        let rule = self.rule(line, text, family, table);
        let chain = self.chain_mut(key, line);
        match position {
            Position::End => chain.rules.push(rule),
            Position::Start => chain.rules.insert(0, rule),
        }
    }

    fn rule(&mut self, line: usize, text: &str, family: &str, table: &str) -> Rule {
        let (rule, not_understood) =
            parse_rule(line, text, |name| self.sets.get(&format!("{family} {table} {name}")).cloned());
        if let Some(problem) = not_understood {
            self.firewall.problem(line, text, problem);
        }
        let (Action::Jump(target) | Action::Goto(target)) = &rule.action else { return rule };
        let target = format!("{family} {table} {target}");
        let action = if matches!(rule.action, Action::Jump(_)) { Action::Jump(target) } else { Action::Goto(target) };
        Rule { action, ..rule }
    }

    /// An undeclared chain that an `add rule` names: by its name, a base chain whose
    /// definition was not pasted. Its policy is assumed and said.
    fn declare_implied(&mut self, key: &str, name: &str, line: usize) {
        if self.firewall.chains.contains_key(key) {
            return;
        }
        let hook = match name {
            "forward" | "FORWARD" => Some(Hook::Forward),
            "input" | "INPUT" => Some(Hook::Input),
            "output" | "OUTPUT" => Some(Hook::Output),
            _ => None,
        };
        let chain = self.chain_mut(key, line);
        if let Some(hook) = hook {
            chain.policy = Some(Policy::Drop);
            chain.policy_assumed = true;
            self.firewall.bases.push((hook, key.to_owned()));
            self.firewall.assumptions.push(bilingual!(
                "chain {key} is not defined in the text: read as a base chain with policy drop",
                "kedjan {key} är inte definierad i texten: läses som en baskedja med policy drop"
            ));
        }
    }

    fn command(&mut self, line: usize, text: &str) -> bool {
        let parts = words(text);
        let word = |index: usize| parts.get(index).map(String::as_str).unwrap_or("");
        let (verb, object) = (word(0), word(1));
        // Family is optional (ip by default).
        let families = ["ip", "ip6", "inet", "arp", "bridge", "netdev"];
        let with_family = families.contains(&word(2));
        let (family, rest) = if with_family { (word(2).to_owned(), 3) } else { ("ip".to_owned(), 2) };
        let (table, name) = (word(rest).to_owned(), word(rest + 1).to_owned());
        let key = format!("{family} {table} {name}");
        let tail = || parts.get(rest + 2..).map(|tail| tail.join(" ")).unwrap_or_default();
        match (verb, object) {
            ("flush", "ruleset") => {
                self.firewall.chains.clear();
                self.firewall.bases.clear();
            }
            ("add" | "create" | "table" | "delete" | "destroy" | "flush", "table") | ("table", _) => {
                if verb == "delete" || verb == "destroy" || verb == "flush" {
                    let prefix = format!("{family} {table} ");
                    if verb == "flush" {
                        for chain in self.firewall.chains.values_mut().filter(|chain| chain.name.starts_with(&prefix)) {
                            chain.rules.clear();
                        }
                    } else {
                        self.firewall.chains.retain(|key, _| !key.starts_with(&prefix));
                        self.firewall.bases.retain(|(_, key)| !key.starts_with(&prefix));
                    }
                }
            }
            ("add" | "create", "chain") => {
                if family_relevant(&family) {
                    self.chain_mut(&key, line);
                    let body = tail();
                    let body = body.trim().trim_start_matches('{').trim_end_matches('}');
                    if !body.trim().is_empty() {
                        self.chain_header(&key, body, line, true);
                    }
                }
            }
            ("flush", "chain") => {
                if let Some(chain) = self.firewall.chains.get_mut(&key) {
                    chain.rules.clear();
                }
            }
            ("add" | "insert", "rule") => {
                if family_relevant(&family) {
                    self.declare_implied(&key, &name, line);
                    let mut body = tail();
                    // "position N" / "handle N" / "index N": placement among existing rules.
                    let placement = ["position", "handle", "index"];
                    let mut position = if verb == "insert" { Position::Start } else { Position::End };
                    if let Some(first) = body.split_whitespace().next().map(str::to_owned)
                        && placement.contains(&first.as_str())
                    {
                        let skip: Vec<&str> = body.split_whitespace().skip(2).collect();
                        // The rule's place among the others is not known here: its effect is not decided.
                        body = format!("{} {}", skip.join(" "), PLACED);
                        // First, and uncertain: it may stand anywhere.
                        position = Position::Start;
                    }
                    self.add_rule(&key, line, &body, &family, &table, position);
                }
            }
            ("add" | "create", "set") | ("add", "element") => {
                let body = tail();
                let elements = match body.find("elements") {
                    Some(start) => body[start..].split_once('=').map_or("", |(_, value)| value).to_owned(),
                    None if verb == "add" && object == "element" => body,
                    None => String::new(),
                };
                let elements = elements.trim().trim_end_matches(';').trim().trim_end_matches('}').trim().to_owned();
                let entry = self.sets.entry(key).or_default();
                let elements = elements.trim_start_matches('{').trim();
                if !elements.is_empty() {
                    if !entry.is_empty() {
                        entry.push(',');
                    }
                    entry.push_str(elements);
                }
            }
            _ => return false,
        }
        true
    }
}

#[derive(Debug, Clone, Copy)]
enum Position {
    Start,
    End,
}

pub fn parse(text: &str) -> Firewall {
    let mut reader = Reader {
        firewall: Firewall::new(Syntax::Nftables),
        stack: Vec::new(),
        sets: BTreeMap::new(),
        stray: Vec::new(),
        ignored: std::collections::BTreeSet::new(),
    };
    let mut loose = false;
    for (line, text) in logical_lines(text) {
        let mut text = text.trim();
        if text.is_empty() {
            continue;
        }
        for prefix in ["sudo ", "nft "] {
            text = text.strip_prefix(prefix).unwrap_or(text).trim();
        }
        let text = text.trim_matches('\'');
        if text == "}" {
            reader.stack.pop();
            continue;
        }
        let parts: Vec<&str> = text.split_whitespace().collect();
        let inside_chain = reader.stack.last().and_then(|block| match block {
            Block::Chain(key) => Some(key.clone()),
            _ => None,
        });
        if let Some(body) = text.strip_suffix('{').map(str::trim) {
            let body_words: Vec<&str> = body.split_whitespace().collect();
            let block = match body_words.as_slice() {
                ["table", family, name] => Block::Table { family: (*family).into(), name: (*name).into() },
                ["table", name] => Block::Table { family: "ip".into(), name: (*name).into() },
                ["chain", name] => match reader.table() {
                    Some((family, table)) => {
                        let key = format!("{family} {table} {name}");
                        if family_relevant(&family) {
                            reader.chain_mut(&key, line);
                        }
                        Block::Chain(key)
                    }
                    None => Block::Other,
                },
                ["set", name] => match reader.table() {
                    Some((family, table)) => Block::Set(format!("{family} {table} {name}")),
                    None => Block::Other,
                },
                _ => Block::Other,
            };
            reader.stack.push(block);
            continue;
        }
        match reader.stack.last().cloned() {
            Some(Block::Set(key)) => {
                if let Some((_, value)) = text.split_once('=').filter(|(name, _)| name.trim() == "elements") {
                    let value = value.trim().trim_end_matches(';').trim();
                    let value = value.trim_start_matches('{').trim_end_matches('}').trim().to_owned();
                    reader.sets.insert(key, value);
                }
                continue;
            }
            Some(Block::Other) => continue,
            _ => {}
        }
        if let Some(key) = inside_chain {
            let (family, table) = reader.table().unwrap_or_default();
            let relevant = family_relevant(&family);
            if parts.first() == Some(&"type") || parts.first() == Some(&"policy") {
                reader.chain_header(&key, text, line, relevant);
            } else if parts.first() == Some(&"comment") || parts.first() == Some(&"devices") {
            } else if relevant {
                reader.add_rule(&key, line, text, &family, &table, Position::End);
            }
            continue;
        }
        if reader.command(line, text) {
            continue;
        }
        if matches!(parts.first(), Some(&"define")) {
            reader.firewall.problem(line, text, Unreadable::Define);
            reader.stray.push(line);
            continue;
        }
        // A rule on its own, outside any table: collected into one chain.
        let (rule, not_understood) = parse_rule(line, text, |_| None);
        let recognised = not_understood.is_none() || rule.action != Action::Unknown;
        if recognised && (rule.action != Action::Continue || rule.matches != Product::everything()) {
            if let Some(problem) = not_understood {
                reader.firewall.problem(line, text, problem);
            }
            if !loose {
                loose = true;
                reader.firewall.chains.insert(
                    LOOSE_CHAIN.into(),
                    Chain {
                        name: LOOSE_CHAIN.into(),
                        line,
                        policy: Some(Policy::Drop),
                        policy_assumed: true,
                        rules: Vec::new(),
                    },
                );
                reader.firewall.bases.push((Hook::Forward, LOOSE_CHAIN.into()));
                reader.firewall.assumptions.push(Bilingual::new(
                    "rules outside any table and chain are read as one chain, in order, with policy drop",
                    "regler utanför tabeller och kedjor läses som en kedja, i ordning, med policy drop",
                ));
            }
            if let Some(chain) = reader.firewall.chains.get_mut(LOOSE_CHAIN) {
                chain.rules.push(rule);
            }
        } else {
            reader.firewall.problem(line, text, Unreadable::NftablesLine);
            reader.stray.push(line);
        }
    }
    let mut firewall = reader.firewall;
    // A line outside every chain that could not be read may have been anything: every base
    // chain starts with its uncertainty.
    if !reader.stray.is_empty() {
        if firewall.bases.is_empty() {
            firewall.chains.insert(
                LOOSE_CHAIN.into(),
                Chain {
                    name: LOOSE_CHAIN.into(),
                    line: 1,
                    policy: Some(Policy::Drop),
                    policy_assumed: true,
                    rules: Vec::new(),
                },
            );
            firewall.bases.push((Hook::Forward, LOOSE_CHAIN.into()));
        }
        let bases: Vec<String> = firewall.bases.iter().map(|(_, name)| name.clone()).collect();
        for base in bases {
            if let Some(chain) = firewall.chains.get_mut(&base) {
                for (offset, line) in reader.stray.iter().enumerate() {
                    let why = Bilingual::new("outside any chain", "utanför alla kedjor");
                    chain.rules.insert(offset, Rule::unreadable(*line, &why));
                }
            }
        }
    }
    firewall
}

/// What a rule's words say, and the first word not understood (which makes it uncertain).
pub fn parse_rule(line: usize, text: &str, set: impl Fn(&str) -> Option<String>) -> (Rule, Option<Unreadable>) {
    let tokens = words(text);
    let mut rule = Rule::matching_everything(line);
    let mut uncertain: Vec<Bilingual> = Vec::new();
    let mut not_understood: Option<String> = None;
    let mut never = false;
    let mut index = 0;
    let token = |index: usize| tokens.get(index).map(String::as_str).unwrap_or("");
    // An optional comparison, then a value; returns (negated, value, next index).
    let operand = |index: usize| -> (bool, Option<&str>, usize) {
        match token(index) {
            "==" | "eq" => (false, tokens.get(index + 1).map(String::as_str), index + 2),
            "!=" | "ne" => (true, tokens.get(index + 1).map(String::as_str), index + 2),
            "<" | ">" | "<=" | ">=" | "lt" | "gt" | "le" | "ge" => (false, None, index + 2),
            _ => (false, tokens.get(index).map(String::as_str), index + 1),
        }
    };
    let resolve = |value: &str, dimension: usize| -> Option<IntervalSet> {
        match value.strip_prefix('@') {
            Some(name) => set(name).and_then(|elements| value_set(&elements, dimension)),
            None => value_set(value, dimension),
        }
    };
    while index < tokens.len() {
        let word = token(index);
        match word {
            "ip" | "tcp" | "udp" | "th" | "meta" | "ct" | "ip6" => {
                let field = token(index + 1);
                let (negated, value, next) = operand(index + 2);
                let comparison = token(index + 2);
                match (word, field) {
                    ("ip6", _) => {
                        never = true;
                        index = next;
                    }
                    ("ip", "saddr" | "daddr") => {
                        let dimension = if field == "saddr" { SOURCE } else { DESTINATION };
                        match value.and_then(|value| resolve(value, dimension)) {
                            Some(values) => {
                                let values = if negated { values.complement(dimension) } else { values };
                                rule.matches.0[dimension] = rule.matches.0[dimension].intersect(&values);
                            }
                            None => {
                                let value = value.unwrap_or(comparison);
                                uncertain.push(bilingual!(
                                    "line {line}: the addresses \"{value}\" are not understood",
                                    "rad {line}: adresserna \"{value}\" förstås inte"
                                ))
                            }
                        }
                        index = next;
                    }
                    ("tcp" | "udp" | "th", "dport") => {
                        match word {
                            "tcp" => rule.protocols = rule.protocols.and(Protocols::only(Protocol::Tcp)),
                            "udp" => rule.protocols = rule.protocols.and(Protocols::only(Protocol::Udp)),
                            _ => {}
                        }
                        let values = match comparison {
                            "<" | "lt" => value_set(token(index + 3), PORT).map(|set| below(&set, 0)),
                            "<=" | "le" => value_set(token(index + 3), PORT).map(|set| below(&set, 1)),
                            ">" | "gt" => value_set(token(index + 3), PORT).map(|set| above(&set, 1)),
                            ">=" | "ge" => value_set(token(index + 3), PORT).map(|set| above(&set, 0)),
                            _ => value.and_then(|value| resolve(value, PORT)),
                        };
                        match values {
                            Some(values) => {
                                let values = if negated { values.complement(PORT) } else { values };
                                rule.matches.0[PORT] = rule.matches.0[PORT].intersect(&values);
                            }
                            None => {
                                let value = value.unwrap_or(comparison);
                                uncertain.push(bilingual!(
                                    "line {line}: the ports \"{value}\" are not understood",
                                    "rad {line}: portarna \"{value}\" förstås inte"
                                ))
                            }
                        }
                        index = next;
                    }
                    ("tcp" | "udp" | "th", _) => {
                        match word {
                            "tcp" => rule.protocols = rule.protocols.and(Protocols::only(Protocol::Tcp)),
                            "udp" => rule.protocols = rule.protocols.and(Protocols::only(Protocol::Udp)),
                            _ => {}
                        }
                        uncertain.push(bilingual!(
                            "line {line}: depends on the {word} {field}",
                            "rad {line}: beror på {word} {field}"
                        ));
                        index = next;
                    }
                    ("ip", "protocol") | ("meta", "l4proto" | "protocol")
                        if value.is_none_or(|value| value == "vmap" || value.starts_with('@')) =>
                    {
                        // A verdict map or a named set of protocols: not read.
                        not_understood.get_or_insert_with(|| format!("{word} {field} {}", value.unwrap_or("")));
                        rule.action = last_verdict(&tokens[index..]);
                        index = tokens.len();
                    }
                    ("ip", "protocol") | ("meta", "l4proto" | "protocol") => {
                        let values = value.unwrap_or("");
                        let inner = values.trim_matches(|c| c == '{' || c == '}');
                        let mut protocols = Protocols::NONE;
                        for name in inner.split(',').map(str::trim) {
                            match name {
                                "tcp" | "6" => protocols.tcp = true,
                                "udp" | "17" => protocols.udp = true,
                                "icmp" | "1" | "igmp" | "2" | "esp" | "50" | "ah" | "51" | "gre" | "47" | "sctp"
                                | "132" | "icmpv6" | "58" | "ip" | "ip6" | "arp" | "udplite" | "136" | "dccp" => {}
                                _ if field == "protocol" && word == "meta" => {}
                                other => {
                                    not_understood.get_or_insert_with(|| format!("protocol {other}"));
                                    protocols = Protocols::ANY;
                                }
                            }
                        }
                        if field == "protocol" && word == "meta" {
                            // meta protocol is the ethertype: ip passes, ip6 never is IPv4.
                            if inner.contains("ip6") && !inner.contains("ip,") && inner != "ip" {
                                never = true;
                            }
                        } else {
                            let protocols = if negated { protocols.not() } else { protocols };
                            rule.protocols = rule.protocols.and(protocols);
                        }
                        index = next;
                    }
                    ("meta", "nfproto") => {
                        let value = value.unwrap_or("");
                        let is_ipv4 = value.contains("ipv4");
                        if is_ipv4 == negated {
                            never = true;
                        }
                        index = next;
                    }
                    ("meta", "nftrace" | "mark" | "priority") if token(index + 2) == "set" => index += 4,
                    ("meta", _) => {
                        uncertain.push(bilingual!(
                            "line {line}: depends on meta {field}",
                            "rad {line}: beror på meta {field}"
                        ));
                        index = next;
                    }
                    ("ct", "state") => {
                        if token(index + 2) == "vmap" {
                            let map = token(index + 3);
                            let verdict = map
                                .trim_matches(|c| c == '{' || c == '}')
                                .split(',')
                                .filter_map(|entry| entry.split_once(':'))
                                .find(|(state, _)| state.trim() == "new")
                                .map(|(_, verdict)| verdict.trim().to_owned());
                            match verdict.as_deref() {
                                Some("accept") => rule.action = Action::Accept,
                                Some("drop") | Some("reject") => rule.action = Action::Drop,
                                Some(other) => match other.split_once(' ') {
                                    Some(("jump", target)) => rule.action = Action::Jump(target.trim().into()),
                                    Some(("goto", target)) => rule.action = Action::Goto(target.trim().into()),
                                    _ => rule.action = Action::Unknown,
                                },
                                None => never = true,
                            }
                            index += 4;
                            continue;
                        }
                        let value = value.unwrap_or("");
                        // A new connection's first packet is in state "new" (not "untracked").
                        let has_new =
                            value.trim_matches(|c| c == '{' || c == '}').split(',').any(|state| state.trim() == "new");
                        if has_new == negated {
                            never = true;
                        }
                        index = next;
                    }
                    ("ct", _) => {
                        uncertain
                            .push(bilingual!("line {line}: depends on ct {field}", "rad {line}: beror på ct {field}"));
                        index = next;
                    }
                    _ => {
                        not_understood.get_or_insert_with(|| format!("{word} {field}"));
                        rule.action = last_verdict(&tokens[index..]);
                        index = tokens.len();
                    }
                }
            }
            "iifname" | "oifname" | "iif" | "oif" => {
                let (negated, value, next) = operand(index + 1);
                let value = value.unwrap_or("");
                let names: Vec<String> = value
                    .trim_matches(|c| c == '{' || c == '}')
                    .split(',')
                    .map(|name| name.trim().trim_matches('"').to_owned())
                    .filter(|name| !name.is_empty())
                    .collect();
                if names.is_empty() || value.starts_with('@') {
                    uncertain.push(bilingual!(
                        "line {line}: depends on the interface ({word} {value})",
                        "rad {line}: beror på gränssnittet ({word} {value})"
                    ));
                } else {
                    rule.interfaces.push(InterfaceMatch {
                        ingress: word.starts_with('i'),
                        names,
                        negated,
                        text: format!("{word} {}{value}", if negated { "!= " } else { "" }),
                    });
                }
                index = next;
            }
            "iiftype" | "oiftype" => {
                let (_, value, next) = operand(index + 1);
                let value = value.unwrap_or("?");
                uncertain.push(bilingual!(
                    "line {line}: depends on the interface ({word} {value})",
                    "rad {line}: beror på gränssnittet ({word} {value})"
                ));
                index = next;
            }
            "icmp" | "icmpv6" | "igmp" | "sctp" | "dccp" | "esp" | "ah" | "gre" | "udplite" => {
                never = true;
                let (_, _, next) = operand(index + 2);
                index = next;
            }
            "counter" => {
                index += 1;
                while matches!(token(index), "packets" | "bytes") {
                    index += 2;
                }
            }
            "log" => {
                index += 1;
                while matches!(token(index), "prefix" | "level" | "flags" | "group" | "snaplen" | "queue-threshold") {
                    index += if token(index) == "flags" && token(index + 1) == "tcp" { 3 } else { 2 };
                }
            }
            "comment" => index += 2,
            "limit" | "quota" => {
                uncertain.push(bilingual!(
                    "line {line}: a {word} matches only part of the traffic",
                    "rad {line}: en {word} matchar bara en del av trafiken"
                ));
                index += 1;
                while index < tokens.len()
                    && !matches!(
                        token(index),
                        "accept" | "drop" | "reject" | "jump" | "goto" | "return" | "counter" | "log"
                    )
                {
                    index += 1;
                }
            }
            "accept" => {
                rule.action = Action::Accept;
                index += 1;
            }
            "drop" => {
                rule.action = Action::Drop;
                index += 1;
            }
            "reject" => {
                rule.action = Action::Drop;
                index = tokens.len();
            }
            "return" => {
                rule.action = Action::Return;
                index += 1;
            }
            "continue" => index += 1,
            "jump" | "goto" => {
                let target = token(index + 1).to_owned();
                rule.action = if word == "jump" { Action::Jump(target) } else { Action::Goto(target) };
                index += 2;
            }
            "notrack" => index += 1,
            PLACED => {
                uncertain.push(bilingual!(
                    "line {line}: placed by position or handle, which sitecheck does not follow",
                    "rad {line}: placerad med position eller handle, vilket sitecheck inte följer"
                ));
                index += 1;
            }
            "flow" => {
                // Flow offloading (OpenWrt's fw4): a fast path for accepted traffic, no verdict.
                index += 1;
                while index < tokens.len() && !matches!(token(index), "accept" | "drop" | "reject" | "counter") {
                    index += 1;
                }
            }
            _ => {
                not_understood.get_or_insert_with(|| word.to_owned());
                rule.action = last_verdict(&tokens[index..]);
                index = tokens.len();
            }
        }
    }
    rule.finish(uncertain, not_understood, never)
}

/// What a rule the reader could not follow does: its last verdict word, else unknown.
fn last_verdict(tokens: &[String]) -> Action {
    tokens
        .iter()
        .rev()
        .find_map(|word| match word.as_str() {
            "accept" => Some(Action::Accept),
            "drop" | "reject" => Some(Action::Drop),
            "return" | "jump" | "goto" => Some(Action::Unknown),
            _ => None,
        })
        .unwrap_or(Action::Unknown)
}

/// Ports below every value of the set (`< n`, or `<= n` with `inclusive` 1).
fn below(set: &IntervalSet, inclusive: u32) -> IntervalSet {
    match set.intervals().first() {
        Some(&(first, _)) if first + inclusive > 0 => IntervalSet::interval(0, first + inclusive - 1),
        _ => IntervalSet::empty(),
    }
}

fn above(set: &IntervalSet, exclusive: u32) -> IntervalSet {
    match set.intervals().last() {
        Some(&(_, last)) => IntervalSet::interval(last + exclusive, 65535),
        None => IntervalSet::empty(),
    }
}
