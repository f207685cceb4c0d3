//! Reads a rule list as CSV: a header naming the columns (action, protocol, ports, source,
//! destination, and optionally direction), then one rule per row, first match wins. The
//! delimiter is a comma, a semicolon (Excel in Swedish) or a tab.

use super::model::{Action, Chain, Policy, Protocols, Rule};
use super::region::{DESTINATION, IntervalSet, PORT, Product, SOURCE};
use super::unreadable::Unreadable;
use super::words::value_set;
use super::{Firewall, Hook, Syntax};
use crate::bilingual;
use crate::locale::Bilingual;
use crate::units::Protocol;

pub const OUTBOUND: &str = "CSV rows (outbound)";
pub const INBOUND: &str = "CSV rows (inbound)";

/// Splits one row; quotes may hold the delimiter, and "" is a quote.
pub fn split_row(line: &str, delimiter: char) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '"' && quoted && chars.peek() == Some(&'"') {
            chars.next();
            if let Some(field) = fields.last_mut() {
                field.push('"');
            }
        } else if c == '"' {
            quoted = !quoted;
        } else if c == delimiter && !quoted {
            fields.push(String::new());
        } else if let Some(field) = fields.last_mut() {
            field.push(c);
        }
    }
    fields.into_iter().map(|field| field.trim().to_owned()).collect()
}

#[derive(Debug, Default)]
struct Columns {
    action: Option<usize>,
    protocol: Option<usize>,
    ports: Option<usize>,
    source: Option<usize>,
    destination: Option<usize>,
    direction: Option<usize>,
    /// Columns that may narrow a rule but are not read (source port, schedule, enabled…):
    /// a row with a value there is uncertain.
    unread: Vec<(usize, Bilingual)>,
}

/// Columns that only describe a rule.
const DESCRIPTIVE: &[&str] = &[
    "id",
    "section",
    "comment",
    "comments",
    "description",
    "name",
    "rule",
    "rule name",
    "notes",
    "note",
    "label",
    "source name",
    "destination name",
    "#",
    "number",
    "no",
    "hits",
    "created",
    "owner",
];

fn columns(header: &[String]) -> Columns {
    let mut columns = Columns::default();
    let names: Vec<String> =
        header.iter().map(|name| name.to_ascii_lowercase().replace(['_', '-'], " ").trim().to_owned()).collect();
    // Of two "Port" columns, the one after the destination is its port, the one before it the
    // source's (pfSense).
    let port_columns = names.iter().filter(|name| matches!(name.as_str(), "port" | "ports")).count();
    let destination_at = names.iter().position(|name| {
        matches!(name.as_str(), "destination" | "dst" | "destination address" | "destination addresses" | "to")
    });
    for (index, name) in names.iter().enumerate() {
        let slot = match name.as_str() {
            "action" | "verdict" | "permission" | "allow/deny" => &mut columns.action,
            "protocol" | "proto" => &mut columns.protocol,
            "port" | "ports" if port_columns > 1 && destination_at.is_some_and(|at| index < at) => {
                columns.unread.push((
                    index,
                    bilingual!("{name} (before the destination: the source's)", "{name} (före destinationen: källans)"),
                ));
                continue;
            }
            "ports" | "port" | "dport" | "destination port" | "destination ports" | "dst port" | "service" => {
                &mut columns.ports
            }
            "source" | "src" | "source address" | "source addresses" | "from" => &mut columns.source,
            "destination" | "dst" | "destination address" | "destination addresses" | "to" => &mut columns.destination,
            "direction" => &mut columns.direction,
            name if DESCRIPTIVE.contains(&name) => continue,
            name => {
                columns.unread.push((index, Bilingual::same(name)));
                continue;
            }
        };
        if slot.is_some() {
            columns.unread.push((index, bilingual!("a second {name} column", "en andra kolumn {name}")));
        } else {
            *slot = Some(index);
        }
    }
    columns
}

fn any(text: &str) -> bool {
    matches!(text.trim().to_ascii_lowercase().as_str(), "" | "any" | "*" | "all" | "0.0.0.0/0")
}

/// A cell of addresses or ports: "any", or values separated by commas, semicolons or spaces.
fn values(text: &str, dimension: usize) -> Result<IntervalSet, Unreadable> {
    if any(text) {
        return Ok(IntervalSet::full(dimension));
    }
    value_set(&text.replace([';', ' '], ","), dimension).ok_or_else(|| {
        let text = text.to_owned();
        if dimension == PORT { Unreadable::PortList { text } } else { Unreadable::AddressList { text } }
    })
}

fn protocols(text: &str) -> Result<Protocols, Unreadable> {
    let text = text.trim().to_ascii_lowercase();
    if any(&text) || text == "tcp/udp" || text == "tcp+udp" || text == "tcp-udp" {
        return Ok(Protocols::ANY);
    }
    match text.as_str() {
        "tcp" => Ok(Protocols::only(Protocol::Tcp)),
        "udp" => Ok(Protocols::only(Protocol::Udp)),
        "icmp" | "esp" | "gre" => Ok(Protocols::NONE),
        other => Err(Unreadable::Protocol { protocol: other.to_owned() }),
    }
}

fn action(text: &str) -> Result<Action, Unreadable> {
    match text.trim().to_ascii_lowercase().as_str() {
        "allow" | "accept" | "permit" | "pass" | "open" | "yes" => Ok(Action::Accept),
        "deny" | "drop" | "reject" | "block" | "closed" | "no" => Ok(Action::Drop),
        other => Err(Unreadable::AllowOrDeny { action: other.to_owned() }),
    }
}

pub fn parse(text: &str) -> Firewall {
    let mut firewall = Firewall::new(Syntax::Csv);
    let mut header: Option<(Columns, char)> = None;
    for name in [OUTBOUND, INBOUND] {
        firewall.chains.insert(
            name.into(),
            Chain { name: name.into(), line: 1, policy: Some(Policy::Drop), policy_assumed: true, rules: Vec::new() },
        );
    }
    firewall.bases.push((Hook::Output, OUTBOUND.into()));
    firewall.bases.push((Hook::Input, INBOUND.into()));
    firewall.assumptions.push(Bilingual::new(
        "a CSV list has no policy: what no row allows is read as denied",
        "en CSV-lista har ingen policy: det som ingen rad tillåter läses som nekat",
    ));
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim().trim_start_matches('\u{feff}');
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((columns, delimiter)) = &header else {
            let delimiter = [',', ';', '\t'].into_iter().max_by_key(|d| trimmed.matches(*d).count()).unwrap_or(',');
            let fields = split_row(trimmed, delimiter);
            let found = columns(&fields);
            if found.protocol.is_some() || found.ports.is_some() {
                if found.action.is_none() {
                    firewall.assumptions.push(Bilingual::new(
                        "the CSV has no action column: every row is read as an allow",
                        "CSV-filen har ingen kolumn för åtgärd: varje rad läses som tillåtande",
                    ));
                }
                let sides = [(found.source, "source", "källa"), (found.destination, "destination", "destination")];
                for (column, missing, saknas) in sides {
                    if column.is_none() {
                        firewall.assumptions.push(bilingual!(
                            "the CSV has no {missing} column: every row is read as any {missing}",
                            "CSV-filen har ingen kolumn för {saknas}: varje rad läses som vilken {saknas} som helst"
                        ));
                    }
                }
                header = Some((found, delimiter));
            } else {
                firewall.problem(line, trimmed, Unreadable::RowBeforeHeader);
                push_unreadable(
                    &mut firewall,
                    line,
                    &Bilingual::new("a row before the header", "en rad före rubrikraden"),
                );
            }
            continue;
        };
        let fields = split_row(trimmed, *delimiter);
        let get = |column: Option<usize>| column.and_then(|index| fields.get(index)).map_or("", String::as_str);
        let rule = (|| -> Result<(Rule, Option<String>), Unreadable> {
            let action = match columns.action {
                Some(_) => action(get(columns.action))?,
                None => Action::Accept,
            };
            let unread: Vec<Bilingual> = columns
                .unread
                .iter()
                .filter(|(index, _)| fields.get(*index).is_some_and(|value| !any(value)))
                .map(|(index, Bilingual { en, sv })| {
                    let value = &fields[*index];
                    bilingual!("{en} \"{value}\"", "{sv} \"{value}\"")
                })
                .collect();
            let rule = Rule {
                line,
                protocols: protocols(get(columns.protocol))?,
                matches: Product([
                    values(get(columns.source), SOURCE)?,
                    values(get(columns.destination), DESTINATION)?,
                    values(get(columns.ports), PORT)?,
                ]),
                uncertain: (!unread.is_empty()).then(|| {
                    let Bilingual { en, sv } = Bilingual::join(&unread, ", ", ", ");
                    bilingual!(
                        "line {line}: depends on columns not read: {en}",
                        "rad {line}: beror på kolumner som inte läses: {sv}"
                    )
                }),
                interfaces: Vec::new(),
                action,
            };
            let direction = get(columns.direction).to_ascii_lowercase();
            let direction = match direction.as_str() {
                "" | "both" | "any" => None,
                "outbound" | "out" | "egress" => Some(OUTBOUND.to_owned()),
                "inbound" | "in" | "ingress" => Some(INBOUND.to_owned()),
                other => return Err(Unreadable::InboundOrOutbound { direction: other.to_owned() }),
            };
            Ok((rule, direction))
        })();
        match rule {
            Ok((rule, direction)) => {
                for name in [OUTBOUND, INBOUND] {
                    if direction.as_deref().is_none_or(|only| only == name)
                        && let Some(chain) = firewall.chains.get_mut(name)
                    {
                        chain.rules.push(rule.clone());
                    }
                }
            }
            Err(problem) => {
                let why = problem.text();
                firewall.problem(line, trimmed, problem);
                push_unreadable(&mut firewall, line, &why);
            }
        }
    }
    firewall
}

fn push_unreadable(firewall: &mut Firewall, line: usize, why: &Bilingual) {
    for name in [OUTBOUND, INBOUND] {
        if let Some(chain) = firewall.chains.get_mut(name) {
            chain.rules.push(Rule::unreadable(line, why));
        }
    }
}
