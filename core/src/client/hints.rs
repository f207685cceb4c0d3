//! User-Agent Client Hints as `navigator.userAgentData.getHighEntropyValues` returns them.
//! The app passes them through as JSON; support staff paste the same JSON into the CLI.

use serde::{Deserialize, Serialize};

/// One brand of `brands` or `fullVersionList`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Brand {
    pub brand: String,
    pub version: String,
}

/// The high-entropy values sitecheck asks for. Missing fields stay empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientHints {
    pub brands: Vec<Brand>,
    pub full_version_list: Vec<Brand>,
    pub mobile: bool,
    pub platform: String,
    pub platform_version: String,
    pub architecture: String,
    pub bitness: String,
    pub model: String,
}

/// The hint names the app requests.
pub const HIGH_ENTROPY_HINTS: &[&str] = &["architecture", "bitness", "model", "platformVersion", "fullVersionList"];

impl ClientHints {
    /// The first number of a dotted version ("14.2.1" → 14).
    pub fn leading_number(version: &str) -> Option<u32> {
        version.split('.').next()?.trim().parse().ok()
    }

    /// The major version of the platform, if the hints give one.
    pub fn platform_major(&self) -> Option<u32> {
        Self::leading_number(&self.platform_version)
    }

    /// The most specific brand list available.
    pub fn brand_list(&self) -> &[Brand] {
        if self.full_version_list.is_empty() { &self.brands } else { &self.full_version_list }
    }

    /// True when the hints carry nothing (a browser without them, or an empty paste).
    pub fn is_empty(&self) -> bool {
        self.brands.is_empty() && self.full_version_list.is_empty() && self.platform.is_empty()
    }
}
