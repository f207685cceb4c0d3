//! `sitecheck`: the catalogue, the bandwidth calculation and user-agent verdicts for terminals
//! and pipelines, from the same core as the app.

mod args;
mod cert;
mod commands;
mod finding_rows;
mod language;
mod numbers;
mod probe;
mod secret;
mod spf;
mod users;

use std::io::Write;
use std::process::ExitCode;

fn title() -> String {
    format!("sitecheck — Telia Touchpoint Plus site readiness (spec v{})\n", sitecheck_core::SPEC_VERSION)
}

/// The usage after its first line, which names the spec version from core.
const USAGE: &str = "
Usage:
  Every command takes --lang sv|en: its texts in Swedish or English (English by default; ids,
  slugs and JSON keys stay as they are; the catalogue's JSON is English only).

  sitecheck catalogue [--json]                    (the requirements; --lang sv: in Swedish, translated)
  sitecheck bandwidth --softphones N --ip-phones N --integrated N --busy-percent P
                      --calendar-users N [--agents N] [--presence-users N]
                      [--uplink-kbps N] [--json]
  sitecheck ua [--json] < user-agents.txt
  sitecheck ua --hints [--json] < signals.json   (the JSON the app shows for support)
  sitecheck plan --example                        (a plan to start from: the spec's example customer)
  sitecheck plan --check PLAN.json                (the plan in words, and its problems)
  sitecheck firewall --plan FILE [--format FORMAT] [--nft-chain 'inet filter forward']
      FORMAT: csv, markdown, nftables, nftables-add, iptables, iptables-add, asa, windows
  sitecheck firewall --plan FILE --check RULES [--inside IF,…] [--outside IF,…] [--json]
      (exit 1 when anything is not covered; --inside/--outside name the interfaces towards
      the customer's network and the Internet, so that rules on interfaces can be judged)
      RULES: `nft list ruleset`, `iptables-save`, an ASA running-config or a CSV rule list
  sitecheck probe [--config config.json] [--plan FILE] [--json]   (DNS, TCP, TLS, NTP, latency; exit 1 on failures)
  sitecheck spf --record TEXT [--json]           (pasted TXT records, one per line; - reads stdin; no DNS)
  sitecheck spf DOMAIN [--dns-server IP:PORT] [--timeout-ms N] [--json]
      (follows the domain's SPF record through DNS, from a computer on the site; the server
      defaults to the first nameserver of /etc/resolv.conf; exit 1 when a check fails)
  sitecheck cert FILE… [--role front-end|mediation] [--today YYYY-MM-DD] [--bundle OUT.pem] [--json]
      (S4B/Lync server certificates and their chain: PEM, DER, Base64 or .p7b, - for stdin;
      --bundle writes the private root and intermediates for Telia; exit 1 on failures)
  sitecheck secret --created YYYY-MM-DD --lifetime 6m|12m|24m|'N days' [--today YYYY-MM-DD]
                   [--ics OUT.ics] [--json]
      (the Office 365 client secret: expiry, verdicts, a reminder a month before; exit 1 on failures)
  sitecheck numbers FILE [--country SE|NO|DK|FI|…] [--for teams|s4b] [--json]
      (one number a line, - for stdin; exit 1 when one is not in E.164 format; --country reads
      national formats, Swedish by default; --for names the requirement, teams by default)
  sitecheck users FILE [--direction import|export] [--map COLUMN=ROLE …] [--country CC]
                  [--for teams|s4b] [--format csv|ldif] [--json]
      (an AD user file in CSV or LDIF; exit 1 on problems; ROLE: mobile, fixed, mail, upn,
      given-name, surname, display-name, account, dn, object-class, ip-phone or ignore;
      with --for, numbers not in E.164 fail that integration's rule, else they are warnings)
  sitecheck help
";

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    // Buffered: a proxy log of 100 000 lines must not cost 100 000 writes.
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let result = commands::run(&arguments, std::io::stdin().lock(), &mut stdout).and_then(|()| Ok(stdout.flush()?));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(commands::CliError::Usage(message)) => {
            let _ = stdout.flush();
            eprintln!("sitecheck: {message}\n\n{}{USAGE}", title());
            ExitCode::from(2)
        }
        Err(commands::CliError::Help) => {
            let _ = write!(stdout, "{}{USAGE}", title());
            ExitCode::SUCCESS
        }
        // A closed pipe (`sitecheck ua | head`) is the reader's choice, not an error.
        Err(commands::CliError::Io(error)) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(commands::CliError::NotCovered(message)) => {
            let _ = stdout.flush();
            eprintln!("sitecheck: {message}");
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("sitecheck: {error}");
            ExitCode::FAILURE
        }
    }
}
