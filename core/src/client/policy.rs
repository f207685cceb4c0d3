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

/// 2.8 as data: how many of the latest releases count, per platform, and how old the newest
/// known release may grow before a newer one has probably shipped.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct MobilePolicy {
    pub platform: MobilePlatform,
    pub latest_releases: usize,
    /// Once the newest release a table knows for the platform is older than this, a newer one
    /// has probably been released, however recently the table was checked: a table checked in
    /// June knows nothing of a September release, and the whole table's age
    /// ([`RELEASE_TABLE_MAX_AGE_DAYS`]) would let it pass phones on a dropped release until
    /// December.
    pub newest_release_max_age_days: i64,
}

pub const MOBILE_POLICY: &[MobilePolicy] = &[
    // Google ships a major release about yearly, but unevenly: the longest gap in the table
    // below is Android 13 to 14, 415 days (14 to 15 took 377). 420 days would not have
    // fired wrongly on any release in it.
    MobilePolicy {
        platform: MobilePlatform::Android,
        latest_releases: limits::ANDROID_LATEST_RELEASES,
        newest_release_max_age_days: 420,
    },
    // Apple ships each major release in mid-September: no gap in the table below is longer
    // than 371 days (iOS 16 to 17). A bound of 380 days keeps a margin over that while an
    // iPhone on a release that has dropped out passes for about two weeks, not months.
    MobilePolicy {
        platform: MobilePlatform::Ios,
        latest_releases: limits::IOS_LATEST_RELEASES,
        newest_release_max_age_days: 380,
    },
];

/// The day through which the release table below is known complete: the newest vendor
/// announcement it was checked against, not the day someone last looked. The table was
/// reviewed on 2026-12-02 from sources that end in June 2026; claiming December would
/// assert that no iOS 27 exists and pass phones on iOS 18. Releases after it are unknown to
/// this build: verdicts say so once it is older than [`RELEASE_TABLE_MAX_AGE_DAYS`], or a
/// platform's newest release is older than its policy's `newest_release_max_age_days`.
pub const RELEASE_TABLE_CHECKED: Date = Date::new(2026, 6, 16);
/// After this many days a new major release has probably shipped.
pub const RELEASE_TABLE_MAX_AGE_DAYS: i64 = 180;

/// Major releases, oldest first per platform. iOS jumped from 18 to 26 in 2025. iOS 27 is
/// not listed: it was announced at WWDC on 2026-06-08, but no source read for this table
/// confirms the day it was released.
pub const MOBILE_RELEASES: &[OsRelease] = &[
    OsRelease { platform: MobilePlatform::Android, major: 11, released: Date::new(2020, 9, 8) },
    OsRelease { platform: MobilePlatform::Android, major: 12, released: Date::new(2021, 10, 4) },
    OsRelease { platform: MobilePlatform::Android, major: 13, released: Date::new(2022, 8, 15) },
    OsRelease { platform: MobilePlatform::Android, major: 14, released: Date::new(2023, 10, 4) },
    OsRelease { platform: MobilePlatform::Android, major: 15, released: Date::new(2024, 10, 15) },
    OsRelease { platform: MobilePlatform::Android, major: 16, released: Date::new(2025, 6, 10) },
    // Rolled out to Pixel phones on 2026-06-16 (as Android 16 was on 2025-06-10), per several
    // independent reports of that day, e.g. gearpulse.site ("Google released Android 17 to
    // most supported Pixel devices on June 16, 2026") and blog.progressiverobot.com.
    OsRelease { platform: MobilePlatform::Android, major: 17, released: Date::new(2026, 6, 16) },
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

/// Why a platform's part of a release table can no longer be trusted to know the latest
/// releases: its verdicts then warn on the oldest supported release rather than pass it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Staleness {
    /// The platform's newest known release is more than `max_age_days` old
    /// ([`MobilePolicy::newest_release_max_age_days`]).
    NewestReleaseOld { newest: OsRelease, max_age_days: i64 },
    /// The whole table was checked more than [`RELEASE_TABLE_MAX_AGE_DAYS`] ago.
    TableOld { checked: Date, max_age_days: i64 },
}

/// The release table 2.8's "latest releases" are read from: this build's
/// ([`ReleaseTable::builtin`]), or one an administrator dates and writes into `config.json`
/// (`mobile_releases`) when new releases have shipped, without a rebuild.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReleaseTable {
    /// The day through which the table is known complete: the day it was checked against
    /// the vendors' announcements, or the newest announcement read when those stop earlier.
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

    /// Whether, and why, the table's part for `platform` is too old on `today` to trust
    /// "latest". When both rules fire the newest release's age is named: it says more (the
    /// release and its day) than the table's date does.
    pub fn staleness(&self, platform: MobilePlatform, today: Date) -> Option<Staleness> {
        let days = |since: Date| today.days_since_epoch() - since.days_since_epoch();
        let bound = MOBILE_POLICY
            .iter()
            .find(|policy| policy.platform == platform)
            .map(|policy| policy.newest_release_max_age_days);
        let newest =
            self.releases.iter().rev().find(|release| release.platform == platform && release.released <= today);
        // A table checked after the bound ran out was kept by someone who saw no newer release
        // by then (a vendor running late): its check is trusted, and the table's own age ends it.
        let checked_after_the_bound = |newest: &OsRelease, bound: i64| {
            self.checked.days_since_epoch() - newest.released.days_since_epoch() > bound
        };
        if let (Some(&newest), Some(max_age_days)) = (newest, bound)
            && days(newest.released) > max_age_days
            && !checked_after_the_bound(&newest, max_age_days)
        {
            return Some(Staleness::NewestReleaseOld { newest, max_age_days });
        }
        (days(self.checked) > RELEASE_TABLE_MAX_AGE_DAYS)
            .then_some(Staleness::TableOld { checked: self.checked, max_age_days: RELEASE_TABLE_MAX_AGE_DAYS })
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
        check(MobilePlatform::Android, Date::new(2026, 6, 15), &[16, 15, 14]);
        check(MobilePlatform::Android, Date::new(2026, 6, 16), &[17, 16, 15]);
    }

    /// Either rule makes a platform's part stale; each boundary day on both sides.
    #[test]
    fn a_platform_is_stale_by_its_newest_release_or_the_tables_age() {
        let table = ReleaseTable::builtin();
        let ios_26 = OsRelease { platform: MobilePlatform::Ios, major: 26, released: Date::new(2025, 9, 15) };
        let android_17 = OsRelease { platform: MobilePlatform::Android, major: 17, released: Date::new(2026, 6, 16) };
        let newest = |newest, max_age_days| Some(Staleness::NewestReleaseOld { newest, max_age_days });
        let table_old = Some(Staleness::TableOld { checked: Date::new(2026, 6, 16), max_age_days: 180 });
        let cases = [
            // Before the check day the newest release out by then counts: iOS 26 is 273 days old.
            (MobilePlatform::Ios, Date::new(2026, 6, 15), None),
            // iOS 26 is 380 days old on 2026-09-30 and more the day after, whatever the table's age.
            (MobilePlatform::Ios, Date::new(2026, 9, 30), None),
            (MobilePlatform::Ios, Date::new(2026, 10, 1), newest(ios_26, 380)),
            (MobilePlatform::Ios, Date::new(2026, 12, 2), newest(ios_26, 380)),
            // Android 17 is young: only the table's own age, 180 days on 2026-12-13, counts.
            (MobilePlatform::Android, Date::new(2026, 12, 2), None),
            (MobilePlatform::Android, Date::new(2026, 12, 13), None),
            (MobilePlatform::Android, Date::new(2026, 12, 14), table_old),
            // Both rules: the newest release is named.
            (MobilePlatform::Android, Date::new(2027, 8, 10), table_old),
            (MobilePlatform::Android, Date::new(2027, 8, 11), newest(android_17, 420)),
        ];
        for (platform, today, expected) in cases {
            assert_eq!(table.staleness(platform, today), expected, "{platform:?} on {today}");
        }
    }

    /// A bound shorter than a gap the vendor has already taken would have warned wrongly
    /// before; the advisory names each bound.
    #[test]
    fn each_platforms_bound_is_longer_than_every_gap_in_the_table_and_the_advisory_names_it() {
        let advisory = crate::advisory::advisory("mobile.release-table-age").unwrap();
        let swedish = crate::spec::swedish::ADVISORIES.iter().find(|(id, _, _)| *id == advisory.id).unwrap().2;
        for policy in MOBILE_POLICY {
            let releases: Vec<&OsRelease> =
                MOBILE_RELEASES.iter().filter(|release| release.platform == policy.platform).collect();
            for pair in releases.windows(2) {
                let gap = pair[1].released.days_since_epoch() - pair[0].released.days_since_epoch();
                assert!(
                    gap < policy.newest_release_max_age_days,
                    "{:?}: {gap} days to {}",
                    policy.platform,
                    pair[1].major
                );
            }
            let bound = format!("{} days", policy.newest_release_max_age_days);
            assert!(advisory.text.contains(&bound), "{bound}: {}", advisory.text);
            assert!(swedish.contains(&format!("{} dagar", policy.newest_release_max_age_days)), "{swedish}");
        }
        assert!(advisory.text.contains(&format!("{RELEASE_TABLE_MAX_AGE_DAYS} days")), "{}", advisory.text);
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
