//! The whole catalogue as one serialisable value: what `sitecheck catalogue --json` prints
//! and the app offers as a download.

use crate::advisory::{ADVISORIES, Advisory};
use crate::bandwidth::{BandwidthCalculation, calculate};
use crate::browser::{BROWSER_MATRIX, SupportedBrowser};
use crate::firewall::{FIREWALL_RULES, FIREWALL_TABLES, FirewallRule, FirewallTable};
use crate::plan::Plan;
use crate::policy::{
    MOBILE_POLICY, MOBILE_RELEASES, MobilePolicy, OsRelease, PC_POLICY, PcPolicy, RELEASE_TABLE_CHECKED,
};
use crate::requirement::{REQUIREMENTS, Requirement};
use crate::section::{SECTIONS, SPEC_DATE, SPEC_TITLE, SPEC_VERSION, Section};
use crate::units::Date;
use serde::{Serialize, Serializer};

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

/// The spec's 5.1 example: the example plan's bandwidth inputs and what the bandwidth code
/// makes of them. A calculation cannot run in a `const`, so it is worked out when the
/// catalogue is serialised, never written down.
#[derive(Debug, Clone, Copy)]
pub struct BandwidthExample {
    pub section: &'static str,
}

impl BandwidthExample {
    pub fn calculation(&self) -> BandwidthCalculation {
        calculate(Plan::spec_example().bandwidth_inputs())
    }
}

impl Serialize for BandwidthExample {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Worked {
            section: &'static str,
            #[serde(flatten)]
            calculation: BandwidthCalculation,
        }
        Worked { section: self.section, calculation: self.calculation() }.serialize(serializer)
    }
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
    /// The 5.1 example, inputs and result.
    pub bandwidth_example: BandwidthExample,
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
    bandwidth_example: BandwidthExample { section: "5.1" },
};

/// The catalogue as pretty JSON. Plain data with string keys does not fail to serialise, but
/// if it ever did the caller says so rather than writing an empty file.
pub fn catalogue_json() -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&CATALOGUE)
}

/// The catalogue's file beside the page, as the build writes it.
pub const CATALOGUE_FILE: &str = "catalogue.json";

/// The name the JSON download carries.
pub fn catalogue_file_name() -> String {
    format!("touchpoint-plus-catalogue-v{SPEC_VERSION}.json")
}
