//! Every field of a plan once: how the form labels and groups it, the key it has in a share
//! link, how the summary words it. The form, the summary, the link codec and the CLI's plan
//! check all walk this table, so a new field is added here and nowhere else.

use crate::condition::AccessPath;
use crate::locale::{Locale, Text};
use crate::plan::{Calendar, CustomerAddresses, Plan, SkypeIntegration};
use crate::units::{Bandwidth, Percent};
use ipnet::Ipv4Net;

/// Where the form shows a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldGroup {
    Access,
    Users,
    AddOns,
    Network,
}

impl FieldGroup {
    pub const ALL: [FieldGroup; 4] = [FieldGroup::Access, FieldGroup::Users, FieldGroup::AddOns, FieldGroup::Network];

    pub const fn legend(self) -> &'static str {
        self.legend_in(Locale::En)
    }

    pub const fn legend_in(self, locale: Locale) -> &'static str {
        let text = match self {
            FieldGroup::Access => Text { en: "Access to the platform", sv: "Åtkomst till plattformen" },
            FieldGroup::Users => Text { en: "Users and devices", sv: "Användare och enheter" },
            FieldGroup::AddOns => Text { en: "Add-ons", sv: "Tilläggstjänster" },
            FieldGroup::Network => Text { en: "Network (optional)", sv: "Nätverk (valfritt)" },
        };
        text.get(locale)
    }
}

/// Why a link's value does not fit its field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("\"{0}\" is not a whole number")]
    NotANumber(String),
    #[error("unknown {noun} \"{value}\"")]
    UnknownChoice { noun: &'static str, value: String },
    #[error("\"{0}\" is not a percentage")]
    NotAPercentage(String),
    #[error("\"{0}\" is not a bandwidth in kbit/s")]
    NotABandwidth(String),
    #[error(transparent)]
    Address(#[from] crate::plan::AddressError),
}

/// One option of a choice: its value in the form and in plan files (the serde name), its code
/// in a link (short, and never changed, so old links still open), and its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub value: &'static str,
    pub link: &'static str,
    pub label: &'static str,
    pub label_sv: &'static str,
}

impl Choice {
    pub const fn label_in(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.label,
            Locale::Sv => self.label_sv,
        }
    }
}

/// What kind of value a field holds, with its accessors.
#[derive(Clone, Copy)]
pub enum FieldKind {
    /// A whole number of users or devices; 0 is left out of links and the summary.
    Count {
        get: fn(&Plan) -> u32,
        set: fn(&mut Plan, u32),
    },
    /// An on/off choice; in a link, one letter of the `f` field.
    Flag {
        letter: char,
        get: fn(&Plan) -> bool,
        set: fn(&mut Plan, bool),
    },
    /// One of a few options; the first is the default (left out of links).
    Choice {
        choices: &'static [Choice],
        get: fn(&Plan) -> usize,
        set: fn(&mut Plan, usize),
        radio: bool,
    },
    Percent {
        get: fn(&Plan) -> Percent,
        set: fn(&mut Plan, Percent),
    },
    /// A bandwidth in whole kbit/s, or not stated.
    Kbps {
        get: fn(&Plan) -> Option<Bandwidth>,
        set: fn(&mut Plan, Option<Bandwidth>),
    },
    Address {
        get: fn(&CustomerAddresses) -> Option<Ipv4Net>,
        set: fn(&mut CustomerAddresses, Option<Ipv4Net>),
    },
}

#[derive(Clone, Copy)]
pub struct PlanField {
    /// The form element's id (stable: tests and people's bookmarks use it).
    pub id: &'static str,
    /// The field's key in a share link.
    pub key: &'static str,
    pub label: &'static str,
    /// What the number is counted in, shown after the label in the form ("%", "kbit/s").
    pub unit: Option<&'static str>,
    /// The value's name in a message ("calendar integration").
    pub noun: &'static str,
    pub hint: Option<&'static str>,
    pub group: FieldGroup,
    pub kind: FieldKind,
}

const ACCESS: &[Choice] = &[
    Choice { value: "internet", link: "i", label: "Internet", label_sv: "Internet" },
    Choice { value: "data-net", link: "d", label: "Telia DataNet", label_sv: "Telia DataNet" },
];
const CALENDARS: &[Choice] = &[
    Choice { value: "none", link: "", label: "None", label_sv: "Ingen" },
    Choice {
        value: "exchange-online",
        link: "o",
        label: "Exchange Online (Office 365)",
        label_sv: "Exchange Online (Office 365)",
    },
    Choice { value: "exchange-on-premise", link: "p", label: "Exchange on premise", label_sv: "Exchange lokalt" },
];
const SKYPE_LEVELS: &[Choice] = &[
    Choice { value: "none", link: "", label: "None", label_sv: "Ingen" },
    Choice { value: "presence-only", link: "p", label: "Presence only", label_sv: "Endast närvaro" },
    Choice { value: "presence-and-voice", link: "v", label: "Presence & Voice", label_sv: "Närvaro och röst" },
];

const fn field(
    id: &'static str,
    key: &'static str,
    label: &'static str,
    group: FieldGroup,
    kind: FieldKind,
) -> PlanField {
    PlanField { id, key, label, unit: None, noun: label, hint: None, group, kind }
}

const fn count(
    id: &'static str,
    key: &'static str,
    label: &'static str,
    get: fn(&Plan) -> u32,
    set: fn(&mut Plan, u32),
) -> PlanField {
    field(id, key, label, FieldGroup::Users, FieldKind::Count { get, set })
}

const fn flag(
    id: &'static str,
    letter: char,
    label: &'static str,
    group: FieldGroup,
    get: fn(&Plan) -> bool,
    set: fn(&mut Plan, bool),
) -> PlanField {
    field(id, "f", label, group, FieldKind::Flag { letter, get, set })
}

const fn address(
    id: &'static str,
    key: &'static str,
    label: &'static str,
    get: fn(&CustomerAddresses) -> Option<Ipv4Net>,
    set: fn(&mut CustomerAddresses, Option<Ipv4Net>),
) -> PlanField {
    field(id, key, label, FieldGroup::Network, FieldKind::Address { get, set })
}

fn access_index(plan: &Plan) -> usize {
    match plan.access {
        AccessPath::Internet => 0,
        AccessPath::DataNet => 1,
    }
}

fn set_access(plan: &mut Plan, index: usize) {
    plan.access = if index == 1 { AccessPath::DataNet } else { AccessPath::Internet };
}

fn calendar_index(plan: &Plan) -> usize {
    match plan.calendar {
        Calendar::None => 0,
        Calendar::ExchangeOnline => 1,
        Calendar::ExchangeOnPremise => 2,
    }
}

fn set_calendar(plan: &mut Plan, index: usize) {
    plan.calendar = [Calendar::None, Calendar::ExchangeOnline, Calendar::ExchangeOnPremise][index.min(2)];
}

fn skype_index(plan: &Plan) -> usize {
    match plan.skype {
        SkypeIntegration::None => 0,
        SkypeIntegration::PresenceOnly => 1,
        SkypeIntegration::PresenceAndVoice => 2,
    }
}

fn set_skype(plan: &mut Plan, index: usize) {
    plan.skype =
        [SkypeIntegration::None, SkypeIntegration::PresenceOnly, SkypeIntegration::PresenceAndVoice][index.min(2)];
}

use FieldGroup::{AddOns, Users};

/// Every field of the plan, in the form's order.
pub const PLAN_FIELDS: &[PlanField] = &[
    PlanField {
        noun: "access",
        ..field(
            "access",
            "a",
            "Access to the platform",
            FieldGroup::Access,
            FieldKind::Choice { choices: ACCESS, get: access_index, set: set_access, radio: true },
        )
    },
    count(
        "softphone-pc",
        "s",
        "Softphone users on Windows PCs",
        |p| p.softphone_pc_users,
        |p, n| p.softphone_pc_users = n,
    ),
    count("softphone-mac", "m", "Softphone users on Macs", |p| p.softphone_mac_users, |p, n| p.softphone_mac_users = n),
    count("agents", "c", "Contact-centre agents (softphone)", |p| p.agents, |p, n| p.agents = n),
    count(
        "acd-users",
        "r",
        "Other users with the ACD or Attendant view",
        |p| p.acd_or_attendant_users,
        |p, n| p.acd_or_attendant_users = n,
    ),
    count("ip-phones", "p", "Fixed IP phones", |p| p.ip_phones, |p, n| p.ip_phones = n),
    flag("mitel", 'M', "The IP phones are Mitel (Aastra)", Users, |p| p.mitel_phones, |p, on| p.mitel_phones = on),
    count("ata", "t", "ATA analogue adapters", |p| p.ata_adapters, |p, n| p.ata_adapters = n),
    flag(
        "mediatrix",
        'X',
        "The adapters are Mediatrix",
        Users,
        |p| p.mediatrix_adapters,
        |p, on| p.mediatrix_adapters = on,
    ),
    count(
        "integrated",
        "g",
        "Users calling through S4B/Lync or Teams",
        |p| p.integrated_users,
        |p, n| p.integrated_users = n,
    ),
    count("mobile", "o", "Mobile app users", |p| p.mobile_users, |p, n| p.mobile_users = n),
    PlanField {
        unit: Some("%"),
        ..field(
            "busy",
            "b",
            "Share of users in a call at once",
            Users,
            FieldKind::Percent { get: |p| p.busy_percent, set: |p, percent| p.busy_percent = percent },
        )
    },
    PlanField {
        noun: "calendar integration",
        ..field(
            "calendar",
            "e",
            "Calendar integration",
            AddOns,
            FieldKind::Choice { choices: CALENDARS, get: calendar_index, set: set_calendar, radio: false },
        )
    },
    PlanField {
        group: AddOns,
        ..count(
            "calendar-users",
            "eu",
            "Users with calendar integration",
            |p| p.calendar_users,
            |p, n| p.calendar_users = n,
        )
    },
    PlanField {
        noun: "S4B/Lync level",
        ..field(
            "skype",
            "k",
            "Skype for Business / Lync integration",
            AddOns,
            FieldKind::Choice { choices: SKYPE_LEVELS, get: skype_index, set: set_skype, radio: false },
        )
    },
    PlanField {
        group: AddOns,
        ..count("skype-users", "ku", "S4B/Lync users", |p| p.skype_users, |p, n| p.skype_users = n)
    },
    flag("teams", 'T', "Teams integration", AddOns, |p| p.teams, |p, on| p.teams = on),
    flag("attendant", 'A', "Advanced Attendant", AddOns, |p| p.advanced_attendant, |p, on| p.advanced_attendant = on),
    flag("ad", 'D', "AD integration", AddOns, |p| p.ad_integration, |p, on| p.ad_integration = on),
    flag("recording", 'R', "Call recording", AddOns, |p| p.call_recording, |p, on| p.call_recording = on),
    PlanField {
        unit: Some("kbit/s"),
        hint: Some("Leave empty if unknown; the bandwidth is compared with it."),
        ..field(
            "uplink",
            "u",
            "Uplink of the site",
            FieldGroup::Network,
            FieldKind::Kbps { get: |p| p.uplink, set: |p, uplink| p.uplink = uplink },
        )
    },
    address("address-network", "n", "Customer network", |a| a.network, |a, n| a.network = n),
    address("address-ews", "ew", "Exchange EWS server", |a| a.exchange_ews, |a, n| a.exchange_ews = n),
    address("address-front-end", "fe", "S4B/Lync Front End servers", |a| a.s4b_front_end, |a, n| a.s4b_front_end = n),
    address("address-mediation", "me", "S4B/Lync Mediation servers", |a| a.s4b_mediation, |a, n| a.s4b_mediation = n),
    address("address-ad", "ad", "AD upload/download servers", |a| a.ad_sync, |a, n| a.ad_sync = n),
];

/// The form's labels in Swedish, by field id, in the table's order (a test holds them together).
pub const SWEDISH_LABELS: &[(&str, &str)] = &[
    ("access", "Åtkomst till plattformen"),
    ("softphone-pc", "Softphone-användare på Windows-datorer"),
    ("softphone-mac", "Softphone-användare på Mac"),
    ("agents", "Kontaktcenteragenter (softphone)"),
    ("acd-users", "Andra användare med ACD- eller Attendant-vyn"),
    ("ip-phones", "Fasta IP-telefoner"),
    ("mitel", "IP-telefonerna är Mitel (Aastra)"),
    ("ata", "ATA analoga adaptrar"),
    ("mediatrix", "Adaptrarna är Mediatrix"),
    ("integrated", "Användare som ringer via S4B/Lync eller Teams"),
    ("mobile", "Användare av mobilappen"),
    ("busy", "Andel användare i samtal samtidigt"),
    ("calendar", "Kalenderintegration"),
    ("calendar-users", "Användare med kalenderintegration"),
    ("skype", "Skype for Business / Lync-integration"),
    ("skype-users", "S4B/Lync-användare"),
    ("teams", "Teams-integration"),
    ("attendant", "Advanced Attendant"),
    ("ad", "AD-integration"),
    ("recording", "Samtalsinspelning"),
    ("uplink", "Platsens uppströmskapacitet"),
    ("address-network", "Kundens nätverk"),
    ("address-ews", "Exchange EWS-server"),
    ("address-front-end", "S4B/Lync Front End-servrar"),
    ("address-mediation", "S4B/Lync Mediation-servrar"),
    ("address-ad", "Servrar för AD-uppladdning/nedladdning"),
];

/// The one hint, in Swedish.
const UPLINK_HINT_SV: &str = "Lämna tomt om den är okänd; bandbredden jämförs med den.";

/// The fields of one group of the form, in order.
pub fn fields_in(group: FieldGroup) -> impl Iterator<Item = &'static PlanField> {
    PLAN_FIELDS.iter().filter(move |field| field.group == group)
}

impl PlanField {
    /// The label the form shows, with the unit the number is counted in.
    pub fn form_label(&self) -> String {
        self.form_label_in(Locale::En)
    }

    pub fn form_label_in(&self, locale: Locale) -> String {
        match self.unit {
            Some(unit) => format!("{} ({unit})", self.label_in(locale)),
            None => self.label_in(locale).to_owned(),
        }
    }

    /// The label in that language.
    pub fn label_in(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.label,
            Locale::Sv => SWEDISH_LABELS.iter().find(|(id, _)| *id == self.id).map_or(self.label, |(_, label)| label),
        }
    }

    pub fn hint_in(&self, locale: Locale) -> Option<&'static str> {
        match locale {
            Locale::En => self.hint,
            Locale::Sv => self.hint.map(|_| UPLINK_HINT_SV),
        }
    }

    /// The field's value as the summary and the link write it; `None` when it is the default
    /// (nothing to say, nothing to carry).
    pub fn written(&self, plan: &Plan, for_link: bool) -> Option<String> {
        let defaults = Plan::default();
        match self.kind {
            FieldKind::Count { get, .. } => (get(plan) != 0).then(|| get(plan).to_string()),
            FieldKind::Flag { letter, get, .. } => {
                get(plan).then(|| if for_link { letter.to_string() } else { "yes".to_owned() })
            }
            FieldKind::Choice { choices, get, .. } => {
                let index = get(plan);
                (index != 0).then(|| if for_link { choices[index].link } else { choices[index].label }.to_owned())
            }
            FieldKind::Percent { get, .. } => (get(plan) != get(&defaults)).then(|| get(plan).get().to_string()),
            FieldKind::Kbps { get, .. } => get(plan).map(|uplink| (uplink.bits_per_second() / 1000).to_string()),
            FieldKind::Address { get, .. } => get(&plan.addresses).map(|network| network.to_string()),
        }
    }

    /// Sets the field from its link value; `Err` names what is wrong with it.
    pub fn read_link_value(&self, plan: &mut Plan, value: &str) -> Result<(), FieldError> {
        match self.kind {
            FieldKind::Count { set, .. } => {
                set(plan, value.parse().map_err(|_| FieldError::NotANumber(value.to_owned()))?);
            }
            FieldKind::Flag { set, .. } => set(plan, true),
            FieldKind::Choice { choices, set, .. } => {
                let index = choices
                    .iter()
                    .position(|choice| !choice.link.is_empty() && choice.link == value)
                    .ok_or_else(|| FieldError::UnknownChoice { noun: self.noun, value: value.to_owned() })?;
                set(plan, index);
            }
            FieldKind::Percent { set, .. } => {
                let percent = value.parse().ok().and_then(Percent::new);
                set(plan, percent.ok_or_else(|| FieldError::NotAPercentage(value.to_owned()))?);
            }
            FieldKind::Kbps { set, .. } => {
                let kbps: u64 = value.parse().map_err(|_| FieldError::NotABandwidth(value.to_owned()))?;
                set(plan, Some(Bandwidth::kbps(kbps)));
            }
            FieldKind::Address { set, .. } => {
                let network = crate::plan::parse_address_or_network(value)?;
                set(&mut plan.addresses, Some(network));
            }
        }
        Ok(())
    }
}

/// The plan in words, one line per field that is not at its default, for reports and the CLI.
pub fn summary(plan: &Plan) -> Vec<String> {
    summary_in(plan, Locale::En)
}

/// The same in that language.
pub fn summary_in(plan: &Plan, locale: Locale) -> Vec<String> {
    PLAN_FIELDS
        .iter()
        .filter_map(|field| {
            let written = match (field.written(plan, false), field.kind) {
                // A choice without a "none" (the access path) is always worth saying.
                (None, FieldKind::Choice { choices, .. }) if choices[0].value != "none" => {
                    choices[0].label_in(locale).to_owned()
                }
                (Some(_), FieldKind::Choice { choices, get, .. }) => choices[get(plan)].label_in(locale).to_owned(),
                // The busy share drives the bandwidth: a report names it, default or not.
                (None, FieldKind::Percent { get, .. }) => get(plan).get().to_string(),
                (written, _) => written?,
            };
            let label = field.label_in(locale);
            Some(match field.kind {
                FieldKind::Flag { .. } => label.to_owned(),
                _ => match field.unit {
                    Some(unit) => format!("{label}: {written} {unit}"),
                    None => format!("{label}: {written}"),
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn ids_keys_and_letters_are_unique() {
        let mut ids = BTreeSet::new();
        let mut keys = BTreeSet::new();
        let mut letters = BTreeSet::new();
        for field in PLAN_FIELDS {
            assert!(ids.insert(field.id), "form id {} twice", field.id);
            match field.kind {
                FieldKind::Flag { letter, .. } => assert!(letters.insert(letter), "flag letter {letter} twice"),
                _ => assert!(keys.insert(field.key), "link key {} twice", field.key),
            }
        }
        for reserved in ["w", "y", "v", "f", "l"] {
            assert!(!keys.contains(reserved), "{reserved} is the link's own field");
        }
    }

    #[test]
    fn every_field_has_its_swedish_label_in_the_tables_order() {
        let ids: Vec<&str> = PLAN_FIELDS.iter().map(|field| field.id).collect();
        let keys: Vec<&str> = SWEDISH_LABELS.iter().map(|(id, _)| *id).collect();
        assert_eq!(keys, ids);
        // Product names read the same; every other label is translated.
        for field in PLAN_FIELDS.iter().filter(|field| field.id != "attendant") {
            assert_ne!(field.label_in(Locale::Sv), field.label, "{}", field.id);
        }
        assert_eq!(PLAN_FIELDS.iter().filter(|field| field.hint.is_some()).count(), 1, "one hint has Swedish");
    }

    #[test]
    fn every_field_changes_the_plan_it_names() {
        // Setting each field away from its default changes the plan, and changes it back
        // through the link value: no two fields share an accessor by mistake.
        for field in PLAN_FIELDS {
            let mut plan = Plan::default();
            let value = match field.kind {
                FieldKind::Count { .. } => "7".to_owned(),
                FieldKind::Flag { letter, .. } => letter.to_string(),
                FieldKind::Choice { choices, .. } => choices[1].link.to_owned(),
                FieldKind::Percent { .. } => "35".to_owned(),
                FieldKind::Kbps { .. } => "5000".to_owned(),
                FieldKind::Address { .. } => "198.51.100.9".to_owned(),
            };
            field.read_link_value(&mut plan, &value).unwrap();
            assert_ne!(plan, Plan::default(), "{}", field.id);
            let changed: Vec<&str> =
                PLAN_FIELDS.iter().filter(|other| other.written(&plan, true).is_some()).map(|other| other.id).collect();
            assert_eq!(changed, [field.id], "only {} is set", field.id);
            assert_eq!(
                field.written(&plan, true).as_deref(),
                Some(if value == "198.51.100.9" { "198.51.100.9/32" } else { &value })
            );
        }
    }

    #[test]
    fn choice_values_are_the_plan_files_names() {
        let check = |field_id: &str, json_field: &str| {
            let field = PLAN_FIELDS.iter().find(|field| field.id == field_id).unwrap();
            let FieldKind::Choice { choices, set, .. } = field.kind else { panic!("{field_id} is a choice") };
            for (index, choice) in choices.iter().enumerate() {
                let mut plan = Plan::default();
                set(&mut plan, index);
                let json = serde_json::to_value(&plan).unwrap();
                assert_eq!(json[json_field], choice.value, "{field_id}");
            }
        };
        check("access", "access");
        check("calendar", "calendar");
        check("skype", "skype");
    }

    #[test]
    fn the_form_label_names_its_unit() {
        let check = |id: &str, expected: &str| {
            let field = PLAN_FIELDS.iter().find(|field| field.id == id).unwrap();
            assert_eq!(field.form_label(), expected);
        };
        check("busy", "Share of users in a call at once (%)");
        check("uplink", "Uplink of the site (kbit/s)");
        check("agents", "Contact-centre agents (softphone)");
    }

    #[test]
    fn bad_link_values_are_named() {
        let check = |id: &str, value: &str, expected: &str| {
            let field = PLAN_FIELDS.iter().find(|field| field.id == id).unwrap();
            assert_eq!(
                field.read_link_value(&mut Plan::default(), value).map_err(|error| error.to_string()),
                Err(expected.to_owned())
            );
        };
        check("agents", "many", "\"many\" is not a whole number");
        check("busy", "101", "\"101\" is not a percentage");
        check("calendar", "x", "unknown calendar integration \"x\"");
        check("calendar", "", "unknown calendar integration \"\"");
        check("skype", "q", "unknown S4B/Lync level \"q\"");
        check("access", "x", "unknown access \"x\"");
        check("uplink", "fast", "\"fast\" is not a bandwidth in kbit/s");
        check(
            "address-ews",
            "ews.example",
            "\"ews.example\" is not an IPv4 address or network, such as 198.51.100.10 or 10.1.0.0/16",
        );
    }
}
