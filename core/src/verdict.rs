//! The verdict model every check reports in.

use crate::locale::{Bilingual, Locale, Text};
use crate::requirement::RequirementId;
use crate::section::SectionId;
use crate::units::Date;
use serde::{Serialize, Serializer};
use std::fmt;

/// The outcome of one check. Nothing passes that was not seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Pass,
    Fail,
    Warning,
    NeedsConfirmation,
    NotApplicable,
}

impl Verdict {
    pub const ALL: &'static [Verdict] =
        &[Verdict::Pass, Verdict::Fail, Verdict::Warning, Verdict::NeedsConfirmation, Verdict::NotApplicable];

    pub const fn label(self) -> &'static str {
        self.label_text().en
    }

    pub const fn label_in(self, locale: Locale) -> &'static str {
        self.label_text().get(locale)
    }

    const fn label_text(self) -> Text {
        match self {
            Verdict::Pass => Text { en: "Pass", sv: "Godkänt" },
            Verdict::Fail => Text { en: "Fail", sv: "Underkänt" },
            Verdict::Warning => Text { en: "Warning", sv: "Varning" },
            Verdict::NeedsConfirmation => Text { en: "Needs confirmation", sv: "Behöver bekräftas" },
            Verdict::NotApplicable => Text { en: "Not applicable", sv: "Gäller inte" },
        }
    }

    /// The kebab-case name used in JSON and CSS classes.
    pub const fn slug(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Warning => "warning",
            Verdict::NeedsConfirmation => "needs-confirmation",
            Verdict::NotApplicable => "not-applicable",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A verdict with what it rests on: what was read or measured, how, and the spec section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The requirement this finding is about.
    pub requirement: RequirementId,
    pub section: SectionId,
    pub verdict: Verdict,
    /// What was seen and how ("Chrome 131 on Windows 10 or 11, read from the user-agent string").
    pub evidence: Bilingual,
    /// What to do about it, when anything.
    pub advice: Option<Bilingual>,
    /// Ids of advisories that bear on this finding.
    pub advisories: Vec<crate::advisory::AdvisoryId>,
    /// Set when a person confirmed what the browser could not see: the day they did.
    pub confirmed_on: Option<Date>,
    /// The measured figures the evidence states, as data: what a report or a test reads
    /// without parsing the sentence.
    pub figures: Vec<Figure>,
}

/// What a measured figure is, and so its unit: the name ends in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FigureName {
    /// Half the median round trip.
    OneWayMs,
    MedianMs,
    MinimumMs,
    P95Ms,
    /// Mean absolute difference of consecutive round trips.
    JitterMs,
    Rfc3550JitterMs,
    /// Samples sent, and of those lost.
    Sent,
    Lost,
    LossPercent,
    /// Warm-ups before the samples, and fresh ones among them after a loss or a new connection.
    WarmUps,
    FreshWarmUps,
    /// How long a request took to end, answered or not; the time bound of one never answered.
    ElapsedMs,
    TimeoutMs,
    /// The concurrent calls of the plan, and those streamed (one when the plan has none).
    PlanCalls,
    TestedCalls,
    RequiredKbps,
    SentKbps,
    ReceivedKbps,
    /// A port that was not requested.
    Port,
}

impl FigureName {
    /// Every name, for the tests.
    pub const ALL: &[FigureName] = &[
        FigureName::OneWayMs,
        FigureName::MedianMs,
        FigureName::MinimumMs,
        FigureName::P95Ms,
        FigureName::JitterMs,
        FigureName::Rfc3550JitterMs,
        FigureName::Sent,
        FigureName::Lost,
        FigureName::LossPercent,
        FigureName::WarmUps,
        FigureName::FreshWarmUps,
        FigureName::ElapsedMs,
        FigureName::TimeoutMs,
        FigureName::PlanCalls,
        FigureName::TestedCalls,
        FigureName::RequiredKbps,
        FigureName::SentKbps,
        FigureName::ReceivedKbps,
        FigureName::Port,
    ];

    /// The kebab-case name used in JSON and in the cards' `data-` attributes.
    pub const fn slug(self) -> &'static str {
        match self {
            FigureName::OneWayMs => "one-way-ms",
            FigureName::MedianMs => "median-ms",
            FigureName::MinimumMs => "minimum-ms",
            FigureName::P95Ms => "p95-ms",
            FigureName::JitterMs => "jitter-ms",
            FigureName::Rfc3550JitterMs => "rfc3550-jitter-ms",
            FigureName::Sent => "sent",
            FigureName::Lost => "lost",
            FigureName::LossPercent => "loss-percent",
            FigureName::WarmUps => "warm-ups",
            FigureName::FreshWarmUps => "fresh-warm-ups",
            FigureName::ElapsedMs => "elapsed-ms",
            FigureName::TimeoutMs => "timeout-ms",
            FigureName::PlanCalls => "plan-calls",
            FigureName::TestedCalls => "tested-calls",
            FigureName::RequiredKbps => "required-kbps",
            FigureName::SentKbps => "sent-kbps",
            FigureName::ReceivedKbps => "received-kbps",
            FigureName::Port => "port",
        }
    }

    /// How many stored units make one shown unit: times are kept in microseconds and shown in
    /// milliseconds, percentages kept in permille; counts, ports and kbit/s are whole.
    pub const fn scale(self) -> u64 {
        match self {
            FigureName::OneWayMs
            | FigureName::MedianMs
            | FigureName::MinimumMs
            | FigureName::P95Ms
            | FigureName::JitterMs
            | FigureName::Rfc3550JitterMs
            | FigureName::ElapsedMs
            | FigureName::TimeoutMs => 1000,
            FigureName::LossPercent => 10,
            FigureName::Sent
            | FigureName::Lost
            | FigureName::WarmUps
            | FigureName::FreshWarmUps
            | FigureName::PlanCalls
            | FigureName::TestedCalls
            | FigureName::RequiredKbps
            | FigureName::SentKbps
            | FigureName::ReceivedKbps
            | FigureName::Port => 1,
        }
    }
}

impl Serialize for FigureName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.slug())
    }
}

/// One measured figure: exact, in the stored unit of its name (see [`FigureName::scale`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Figure {
    pub name: FigureName,
    stored: u64,
}

impl Figure {
    /// A time, stored in microseconds.
    pub fn micros(name: FigureName, micros: u64) -> Figure {
        debug_assert_eq!(name.scale(), 1000, "{name:?} is no time");
        Figure { name, stored: micros }
    }

    /// A time given in whole milliseconds.
    pub fn millis(name: FigureName, millis: u64) -> Figure {
        Figure::micros(name, millis.saturating_mul(1000))
    }

    /// A percentage, stored in permille.
    pub fn permille(name: FigureName, permille: u64) -> Figure {
        debug_assert_eq!(name.scale(), 10, "{name:?} is no percentage");
        Figure { name, stored: permille }
    }

    /// A count, a port or a whole kbit/s.
    pub fn whole(name: FigureName, value: u64) -> Figure {
        debug_assert_eq!(name.scale(), 1, "{name:?} is not whole");
        Figure { name, stored: value }
    }

    /// The value in the unit its name ends in (milliseconds, percent, or as counted).
    pub fn value(self) -> f64 {
        self.stored as f64 / self.name.scale() as f64
    }

    /// The value as written in the evidence and the `data-` attribute: exact, only the
    /// digits it needs ("20.5", "1000").
    pub fn text(self) -> String {
        struct Exact(u64, u64);
        impl fmt::Display for Exact {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                crate::units::write_decimal(f, self.0, self.1)
            }
        }
        Exact(self.stored, self.name.scale()).to_string()
    }
}

impl Serialize for Figure {
    /// `{"name": "median-ms", "value": 20.5}`: whole values as integers.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut figure = serializer.serialize_struct("Figure", 2)?;
        figure.serialize_field("name", &self.name)?;
        if self.stored.is_multiple_of(self.name.scale()) {
            figure.serialize_field("value", &(self.stored / self.name.scale()))?;
        } else {
            figure.serialize_field("value", &self.value())?;
        }
        figure.end()
    }
}

/// The heading of each check's card, for every requirement a check of the app reports on.
/// A test runs every check and fails when one reports on a requirement missing here.
pub const CHECK_TITLES: &[(RequirementId, Text)] = &[
    (
        RequirementId::known("pc.browser"),
        Text { en: "Web browser for administration", sv: "Webbläsare för administration" },
    ),
    (
        RequirementId::known("softphone.pc-os"),
        Text { en: "Operating system for the softphone", sv: "Operativsystem för softphonen" },
    ),
    (
        RequirementId::known("softphone.mac-os"),
        Text { en: "Operating system for the softphone", sv: "Operativsystem för softphonen" },
    ),
    (RequirementId::known("softphone.mac-intel"), Text { en: "Mac processor", sv: "Processor i Macen" }),
    (RequirementId::known("softphone.pc-memory"), Text { en: "Memory (RAM)", sv: "Minne (RAM)" }),
    (RequirementId::known("softphone.mac-memory"), Text { en: "Memory (RAM)", sv: "Minne (RAM)" }),
    (RequirementId::known("softphone.pc-sound"), Text { en: "Sound device", sv: "Ljudenhet" }),
    (
        RequirementId::known("softphone.screen"),
        Text { en: "Screen size for the ACD and Attendant views", sv: "Skärmstorlek för ACD- och Attendant-vyerna" },
    ),
    (
        RequirementId::known("softphone.single-user"),
        Text {
            en: "Single-user computer (no thin client or app streaming)",
            sv: "Dator med en användare (ingen tunn klient eller app-streaming)",
        },
    ),
    (RequirementId::known("mobile.os-version"), Text { en: "Mobile operating system", sv: "Operativsystem i mobilen" }),
    (
        RequirementId::known("net.dns-name"),
        Text { en: "The platform answers over HTTPS", sv: "Plattformen svarar över HTTPS" },
    ),
    (
        RequirementId::known("net.one-way-delay"),
        Text { en: "Delay to the platform", sv: "Fördröjning till plattformen" },
    ),
    (RequirementId::known("net.jitter"), Text { en: "Jitter", sv: "Jitter (variation i fördröjning)" }),
    (RequirementId::known("net.packet-loss"), Text { en: "Packet loss", sv: "Paketförlust" }),
    (RequirementId::known("net.outbound-openings"), Text { en: "UDP for calls", sv: "UDP för samtal" }),
    (
        RequirementId::known("net.call-bandwidth"),
        Text { en: "Bandwidth for the plan's calls", sv: "Bandbredd för planens samtal" },
    ),
    (
        RequirementId::known("mail.spf"),
        Text { en: "SPF names Telia's mail server", sv: "SPF-posten anger Telias e-postserver" },
    ),
    (
        RequirementId::known("recording.mail"),
        Text { en: "Call-recording mail reaches the inbox", sv: "E-post med samtalsinspelningar når inkorgen" },
    ),
    (
        RequirementId::known("exchange-online.client-secret"),
        Text { en: "Office 365 client secret", sv: "Klienthemlighet för Office 365" },
    ),
    (
        RequirementId::known("s4b.public-certificate"),
        Text { en: "Front End certificate from a public CA", sv: "Front End-certifikat från en publik CA" },
    ),
    (
        RequirementId::known("s4b.no-wildcard"),
        Text { en: "Front End certificate without wildcards", sv: "Front End-certifikat utan jokertecken" },
    ),
    (
        RequirementId::known("s4b.certificate-eku"),
        Text { en: "Front End certificate purposes (EKU)", sv: "Front End-certifikatets användningsområden (EKU)" },
    ),
    (
        RequirementId::known("s4b.private-certificate"),
        Text {
            en: "Private certificate add-on (Front End)", sv: "Tilläggstjänst för privata certifikat (Front End)"
        },
    ),
    (
        RequirementId::known("s4b.private-certificate-valid"),
        Text {
            en: "Private root and intermediates (Front End)",
            sv: "Privat rot- och mellanliggande certifikat (Front End)",
        },
    ),
    (
        RequirementId::known("s4b.private-certificate-notice"),
        Text {
            en: "Renewal notice for private certificates (Front End)",
            sv: "Förvarning om förnyelse av privata certifikat (Front End)",
        },
    ),
    (
        RequirementId::known("s4b-voice.public-certificate"),
        Text { en: "Mediation certificate from a public CA", sv: "Mediation-certifikat från en publik CA" },
    ),
    (
        RequirementId::known("s4b-voice.no-wildcard"),
        Text { en: "Mediation certificate without wildcards", sv: "Mediation-certifikat utan jokertecken" },
    ),
    (
        RequirementId::known("s4b-voice.certificate-eku"),
        Text { en: "Mediation certificate purposes (EKU)", sv: "Mediation-certifikatets användningsområden (EKU)" },
    ),
    (
        RequirementId::known("s4b-voice.private-certificate"),
        Text {
            en: "Private certificate add-on (Mediation)", sv: "Tilläggstjänst för privata certifikat (Mediation)"
        },
    ),
    (
        RequirementId::known("s4b-voice.private-certificate-valid"),
        Text {
            en: "Private root and intermediates (Mediation)",
            sv: "Privat rot- och mellanliggande certifikat (Mediation)",
        },
    ),
    (
        RequirementId::known("s4b-voice.private-certificate-notice"),
        Text {
            en: "Renewal notice for private certificates (Mediation)",
            sv: "Förvarning om förnyelse av privata certifikat (Mediation)",
        },
    ),
    (
        RequirementId::known("teams.e164"),
        Text { en: "Phone number in E.164 format (Teams)", sv: "Telefonnummer i E.164-format (Teams)" },
    ),
    (
        RequirementId::known("s4b-voice.e164"),
        Text { en: "Phone number in E.164 format (S4B/Lync)", sv: "Telefonnummer i E.164-format (S4B/Lync)" },
    ),
    (RequirementId::known("ad.import-file"), Text { en: "User import file", sv: "Fil för användarimport" }),
    (RequirementId::known("ad.export-identifier"), Text { en: "User export file", sv: "Fil för användarexport" }),
];

/// The card heading for a check; a requirement without one (a test prevents it) shows its
/// statement rather than a made-up word.
pub fn check_title(requirement: RequirementId) -> Text {
    CHECK_TITLES.iter().find(|(id, _)| *id == requirement).map_or_else(
        || {
            let requirement = requirement.requirement();
            Text { en: requirement.statement, sv: requirement.statement_in(Locale::Sv) }
        },
        |(_, title)| *title,
    )
}

/// The label of a pass a person settled.
const CONFIRMED_PASS: Text = Text { en: "Pass (confirmed)", sv: "Godkänt (bekräftat)" };

impl Finding {
    /// A finding about a requirement of the catalogue; its section comes from the catalogue.
    /// A person may settle what nobody could see, never a measured failure or warning.
    pub fn can_confirm(&self) -> bool {
        self.verdict == Verdict::NeedsConfirmation
    }

    /// A person's confirmation can be taken back.
    pub fn can_undo(&self) -> bool {
        self.confirmed_on.is_some()
    }

    /// The verdict as the card shows it: a pass a person settled says so.
    pub fn label(&self) -> &'static str {
        self.label_in(Locale::En)
    }

    pub fn label_in(&self, locale: Locale) -> &'static str {
        if self.confirmed_on.is_some() { CONFIRMED_PASS.get(locale) } else { self.verdict.label_in(locale) }
    }

    pub fn new(
        requirement: RequirementId,
        verdict: Verdict,
        evidence: Bilingual,
        advice: Option<Bilingual>,
    ) -> Finding {
        let section = requirement.section();
        Finding {
            requirement,
            section,
            verdict,
            evidence,
            advice,
            advisories: Vec::new(),
            confirmed_on: None,
            figures: Vec::new(),
        }
    }

    /// The same finding, carrying these figures.
    pub fn with_figures(self, figures: impl IntoIterator<Item = Figure>) -> Finding {
        Finding { figures: figures.into_iter().collect(), ..self }
    }

    /// The figure of that name, where the finding has one.
    pub fn figure(&self, name: FigureName) -> Option<Figure> {
        self.figures.iter().copied().find(|figure| figure.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_names_are_unique_kebab_case_and_end_in_their_unit() {
        for (index, name) in FigureName::ALL.iter().enumerate() {
            let slug = name.slug();
            assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{slug}");
            assert!(FigureName::ALL[..index].iter().all(|other| other.slug() != slug), "{slug} twice");
            // The name says the unit the value is shown in, and only that one.
            assert_eq!(slug.ends_with("-ms"), name.scale() == 1000, "{slug}");
            assert_eq!(slug.ends_with("-percent"), name.scale() == 10, "{slug}");
            assert_eq!(serde_json::to_string(name).unwrap(), format!("\"{slug}\""));
        }
    }

    #[test]
    fn figures_read_exactly() {
        let check = |figure: Figure, text: &str, value: f64, json: &str| {
            assert_eq!(figure.text(), text, "{figure:?}");
            assert_eq!(figure.value(), value, "{figure:?}");
            assert_eq!(serde_json::to_string(&figure).unwrap(), json, "{figure:?}");
        };
        check(Figure::micros(FigureName::MedianMs, 20_500), "20.5", 20.5, r#"{"name":"median-ms","value":20.5}"#);
        check(Figure::micros(FigureName::MinimumMs, 7), "0.007", 0.007, r#"{"name":"minimum-ms","value":0.007}"#);
        check(Figure::millis(FigureName::TimeoutMs, 3000), "3000", 3000.0, r#"{"name":"timeout-ms","value":3000}"#);
        check(Figure::permille(FigureName::LossPercent, 25), "2.5", 2.5, r#"{"name":"loss-percent","value":2.5}"#);
        check(Figure::whole(FigureName::Lost, 12), "12", 12.0, r#"{"name":"lost","value":12}"#);
    }
}
