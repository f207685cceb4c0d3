//! What a web page cannot test, and why: the ports browsers refuse, and the openings of
//! chapter 6 a page cannot see. Each limit names the services or rules it is about; which rows
//! of the tables it cites is worked out from `FIREWALL_RULES`, so the citation cannot drift.

use crate::firewall::{Direction, FIREWALL_RULES, FirewallRule};
use crate::locale::{Locale, Text};
use crate::requirement::RequirementId;
use crate::units::Service;
use serde::Serialize;

/// Ports every browser refuses to request, whatever the network allows: the "bad ports" of
/// the Fetch standard (port blocking), which Chromium, Firefox and WebKit all apply. SIP's
/// 5060 and 5061 are among them. Sorted, so that it can be searched.
pub const BROWSER_BLOCKED_PORTS: &[u16] = &[
    0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109,
    110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531,
    532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060,
    5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
];

/// Whether browsers refuse to request this port.
pub fn browser_blocks_port(port: u16) -> bool {
    BROWSER_BLOCKED_PORTS.binary_search(&port).is_ok()
}

/// What a limit is about.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum LimitSubject {
    /// The outbound openings of these services, in every table that lists them.
    Outbound { services: &'static [Service] },
    /// Every opening in this direction.
    Every { direction: Direction },
    /// A requirement that no firewall row states.
    Requirement { requirement: RequirementId },
}

/// What a browser cannot test, why, and where to test it instead.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct BrowserLimit {
    /// What the subject is, in words ("SIPS"); its services and citation come from the tables.
    pub what: Text,
    pub about: LimitSubject,
    pub reason: Text,
    pub instead: Text,
}

impl BrowserLimit {
    /// The rows of chapter 6 the limit is about, in table order; none for a requirement.
    pub fn rules(&self) -> Vec<&'static FirewallRule> {
        FIREWALL_RULES
            .iter()
            .filter(|rule| match self.about {
                LimitSubject::Outbound { services } => {
                    rule.direction == Direction::Outbound
                        && rule.services.iter().any(|service| services.contains(service))
                }
                LimitSubject::Every { direction } => rule.direction == direction,
                LimitSubject::Requirement { .. } => false,
            })
            .collect()
    }

    /// Where the spec says it: the ids of the rows, or the requirement's section.
    pub fn citation(&self) -> Vec<&'static str> {
        match self.about {
            LimitSubject::Requirement { requirement } => vec![requirement.section().as_str()],
            LimitSubject::Outbound { .. } | LimitSubject::Every { .. } => {
                self.rules().iter().map(|rule| rule.id).collect()
            }
        }
    }

    /// The line's heading: the services where the limit names them ("TCP/5061 (SIPS)"), in
    /// English.
    pub fn heading(&self) -> String {
        self.heading_in(Locale::En)
    }

    /// The line's heading in `locale`.
    pub fn heading_in(&self, locale: Locale) -> String {
        let what = self.what.get(locale);
        match self.about {
            LimitSubject::Outbound { services } => {
                let services: Vec<String> = services.iter().map(Service::to_string).collect();
                format!("{} ({what})", in_words(&services, locale))
            }
            LimitSubject::Every { .. } | LimitSubject::Requirement { .. } => what.to_owned(),
        }
    }

    /// The whole line as the page shows it, in English.
    pub fn line(&self) -> String {
        self.line_in(Locale::En)
    }

    /// The whole line in `locale`.
    pub fn line_in(&self, locale: Locale) -> String {
        let instead = match locale {
            Locale::En => "Instead",
            Locale::Sv => "I stället",
        };
        format!(
            "({}): {}. {instead}: {}.",
            in_words(&self.citation(), locale),
            self.reason.get(locale),
            self.instead.get(locale)
        )
    }
}

/// "a", "a and b", "a, b and c" ("a, b och c" in Swedish).
fn in_words<T: AsRef<str>>(items: &[T], locale: Locale) -> String {
    let and = match locale {
        Locale::En => "and",
        Locale::Sv => "och",
    };
    match items {
        [] => String::new(),
        [only] => only.as_ref().to_owned(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} {and} {}", rest.join(", "), last.as_ref())
        }
    }
}

const PROBE: Text = Text { en: "sitecheck probe", sv: "sitecheck probe" };

pub const BROWSER_LIMITS: &[BrowserLimit] = &[
    BrowserLimit {
        what: Text { en: "SIPS", sv: "SIPS" },
        about: LimitSubject::Outbound { services: &[Service::tcp(5061)] },
        reason: Text {
            en: "every browser refuses this port (ERR_UNSAFE_PORT), whatever the firewall says",
            sv: "alla webbläsare vägrar den här porten (ERR_UNSAFE_PORT), vad brandväggen än tillåter",
        },
        instead: PROBE,
    },
    BrowserLimit {
        what: Text { en: "NTP", sv: "NTP" },
        about: LimitSubject::Outbound { services: &[Service::udp(123)] },
        reason: Text { en: "web pages cannot send raw UDP", sv: "webbsidor kan inte skicka rå UDP" },
        instead: PROBE,
    },
    BrowserLimit {
        what: Text {
            en: "IP phone authentication and Advanced Attendant",
            sv: "Autentisering av IP-telefoner och Advanced Attendant",
        },
        about: LimitSubject::Outbound { services: &[Service::tcp(9443), Service::tcp(211), Service::tcp(14711)] },
        reason: Text {
            en: "a page can only see whether an HTTPS server answers with a valid certificate for a name, not whether a port is open",
            sv: "en sida kan bara se om en HTTPS-server svarar med ett giltigt certifikat för ett namn, inte om en port är öppen",
        },
        instead: PROBE,
    },
    BrowserLimit {
        what: Text { en: "media", sv: "mediatrafik" },
        about: LimitSubject::Outbound { services: &[Service::udp_range(49152, 65535)] },
        reason: Text {
            en: "a page sees UDP only through WebRTC, towards the STUN/TURN servers in config.json, not towards the platform's media ports",
            sv: "en sida ser UDP bara genom WebRTC, mot STUN/TURN-servrarna i config.json, inte mot plattformens medieportar",
        },
        instead: Text {
            en: "ice_servers in config.json for the path, and confirmation of the rule",
            sv: "ice_servers i config.json för vägen dit, och bekräftelse av regeln",
        },
    },
    BrowserLimit {
        what: Text { en: "Inbound openings", sv: "Inkommande öppningar" },
        about: LimitSubject::Every { direction: Direction::Inbound },
        reason: Text {
            en: "only a connection from outside, from Telia, can show them",
            sv: "bara en anslutning utifrån, från Telia, kan visa dem",
        },
        instead: Text { en: "confirmation with Telia", sv: "bekräftelse med Telia" },
    },
    BrowserLimit {
        what: Text {
            en: "Every subdomain of the platform's DNS name",
            sv: "Varje underdomän till plattformens DNS-namn",
        },
        about: LimitSubject::Requirement { requirement: RequirementId::known("net.dns-subdomains") },
        reason: Text {
            en: "a page cannot resolve arbitrary names, only request those it knows",
            sv: "en sida kan inte slå upp godtyckliga namn, bara begära dem den känner till",
        },
        instead: Text {
            en: "sitecheck probe with the names in config.json, or confirmation",
            sv: "sitecheck probe med namnen i config.json, eller bekräftelse",
        },
    },
    BrowserLimit {
        what: Text { en: "Web proxy exclusion", sv: "Undantag från webbproxy" },
        about: LimitSubject::Requirement { requirement: RequirementId::known("net.proxy-exclusion") },
        reason: Text {
            en: "a page cannot see whether its requests went through a proxy",
            sv: "en sida kan inte se om dess begäranden gick genom en proxy",
        },
        instead: Text {
            en: "confirmation by the network administrator", sv: "bekräftelse av nätverksadministratören"
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Protocol;

    #[test]
    fn blocked_ports_are_sorted_and_hold_sip() {
        assert!(BROWSER_BLOCKED_PORTS.windows(2).all(|pair| pair[0] < pair[1]));
        for (port, blocked) in [(5060, true), (5061, true), (123, true), (443, false), (9443, false), (211, false)] {
            assert_eq!(browser_blocks_port(port), blocked, "{port}");
        }
        // The spec's 5067 and 14711 are not on the list: a browser could try them.
        assert!(!browser_blocks_port(5067) && !browser_blocks_port(14711));
    }

    fn limit(what: &str) -> &'static BrowserLimit {
        BROWSER_LIMITS.iter().find(|limit| limit.what.en == what).unwrap_or_else(|| panic!("no limit {what}"))
    }

    #[test]
    fn every_service_named_is_in_an_outbound_rule() {
        for limit in BROWSER_LIMITS {
            if let LimitSubject::Outbound { services } = limit.about {
                for service in services {
                    assert!(
                        FIREWALL_RULES
                            .iter()
                            .any(|rule| rule.direction == Direction::Outbound && rule.services.contains(service)),
                        "{}: {service} is in no outbound rule",
                        limit.what.en
                    );
                }
            }
            assert!(!limit.citation().is_empty(), "{} cites nothing", limit.what.en);
        }
    }

    #[test]
    fn citations_are_the_rules_ids() {
        let check = |what: &str, heading: &str, expected: &[&str]| {
            let limit = limit(what);
            assert_eq!(limit.citation(), expected, "{what}");
            assert_eq!(limit.heading(), heading);
            // Each id is a row of the tables, or for a requirement its section.
            for id in limit.citation() {
                let known = FIREWALL_RULES.iter().any(|rule| rule.id == id)
                    || matches!(limit.about, LimitSubject::Requirement { requirement } if requirement.section().as_str() == id);
                assert!(known, "{what} cites {id}");
            }
        };
        check("SIPS", "TCP/5061 (SIPS)", &["6.2.1", "6.5.3", "6.5.4"]);
        check("NTP", "UDP/123 (NTP)", &["6.3.1"]);
        check(
            "IP phone authentication and Advanced Attendant",
            "TCP/9443, TCP/211 and TCP/14711 (IP phone authentication and Advanced Attendant)",
            &["6.3.2", "6.6.1"],
        );
        check("media", "UDP/49152-65535 (media)", &["6.2.2", "6.5.6"]);
        check("Inbound openings", "Inbound openings", &["6.4.1", "6.5.1", "6.5.2", "6.5.5"]);
        check("Every subdomain of the platform's DNS name", "Every subdomain of the platform's DNS name", &["2.1"]);
        check("Web proxy exclusion", "Web proxy exclusion", &["2.1"]);
        assert_eq!(limit("NTP").line(), "(6.3.1): web pages cannot send raw UDP. Instead: sitecheck probe.");
        assert_eq!(limit("SIPS").line().split(')').next(), Some("(6.2.1, 6.5.3 and 6.5.4"));
    }

    #[test]
    fn a_limit_says_browsers_refuse_exactly_the_ports_they_refuse() {
        for limit in BROWSER_LIMITS {
            let LimitSubject::Outbound { services } = limit.about else { continue };
            let refused = services
                .iter()
                .all(|service| service.protocol == Protocol::Tcp && browser_blocks_port(service.ports.first().get()));
            assert_eq!(limit.reason.en.contains("refuses"), refused, "{}", limit.what.en);
        }
        // Every outbound TCP port of chapter 6 that browsers refuse has a limit that says so.
        for rule in FIREWALL_RULES.iter().filter(|rule| rule.direction == Direction::Outbound) {
            for service in rule.services.iter().filter(|service| service.protocol == Protocol::Tcp) {
                if browser_blocks_port(service.ports.first().get()) {
                    assert!(
                        BROWSER_LIMITS.iter().any(|limit| limit.reason.en.contains("refuses")
                            && limit.rules().iter().any(|cited| cited.id == rule.id)),
                        "{service} of {}",
                        rule.id
                    );
                }
            }
        }
    }

    #[test]
    fn words_join_as_a_list() {
        let check = |items: &[&str], expected: &str| assert_eq!(in_words(items, Locale::En), expected);
        check(&[], "");
        check(&["a"], "a");
        check(&["a", "b"], "a and b");
        check(&["a", "b", "c"], "a, b and c");
        assert_eq!(in_words(&["a", "b", "c"], Locale::Sv), "a, b och c");
    }
}
