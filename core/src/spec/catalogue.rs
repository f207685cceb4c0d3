//! The whole catalogue as one serialisable value: what `sitecheck catalogue --json` prints
//! and the app offers as a download.

use crate::advisory::{ADVISORIES, Advisory};
use crate::browser::{BROWSER_MATRIX, SupportedBrowser};
use crate::firewall::{FIREWALL_RULES, FIREWALL_TABLES, FirewallRule, FirewallTable};
use crate::policy::{
    MOBILE_POLICY, MOBILE_RELEASES, MobilePolicy, OsRelease, PC_POLICY, PcPolicy, RELEASE_TABLE_CHECKED,
};
use crate::requirement::{REQUIREMENTS, Requirement};
use crate::section::{SECTIONS, SPEC_DATE, SPEC_TITLE, SPEC_VERSION, Section};
use crate::units::Date;
use serde::Serialize;

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Spec {
    pub title: &'static str,
    pub version: &'static str,
    pub date: Date,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct MobileReleases {
    pub checked: Date,
    pub policy: &'static [MobilePolicy],
    pub releases: &'static [OsRelease],
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Catalogue {
    pub spec: Spec,
    pub sections: &'static [Section],
    pub requirements: &'static [Requirement],
    pub firewall_tables: &'static [FirewallTable],
    pub firewall_rules: &'static [FirewallRule],
    pub browsers: &'static [SupportedBrowser],
    pub pc_policy: PcPolicy,
    pub mobile: MobileReleases,
    pub advisories: &'static [Advisory],
}

pub const CATALOGUE: Catalogue = Catalogue {
    spec: Spec { title: SPEC_TITLE, version: SPEC_VERSION, date: SPEC_DATE },
    sections: SECTIONS,
    requirements: REQUIREMENTS,
    firewall_tables: FIREWALL_TABLES,
    firewall_rules: FIREWALL_RULES,
    browsers: BROWSER_MATRIX,
    pc_policy: PC_POLICY,
    mobile: MobileReleases { checked: RELEASE_TABLE_CHECKED, policy: MOBILE_POLICY, releases: MOBILE_RELEASES },
    advisories: ADVISORIES,
};

/// The catalogue as pretty JSON. Plain data with string keys does not fail to serialise, but
/// if it ever did the caller says so rather than writing an empty file.
pub fn catalogue_json() -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&CATALOGUE)
}

/// The name the JSON download carries.
pub fn catalogue_file_name() -> String {
    format!("touchpoint-plus-catalogue-v{SPEC_VERSION}.json")
}
