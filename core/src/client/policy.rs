//! Device policies: the PC/Mac policy of 2.5.2 and the mobile policy of 2.8 with its dated
//! release table.

use crate::limits;
use crate::units::{Date, Gigabytes, Resolution};
use serde::{Deserialize, Serialize};

/// A macOS release the spec names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MacOsRelease {
    pub name: &'static str,
    pub version: &'static str,
    /// The spec's own wording, where it differs.
    pub spec_wording: &'static str,
}

/// 2.5.2 as data.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct PcPolicy {
    pub min_memory: Gigabytes,
    /// Windows releases as the spec writes them.
    pub windows: &'static [&'static str],
    pub macos: &'static [MacOsRelease],
    pub mac_processor: &'static str,
    pub sound_card: bool,
    /// For users with the ACD or Attendant view.
    pub min_screen: Resolution,
    pub min_softphone_version: &'static str,
    pub multi_user_supported: bool,
}

pub const PC_POLICY: PcPolicy = PcPolicy {
    min_memory: limits::SOFTPHONE_RAM,
    windows: &["Windows 7.x", "Windows 10"],
    macos: &[
        MacOsRelease { name: "macOS High Sierra", version: "10.13", spec_wording: "macOS Sierra High" },
        MacOsRelease { name: "macOS Mojave", version: "10.14", spec_wording: "Mojave" },
    ],
    mac_processor: "Intel",
    sound_card: true,
    min_screen: limits::ACD_SCREEN,
    min_softphone_version: limits::SOFTPHONE_MIN_VERSION,
    multi_user_supported: false,
};

/// A mobile platform of 2.8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MobilePlatform {
    Android,
    Ios,
}

impl MobilePlatform {
    pub const fn label(self) -> &'static str {
        match self {
            MobilePlatform::Android => "Android",
            MobilePlatform::Ios => "iOS",
        }
    }
}

/// One major release and the day it reached users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OsRelease {
    pub platform: MobilePlatform,
    pub major: u32,
    pub released: Date,
}

/// 2.8 as data: how many of the latest releases count, per platform.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct MobilePolicy {
    pub platform: MobilePlatform,
    pub latest_releases: usize,
}

pub const MOBILE_POLICY: &[MobilePolicy] = &[
    MobilePolicy { platform: MobilePlatform::Android, latest_releases: limits::ANDROID_LATEST_RELEASES },
    MobilePolicy { platform: MobilePlatform::Ios, latest_releases: limits::IOS_LATEST_RELEASES },
];

/// The day the release table below was last checked against the vendors' announcements.
/// Releases after it are unknown to this build: verdicts say so once it is older than
/// [`RELEASE_TABLE_MAX_AGE_DAYS`].
pub const RELEASE_TABLE_CHECKED: Date = Date::new(2025, 10, 1);
/// After this many days a new major release has probably shipped.
pub const RELEASE_TABLE_MAX_AGE_DAYS: i64 = 180;

/// Major releases, oldest first per platform. iOS jumped from 18 to 26 in 2025.
pub const MOBILE_RELEASES: &[OsRelease] = &[
    OsRelease { platform: MobilePlatform::Android, major: 11, released: Date::new(2020, 9, 8) },
    OsRelease { platform: MobilePlatform::Android, major: 12, released: Date::new(2021, 10, 4) },
    OsRelease { platform: MobilePlatform::Android, major: 13, released: Date::new(2022, 8, 15) },
    OsRelease { platform: MobilePlatform::Android, major: 14, released: Date::new(2023, 10, 4) },
    OsRelease { platform: MobilePlatform::Android, major: 15, released: Date::new(2024, 10, 15) },
    OsRelease { platform: MobilePlatform::Android, major: 16, released: Date::new(2025, 6, 10) },
    OsRelease { platform: MobilePlatform::Ios, major: 14, released: Date::new(2020, 9, 16) },
    OsRelease { platform: MobilePlatform::Ios, major: 15, released: Date::new(2021, 9, 20) },
    OsRelease { platform: MobilePlatform::Ios, major: 16, released: Date::new(2022, 9, 12) },
    OsRelease { platform: MobilePlatform::Ios, major: 17, released: Date::new(2023, 9, 18) },
    OsRelease { platform: MobilePlatform::Ios, major: 18, released: Date::new(2024, 9, 16) },
    OsRelease { platform: MobilePlatform::Ios, major: 26, released: Date::new(2025, 9, 15) },
];

/// The supported majors on `today`, newest first, per 2.8, as far as the table knows.
pub fn supported_mobile_majors(platform: MobilePlatform, today: Date) -> Vec<u32> {
    ReleaseTable::builtin().supported_majors(platform, today)
}

/// Whether the release table is too old on `today` to trust "latest".
pub fn release_table_is_stale(today: Date) -> bool {
    ReleaseTable::builtin().is_stale(today)
}

/// The release table 2.8's "latest releases" are read from: this build's
/// ([`ReleaseTable::builtin`]), or one an administrator dates and writes into `config.json`
/// (`mobile_releases`) when new releases have shipped, without a rebuild.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReleaseTable {
    /// The day the table was checked against the vendors' announcements.
    pub checked: Date,
    /// Major releases, oldest first per platform.
    pub releases: Vec<OsRelease>,
}

impl ReleaseTable {
    pub fn builtin() -> ReleaseTable {
        ReleaseTable { checked: RELEASE_TABLE_CHECKED, releases: MOBILE_RELEASES.to_vec() }
    }

    /// Every problem with a table, said at once: releases out of order or after the day it
    /// was checked, and platforms with fewer releases than 2.8 counts.
    pub fn problems(&self) -> Vec<String> {
        self.problems_in_both().into_iter().map(|problem| problem.en).collect()
    }

    /// The same problems in both languages.
    pub fn problems_in_both(&self) -> Vec<crate::locale::Bilingual> {
        use crate::bilingual;
        let mut problems = Vec::new();
        for policy in MOBILE_POLICY {
            let releases: Vec<&OsRelease> =
                self.releases.iter().filter(|release| release.platform == policy.platform).collect();
            let name = policy.platform.label();
            let (given, latest) = (releases.len(), policy.latest_releases);
            if given < latest {
                problems.push(bilingual!(
                    "{given} {name} release(s) given; 2.8 counts the latest {latest}",
                    "{given} version(er) av {name} angivna; 2.8 räknar de {latest} senaste"
                ));
            }
            for pair in releases.windows(2) {
                if pair[0].major >= pair[1].major || pair[0].released >= pair[1].released {
                    let (first, first_on, second, second_on) =
                        (pair[0].major, pair[0].released, pair[1].major, pair[1].released);
                    problems.push(bilingual!(
                        "{name} {first} ({first_on}) is listed before {name} {second} ({second_on}): list them oldest first",
                        "{name} {first} ({first_on}) står före {name} {second} ({second_on}): lista dem med den äldsta först"
                    ));
                }
            }
        }
        for release in &self.releases {
            if release.released > self.checked {
                let (name, major, released, checked) =
                    (release.platform.label(), release.major, release.released, self.checked);
                problems.push(bilingual!(
                    "{name} {major} is dated {released}, after the day the table was checked ({checked})",
                    "{name} {major} är daterad {released}, efter dagen då tabellen kontrollerades ({checked})"
                ));
            }
        }
        problems
    }

    /// The majors 2.8 supports on `today`: the latest releases out by then.
    pub fn supported_majors(&self, platform: MobilePlatform, today: Date) -> Vec<u32> {
        let count =
            MOBILE_POLICY.iter().find(|policy| policy.platform == platform).map_or(0, |policy| policy.latest_releases);
        self.releases
            .iter()
            .rev()
            .filter(|release| release.platform == platform && release.released <= today)
            .take(count)
            .map(|release| release.major)
            .collect()
    }

    /// Whether the table is too old on `today` to trust "latest".
    pub fn is_stale(&self, today: Date) -> bool {
        today.days_since_epoch() - self.checked.days_since_epoch() > RELEASE_TABLE_MAX_AGE_DAYS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_are_ordered_per_platform_and_before_the_check_date() {
        for pair in MOBILE_RELEASES.windows(2) {
            if pair[0].platform == pair[1].platform {
                assert!(pair[0].major < pair[1].major && pair[0].released < pair[1].released, "{pair:?}");
            }
        }
        assert!(MOBILE_RELEASES.iter().all(|release| release.released <= RELEASE_TABLE_CHECKED));
        for policy in MOBILE_POLICY {
            let known = MOBILE_RELEASES.iter().filter(|release| release.platform == policy.platform).count();
            assert!(known > policy.latest_releases, "the table must reach past the window for {:?}", policy.platform);
        }
    }

    #[test]
    fn latest_releases_depend_on_the_day() {
        let check =
            |platform, today: Date, expected: &[u32]| assert_eq!(supported_mobile_majors(platform, today), expected);
        check(MobilePlatform::Android, Date::new(2025, 10, 1), &[16, 15, 14]);
        check(MobilePlatform::Android, Date::new(2024, 1, 1), &[14, 13, 12]);
        check(MobilePlatform::Ios, Date::new(2025, 10, 1), &[26, 18]);
        check(MobilePlatform::Ios, Date::new(2025, 9, 14), &[18, 17]);
        assert!(!release_table_is_stale(Date::new(2026, 1, 1)));
        assert!(release_table_is_stale(Date::new(2026, 11, 23)));
    }

    #[test]
    fn a_table_from_a_config_is_checked_whole() {
        assert_eq!(ReleaseTable::builtin().problems(), Vec::<String>::new());
        let release = |platform, major, released| OsRelease { platform, major, released };
        let table = ReleaseTable {
            checked: Date::new(2026, 1, 1),
            releases: vec![
                release(MobilePlatform::Android, 16, Date::new(2025, 6, 10)),
                release(MobilePlatform::Android, 15, Date::new(2024, 10, 15)),
                release(MobilePlatform::Ios, 26, Date::new(2026, 9, 15)),
            ],
        };
        let problems = table.problems();
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems[0].starts_with("2 Android release(s) given; 2.8 counts the latest 3"), "{problems:?}");
        assert!(problems[1].contains("Android 16 (2025-06-10) is listed before Android 15"), "{problems:?}");
        assert!(problems[2].starts_with("1 iOS release(s) given"), "{problems:?}");
        assert!(
            problems[3].contains("iOS 26 is dated 2026-09-15, after the day the table was checked"),
            "{problems:?}"
        );
    }

    #[test]
    fn pc_policy_matches_the_limits() {
        assert_eq!(PC_POLICY.min_memory, Gigabytes(16));
        assert_eq!(PC_POLICY.min_screen, Resolution { width: 1024, height: 768 });
    }
}
