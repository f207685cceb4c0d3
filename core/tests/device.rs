//! The environment verdicts, one table per check.

use sitecheck_core::device::{
    AudioDevices, DeviceFacts, environment_findings, first_findings, memory, mobile, operating_system, screen, sound,
};
use sitecheck_core::environment::{Signals, detect};
use sitecheck_core::hints::{Brand, ClientHints};
use sitecheck_core::policy::ReleaseTable;
use sitecheck_core::requirement::Obligation;
use sitecheck_core::units::Date;
use sitecheck_core::verdict::{Finding, Verdict};

const WIN: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const WIN7: &str = "Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0";
const WIN81: &str =
    "Mozilla/5.0 (Windows NT 6.3; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36";
const MAC_SAFARI: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15";
const MAC_MOJAVE: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.1.2 Safari/605.1.15";
const MAC_SIERRA: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Safari/605.1.15";
const MAC_CHROME: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const LINUX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0";
const ANDROID_REDUCED: &str =
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const ANDROID_FIREFOX_14: &str = "Mozilla/5.0 (Android 14; Mobile; rv:131.0) Gecko/131.0 Firefox/131.0";
const ANDROID_FIREFOX_12: &str = "Mozilla/5.0 (Android 12; Mobile; rv:131.0) Gecko/131.0 Firefox/131.0";
const IPHONE_18: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const IPHONE_26: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 26_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Mobile/15E148 Safari/604.1";
const ANDROID_FIREFOX_17: &str = "Mozilla/5.0 (Android 17; Mobile; rv:150.0) Gecko/150.0 Firefox/150.0";
const ANDROID_FIREFOX_15: &str = "Mozilla/5.0 (Android 15; Mobile; rv:150.0) Gecko/150.0 Firefox/150.0";
const IPHONE_16: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 16_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1";

/// A day the built-in release table is fresh for both platforms (checked 2026-06-16; Android
/// 17 of that day and iOS 26 of 2025-09-15 are its newest), and one it is stale for both.
const FRESH: Date = Date::new(2026, 7, 1);
const STALE: Date = Date::new(2027, 1, 1);
/// The day the table was last reviewed, from sources that end in June 2026.
const REVIEWED: Date = Date::new(2026, 12, 2);

fn hints(platform: &str, version: &str, architecture: &str) -> ClientHints {
    ClientHints {
        full_version_list: vec![Brand { brand: "Google Chrome".into(), version: "131.0.6778.86".into() }],
        platform: platform.into(),
        platform_version: version.into(),
        architecture: architecture.into(),
        ..ClientHints::default()
    }
}

fn signals(user_agent: &str, hints: Option<ClientHints>) -> Signals {
    Signals { user_agent: user_agent.into(), hints, max_touch_points: Some(0) }
}

fn check(finding: Finding, verdict: Verdict, evidence: &str) {
    assert_eq!(finding.verdict, verdict, "{finding:#?}");
    assert!(finding.evidence.en.contains(evidence), "{evidence:?} in {:?}", finding.evidence);
}

#[test]
fn operating_systems() {
    let os = |signals: Signals| operating_system(&detect(&signals));
    check(os(signals(WIN, None)), Verdict::NeedsConfirmation, "Windows 10 or 11, read from the user-agent string");
    check(
        os(signals(WIN, Some(hints("Windows", "10.0.0", "x86")))),
        Verdict::Pass,
        "Windows 10, read from client hints",
    );
    check(
        os(signals(WIN, Some(hints("Windows", "15.0.0", "x86")))),
        Verdict::Warning,
        "Windows 11, read from client hints",
    );
    check(os(signals(WIN7, None)), Verdict::Pass, "Windows 7");
    check(os(signals(WIN81, None)), Verdict::Fail, "Windows 8.1");
    check(os(signals(MAC_SAFARI, None)), Verdict::NeedsConfirmation, "macOS 10.15.7");
    check(os(signals(MAC_MOJAVE, None)), Verdict::Pass, "macOS 10.14.6");
    check(os(signals(MAC_SIERRA, None)), Verdict::Fail, "macOS 10.12.6");
    check(
        os(signals(MAC_CHROME, Some(hints("macOS", "14.2.1", "arm")))),
        Verdict::Warning,
        "macOS 14.2.1, read from client hints",
    );
    check(os(signals(MAC_CHROME, Some(hints("macOS", "10.14.6", "x86")))), Verdict::Pass, "macOS 10.14.6");
    check(os(signals(LINUX, None)), Verdict::Fail, "Linux");
    check(os(signals(IPHONE_18, None)), Verdict::NotApplicable, "iOS 18.1");
}

#[test]
fn mac_processors() {
    let findings = |signals: Signals| {
        environment_findings(&detect(&signals), &DeviceFacts::default(), FRESH, &ReleaseTable::builtin())
    };
    let cpu =
        |signals: Signals| findings(signals).into_iter().find(|finding| finding.requirement == "softphone.mac-intel");
    check(cpu(signals(MAC_CHROME, Some(hints("macOS", "14.2.1", "arm")))).unwrap(), Verdict::Fail, "Apple silicon");
    check(cpu(signals(MAC_CHROME, Some(hints("macOS", "10.14.6", "x86")))).unwrap(), Verdict::Pass, "Intel (x86)");
    check(cpu(signals(MAC_SAFARI, None)).unwrap(), Verdict::NeedsConfirmation, "does not say which processor");
    assert!(cpu(signals(WIN, None)).is_none(), "no processor card on a PC");
}

#[test]
fn memory_is_never_passed_on_a_capped_figure() {
    let facts = |memory: Option<f64>| DeviceFacts { device_memory: memory, ..DeviceFacts::default() };
    let pc = detect(&signals(WIN, None));
    check(memory(&pc, &facts(Some(8.0))), Verdict::NeedsConfirmation, "reports 8 GB");
    check(memory(&pc, &facts(Some(4.0))), Verdict::Fail, "less than 8 GB");
    check(memory(&pc, &facts(Some(0.5))), Verdict::Fail, "less than 1 GB");
    check(memory(&pc, &facts(Some(16.0))), Verdict::Pass, "reports 16 GB");
    check(memory(&pc, &facts(None)), Verdict::NeedsConfirmation, "does not report");
    let mac = detect(&signals(MAC_SAFARI, None));
    assert_eq!(memory(&mac, &facts(None)).requirement, "softphone.mac-memory");
    check(memory(&detect(&signals(IPHONE_18, None)), &facts(None)), Verdict::NotApplicable, "mobile");
}

#[test]
fn screens_count_physical_pixels() {
    let pc = detect(&signals(WIN, None));
    let facts = |css: (u32, u32), ratio: f64| DeviceFacts {
        screen_css: Some(css),
        device_pixel_ratio: Some(ratio),
        ..DeviceFacts::default()
    };
    check(screen(&pc, &facts((1280, 1024), 1.0)), Verdict::Pass, "1280×1024 physical");
    check(
        screen(&pc, &facts((1280, 720), 1.5)),
        Verdict::Pass,
        "1920×1080 physical pixels (1280×720 CSS pixels × device pixel ratio 1.5)",
    );
    check(screen(&pc, &facts((1000, 700), 1.0)), Verdict::Warning, "1000×700");
    check(screen(&pc, &facts((768, 1024), 1.0)), Verdict::Pass, "768×1024");
    check(screen(&pc, &facts((1024, 768), f64::NAN)), Verdict::Pass, "1024×768");
    check(screen(&pc, &DeviceFacts::default()), Verdict::NeedsConfirmation, "could not be read");
}

#[test]
fn sound_devices() {
    let pc = detect(&signals(WIN, None));
    let facts = |audio: AudioDevices| DeviceFacts { audio, ..DeviceFacts::default() };
    check(
        sound(&pc, &facts(AudioDevices::Listed { inputs: 1, outputs: 2 })),
        Verdict::Pass,
        "1 audio input(s) and 2 audio output(s)",
    );
    check(
        sound(&pc, &facts(AudioDevices::Listed { inputs: 0, outputs: 0 })),
        Verdict::NeedsConfirmation,
        "lists no audio devices",
    );
    check(
        sound(
            &pc,
            &facts(AudioDevices::Unavailable {
                reason: sitecheck_core::locale::Bilingual::new(
                    "the page is not served over HTTPS",
                    "sidan hämtas inte över HTTPS",
                ),
            }),
        ),
        Verdict::NeedsConfirmation,
        "not served over HTTPS",
    );
}

/// An administrator's table (from `config.json`) decides instead of this build's, by the same
/// rules: one that knows iOS 27 fails iOS 18; one without it, checked after iOS 26's bound ran
/// out (the keeper saw no iOS 27 by then), is trusted until it is itself old; one without it
/// checked before the bound ran out still warns.
#[test]
fn a_release_table_from_the_config_decides() {
    use sitecheck_core::policy::{MobilePlatform, OsRelease};
    let mut newer = ReleaseTable::builtin();
    newer.checked = Date::new(2026, 11, 1);
    let without_ios_27 = newer.clone();
    newer.releases.push(OsRelease { platform: MobilePlatform::Ios, major: 27, released: Date::new(2026, 9, 14) });
    assert_eq!(newer.problems(), Vec::<String>::new());
    let on = |table: &ReleaseTable| mobile(&detect(&signals(IPHONE_18, None)), REVIEWED, table);
    check(
        on(&ReleaseTable::builtin()),
        Verdict::Warning,
        "the newest iOS release this table knows, iOS 26 of 2025-09-15, is more than 380 days old",
    );
    check(on(&newer), Verdict::Fail, "supported per 2.8: iOS 27, 26");
    let pass = on(&without_ios_27);
    check(pass.clone(), Verdict::Pass, "supported per 2.8: iOS 26, 18");
    assert!(!pass.evidence.en.contains(" days "), "a table checked after the bound is trusted: {:?}", pass.evidence);
    let mut checked_before = without_ios_27.clone();
    checked_before.checked = Date::new(2026, 9, 29);
    check(on(&checked_before), Verdict::Warning, "iOS 26 of 2025-09-15, is more than 380 days old");
    // Trusted only until the table is old itself.
    let old = mobile(&detect(&signals(IPHONE_18, None)), Date::new(2027, 5, 1), &without_ios_27);
    check(old, Verdict::Warning, "release table checked 2026-11-01, more than 180 days ago");
    let finding = mobile(&detect(&signals(IPHONE_26, None)), REVIEWED, &newer);
    check(finding.clone(), Verdict::Pass, "supported per 2.8: iOS 27, 26");
    assert!(!finding.evidence.en.contains(" days "), "a table that knows iOS 27 is fresh: {:?}", finding.evidence);
}

/// 2.8's mobile verdict with the built-in table: the user agent, the day, the verdict and what
/// the evidence must say (or, for a fresh table, must not).
#[test]
fn mobile_releases() {
    const NEWEST_IOS_OLD: &str = "the newest iOS release this table knows, iOS 26 of 2025-09-15, is more than 380 days old: a newer one has probably been released";
    const TABLE_OLD: &str = "release table checked 2026-06-16, more than 180 days ago: newer releases may exist";
    let pixel = ClientHints { mobile: true, ..hints("Android", "15.0.0", "") };
    let cases: &[(&str, Option<ClientHints>, Date, Verdict, &str)] = &[
        (
            IPHONE_18,
            None,
            FRESH,
            Verdict::Pass,
            "iOS 18.1, read from the user-agent string; supported per 2.8: iOS 26, 18",
        ),
        (IPHONE_16, None, FRESH, Verdict::Fail, "iOS 16.7"),
        // iOS 26 turned 380 days old on 2026-09-30: iOS 27 has most probably shipped since.
        (IPHONE_18, None, Date::new(2026, 9, 30), Verdict::Pass, "supported per 2.8: iOS 26, 18"),
        (IPHONE_18, None, Date::new(2026, 10, 1), Verdict::Warning, NEWEST_IOS_OLD),
        (IPHONE_18, None, REVIEWED, Verdict::Warning, NEWEST_IOS_OLD),
        (IPHONE_26, None, REVIEWED, Verdict::Pass, NEWEST_IOS_OLD),
        (IPHONE_18, None, STALE, Verdict::Warning, NEWEST_IOS_OLD),
        // Android 17 is young on 2026-12-02: the latest three are 17, 16 and 15, and 14 is out.
        (
            ANDROID_FIREFOX_17,
            None,
            REVIEWED,
            Verdict::Pass,
            "Android 17, read from the user-agent string; supported per 2.8: Android 17, 16, 15",
        ),
        (ANDROID_FIREFOX_15, None, REVIEWED, Verdict::Pass, "supported per 2.8: Android 17, 16, 15"),
        (ANDROID_FIREFOX_14, None, REVIEWED, Verdict::Fail, "supported per 2.8: Android 17, 16, 15"),
        // The whole table turns stale 180 days after its check, on 2026-12-14.
        (ANDROID_FIREFOX_15, None, Date::new(2026, 12, 13), Verdict::Pass, "supported per 2.8: Android 17, 16, 15"),
        (ANDROID_FIREFOX_15, None, Date::new(2026, 12, 14), Verdict::Warning, TABLE_OLD),
        (ANDROID_FIREFOX_17, None, STALE, Verdict::Pass, TABLE_OLD),
        // Before Android 17 the latest three were 16, 15 and 14.
        (ANDROID_FIREFOX_14, None, Date::new(2026, 6, 15), Verdict::Pass, "supported per 2.8: Android 16, 15, 14"),
        (ANDROID_FIREFOX_12, None, FRESH, Verdict::Fail, "Android 12"),
        (ANDROID_REDUCED, None, FRESH, Verdict::NeedsConfirmation, "Android 10"),
        (ANDROID_REDUCED, Some(pixel), FRESH, Verdict::Pass, "Android 15.0.0, read from client hints"),
        (WIN, None, FRESH, Verdict::NotApplicable, "not a mobile device"),
    ];
    for (user_agent, hints, today, verdict, evidence) in cases {
        let finding = mobile(&detect(&signals(user_agent, hints.clone())), *today, &ReleaseTable::builtin());
        check(finding.clone(), *verdict, evidence);
        if *today <= Date::new(2026, 9, 30) {
            assert!(!finding.evidence.en.contains("days"), "fresh on {today}: {:?}", finding.evidence);
        }
    }
}

#[test]
fn every_finding_cites_its_requirement() {
    let environment = detect(&signals(MAC_SAFARI, None));
    for finding in environment_findings(&environment, &DeviceFacts::default(), FRESH, &ReleaseTable::builtin()) {
        let requirement = finding.requirement.requirement();
        assert_eq!(requirement.section, finding.section);
    }
}

#[test]
fn only_a_must_fails() {
    // A "should" or a recommendation that is not met is a warning (2.5.2's thin clients are
    // "not supported" yet allowed "as is"); only a "must" fails.
    let facts = DeviceFacts {
        device_memory: Some(2.0),
        screen_css: Some((800, 600)),
        device_pixel_ratio: Some(1.0),
        audio: AudioDevices::Listed { inputs: 0, outputs: 0 },
    };
    for agent in
        [WIN, WIN7, WIN81, MAC_SAFARI, MAC_MOJAVE, MAC_SIERRA, MAC_CHROME, LINUX, IPHONE_16, ANDROID_FIREFOX_12]
    {
        for finding in environment_findings(&detect(&signals(agent, None)), &facts, STALE, &ReleaseTable::builtin()) {
            let requirement = finding.requirement.requirement();
            if finding.verdict == Verdict::Fail {
                assert_eq!(requirement.obligation, Obligation::Must, "{agent}: {finding:#?}");
            }
        }
    }
}

#[test]
fn the_first_verdicts_are_the_full_ones_less_what_config_json_can_change() {
    // The page draws these before it reads config.json: each must be exactly the verdict the
    // whole page draws later, and none may read the release table an administrator can replace.
    let facts = DeviceFacts { device_memory: Some(8.0), ..DeviceFacts::default() };
    for agent in [WIN, WIN7, MAC_SAFARI, MAC_CHROME, LINUX, IPHONE_16, IPHONE_26, ANDROID_FIREFOX_14, ANDROID_REDUCED] {
        let environment = detect(&signals(agent, None));
        let first = first_findings(&environment, &facts);
        let full = environment_findings(&environment, &facts, FRESH, &ReleaseTable::builtin());
        let (depends_on_config, rest): (Vec<_>, Vec<_>) =
            full.into_iter().partition(|finding| finding.requirement == "mobile.os-version");
        assert_eq!(first, rest, "{agent}");
        assert_eq!(depends_on_config.len(), 1, "{agent}: the mobile verdict waits for config.json");
    }
}
