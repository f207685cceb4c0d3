//! A DNS zone in memory for the SPF walk's tests: names with their TXT, addresses and MX; names
//! that fail; all else NXDOMAIN. One file for the unit tests (`spf/tests.rs`) and the Swedish
//! wording tests (`core/tests/records_swedish.rs`, through `#[path]`), whose parent module
//! brings `DnsAnswer` and `Resolver` into scope.
// Each of the two test crates uses a part of it.
#![allow(dead_code)]

use super::{DnsAnswer, Resolver};
use std::collections::BTreeMap;
use std::net::IpAddr;

/// One name's records: TXT, addresses, MX.
pub type Records = (Vec<String>, Vec<IpAddr>, Vec<String>);

#[derive(Default, Clone)]
pub struct Zone {
    pub names: BTreeMap<String, Records>,
    failing: Vec<String>,
    /// Every name asked for, in order.
    pub asked: Vec<String>,
}

impl Zone {
    pub fn txt(mut self, name: &str, text: &str) -> Zone {
        self.names.entry(name.to_owned()).or_default().0.push(text.to_owned());
        self
    }
    pub fn address(mut self, name: &str, address: &str) -> Zone {
        self.names.entry(name.to_owned()).or_default().1.push(address.parse().unwrap());
        self
    }
    pub fn mx(mut self, name: &str, exchange: &str) -> Zone {
        self.names.entry(name.to_owned()).or_default().2.push(exchange.to_owned());
        self
    }
    pub fn failing(mut self, name: &str) -> Zone {
        self.failing.push(name.to_owned());
        self
    }
    fn answer<T: Clone>(&mut self, name: &str, pick: impl Fn(&Records) -> &Vec<T>) -> DnsAnswer<T> {
        self.asked.push(name.to_owned());
        if self.failing.iter().any(|failing| failing == name) {
            return DnsAnswer::Failed("SERVFAIL".into());
        }
        match self.names.get(name) {
            None => DnsAnswer::NxDomain,
            Some(entry) if pick(entry).is_empty() => DnsAnswer::NoData,
            Some(entry) => DnsAnswer::Found(pick(entry).clone()),
        }
    }
}

impl Resolver for Zone {
    fn txt(&mut self, name: &str) -> DnsAnswer<String> {
        self.answer(name, |entry| &entry.0)
    }
    fn addresses(&mut self, name: &str) -> DnsAnswer<IpAddr> {
        self.answer(name, |entry| &entry.1)
    }
    fn mx(&mut self, name: &str) -> DnsAnswer<String> {
        self.answer(name, |entry| &entry.2)
    }
}
