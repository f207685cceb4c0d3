//! The spec's numeric limits, each once. Tables, checks and the bandwidth math all read these.

use crate::units::{Bandwidth, Gigabytes, Millis, Percent, Period, Resolution, TimeUnit, TlsVersion};
use ipnet::Ipv4Net;
use std::net::Ipv4Addr;

/// 2.1: bandwidth per concurrent IP call, in the LAN and on the access link.
pub const CALL_BANDWIDTH: Bandwidth = Bandwidth::kbps(100);
/// 2.1: end-to-end delay between the phones in a call, upper bound (exclusive).
pub const END_TO_END_DELAY: Millis = Millis(150);
/// 2.1: one-way delay between a phone and the platform, upper bound (exclusive).
pub const ONE_WAY_DELAY: Millis = Millis(60);
/// 2.1: jitter, upper bound (exclusive).
pub const JITTER: Millis = Millis(20);
/// 2.1: packet loss, upper bound (exclusive).
pub const PACKET_LOSS: Percent = Percent::of(1);
/// 2.1: the local network is at least a 100 Mbit/s switched, full-duplex Ethernet.
pub const LAN_SPEED: Bandwidth = Bandwidth::mbps(100);
/// 3.1.2: calendar integration bandwidth per user.
pub const CALENDAR_BANDWIDTH_PER_USER: Bandwidth = Bandwidth::bps(1600);
/// 3.1.2: how often Exchange is synchronised.
pub const CALENDAR_SYNC_INTERVAL: Period = Period { amount: 10, unit: TimeUnit::Minutes };
/// 3.1.1: Microsoft's cap on a client secret's lifetime.
pub const CLIENT_SECRET_MAX_AGE: Period = Period { amount: 2, unit: TimeUnit::Years };
/// 3.2.1: presence signalling bandwidth per S4B/Lync user.
pub const PRESENCE_BANDWIDTH_PER_USER: Bandwidth = Bandwidth::bps(1600);
/// 3.2.1: notice Telia needs before a private certificate expires.
pub const CERTIFICATE_EXPIRY_NOTICE: Period = Period { amount: 1, unit: TimeUnit::Months };
/// 3.5: the AD export may be downloaded at most once per this period.
pub const AD_EXPORT_MIN_INTERVAL: Period = Period { amount: 24, unit: TimeUnit::Hours };
/// 2.5.2: RAM for PCs and Macs running the softphone.
pub const SOFTPHONE_RAM: Gigabytes = Gigabytes(16);
/// 2.5.2: screen for users with the ACD or Attendant view.
pub const ACD_SCREEN: Resolution = Resolution { width: 1024, height: 768 };
/// 2.5.2: the oldest Touchpoint Plus Softphone version allowed.
pub const SOFTPHONE_MIN_VERSION: &str = "5.1.3";
/// 2.6: the TLS version IP phones must support. The spec sets none for the platform's
/// servers; see advisory `tls.platform-version-unstated`.
pub const IP_PHONE_TLS: TlsVersion = TlsVersion::Tls12;
/// 2.8: how many of the latest Android releases are supported.
pub const ANDROID_LATEST_RELEASES: usize = 3;
/// 2.8: how many of the latest iOS releases are supported.
pub const IOS_LATEST_RELEASES: usize = 2;

/// 2.1, 2.3.2 and chapter 6: the platform's network.
pub const SERVICE_NETWORK: Ipv4Net = Ipv4Net::new_assert(Ipv4Addr::new(81, 228, 2, 192), 27);
/// 2.1: the platform's public DNS name; every subdomain must resolve too.
pub const SERVICE_HOST: &str = "touchpoint.telia.se";
/// 2.4: Telia's mail server, for the customer's SPF record.
pub const SPF_HOST: &str = "spf-b.telia.com";
/// 3.6: the sender of call-recording mail.
pub const RECORDING_SENDER: &str = "no-reply@touchpoint.telia.se";
/// 3.4 and 6.6: the Advanced Attendant servers, 213.65.172.64 to .67 inclusive.
pub const ATTENDANT_FIRST: Ipv4Addr = Ipv4Addr::new(213, 65, 172, 64);
pub const ATTENDANT_LAST: Ipv4Addr = Ipv4Addr::new(213, 65, 172, 67);
/// 3.5 and 6.7: the AD Integration servers.
pub const AD_SERVER_FIRST: Ipv4Addr = Ipv4Addr::new(213, 65, 58, 109);
pub const AD_SERVER_SECOND: Ipv4Addr = Ipv4Addr::new(213, 65, 37, 180);
pub const AD_SERVERS: &[Ipv4Addr] = &[AD_SERVER_FIRST, AD_SERVER_SECOND];
