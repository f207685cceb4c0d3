//! A user-agent string parser, just deep enough for the verdicts of 2.5.1, 2.5.2 and 2.8.
//!
//! It never panics and never allocates per token: every lookup is a substring search on the
//! input, so a 10 kB garbage line costs a few scans and yields `other`.

use serde::{Serialize, Serializer};
use std::fmt;

/// Browser families as the CLI and JSON name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BrowserFamily {
    Chrome,
    Firefox,
    /// Chromium-based Edge (`Edg/`).
    Edge,
    /// EdgeHTML Edge (`Edge/`), 12 to 18.
    EdgeLegacy,
    Ie,
    Safari,
    Opera,
    Samsung,
    Other,
}

impl BrowserFamily {
    pub const ALL: [BrowserFamily; 9] = [
        BrowserFamily::Chrome,
        BrowserFamily::Firefox,
        BrowserFamily::Edge,
        BrowserFamily::EdgeLegacy,
        BrowserFamily::Ie,
        BrowserFamily::Safari,
        BrowserFamily::Opera,
        BrowserFamily::Samsung,
        BrowserFamily::Other,
    ];

    /// The machine name: `chrome`, `edge-legacy`, ...
    pub const fn slug(self) -> &'static str {
        match self {
            BrowserFamily::Chrome => "chrome",
            BrowserFamily::Firefox => "firefox",
            BrowserFamily::Edge => "edge",
            BrowserFamily::EdgeLegacy => "edge-legacy",
            BrowserFamily::Ie => "ie",
            BrowserFamily::Safari => "safari",
            BrowserFamily::Opera => "opera",
            BrowserFamily::Samsung => "samsung",
            BrowserFamily::Other => "other",
        }
    }

    /// The name people know it by.
    pub const fn label(self) -> &'static str {
        match self {
            BrowserFamily::Chrome => "Chrome",
            BrowserFamily::Firefox => "Firefox",
            BrowserFamily::Edge => "Edge",
            BrowserFamily::EdgeLegacy => "Edge (legacy EdgeHTML)",
            BrowserFamily::Ie => "Internet Explorer",
            BrowserFamily::Safari => "Safari",
            BrowserFamily::Opera => "Opera",
            BrowserFamily::Samsung => "Samsung Internet",
            BrowserFamily::Other => "An unrecognised browser",
        }
    }

    pub const fn label_in(self, locale: crate::locale::Locale) -> &'static str {
        match (self, locale) {
            (BrowserFamily::EdgeLegacy, crate::locale::Locale::Sv) => "Edge (äldre EdgeHTML)",
            (BrowserFamily::Other, crate::locale::Locale::Sv) => "En okänd webbläsare",
            _ => self.label(),
        }
    }
}

/// A dotted version number, as far as the string gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    pub major: u32,
    pub minor: Option<u32>,
    pub patch: Option<u32>,
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.major)?;
        if let Some(minor) = self.minor {
            write!(f, ".{minor}")?;
            if let Some(patch) = self.patch {
                write!(f, ".{patch}")?;
            }
        }
        Ok(())
    }
}

/// Windows releases as the NT version in the UA string tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WindowsRelease {
    Xp,
    Vista,
    Seven,
    Eight,
    EightOne,
    /// "Windows NT 10.0" is sent by both; only client hints tell them apart.
    TenOrEleven,
    Ten,
    Eleven,
    Unknown,
}

impl WindowsRelease {
    pub const fn label(self) -> &'static str {
        match self {
            WindowsRelease::Xp => "Windows XP",
            WindowsRelease::Vista => "Windows Vista",
            WindowsRelease::Seven => "Windows 7",
            WindowsRelease::Eight => "Windows 8",
            WindowsRelease::EightOne => "Windows 8.1",
            WindowsRelease::TenOrEleven => "Windows 10 or 11",
            WindowsRelease::Ten => "Windows 10",
            WindowsRelease::Eleven => "Windows 11",
            WindowsRelease::Unknown => "Windows",
        }
    }
}

/// The operating system as the UA string gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Os {
    Windows(WindowsRelease),
    MacOs(Option<Version>),
    Ios(Option<Version>),
    Android(Option<Version>),
    ChromeOs,
    Linux,
    Other,
}

impl Os {
    /// The system's name in that language: only "Windows 10 or 11" and an unrecognised system
    /// are words rather than names.
    pub fn name_in(self, locale: crate::locale::Locale) -> String {
        match (self, locale) {
            (Os::Windows(WindowsRelease::TenOrEleven), crate::locale::Locale::Sv) => "Windows 10 eller 11".to_owned(),
            (Os::Other, crate::locale::Locale::Sv) => "ett okänt operativsystem".to_owned(),
            _ => self.to_string(),
        }
    }
}

impl fmt::Display for Os {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let with_version = |f: &mut fmt::Formatter<'_>, name: &str, version: &Option<Version>| match version {
            Some(version) => write!(f, "{name} {version}"),
            None => f.write_str(name),
        };
        match self {
            Os::Windows(release) => f.write_str(release.label()),
            Os::MacOs(version) => with_version(f, "macOS", version),
            Os::Ios(version) => with_version(f, "iOS", version),
            Os::Android(version) => with_version(f, "Android", version),
            Os::ChromeOs => f.write_str("ChromeOS"),
            Os::Linux => f.write_str("Linux"),
            Os::Other => f.write_str("an unrecognised OS"),
        }
    }
}

impl Serialize for Os {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// What one user-agent string says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct UserAgent {
    pub browser: BrowserFamily,
    pub major: Option<u32>,
    pub os: Os,
    /// A Chromium or Firefox shell around iOS WebKit (CriOS, FxiOS, EdgiOS).
    #[serde(skip)]
    pub ios_shell: bool,
    /// Headless automation (HeadlessChrome).
    #[serde(skip)]
    pub headless: bool,
    /// Internet Explorer in Compatibility View: the older version it claims ("MSIE 7.0").
    #[serde(skip)]
    pub compatibility_view: Option<u32>,
}

impl UserAgent {
    /// "Chrome 131 on Windows 10 or 11".
    pub fn describe(&self) -> String {
        self.describe_in(crate::locale::Locale::En)
    }

    /// "Chrome 131 on Windows 10 or 11" / "Chrome 131 på Windows 10 eller 11".
    pub fn describe_in(&self, locale: crate::locale::Locale) -> String {
        let mut text = self.browser.label_in(locale).to_owned();
        if let Some(major) = self.major {
            text.push_str(&format!(" {major}"));
        }
        if self.headless {
            text.push_str(" (headless)");
        }
        let on = match locale {
            crate::locale::Locale::En => "on",
            crate::locale::Locale::Sv => "på",
        };
        format!("{text} {on} {}", self.os.name_in(locale))
    }

    /// Whether the browser's own engine is replaced by WebKit, as on every iOS browser.
    pub fn is_wrapped_webkit(&self) -> bool {
        self.ios_shell
    }
}

/// The number that directly follows `token`, if any.
fn number_after(text: &str, token: &str) -> Option<u32> {
    let start = text.find(token)? + token.len();
    leading_number(&text[start..])
}

/// Parses the digits at the start of `text` (at most nine, so it cannot overflow).
fn leading_number(text: &str) -> Option<u32> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 9 { None } else { text[..digits].parse().ok() }
}

/// Parses "10_15_7", "10.15" or "17_1" at the start of `text`.
fn leading_version(text: &str) -> Option<Version> {
    let length = text.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b'_').count();
    let mut parts = text[..length].split(['_', '.']).map(leading_number);
    let major = parts.next()??;
    let minor = parts.next().flatten();
    let patch = if minor.is_some() { parts.next().flatten() } else { None };
    Some(Version { major, minor, patch })
}

fn version_after(text: &str, token: &str) -> Option<Version> {
    let start = text.find(token)? + token.len();
    leading_version(&text[start..])
}

fn contains_any(text: &str, tokens: &[&str]) -> bool {
    tokens.iter().any(|token| text.contains(token))
}

/// Browsers built on Chromium or WebKit that carry Chrome/Safari tokens but are not the
/// browsers 2.5.1 names; they must not be mistaken for Chrome or Safari.
const OTHER_BROWSER_TOKENS: &[&str] = &[
    "YaBrowser/",
    "Vivaldi/",
    "UCBrowser/",
    "Silk/",
    "MiuiBrowser/",
    "HuaweiBrowser/",
    "Whale/",
    "QQBrowser/",
    "Brave/",
    "DuckDuckGo/",
    "SeaMonkey/",
    "PaleMoon/",
    "; wv)",
    "Electron/",
    "BlackBerry",
    "BB10",
    "PlayBook",
];

/// Crawlers and command-line clients; "bot/" rather than "bot" so that phone brands such as
/// Cubot are not taken for crawlers.
const BOT_TOKENS: &[&str] =
    &["bot/", "Bot/", "bot;", "spider", "Spider", "crawler", "Crawler", "curl/", "Wget/", "python-requests"];

fn parse_os(ua: &str) -> Os {
    if ua.contains("Windows Phone") {
        return Os::Other;
    }
    if ua.contains("Windows") {
        let release = match ua.find("Windows NT ").map(|at| &ua[at + "Windows NT ".len()..]) {
            Some(rest) if rest.starts_with("10.0") => WindowsRelease::TenOrEleven,
            Some(rest) if rest.starts_with("6.3") => WindowsRelease::EightOne,
            Some(rest) if rest.starts_with("6.2") => WindowsRelease::Eight,
            Some(rest) if rest.starts_with("6.1") => WindowsRelease::Seven,
            Some(rest) if rest.starts_with("6.0") => WindowsRelease::Vista,
            Some(rest) if rest.starts_with("5.1") || rest.starts_with("5.2") => WindowsRelease::Xp,
            _ => WindowsRelease::Unknown,
        };
        return Os::Windows(release);
    }
    if contains_any(ua, &["iPhone", "iPad", "iPod"]) {
        let version = version_after(ua, "iPhone OS ").or_else(|| version_after(ua, "CPU OS "));
        return Os::Ios(version);
    }
    if ua.contains("Android") {
        return Os::Android(version_after(ua, "Android "));
    }
    if ua.contains("CrOS") {
        return Os::ChromeOs;
    }
    if ua.contains("Macintosh") || ua.contains("Mac OS X") {
        return Os::MacOs(version_after(ua, "Mac OS X "));
    }
    if contains_any(ua, &["Linux", "X11", "Ubuntu", "Fedora"]) {
        return Os::Linux;
    }
    Os::Other
}

fn parse_browser(ua: &str, os: Os) -> (BrowserFamily, Option<u32>) {
    use BrowserFamily::*;
    if contains_any(ua, BOT_TOKENS) {
        return (Other, None);
    }
    if ua.contains("Trident/") || ua.contains("MSIE ") {
        return (Ie, ie_version(ua));
    }
    if ua.contains("Edge/") {
        return (EdgeLegacy, number_after(ua, "Edge/"));
    }
    for token in ["Edg/", "EdgA/", "EdgiOS/"] {
        if ua.contains(token) {
            return (Edge, number_after(ua, token));
        }
    }
    if ua.contains("OPR/") || ua.contains("OPT/") || ua.contains("Opera") {
        let major = number_after(ua, "OPR/")
            .or_else(|| number_after(ua, "OPT/"))
            .or_else(|| number_after(ua, "Version/"))
            .or_else(|| number_after(ua, "Opera/"))
            .or_else(|| number_after(ua, "Opera "));
        return (Opera, major);
    }
    if ua.contains("SamsungBrowser/") {
        return (Samsung, number_after(ua, "SamsungBrowser/"));
    }
    if contains_any(ua, OTHER_BROWSER_TOKENS) {
        return (Other, None);
    }
    if ua.contains("FxiOS/") {
        return (Firefox, number_after(ua, "FxiOS/"));
    }
    if ua.contains("Firefox/") {
        return (Firefox, number_after(ua, "Firefox/"));
    }
    if ua.contains("CriOS/") {
        return (Chrome, number_after(ua, "CriOS/"));
    }
    for token in ["HeadlessChrome/", "Chrome/", "Chromium/"] {
        if ua.contains(token) {
            return (Chrome, number_after(ua, token));
        }
    }
    // Firefox's token without a version ("Firefox" alone) still names the family.
    if ua.contains("Firefox") {
        return (Firefox, None);
    }
    if ua.contains("Safari/") && !matches!(os, Os::Android(_)) {
        if ua.contains("Version/") {
            return (Safari, number_after(ua, "Version/"));
        }
        // Safari always sends Version/; WebKit without it is an embedded view.
        return (Other, None);
    }
    (Other, None)
}

/// Internet Explorer's version: its engine's, where it names one (Trident/7.0 is IE 11, /6.0 IE
/// 10, /5.0 IE 9, /4.0 IE 8), since in Compatibility View, the default for intranet sites, IE 11
/// calls itself "MSIE 7.0" and only the Trident token still tells the truth; else rv: or MSIE.
fn ie_version(ua: &str) -> Option<u32> {
    number_after(ua, "Trident/")
        .map(|trident| trident + 4)
        .or_else(|| number_after(ua, "rv:"))
        .or_else(|| number_after(ua, "MSIE "))
}

/// The "MSIE N" an Internet Explorer claims when its engine says it is newer: Compatibility View.
fn compatibility_view(ua: &str) -> Option<u32> {
    let claimed = number_after(ua, "MSIE ")?;
    (ie_version(ua)? > claimed).then_some(claimed)
}

/// Reads one user-agent string. Anything unrecognised is `other`, never an error.
pub fn parse(ua: &str) -> UserAgent {
    let ua = ua.trim();
    let os = parse_os(ua);
    let (browser, major) = parse_browser(ua, os);
    UserAgent {
        browser,
        major,
        os,
        ios_shell: contains_any(ua, &["CriOS/", "FxiOS/", "EdgiOS/"]),
        headless: ua.contains("HeadlessChrome/"),
        compatibility_view: if browser == BrowserFamily::Ie { compatibility_view(ua) } else { None },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(ua: &str, browser: BrowserFamily, major: Option<u32>, os: &str) {
        let parsed = parse(ua);
        assert_eq!((parsed.browser, parsed.major, parsed.os.to_string()), (browser, major, os.to_owned()), "{ua}");
    }

    #[test]
    fn desktop_browsers() {
        use BrowserFamily::*;
        check(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            Chrome,
            Some(131),
            "Windows 10 or 11",
        );
        check("Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko", Ie, Some(11), "Windows 7");
        check("Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Trident/5.0)", Ie, Some(9), "Windows 7");
        check("Mozilla/5.0 (Windows NT 6.3; Trident/7.0; Touch)", Ie, Some(11), "Windows 8.1");
        // Compatibility View: the engine's token, not the MSIE it claims.
        check(
            "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E)",
            Ie,
            Some(11),
            "Windows 10 or 11",
        );
        check("Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 6.1; Trident/6.0)", Ie, Some(10), "Windows 7");
        check(
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
            Safari,
            Some(17),
            "macOS 10.15.7",
        );
        check(
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0",
            Firefox,
            Some(128),
            "macOS 10.15",
        );
        check("Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0", Firefox, Some(153), "Linux");
        check(
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
            Chrome,
            Some(156),
            "Linux",
        );
        check(
            "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
            Chrome,
            Some(120),
            "ChromeOS",
        );
        check(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
            Edge,
            Some(131),
            "Windows 10 or 11",
        );
        check(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.18363",
            EdgeLegacy,
            Some(18),
            "Windows 10 or 11",
        );
        check("Opera/9.80 (Windows NT 6.1; WOW64) Presto/2.12.388 Version/12.18", Opera, Some(12), "Windows 7");
        check(
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15",
            Safari,
            Some(18),
            "Linux",
        );
        check(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 YaBrowser/24.1.0.0 Safari/537.36",
            Other,
            None,
            "Windows 10 or 11",
        );
    }

    #[test]
    fn mobile_browsers() {
        use BrowserFamily::*;
        check(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
            Safari,
            Some(17),
            "iOS 17.1",
        );
        check(
            "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1",
            Chrome,
            Some(120),
            "iOS 16.6",
        );
        check(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/121.0 Mobile/15E148 Safari/605.1.15",
            Firefox,
            Some(121),
            "iOS 17.2",
        );
        check(
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
            Chrome,
            Some(120),
            "Android 10",
        );
        check(
            "Mozilla/5.0 (Linux; Android 13; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36",
            Samsung,
            Some(23),
            "Android 13",
        );
        check(
            "Mozilla/5.0 (Linux; U; Android 4.0.3; de-de) AppleWebKit/534.30 (KHTML, like Gecko) Version/4.0 Mobile Safari/534.30",
            Other,
            None,
            "Android 4.0.3",
        );
        check(
            "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UQ1A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.193 Mobile Safari/537.36",
            Other,
            None,
            "Android 14",
        );
        check(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
            Other,
            None,
            "iOS 17.1",
        );
    }

    #[test]
    fn garbage_is_other_and_never_panics() {
        use BrowserFamily::*;
        check("", Other, None, "an unrecognised OS");
        check("Googlebot/2.1 (+http://www.google.com/bot.html)", Other, None, "an unrecognised OS");
        check("curl/8.5.0", Other, None, "an unrecognised OS");
        check("Chrome/", Chrome, None, "an unrecognised OS");
        check("Chrome/99999999999999999999", Chrome, None, "an unrecognised OS");
        check("Firefox/å∫ç", Firefox, None, "an unrecognised OS");
        check("Mac OS X _", Other, None, "macOS");
        let long = "x".repeat(10_000) + "Chrome/1";
        check(&long, Chrome, Some(1), "an unrecognised OS");
        check(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:54.0) Gecko/20100101 Firefox/54.0\u{0}",
            Firefox,
            Some(54),
            "Windows 10 or 11",
        );
    }

    #[test]
    fn describes_what_it_read() {
        let ua = parse(
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
        );
        assert_eq!(ua.describe(), "Chrome 156 (headless) on Linux");
    }
}
