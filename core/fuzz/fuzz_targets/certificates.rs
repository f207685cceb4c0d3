//! Any bytes as a certificate file: PEM, DER, Base64 or PKCS #7, or none of them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitecheck_core::addon::certificate::{CertificateOptions, CertificateSource, validate_certificates};
use sitecheck_core::units::Date;

fuzz_target!(|bytes: &[u8]| {
    let source = CertificateSource { name: "fuzzed".into(), bytes: bytes.to_vec() };
    let _ = validate_certificates(&[source], &CertificateOptions::default(), Date::new(2026, 6, 1));
});
