//! Reads iptables: `iptables-save` dumps (our own exports among them) and `iptables …`
//! commands. Only the filter table decides what passes; the others are skipped.

use super::model::{Action, Chain, Policy, Protocols, Rule};
use super::region::{DESTINATION, IntervalSet, PORT, SOURCE};
use super::words::{address_interval, port_interval, words};
use super::{Firewall, Hook, Syntax};
use crate::units::Protocol;

const BUILT_IN: [(&str, Hook); 3] = [("INPUT", Hook::Input), ("FORWARD", Hook::Forward), ("OUTPUT", Hook::Output)];

/// Modules whose options the reader consumes but whose matches it cannot judge.
const UNJUDGED_MODULES: &[&str] = &[
    "limit",
    "hashlimit",
    "set",
    "mac",
    "physdev",
    "addrtype",
    "owner",
    "mark",
    "connmark",
    "length",
    "recent",
    "time",
    "string",
    "u32",
    "policy",
    "connlimit",
    "ttl",
    "dscp",
    "tos",
    "pkttype",
    "statistic",
    "geoip",
    "helper",
    "quota",
];

fn chain_mut<'a>(firewall: &'a mut Firewall, name: &str, line: usize) -> &'a mut Chain {
    firewall.chains.entry(name.to_owned()).or_insert_with(|| Chain {
        name: name.to_owned(),
        line,
        policy: None,
        policy_assumed: false,
        rules: Vec::new(),
    })
}

fn built_in(firewall: &mut Firewall, name: &str, line: usize, policy: Option<Policy>) {
    let Some((_, hook)) = BUILT_IN.iter().find(|(built_in, _)| *built_in == name) else { return };
    let declared = firewall.chains.contains_key(name);
    let chain = chain_mut(firewall, name, line);
    match policy {
        Some(policy) => {
            chain.policy = Some(policy);
            chain.policy_assumed = false;
        }
        None if !declared => {
            chain.policy = Some(Policy::Drop);
            chain.policy_assumed = true;
        }
        None => {}
    }
    if !firewall.bases.iter().any(|(_, base)| base == name) {
        firewall.bases.push((*hook, name.to_owned()));
    }
}

pub fn parse(text: &str) -> Firewall {
    let mut firewall = Firewall::new(Syntax::Iptables);
    let mut table = String::from("filter");
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(name) = trimmed.strip_prefix('*') {
            table = name.trim().to_owned();
            continue;
        }
        if trimmed == "COMMIT" {
            table = "filter".into();
            continue;
        }
        let mut tokens = words(trimmed);
        // "sudo iptables -t filter -A …" as a command.
        if tokens.first().is_some_and(|word| word == "sudo") {
            tokens.remove(0);
        }
        match tokens.first().map(String::as_str) {
            Some("ip6tables" | "ip6tables-legacy" | "ip6tables-nft") => continue,
            Some("iptables" | "iptables-legacy" | "iptables-nft") => {
                tokens.remove(0);
            }
            _ => {}
        }
        let mut command_table = table.clone();
        if let Some(position) = tokens.iter().position(|word| word == "-t" || word == "--table") {
            command_table = tokens.get(position + 1).cloned().unwrap_or_default();
            tokens.drain(position..(position + 2).min(tokens.len()));
        }
        if command_table != "filter" {
            let drops = trimmed.contains("-j DROP") || trimmed.contains("-j REJECT");
            let note = format!("the {command_table} table drops some traffic; only the filter table is judged");
            if drops && !firewall.assumptions.contains(&note) {
                firewall.assumptions.push(note);
            }
            continue;
        }
        if let Some(declaration) = trimmed.strip_prefix(':') {
            let parts: Vec<&str> = declaration.split_whitespace().collect();
            let (Some(name), Some(policy)) = (parts.first(), parts.get(1)) else {
                firewall.problem(line, trimmed, "a chain line needs a name and a policy, like \":FORWARD DROP [0:0]\"");
                continue;
            };
            match *policy {
                "ACCEPT" => built_in(&mut firewall, name, line, Some(Policy::Accept)),
                "DROP" => built_in(&mut firewall, name, line, Some(Policy::Drop)),
                "-" => {
                    chain_mut(&mut firewall, name, line);
                }
                other => firewall.problem(line, trimmed, format!("policy \"{other}\" is neither ACCEPT nor DROP")),
            }
            continue;
        }
        let word = |index: usize| tokens.get(index).map(String::as_str).unwrap_or("");
        match word(0) {
            "-P" | "--policy" => match word(2) {
                "ACCEPT" => built_in(&mut firewall, word(1), line, Some(Policy::Accept)),
                "DROP" => built_in(&mut firewall, word(1), line, Some(Policy::Drop)),
                other => firewall.problem(line, trimmed, format!("policy \"{other}\" is neither ACCEPT nor DROP")),
            },
            "-N" | "--new-chain" => {
                chain_mut(&mut firewall, word(1), line);
            }
            "-F" | "--flush" => {
                if let Some(chain) = firewall.chains.get_mut(word(1)) {
                    chain.rules.clear();
                }
            }
            "-A" | "--append" | "-I" | "--insert" => {
                let name = word(1).to_owned();
                let insert = matches!(word(0), "-I" | "--insert");
                let mut rest = 2;
                let mut position = None;
                if insert && let Ok(number) = word(2).parse::<usize>() {
                    position = Some(number.saturating_sub(1));
                    rest = 3;
                }
                if name.is_empty() {
                    firewall.problem(line, trimmed, "no chain named after -A");
                    continue;
                }
                if !firewall.chains.contains_key(&name) {
                    built_in(&mut firewall, &name, line, None);
                    if firewall.chains.get(&name).is_some_and(|chain| chain.policy_assumed) {
                        firewall.assumptions.push(format!("chain {name}'s policy is not in the text: read as DROP"));
                    }
                    chain_mut(&mut firewall, &name, line);
                }
                firewall.note_replies(&name, trimmed);
                let (rule, not_understood) = parse_rule(line, &tokens[rest..]);
                if let Some(word) = not_understood {
                    firewall.problem(
                        line,
                        trimmed,
                        format!("\"{word}\" is not understood, so the rule's effect is unknown"),
                    );
                }
                let chain = chain_mut(&mut firewall, &name, line);
                match (insert, position) {
                    (true, Some(position)) => chain.rules.insert(position.min(chain.rules.len()), rule),
                    (true, None) => chain.rules.insert(0, rule),
                    (false, _) => chain.rules.push(rule),
                }
            }
            _ => firewall.problem(line, trimmed, "not an iptables-save line or iptables command"),
        }
    }
    // A jump to a name that is no chain is a target the reader does not know.
    let names: Vec<String> = firewall.chains.keys().cloned().collect();
    for chain in firewall.chains.values_mut() {
        for rule in &mut chain.rules {
            if let Action::Jump(target) | Action::Goto(target) = &rule.action
                && !names.contains(target)
            {
                rule.uncertain.get_or_insert_with(|| format!("line {}: target {target} is not understood", rule.line));
                rule.action = Action::Unknown;
            }
        }
    }
    // A line the reader could not read may have been any rule: it makes every base chain
    // uncertain from its position on; it is put first, which only widens what is unknown.
    let stray: Vec<usize> = firewall
        .problems
        .iter()
        .filter(|problem| !problem.problem.contains("is not understood"))
        .map(|problem| problem.line)
        .collect();
    if !stray.is_empty() {
        if firewall.bases.is_empty() {
            built_in(&mut firewall, "FORWARD", 1, None);
        }
        for (_, base) in firewall.bases.clone() {
            if let Some(chain) = firewall.chains.get_mut(&base) {
                for (offset, line) in stray.iter().enumerate() {
                    chain.rules.insert(offset, Rule::unreadable(*line, "not read"));
                }
            }
        }
    }
    firewall
}

fn protocol_set(word: &str) -> Option<Protocols> {
    match word.to_ascii_lowercase().as_str() {
        "tcp" | "6" => Some(Protocols::only(Protocol::Tcp)),
        "udp" | "17" => Some(Protocols::only(Protocol::Udp)),
        "all" | "0" => Some(Protocols::ANY),
        _ => Some(Protocols::NONE),
    }
}

/// Reads the match options and target of one rule.
pub fn parse_rule(line: usize, tokens: &[String]) -> (Rule, Option<String>) {
    let mut rule = Rule::matching_everything(line);
    let mut uncertain: Vec<String> = Vec::new();
    let mut not_understood: Option<String> = None;
    let mut never = false;
    let mut negate = false;
    let mut index = 0;
    let token = |index: usize| tokens.get(index).map(String::as_str).unwrap_or("");
    let is_option_start = |word: &str| word.starts_with('-') && !word.starts_with("--") || word == "!";
    let intersect = |rule: &mut Rule, dimension: usize, set: IntervalSet, negated: bool| {
        let set = if negated { set.complement(dimension) } else { set };
        rule.matches.0[dimension] = rule.matches.0[dimension].intersect(&set);
    };
    while index < tokens.len() {
        let word = token(index);
        let value = token(index + 1);
        let negated = std::mem::take(&mut negate);
        match word {
            "!" => {
                negate = true;
                index += 1;
                continue;
            }
            "-s" | "--source" | "--src" | "-d" | "--destination" | "--dst" => {
                let dimension = if word.starts_with("-s") || word.starts_with("--s") { SOURCE } else { DESTINATION };
                // The old form "-s ! 1.2.3.4".
                let (negated, value, step) =
                    if value == "!" { (true, token(index + 2), 3) } else { (negated, value, 2) };
                let set = value.split(',').map(address_interval).collect::<Option<Vec<_>>>();
                match set {
                    Some(intervals) => intersect(&mut rule, dimension, IntervalSet::from_intervals(intervals), negated),
                    None => uncertain.push(format!("line {line}: the address \"{value}\" is not understood")),
                }
                index += step;
            }
            "-p" | "--protocol" => {
                let protocols = protocol_set(value).unwrap_or(Protocols::NONE);
                rule.protocols = rule.protocols.and(if negated { protocols.not() } else { protocols });
                index += 2;
            }
            "-m" | "--match" => match value {
                "tcp" | "udp" | "multiport" | "iprange" | "conntrack" | "state" | "comment" => index += 2,
                module if UNJUDGED_MODULES.contains(&module) => {
                    uncertain.push(format!("line {line}: depends on -m {module}"));
                    index += 2;
                    while index < tokens.len() && !is_option_start(token(index)) {
                        index += 1;
                    }
                }
                module => {
                    not_understood.get_or_insert_with(|| format!("-m {module}"));
                    index += 2;
                    while index < tokens.len() && !is_option_start(token(index)) {
                        index += 1;
                    }
                }
            },
            "--dport" | "--destination-port" | "--dports" | "--destination-ports" => {
                let set = value.split(',').map(port_interval).collect::<Option<Vec<_>>>();
                match set {
                    Some(intervals) => intersect(&mut rule, PORT, IntervalSet::from_intervals(intervals), negated),
                    None => uncertain.push(format!("line {line}: the ports \"{value}\" are not understood")),
                }
                index += 2;
            }
            "--sport" | "--source-port" | "--sports" | "--source-ports" | "--ports" => {
                uncertain.push(format!("line {line}: depends on the source port ({word} {value})"));
                index += 2;
            }
            "--src-range" | "--dst-range" => {
                let dimension = if word == "--src-range" { SOURCE } else { DESTINATION };
                match address_interval(value) {
                    Some((first, last)) => intersect(&mut rule, dimension, IntervalSet::interval(first, last), negated),
                    None => uncertain.push(format!("line {line}: the range \"{value}\" is not understood")),
                }
                index += 2;
            }
            "--ctstate" | "--state" => {
                // A new connection's first packet is NEW (not UNTRACKED).
                let has_new = value.split(',').any(|state| state == "NEW");
                if has_new == negated {
                    never = true;
                }
                index += 2;
            }
            "--comment" => index += 2,
            "--syn" => {
                if negated {
                    uncertain.push(format!("line {line}: depends on the TCP flags (! --syn)"));
                }
                index += 1;
            }
            "-i" | "--in-interface" | "-o" | "--out-interface" => {
                uncertain.push(format!("line {line}: depends on the interface ({word} {value})"));
                index += 2;
            }
            "--tcp-flags" => {
                uncertain.push(format!("line {line}: depends on the TCP flags"));
                index += 3;
            }
            "-f" | "--fragment" => {
                // Fragments: a new connection's first packet is not one; "! -f" matches it.
                if !negated {
                    never = true;
                }
                index += 1;
            }
            "-4" | "--ipv4" => index += 1,
            "-6" | "--ipv6" => {
                never = true;
                index += 1;
            }
            "-c" | "--set-counters" => index += 3,
            "-j" | "--jump" | "-g" | "--goto" => {
                rule.action = match value {
                    "ACCEPT" => Action::Accept,
                    "DROP" | "REJECT" | "TARPIT" => Action::Drop,
                    "RETURN" => Action::Return,
                    "LOG" | "NFLOG" | "ULOG" | "MARK" | "CONNMARK" | "TCPMSS" | "NOTRACK" | "AUDIT" => Action::Continue,
                    chain if word.starts_with("-g") || word == "--goto" => Action::Goto(chain.to_owned()),
                    chain => Action::Jump(chain.to_owned()),
                };
                index += 2;
                // The target's own options.
                while index < tokens.len() && !is_option_start(token(index)) {
                    index += 1;
                }
                while token(index).starts_with("--") {
                    index += 1;
                    while index < tokens.len() && !token(index).starts_with('-') {
                        index += 1;
                    }
                }
            }
            other => {
                not_understood.get_or_insert_with(|| other.to_owned());
                index += 1;
                while index < tokens.len() && !is_option_start(token(index)) && !token(index).starts_with("--") {
                    index += 1;
                }
            }
        }
    }
    if let Some(word) = &not_understood {
        uncertain.insert(0, format!("line {line} not understood: \"{word}\""));
    }
    if never {
        rule.protocols = Protocols::NONE;
    }
    if !uncertain.is_empty() {
        rule.uncertain = Some(uncertain.join("; "));
    }
    (rule, not_understood)
}
