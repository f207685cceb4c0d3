//! The requirements of sections 2 to 6, one typed row each.

use crate::condition::{AccessPath, AddOn, Condition, Endpoint, Role};
use crate::limits;
use crate::section::{SectionId, same};
use crate::units::{Bandwidth, Gigabytes, Millis, Percent, Period, Resolution, Service, TlsVersion};
use ipnet::Ipv4Net;
use serde::Serialize;
use std::net::Ipv4Addr;

/// How binding the spec's wording is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Obligation {
    /// "must", "shall", "needs", "is required", "make sure", and "not supported" where nothing
    /// else is allowed.
    Must,
    /// "should", "is preferred", "for optimum performance", and "not supported" where the spec
    /// still allows the use "as is" (2.5.2's thin clients).
    Should,
    /// "Telia recommends", "it is recommended".
    Recommended,
}

impl Obligation {
    /// The word the catalogue shows.
    pub const fn label(self) -> &'static str {
        match self {
            Obligation::Must => "Must",
            Obligation::Should => "Should",
            Obligation::Recommended => "Recommended",
        }
    }

    /// The word in `locale`.
    pub const fn label_in(self, locale: crate::locale::Locale) -> &'static str {
        match locale {
            crate::locale::Locale::En => self.label(),
            crate::locale::Locale::Sv => match self {
                Obligation::Must => "Krav",
                Obligation::Should => "Bör",
                Obligation::Recommended => "Rekommendation",
            },
        }
    }

    /// The kebab-case name used in JSON and CSS classes.
    pub const fn slug(self) -> &'static str {
        match self {
            Obligation::Must => "must",
            Obligation::Should => "should",
            Obligation::Recommended => "recommended",
        }
    }
}

/// How a requirement can be verified, strongest first where a requirement lists several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verification {
    /// Read automatically by the app in the visitor's browser.
    Browser,
    /// Measured over the network, by the app or by the native probe.
    Measured,
    /// Worked out from the plan (bandwidth, rule sets).
    Calculated,
    /// Validated from a file the user provides (certificates, user exports).
    File,
    /// Only a person can confirm it.
    Person,
}

impl Verification {
    /// How the method reads in the catalogue, the checklist and the report.
    pub const fn label(self) -> &'static str {
        match self {
            Verification::Browser => "checked in the browser",
            Verification::Measured => "measured",
            Verification::Calculated => "calculated",
            Verification::File => "validated from a file",
            Verification::Person => "confirmed by a person",
        }
    }

    /// The method in `locale`.
    pub const fn label_in(self, locale: crate::locale::Locale) -> &'static str {
        match locale {
            crate::locale::Locale::En => self.label(),
            crate::locale::Locale::Sv => match self {
                Verification::Browser => "kontrolleras i webbläsaren",
                Verification::Measured => "mäts",
                Verification::Calculated => "beräknas",
                Verification::File => "valideras från en fil",
                Verification::Person => "bekräftas av en person",
            },
        }
    }

    /// What a reader does to settle an open requirement verified this way.
    pub const fn how_to_settle(self) -> &'static str {
        self.how_to_settle_text().en
    }

    pub const fn how_to_settle_text(self) -> crate::locale::Text {
        use crate::locale::Text;
        match self {
            Verification::Browser => Text {
                en: "Open this page on the computer concerned to check it, or confirm it",
                sv: "Öppna den här sidan på datorn det gäller för att kontrollera det, eller bekräfta det",
            },
            Verification::Measured => Text {
                en: "Measure it with the network checks or the native probe, or confirm it",
                sv: "Mät det med nätverkskontrollerna eller med probe-programmet, eller bekräfta det",
            },
            Verification::Calculated => Text {
                en: "Compare the calculation below with the site, then confirm it",
                sv: "Jämför beräkningen nedan med platsen och bekräfta det sedan",
            },
            Verification::File => Text {
                en: "Check the files concerned, then confirm it",
                sv: "Kontrollera filerna det gäller och bekräfta det sedan",
            },
            Verification::Person => {
                Text { en: "Only a person can confirm this", sv: "Bara en person kan bekräfta detta" }
            }
        }
    }
}

/// What a delay limit is measured between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DelayPath {
    /// Between a phone and the platform.
    OneWay,
    /// Between the two phones of a call.
    EndToEnd,
}

/// A value a requirement fixes, typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Value {
    BandwidthPerCall {
        bandwidth: Bandwidth,
    },
    BandwidthPerUser {
        bandwidth: Bandwidth,
    },
    LinkSpeed {
        bandwidth: Bandwidth,
    },
    MaxDelay {
        path: DelayPath,
        below: Millis,
    },
    MaxJitter {
        below: Millis,
    },
    MaxLoss {
        below: Percent,
    },
    MinMemory {
        at_least: Gigabytes,
    },
    MinScreen {
        at_least: Resolution,
    },
    MinVersion {
        product: &'static str,
        version: &'static str,
    },
    MinTls {
        at_least: TlsVersion,
    },
    /// Every release from `from` to `to`, as the spec writes a range ("2007 SP1 – 2019").
    Versions {
        product: &'static str,
        from: &'static str,
        to: &'static str,
    },
    /// The releases the spec names one by one, newest first.
    Releases {
        product: &'static str,
        releases: &'static [&'static str],
    },
    Service {
        service: Service,
    },
    Network {
        network: Ipv4Net,
    },
    AddressRange {
        first: Ipv4Addr,
        last: Ipv4Addr,
    },
    Address {
        address: Ipv4Addr,
    },
    Host {
        name: &'static str,
    },
    Email {
        address: &'static str,
    },
    Period {
        period: Period,
    },
}

/// The id of a requirement of the catalogue, `area.topic`, stable and never reused for another
/// meaning. Written `requirement_id!("net.jitter")` (or `RequirementId::known` inside a
/// `const`), an id the catalogue lacks stops the build; from outside it is `parse`d.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct RequirementId(&'static str);

/// A text that names no requirement of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the catalogue has no requirement \"{0}\"")]
pub struct UnknownRequirement(pub String);

impl RequirementId {
    /// The requirement `id`; evaluated in a `const`, an unknown id is a build error.
    pub const fn known(id: &'static str) -> RequirementId {
        let mut index = 0;
        while index < REQUIREMENTS.len() {
            if same(REQUIREMENTS[index].id.0, id) {
                return REQUIREMENTS[index].id;
            }
            index += 1;
        }
        panic!("the catalogue has no such requirement")
    }

    /// Reads an id from outside (a link, stored answers, an argument).
    pub fn parse(text: &str) -> Result<RequirementId, UnknownRequirement> {
        requirement(text).map(|found| found.id).ok_or_else(|| UnknownRequirement(text.to_owned()))
    }

    pub const fn as_str(self) -> &'static str {
        self.0
    }

    /// The catalogue's row; there always is one.
    pub fn requirement(self) -> &'static Requirement {
        requirement(self.0).expect("a RequirementId names a catalogued requirement")
    }

    pub fn section(self) -> SectionId {
        self.requirement().section
    }
}

impl<'de> serde::Deserialize<'de> for RequirementId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<RequirementId, D::Error> {
        let text = String::deserialize(deserializer)?;
        RequirementId::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl std::fmt::Display for RequirementId {
    /// Padded as a `str` is: `{:<36}` lines ids up in a table.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.0)
    }
}

impl PartialEq<&str> for RequirementId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// A requirement id checked against the catalogue while the code is built.
#[macro_export]
macro_rules! requirement_id {
    ($id:literal) => {
        const { $crate::requirement::RequirementId::known($id) }
    };
}

/// One requirement of the spec.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Requirement {
    pub id: RequirementId,
    /// The section that states it.
    pub section: SectionId,
    /// Other sections that state the same thing again.
    pub see_also: &'static [SectionId],
    /// One line in the spec's own terms (in JSON, in the language being written: a Swedish
    /// report's statements are the translation).
    #[serde(serialize_with = "statement_written")]
    pub statement: &'static str,
    pub obligation: Obligation,
    pub values: &'static [Value],
    pub applies: Condition,
    pub verification: &'static [Verification],
}

fn statement_written<S: serde::Serializer>(statement: &&'static str, serializer: S) -> Result<S::Ok, S::Error> {
    let locale = crate::locale::writing_language();
    let translated = REQUIREMENTS
        .iter()
        .find(|requirement| requirement.statement == *statement)
        .map_or(*statement, |requirement| requirement.statement_in(locale));
    serializer.serialize_str(translated)
}

use Condition::{Access, AddOn as Add, Always, Endpoint as Ep};
use Obligation::{Must, Recommended, Should};
use Verification::{Browser, Calculated, File, Measured, Person};

const DATANET: Condition = Access(AccessPath::DataNet);
const S4B: Condition = Condition::S4B_ANY;
const S4B_VOICE: Condition = Add(AddOn::S4bPresenceVoice);
const S4B_OVER_INTERNET: Condition = Condition::All(&[Condition::S4B_ANY, Access(AccessPath::Internet)]);
const S4B_VOICE_OVER_INTERNET: Condition = Condition::All(&[S4B_VOICE, Access(AccessPath::Internet)]);
const ATTENDANT: Condition = Add(AddOn::AdvancedAttendant);
const SERVICE_NETWORK: Value = Value::Network { network: limits::SERVICE_NETWORK };
const SIPS: Value = Value::Service { service: Service::tcp(5061) };
const MEDIA: Value = Value::Service { service: Service::udp_range(49152, 65535) };

impl Requirement {
    /// The statement in `locale` (Swedish from `swedish::STATEMENTS`, a translation of the
    /// English; a test keeps every requirement there).
    pub fn statement_in(&self, locale: crate::locale::Locale) -> &'static str {
        match locale {
            crate::locale::Locale::En => self.statement,
            crate::locale::Locale::Sv => crate::spec::swedish::STATEMENTS
                .iter()
                .find(|(id, _)| *id == self.id.as_str())
                .map_or(self.statement, |(_, statement)| statement),
        }
    }
}

/// Shorthand for the table below: most rows have no `see_also`.
const fn req(
    id: &'static str,
    section: &'static str,
    obligation: Obligation,
    statement: &'static str,
    values: &'static [Value],
    applies: Condition,
    verification: &'static [Verification],
) -> Requirement {
    Requirement {
        id: RequirementId(id),
        section: SectionId::known(section),
        see_also: &[],
        statement,
        obligation,
        values,
        applies,
        verification,
    }
}

const fn also(requirement: Requirement, see_also: &'static [SectionId]) -> Requirement {
    Requirement { see_also, ..requirement }
}

/// Every requirement of v3.40, in document order. Pure permissions ("may have dynamic
/// addresses") and descriptions ("voice streams go internally") are not requirements and are
/// left out; the bandwidth math accounts for the latter.
pub const REQUIREMENTS: &[Requirement] = &[
    // 2.1 Internet and local area network
    req(
        "net.call-bandwidth",
        "2.1",
        Must,
        "100 kbit/s per concurrent IP call is available in the local network and on the Internet or DataNet connection.",
        &[Value::BandwidthPerCall { bandwidth: limits::CALL_BANDWIDTH }],
        Always,
        &[Calculated, Measured],
    ),
    req(
        "net.end-to-end-delay",
        "2.1",
        Should,
        "Total delay between the phones in an IP call is less than 150 ms.",
        &[Value::MaxDelay { path: DelayPath::EndToEnd, below: limits::END_TO_END_DELAY }],
        Always,
        &[Measured],
    ),
    req(
        "net.one-way-delay",
        "2.1",
        Should,
        "One-way delay between an IP phone and the Touchpoint Plus central environment is less than 60 ms.",
        &[Value::MaxDelay { path: DelayPath::OneWay, below: limits::ONE_WAY_DELAY }],
        Always,
        &[Measured],
    ),
    req(
        "net.jitter",
        "2.1",
        Should,
        "Jitter is less than 20 ms.",
        &[Value::MaxJitter { below: limits::JITTER }],
        Always,
        &[Measured],
    ),
    req(
        "net.packet-loss",
        "2.1",
        Should,
        "Packet loss is less than 1 %.",
        &[Value::MaxLoss { below: limits::PACKET_LOSS }],
        Always,
        &[Measured],
    ),
    req(
        "net.routable-address",
        "2.1",
        Must,
        "Every IP address used (public, or private behind NAT) is routable over the Internet.",
        &[],
        Always,
        &[Person],
    ),
    req(
        "net.switched-lan",
        "2.1",
        Must,
        "The local network is at least a 100 Mbit/s switched, full-duplex Ethernet network.",
        &[Value::LinkSpeed { bandwidth: limits::LAN_SPEED }],
        Always,
        &[Person],
    ),
    req("net.no-hubs", "2.1", Must, "No repeaters or hubs are used in the local network.", &[], Always, &[Person]),
    req(
        "net.outbound-openings",
        "2.1",
        Must,
        "Outbound Internet traffic is allowed for the protocols and ports of chapter 6.",
        &[],
        Always,
        &[Measured, Person],
    ),
    req(
        "net.dns-name",
        "2.1",
        Must,
        "All terminals and computers can look up the public DNS name touchpoint.telia.se.",
        &[Value::Host { name: limits::SERVICE_HOST }],
        Always,
        &[Browser, Measured],
    ),
    req(
        "net.dns-subdomains",
        "2.1",
        Must,
        "All terminals and computers can look up any subdomain under touchpoint.telia.se.",
        &[Value::Host { name: limits::SERVICE_HOST }],
        Always,
        &[Measured, Person],
    ),
    req(
        "net.proxy-exclusion",
        "2.1",
        Must,
        "Any web proxy excludes traffic to Touchpoint Plus (touchpoint.telia.se): softphones and IP phones start their traffic over HTTP/HTTPS.",
        &[Value::Host { name: limits::SERVICE_HOST }],
        Always,
        &[Person],
    ),
    req(
        "net.any-destination",
        "2.1",
        Should,
        "Outgoing traffic to arbitrary destination addresses is allowed, so that Telia can change the platform's addresses without disruption.",
        &[],
        Always,
        &[Person],
    ),
    req(
        "net.service-network",
        "2.1",
        Must,
        "Where outgoing traffic to arbitrary destinations is not allowed, outgoing traffic to 81.228.2.192/27 is.",
        &[SERVICE_NETWORK],
        Always,
        &[Measured, Person],
    ),
    req(
        "net.address-changes",
        "2.1",
        Must,
        "The customer keeps network equipment up to date when Telia changes the platform's addresses.",
        &[],
        Always,
        &[Person],
    ),
    // 2.2 SSL Certificates
    req(
        "cert.renewal",
        "2.2",
        Must,
        "The IT environment allows auto-renewal of expired certificates, pending updates and removal of revoked certificates.",
        &[],
        Always,
        &[Person],
    ),
    // 2.3 DataNet connection
    req(
        "datanet.network-limits",
        "2.3",
        Must,
        "If only some of the customer's networks may connect to Touchpoint Plus, they are sent to Telia during planning (by default all are allowed).",
        &[],
        DATANET,
        &[Person],
    ),
    req(
        "datanet.link-network",
        "2.3.1",
        Must,
        "The customer supplies a link network between Telia's access router (the demarcation point) and the customer's router or firewall.",
        &[],
        DATANET,
        &[Person],
    ),
    req(
        "datanet.routing",
        "2.3.2",
        Must,
        "All traffic to Touchpoint Plus (81.228.2.192/27) is routed over DataNet, to Telia's access router.",
        &[SERVICE_NETWORK],
        DATANET,
        &[Person],
    ),
    also(
        req(
            "datanet.no-advanced-attendant",
            "2.3.2",
            Must,
            "Advanced Attendant traffic is not routed over DataNet.",
            &[],
            Condition::All(&[DATANET, ATTENDANT]),
            &[Person],
        ),
        &[SectionId::known("3.4")],
    ),
    // 2.4 E-mail server
    req("mail.own-account", "2.4", Should, "Each user has their own e-mail account.", &[], Always, &[Person]),
    req(
        "mail.spf",
        "2.4",
        Should,
        "Where SPF is used, the customer's DNS names spf-b.telia.com as an authorised mail server for the customer's domain.",
        &[Value::Host { name: limits::SPF_HOST }],
        Always,
        &[File, Measured, Person],
    ),
    // 2.5 Personal computers
    req(
        "pc.browser",
        "2.5.1",
        Must,
        "Administration uses Firefox 54 or later, Internet Explorer 11, Chromium Edge 80 or later, Safari 10 or later, or Chrome 60 or later.",
        &[],
        Always,
        &[Browser],
    ),
    req(
        "softphone.pc-memory",
        "2.5.2",
        Must,
        "A PC running the softphone has at least 16 GB RAM.",
        &[Value::MinMemory { at_least: limits::SOFTPHONE_RAM }],
        Ep(Endpoint::SoftphonePc),
        &[Browser, Person],
    ),
    req(
        "softphone.pc-sound",
        "2.5.2",
        Must,
        "A PC running the softphone has a sound card.",
        &[],
        Ep(Endpoint::SoftphonePc),
        &[Browser, Person],
    ),
    req(
        "softphone.pc-os",
        "2.5.2",
        Must,
        "A PC running the softphone runs Windows 7.x or Windows 10.",
        &[],
        Ep(Endpoint::SoftphonePc),
        &[Browser],
    ),
    req(
        "softphone.mac-intel",
        "2.5.2",
        Must,
        "A Mac running the softphone has an Intel processor.",
        &[],
        Ep(Endpoint::SoftphoneMac),
        &[Browser, Person],
    ),
    req(
        "softphone.mac-os",
        "2.5.2",
        Must,
        "A Mac running the softphone runs macOS High Sierra (10.13) or Mojave (10.14); the spec writes \"Sierra High\".",
        &[],
        Ep(Endpoint::SoftphoneMac),
        &[Browser, Person],
    ),
    req(
        "softphone.mac-memory",
        "2.5.2",
        Must,
        "A Mac running the softphone has at least 16 GB RAM.",
        &[Value::MinMemory { at_least: limits::SOFTPHONE_RAM }],
        Ep(Endpoint::SoftphoneMac),
        &[Browser, Person],
    ),
    req(
        "softphone.screen",
        "2.5.2",
        Should,
        "Users with the ACD or Attendant view have a screen of at least 1024×768 pixels.",
        &[Value::MinScreen { at_least: limits::ACD_SCREEN }],
        Condition::Role(Role::AcdOrAttendantView),
        &[Browser],
    ),
    req(
        "softphone.version",
        "2.5.2",
        Must,
        "Touchpoint Plus Softphone is at least version 5.1.3.",
        &[Value::MinVersion { product: "Touchpoint Plus Softphone", version: limits::SOFTPHONE_MIN_VERSION }],
        Condition::SOFTPHONE,
        &[Person],
    ),
    req(
        "softphone.latest-version",
        "2.5.2",
        Recommended,
        "Softphones are always updated to the latest version the platform distributes.",
        &[],
        Condition::SOFTPHONE,
        &[Person],
    ),
    // "Not supported", yet allowed "as is": a Should, so that a thin client warns, not fails.
    req(
        "softphone.single-user",
        "2.5.2",
        Should,
        "The softphone runs in a normal single-user environment: Telia does not support multi-user, thin-client or app-streaming environments, where it can be used as is, and handles only support requests reproducible in a single-user environment.",
        &[],
        Condition::SOFTPHONE,
        &[Person],
    ),
    req(
        "softphone.validated",
        "2.5.2",
        Recommended,
        "The softphone is validated on every type of hardware it will run on, together with the business applications running at the same time.",
        &[],
        Condition::SOFTPHONE,
        &[Person],
    ),
    also(
        req(
            "attendant.pc",
            "2.5.3",
            Must,
            "Advanced Attendant users' PCs comply with \"Agent and administrator PC\" in Telia ACE – Requirements for Target Environment (reference 2).",
            &[],
            ATTENDANT,
            &[Person],
        ),
        &[SectionId::known("3.4")],
    ),
    also(
        req(
            "attendant.agent-software",
            "2.5.3",
            Must,
            "ACE Agent, ACE Admin and ACE Pulse are installed on the attendants' PCs.",
            &[],
            ATTENDANT,
            &[Person],
        ),
        &[SectionId::known("3.4")],
    ),
    req(
        "pc.remote-installation",
        "2.5.4",
        Must,
        "Where software is installed remotely (for example with Microsoft WSUS), the Touchpoint Plus software is packaged and distributed appropriately: the softphone, and the ACE programs of Advanced Attendant.",
        &[],
        Condition::Any(&[Condition::SOFTPHONE, ATTENDANT]),
        &[Person],
    ),
    req(
        "pc.local-firewall",
        "2.5.5",
        Must,
        "Local firewalls on the PCs permit the traffic this document and its annexes describe.",
        &[],
        Always,
        &[Measured, Person],
    ),
    // 2.6 IP phones
    req(
        "phone.supported-model",
        "2.6",
        Must,
        "IP phones are models supported by Touchpoint Plus (see the valid price list), ordered via Telia.",
        &[],
        Ep(Endpoint::IpPhone),
        &[Person],
    ),
    req(
        "phone.behind-firewall",
        "2.6",
        Should,
        "IP phones are connected behind NAT and/or a firewall, not directly reachable from the Internet.",
        &[],
        Ep(Endpoint::IpPhone),
        &[Person],
    ),
    req(
        "phone.tls12",
        "2.6",
        Must,
        "IP phones support TLS 1.2 encryption.",
        &[Value::MinTls { at_least: limits::IP_PHONE_TLS }],
        Ep(Endpoint::IpPhone),
        &[Person],
    ),
    // 2.7 ATA analogue adapter
    req(
        "ata.supported-model",
        "2.7",
        Must,
        "ATA analogue adapters are models supported by Touchpoint Plus (see the valid price list), ordered via Telia.",
        &[],
        Ep(Endpoint::Ata),
        &[Person],
    ),
    req(
        "ata.internet-access",
        "2.7",
        Must,
        "The adapter has access to the public Internet, to download the configuration Telia creates.",
        &[],
        Ep(Endpoint::Ata),
        &[Person],
    ),
    req(
        "ata.behind-firewall",
        "2.7",
        Must,
        "Adapters are not connected directly to the Internet: a firewall protects them.",
        &[],
        Ep(Endpoint::Ata),
        &[Person],
    ),
    req(
        "ata.wan-port",
        "2.7",
        Must,
        "Only the adapter's WAN port is connected to the customer network (its LAN port is disabled).",
        &[],
        Ep(Endpoint::Ata),
        &[Person],
    ),
    req(
        "ata.network-settings",
        "2.7",
        Must,
        "For a static IP address or a VLAN, the customer tells Telia the address, default gateway and VLAN to use.",
        &[],
        Ep(Endpoint::Ata),
        &[Person],
    ),
    // 2.8 Mobile devices
    req(
        "mobile.subscription",
        "2.8",
        Should,
        "Cell phones have a Telia mobile subscription with its SIM card activated.",
        &[],
        Ep(Endpoint::Mobile),
        &[Person],
    ),
    req(
        "mobile.integration-subscription",
        "2.8",
        Must,
        "Features that need it have a subscription with Mobile Integration or Office Extension (reference 1).",
        &[],
        Ep(Endpoint::Mobile),
        &[Person],
    ),
    req(
        "mobile.os-version",
        "2.8",
        Must,
        "The app runs on a device with one of the 3 latest Android releases, or an iPhone or iPad with one of the 2 latest iOS releases; new devices may need updating.",
        &[],
        Ep(Endpoint::Mobile),
        &[Browser, Person],
    ),
    req(
        "mobile.voicemail-disabled",
        "2.8",
        Must,
        "Voicemail or similar is disabled on the mobile devices (the platform provides voicemail).",
        &[],
        Ep(Endpoint::Mobile),
        &[Person],
    ),
    // 3.1 Calendar integration – Exchange
    req(
        "exchange-online.service-account",
        "3.1.1",
        Must,
        "Telia has a user account with the necessary privileges in the customer's Office 365 tenant, without periodic password change.",
        &[],
        Add(AddOn::ExchangeOnline),
        &[Person],
    ),
    req(
        "exchange-online.client-secret",
        "3.1.1",
        Must,
        "A client secret is set up as the calendar-integration instruction says, and renewed before it expires (at most 2 years).",
        &[Value::Period { period: limits::CLIENT_SECRET_MAX_AGE }],
        Add(AddOn::ExchangeOnline),
        &[Calculated, Person],
    ),
    req(
        "exchange.version",
        "3.1.2",
        Must,
        "Exchange is Microsoft Exchange Server 2007 SP1 to Exchange Server 2019.",
        &[Value::Versions { product: "Microsoft Exchange Server", from: "2007 SP1", to: "2019" }],
        Add(AddOn::ExchangeOnPremise),
        &[Person],
    ),
    req(
        "exchange.ews-published",
        "3.1.2",
        Must,
        "Exchange Web Services is published externally on TCP/443 with a public DNS name.",
        &[Value::Service { service: Service::tcp(443) }],
        Add(AddOn::ExchangeOnPremise),
        &[Person],
    ),
    also(
        req(
            "exchange.ews-inbound",
            "3.1.2",
            Must,
            "Incoming traffic to Exchange Web Services on TCP/443 is allowed from 81.228.2.192/27.",
            &[Value::Service { service: Service::tcp(443) }, SERVICE_NETWORK],
            Add(AddOn::ExchangeOnPremise),
            &[Calculated, Person],
        ),
        &[SectionId::known("6.4")],
    ),
    req(
        "exchange.basic-auth",
        "3.1.2",
        Must,
        "Basic Authentication over HTTPS is allowed from 81.228.2.192/27.",
        &[SERVICE_NETWORK],
        Add(AddOn::ExchangeOnPremise),
        &[Person],
    ),
    req(
        "exchange.service-account",
        "3.1.2",
        Must,
        "Telia has a user account with the necessary privileges in the customer's Exchange, without periodic password change.",
        &[],
        Add(AddOn::ExchangeOnPremise),
        &[Person],
    ),
    req(
        "exchange.bandwidth",
        "3.1.2",
        Must,
        "1.6 kbit/s per user is available between the customer environment and Touchpoint Plus; synchronisation runs every 10 minutes.",
        &[
            Value::BandwidthPerUser { bandwidth: limits::CALENDAR_BANDWIDTH_PER_USER },
            Value::Period { period: limits::CALENDAR_SYNC_INTERVAL },
        ],
        Add(AddOn::ExchangeOnPremise),
        &[Calculated],
    ),
    // 3.2.1 S4B/Lync presence only (also required for Presence & Voice)
    req(
        "s4b.version",
        "3.2.1",
        Must,
        "S4B/Lync is Skype for Business Server 2019, Skype for Business Server 2015 or Lync Server 2013, on premise (Standard or Enterprise); Skype for Business Online is not supported.",
        &[Value::Releases {
            product: "Skype for Business / Lync Server",
            releases: &["Skype for Business Server 2019", "Skype for Business Server 2015", "Lync Server 2013"],
        }],
        S4B,
        &[Person],
    ),
    req(
        "s4b.front-end-reachable",
        "3.2.1",
        Must,
        "Touchpoint Plus may initiate connections towards the S4B/Lync Front End and Mediation servers.",
        &[],
        S4B,
        &[Person],
    ),
    req(
        "s4b.public-addresses",
        "3.2.1",
        Must,
        "Over the Internet, the S4B/Lync servers have public IP addresses (over DataNet they may be private).",
        &[],
        S4B_OVER_INTERNET,
        &[Person],
    ),
    req(
        "s4b.public-certificate",
        "3.2.1",
        Must,
        "The S4B/Lync Front End services use certificates issued by a public certificate authority.",
        &[],
        S4B,
        &[File, Person],
    ),
    req(
        "s4b.no-wildcard",
        "3.2.1",
        Must,
        "The Front End certificates are not wildcard certificates.",
        &[],
        S4B,
        &[File, Person],
    ),
    req(
        "s4b.certificate-eku",
        "3.2.1",
        Must,
        "The Front End certificates have both the Server and Client Authentication EKU purposes enabled.",
        &[],
        S4B,
        &[File, Person],
    ),
    req(
        "s4b.private-certificate",
        "3.2.1",
        Must,
        "With private certificates, the add-on Skype For Business Private Certificate is bought and the private root and intermediate certificates are sent to Telia, Base64-encoded.",
        &[],
        S4B,
        &[File, Person],
    ),
    req(
        "s4b.private-certificate-valid",
        "3.2.1",
        Must,
        "With private certificates, the root and intermediate certificates are correct, valid and not expired.",
        &[],
        S4B,
        &[File, Person],
    ),
    req(
        "s4b.private-certificate-notice",
        "3.2.1",
        Must,
        "With private certificates, updated certificates reach Telia at least 1 month before the old ones expire.",
        &[Value::Period { period: limits::CERTIFICATE_EXPIRY_NOTICE }],
        S4B,
        &[File, Person],
    ),
    also(
        req(
            "s4b.source-network",
            "3.2.1",
            Must,
            "Traffic from Touchpoint Plus towards the S4B/Lync servers is allowed from 81.228.2.192/27; other source addresses are blocked.",
            &[SERVICE_NETWORK],
            S4B,
            &[Calculated, Person],
        ),
        &[SectionId::known("6.5")],
    ),
    also(
        req(
            "s4b.sips-to-front-end",
            "3.2.1",
            Must,
            "Encrypted SIP from Touchpoint Plus (81.228.2.192/27) to the Front End servers on TCP/5061 is allowed.",
            &[SIPS, SERVICE_NETWORK],
            S4B,
            &[Calculated, Person],
        ),
        &[SectionId::known("6.5")],
    ),
    also(
        req(
            "s4b.sips-from-front-end",
            "3.2.1",
            Must,
            "The Front End servers may initiate encrypted SIP to Touchpoint Plus (81.228.2.192/27) on TCP/5061.",
            &[SIPS, SERVICE_NETWORK],
            S4B,
            &[Measured, Person],
        ),
        &[SectionId::known("6.5")],
    ),
    req(
        "s4b.front-end-dns",
        "3.2.1",
        Must,
        "Over the Internet, the Front End servers and pool are in the customer's public DNS (over DataNet, Telia adds the names).",
        &[],
        S4B_OVER_INTERNET,
        &[Person],
    ),
    req(
        "s4b.trusted-application",
        "3.2.1",
        Must,
        "Touchpoint Plus is configured as a Trusted Application Server in the S4B/Lync topology.",
        &[],
        S4B,
        &[Person],
    ),
    req(
        "s4b.presence-bandwidth",
        "3.2.1",
        Must,
        "Presence signalling has 1.6 kbit/s per user between the customer's network and Touchpoint Plus.",
        &[Value::BandwidthPerUser { bandwidth: limits::PRESENCE_BANDWIDTH_PER_USER }],
        S4B,
        &[Calculated],
    ),
    req(
        "s4b.certified-technician",
        "3.2.1",
        Recommended,
        "A certified S4B/Lync technician configures the environment, after a Best Practice Analysis.",
        &[],
        S4B,
        &[Person],
    ),
    // 3.2.2 S4B/Lync presence & voice
    req(
        "s4b-voice.licences",
        "3.2.2",
        Must,
        "The integrated S4B/Lync users have Enterprise Voice licences (Plus CAL or Office 365 Enterprise E4/E5).",
        &[],
        S4B_VOICE,
        &[Person],
    ),
    req(
        "s4b-voice.mediation-reachable",
        "3.2.2",
        Must,
        "Touchpoint Plus may initiate connections towards the S4B/Lync Mediation servers.",
        &[],
        S4B_VOICE,
        &[Person],
    ),
    req(
        "s4b-voice.public-certificate",
        "3.2.2",
        Must,
        "The Mediation services use certificates issued by a public certificate authority.",
        &[],
        S4B_VOICE,
        &[File, Person],
    ),
    req(
        "s4b-voice.no-wildcard",
        "3.2.2",
        Must,
        "The Mediation certificates are not wildcard certificates.",
        &[],
        S4B_VOICE,
        &[File, Person],
    ),
    req(
        "s4b-voice.certificate-eku",
        "3.2.2",
        Must,
        "The Mediation certificates have both the Server and Client Authentication EKU purposes enabled.",
        &[],
        S4B_VOICE,
        &[File, Person],
    ),
    req(
        "s4b-voice.private-certificate",
        "3.2.2",
        Must,
        "With private Mediation certificates, the Private Certificate add-on is bought and the root and intermediate certificates are sent to Telia, Base64-encoded.",
        &[],
        S4B_VOICE,
        &[File, Person],
    ),
    req(
        "s4b-voice.private-certificate-valid",
        "3.2.2",
        Must,
        "With private Mediation certificates, the root and intermediate certificates are correct, valid and not expired.",
        &[],
        S4B_VOICE,
        &[File, Person],
    ),
    req(
        "s4b-voice.private-certificate-notice",
        "3.2.2",
        Must,
        "With private Mediation certificates, updated certificates reach Telia at least 1 month before the old ones expire.",
        &[Value::Period { period: limits::CERTIFICATE_EXPIRY_NOTICE }],
        S4B_VOICE,
        &[File, Person],
    ),
    also(
        req(
            "s4b-voice.sips-to-mediation",
            "3.2.2",
            Must,
            "Encrypted SIP from Touchpoint Plus (81.228.2.192/27) to the Mediation servers on TCP/5067 is allowed.",
            &[Value::Service { service: Service::tcp(5067) }, SERVICE_NETWORK],
            S4B_VOICE,
            &[Calculated, Person],
        ),
        &[SectionId::known("6.5")],
    ),
    also(
        req(
            "s4b-voice.sips-from-mediation",
            "3.2.2",
            Must,
            "The Mediation servers may initiate encrypted SIP to Touchpoint Plus (81.228.2.192/27) on TCP/5061.",
            &[SIPS, SERVICE_NETWORK],
            S4B_VOICE,
            &[Measured, Person],
        ),
        &[SectionId::known("6.5")],
    ),
    also(
        req(
            "s4b-voice.media",
            "3.2.2",
            Must,
            "Encrypted RTP between Touchpoint Plus (81.228.2.192/27) and the Mediation servers on UDP/49152-65535 is allowed in both directions.",
            &[MEDIA, SERVICE_NETWORK],
            S4B_VOICE,
            &[Calculated, Person],
        ),
        &[SectionId::known("6.5")],
    ),
    req(
        "s4b-voice.mediation-dns",
        "3.2.2",
        Must,
        "Over the Internet, the Mediation servers and pool are in the customer's public DNS (over DataNet, Telia adds the names).",
        &[],
        S4B_VOICE_OVER_INTERNET,
        &[Person],
    ),
    req(
        "s4b-voice.call-bandwidth",
        "3.2.2",
        Must,
        "Each concurrent call with a party on S4B/Lync has 100 kbit/s (calls between two of the customer's S4B/Lync users stay internal).",
        &[Value::BandwidthPerCall { bandwidth: limits::CALL_BANDWIDTH }],
        S4B_VOICE,
        &[Calculated],
    ),
    req(
        "s4b-voice.e164",
        "3.2.2",
        Must,
        "Users' phone numbers in Active Directory are in E.164 format, starting with + (for example +468123456).",
        &[],
        S4B_VOICE,
        &[File, Person],
    ),
    // 3.3 Teams integration
    req(
        "teams.direct-routing",
        "3.3",
        Must,
        "The Office 365 licences are in place and Teams Phone System Direct Routing is configured as Microsoft documents it.",
        &[],
        Add(AddOn::Teams),
        &[Person],
    ),
    req(
        "teams.telia-configuration",
        "3.3",
        Must,
        "The configuration in Telia's document \"Configuration of IT environment for Teams MUCA/TPP integration\" is done.",
        &[],
        Add(AddOn::Teams),
        &[Person],
    ),
    req(
        "teams.office365-users",
        "3.3",
        Must,
        "All integrated users are Office 365 users with the appropriate licences; hybrids with on-premise Lync/S4B are not supported.",
        &[],
        Add(AddOn::Teams),
        &[Person],
    ),
    req(
        "teams.e164",
        "3.3",
        Must,
        "Users' phone numbers in Active Directory are in E.164 format, starting with + (for example +468123456).",
        &[],
        Add(AddOn::Teams),
        &[File, Person],
    ),
    // 3.4 Advanced Attendant
    req(
        "attendant.phones",
        "3.4",
        Must,
        "Fixed IP phones meet \"Telia Touchpoint Plus telephony types\" in reference 2.",
        &[],
        ATTENDANT,
        &[Person],
    ),
    req(
        "attendant.network",
        "3.4",
        Must,
        "The network complies with the WAN/LAN requirements of reference 2.",
        &[],
        ATTENDANT,
        &[Person],
    ),
    req(
        "attendant.admin-software",
        "3.4",
        Must,
        "ACE Admin and ACE Pulse are installed on the administrators' computers.",
        &[],
        ATTENDANT,
        &[Person],
    ),
    also(
        req(
            "attendant.outbound",
            "3.4",
            Must,
            "Outgoing traffic to 213.65.172.64-67 on TCP/211 and TCP/14711 is allowed.",
            &[
                Value::AddressRange { first: limits::ATTENDANT_FIRST, last: limits::ATTENDANT_LAST },
                Value::Service { service: Service::tcp(211) },
                Value::Service { service: Service::tcp(14711) },
            ],
            ATTENDANT,
            &[Measured, Person],
        ),
        &[SectionId::known("6.6")],
    ),
    // 3.5 AD integration
    also(
        req(
            "ad.outbound",
            "3.5",
            Must,
            "Outgoing traffic to the AD Integration servers 213.65.58.109 and 213.65.37.180 on TCP/443 is allowed.",
            &[
                Value::Address { address: limits::AD_SERVER_FIRST },
                Value::Address { address: limits::AD_SERVER_SECOND },
                Value::Service { service: Service::tcp(443) },
            ],
            Add(AddOn::AdIntegration),
            &[Measured, Person],
        ),
        &[SectionId::known("6.7")],
    ),
    req(
        "ad.import-file",
        "3.5",
        Must,
        "The customer produces a CSV or LDIF file of user data and uploads it; the mobile number is the unique identifier, else the fixed number.",
        &[],
        Add(AddOn::AdIntegration),
        &[File, Person],
    ),
    req(
        "ad.export-identifier",
        "3.5",
        Must,
        "The customer's Touchpoint Plus directory has a unique user identifier for exports; Telia recommends the e-mail address.",
        &[],
        Add(AddOn::AdIntegration),
        &[File, Person],
    ),
    req(
        "ad.export-frequency",
        "3.5",
        Must,
        "The export file is downloaded at most once per 24 hours.",
        &[Value::Period { period: limits::AD_EXPORT_MIN_INTERVAL }],
        Add(AddOn::AdIntegration),
        &[Person],
    ),
    // 3.6 Call recording
    req(
        "recording.mail",
        "3.6",
        Must,
        "Incoming mail from no-reply@touchpoint.telia.se is allowed and not regarded as spam.",
        &[Value::Email { address: limits::RECORDING_SENDER }],
        Add(AddOn::CallRecording),
        &[Person],
    ),
    // 4 Other products
    req(
        "other.products",
        "4",
        Must,
        "Other ordered products that interact with Touchpoint Plus may add requirements: ask Telia.",
        &[],
        Always,
        &[Person],
    ),
    // 5 Bandwidth
    req(
        "bandwidth.latest-figures",
        "5",
        Recommended,
        "Bandwidth calculations use the latest documentation of each product.",
        &[],
        Always,
        &[Person],
    ),
    req(
        "bandwidth.minimum",
        "5.1",
        Must,
        "The connection has at least the calculated bandwidth, 100 kbit/s per concurrent call plus the per-user integrations: that sum is the absolute minimum.",
        &[Value::BandwidthPerCall { bandwidth: limits::CALL_BANDWIDTH }],
        Always,
        &[Calculated, Measured],
    ),
    // 6 Firewall openings: one requirement per table; the rules themselves are in `firewall`.
    req(
        "firewall.web-portal",
        "6.1",
        Must,
        "The openings of table 6.1 (web portal) are in place.",
        &[],
        Always,
        &[Calculated, Measured],
    ),
    req(
        "firewall.softphone",
        "6.2",
        Must,
        "The openings of tables 6.1 and 6.2 (softphone) are in place.",
        &[],
        Condition::SOFTPHONE,
        &[Calculated, Measured],
    ),
    req(
        "firewall.ip-phones",
        "6.3",
        Must,
        "The openings of tables 6.1, 6.2 and 6.3 (IP phones and ATA boxes) are in place.",
        &[],
        Condition::Any(&[Ep(Endpoint::IpPhone), Ep(Endpoint::Ata)]),
        &[Calculated, Measured],
    ),
    req(
        "firewall.exchange",
        "6.4",
        Must,
        "The inbound opening of table 6.4 (Exchange on premise) is in place.",
        &[],
        Add(AddOn::ExchangeOnPremise),
        &[Calculated, Person],
    ),
    req(
        "firewall.s4b",
        "6.5",
        Must,
        "The openings of table 6.5 (S4B/Lync) for the chosen level are in place.",
        &[],
        S4B,
        &[Calculated, Person],
    ),
    req(
        "firewall.attendant",
        "6.6",
        Must,
        "The openings of table 6.6 (Advanced Attendant) are in place.",
        &[],
        ATTENDANT,
        &[Calculated, Measured],
    ),
    req(
        "firewall.ad",
        "6.7",
        Must,
        "The opening of table 6.7 (AD Integration) is in place.",
        &[],
        Add(AddOn::AdIntegration),
        &[Calculated, Measured],
    ),
];

/// Ids that once named a requirement and no longer do, with what took their place. They stay
/// reserved (an id is never reused for another meaning), and links and saved plans that confirm
/// them still open: the confirmation is dropped, since nothing is left to confirm.
pub const RETIRED_REQUIREMENTS: &[RetiredRequirement] = &[RetiredRequirement {
    id: "net.wired-network",
    // 2.1's "cannot be guaranteed in wireless network" limits what Telia guarantees; it asks
    // nothing of the site.
    advisory: crate::advisory::AdvisoryId::known("net.wireless-not-guaranteed"),
}];

/// A requirement id that is no longer used; see [`RETIRED_REQUIREMENTS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetiredRequirement {
    pub id: &'static str,
    /// The advisory that now says what the requirement said.
    pub advisory: crate::advisory::AdvisoryId,
}

/// Whether `id` once named a requirement that has been retired.
pub fn is_retired(id: &str) -> bool {
    RETIRED_REQUIREMENTS.iter().any(|retired| retired.id == id)
}

/// Looks a requirement up by id.
pub fn requirement(id: &str) -> Option<&'static Requirement> {
    REQUIREMENTS.iter().find(|requirement| requirement.id.0 == id)
}

#[cfg(test)]
mod display_tests {
    use super::RequirementId;

    #[test]
    fn an_id_pads_as_text_does() {
        let id = RequirementId::parse("net.jitter").unwrap();
        assert_eq!(format!("{id:<12}|{id:>12}|{id}"), "net.jitter  |  net.jitter|net.jitter");
    }
}
