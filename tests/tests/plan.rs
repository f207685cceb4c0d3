//! The site plan as people use it: fill it in, reload, confirm, share, send back, export, print.

use serde_json::{Value, json};
use sitecheck_e2e::browsers::{Engine, Launch};
use sitecheck_e2e::page::Page;
use std::process::Command;
use std::time::Duration;

fn input_value(page: &Page, css: &str) -> String {
    page.run("return document.querySelector(arguments[0]).value", json!([css])).as_str().unwrap_or_default().to_owned()
}

/// The spec's 5.1 customer, typed in as a sales engineer would.
fn fill_spec_example(page: &Page) {
    for (id, value) in
        [("softphone-pc", "50"), ("ip-phones", "50"), ("integrated", "50"), ("agents", "15"), ("busy", "20")]
    {
        page.type_into(&format!("#{id}"), value);
    }
    page.click("#calendar option[value='exchange-on-premise']");
    page.type_into("#calendar-users", "165");
}

fn item(page: &Page, id: &str) -> (String, String) {
    let value = page.run(
        "const item = document.querySelector(`[data-item='${arguments[0]}']`); return item ? [item.dataset.verdict, item.innerText] : null",
        json!([id]),
    );
    assert!(!value.is_null(), "no checklist item {id}");
    (value[0].as_str().unwrap().to_owned(), value[1].as_str().unwrap().to_owned())
}

fn share_link(page: &Page, button: &str) -> String {
    page.click(button);
    page.poll(
        "const input = document.querySelector(\"[data-testid='share-link']\"); return input && input.value",
        Duration::from_secs(5),
    )
    .as_str()
    .unwrap()
    .to_owned()
}

/// Opens a link in the same tab: through a blank page, since a fragment change alone does not
/// load the page again.
fn open_link(page: &Page, link: &str) {
    page.session.goto("about:blank").unwrap();
    page.session.goto(link).unwrap();
    page.wait_ready();
}

fn round_trip(engine: Engine) {
    // The sales engineer prepares the plan.
    let sales = Page::open(engine, Launch::default());
    sales.wait_ready();
    fill_spec_example(&sales);
    assert_eq!(sales.attribute_of("[data-testid='bandwidth-total']", "data-kbps"), "3264");
    assert_eq!(sales.attribute_of("[data-testid='bandwidth-total-with-omitted']", "data-kbps"), "4764");

    // A typo gets a message and stays in the box; the plan says which value it still uses
    // (the "5" typed before the letter).
    sales.type_into("#ip-phones", "5O");
    let message = sales.text_of("#ip-phones-message");
    assert!(message.contains("\"5O\" is not a whole number; the plan uses 5 until this is fixed"), "{message}");
    assert_eq!(input_value(&sales, "#ip-phones"), "5O");
    sales.type_into("#ip-phones", "50");
    assert_eq!(sales.text_of("#ip-phones-message"), "");
    assert_eq!(sales.attribute_of("[data-testid='bandwidth-total']", "data-kbps"), "3264");

    // The plan survives a reload.
    sales.reload();
    assert_eq!(input_value(&sales, "#softphone-pc"), "50");
    assert_eq!(input_value(&sales, "#calendar-users"), "165");
    assert_eq!(sales.attribute_of("[data-testid='bandwidth-total']", "data-kbps"), "3264");
    assert!(item(&sales, "exchange.version").1.contains("Exchange Server 2007 SP1"));
    assert!(
        sales.session.find_all("[data-item='datanet.routing']").unwrap().is_empty(),
        "DataNet rules only for DataNet"
    );

    let prefill = share_link(&sales, "[data-testid='share-prefill']");
    assert!(prefill.contains("#sc2.") && prefill.len() < 1000, "{prefill}");

    // The customer opens it in a fresh browser profile: no question, the plan is there.
    let customer = sales.another_browser(engine);
    open_link(&customer, &prefill);
    assert!(customer.text_of("[data-testid='link-opened']").contains("A site plan was opened from a link"));
    assert_eq!(input_value(&customer, "#softphone-pc"), "50");
    assert_eq!(customer.attribute_of("[data-testid='bandwidth-total']", "data-kbps"), "3264");
    assert!(
        !customer.run("return location.hash", json!([])).as_str().unwrap().contains("sc1"),
        "the link leaves the address bar"
    );

    // The customer confirms what only a person can, with a note, and it is kept.
    customer.type_into("[id='note-net.no-hubs']", "Checked on all floors");
    customer.click(".checklist [data-confirm='net.no-hubs']");
    let (verdict, text) = item(&customer, "net.no-hubs");
    assert_eq!(verdict, "pass");
    assert!(text.contains("Checked on all floors") && text.contains("confirmed by a person"), "{text}");
    customer.reload();
    assert_eq!(item(&customer, "net.no-hubs").0, "pass");
    let (done, total) = (
        customer.attribute_of("[data-testid='progress']", "data-done"),
        customer.attribute_of("[data-testid='progress']", "data-total"),
    );
    let (done, total): (usize, usize) = (done.parse().unwrap(), total.parse().unwrap());
    assert!(done >= 1 && done < total, "{done} of {total} settled, the confirmed one among them");

    let results = share_link(&customer, "[data-testid='share-results']");

    // Back at the sales engineer's, who has answers of their own: the link asks first.
    sales.click(".checklist [data-confirm='net.switched-lan']");
    open_link(&sales, &results);
    assert!(sales.text_of("[data-testid='link-prompt']").contains("replaces the plan and answers"));
    sales.click("[data-testid='link-replace']");
    let (verdict, text) = item(&sales, "net.no-hubs");
    assert_eq!(verdict, "pass");
    assert!(text.contains("Checked on all floors"), "{text}");
    assert_eq!(
        item(&sales, "net.switched-lan").0,
        "needs-confirmation",
        "the customer's answers replaced the local ones"
    );
    let (_, browser) = item(&sales, "pc.browser");
    assert!(browser.contains("reported by the link's sender"), "{browser}");

    // A damaged link changes nothing and says why.
    let damaged = results.replacen("s=50", "s=51", 1);
    open_link(&sales, &damaged);
    let alert = sales.text_of("[role='alert']");
    assert!(alert.contains("damaged or incomplete") && alert.contains("Nothing was changed"), "{alert}");
    assert_eq!(input_value(&sales, "#softphone-pc"), "50");
    let future = results.replacen("#sc2.", "#sc9.", 1);
    open_link(&sales, &future);
    assert!(sales.text_of("[role='alert']").contains("newer sitecheck (format 9"));
}

#[test]
fn sales_and_customer_round_trip_in_chromium() {
    round_trip(Engine::Chromium);
}

#[test]
fn sales_and_customer_round_trip_in_firefox() {
    round_trip(Engine::Firefox);
}

fn run_parser(program: &str, arguments: &[&str], text: &str) -> (bool, String) {
    let file = std::env::temp_dir().join(format!("sitecheck-e2e-{}-{program}", std::process::id()));
    std::fs::write(&file, text).unwrap();
    let sbin = std::path::Path::new("/usr/sbin").join(program);
    let program = if sbin.is_file() { sbin.to_string_lossy().into_owned() } else { program.to_owned() };
    let output =
        Command::new(&program).args(arguments).arg(&file).output().unwrap_or_else(|error| panic!("{program}: {error}"));
    (output.status.success(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn every_export_downloads_and_the_firewall_ones_parse() {
    let page = Page::open(Engine::Chromium, Launch::default());
    page.wait_ready();
    fill_spec_example(&page);
    page.click("#skype option[value='presence-and-voice']");
    page.click("#attendant");
    page.click("#ad");
    page.type_into("#address-ews", "198.51.100.7");
    let rows = page.session.find_all("[data-testid='rules'] tbody tr").unwrap().len();
    assert_eq!(rows, 2 + 2 + 2 + 1 + 6 + 1 + 1, "6.1, 6.2, 6.3 (IP phones), 6.4, 6.5 with voice, 6.6, 6.7");

    let (name, csv) = page.download("[data-export='csv']");
    assert_eq!(name, "touchpoint-plus-firewall.csv");
    assert!(
        csv.starts_with(
            "id,section,direction,action,protocol,ports,source,destination,source_name,destination_name,comment\n"
        ),
        "{csv}"
    );
    let (_, markdown) = page.download("[data-export='markdown']");
    assert!(
        markdown.contains("| 6.4.1 | inbound | 81.228.2.192/27 | Customer's Exchange EWS (198.51.100.7/32) |"),
        "{markdown}"
    );
    let (_, nft) = page.download("[data-export='nftables']");
    let (accepted, message) = run_parser("nft", &["-c", "-f"], &nft);
    assert!(accepted, "nft rejects the download: {message}\n{nft}");
    let (_, iptables) = page.download("[data-export='iptables']");
    let (accepted, message) = run_parser("iptables-restore", &["--test"], &iptables);
    assert!(accepted, "iptables-restore rejects the download: {message}\n{iptables}");
    let (name, iptables_add) = page.download("[data-export='iptables-add']");
    assert_eq!(name, "touchpoint-plus-add.iptables");
    let (accepted, message) = run_parser("iptables-restore", &["--test", "--noflush"], &iptables_add);
    assert!(accepted, "iptables-restore --noflush rejects the download: {message}\n{iptables_add}");
    let (_, nft_add) = page.download("[data-export='nftables-add']");
    assert!(
        nft_add.contains("\nadd rule inet filter forward ip daddr 81.228.2.192/27 tcp dport 443 accept"),
        "{nft_add}"
    );
    let (_, asa) = page.download("[data-export='asa']");
    assert!(
        asa.contains("access-list TPP-OUTBOUND extended permit tcp any4 object TPP-ADVANCED-ATTENDANT eq 14711"),
        "{asa}"
    );
    let (name, windows) = page.download("[data-export='windows']");
    assert_eq!(name, "touchpoint-plus-windows-firewall.ps1");
    assert!(
        windows.contains(
            "-Direction Outbound -Action Allow -Protocol UDP -RemoteAddress 81.228.2.192/27 -RemotePort 49152-65535"
        ),
        "{windows}"
    );

    let (name, report) = page.download("[data-testid='report-markdown']");
    assert!(name.starts_with("touchpoint-plus-site-report-") && name.ends_with(".md"), "{name}");
    for part in ["3.264 Mbit/s", "## What is left", "### 3.2.2", "| 6.6.1 |", "v3.40"] {
        assert!(report.contains(part), "{part} in {report}");
    }
    let (_, json_report) = page.download("[data-testid='report-json']");
    let json_report: Value = serde_json::from_str(&json_report).unwrap();
    assert_eq!(json_report["bandwidth"]["total_kbps"], 3264);
    assert_eq!(json_report["plan"]["calendar_users"], 165);
}

/// Pastes rules for a plan of five softphone users and checks them.
fn check_pasted(engine: Engine, rules: &str) -> Page {
    let page = Page::open(engine, Launch::default());
    page.wait_ready();
    page.type_into("#softphone-pc", "5");
    page.type_into("#current-rules", rules);
    page.click("[data-testid='check-coverage']");
    // The check runs in a worker the page starts now: wait for its answer.
    let answered = page.poll(
        "return document.querySelector(\"[data-testid='coverage-summary'], [data-testid='coverage-error']\")?.dataset.testid ?? null",
        Duration::from_secs(10),
    );
    assert_eq!(answered, "coverage-summary", "{}", page.text_of("[data-testid='coverage-error']"));
    page
}

fn coverage_of(page: &Page, rule: &str) -> Value {
    page.run("return document.querySelector(`[data-coverage-rule='${arguments[0]}']`).dataset.coverage", json!([rule]))
}

fn summary(page: &Page, figure: &str) -> Value {
    page.run(
        "return document.querySelector(\"[data-testid='coverage-summary']\").dataset[arguments[0]]",
        json!([figure]),
    )
}

const CURRENT_RULES: &str = "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -d 81.228.2.192/27 -p tcp --dport 443 -j ACCEPT\n-A FORWARD -d 81.228.2.192/27 -p udp --dport 50000:60000 -j ACCEPT\nCOMMIT\n";

fn judged_as_the_firewall_would(engine: Engine) {
    let page = check_pasted(engine, CURRENT_RULES);
    assert_eq!((summary(&page, "covered"), summary(&page, "total")), (json!("1"), json!("4")));
    assert_eq!(summary(&page, "syntax"), "iptables-save");
    assert_eq!(coverage_of(&page, "6.1.2"), "covered");
    assert_eq!(coverage_of(&page, "6.2.2"), "partial");
    assert_eq!(coverage_of(&page, "6.2.1"), "missing");
}

#[test]
fn the_coverage_check_judges_pasted_rules_as_the_firewall_would_in_chromium() {
    judged_as_the_firewall_would(Engine::Chromium);
}

#[test]
fn the_coverage_check_judges_pasted_rules_as_the_firewall_would_in_firefox() {
    judged_as_the_firewall_would(Engine::Firefox);
}

#[test]
fn a_line_the_coverage_check_cannot_read_makes_the_result_unknown() {
    let page = check_pasted(Engine::Chromium, &CURRENT_RULES.replace("COMMIT", "this is not a rule\nCOMMIT"));
    assert_eq!(coverage_of(&page, "6.1.2"), "unknown");
    assert_eq!(summary(&page, "covered"), "0");
    let line = page.run("return document.querySelector('[data-problem-line]').dataset.problemLine", json!([]));
    assert_eq!(line, "5");
}

#[test]
fn a_bad_nftables_chain_is_explained_and_the_last_good_one_kept() {
    let page = Page::open(Engine::Chromium, Launch::default());
    page.wait_ready();
    page.type_into("#nft-chain", " x");
    assert_eq!(page.run("return document.querySelector('#nft-chain').getAttribute('aria-invalid')", json!([])), "true");
    assert!(page.text_of(".nft-chain .field-error").contains("the file uses inet filter forward until then"));
    let (_, add) = page.download("[data-export='nftables-add']");
    assert!(add.contains("\nadd rule inet filter forward "), "{add}");
}

#[test]
fn reset_asks_first() {
    let page = Page::open(Engine::Chromium, Launch::default());
    page.wait_ready();
    page.type_into("#softphone-pc", "7");
    page.click("[data-testid='reset']");
    page.session.answer_dialog(false).unwrap();
    assert_eq!(input_value(&page, "#softphone-pc"), "7");
    page.click("[data-testid='reset']");
    page.session.answer_dialog(true).unwrap();
    page.poll("return document.querySelector('#softphone-pc').value === '0'", Duration::from_secs(5));
    page.reload();
    assert_eq!(input_value(&page, "#softphone-pc"), "0");
}

/// Pages and text of a PDF, as poppler's pdfinfo and pdftotext read them.
fn read_pdf(pdf: &[u8], name: &str) -> (usize, String) {
    let file = std::env::temp_dir().join(format!("sitecheck-e2e-{}-{name}.pdf", std::process::id()));
    std::fs::write(&file, pdf).unwrap();
    let output = Command::new("pdfinfo").arg(&file).output().expect("pdfinfo (poppler-utils) reads the printed report");
    let info = String::from_utf8_lossy(&output.stdout);
    let pages = info
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|pages| pages.trim().parse().ok())
        .unwrap_or(0);
    let text = Command::new("pdftotext").arg(&file).arg("-").output().expect("pdftotext (poppler-utils)");
    (pages, String::from_utf8_lossy(&text.stdout).into_owned())
}

#[test]
fn the_report_prints_to_pdf_one_section_a_page_in_chromium() {
    report_prints_to_pdf(Engine::Chromium);
}

#[test]
fn the_report_prints_to_pdf_one_section_a_page_in_firefox() {
    report_prints_to_pdf(Engine::Firefox);
}

fn report_prints_to_pdf(engine: Engine) {
    let page = Page::open(engine, Launch::default());
    page.wait_ready();
    fill_spec_example(&page);
    let pdf = page.session.print_pdf().unwrap();
    assert!(pdf.starts_with(b"%PDF"), "{}: not a PDF", engine.name());
    let (pages, text) = read_pdf(&pdf, engine.name());
    assert!(pages >= 4, "{}: {pages} pages; each report section starts a page", engine.name());
    for part in
        ["The site plan", "Softphone users on Windows PCs: 50", "Checklist", "3.264 Mbit/s", "Firewall openings"]
    {
        assert!(text.contains(part), "{}: {part:?} in the printed report:\n{text}", engine.name());
    }
    for screen_only in ["Reset the plan", "Check coverage", "Make a link"] {
        assert!(!text.contains(screen_only), "{}: {screen_only:?} is for the screen only", engine.name());
    }
}

/// Every verdict label is readable: its text against whatever background it is drawn on
/// (the checklist once drew each label in its own background colour). WCAG AA: 4.5:1.
#[test]
fn every_verdict_label_has_contrast_against_its_background() {
    let page = Page::open(Engine::Chromium, Launch::default());
    page.wait_ready();
    fill_spec_example(&page);
    let script = r#"
        const channels = (text) => text.match(/[\d.]+/g).map(Number);
        const luminance = (c) => {
            const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const background = (element) => {
            for (; element; element = element.parentElement) {
                const c = channels(getComputedStyle(element).backgroundColor);
                if (c.length < 4 || c[3] > 0) return c;
            }
            return [255, 255, 255];
        };
        const labels = [...document.querySelectorAll('.verdict')];
        return { count: labels.length, poor: labels.map((label) => {
            const [text, ground] = [luminance(channels(getComputedStyle(label).color)), luminance(background(label))];
            return [label.textContent, (Math.max(text, ground) + 0.05) / (Math.min(text, ground) + 0.05)];
        }).filter(([, ratio]) => ratio < 4.5) };
    "#;
    let result = page.run(script, json!([]));
    assert!(result["count"].as_u64().unwrap_or(0) > 20, "the checklist and cards have labels: {result}");
    assert_eq!(result["poor"], json!([]), "labels below 4.5:1");
}

#[test]
fn rules_on_interfaces_are_judged_once_the_interfaces_are_named() {
    let page = Page::open(Engine::Chromium, Launch::default());
    page.wait_ready();
    page.type_into("#softphone-pc", "5");
    page.type_into(
        "#current-rules",
        "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -i lan0 -d 81.228.2.192/27 -p tcp --dport 443 -j ACCEPT\nCOMMIT\n",
    );
    page.type_into("#inside-interfaces", "lan0");
    page.type_into("#outside-interfaces", "wan0");
    page.click("[data-testid='check-coverage']");
    page.poll("return document.querySelector(\"[data-coverage-rule='6.1.2']\") !== null", Duration::from_secs(10));
    assert_eq!(coverage_of(&page, "6.1.2"), "covered");
}
