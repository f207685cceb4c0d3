//! The browser matrix of 2.5.1 and the verdict for a parsed user agent.

use crate::bilingual;
use crate::locale::{Bilingual, Locale};
use crate::requirement_id;
use crate::useragent::{BrowserFamily, UserAgent};
use crate::verdict::{Finding, Verdict};
use serde::Serialize;

/// One line of 2.5.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SupportedBrowser {
    pub family: BrowserFamily,
    pub min_major: u32,
    /// `Some` where the spec names one version only (Internet Explorer 11).
    pub max_major: Option<u32>,
    /// The line as the spec prints it.
    pub listed_as: &'static str,
}

/// 2.5.1 in the spec's order.
pub const BROWSER_MATRIX: &[SupportedBrowser] = &[
    SupportedBrowser {
        family: BrowserFamily::Firefox,
        min_major: 54,
        max_major: None,
        listed_as: "Mozilla Firefox 54 or later",
    },
    SupportedBrowser {
        family: BrowserFamily::Ie,
        min_major: 11,
        max_major: Some(11),
        listed_as: "Microsoft Internet Explorer 11",
    },
    SupportedBrowser {
        family: BrowserFamily::Edge,
        min_major: 80,
        max_major: None,
        listed_as: "Microsoft Chromium Edge 80 and later",
    },
    SupportedBrowser { family: BrowserFamily::Safari, min_major: 10, max_major: None, listed_as: "Safari 10 or later" },
    SupportedBrowser {
        family: BrowserFamily::Chrome,
        min_major: 60,
        max_major: None,
        listed_as: "Google Chrome 60 or later",
    },
];

/// The matrix entry for a family, if the spec lists it.
pub fn supported(family: BrowserFamily) -> Option<&'static SupportedBrowser> {
    BROWSER_MATRIX.iter().find(|entry| entry.family == family)
}

/// The browsers of the matrix as the spec lists them, for advice: "A, B or C".
pub fn listed_browsers() -> String {
    listed_browsers_in(Locale::En)
}

/// The same list in that language ("A, B eller C"); the lines stay as the spec prints them.
pub fn listed_browsers_in(locale: Locale) -> String {
    let names: Vec<&str> = BROWSER_MATRIX.iter().map(|entry| entry.listed_as).collect();
    let or = match locale {
        Locale::En => "or",
        Locale::Sv => "eller",
    };
    match names.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} {or} {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The 2.5.1 verdict for a browser, with its evidence. `source` says how the UA was read.
pub fn browser_finding(user_agent: &UserAgent, source: &Bilingual) -> Finding {
    let mut seen = Bilingual::each(|locale| user_agent.describe_in(locale));
    if let Some(claimed) = user_agent.compatibility_view {
        seen.push(&bilingual!(
            " (in Compatibility View: it calls itself MSIE {claimed}.0, and its Trident token gives its real version)",
            " (i kompatibilitetsläge: den kallar sig MSIE {claimed}.0, och dess Trident-token anger den verkliga versionen)"
        ));
    }
    let section = requirement_id!("pc.browser").section();
    let mut advisories = Vec::new();
    let (verdict, advice) = match (supported(user_agent.browser), user_agent.major) {
        (None, _) => {
            let (name_en, name_sv) = (user_agent.browser.label_in(Locale::En), user_agent.browser.label_in(Locale::Sv));
            let (listed_en, listed_sv) = (listed_browsers_in(Locale::En), listed_browsers_in(Locale::Sv));
            (
                Verdict::Fail,
                Some(bilingual!(
                    "{name_en} is not among the browsers {section} lists for administration: use {listed_en}.",
                    "{name_sv} finns inte bland webbläsarna som {section} tar upp för administration: använd {listed_sv}."
                )),
            )
        }
        (Some(_), None) => (
            Verdict::NeedsConfirmation,
            Some(Bilingual::new(
                "The version could not be read from the user-agent string: check it in the browser's About page.",
                "Versionen gick inte att läsa från user-agent-strängen: se den på webbläsarens Om-sida.",
            )),
        ),
        (Some(entry), Some(major)) if major < entry.min_major || entry.max_major.is_some_and(|max| major > max) => {
            let listed = entry.listed_as;
            (
                Verdict::Fail,
                Some(bilingual!(
                    "{section} requires {listed}: update the browser.",
                    "{section} kräver {listed}: uppdatera webbläsaren."
                )),
            )
        }
        (Some(_), Some(_)) => (Verdict::Pass, None),
    };
    if user_agent.browser == BrowserFamily::Ie {
        advisories.push(crate::advisory_id!("browser.ie11-retired"));
    }
    if user_agent.browser == BrowserFamily::EdgeLegacy {
        advisories.push(crate::advisory_id!("browser.edge-legacy"));
    }
    if verdict == Verdict::Pass && user_agent.is_wrapped_webkit() {
        advisories.push(crate::advisory_id!("browser.ios-webkit"));
    }
    seen.push(&Bilingual::new(format!(", {}", source.en), format!(", {}", source.sv)));
    Finding { advisories, ..Finding::new(requirement_id!("pc.browser"), verdict, seen, advice) }
}

#[cfg(test)]
mod listing_tests {
    use super::*;

    #[test]
    fn the_advice_lists_the_matrix_itself() {
        let listed = listed_browsers();
        for entry in BROWSER_MATRIX {
            assert!(listed.contains(entry.listed_as), "{} in {listed}", entry.listed_as);
        }
        assert_eq!(
            listed.matches(" or ").count(),
            1 + BROWSER_MATRIX.iter().filter(|e| e.listed_as.contains(" or ")).count()
        );
        let unknown = crate::useragent::parse("Mozilla/5.0 (X11; Linux x86_64) Opera/9.80");
        let advice = browser_finding(&unknown, &Bilingual::same("read from the user-agent string")).advice.unwrap();
        assert!(advice.en.ends_with(&format!("use {listed}.")), "{}", advice.en);
        assert!(advice.sv.ends_with(&format!("använd {}.", listed_browsers_in(Locale::Sv))), "{}", advice.sv);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::useragent::parse;

    #[test]
    fn verdicts_follow_the_matrix() {
        let check = |ua: &str, expected: Verdict| {
            let finding = browser_finding(&parse(ua), &Bilingual::same("read from the user-agent string"));
            assert_eq!(finding.verdict, expected, "{ua}: {finding:?}");
        };
        check("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:54.0) Gecko/20100101 Firefox/54.0", Verdict::Pass);
        check("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:53.0) Gecko/20100101 Firefox/53.0", Verdict::Fail);
        check("Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko", Verdict::Pass);
        check("Mozilla/4.0 (compatible; MSIE 10.0; Windows NT 6.1; Trident/6.0)", Verdict::Fail);
        check(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.130 Safari/537.36 Edg/79.0.309.71",
            Verdict::Fail,
        );
        check(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/80.0.3987.87 Safari/537.36 Edg/80.0.361.48",
            Verdict::Pass,
        );
        check(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.18363",
            Verdict::Fail,
        );
        check(
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12) AppleWebKit/603.1.30 (KHTML, like Gecko) Version/10.1 Safari/603.1.30",
            Verdict::Pass,
        );
        check(
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_6) AppleWebKit/601.7.7 (KHTML, like Gecko) Version/9.1.2 Safari/601.7.7",
            Verdict::Fail,
        );
        check(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/60.0.3112.90 Safari/537.36",
            Verdict::Pass,
        );
        check(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/59.0.3071.115 Safari/537.36",
            Verdict::Fail,
        );
        check(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0",
            Verdict::Fail,
        );
        check("Googlebot/2.1 (+http://www.google.com/bot.html)", Verdict::Fail);
        check("", Verdict::Fail);
        check("Mozilla/5.0 (X11; Linux x86_64) Firefox", Verdict::NeedsConfirmation);
    }

    #[test]
    fn matrix_lists_each_family_once_with_sane_bounds() {
        for (index, entry) in BROWSER_MATRIX.iter().enumerate() {
            assert!(BROWSER_MATRIX[index + 1..].iter().all(|other| other.family != entry.family));
            assert!(entry.max_major.is_none_or(|max| max >= entry.min_major));
            assert!(entry.listed_as.contains(&entry.min_major.to_string()));
        }
    }

    #[test]
    fn matrix_matches_the_spec_text() {
        let spec = include_str!("../../../spec/touchpoint-plus-site-environment-requirements-v3.40.txt");
        let section = spec.split("2.5.1 Web Browser").nth(2).unwrap().split("2.5.2").next().unwrap();
        let listed: Vec<&str> = section.lines().filter_map(|line| line.strip_prefix("- ")).collect();
        let ours: Vec<&str> = BROWSER_MATRIX.iter().map(|entry| entry.listed_as).collect();
        assert_eq!(listed, ours);
    }
}
