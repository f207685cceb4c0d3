//! 3.1.1: the Office 365 client secret of the calendar integration. Microsoft caps its life at
//! [`limits::CLIENT_SECRET_MAX_AGE`]; when it expires the synchronisation stops. From the day it
//! was created and the lifetime chosen: when it expires, how many days are left, the verdicts,
//! and an .ics reminder a month before.

use crate::addon::calendar::{add_days, add_months, days_between, period_text, shift};
use crate::addon::ics::{self, Reminder};
use crate::limits;
use crate::locale::{Bilingual, Locale};
use crate::requirement_id;
use crate::units::{Date, Period, TimeUnit};
use crate::verdict::{Finding, Verdict};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// How long before the expiry the reminder falls and a warning starts. Not a value of the
/// spec, which only says to renew in time: a month leaves room for a change request.
pub const RENEWAL_NOTICE: Period = Period { amount: 1, unit: TimeUnit::Months };

/// The lifetime picked when the secret was made: calendar months, or a number of days
/// (Microsoft's custom end date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretLifetime {
    Months(u32),
    Days(u32),
}

/// Why a lifetime could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LifetimeError {
    #[error("\"{0}\" is not a lifetime: write months as 6m, 12m or 24m, or days as \"90 days\"")]
    Form(String),
    #[error("a lifetime of zero does not make a secret")]
    Zero,
}

impl LifetimeError {
    /// The problem in that language; `Display` is the English.
    pub fn message_in(&self, locale: Locale) -> String {
        match (self, locale) {
            (_, Locale::En) => self.to_string(),
            (LifetimeError::Form(text), Locale::Sv) => format!(
                "\"{text}\" är ingen livslängd: skriv månader som 6m, 12m eller 24m, eller dagar som \"90 dagar\""
            ),
            (LifetimeError::Zero, Locale::Sv) => "en livslängd på noll ger ingen hemlighet".to_owned(),
        }
    }
}

impl std::str::FromStr for SecretLifetime {
    type Err = LifetimeError;

    /// `6m`, `12 months`, `90d`, `90 days`, `1 day`, and in Swedish `12 månader`, `90 dagar`,
    /// `1 dag`; spaces and case do not matter.
    fn from_str(text: &str) -> Result<SecretLifetime, LifetimeError> {
        let form = || LifetimeError::Form(text.to_owned());
        let lower = text.trim().to_ascii_lowercase();
        let digits = lower.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 6 {
            return Err(form());
        }
        let (number, unit) = lower.split_at(digits);
        let amount: u32 = number.parse().map_err(|_| form())?;
        let lifetime = match unit.trim_start() {
            "m" | "month" | "months" | "mån" | "månad" | "månader" => SecretLifetime::Months(amount),
            "d" | "day" | "days" | "dag" | "dagar" => SecretLifetime::Days(amount),
            _ => return Err(form()),
        };
        if amount == 0 { Err(LifetimeError::Zero) } else { Ok(lifetime) }
    }
}

impl fmt::Display for SecretLifetime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SecretLifetime::Months(1) => f.write_str("1 month"),
            SecretLifetime::Months(months) => write!(f, "{months} months"),
            SecretLifetime::Days(1) => f.write_str("1 day"),
            SecretLifetime::Days(days) => write!(f, "{days} days"),
        }
    }
}

impl Serialize for SecretLifetime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SecretLifetime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<SecretLifetime, D::Error> {
        String::deserialize(deserializer)?.parse().map_err(serde::de::Error::custom)
    }
}

impl SecretLifetime {
    /// The lifetime as that language writes it: "6 months" (`Display`), "6 månader".
    pub fn in_locale(self, locale: Locale) -> String {
        match (self, locale) {
            (_, Locale::En) => self.to_string(),
            (SecretLifetime::Months(1), Locale::Sv) => "1 månad".to_owned(),
            (SecretLifetime::Months(months), Locale::Sv) => format!("{months} månader"),
            (SecretLifetime::Days(1), Locale::Sv) => "1 dag".to_owned(),
            (SecretLifetime::Days(days), Locale::Sv) => format!("{days} dagar"),
        }
    }

    /// The lifetime in both languages.
    pub fn text(self) -> Bilingual {
        Bilingual::each(|locale| self.in_locale(locale))
    }

    /// The day a secret made on `created` expires.
    pub fn expiry(self, created: Date) -> Option<Date> {
        match self {
            SecretLifetime::Months(months) => add_months(created, i64::from(months)),
            SecretLifetime::Days(days) => add_days(created, i64::from(days)),
        }
    }
}

/// What the person entered: the day the secret was created and its lifetime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretInput {
    pub created: Date,
    pub lifetime: SecretLifetime,
}

/// Why no verdict could be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    #[error("a secret created on {created} with a lifetime of {lifetime} would expire after the year 9999")]
    OutOfRange { created: Date, lifetime: SecretLifetime },
}

impl SecretError {
    /// The problem in that language; `Display` is the English.
    pub fn message_in(&self, locale: Locale) -> String {
        match (self, locale) {
            (_, Locale::En) => self.to_string(),
            (SecretError::OutOfRange { created, lifetime }, Locale::Sv) => {
                let lifetime = lifetime.in_locale(locale);
                format!("en hemlighet som skapas {created} med livslängden {lifetime} skulle gå ut efter år 9999")
            }
        }
    }
}

/// Everything the page shows about the secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SecretReport {
    pub created: Date,
    pub lifetime: SecretLifetime,
    pub expires: Date,
    /// Negative once it has expired.
    pub days_left: i64,
    /// The latest expiry Microsoft's cap allows for this creation day.
    pub latest_allowed_expiry: Date,
    /// The day of the reminder: a month before the expiry, or today when that is past.
    pub remind_on: Date,
    pub findings: Vec<Finding>,
    /// The reminder as an .ics file, in English.
    pub ics: String,
    /// The same reminder in Swedish ([`SecretReport::ics_in`] picks one).
    #[serde(skip)]
    pub ics_sv: String,
}

impl SecretReport {
    /// The reminder's .ics text in that language.
    pub fn ics_in(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.ics,
            Locale::Sv => &self.ics_sv,
        }
    }
}

/// The verdicts on a client secret created on `input.created` with `input.lifetime`, as of `today`.
pub fn validate_client_secret(input: &SecretInput, today: Date) -> Result<SecretReport, SecretError> {
    let out_of_range = || SecretError::OutOfRange { created: input.created, lifetime: input.lifetime };
    let expires = input.lifetime.expiry(input.created).ok_or_else(out_of_range)?;
    let latest_allowed_expiry = shift(input.created, limits::CLIENT_SECRET_MAX_AGE, 1).ok_or_else(out_of_range)?;
    let notice_from = shift(expires, RENEWAL_NOTICE, -1).unwrap_or(expires);
    let remind_on = notice_from.max(today);
    let days_left = days_between(today, expires);
    let requirement = requirement_id!("exchange-online.client-secret");
    let finding =
        |verdict, evidence: Bilingual, advice: Option<Bilingual>| Finding::new(requirement, verdict, evidence, advice);
    let (created, lifetime) = (input.created, input.lifetime.text());
    let (lifetime_en, lifetime_sv) = (&lifetime.en, &lifetime.sv);
    let cap = period_text(limits::CLIENT_SECRET_MAX_AGE);
    let (cap_en, cap_sv) = (&cap.en, &cap.sv);
    let renew = crate::bilingual!(
        "Create a new client secret as the calendar-integration instruction says, give it to Telia, then remove the old one. Lifetimes up to {cap_en} are allowed.",
        "Skapa en ny klienthemlighet enligt instruktionen för kalenderintegrationen, ge den till Telia och ta sedan bort den gamla. Livslängder upp till {cap_sv} är tillåtna."
    );
    let (renew_en, renew_sv) = (&renew.en, &renew.sv);
    let mut findings = Vec::new();
    if input.created > today {
        findings.push(finding(
            Verdict::Warning,
            crate::bilingual!(
                "The creation day {created} is after today, {today}",
                "Skapandedagen {created} ligger efter i dag, {today}"
            ),
            Some(Bilingual::new(
                "Check the date: the Entra admin center shows when each secret was added.",
                "Kontrollera datumet: administrationscentret för Entra visar när varje hemlighet lades till.",
            )),
        ));
    }
    if expires > latest_allowed_expiry {
        findings.push(finding(
            Verdict::Fail,
            crate::bilingual!(
                "A lifetime of {lifetime_en} from {created} ends on {expires}, after {latest_allowed_expiry}: longer than Microsoft's cap of {cap_en}",
                "En livslängd på {lifetime_sv} från {created} slutar {expires}, efter {latest_allowed_expiry}: längre än Microsofts gräns på {cap_sv}"
            ),
            Some(crate::bilingual!(
                "A secret cannot be created with this lifetime; check the Expires column in the Entra admin center and enter the lifetime it shows. {renew_en}",
                "En hemlighet kan inte skapas med den här livslängden; kontrollera kolumnen för utgångsdatum (Expires) i administrationscentret för Entra och ange den livslängd som visas där. {renew_sv}"
            )),
        ));
    } else {
        findings.push(finding(
            Verdict::Pass,
            crate::bilingual!(
                "A lifetime of {lifetime_en} is within Microsoft's cap of {cap_en} (from {created}, the latest expiry is {latest_allowed_expiry})",
                "En livslängd på {lifetime_sv} ryms inom Microsofts gräns på {cap_sv} (från {created} är det senaste utgångsdatumet {latest_allowed_expiry})"
            ),
            None,
        ));
    }
    let expiry = if days_left < 0 {
        let ago = -days_left;
        finding(
            Verdict::Fail,
            crate::bilingual!(
                "Expired on {expires}, {ago} days ago (created {created}, lifetime {lifetime_en}): calendar synchronisation with Touchpoint Plus has stopped",
                "Gick ut {expires}, för {ago} dagar sedan (skapad {created}, livslängd {lifetime_sv}): kalendersynkroniseringen med Touchpoint Plus har slutat"
            ),
            Some(renew.clone()),
        )
    } else if today >= notice_from {
        let when = if days_left == 0 {
            Bilingual::new("today", "i dag")
        } else {
            crate::bilingual!("in {days_left} days", "om {days_left} dagar")
        };
        let (when_en, when_sv) = (&when.en, &when.sv);
        let notice = period_text(RENEWAL_NOTICE);
        let (notice_en, notice_sv) = (&notice.en, &notice.sv);
        finding(
            Verdict::Warning,
            crate::bilingual!(
                "Expires on {expires}, {when_en}: less than {notice_en} away (created {created}, lifetime {lifetime_en})",
                "Går ut {expires}, {when_sv}: mindre än {notice_sv} kvar (skapad {created}, livslängd {lifetime_sv})"
            ),
            Some(crate::bilingual!(
                "Renew it now, before the synchronisation stops. {renew_en}",
                "Förnya den nu, innan synkroniseringen slutar. {renew_sv}"
            )),
        )
    } else {
        finding(
            Verdict::Pass,
            crate::bilingual!(
                "Expires on {expires}, in {days_left} days (created {created}, lifetime {lifetime_en}); the reminder falls on {notice_from}",
                "Går ut {expires}, om {days_left} dagar (skapad {created}, livslängd {lifetime_sv}); påminnelsen infaller {notice_from}"
            ),
            Some(Bilingual::new(
                "Add the reminder to a calendar the team reads, so that the secret is renewed in time.",
                "Lägg in påminnelsen i en kalender som teamet läser, så att hemligheten förnyas i tid.",
            )),
        )
    };
    findings.push(expiry);
    let mut report = SecretReport {
        created: input.created,
        lifetime: input.lifetime,
        expires,
        days_left,
        latest_allowed_expiry,
        remind_on,
        findings,
        ics: String::new(),
        ics_sv: String::new(),
    };
    report.ics = reminder_ics(&report, today);
    report.ics_sv = reminder_ics_in(&report, today, Locale::Sv);
    Ok(report)
}

/// The reminder as the text of an .ics file (RFC 5545): one all-day event on
/// `report.remind_on`, stamped with `today`. In English: [`reminder_ics_in`] writes either.
pub fn reminder_ics(report: &SecretReport, today: Date) -> String {
    reminder_ics_in(report, today, Locale::En)
}

/// The reminder's .ics text in that language; the event's UID is the same in both, so that
/// importing one after the other updates the event.
pub fn reminder_ics_in(report: &SecretReport, today: Date, locale: Locale) -> String {
    let requirement = requirement_id!("exchange-online.client-secret");
    let (created, expires, section, version) =
        (report.created, report.expires, requirement.section(), crate::SPEC_VERSION);
    let lifetime = report.lifetime.in_locale(locale);
    let cap = crate::addon::calendar::period_in(limits::CLIENT_SECRET_MAX_AGE, locale);
    let (summary, description, language) = match locale {
        Locale::En => (
            format!("Renew the Office 365 client secret for Touchpoint Plus (expires {expires})"),
            format!(
                "The client secret of the Touchpoint Plus calendar integration was created on {created} with a lifetime of {lifetime} and expires on {expires}. \
                 When it expires, the calendar synchronisation with Touchpoint Plus stops.\n\
                 Create a new client secret as the instruction \"Configuration of IT environment for Telia Touchpoint Plus – Calendar integration\" says, \
                 give it to Telia, then remove the old one. Microsoft caps a client secret at {cap}.\n\
                 (Section {section} of the Touchpoint Plus site environment requirements v{version}.)"
            ),
            "EN",
        ),
        Locale::Sv => (
            format!("Förnya klienthemligheten för Office 365 till Touchpoint Plus (går ut {expires})"),
            format!(
                "Klienthemligheten för kalenderintegrationen i Touchpoint Plus skapades {created} med livslängden {lifetime} och går ut {expires}. \
                 När den går ut slutar kalendersynkroniseringen med Touchpoint Plus.\n\
                 Skapa en ny klienthemlighet enligt instruktionen \"Configuration of IT environment for Telia Touchpoint Plus – Calendar integration\", \
                 ge den till Telia och ta sedan bort den gamla. Microsoft begränsar en klienthemlighets livslängd till {cap}.\n\
                 (Avsnitt {section} i Touchpoint Plus site environment requirements v{version}.)"
            ),
            "SV",
        ),
    };
    let reminder = Reminder {
        uid: format!("client-secret-{created}-{expires}@sitecheck"),
        made_on: today,
        day: report.remind_on,
        summary,
        description,
    };
    ics::calendar(&format!("-//sitecheck//Touchpoint Plus site readiness//{language}"), &reminder)
}

// Natively only: proptest's random source does not build for wasm32-unknown-unknown.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lifetimes_are_read_in_months_or_days() {
        let check = |text: &str, expected: Result<SecretLifetime, LifetimeError>| {
            assert_eq!(text.parse::<SecretLifetime>(), expected, "{text}");
        };
        check("6m", Ok(SecretLifetime::Months(6)));
        check("24M", Ok(SecretLifetime::Months(24)));
        check("12 months", Ok(SecretLifetime::Months(12)));
        check("90 days", Ok(SecretLifetime::Days(90)));
        check("1 day", Ok(SecretLifetime::Days(1)));
        check(" 180d ", Ok(SecretLifetime::Days(180)));
        check("0m", Err(LifetimeError::Zero));
        check("two years", Err(LifetimeError::Form("two years".into())));
        check("2y", Err(LifetimeError::Form("2y".into())));
        check("", Err(LifetimeError::Form(String::new())));
        check("99999999 days", Err(LifetimeError::Form("99999999 days".into())));
    }

    /// (created, lifetime, today) → the verdicts in order, the expiry and the days left.
    fn check(created: Date, lifetime: &str, today: Date, verdicts: &[Verdict], expires: Date, days_left: i64) {
        let input = SecretInput { created, lifetime: lifetime.parse().unwrap() };
        let report = validate_client_secret(&input, today).unwrap();
        let seen: Vec<Verdict> = report.findings.iter().map(|finding| finding.verdict).collect();
        assert_eq!(seen, verdicts, "{created} {lifetime} on {today}: {:#?}", report.findings);
        assert_eq!((report.expires, report.days_left), (expires, days_left), "{created} {lifetime} on {today}");
        assert!(
            report
                .findings
                .iter()
                .all(|finding| finding.requirement == requirement_id!("exchange-online.client-secret"))
        );
    }

    #[test]
    fn verdicts_follow_the_expiry_and_the_cap() {
        use Verdict::{Fail, Pass, Warning};
        let created = Date::new(2026, 1, 15);
        // Far from the expiry: both pass.
        check(created, "12m", Date::new(2026, 6, 1), &[Pass, Pass], Date::new(2027, 1, 15), 228);
        check(created, "24m", Date::new(2026, 6, 1), &[Pass, Pass], Date::new(2028, 1, 15), 593);
        // Exactly a month before: the notice has begun.
        check(created, "6m", Date::new(2026, 6, 15), &[Pass, Warning], Date::new(2026, 7, 15), 30);
        check(created, "6m", Date::new(2026, 6, 14), &[Pass, Pass], Date::new(2026, 7, 15), 31);
        // Expires today: still a warning; the day after: expired.
        check(created, "90 days", Date::new(2026, 4, 15), &[Pass, Warning], Date::new(2026, 4, 15), 0);
        check(created, "90 days", Date::new(2026, 4, 16), &[Pass, Fail], Date::new(2026, 4, 15), -1);
        // Two years to the day is allowed; a day longer is not.
        check(created, "730 days", Date::new(2026, 6, 1), &[Pass, Pass], Date::new(2028, 1, 15), 593);
        check(created, "731 days", Date::new(2026, 6, 1), &[Fail, Pass], Date::new(2028, 1, 16), 594);
        check(created, "25m", Date::new(2026, 6, 1), &[Fail, Pass], Date::new(2028, 2, 15), 624);
        // Made after today: a warning on the date, and the rest as usual.
        check(Date::new(2026, 7, 1), "6m", Date::new(2026, 6, 1), &[Warning, Pass, Pass], Date::new(2027, 1, 1), 214);
    }

    #[test]
    fn the_reminder_falls_a_month_before_or_today() {
        let input = SecretInput { created: Date::new(2026, 3, 31), lifetime: SecretLifetime::Months(6) };
        let report = validate_client_secret(&input, Date::new(2026, 4, 1)).unwrap();
        assert_eq!(report.expires, Date::new(2026, 9, 30));
        assert_eq!(report.remind_on, Date::new(2026, 8, 30));
        let late = validate_client_secret(&input, Date::new(2026, 9, 20)).unwrap();
        assert_eq!(late.remind_on, Date::new(2026, 9, 20));
    }

    #[test]
    fn the_ics_is_a_calendar_with_one_dated_event() {
        let input = SecretInput { created: Date::new(2026, 1, 15), lifetime: SecretLifetime::Months(24) };
        let report = validate_client_secret(&input, Date::new(2026, 6, 1)).unwrap();
        let text = &report.ics;
        assert!(text.split("\r\n").all(|line| line.len() <= ics::MAX_LINE_OCTETS));
        assert!(!text.replace("\r\n", "").contains('\n'), "every line ends in CRLF");
        let lines = ics::unfold(text);
        let property = |name: &str| -> Vec<&str> { lines.iter().filter_map(|line| line.strip_prefix(name)).collect() };
        assert_eq!(lines.first().unwrap(), "BEGIN:VCALENDAR");
        assert_eq!(lines.last().unwrap(), "END:VCALENDAR");
        assert_eq!(property("VERSION:"), ["2.0"]);
        assert_eq!(property("PRODID:").len(), 1);
        assert_eq!(property("BEGIN:"), ["VCALENDAR", "VEVENT", "VALARM"]);
        assert_eq!(property("END:"), ["VALARM", "VEVENT", "VCALENDAR"]);
        assert_eq!(property("UID:"), ["client-secret-2026-01-15-2028-01-15@sitecheck"]);
        assert_eq!(property("DTSTAMP:"), ["20260601T000000Z"]);
        assert_eq!(property("DTSTART;VALUE=DATE:"), ["20271215"]);
        assert_eq!(property("DTEND;VALUE=DATE:"), ["20271216"]);
        assert_eq!(
            property("SUMMARY:"),
            ["Renew the Office 365 client secret for Touchpoint Plus (expires 2028-01-15)"]
        );
        let description = property("DESCRIPTION:")[0];
        assert!(description.contains("created on 2026-01-15 with a lifetime of 24 months and expires on 2028-01-15"));
        assert!(description.contains("\\n") && description.contains("\\,"), "escaped: {description}");
        assert!(lines.iter().any(|line| line.len() > ics::MAX_LINE_OCTETS), "the description was long enough to fold");
    }

    #[test]
    fn an_expiry_past_the_calendar_is_an_error() {
        let input = SecretInput { created: Date::new(9999, 6, 1), lifetime: SecretLifetime::Months(12) };
        assert!(matches!(validate_client_secret(&input, Date::new(2026, 6, 1)), Err(SecretError::OutOfRange { .. })));
    }

    proptest! {
        #[test]
        fn lifetimes_never_panic_and_round_trip(text in "\\PC{0,20}") {
            if let Ok(lifetime) = text.parse::<SecretLifetime>() {
                prop_assert_eq!(lifetime.to_string().parse::<SecretLifetime>(), Ok(lifetime));
            }
        }

        #[test]
        fn every_secret_gets_two_verdicts_and_an_ics(
            year in 1990u16..2100, month in 1u8..=12, day in 1u8..=28,
            months in 1u32..40, days in 1u32..2000, in_days in prop::bool::ANY, offset in -1000i64..1000,
        ) {
            let created = Date::new(year, month, day);
            let lifetime = if in_days { SecretLifetime::Days(days) } else { SecretLifetime::Months(months) };
            let today = add_days(created, offset).unwrap();
            let report = validate_client_secret(&SecretInput { created, lifetime }, today).unwrap();
            prop_assert!(report.findings.len() >= 2);
            prop_assert_eq!(days_between(today, report.expires), report.days_left);
            prop_assert!(report.remind_on >= today && report.remind_on <= report.expires.max(today));
            prop_assert!(report.ics.starts_with("BEGIN:VCALENDAR\r\n"));
        }
    }
}
