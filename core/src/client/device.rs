//! Verdicts on this computer or phone: the PC/Mac policy of 2.5.2 and the mobile policy of 2.8,
//! from what a browser can read, and honest about what it cannot.

use crate::advisory::AdvisoryId;
use crate::bilingual;
use crate::browser::browser_finding;
use crate::environment::{Cpu, Environment, Source};
use crate::limits;
use crate::locale::{Bilingual, Locale};
use crate::policy::{MobilePlatform, ReleaseTable, Staleness};
use crate::requirement::{Obligation, RequirementId};
use crate::requirement_id;
use crate::units::{Date, Resolution, format_decimal};
use crate::useragent::{Os, WindowsRelease};
use crate::verdict::{Finding, Verdict};
use serde::{Deserialize, Serialize};

/// What the browser reports about the machine besides its user agent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DeviceFacts {
    /// `navigator.deviceMemory` in GB; Chromium only, rounded down and capped at 8.
    pub device_memory: Option<f64>,
    /// `screen.width` and `screen.height`, in CSS pixels.
    pub screen_css: Option<(u32, u32)>,
    pub device_pixel_ratio: Option<f64>,
    pub audio: AudioDevices,
}

/// What `navigator.mediaDevices.enumerateDevices()` gave, without asking for permission.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub enum AudioDevices {
    /// Not read yet, or the page could not ask.
    #[default]
    Unknown,
    /// The API is missing (plain HTTP, or an old browser); the reason is shown.
    Unavailable {
        reason: Bilingual,
    },
    Listed {
        inputs: u32,
        outputs: u32,
    },
}

/// The verdict for a failed requirement: Fail for "must", Warning for "should".
fn shortfall(requirement_id: RequirementId) -> Verdict {
    match requirement_id.requirement().obligation {
        Obligation::Must => Verdict::Fail,
        _ => Verdict::Warning,
    }
}

fn finding(requirement_id: RequirementId, verdict: Verdict, evidence: Bilingual, advice: Option<Bilingual>) -> Finding {
    Finding::new(requirement_id, verdict, evidence, advice)
}

fn with_advisories(mut finding: Finding, advisories: &[AdvisoryId]) -> Finding {
    finding.advisories.extend_from_slice(advisories);
    finding
}

/// The kind of machine the page runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    Pc,
    Mac,
    Mobile(MobilePlatform),
    Other,
}

pub fn platform(environment: &Environment) -> Platform {
    match environment.os {
        Os::Windows(_) => Platform::Pc,
        Os::MacOs(_) => Platform::Mac,
        Os::Android(_) => Platform::Mobile(MobilePlatform::Android),
        Os::Ios(_) => Platform::Mobile(MobilePlatform::Ios),
        Os::ChromeOs | Os::Linux | Os::Other => Platform::Other,
    }
}

/// 2.5.1 with the evidence of how the browser was identified.
pub fn browser(environment: &Environment) -> Finding {
    let mut source = Bilingual::from(environment.browser_source.phrase_text());
    if environment.hints_conflict {
        source.push(&Bilingual::new(
            " (client hints disagree with it: the user-agent string may be overridden)",
            " (client hints säger något annat: user-agent-strängen kan vara ändrad)",
        ));
    }
    browser_finding(&environment.browser, &source)
}

fn os_evidence(environment: &Environment) -> Bilingual {
    let (os_en, os_sv) = (environment.os.name_in(Locale::En), environment.os.name_in(Locale::Sv));
    let source = environment.os_source.phrase_text();
    Bilingual::new(format!("{os_en}, {}", source.en), format!("{os_sv}, {}", source.sv))
}

/// 2.5.2: Windows 7.x or 10 on a PC, High Sierra or Mojave on a Mac.
pub fn operating_system(environment: &Environment) -> Finding {
    let evidence = os_evidence(environment);
    match environment.os {
        Os::Windows(release) => {
            let id = requirement_id!("softphone.pc-os");
            let (verdict, advice) = match release {
                WindowsRelease::Seven | WindowsRelease::Ten => (Verdict::Pass, None),
                WindowsRelease::TenOrEleven => (
                    Verdict::NeedsConfirmation,
                    Some(Bilingual::new(
                        "Browsers without client hints report Windows 10 and 11 alike. Check Settings › System › About: 2.5.2 lists Windows 10 (and 7), not 11.",
                        "Webbläsare utan client hints anger Windows 10 och 11 likadant. Se Inställningar › System › Om: 2.5.2 tar upp Windows 10 (och 7), inte 11.",
                    )),
                ),
                WindowsRelease::Eleven => (
                    Verdict::Warning,
                    Some(Bilingual::new(
                        "Windows 11 is not listed in 2.5.2 (v3.40 lists Windows 7.x and 10): confirm with Telia that the softphone is supported on it.",
                        "Windows 11 finns inte med i 2.5.2 (v3.40 tar upp Windows 7.x och 10): bekräfta med Telia att softphonen stöds på det.",
                    )),
                ),
                WindowsRelease::Xp
                | WindowsRelease::Vista
                | WindowsRelease::Eight
                | WindowsRelease::EightOne
                | WindowsRelease::Unknown => (
                    shortfall(id),
                    Some(Bilingual::new(
                        "2.5.2 requires Windows 7.x or Windows 10 for the softphone.",
                        "2.5.2 kräver Windows 7.x eller Windows 10 för softphonen.",
                    )),
                ),
            };
            with_advisories(finding(id, verdict, evidence, advice), &[crate::advisory_id!("pc.windows-aged")])
        }
        Os::MacOs(version) => {
            let id = requirement_id!("softphone.mac-os");
            // Every browser freezes the macOS version in its UA string at 10.15.7.
            let frozen = environment.os_source == Source::UserAgent
                && version.is_some_and(|version| version.major == 10 && version.minor == Some(15));
            let (verdict, advice) = match version {
                _ if frozen => (
                    Verdict::NeedsConfirmation,
                    Some(Bilingual::new(
                        "Browsers report every macOS since Catalina as 10.15.7. Check  › About This Mac: 2.5.2 lists High Sierra (10.13) and Mojave (10.14).",
                        "Webbläsare anger varje macOS sedan Catalina som 10.15.7. Se  › Om den här datorn: 2.5.2 tar upp High Sierra (10.13) och Mojave (10.14).",
                    )),
                ),
                Some(version) if version.major == 10 && matches!(version.minor, Some(13 | 14)) => (Verdict::Pass, None),
                Some(version)
                    if version.major > 10 || (version.major == 10 && version.minor.is_some_and(|minor| minor > 14)) =>
                {
                    (
                        Verdict::Warning,
                        Some(Bilingual::new(
                            "This macOS is newer than the releases 2.5.2 lists (High Sierra, Mojave): confirm with Telia that the softphone is supported on it.",
                            "Denna macOS är nyare än versionerna i 2.5.2 (High Sierra, Mojave): bekräfta med Telia att softphonen stöds på den.",
                        )),
                    )
                }
                Some(_) => (
                    shortfall(id),
                    Some(Bilingual::new(
                        "2.5.2 requires macOS High Sierra (10.13) or Mojave (10.14).",
                        "2.5.2 kräver macOS High Sierra (10.13) eller Mojave (10.14).",
                    )),
                ),
                None => (
                    Verdict::NeedsConfirmation,
                    Some(Bilingual::new(
                        "The macOS version could not be read. Check  › About This Mac.",
                        "macOS-versionen gick inte att läsa. Se  › Om den här datorn.",
                    )),
                ),
            };
            with_advisories(
                finding(id, verdict, evidence, advice),
                &[crate::advisory_id!("pc.macos-sierra-high"), crate::advisory_id!("pc.macos-apple-silicon")],
            )
        }
        Os::Android(_) | Os::Ios(_) => finding(
            requirement_id!("softphone.pc-os"),
            Verdict::NotApplicable,
            evidence,
            Some(Bilingual::new(
                "This is a mobile device: the PC/Mac requirements apply to the computers that run the softphone.",
                "Detta är en mobil enhet: kraven på PC/Mac gäller de datorer som kör softphonen.",
            )),
        ),
        Os::ChromeOs | Os::Linux | Os::Other => finding(
            requirement_id!("softphone.pc-os"),
            shortfall(requirement_id!("softphone.pc-os")),
            evidence,
            Some(Bilingual::new(
                "The Touchpoint Plus Softphone runs on Windows PCs and Macs (2.5.2); this computer can still administer the service in a supported browser.",
                "Touchpoint Plus Softphone körs på Windows-datorer och Mac (2.5.2); den här datorn kan ändå administrera tjänsten i en webbläsare som stöds.",
            )),
        ),
    }
}

/// 2.5.2: a Mac must have an Intel processor. Only Chromium's client hints can tell.
pub fn mac_processor(environment: &Environment) -> Option<Finding> {
    if platform(environment) != Platform::Mac {
        return None;
    }
    let id = requirement_id!("softphone.mac-intel");
    let result = match environment.cpu {
        Cpu::X86 => finding(
            id,
            Verdict::Pass,
            Bilingual::new(
                "Intel (x86) processor, read from client hints",
                "Intel-processor (x86), avläst från client hints",
            ),
            None,
        ),
        Cpu::Arm => finding(
            id,
            shortfall(id),
            Bilingual::new(
                "Apple silicon (arm) processor, read from client hints",
                "Apple silicon-processor (arm), avläst från client hints",
            ),
            Some(Bilingual::new(
                "2.5.2 requires a Mac with an Intel processor.",
                "2.5.2 kräver en Mac med Intel-processor.",
            )),
        ),
        Cpu::Unknown => finding(
            id,
            Verdict::NeedsConfirmation,
            Bilingual::new(
                "This browser does not say which processor the Mac has (the user-agent string says \"Intel\" on every Mac)",
                "Den här webbläsaren anger inte vilken processor Macen har (user-agent-strängen säger \"Intel\" på varje Mac)",
            ),
            Some(Bilingual::new(
                "Check  › About This Mac: \"Processor\" names Intel; \"Chip\" names Apple silicon.",
                "Se  › Om den här datorn: \"Processor\" anger Intel; \"Chip\" anger Apple silicon.",
            )),
        ),
    };
    Some(with_advisories(result, &[crate::advisory_id!("pc.macos-apple-silicon")]))
}

fn mobile_device() -> Bilingual {
    Bilingual::new("This is a mobile device", "Detta är en mobil enhet")
}

fn confirm_memory() -> Option<Bilingual> {
    let ram = limits::SOFTPHONE_RAM;
    Some(bilingual!(
        "Confirm the computer has at least {ram} RAM (Task Manager › Performance, or About This Mac).",
        "Bekräfta att datorn har minst {ram} RAM (Aktivitetshanteraren › Prestanda, eller Om den här datorn)."
    ))
}

/// 2.5.2: at least 16 GB RAM. Browsers report at most 8 GB, so a pass needs a person.
pub fn memory(environment: &Environment, facts: &DeviceFacts) -> Finding {
    let id = if platform(environment) == Platform::Mac {
        requirement_id!("softphone.mac-memory")
    } else {
        requirement_id!("softphone.pc-memory")
    };
    if matches!(platform(environment), Platform::Mobile(_)) {
        return finding(id, Verdict::NotApplicable, mobile_device(), None);
    }
    let required = f64::from(limits::SOFTPHONE_RAM.0);
    match facts.device_memory {
        Some(reported) if reported >= required => {
            let (en, sv) = (format_decimal(reported), Locale::Sv.decimals(&format_decimal(reported)));
            finding(
                id,
                Verdict::Pass,
                bilingual!("navigator.deviceMemory reports {en} GB", "navigator.deviceMemory anger {sv} GB"),
                None,
            )
        }
        // The figure is rounded down to a power of two: below 8 it bounds the memory from above.
        Some(reported) if reported < 8.0 => finding(
            id,
            shortfall(id),
            {
                let (en, sv) = (format_decimal(reported), Locale::Sv.decimals(&format_decimal(reported)));
                let (below_en, below_sv) =
                    (format_decimal(reported * 2.0), Locale::Sv.decimals(&format_decimal(reported * 2.0)));
                bilingual!(
                    "navigator.deviceMemory reports {en} GB, so this computer has less than {below_en} GB",
                    "navigator.deviceMemory anger {sv} GB, så den här datorn har mindre än {below_sv} GB"
                )
            },
            {
                let ram = limits::SOFTPHONE_RAM;
                Some(bilingual!(
                    "2.5.2 requires at least {ram} RAM for the softphone.",
                    "2.5.2 kräver minst {ram} RAM för softphonen."
                ))
            },
        ),
        Some(reported) => finding(
            id,
            Verdict::NeedsConfirmation,
            {
                let (en, sv) = (format_decimal(reported), Locale::Sv.decimals(&format_decimal(reported)));
                bilingual!(
                    "navigator.deviceMemory reports {en} GB, the most browsers ever report",
                    "navigator.deviceMemory anger {sv} GB, det mesta en webbläsare någonsin anger"
                )
            },
            confirm_memory(),
        ),
        None => finding(
            id,
            Verdict::NeedsConfirmation,
            Bilingual::new(
                "This browser does not report the amount of memory (navigator.deviceMemory is Chromium-only)",
                "Den här webbläsaren anger inte minnets storlek (navigator.deviceMemory finns bara i Chromium)",
            ),
            confirm_memory(),
        ),
    }
}

/// 2.5.2: at least 1024×768 physical pixels for ACD and Attendant users.
pub fn screen(environment: &Environment, facts: &DeviceFacts) -> Finding {
    let id = requirement_id!("softphone.screen");
    if matches!(platform(environment), Platform::Mobile(_)) {
        return finding(id, Verdict::NotApplicable, mobile_device(), None);
    }
    let Some((width, height)) = facts.screen_css else {
        return finding(
            id,
            Verdict::NeedsConfirmation,
            Bilingual::new("The screen size could not be read", "Skärmens storlek gick inte att läsa"),
            None,
        );
    };
    let ratio = facts.device_pixel_ratio.filter(|ratio| ratio.is_finite() && *ratio > 0.0).unwrap_or(1.0);
    let physical = Resolution {
        width: (f64::from(width) * ratio).round() as u32,
        height: (f64::from(height) * ratio).round() as u32,
    };
    let (ratio_en, ratio_sv) = (format_decimal(ratio), Locale::Sv.decimals(&format_decimal(ratio)));
    let evidence = bilingual!(
        "Screen {physical} physical pixels ({width}×{height} CSS pixels × device pixel ratio {ratio_en}), read from the browser",
        "Skärm med {physical} fysiska pixlar ({width}×{height} CSS-pixlar × pixelförhållande {ratio_sv}), avläst från webbläsaren"
    );
    // Either orientation will do: a rotated screen is the same screen.
    let landscape =
        Resolution { width: physical.width.max(physical.height), height: physical.width.min(physical.height) };
    if landscape.meets(limits::ACD_SCREEN) {
        finding(id, Verdict::Pass, evidence, None)
    } else {
        finding(id, shortfall(id), evidence, {
            let least = limits::ACD_SCREEN;
            Some(bilingual!(
                "Users with the ACD or Attendant view need a screen of at least {least} pixels.",
                "Användare av ACD- eller Attendant-vyn behöver en skärm på minst {least} pixlar."
            ))
        })
    }
}

/// 2.5.2: a sound card. Device kinds are visible without a permission prompt.
pub fn sound(environment: &Environment, facts: &DeviceFacts) -> Finding {
    let id = requirement_id!("softphone.pc-sound");
    if matches!(platform(environment), Platform::Mobile(_)) {
        return finding(id, Verdict::NotApplicable, mobile_device(), None);
    }
    let confirm = Some(Bilingual::new(
        "Confirm that the computer has a sound card or a USB headset.",
        "Bekräfta att datorn har ett ljudkort eller ett USB-headset.",
    ));
    match &facts.audio {
        AudioDevices::Listed { inputs, outputs } if inputs + outputs > 0 => finding(
            id,
            Verdict::Pass,
            bilingual!(
                "{inputs} audio input(s) and {outputs} audio output(s) listed by the browser (kinds only, no permission asked)",
                "{inputs} ljudingång(ar) och {outputs} ljudutgång(ar) listade av webbläsaren (bara slag, ingen behörighet begärd)"
            ),
            None,
        ),
        AudioDevices::Listed { .. } => finding(
            id,
            Verdict::NeedsConfirmation,
            Bilingual::new(
                "The browser lists no audio devices; some browsers hide them until a page is given microphone access",
                "Webbläsaren listar inga ljudenheter; vissa webbläsare döljer dem tills en sida får använda mikrofonen",
            ),
            confirm,
        ),
        AudioDevices::Unavailable { reason } => {
            let (reason_en, reason_sv) = (&reason.en, &reason.sv);
            let evidence = bilingual!(
                "Audio devices could not be listed: {reason_en}",
                "Ljudenheterna gick inte att lista: {reason_sv}"
            );
            finding(id, Verdict::NeedsConfirmation, evidence, confirm)
        }
        AudioDevices::Unknown => {
            let evidence =
                Bilingual::new("Audio devices have not been listed yet", "Ljudenheterna har inte listats än");
            finding(id, Verdict::NeedsConfirmation, evidence, confirm)
        }
    }
}

/// 2.5.2: not multi-user, thin-client or app streaming. Only a person knows.
pub fn single_user() -> Finding {
    finding(
        requirement_id!("softphone.single-user"),
        Verdict::NeedsConfirmation,
        Bilingual::new(
            "A browser cannot tell whether it runs in a remote desktop, thin client or app-streaming session",
            "En webbläsare kan inte avgöra om den körs i ett fjärrskrivbord, en tunn klient eller en app-streamingsession",
        ),
        Some(Bilingual::new(
            "Confirm the softphone will run on an ordinary single-user computer.",
            "Bekräfta att softphonen ska köras på en vanlig dator med en användare.",
        )),
    )
}

/// 2.8: the three latest Android or two latest iOS releases, from the dated release table
/// (this build's, or a newer one from `config.json`).
pub fn mobile(environment: &Environment, today: Date, releases: &ReleaseTable) -> Finding {
    let id = requirement_id!("mobile.os-version");
    let Platform::Mobile(mobile_platform) = platform(environment) else {
        return finding(
            id,
            Verdict::NotApplicable,
            {
                let (en, sv) = (environment.os.name_in(Locale::En), environment.os.name_in(Locale::Sv));
                bilingual!("{en} is not a mobile device", "{sv} är ingen mobil enhet")
            },
            Some(Bilingual::new(
                "Open this page on each phone or tablet that will run the Touchpoint Plus app to check it.",
                "Öppna den här sidan på varje telefon eller surfplatta som ska köra Touchpoint Plus-appen för att kontrollera den.",
            )),
        );
    };
    let supported = releases.supported_majors(mobile_platform, today);
    let staleness = releases.staleness(mobile_platform, today);
    let stale = staleness.is_some();
    let name = mobile_platform.label();
    let list = supported.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
    let major = match environment.os {
        Os::Android(version) | Os::Ios(version) => version.map(|version| version.major),
        _ => None,
    };
    // Chrome on Android reports "Android 10" for every release unless client hints say otherwise.
    let reduced = mobile_platform == MobilePlatform::Android
        && environment.os_source == Source::UserAgent
        && major == Some(10)
        && environment.browser.browser == crate::useragent::BrowserFamily::Chrome;
    let mut evidence = os_evidence(environment);
    evidence.push(&bilingual!("; supported per 2.8: {name} {list}", "; stöds enligt 2.8: {name} {list}"));
    match staleness {
        Some(Staleness::NewestReleaseOld { newest, max_age_days }) => {
            let (major, released) = (newest.major, newest.released);
            evidence.push(&bilingual!(
                " (the newest {name} release this table knows, {name} {major} of {released}, is more than {max_age_days} days old: a newer one has probably been released)",
                " (den nyaste {name}-versionen som tabellen känner till, {name} {major} från {released}, är mer än {max_age_days} dagar gammal: en nyare har troligen släppts)"
            ));
        }
        Some(Staleness::TableOld { checked, max_age_days }) => evidence.push(&bilingual!(
            " (release table checked {checked}, more than {max_age_days} days ago: newer releases may exist)",
            " (versionstabellen kontrollerad {checked}, för mer än {max_age_days} dagar sedan: nyare versioner kan finnas)"
        )),
        None => {}
    }
    let newest = supported.first().copied().unwrap_or(0);
    let oldest = supported.last().copied().unwrap_or(0);
    let (verdict, advice) = match major {
        _ if reduced => (
            Verdict::NeedsConfirmation,
            Some(Bilingual::new(
                "Chrome reports every Android release as \"Android 10\". Check Settings › About phone › Android version.",
                "Chrome anger varje Android-version som \"Android 10\". Se Inställningar › Om telefonen › Android-version.",
            )),
        ),
        None => (
            Verdict::NeedsConfirmation,
            Some(bilingual!(
                "The {name} version could not be read: check it in Settings.",
                "{name}-versionen gick inte att läsa: se den i Inställningar."
            )),
        ),
        Some(major) if major > newest => (Verdict::Pass, None),
        // With a stale table, the oldest supported release may have dropped out of the window.
        Some(major) if stale && major == oldest => (
            Verdict::Warning,
            Some(bilingual!(
                "{name} {major} was among the supported releases when the table was checked; a newer release may have replaced it. Update the device.",
                "{name} {major} hörde till de versioner som stöddes när tabellen kontrollerades; en nyare version kan ha ersatt den. Uppdatera enheten."
            )),
        ),
        Some(major) if supported.contains(&major) => (Verdict::Pass, None),
        Some(_) => (
            shortfall(id),
            Some(bilingual!(
                "2.8 supports only the latest {name} releases: update the device to {name} {newest}.",
                "2.8 stöder bara de senaste versionerna av {name}: uppdatera enheten till {name} {newest}."
            )),
        ),
    };
    with_advisories(finding(id, verdict, evidence, advice), &[crate::advisory_id!("mobile.release-table-age")])
}

/// Every finding about this browser and machine, in the order the cards show them.
/// The verdicts the page shows first, before its configuration is read: every verdict of
/// [`environment_findings`] that does not depend on `config.json` (2.8's mobile verdict reads the
/// release table an administrator may replace there, so it waits for the whole page rather than
/// show a verdict that could then change).
pub fn first_findings(environment: &Environment, facts: &DeviceFacts) -> Vec<Finding> {
    let mut findings = vec![browser(environment), operating_system(environment)];
    findings.extend(mac_processor(environment));
    findings.extend([memory(environment, facts), sound(environment, facts), screen(environment, facts), single_user()]);
    findings
}

pub fn environment_findings(
    environment: &Environment,
    facts: &DeviceFacts,
    today: Date,
    releases: &ReleaseTable,
) -> Vec<Finding> {
    let mut findings = first_findings(environment, facts);
    findings.push(mobile(environment, today, releases));
    findings
}
