//! What the browser says about itself and its machine, combined: the user-agent string,
//! refined by client hints where they are present and agree with it.

use crate::hints::ClientHints;
use crate::useragent::{BrowserFamily, Os, UserAgent, Version, WindowsRelease, parse};
use serde::{Deserialize, Serialize};

/// The raw signals the app reads; also the JSON the app offers for support and the CLI reads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Signals {
    pub user_agent: String,
    pub hints: Option<ClientHints>,
    /// `navigator.maxTouchPoints`: an iPad asking for the desktop site poses as a Mac.
    pub max_touch_points: Option<u32>,
}

/// The processor family, where anything says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cpu {
    X86,
    Arm,
    Unknown,
}

/// Where a fact came from, for the evidence line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    UserAgent,
    ClientHints,
    TouchPoints,
}

impl Source {
    pub const fn phrase(self) -> &'static str {
        self.phrase_text().en
    }

    pub const fn phrase_text(self) -> crate::locale::Text {
        use crate::locale::Text;
        match self {
            Source::UserAgent => {
                Text { en: "read from the user-agent string", sv: "avläst från user-agent-strängen" }
            }
            Source::ClientHints => Text { en: "read from client hints", sv: "avläst från client hints" },
            Source::TouchPoints => Text {
                en: "read from the user-agent string and touch support",
                sv: "avläst från user-agent-strängen och stödet för pekskärm",
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Environment {
    pub browser: UserAgent,
    pub browser_source: Source,
    pub os: Os,
    pub os_source: Source,
    pub cpu: Cpu,
    /// Client hints were present but contradict the UA string, which is then probably
    /// overridden; the UA string is used and the evidence says so.
    pub hints_conflict: bool,
    /// An iPad that sent a Mac user-agent string.
    pub ipad_posing_as_mac: bool,
}

fn browser_from_brands(hints: &ClientHints) -> Option<(BrowserFamily, Option<u32>)> {
    let brands = hints.brand_list();
    let find = |name: &str| brands.iter().find(|brand| brand.brand == name);
    let known = [
        ("Microsoft Edge", BrowserFamily::Edge),
        ("Opera", BrowserFamily::Opera),
        ("Samsung Internet", BrowserFamily::Samsung),
        ("Google Chrome", BrowserFamily::Chrome),
        ("Chromium", BrowserFamily::Chrome),
    ];
    known
        .iter()
        .find_map(|(name, family)| find(name).map(|brand| (*family, ClientHints::leading_number(&brand.version))))
}

fn version_of(text: &str) -> Option<Version> {
    let mut parts = text.split('.').map(|part| part.trim().parse::<u32>().ok());
    let major = parts.next()??;
    Some(Version { major, minor: parts.next().flatten(), patch: parts.next().flatten() })
}

/// The OS the hints describe, or `None` where they say nothing usable.
fn os_from_hints(hints: &ClientHints) -> Option<Os> {
    match hints.platform.as_str() {
        "Windows" => {
            let version = version_of(&hints.platform_version)?;
            // platformVersion is 0.1/0.2/0.3 for 7/8/8.1, 1–12 for Windows 10, 13+ for 11.
            let release = match (version.major, version.minor) {
                (0, Some(1)) => WindowsRelease::Seven,
                (0, Some(2)) => WindowsRelease::Eight,
                (0, Some(3)) => WindowsRelease::EightOne,
                (1..=12, _) => WindowsRelease::Ten,
                (13.., _) => WindowsRelease::Eleven,
                _ => return None,
            };
            Some(Os::Windows(release))
        }
        "macOS" => Some(Os::MacOs(Some(version_of(&hints.platform_version)?))),
        "Android" => Some(Os::Android(Some(version_of(&hints.platform_version)?))),
        "Chrome OS" | "ChromeOS" => Some(Os::ChromeOs),
        "Linux" => Some(Os::Linux),
        _ => None,
    }
}

fn same_platform(ua_os: Os, hinted: Os) -> bool {
    matches!(
        (ua_os, hinted),
        (Os::Windows(_), Os::Windows(_))
            | (Os::MacOs(_), Os::MacOs(_))
            | (Os::Android(_), Os::Android(_))
            | (Os::ChromeOs, Os::ChromeOs)
            | (Os::Linux, Os::Linux)
    )
}

/// Combines the signals into one view of the browser and machine.
pub fn detect(signals: &Signals) -> Environment {
    let parsed = parse(&signals.user_agent);
    let mut environment = Environment {
        browser: parsed,
        browser_source: Source::UserAgent,
        os: parsed.os,
        os_source: Source::UserAgent,
        cpu: Cpu::Unknown,
        hints_conflict: false,
        ipad_posing_as_mac: false,
    };
    if matches!(parsed.os, Os::MacOs(_)) && signals.max_touch_points.is_some_and(|points| points > 1) {
        // iPadOS Safari asks for desktop sites with a Mac UA; Safari's Version/ is the iPadOS major.
        let major = if parsed.browser == BrowserFamily::Safari { parsed.major } else { None };
        environment.os = Os::Ios(major.map(|major| Version { major, minor: None, patch: None }));
        environment.os_source = Source::TouchPoints;
        environment.ipad_posing_as_mac = true;
        environment.browser.os = environment.os;
    }
    let Some(hints) = signals.hints.as_ref().filter(|hints| !hints.is_empty()) else { return environment };
    let chromium_family = matches!(
        parsed.browser,
        BrowserFamily::Chrome | BrowserFamily::Edge | BrowserFamily::Opera | BrowserFamily::Samsung
    );
    let from_brands = browser_from_brands(hints);
    let hinted_os = os_from_hints(hints);
    let agrees = chromium_family
        && from_brands.is_none_or(|(family, _)| family == parsed.browser || parsed.browser == BrowserFamily::Chrome)
        && hinted_os.is_none_or(|os| same_platform(parsed.os, os));
    if !agrees {
        environment.hints_conflict = true;
        return environment;
    }
    if let Some((family, Some(major))) = from_brands {
        environment.browser.browser = family;
        environment.browser.major = Some(major);
        environment.browser_source = Source::ClientHints;
    }
    if let Some(os) = hinted_os {
        environment.os = os;
        environment.os_source = Source::ClientHints;
        environment.browser.os = os;
    }
    environment.cpu = match hints.architecture.as_str() {
        "x86" => Cpu::X86,
        "arm" => Cpu::Arm,
        _ => Cpu::Unknown,
    };
    environment
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hints::Brand;

    const CHROME_WINDOWS: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    const CHROME_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    const SAFARI_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15";

    fn hints(platform: &str, version: &str, architecture: &str, brands: &[(&str, &str)]) -> ClientHints {
        ClientHints {
            full_version_list: brands
                .iter()
                .map(|(brand, version)| Brand { brand: (*brand).into(), version: (*version).into() })
                .collect(),
            platform: platform.into(),
            platform_version: version.into(),
            architecture: architecture.into(),
            ..ClientHints::default()
        }
    }

    fn check(signals: Signals, expected_browser: &str, expected_os: &str, cpu: Cpu, conflict: bool) {
        let environment = detect(&signals);
        assert_eq!(environment.browser.describe().split(" on ").next().unwrap(), expected_browser, "{signals:?}");
        assert_eq!(environment.os.to_string(), expected_os, "{signals:?}");
        assert_eq!(environment.cpu, cpu);
        assert_eq!(environment.hints_conflict, conflict);
    }

    #[test]
    fn hints_refine_windows_and_macos() {
        let signals = |ua: &str, hints| Signals { user_agent: ua.into(), hints, max_touch_points: Some(0) };
        check(signals(CHROME_WINDOWS, None), "Chrome 131", "Windows 10 or 11", Cpu::Unknown, false);
        let eleven =
            hints("Windows", "15.0.0", "x86", &[("Google Chrome", "131.0.6778.86"), ("Not_A Brand", "24.0.0.0")]);
        check(signals(CHROME_WINDOWS, Some(eleven)), "Chrome 131", "Windows 11", Cpu::X86, false);
        let ten = hints("Windows", "10.0.0", "x86", &[("Google Chrome", "131.0.6778.86")]);
        check(signals(CHROME_WINDOWS, Some(ten)), "Chrome 131", "Windows 10", Cpu::X86, false);
        let seven = hints("Windows", "0.1.0", "x86", &[("Google Chrome", "109.0.5414.120")]);
        check(signals(CHROME_WINDOWS, Some(seven)), "Chrome 109", "Windows 7", Cpu::X86, false);
        let sonoma = hints("macOS", "14.2.1", "arm", &[("Google Chrome", "131.0.6778.86")]);
        check(signals(CHROME_MAC, Some(sonoma)), "Chrome 131", "macOS 14.2.1", Cpu::Arm, false);
        let edge =
            hints("Windows", "15.0.0", "x86", &[("Microsoft Edge", "131.0.2903.86"), ("Chromium", "131.0.6778.86")]);
        let edge_ua = format!("{CHROME_WINDOWS} Edg/131.0.2903.86");
        check(signals(&edge_ua, Some(edge)), "Edge 131", "Windows 11", Cpu::X86, false);
    }

    #[test]
    fn contradicting_hints_are_set_aside() {
        let firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:50.0) Gecko/20100101 Firefox/50.0";
        let linux = hints("Linux", "6.1.0", "x86", &[("Chromium", "156.0.0.0")]);
        let signals = Signals { user_agent: firefox.into(), hints: Some(linux.clone()), max_touch_points: None };
        check(signals, "Firefox 50", "Windows 10 or 11", Cpu::Unknown, true);
        let signals = Signals { user_agent: CHROME_WINDOWS.into(), hints: Some(linux), max_touch_points: None };
        check(signals, "Chrome 131", "Windows 10 or 11", Cpu::Unknown, true);
        let empty =
            Signals { user_agent: CHROME_WINDOWS.into(), hints: Some(ClientHints::default()), max_touch_points: None };
        check(empty, "Chrome 131", "Windows 10 or 11", Cpu::Unknown, false);
    }

    #[test]
    fn an_ipad_posing_as_a_mac_is_an_ipad() {
        let signals = Signals { user_agent: SAFARI_MAC.into(), hints: None, max_touch_points: Some(5) };
        check(signals, "Safari 17", "iOS 17", Cpu::Unknown, false);
        let mac = Signals { user_agent: SAFARI_MAC.into(), hints: None, max_touch_points: Some(0) };
        check(mac, "Safari 17", "macOS 10.15.7", Cpu::Unknown, false);
    }

    #[test]
    fn signals_read_the_json_the_app_writes() {
        let json = r#"{"userAgent":"x","hints":{"platform":"Windows","platformVersion":"15.0.0","fullVersionList":[{"brand":"Google Chrome","version":"131.0.1"}]},"maxTouchPoints":0}"#;
        let signals: Signals = serde_json::from_str(json).unwrap();
        assert_eq!(signals.hints.unwrap().platform_major(), Some(15));
        let bare: Signals = serde_json::from_str(r#"{"userAgent":"y"}"#).unwrap();
        assert_eq!(bare.hints, None);
    }
}
