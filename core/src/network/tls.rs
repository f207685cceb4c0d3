//! What a server's TLS answer says against the spec. v3.40 sets a version only for IP phones
//! (2.6); a server that answers with less is flagged beside advisory
//! `tls.platform-version-unstated`, not failed.

use crate::bilingual;
use crate::limits;
use crate::locale::Bilingual;
use crate::units::{TlsVersion, UnknownTlsVersion};
use crate::verdict::Verdict;

/// The advisory that says why an old version is a warning and not a failure.
pub const TLS_ADVISORY: crate::advisory::AdvisoryId =
    crate::advisory::AdvisoryId::known("tls.platform-version-unstated");

/// The verdict on a completed handshake, and what to say of the version after "connected in
/// … ms; ", in both languages.
pub fn judge_tls_answer(version: Result<TlsVersion, UnknownTlsVersion>) -> (Verdict, Bilingual) {
    let minimum = limits::IP_PHONE_TLS;
    match version {
        Ok(version) if version >= minimum => {
            (Verdict::Pass, bilingual!("{version} handshake answered", "{version}-handskakningen besvarades"))
        }
        Ok(version) => (
            Verdict::Warning,
            bilingual!(
                "the server answers with {version}, older than the {minimum} IP phones must support (2.6); v3.40 sets no version for the platform's servers (advisory {TLS_ADVISORY})",
                "servern svarar med {version}, som är äldre än den {minimum} som IP-telefoner måste stödja (2.6); v3.40 anger ingen version för plattformens servrar (påpekande {TLS_ADVISORY})"
            ),
        ),
        Err(unknown) => {
            let code = format!("{:#06x}", unknown.0);
            (
                Verdict::Warning,
                bilingual!(
                    "the server answers with {unknown}, which cannot be held to the {minimum} of 2.6",
                    "servern svarar med en okänd TLS-version ({code}), som inte kan prövas mot {minimum} i 2.6"
                ),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_against_2_6() {
        let check = |code: u16, verdict: Verdict, text: &str| {
            let (got, said) = judge_tls_answer(TlsVersion::from_wire(code));
            assert_eq!(got, verdict, "{code:#06x}: {}", said.en);
            assert!(said.en.contains(text), "{code:#06x}: {}", said.en);
        };
        check(0x0304, Verdict::Pass, "TLS 1.3 handshake answered");
        check(0x0303, Verdict::Pass, "TLS 1.2 handshake answered");
        check(0x0302, Verdict::Warning, "TLS 1.1, older than the TLS 1.2 IP phones must support (2.6)");
        check(0x0301, Verdict::Warning, "advisory tls.platform-version-unstated");
        check(0x7f1c, Verdict::Warning, "an unknown TLS version (0x7f1c), which cannot be held to the TLS 1.2 of 2.6");
        assert!(TLS_ADVISORY.advisory().sections == [crate::section_id!("2.6")]);
    }
}
