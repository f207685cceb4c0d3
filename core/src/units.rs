//! Domain quantities used by the catalogue: ports, bandwidths, durations and the like.
//!
//! Each type stores an exact integer so that the spec's figures (1.6 kbit/s, 3.264 Mbit/s)
//! survive arithmetic without rounding.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A transport protocol as the spec's firewall tables name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    Tcp,
    Udp,
}

impl Protocol {
    pub const fn name(self) -> &'static str {
        match self {
            Protocol::Tcp => "TCP",
            Protocol::Udp => "UDP",
        }
    }
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A TCP or UDP port number. Port 0 is not a port anyone can open, so it is excluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Port(u16);

impl Port {
    /// Builds a port; panics at compile time when used in a const table with port 0.
    pub const fn new(number: u16) -> Port {
        assert!(number != 0, "port 0 is not a port");
        Port(number)
    }

    pub const fn get(self) -> u16 {
        self.0
    }
}

impl fmt::Display for Port {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// An inclusive range of ports; a single port is a range of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PortRange {
    first: Port,
    last: Port,
}

impl PortRange {
    pub const fn single(port: u16) -> PortRange {
        PortRange { first: Port::new(port), last: Port::new(port) }
    }

    pub const fn new(first: u16, last: u16) -> PortRange {
        assert!(first <= last, "a port range must not run backwards");
        PortRange { first: Port::new(first), last: Port::new(last) }
    }

    pub const fn first(self) -> Port {
        self.first
    }

    pub const fn last(self) -> Port {
        self.last
    }

    pub const fn port_count(self) -> u32 {
        self.last.0 as u32 - self.first.0 as u32 + 1
    }

    pub const fn is_single(self) -> bool {
        self.first.0 == self.last.0
    }

    pub const fn contains(self, other: PortRange) -> bool {
        self.first.0 <= other.first.0 && other.last.0 <= self.last.0
    }
}

impl fmt::Display for PortRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_single() { write!(f, "{}", self.first) } else { write!(f, "{}-{}", self.first, self.last) }
    }
}

impl Serialize for PortRange {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A protocol with a port range: "TCP/5061", "UDP/49152-65535".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Service {
    pub protocol: Protocol,
    pub ports: PortRange,
}

impl Service {
    pub const fn tcp(port: u16) -> Service {
        Service { protocol: Protocol::Tcp, ports: PortRange::single(port) }
    }

    pub const fn udp(port: u16) -> Service {
        Service { protocol: Protocol::Udp, ports: PortRange::single(port) }
    }

    pub const fn udp_range(first: u16, last: u16) -> Service {
        Service { protocol: Protocol::Udp, ports: PortRange::new(first, last) }
    }
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.protocol, self.ports)
    }
}

impl Serialize for Service {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A data rate, kept in bits per second so that 1.6 kbit/s is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Bandwidth {
    bits_per_second: u64,
}

impl Bandwidth {
    pub const ZERO: Bandwidth = Bandwidth { bits_per_second: 0 };

    pub const fn bps(bits_per_second: u64) -> Bandwidth {
        Bandwidth { bits_per_second }
    }

    pub const fn kbps(kilobits: u64) -> Bandwidth {
        Bandwidth { bits_per_second: kilobits * 1000 }
    }

    pub const fn mbps(megabits: u64) -> Bandwidth {
        Bandwidth { bits_per_second: megabits * 1_000_000 }
    }

    pub const fn bits_per_second(self) -> u64 {
        self.bits_per_second
    }

    /// Kilobits per second as a float, for display and JSON; exact for the spec's figures.
    pub fn as_kbps(self) -> f64 {
        self.bits_per_second as f64 / 1000.0
    }

    pub const fn times(self, count: u64) -> Bandwidth {
        Bandwidth { bits_per_second: self.bits_per_second * count }
    }

    pub const fn plus(self, other: Bandwidth) -> Bandwidth {
        Bandwidth { bits_per_second: self.bits_per_second + other.bits_per_second }
    }
}

/// Writes a decimal number of `value / divisor` with only the digits it needs (1.6, 264, 3.264).
pub(crate) fn write_decimal(f: &mut fmt::Formatter<'_>, value: u64, divisor: u64) -> fmt::Result {
    let whole = value / divisor;
    let mut fraction = value % divisor;
    if fraction == 0 {
        return write!(f, "{whole}");
    }
    let mut digits = String::new();
    let mut scale = divisor;
    while fraction > 0 && scale > 1 {
        scale /= 10;
        digits.push(char::from(b'0' + (fraction / scale) as u8));
        fraction %= scale;
    }
    write!(f, "{whole}.{digits}")
}

impl fmt::Display for Bandwidth {
    /// Shows kbit/s below 10 Mbit/s, as the spec's tables do, and Mbit/s above.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.bits_per_second >= 10_000_000 && self.bits_per_second.is_multiple_of(1_000_000) {
            write_decimal(f, self.bits_per_second, 1_000_000)?;
            f.write_str(" Mbit/s")
        } else {
            write_decimal(f, self.bits_per_second, 1000)?;
            f.write_str(" kbit/s")
        }
    }
}

impl Serialize for Bandwidth {
    /// Serialises as kbit/s: an integer where it is whole, so that JSON reads `3264`, not `3264.0`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.bits_per_second.is_multiple_of(1000) {
            serializer.serialize_u64(self.bits_per_second / 1000)
        } else {
            serializer.serialize_f64(self.as_kbps())
        }
    }
}

/// Writes a non-negative number with at most three decimals and no trailing zeros ("0.25",
/// "1.5", "8"), without pulling float formatting into the WebAssembly build.
pub fn format_decimal(value: f64) -> String {
    struct Thousandths(u64);
    impl fmt::Display for Thousandths {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_decimal(f, self.0, 1000)
        }
    }
    if !value.is_finite() || value < 0.0 {
        return "?".to_owned();
    }
    Thousandths((value * 1000.0).round() as u64).to_string()
}

/// Formats a bandwidth as Mbit/s with the digits it needs ("3.264 Mbit/s"), as 5.1 writes totals.
pub fn format_mbps(bandwidth: Bandwidth) -> String {
    struct Mbps(u64);
    impl fmt::Display for Mbps {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_decimal(f, self.0, 1_000_000)?;
            f.write_str(" Mbit/s")
        }
    }
    Mbps(bandwidth.bits_per_second()).to_string()
}

/// A duration in milliseconds, as the spec's delay and jitter limits are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Millis(pub u32);

impl fmt::Display for Millis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ms", self.0)
    }
}

/// A whole percentage, 0 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Percent(u8);

impl Percent {
    pub const fn new(value: u8) -> Option<Percent> {
        if value <= 100 { Some(Percent(value)) } else { None }
    }

    /// For const tables: panics at compile time above 100.
    pub const fn of(value: u8) -> Percent {
        assert!(value <= 100, "a percentage is at most 100");
        Percent(value)
    }

    pub const fn get(self) -> u8 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Percent, D::Error> {
        let value = u64::deserialize(deserializer)?;
        u8::try_from(value)
            .ok()
            .and_then(Percent::new)
            .ok_or_else(|| serde::de::Error::custom(format!("{value} is not a percentage from 0 to 100")))
    }
}

impl<'de> Deserialize<'de> for Bandwidth {
    /// Read as the JSON writes it: kbit/s, whole or with decimals.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Bandwidth, D::Error> {
        let kbps = f64::deserialize(deserializer)?;
        if !(0.0..1e15).contains(&kbps) {
            return Err(serde::de::Error::custom(format!("{kbps} is not a bandwidth in kbit/s")));
        }
        Ok(Bandwidth::bps((kbps * 1000.0).round() as u64))
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} %", self.0)
    }
}

/// A TLS protocol version, as a handshake names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TlsVersion {
    Tls10,
    Tls11,
    Tls12,
    Tls13,
}

/// A version number that names no TLS version (SSL 3.0 and older, or nonsense).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("an unknown TLS version ({0:#06x})")]
pub struct UnknownTlsVersion(pub u16);

impl TlsVersion {
    /// Reads the two-byte version of a ServerHello (or its supported_versions extension).
    pub const fn from_wire(code: u16) -> Result<TlsVersion, UnknownTlsVersion> {
        match code {
            0x0301 => Ok(TlsVersion::Tls10),
            0x0302 => Ok(TlsVersion::Tls11),
            0x0303 => Ok(TlsVersion::Tls12),
            0x0304 => Ok(TlsVersion::Tls13),
            other => Err(UnknownTlsVersion(other)),
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            TlsVersion::Tls10 => "TLS 1.0",
            TlsVersion::Tls11 => "TLS 1.1",
            TlsVersion::Tls12 => "TLS 1.2",
            TlsVersion::Tls13 => "TLS 1.3",
        }
    }
}

impl fmt::Display for TlsVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for TlsVersion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// Memory size in whole gigabytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Gigabytes(pub u32);

impl fmt::Display for Gigabytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} GB", self.0)
    }
}

/// A screen size in physical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Resolution {
    pub width: u32,
    pub height: u32,
}

impl Resolution {
    /// True when this screen is at least as wide and as tall as `minimum`.
    pub const fn meets(self, minimum: Resolution) -> bool {
        self.width >= minimum.width && self.height >= minimum.height
    }
}

impl fmt::Display for Resolution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}×{}", self.width, self.height)
    }
}

/// The unit of a [`Period`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeUnit {
    Minutes,
    Hours,
    Months,
    Years,
}

/// A calendar or clock period the spec names: "every 10th minute", "2 years", "a month".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Period {
    pub amount: u32,
    pub unit: TimeUnit,
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match (self.unit, self.amount == 1) {
            (TimeUnit::Minutes, true) => "minute",
            (TimeUnit::Minutes, false) => "minutes",
            (TimeUnit::Hours, true) => "hour",
            (TimeUnit::Hours, false) => "hours",
            (TimeUnit::Months, true) => "month",
            (TimeUnit::Months, false) => "months",
            (TimeUnit::Years, true) => "year",
            (TimeUnit::Years, false) => "years",
        };
        write!(f, "{} {unit}", self.amount)
    }
}

/// A calendar date, for release tables and the spec's own date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Private: every date is made by `new`, `try_new` or `FromStr`, which refuse a day the
    // calendar lacks.
    year: u16,
    month: u8,
    day: u8,
}

/// Why a text or a triple is not a calendar date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("\"{0}\" is not a date written YYYY-MM-DD")]
    Form(String),
    #[error("{year:04}-{month:02}-{day:02} is not a day of the calendar")]
    NoSuchDay { year: u16, month: u8, day: u8 },
}

const fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Days in `month` of `year` (0 for a month that does not exist).
pub(crate) const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date of the calendar; for tables (`const`), where a wrong day is a build error.
    pub const fn new(year: u16, month: u8, day: u8) -> Date {
        assert!(day >= 1 && day <= days_in_month(year, month), "not a day of the calendar");
        Date { year, month, day }
    }

    pub const fn year(self) -> u16 {
        self.year
    }

    pub const fn month(self) -> u8 {
        self.month
    }

    pub const fn day(self) -> u8 {
        self.day
    }

    /// A date from outside; 31 February and month 13 are refused.
    pub fn try_new(year: u16, month: u8, day: u8) -> Result<Date, DateError> {
        if day >= 1 && day <= days_in_month(year, month) {
            Ok(Date { year, month, day })
        } else {
            Err(DateError::NoSuchDay { year, month, day })
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for ages and differences.
    pub const fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil: exact and branch-light.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::days_since_epoch`].
    pub const fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as u16;
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;

    /// Reads `YYYY-MM-DD`, the form every date here is written in.
    fn from_str(text: &str) -> Result<Date, DateError> {
        let form = || DateError::Form(text.to_owned());
        let mut parts = text.split('-');
        let (Some(year), Some(month), Some(day), None) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(form());
        };
        let digits = |part: &str, length: usize| part.len() == length && part.bytes().all(|byte| byte.is_ascii_digit());
        if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
            return Err(form());
        }
        let number = |part: &str| part.parse().map_err(|_| form());
        Date::try_new(number(year)?, number(month)? as u8, number(day)? as u8)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bandwidth_displays_the_spec_figures_exactly() {
        let check = |bandwidth: Bandwidth, expected: &str| assert_eq!(bandwidth.to_string(), expected);
        check(Bandwidth::bps(1600), "1.6 kbit/s");
        check(Bandwidth::kbps(100), "100 kbit/s");
        check(Bandwidth::bps(1600).times(165), "264 kbit/s");
        check(Bandwidth::kbps(3264), "3264 kbit/s");
        check(Bandwidth::mbps(100), "100 Mbit/s");
        check(Bandwidth::bps(1), "0.001 kbit/s");
        assert_eq!(format_mbps(Bandwidth::kbps(3264)), "3.264 Mbit/s");
    }

    #[test]
    fn decimals_are_written_without_float_formatting() {
        let check = |value: f64, expected: &str| assert_eq!(format_decimal(value), expected);
        check(0.25, "0.25");
        check(8.0, "8");
        check(1.5, "1.5");
        check(2.625, "2.625");
        check(1.0 / 3.0, "0.333");
        check(f64::NAN, "?");
        check(-1.0, "?");
    }

    #[test]
    fn bandwidth_serialises_whole_kbps_as_integers() {
        assert_eq!(serde_json::to_string(&Bandwidth::kbps(3264)).unwrap(), "3264");
        assert_eq!(serde_json::to_string(&Bandwidth::bps(1600)).unwrap(), "1.6");
    }

    #[test]
    fn port_ranges_contain_and_display() {
        let media = PortRange::new(49152, 65535);
        assert!(media.contains(PortRange::single(50000)));
        assert!(!PortRange::single(50000).contains(media));
        assert_eq!(media.port_count(), 16384);
        assert_eq!(Service::udp_range(49152, 65535).to_string(), "UDP/49152-65535");
        assert_eq!(Service::tcp(5061).to_string(), "TCP/5061");
    }

    #[test]
    fn dates_round_trip_through_day_numbers() {
        for date in [Date::new(1970, 1, 1), Date::new(2000, 2, 29), Date::new(2022, 1, 11), Date::new(2026, 11, 23)] {
            assert_eq!(Date::from_days_since_epoch(date.days_since_epoch()), date);
        }
        assert_eq!(Date::new(1970, 1, 2).days_since_epoch(), 1);
        assert_eq!(Date::new(2022, 1, 11).days_since_epoch() - Date::new(2021, 1, 11).days_since_epoch(), 365);
    }

    #[test]
    fn dates_are_days_of_the_calendar() {
        let check =
            |text: &str, expected: Result<Date, DateError>| assert_eq!(text.parse::<Date>(), expected, "{text}");
        check("2026-12-02", Ok(Date::new(2026, 12, 2)));
        check("2024-02-29", Ok(Date::new(2024, 2, 29)));
        check("2000-02-29", Ok(Date::new(2000, 2, 29)));
        check("1900-02-29", Err(DateError::NoSuchDay { year: 1900, month: 2, day: 29 }));
        check("2026-02-31", Err(DateError::NoSuchDay { year: 2026, month: 2, day: 31 }));
        check("2026-04-31", Err(DateError::NoSuchDay { year: 2026, month: 4, day: 31 }));
        check("2026-13-01", Err(DateError::NoSuchDay { year: 2026, month: 13, day: 1 }));
        check("2026-00-10", Err(DateError::NoSuchDay { year: 2026, month: 0, day: 10 }));
        check("2026-1-01", Err(DateError::Form("2026-1-01".into())));
        check("2026-01-01-01", Err(DateError::Form("2026-01-01-01".into())));
        check("+026-01-01", Err(DateError::Form("+026-01-01".into())));
        check("", Err(DateError::Form(String::new())));
        assert_eq!(Date::new(2026, 1, 5).to_string().parse::<Date>(), Ok(Date::new(2026, 1, 5)));
    }

    #[test]
    fn tls_versions_read_from_the_wire() {
        let check = |code: u16, expected: Result<&str, UnknownTlsVersion>| {
            assert_eq!(TlsVersion::from_wire(code).map(TlsVersion::name), expected, "{code:#06x}");
        };
        check(0x0301, Ok("TLS 1.0"));
        check(0x0302, Ok("TLS 1.1"));
        check(0x0303, Ok("TLS 1.2"));
        check(0x0304, Ok("TLS 1.3"));
        check(0x0300, Err(UnknownTlsVersion(0x0300)));
        check(0x7f1c, Err(UnknownTlsVersion(0x7f1c)));
        assert!(TlsVersion::Tls11 < TlsVersion::Tls12 && TlsVersion::Tls12 < TlsVersion::Tls13);
        assert_eq!(UnknownTlsVersion(0x0300).to_string(), "an unknown TLS version (0x0300)");
    }

    #[test]
    fn percent_rejects_more_than_a_whole() {
        assert_eq!(Percent::new(100).map(Percent::get), Some(100));
        assert_eq!(Percent::new(101), None);
    }
}
