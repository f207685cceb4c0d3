//! The SPF report over pasted records and over a zone held in memory.

use super::test_zone::Zone;
use super::*;

const NEEDS: Verdict = Verdict::NeedsConfirmation;
const RECORDING_NOTE: (&str, Verdict, &str) = ("recording.mail", NEEDS, "no-reply@touchpoint.telia.se");

/// Every finding in order: requirement, verdict, a fragment of the evidence.
fn assert_findings(report: &SpfReport, expected: &[(&str, Verdict, &str)], context: &str) {
    let found: Vec<(String, Verdict, &str)> = report
        .findings
        .iter()
        .map(|finding| {
            (finding.finding.requirement.to_string(), finding.finding.verdict, finding.finding.evidence.en.as_str())
        })
        .collect();
    assert_eq!(found.len(), expected.len(), "{context}: {found:#?}");
    for ((id, verdict, evidence), (expected_id, expected_verdict, fragment)) in found.iter().zip(expected) {
        assert_eq!((id.as_str(), *verdict), (*expected_id, *expected_verdict), "{context}: {evidence}");
        assert!(evidence.contains(fragment), "{context}: {evidence:?} lacks {fragment:?}");
    }
}

fn check(input: &str, expected: &[(&str, Verdict, &str)]) {
    let report = validate_txt_records(input).unwrap_or_else(|error| panic!("{input}: {error}"));
    let mut expected = expected.to_vec();
    expected.push(RECORDING_NOTE);
    assert_findings(&report, &expected, input);
    assert_eq!(report.failed(), expected.iter().any(|(_, verdict, _)| *verdict == Verdict::Fail), "{input}");
}

#[test]
fn pasted_records() {
    use Verdict::{Fail, NotApplicable, Pass, Warning};
    check(
        "v=spf1 include:spf-b.telia.com -all",
        &[
            (
                "mail.spf",
                NEEDS,
                "costs 1 of the 10 DNS lookups a receiver allows by itself; the record(s) named by include:spf-b.telia.com add their own lookups",
            ),
            ("mail.spf", Pass, "names Telia's mail server: \"include:spf-b.telia.com\" (column 8)"),
        ],
    );
    check(
        "v=spf1 ip4:192.0.2.0/24 mx -all",
        &[
            ("mail.spf", Pass, "costs 1 of the 10 DNS lookups a receiver allows, and includes no other record"),
            ("mail.spf", Warning, "does not name spf-b.telia.com"),
        ],
    );
    check(
        "v=spf1 include:_spf.example.net ~all",
        &[("mail.spf", NEEDS, "1 of the 10"), ("mail.spf", NEEDS, "_spf.example.net may name it")],
    );
    check(
        "v=spf1 mx -all\n\"v=spf1 include:spf-b.telia.com\" \" -all\"",
        &[
            ("mail.spf", Fail, "2 SPF records (lines 1, 2)"),
            ("mail.spf", Fail, "receivers return PermError before reading any"),
        ],
    );
    check(
        "v=spf1 include:spf-b.telia.com +all",
        &[
            ("mail.spf", Warning, "\"+all\" in the record on line 1 passes mail from every server"),
            ("mail.spf", NEEDS, ""),
            ("mail.spf", Pass, ""),
        ],
    );
    check(
        "v=spf1 include:spf-b.telia.com all",
        &[("mail.spf", Warning, "without a qualifier: +all"), ("mail.spf", NEEDS, ""), ("mail.spf", Pass, "")],
    );
    check(
        "v=spf1 include:spf-b.telia.com ?all",
        &[("mail.spf", Warning, "\"?all\""), ("mail.spf", NEEDS, ""), ("mail.spf", Pass, "")],
    );
    check(
        "v=spf1 include:spf-b.telia.com",
        &[
            ("mail.spf", Warning, "ends without \"all\" or \"redirect=\""),
            ("mail.spf", NEEDS, ""),
            ("mail.spf", Pass, ""),
        ],
    );
    check(
        "v=spf1 inclde:x.example include:spf-b.telia.com ip4:1.2.3 -all",
        &[
            ("mail.spf", Fail, "The record on line 1, column 8: unknown mechanism \"inclde\""),
            ("mail.spf", Fail, "column 53: \"1.2.3\" is not an IPv4 address"),
            ("mail.spf", NEEDS, ""),
            (
                "mail.spf",
                Fail,
                "names spf-b.telia.com (\"include:spf-b.telia.com\", column 25), but it has 2 syntax error(s)",
            ),
        ],
    );
    check(
        "v=spf1 -include:spf-b.telia.com ~all",
        &[("mail.spf", NEEDS, ""), ("mail.spf", Warning, "its qualifier makes mail from Telia's server fail")],
    );
    check(
        "v=spf1 ~include:spf-b.telia.com ~all",
        &[("mail.spf", NEEDS, ""), ("mail.spf", Warning, "mail from Telia's server softfail")],
    );
    check(
        "v=spf1 -all include:spf-b.telia.com",
        &[
            ("mail.spf", Warning, "include:spf-b.telia.com after \"-all\" in the record on line 1 is never evaluated"),
            ("mail.spf", Pass, "costs 0 of the 10"),
            ("mail.spf", Warning, "(column 13) after \"all\""),
        ],
    );
    let eleven = "v=spf1 a mx a:a.example.net a:b.example.net mx:c.example.net exists:d.example.net ptr a:e.example.net a:f.example.net a:g.example.net include:spf-b.telia.com -all";
    check(
        eleven,
        &[
            ("mail.spf", Warning, "\"ptr\" in the record on line 1 needs reverse DNS"),
            ("mail.spf", Fail, "costs 11 DNS lookups by itself"),
            ("mail.spf", Fail, "but as DNS lookup 11"),
        ],
    );
    check(
        "v=spf1 redirect=spf-b.telia.com",
        &[("mail.spf", NEEDS, "1 of the 10"), ("mail.spf", Pass, "\"redirect=spf-b.telia.com\"")],
    );
    check(
        "v=spf1 -all redirect=spf-b.telia.com",
        &[
            ("mail.spf", Warning, "redirect=spf-b.telia.com in the record on line 1 is ignored"),
            ("mail.spf", Pass, "costs 0 of the 10"),
            ("mail.spf", Warning, "redirects to spf-b.telia.com, but also has \"all\""),
        ],
    );
    check(
        "v=spf1 include=spf-b.telia.com -all",
        &[
            ("mail.spf", Warning, "\"include=spf-b.telia.com\" in the record on line 1 is read as an unknown modifier"),
            ("mail.spf", Pass, "costs 0 of the 10"),
            ("mail.spf", Warning, "does not name spf-b.telia.com"),
        ],
    );
    check(
        "v=spf1 ip4:0.0.0.0/0 exists:%{p}.example.net -all",
        &[
            ("mail.spf", Warning, "\"ip4:0.0.0.0/0\" in the record on line 1 authorises every address"),
            ("mail.spf", Warning, "uses the %{p} macro"),
            ("mail.spf", Pass, "costs 1 of the 10"),
            ("mail.spf", Warning, "does not name"),
        ],
    );
    check(
        "google-site-verification=abc\nMS=ms12345",
        &[("mail.spf", NotApplicable, "None of the 2 TXT record(s) given is an SPF record")],
    );
    check(
        "v=spf1include:spf-b.telia.com\nspf2.0/pra -all",
        &[
            ("mail.spf", Warning, "\"v=spf1include:spf-b.telia.com\" looks like SPF, but receivers skip it"),
            ("mail.spf", Warning, "is a Sender ID record"),
            ("mail.spf", NotApplicable, "None of the 2"),
        ],
    );
}

#[test]
fn pasted_records_carry_their_line_and_column() {
    let report = validate_txt_records("\"google-site-verification=x\"\n\n\"v=spf1 \" \"foo -all\"").unwrap();
    let error = &report.findings[0];
    assert_eq!((error.line, error.column, error.domain.as_deref()), (Some(3), Some(8), None));
    assert_eq!(report.records.len(), 2);
    assert_eq!(
        (report.records[1].line, report.records[1].spf, report.records[1].text.as_str()),
        (Some(3), true, "v=spf1 foo -all")
    );
    assert_eq!(report.lookups, LookupTally { counted: 0, limit: 10, complete: true, voids: None, void_limit: 2 });
}

#[test]
fn bad_pastes_say_why() {
    assert_eq!(validate_txt_records(" \n").unwrap_err(), PasteError::Empty);
    assert!(
        validate_txt_records("\"v=spf1 -all")
            .unwrap_err()
            .to_string()
            .contains("line 1: a quote opened at column 1 is not closed")
    );
}

#[test]
fn the_report_serialises_for_the_worker() {
    let report = validate_txt_records("v=spf1 bogus include:spf-b.telia.com -all").unwrap();
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["findings"][0]["requirement"], "mail.spf");
    assert_eq!(json["findings"][0]["verdict"], "fail");
    assert_eq!(json["findings"][0]["line"], 1);
    assert_eq!(json["findings"][0]["column"], 8);
    assert_eq!(json["records"][0]["errors"][0]["column"], 8);
    assert_eq!(json["records"][0]["record"]["terms"][0]["mechanism"], "include");
    assert_eq!(json["records"][0]["record"]["terms"][0]["column"], 14);
    assert_eq!(json["lookups"]["counted"], 1);
}

/// The zone every case shares: Telia's record and the recording sender's.
fn zone() -> Zone {
    Zone::default()
        .txt("spf-b.telia.com", "v=spf1 ip4:198.51.100.0/24 -all")
        .txt("touchpoint.telia.se", "v=spf1 ip4:203.0.113.0/24 -all")
        .txt("_dmarc.touchpoint.telia.se", "v=DMARC1; p=reject")
}

fn check_dns(domain: &str, zone: Zone, expected: &[(&str, Verdict, &str)]) -> SpfReport {
    let mut zone = zone;
    let report = check_domain(domain, &mut zone).unwrap();
    let mut expected = expected.to_vec();
    expected.push((
        "recording.mail",
        NEEDS,
        "touchpoint.telia.se publishes SPF \"v=spf1 ip4:203.0.113.0/24 -all\"; DMARC \"v=DMARC1; p=reject\"",
    ));
    assert_findings(&report, &expected, domain);
    report
}

#[test]
fn domains_through_dns() {
    use Verdict::{Fail, NotApplicable, Pass, Warning};
    let report = check_dns(
        "authorised.example",
        zone()
            .txt("authorised.example", "v=spf1 mx include:spf-b.telia.com -all")
            .txt("authorised.example", "google-site-verification=abc")
            .mx("authorised.example", "mail.authorised.example")
            .address("mail.authorised.example", "192.0.2.25"),
        &[
            ("mail.spf", Pass, "costs 2 of the 10 DNS lookups a receiver allows (authorised.example 2)"),
            ("mail.spf", Pass, "0 of at most 2 void lookups"),
            (
                "mail.spf",
                Pass,
                "reaches Telia's mail server: authorised.example → include:spf-b.telia.com (DNS lookup 2 of 10)",
            ),
        ],
    );
    assert_eq!(
        report.records.iter().map(|record| record.domain.clone().unwrap()).collect::<Vec<_>>(),
        ["authorised.example", "spf-b.telia.com"]
    );
    assert_eq!(report.records[1].via, ["authorised.example"]);
    assert_eq!(report.lookups, LookupTally { counted: 2, limit: 10, complete: true, voids: Some(0), void_limit: 2 });

    check_dns(
        "unauthorised.example",
        zone()
            .txt("unauthorised.example", "v=spf1 ip4:192.0.2.0/24 include:_spf.unauthorised.example -all")
            .txt("_spf.unauthorised.example", "v=spf1 ip4:192.0.2.128/25 ~all"),
        &[
            ("mail.spf", Pass, "costs 1 of the 10"),
            ("mail.spf", Pass, "0 of at most 2"),
            (
                "mail.spf",
                Warning,
                "spf-b.telia.com is not named in unauthorised.example or in anything it includes or redirects to (2 record(s) read)",
            ),
        ],
    );

    // Eleven lookups through includes; Telia's include is the eleventh.
    let mut eleven = zone().txt("eleven.example", "v=spf1 include:l1.eleven.example include:spf-b.telia.com -all");
    eleven = eleven.txt("l1.eleven.example", "v=spf1 include:l2.eleven.example a:h1.eleven.example a:h2.eleven.example a:h3.eleven.example a:h4.eleven.example ~all");
    eleven = eleven.txt(
        "l2.eleven.example",
        "v=spf1 a:h5.eleven.example a:h6.eleven.example a:h7.eleven.example a:h8.eleven.example ~all",
    );
    for host in 1..=8 {
        eleven = eleven.address(&format!("h{host}.eleven.example"), "192.0.2.1");
    }
    check_dns(
        "eleven.example",
        eleven,
        &[
            ("mail.spf", Fail, "costs 11 DNS lookups (eleven.example 2, l1.eleven.example 5, l2.eleven.example 4)"),
            ("mail.spf", Pass, "0 of at most 2"),
            (
                "mail.spf",
                Fail,
                "the evaluation ends in PermError before it gets there: include:spf-b.telia.com is DNS lookup 11",
            ),
        ],
    );

    check_dns(
        "redirected.example",
        zone()
            .txt("redirected.example", "v=spf1 redirect=_spf.redirected.example")
            .txt("_spf.redirected.example", "v=spf1 include:spf-b.telia.com ~all"),
        &[
            ("mail.spf", Pass, "costs 2 of the 10"),
            ("mail.spf", Pass, "0 of at most 2"),
            (
                "mail.spf",
                Pass,
                "redirected.example → _spf.redirected.example → include:spf-b.telia.com (DNS lookup 2 of 10)",
            ),
        ],
    );

    check_dns(
        "twice.example",
        zone().txt("twice.example", "v=spf1 include:spf-b.telia.com -all").txt("twice.example", "v=spf1 mx -all"),
        &[
            ("mail.spf", Fail, "2 SPF records (on twice.example)"),
            ("mail.spf", Fail, "With 2 SPF records on twice.example"),
        ],
    );

    check_dns(
        "void.example",
        zone().txt("void.example", "v=spf1 include:chain.void.example include:spf-b.telia.com -all").txt(
            "chain.void.example",
            "v=spf1 a:gone1.void.example mx:gone2.void.example exists:gone3.void.example ~all",
        ),
        &[
            ("mail.spf", Pass, "costs 5 of the 10"),
            (
                "mail.spf",
                Fail,
                "3 lookups find nothing: \"a:gone1.void.example\" in chain.void.example, \"mx:gone2.void.example\" in chain.void.example, \"exists:gone3.void.example\" in chain.void.example",
            ),
            (
                "mail.spf",
                Fail,
                "before it gets there: gone3.void.example finds nothing: void lookup 3, past the limit of 2",
            ),
        ],
    );

    check_dns(
        "broken.example",
        zone().txt("broken.example", "v=spf1 include:nowhere.example include:spf-b.telia.com -all"),
        &[
            (
                "mail.spf",
                Fail,
                "In the record of broken.example: include:nowhere.example: nowhere.example has no SPF record; receivers return PermError",
            ),
            ("mail.spf", Pass, "costs 2 of the 10"),
            (
                "mail.spf",
                Pass,
                "1 of at most 2 void lookups (lookups that find nothing): \"include:nowhere.example\" in broken.example",
            ),
            ("mail.spf", Fail, "before it gets there: include:nowhere.example: nowhere.example has no SPF record"),
        ],
    );

    check_dns(
        "loop.example",
        zone()
            .txt("loop.example", "v=spf1 include:back.loop.example -all")
            .txt("back.loop.example", "v=spf1 include:loop.example -all"),
        &[
            ("mail.spf", Fail, "include:loop.example leads back to loop.example: a loop"),
            ("mail.spf", Pass, "costs 2 of the 10"),
            ("mail.spf", Pass, "0 of at most 2"),
            (
                "mail.spf",
                Fail,
                "The evaluation ends in PermError: include:loop.example leads back to loop.example: a loop (in back.loop.example)",
            ),
        ],
    );

    check_dns(
        "flaky.example",
        zone().txt("flaky.example", "v=spf1 include:down.example include:spf-b.telia.com -all").failing("down.example"),
        &[
            ("mail.spf", NEEDS, "DNS failed for down.example: SERVFAIL; receivers return TempError"),
            ("mail.spf", NEEDS, "At least 2 of the 10"),
            ("mail.spf", NEEDS, "0 of at most 2"),
            ("mail.spf", NEEDS, "DNS failed before it"),
        ],
    );

    check_dns(
        "softly.example",
        zone()
            .txt("softly.example", "v=spf1 ~include:_spf.softly.example -all")
            .txt("_spf.softly.example", "v=spf1 include:spf-b.telia.com -all"),
        &[
            ("mail.spf", Pass, "costs 2 of the 10"),
            ("mail.spf", Pass, "0 of at most 2"),
            ("mail.spf", Warning, "an include on the way there (softly.example) is not \"+\""),
        ],
    );

    check_dns(
        "everyone.example",
        zone()
            .txt("everyone.example", "v=spf1 include:open.example include:spf-b.telia.com -all")
            .txt("open.example", "v=spf1 +all"),
        &[
            (
                "mail.spf",
                Warning,
                "\"+all\" in the record of open.example makes every include of it match every server",
            ),
            ("mail.spf", Pass, "costs 1 of the 10"),
            ("mail.spf", Pass, "0 of at most 2"),
            ("mail.spf", Warning, "is not named"),
        ],
    );

    check_dns(
        "syntax.example",
        zone().txt("syntax.example", "v=spf1 include:spf-b.telia.com ip4:192.0.2.300 -all"),
        &[
            ("mail.spf", Fail, "The record of syntax.example, column 36: \"192.0.2.300\" is not an IPv4 address"),
            ("mail.spf", Pass, "costs 0"),
            ("mail.spf", Pass, "0 of at most 2"),
            ("mail.spf", Fail, "syntax error"),
        ],
    );

    check_dns(
        "missing.example",
        zone(),
        &[("mail.spf", NotApplicable, "missing.example does not exist in DNS (NXDOMAIN)")],
    );
    check_dns(
        "notspf.example",
        zone().txt("notspf.example", "v=spf1include:spf-b.telia.com"),
        &[
            ("mail.spf", Warning, "looks like SPF, but receivers skip it"),
            ("mail.spf", NotApplicable, "notspf.example has 1 TXT record(s) and no SPF record among them"),
        ],
    );
    check_dns(
        "macros.example",
        zone().txt("macros.example", "v=spf1 exists:%{i}._spf.macros.example include:%{d}.spf.example ptr -all"),
        &[
            ("mail.spf", Warning, "\"ptr\" in the record of macros.example"),
            (
                "mail.spf",
                Pass,
                "costs 3 of the 10 DNS lookups a receiver allows (macros.example 3), counting every include and redirect. Not followed: exists:%{i}._spf.macros.example in macros.example (a macro: it depends on the mail)",
            ),
            ("mail.spf", Pass, "0 of at most 2"),
            ("mail.spf", NEEDS, "not everything could be followed"),
        ],
    );
}

#[test]
fn dns_failures_and_bad_names() {
    let mut zone = zone().failing("down.example");
    let report = check_domain("down.example", &mut zone).unwrap();
    assert_eq!(report.findings[0].finding.verdict, NEEDS);
    assert!(report.findings[0].finding.evidence.en.contains("could not be read: SERVFAIL"));
    assert_eq!(
        check_domain("not a domain", &mut Zone::default()).unwrap_err(),
        DomainError::NotADomain("not a domain".into())
    );
    assert_eq!(
        check_domain("localhost", &mut Zone::default()).unwrap_err(),
        DomainError::NotADomain("localhost".into())
    );
    assert_eq!(parse_domain(" Example.COM. ").unwrap(), "example.com");
}

#[test]
fn an_mx_with_more_than_ten_exchangers_is_a_permerror() {
    let mut zone = zone().txt("many.example", "v=spf1 mx include:spf-b.telia.com -all");
    for index in 0..11 {
        zone = zone
            .mx("many.example", &format!("mx{index}.many.example"))
            .address(&format!("mx{index}.many.example"), "192.0.2.1");
    }
    let report = check_domain("many.example", &mut zone).unwrap();
    assert!(
        report.findings.iter().any(|finding| finding.finding.verdict == Verdict::Fail
            && finding.finding.evidence.en.contains("has 11 MX records, past the limit of 10")),
        "{:#?}",
        report.findings
    );
    // The addresses of ten exchangers at most are asked for.
    assert_eq!(zone.asked.iter().filter(|name| name.starts_with("mx")).count(), 10);
}

#[test]
fn every_recording_note_is_a_confirmation() {
    let mut zone = Zone::default();
    let report = check_domain("none.example", &mut zone).unwrap();
    let note = report.findings.last().unwrap();
    assert_eq!(note.finding.requirement, crate::requirement_id!("recording.mail"));
    assert!(
        note.finding.evidence.en.contains("touchpoint.telia.se publishes no SPF record"),
        "{}",
        note.finding.evidence.en
    );
    assert!(note.finding.evidence.en.contains("; no DMARC record"));
    assert!(
        note.finding
            .advice
            .as_ref()
            .map(|advice| advice.en.as_str())
            .unwrap()
            .contains("allow-list no-reply@touchpoint.telia.se")
    );
}

proptest::proptest! {
    #[test]
    fn typed_domains_read_back_as_themselves(text in "\\PC{0,40}|[A-Za-z0-9_.-]{1,40}") {
        if let Ok(domain) = parse_domain(&text) {
            proptest::prop_assert_eq!(parse_domain(&domain), Ok(domain.clone()));
        }
    }
}
