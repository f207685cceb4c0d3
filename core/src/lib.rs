//! The Telia Touchpoint Plus site environment requirements, v3.40, as typed and tested data,
//! with the pure logic over them (user-agent verdicts, bandwidth math, firewall rules).
//!
//! Invariant: this crate does no IO and knows nothing of browsers or terminals; the app and
//! the CLI read everything they show from here.

// The folders are the code map: `spec` the v3.40 tables, `client` this browser and computer,
// `network` what is measured over the wire, `plan` the site's plan and everything made from it,
// `firewall` the chapter 6 rules, their exports and the coverage check, `addon` the files
// people prepare for the add-ons.
pub mod addon;
pub mod client;
pub mod firewall;
pub mod integrity;
pub mod interface;
pub mod job;
pub mod locale;
pub mod network;
pub mod plan;
pub mod spec;
pub mod units;
pub mod verdict;

// The paths the app, the worker and the CLI have always used.
pub use client::{browser, device, environment, hints, policy, useragent};
pub use firewall::{coverage, export};
pub use network::{ice, series, targets};
pub use plan::{bandwidth, checklist, confirmation, link, report};
pub use spec::{advisory, catalogue, condition, limits, requirement, section};

pub use spec::section::{SPEC_DATE, SPEC_VERSION};
