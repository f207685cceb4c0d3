//! A site plan: what the customer orders and how many of each. The checklist, the bandwidth,
//! the firewall rules and share links all derive from this one model.

pub mod bandwidth;
pub mod checklist;
pub mod confirmation;
pub mod fields;
pub mod link;
pub mod report;

use crate::bandwidth::BandwidthInputs;
use crate::condition::{AccessPath, AddOn, Endpoint, PlanFacts, Role, Vendor};
use crate::firewall::{FIREWALL_RULES, FIREWALL_TABLES, FirewallRule};
use crate::requirement::{REQUIREMENTS, Requirement};
use crate::units::{Bandwidth, Percent};
use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};

/// The calendar integration chosen (3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Calendar {
    #[default]
    None,
    ExchangeOnline,
    ExchangeOnPremise,
}

/// The S4B/Lync integration level chosen (3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkypeIntegration {
    #[default]
    None,
    PresenceOnly,
    PresenceAndVoice,
}

/// Addresses of the customer's own servers, for inbound rules. Unknown ones are written as
/// placeholders from the documentation range, marked as such. Each is one address
/// ("198.51.100.10") or a network ("10.20.0.0/16").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomerAddresses {
    #[serde(deserialize_with = "address_or_network")]
    pub network: Option<Ipv4Net>,
    #[serde(deserialize_with = "address_or_network")]
    pub exchange_ews: Option<Ipv4Net>,
    #[serde(deserialize_with = "address_or_network")]
    pub s4b_front_end: Option<Ipv4Net>,
    #[serde(deserialize_with = "address_or_network")]
    pub s4b_mediation: Option<Ipv4Net>,
    #[serde(deserialize_with = "address_or_network")]
    pub ad_sync: Option<Ipv4Net>,
}

/// Why a text is not an address or network for the plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not an IPv4 address or network, such as 198.51.100.10 or 10.1.0.0/16")]
pub struct AddressError(pub String);

impl AddressError {
    pub fn message_in(&self, locale: crate::locale::Locale) -> String {
        match locale {
            crate::locale::Locale::En => self.to_string(),
            crate::locale::Locale::Sv => format!(
                "\"{}\" är ingen IPv4-adress eller inget IPv4-nätverk, som 198.51.100.10 eller 10.1.0.0/16",
                self.0
            ),
        }
    }
}

/// One address (a /32) or a network; host bits of a network are dropped
/// ("10.20.1.5/16" is 10.20.0.0/16).
pub fn parse_address_or_network(text: &str) -> Result<Ipv4Net, AddressError> {
    let text = text.trim();
    text.parse::<Ipv4Net>()
        .map(|network| network.trunc())
        .or_else(|_| text.parse::<std::net::Ipv4Addr>().map(Ipv4Net::from))
        .map_err(|_| AddressError(text.to_owned()))
}

fn address_or_network<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Ipv4Net>, D::Error> {
    let text: Option<String> = Option::deserialize(deserializer)?;
    match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => parse_address_or_network(text).map(Some).map_err(serde::de::Error::custom),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    pub access: AccessPath,
    pub softphone_pc_users: u32,
    pub softphone_mac_users: u32,
    pub ip_phones: u32,
    pub mitel_phones: bool,
    pub ata_adapters: u32,
    pub mediatrix_adapters: bool,
    /// Users whose calls run through S4B/Lync or Teams.
    pub integrated_users: u32,
    pub mobile_users: u32,
    pub agents: u32,
    /// Softphone users with the ACD or Attendant view.
    pub acd_or_attendant_users: u32,
    pub busy_percent: Percent,
    pub calendar: Calendar,
    pub calendar_users: u32,
    pub skype: SkypeIntegration,
    pub skype_users: u32,
    pub teams: bool,
    pub advanced_attendant: bool,
    pub ad_integration: bool,
    pub call_recording: bool,
    /// The uplink the customer states, to compare with the calculation (kbit/s in files).
    #[serde(rename = "uplink_kbps")]
    pub uplink: Option<Bandwidth>,
    pub addresses: CustomerAddresses,
}

impl Default for Plan {
    fn default() -> Plan {
        Plan {
            access: AccessPath::Internet,
            softphone_pc_users: 0,
            softphone_mac_users: 0,
            ip_phones: 0,
            mitel_phones: false,
            ata_adapters: 0,
            mediatrix_adapters: false,
            integrated_users: 0,
            mobile_users: 0,
            agents: 0,
            acd_or_attendant_users: 0,
            busy_percent: Percent::of(20),
            calendar: Calendar::None,
            calendar_users: 0,
            skype: SkypeIntegration::None,
            skype_users: 0,
            teams: false,
            advanced_attendant: false,
            ad_integration: false,
            call_recording: false,
            uplink: None,
            addresses: CustomerAddresses::default(),
        }
    }
}

impl PlanFacts for Plan {
    fn access(&self) -> AccessPath {
        self.access
    }

    fn has_endpoint(&self, endpoint: Endpoint) -> bool {
        match endpoint {
            // Contact-centre agents use the softphone (5.1); count them as PC users.
            Endpoint::SoftphonePc => self.softphone_pc_users > 0 || self.agents > 0,
            Endpoint::SoftphoneMac => self.softphone_mac_users > 0,
            Endpoint::IpPhone => self.ip_phones > 0,
            Endpoint::Ata => self.ata_adapters > 0,
            Endpoint::Mobile => self.mobile_users > 0,
        }
    }

    fn has_add_on(&self, add_on: AddOn) -> bool {
        match add_on {
            AddOn::ExchangeOnline => self.calendar == Calendar::ExchangeOnline,
            AddOn::ExchangeOnPremise => self.calendar == Calendar::ExchangeOnPremise,
            // 3.2.2 applies "in addition to" 3.2.1: voice includes presence.
            AddOn::S4bPresence => self.skype != SkypeIntegration::None,
            AddOn::S4bPresenceVoice => self.skype == SkypeIntegration::PresenceAndVoice,
            AddOn::Teams => self.teams,
            AddOn::AdvancedAttendant => self.advanced_attendant,
            AddOn::AdIntegration => self.ad_integration,
            AddOn::CallRecording => self.call_recording,
        }
    }

    fn has_role(&self, role: Role) -> bool {
        match role {
            Role::AcdOrAttendantView => self.acd_or_attendant_users > 0 || self.agents > 0,
        }
    }

    fn has_vendor(&self, vendor: Vendor) -> bool {
        match vendor {
            Vendor::Mediatrix => self.mediatrix_adapters && self.ata_adapters > 0,
            Vendor::Mitel => self.mitel_phones && self.ip_phones > 0,
        }
    }
}

/// A problem with a plan's values; all are reported together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanProblem {
    #[error(
        "Advanced Attendant traffic cannot be routed over DataNet (2.3.2, 3.4): it needs an Internet connection too"
    )]
    AttendantOverDataNet,
    #[error("{users} calendar users, but no Exchange integration is chosen")]
    CalendarUsersWithoutExchange { users: u32 },
    #[error("{users} S4B/Lync users, but no S4B/Lync integration is chosen")]
    SkypeUsersWithoutIntegration { users: u32 },
    #[error(
        "{adapters} ATA adapters, but Mediatrix is not ticked: the adapters download their configuration from the Internet (2.7), and 6.3 opens the way only for Mediatrix adapters (rule 6.3.3), which this plan leaves out"
    )]
    AtaWithoutMediatrix { adapters: u32 },
    #[error(
        "Teams together with the S4B/Lync integration is a hybrid of Office 365 and on-premise S4B/Lync, which 3.3 says is not supported"
    )]
    TeamsWithSkype,
}

impl PlanProblem {
    /// The problem in that language; `Display` is the English.
    pub fn message_in(&self, locale: crate::locale::Locale) -> String {
        match locale {
            crate::locale::Locale::En => self.to_string(),
            crate::locale::Locale::Sv => match self {
                PlanProblem::AttendantOverDataNet => "Trafik för Advanced Attendant kan inte routas över DataNet (2.3.2, 3.4): den behöver också en Internetanslutning".to_owned(),
                PlanProblem::CalendarUsersWithoutExchange { users } => format!("{users} kalenderanvändare, men ingen Exchange-integration är vald"),
                PlanProblem::SkypeUsersWithoutIntegration { users } => format!("{users} S4B/Lync-användare, men ingen S4B/Lync-integration är vald"),
                PlanProblem::AtaWithoutMediatrix { adapters } => format!("{adapters} ATA-adaptrar, men Mediatrix är inte markerat: adaptrarna hämtar sin konfiguration från Internet (2.7), och 6.3 öppnar vägen bara för Mediatrix-adaptrar (regel 6.3.3), som den här planen utelämnar"),
                PlanProblem::TeamsWithSkype => "Teams tillsammans med S4B/Lync-integrationen är en hybrid av Office 365 och lokal S4B/Lync, som 3.3 säger inte stöds".to_owned(),
            },
        }
    }
}

impl Plan {
    /// Everything questionable about the plan; an empty list is a consistent plan. Some
    /// entries (Advanced Attendant over DataNet) are facts of the spec the plan must work
    /// around, not input errors.
    pub fn problems(&self) -> Vec<PlanProblem> {
        let mut problems = Vec::new();
        if self.advanced_attendant && self.access == AccessPath::DataNet {
            problems.push(PlanProblem::AttendantOverDataNet);
        }
        if self.calendar == Calendar::None && self.calendar_users > 0 {
            problems.push(PlanProblem::CalendarUsersWithoutExchange { users: self.calendar_users });
        }
        if self.skype == SkypeIntegration::None && self.skype_users > 0 {
            problems.push(PlanProblem::SkypeUsersWithoutIntegration { users: self.skype_users });
        }
        if self.ata_adapters > 0 && !self.mediatrix_adapters {
            problems.push(PlanProblem::AtaWithoutMediatrix { adapters: self.ata_adapters });
        }
        if self.teams && self.skype != SkypeIntegration::None {
            problems.push(PlanProblem::TeamsWithSkype);
        }
        problems
    }

    /// The requirements this plan must meet, in document order.
    pub fn requirements(&self) -> Vec<&'static Requirement> {
        REQUIREMENTS.iter().filter(|requirement| requirement.applies.holds(self)).collect()
    }

    /// The firewall rules this plan needs: every applicable table with what it includes, each
    /// rule once, in table order.
    pub fn firewall_rules(&self) -> Vec<&'static FirewallRule> {
        let mut sections: Vec<crate::section::SectionId> = Vec::new();
        for table in FIREWALL_TABLES.iter().filter(|table| table.applies.holds(self)) {
            for section in table.includes.iter().copied().chain(std::iter::once(table.section)) {
                if !sections.contains(&section) {
                    sections.push(section);
                }
            }
        }
        FIREWALL_RULES.iter().filter(|rule| sections.contains(&rule.section) && rule.applies.holds(self)).collect()
    }

    /// The inputs of the bandwidth calculation.
    pub fn bandwidth_inputs(&self) -> BandwidthInputs {
        let calendar_users = if self.calendar == Calendar::None { 0 } else { self.calendar_users };
        let presence_users = if self.skype == SkypeIntegration::None { 0 } else { self.skype_users };
        BandwidthInputs {
            softphones: self.softphone_pc_users + self.softphone_mac_users,
            ip_phones: self.ip_phones + self.ata_adapters,
            integrated: self.integrated_users,
            busy: self.busy_percent,
            calendar_users,
            agents: self.agents,
            presence_users,
        }
    }

    /// The plan in words, one line per field that is not at its default, for reports.
    pub fn summary(&self) -> Vec<String> {
        fields::summary(self)
    }

    pub fn summary_in(&self, locale: crate::locale::Locale) -> Vec<String> {
        fields::summary_in(self, locale)
    }

    /// The plan of the spec's 5.1 example, for demonstrations and tests. Its "Skype/Teams"
    /// users call through the S4B/Lync client ("the users use S4B/Lync client as their
    /// softphone"), so the integration is S4B/Lync Presence & Voice, not Teams.
    pub fn spec_example() -> Plan {
        Plan {
            softphone_pc_users: 50,
            ip_phones: 50,
            integrated_users: 50,
            agents: 15,
            busy_percent: Percent::of(20),
            calendar: Calendar::ExchangeOnPremise,
            calendar_users: 165,
            skype: SkypeIntegration::PresenceAndVoice,
            skype_users: 50,
            ..Plan::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bandwidth::calculate;
    use crate::units::Bandwidth;

    #[test]
    fn addresses_read_plain_or_as_networks() {
        let check = |text: &str, expected: Result<&str, AddressError>| {
            assert_eq!(parse_address_or_network(text).map(|network| network.to_string()), expected.map(str::to_owned));
        };
        check("198.51.100.10", Ok("198.51.100.10/32"));
        check(" 198.51.100.10/32 ", Ok("198.51.100.10/32"));
        check("10.20.1.5/16", Ok("10.20.0.0/16"));
        check("198.51.100", Err(AddressError("198.51.100".into())));
        check("10.0.0.0/33", Err(AddressError("10.0.0.0/33".into())));
    }

    #[test]
    fn a_plan_file_takes_plain_addresses() {
        let plan: Plan =
            serde_json::from_str(r#"{"addresses": {"exchange_ews": "198.51.100.10", "network": "10.20.0.0/16", "ad_sync": null, "s4b_front_end": ""}}"#)
                .unwrap();
        assert_eq!(plan.addresses.exchange_ews, Some("198.51.100.10/32".parse().unwrap()));
        assert_eq!(plan.addresses.network, Some("10.20.0.0/16".parse().unwrap()));
        assert_eq!((plan.addresses.ad_sync, plan.addresses.s4b_front_end), (None, None));
        let error = serde_json::from_str::<Plan>(r#"{"addresses": {"exchange_ews": "198.51.100"}}"#).unwrap_err();
        assert!(error.to_string().contains("\"198.51.100\" is not an IPv4 address or network"), "{error}");
    }

    fn rule_ids(plan: &Plan) -> Vec<&'static str> {
        plan.firewall_rules().iter().map(|rule| rule.id).collect()
    }

    #[test]
    fn firewall_rules_follow_the_inclusions() {
        let check = |plan: Plan, expected: &[&str]| assert_eq!(rule_ids(&plan), expected, "{plan:?}");
        check(Plan::default(), &["6.1.1", "6.1.2"]);
        check(Plan { softphone_pc_users: 1, ..Plan::default() }, &["6.1.1", "6.1.2", "6.2.1", "6.2.2"]);
        check(Plan { ip_phones: 3, ..Plan::default() }, &["6.1.1", "6.1.2", "6.2.1", "6.2.2", "6.3.1", "6.3.2"]);
        check(
            Plan { ip_phones: 3, mitel_phones: true, ..Plan::default() },
            &["6.1.1", "6.1.2", "6.2.1", "6.2.2", "6.3.1", "6.3.2", "6.3.4"],
        );
        check(
            Plan { ata_adapters: 2, mediatrix_adapters: true, ..Plan::default() },
            &["6.1.1", "6.1.2", "6.2.1", "6.2.2", "6.3.1", "6.3.2", "6.3.3"],
        );
        check(Plan { mitel_phones: true, ..Plan::default() }, &["6.1.1", "6.1.2"]);
        check(Plan { skype: SkypeIntegration::PresenceOnly, ..Plan::default() }, &["6.1.1", "6.1.2", "6.5.1", "6.5.3"]);
        check(
            Plan { skype: SkypeIntegration::PresenceAndVoice, ..Plan::default() },
            &["6.1.1", "6.1.2", "6.5.1", "6.5.2", "6.5.3", "6.5.4", "6.5.5", "6.5.6"],
        );
        check(Plan { calendar: Calendar::ExchangeOnline, ..Plan::default() }, &["6.1.1", "6.1.2"]);
        check(Plan { calendar: Calendar::ExchangeOnPremise, ..Plan::default() }, &["6.1.1", "6.1.2", "6.4.1"]);
        check(
            Plan { advanced_attendant: true, ad_integration: true, ..Plan::default() },
            &["6.1.1", "6.1.2", "6.6.1", "6.7.1"],
        );
    }

    #[test]
    fn requirements_depend_on_the_plan() {
        let ids =
            |plan: &Plan| plan.requirements().iter().map(|requirement| requirement.id.as_str()).collect::<Vec<_>>();
        let internet = ids(&Plan::default());
        assert!(internet.contains(&"pc.browser") && !internet.contains(&"datanet.routing"));
        assert!(!internet.contains(&"softphone.pc-memory"));
        let datanet = ids(&Plan { access: AccessPath::DataNet, ..Plan::default() });
        assert!(datanet.contains(&"datanet.routing") && !datanet.contains(&"datanet.no-advanced-attendant"));
        let attendant = ids(&Plan { access: AccessPath::DataNet, advanced_attendant: true, ..Plan::default() });
        assert!(attendant.contains(&"datanet.no-advanced-attendant"));
        let agents = ids(&Plan { agents: 5, ..Plan::default() });
        assert!(agents.contains(&"softphone.screen") && agents.contains(&"softphone.pc-memory"));
        let voice = ids(&Plan { skype: SkypeIntegration::PresenceAndVoice, ..Plan::default() });
        assert!(
            voice.contains(&"s4b.version")
                && voice.contains(&"s4b-voice.media")
                && voice.contains(&"s4b.public-addresses")
        );
        let voice_datanet =
            ids(&Plan { skype: SkypeIntegration::PresenceAndVoice, access: AccessPath::DataNet, ..Plan::default() });
        assert!(!voice_datanet.contains(&"s4b.public-addresses"));
    }

    #[test]
    fn the_spec_example_plan_gives_the_spec_total() {
        let inputs = Plan::spec_example().bandwidth_inputs();
        assert_eq!(inputs, crate::bandwidth::BandwidthInputs::SPEC_EXAMPLE);
        let calculation = calculate(inputs);
        assert_eq!(calculation.total, Bandwidth::kbps(3264));
        // What 5.1 leaves out: the 15 agents' calls and the 50 S4B/Lync users' presence.
        assert_eq!(calculation.total_with_omitted, Bandwidth::kbps(3264 + 1500 + 80));
    }

    #[test]
    fn the_spec_example_uses_the_s4b_client_as_5_1_says() {
        let example = Plan::spec_example();
        assert!(!example.teams);
        assert_eq!(
            (example.skype, example.skype_users),
            (SkypeIntegration::PresenceAndVoice, example.integrated_users)
        );
        let ids: Vec<&str> = example.requirements().iter().map(|requirement| requirement.id.as_str()).collect();
        assert!(ids.contains(&"s4b-voice.call-bandwidth") && !ids.contains(&"teams.direct-routing"), "{ids:?}");
    }

    #[test]
    fn the_summary_names_what_is_chosen() {
        let summary = Plan::spec_example().summary();
        assert_eq!(summary[0], "Access to the platform: Internet");
        assert!(summary.contains(&"Softphone users on Windows PCs: 50".to_owned()));
        assert!(summary.contains(&"Calendar integration: Exchange on premise".to_owned()));
        assert!(summary.contains(&"Users with calendar integration: 165".to_owned()));
        assert!(summary.contains(&"Share of users in a call at once: 20 %".to_owned()));
        assert!(summary.contains(&"Skype for Business / Lync integration: Presence & Voice".to_owned()));
        assert!(summary.contains(&"S4B/Lync users: 50".to_owned()));
        assert!(!summary.iter().any(|line| line.starts_with("Mobile")), "nothing about what is not chosen");
    }

    #[test]
    fn problems_are_all_reported() {
        let plan = Plan {
            access: AccessPath::DataNet,
            advanced_attendant: true,
            calendar_users: 10,
            skype_users: 4,
            ata_adapters: 2,
            ..Plan::default()
        };
        assert_eq!(
            plan.problems(),
            [
                PlanProblem::AttendantOverDataNet,
                PlanProblem::CalendarUsersWithoutExchange { users: 10 },
                PlanProblem::SkypeUsersWithoutIntegration { users: 4 },
                PlanProblem::AtaWithoutMediatrix { adapters: 2 },
            ]
        );
        assert!(Plan::spec_example().problems().is_empty());
    }

    #[test]
    fn inconsistent_combinations_are_plan_problems() {
        let check = |plan: Plan, expected: &[PlanProblem]| assert_eq!(plan.problems(), expected, "{plan:?}");
        // ATAs that are not Mediatrix lose 6.3.3, their only way to fetch a configuration.
        let without = Plan { ata_adapters: 3, ..Plan::default() };
        assert!(!without.firewall_rules().iter().any(|rule| rule.id == "6.3.3"));
        check(without, &[PlanProblem::AtaWithoutMediatrix { adapters: 3 }]);
        check(Plan { ata_adapters: 3, mediatrix_adapters: true, ..Plan::default() }, &[]);
        check(Plan { mediatrix_adapters: true, ..Plan::default() }, &[]);
        // Teams with on-premise S4B/Lync is the hybrid 3.3 does not support, at either level.
        for skype in [SkypeIntegration::PresenceOnly, SkypeIntegration::PresenceAndVoice] {
            check(Plan { teams: true, skype, ..Plan::default() }, &[PlanProblem::TeamsWithSkype]);
            check(Plan { skype, ..Plan::default() }, &[]);
        }
        check(Plan { teams: true, ..Plan::default() }, &[]);
        // Each says what is wrong and where the spec says so.
        for (problem, words) in [
            (PlanProblem::AtaWithoutMediatrix { adapters: 3 }, ["3 ATA adapters", "6.3.3", "2.7"]),
            (PlanProblem::TeamsWithSkype, ["Teams", "S4B/Lync", "3.3"]),
        ] {
            let text = problem.to_string();
            assert!(words.iter().all(|word| text.contains(word)), "{text}");
        }
    }
}
