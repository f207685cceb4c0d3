//! Organisation names (the O attribute) that public certificate authorities put in their root
//! and issuing certificates. "Issued by a public CA" cannot be proven offline: this is a name
//! match, not a verification: a private CA may write any name, and a public CA missing here
//! is simply not recognised (its chains then need a person's confirmation).

/// Organisation names of widely used public CAs, as their root and issuing certificates write
/// them (the roots' names checked against Debian's ca-certificates, Mozilla's root store);
/// `Let's Encrypt` and `ZeroSSL` are the names of issuing CAs. Compared without regard to case.
/// Sorted, so that an addition finds its place.
pub const PUBLIC_CA_ORGANISATIONS: &[&str] = &[
    "Actalis S.p.A./03358520967",
    "AffirmTrust",
    "Amazon",
    "Asseco Data Systems S.A.",
    "Baltimore",
    "Buypass AS-983163327",
    "Certainly",
    "COMODO CA Limited",
    "D-Trust GmbH",
    "DigiCert Inc",
    "DigiCert, Inc.",
    "Entrust, Inc.",
    "Entrust.net",
    "GlobalSign",
    "GlobalSign nv-sa",
    "GoDaddy.com, Inc.",
    "Google Trust Services LLC",
    "Hellenic Academic and Research Institutions CA",
    "Hellenic Academic and Research Institutions Cert. Authority",
    "IdenTrust",
    "Internet Security Research Group",
    "Let's Encrypt",
    "Microsec Ltd.",
    "Microsoft Corporation",
    "QuoVadis Limited",
    "SECOM Trust Systems CO.,LTD.",
    "Sectigo Limited",
    "SecureTrust Corporation",
    "SSL Corporation",
    "Starfield Technologies, Inc.",
    "SwissSign AG",
    "T-Systems Enterprise Services GmbH",
    "Telia Finland Oyj",
    "TeliaSonera",
    "The Go Daddy Group, Inc.",
    "The USERTRUST Network",
    "Trustwave Holdings, Inc.",
    "Unizeto Technologies S.A.",
    "WISeKey",
    "XRamp Security Services Inc",
    "ZeroSSL",
];

/// The listed name `organisation` matches, if any.
pub fn public_ca_organisation(organisation: &str) -> Option<&'static str> {
    let organisation = organisation.trim();
    PUBLIC_CA_ORGANISATIONS.iter().copied().find(|listed| listed.eq_ignore_ascii_case(organisation))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_unique_without_case() {
        for (index, name) in PUBLIC_CA_ORGANISATIONS.iter().enumerate() {
            assert!(!name.is_empty() && name.trim() == *name, "{name:?}");
            let twins = PUBLIC_CA_ORGANISATIONS.iter().filter(|other| other.eq_ignore_ascii_case(name)).count();
            assert_eq!(twins, 1, "{name} is listed twice (the match ignores case)");
            assert_eq!(public_ca_organisation(name), Some(*name), "entry {index}");
        }
    }

    #[test]
    fn names_are_sorted() {
        let lower: Vec<String> = PUBLIC_CA_ORGANISATIONS.iter().map(|name| name.to_lowercase()).collect();
        assert!(lower.windows(2).all(|pair| pair[0] < pair[1]), "{lower:?}");
    }

    #[test]
    fn matching_ignores_case_and_spaces_only() {
        let check = |name: &str, expected: Option<&str>| assert_eq!(public_ca_organisation(name), expected, "{name}");
        check("DigiCert Inc", Some("DigiCert Inc"));
        check(" digicert inc ", Some("DigiCert Inc"));
        check("Let's Encrypt", Some("Let's Encrypt"));
        check("Contoso", None);
        check("DigiCert", None);
        check("", None);
    }
}
