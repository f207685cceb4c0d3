//! When a requirement or firewall rule applies: the plan choices the spec distinguishes.

use serde::Serialize;

/// How the site reaches the platform (2.1 and 2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AccessPath {
    Internet,
    DataNet,
}

/// The kinds of endpoint the spec sets requirements for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Endpoint {
    /// Touchpoint Plus Softphone on a Windows PC (2.5.2).
    SoftphonePc,
    /// Touchpoint Plus Softphone on a Mac (2.5.2).
    SoftphoneMac,
    /// A fixed IP phone (2.6).
    IpPhone,
    /// An ATA analogue adapter (2.7).
    Ata,
    /// The Touchpoint Plus app on a mobile device (2.8).
    Mobile,
}

/// The add-ons of chapter 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AddOn {
    ExchangeOnline,
    ExchangeOnPremise,
    /// S4B/Lync "Presence only"; a Presence & Voice plan has it too (3.2.2 is "in addition").
    S4bPresence,
    S4bPresenceVoice,
    Teams,
    AdvancedAttendant,
    AdIntegration,
    CallRecording,
}

/// Who in the organisation a requirement is about, where the spec narrows it to a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Softphone users with the ACD (contact centre) or Attendant view (2.5.2).
    AcdOrAttendantView,
}

/// Phone and adapter vendors whose provisioning hosts 6.3 lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Vendor {
    /// Mediatrix ATA adapters (Media5).
    Mediatrix,
    /// Mitel (Aastra) IP phones.
    Mitel,
}

/// A condition over the plan. `All` and `Any` nest, so every rule of the spec fits one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "when", content = "of")]
pub enum Condition {
    Always,
    Access(AccessPath),
    Endpoint(Endpoint),
    AddOn(AddOn),
    Role(Role),
    Vendor(Vendor),
    All(&'static [Condition]),
    Any(&'static [Condition]),
}

/// The facts a condition is judged against. The plan model implements it; tests use a set.
pub trait PlanFacts {
    fn access(&self) -> AccessPath;
    fn has_endpoint(&self, endpoint: Endpoint) -> bool;
    fn has_add_on(&self, add_on: AddOn) -> bool;
    fn has_role(&self, role: Role) -> bool;
    fn has_vendor(&self, vendor: Vendor) -> bool;
}

impl Condition {
    /// The softphone on either platform.
    pub const SOFTPHONE: Condition =
        Condition::Any(&[Condition::Endpoint(Endpoint::SoftphonePc), Condition::Endpoint(Endpoint::SoftphoneMac)]);

    /// Either level of the S4B/Lync integration: Presence & Voice includes Presence only.
    pub const S4B_ANY: Condition =
        Condition::Any(&[Condition::AddOn(AddOn::S4bPresence), Condition::AddOn(AddOn::S4bPresenceVoice)]);

    /// Whether the condition holds for the given plan.
    pub fn holds(&self, plan: &impl PlanFacts) -> bool {
        match *self {
            Condition::Always => true,
            Condition::Access(access) => plan.access() == access,
            Condition::Endpoint(endpoint) => plan.has_endpoint(endpoint),
            Condition::AddOn(add_on) => plan.has_add_on(add_on),
            Condition::Role(role) => plan.has_role(role),
            Condition::Vendor(vendor) => plan.has_vendor(vendor),
            Condition::All(conditions) => conditions.iter().all(|condition| condition.holds(plan)),
            Condition::Any(conditions) => conditions.iter().any(|condition| condition.holds(plan)),
        }
    }

    /// A short human phrase for the catalogue listing ("Always", "DataNet and Advanced Attendant").
    pub fn describe(&self) -> String {
        self.describe_in(crate::locale::Locale::En)
    }

    /// The same phrase in that language.
    pub fn describe_in(&self, locale: crate::locale::Locale) -> String {
        use crate::locale::Text;
        let text = |en: &'static str, sv: &'static str| Text { en, sv }.get(locale).to_owned();
        match *self {
            Condition::Always => text("Always", "Alltid"),
            Condition::Access(AccessPath::Internet) => text("Access over the Internet", "Åtkomst över Internet"),
            Condition::Access(AccessPath::DataNet) => text("Access over Telia DataNet", "Åtkomst över Telia DataNet"),
            Condition::Endpoint(endpoint) => match endpoint {
                Endpoint::SoftphonePc => text("Softphone on PC", "Softphone på PC"),
                Endpoint::SoftphoneMac => text("Softphone on Mac", "Softphone på Mac"),
                Endpoint::IpPhone => text("IP phones", "IP-telefoner"),
                Endpoint::Ata => text("ATA adapters", "ATA-adaptrar"),
                Endpoint::Mobile => text("Mobile app", "Mobilappen"),
            },
            Condition::AddOn(add_on) => match add_on {
                AddOn::ExchangeOnline => text("Exchange Online", "Exchange Online"),
                AddOn::ExchangeOnPremise => text("Exchange on premise", "Exchange lokalt"),
                AddOn::S4bPresence => text("S4B/Lync Presence only", "S4B/Lync endast närvaro"),
                AddOn::S4bPresenceVoice => text("S4B/Lync Presence & Voice", "S4B/Lync närvaro och röst"),
                AddOn::Teams => text("Teams integration", "Teams-integration"),
                AddOn::AdvancedAttendant => text("Advanced Attendant", "Advanced Attendant"),
                AddOn::AdIntegration => text("AD integration", "AD-integration"),
                AddOn::CallRecording => text("Call recording", "Samtalsinspelning"),
            },
            Condition::Role(Role::AcdOrAttendantView) => {
                text("Users with the ACD or Attendant view", "Användare med ACD- eller Attendant-vyn")
            }
            Condition::Vendor(Vendor::Mediatrix) => text("Mediatrix ATA adapters", "ATA-adaptrar från Mediatrix"),
            Condition::Vendor(Vendor::Mitel) => text("Mitel IP phones", "IP-telefoner från Mitel"),
            Condition::All(conditions) => join(conditions, &text(" and ", " och "), locale),
            Condition::Any(conditions) => join(conditions, &text(" or ", " eller "), locale),
        }
    }
}

fn join(conditions: &[Condition], separator: &str, locale: crate::locale::Locale) -> String {
    conditions.iter().map(|condition| condition.describe_in(locale)).collect::<Vec<_>>().join(separator)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A plan as a plain set of facts, for tests across the crate.
    #[derive(Debug, Clone)]
    pub struct FactSet {
        pub access: AccessPath,
        pub endpoints: Vec<Endpoint>,
        pub add_ons: Vec<AddOn>,
        pub roles: Vec<Role>,
        pub vendors: Vec<Vendor>,
    }

    impl FactSet {
        pub fn internet() -> FactSet {
            FactSet { access: AccessPath::Internet, endpoints: vec![], add_ons: vec![], roles: vec![], vendors: vec![] }
        }
    }

    impl PlanFacts for FactSet {
        fn access(&self) -> AccessPath {
            self.access
        }
        fn has_endpoint(&self, endpoint: Endpoint) -> bool {
            self.endpoints.contains(&endpoint)
        }
        fn has_add_on(&self, add_on: AddOn) -> bool {
            self.add_ons.contains(&add_on)
        }
        fn has_role(&self, role: Role) -> bool {
            self.roles.contains(&role)
        }
        fn has_vendor(&self, vendor: Vendor) -> bool {
            self.vendors.contains(&vendor)
        }
    }

    #[test]
    fn conditions_combine() {
        let check = |condition: Condition, facts: &FactSet, expected: bool| {
            assert_eq!(condition.holds(facts), expected, "{}", condition.describe());
        };
        let mut facts = FactSet::internet();
        check(Condition::Always, &facts, true);
        check(Condition::Access(AccessPath::DataNet), &facts, false);
        check(Condition::SOFTPHONE, &facts, false);
        facts.endpoints.push(Endpoint::SoftphoneMac);
        check(Condition::SOFTPHONE, &facts, true);
        let attendant_over_datanet =
            Condition::All(&[Condition::Access(AccessPath::DataNet), Condition::AddOn(AddOn::AdvancedAttendant)]);
        facts.add_ons.push(AddOn::AdvancedAttendant);
        check(attendant_over_datanet, &facts, false);
        facts.access = AccessPath::DataNet;
        check(attendant_over_datanet, &facts, true);
        assert_eq!(attendant_over_datanet.describe(), "Access over Telia DataNet and Advanced Attendant");
    }
}
