//! Verdicts on this computer or phone: the PC/Mac policy of 2.5.2 and the mobile policy of 2.8,
//! from what a browser can read, and honest about what it cannot.

use crate::advisory::AdvisoryId;
use crate::browser::browser_finding;
use crate::environment::{Cpu, Environment, Source};
use crate::limits;
use crate::policy::{MobilePlatform, ReleaseTable};
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
        reason: String,
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

fn finding(requirement_id: RequirementId, verdict: Verdict, evidence: String, advice: Option<String>) -> Finding {
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
    let mut source = environment.browser_source.phrase().to_owned();
    if environment.hints_conflict {
        source.push_str(" (client hints disagree with it: the user-agent string may be overridden)");
    }
    browser_finding(&environment.browser, &source)
}

fn os_evidence(environment: &Environment) -> String {
    format!("{}, {}", environment.os, environment.os_source.phrase())
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
                    Some("Browsers without client hints report Windows 10 and 11 alike. Check Settings › System › About: 2.5.2 lists Windows 10 (and 7), not 11.".to_owned()),
                ),
                WindowsRelease::Eleven => (
                    Verdict::Warning,
                    Some("Windows 11 is not listed in 2.5.2 (v3.40 lists Windows 7.x and 10): confirm with Telia that the softphone is supported on it.".to_owned()),
                ),
                WindowsRelease::Xp | WindowsRelease::Vista | WindowsRelease::Eight | WindowsRelease::EightOne | WindowsRelease::Unknown => (
                    shortfall(id),
                    Some("2.5.2 requires Windows 7.x or Windows 10 for the softphone.".to_owned()),
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
                    Some("Browsers report every macOS since Catalina as 10.15.7. Check  › About This Mac: 2.5.2 lists High Sierra (10.13) and Mojave (10.14).".to_owned()),
                ),
                Some(version) if version.major == 10 && matches!(version.minor, Some(13 | 14)) => (Verdict::Pass, None),
                Some(version) if version.major > 10 || (version.major == 10 && version.minor.is_some_and(|minor| minor > 14)) => (
                    Verdict::Warning,
                    Some("This macOS is newer than the releases 2.5.2 lists (High Sierra, Mojave): confirm with Telia that the softphone is supported on it.".to_owned()),
                ),
                Some(_) => (shortfall(id), Some("2.5.2 requires macOS High Sierra (10.13) or Mojave (10.14).".to_owned())),
                None => (
                    Verdict::NeedsConfirmation,
                    Some("The macOS version could not be read. Check  › About This Mac.".to_owned()),
                ),
            };
            with_advisories(finding(id, verdict, evidence, advice), &[crate::advisory_id!("pc.macos-sierra-high"), crate::advisory_id!("pc.macos-apple-silicon")])
        }
        Os::Android(_) | Os::Ios(_) => finding(
            requirement_id!("softphone.pc-os"),
            Verdict::NotApplicable,
            evidence,
            Some("This is a mobile device: the PC/Mac requirements apply to the computers that run the softphone.".to_owned()),
        ),
        Os::ChromeOs | Os::Linux | Os::Other => finding(
            requirement_id!("softphone.pc-os"),
            shortfall(requirement_id!("softphone.pc-os")),
            evidence,
            Some("The Touchpoint Plus Softphone runs on Windows PCs and Macs (2.5.2); this computer can still administer the service in a supported browser.".to_owned()),
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
        Cpu::X86 => finding(id, Verdict::Pass, "Intel (x86) processor, read from client hints".to_owned(), None),
        Cpu::Arm => finding(
            id,
            shortfall(id),
            "Apple silicon (arm) processor, read from client hints".to_owned(),
            Some("2.5.2 requires a Mac with an Intel processor.".to_owned()),
        ),
        Cpu::Unknown => finding(
            id,
            Verdict::NeedsConfirmation,
            "This browser does not say which processor the Mac has (the user-agent string says \"Intel\" on every Mac)"
                .to_owned(),
            Some("Check  › About This Mac: \"Processor\" names Intel; \"Chip\" names Apple silicon.".to_owned()),
        ),
    };
    Some(with_advisories(result, &[crate::advisory_id!("pc.macos-apple-silicon")]))
}

/// 2.5.2: at least 16 GB RAM. Browsers report at most 8 GB, so a pass needs a person.
pub fn memory(environment: &Environment, facts: &DeviceFacts) -> Finding {
    let id = if platform(environment) == Platform::Mac {
        requirement_id!("softphone.mac-memory")
    } else {
        requirement_id!("softphone.pc-memory")
    };
    if matches!(platform(environment), Platform::Mobile(_)) {
        return finding(id, Verdict::NotApplicable, "This is a mobile device".to_owned(), None);
    }
    let required = f64::from(limits::SOFTPHONE_RAM.0);
    match facts.device_memory {
        Some(reported) if reported >= required => {
            finding(id, Verdict::Pass, format!("navigator.deviceMemory reports {} GB", format_decimal(reported)), None)
        }
        // The figure is rounded down to a power of two: below 8 it bounds the memory from above.
        Some(reported) if reported < 8.0 => finding(
            id,
            shortfall(id),
            format!(
                "navigator.deviceMemory reports {reported} GB, so this computer has less than {} GB",
                reported * 2.0
            ),
            Some(format!("2.5.2 requires at least {} RAM for the softphone.", limits::SOFTPHONE_RAM)),
        ),
        Some(reported) => finding(
            id,
            Verdict::NeedsConfirmation,
            format!("navigator.deviceMemory reports {} GB, the most browsers ever report", format_decimal(reported)),
            Some(format!(
                "Confirm the computer has at least {} RAM (Task Manager › Performance, or About This Mac).",
                limits::SOFTPHONE_RAM
            )),
        ),
        None => finding(
            id,
            Verdict::NeedsConfirmation,
            "This browser does not report the amount of memory (navigator.deviceMemory is Chromium-only)".to_owned(),
            Some(format!(
                "Confirm the computer has at least {} RAM (Task Manager › Performance, or About This Mac).",
                limits::SOFTPHONE_RAM
            )),
        ),
    }
}

/// 2.5.2: at least 1024×768 physical pixels for ACD and Attendant users.
pub fn screen(environment: &Environment, facts: &DeviceFacts) -> Finding {
    let id = requirement_id!("softphone.screen");
    if matches!(platform(environment), Platform::Mobile(_)) {
        return finding(id, Verdict::NotApplicable, "This is a mobile device".to_owned(), None);
    }
    let Some((width, height)) = facts.screen_css else {
        return finding(id, Verdict::NeedsConfirmation, "The screen size could not be read".to_owned(), None);
    };
    let ratio = facts.device_pixel_ratio.filter(|ratio| ratio.is_finite() && *ratio > 0.0).unwrap_or(1.0);
    let physical = Resolution {
        width: (f64::from(width) * ratio).round() as u32,
        height: (f64::from(height) * ratio).round() as u32,
    };
    let evidence = format!(
        "Screen {physical} physical pixels ({width}×{height} CSS pixels × device pixel ratio {}), read from the browser",
        format_decimal(ratio)
    );
    // Either orientation will do: a rotated screen is the same screen.
    let landscape =
        Resolution { width: physical.width.max(physical.height), height: physical.width.min(physical.height) };
    if landscape.meets(limits::ACD_SCREEN) {
        finding(id, Verdict::Pass, evidence, None)
    } else {
        finding(
            id,
            shortfall(id),
            evidence,
            Some(format!(
                "Users with the ACD or Attendant view need a screen of at least {} pixels.",
                limits::ACD_SCREEN
            )),
        )
    }
}

/// 2.5.2: a sound card. Device kinds are visible without a permission prompt.
pub fn sound(environment: &Environment, facts: &DeviceFacts) -> Finding {
    let id = requirement_id!("softphone.pc-sound");
    if matches!(platform(environment), Platform::Mobile(_)) {
        return finding(id, Verdict::NotApplicable, "This is a mobile device".to_owned(), None);
    }
    let confirm = Some("Confirm that the computer has a sound card or a USB headset.".to_owned());
    match &facts.audio {
        AudioDevices::Listed { inputs, outputs } if inputs + outputs > 0 => finding(
            id,
            Verdict::Pass,
            format!(
                "{inputs} audio input(s) and {outputs} audio output(s) listed by the browser (kinds only, no permission asked)"
            ),
            None,
        ),
        AudioDevices::Listed { .. } => finding(
            id,
            Verdict::NeedsConfirmation,
            "The browser lists no audio devices; some browsers hide them until a page is given microphone access"
                .to_owned(),
            confirm,
        ),
        AudioDevices::Unavailable { reason } => {
            finding(id, Verdict::NeedsConfirmation, format!("Audio devices could not be listed: {reason}"), confirm)
        }
        AudioDevices::Unknown => {
            finding(id, Verdict::NeedsConfirmation, "Audio devices have not been listed yet".to_owned(), confirm)
        }
    }
}

/// 2.5.2: not multi-user, thin-client or app streaming. Only a person knows.
pub fn single_user() -> Finding {
    finding(
        requirement_id!("softphone.single-user"),
        Verdict::NeedsConfirmation,
        "A browser cannot tell whether it runs in a remote desktop, thin client or app-streaming session".to_owned(),
        Some("Confirm the softphone will run on an ordinary single-user computer.".to_owned()),
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
            format!("{} is not a mobile device", environment.os),
            Some(
                "Open this page on each phone or tablet that will run the Touchpoint Plus app to check it.".to_owned(),
            ),
        );
    };
    let supported = releases.supported_majors(mobile_platform, today);
    let stale = releases.is_stale(today);
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
    let mut evidence =
        format!("{}, {}; supported per 2.8: {name} {list}", environment.os, environment.os_source.phrase());
    if stale {
        evidence.push_str(&format!(" (release table checked {}: newer releases may exist)", releases.checked));
    }
    let newest = supported.first().copied().unwrap_or(0);
    let oldest = supported.last().copied().unwrap_or(0);
    let (verdict, advice) = match major {
        _ if reduced => (
            Verdict::NeedsConfirmation,
            Some("Chrome reports every Android release as \"Android 10\". Check Settings › About phone › Android version.".to_owned()),
        ),
        None => (Verdict::NeedsConfirmation, Some(format!("The {name} version could not be read: check it in Settings."))),
        Some(major) if major > newest => (Verdict::Pass, None),
        // With an old table, the oldest supported release may have dropped out of the window.
        Some(major) if stale && major == oldest => (
            Verdict::Warning,
            Some(format!("{name} {major} was among the supported releases when the table was checked; a newer release may have replaced it. Update the device.")),
        ),
        Some(major) if supported.contains(&major) => (Verdict::Pass, None),
        Some(_) => (
            shortfall(id),
            Some(format!("2.8 supports only the latest {name} releases: update the device to {name} {newest}.")),
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
