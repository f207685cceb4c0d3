//! The Telia Touchpoint Plus site environment requirements, v3.40, as typed and tested data,
//! with the pure logic over them (user-agent verdicts, bandwidth math, firewall rules).
//!
//! Invariant: this crate does no IO and knows nothing of browsers or terminals; the app and
//! the CLI read everything they show from here.

pub mod advisory;
pub mod bandwidth;
pub mod browser;
pub mod catalogue;
pub mod checklist;
pub mod condition;
pub mod confirmation;
pub mod coverage;
pub mod device;
pub mod environment;
pub mod export;
pub mod firewall;
pub mod hints;
pub mod ice;
pub mod limits;
pub mod link;
pub mod network;
pub mod plan;
pub mod policy;
pub mod report;
pub mod requirement;
pub mod section;
pub mod series;
pub mod targets;
pub mod units;
pub mod useragent;
pub mod verdict;

pub use section::{SPEC_DATE, SPEC_VERSION};
