//! The add-on file validators on the page, as a person uses them: open a form, choose or drop
//! files made on this machine (openssl's certificates, CSV and LDIF converted with iconv into
//! each encoding), or paste text, and check. The worker answers; the findings are read from
//! their `data-*` attributes and compared with what the CLI twin says of the same file.

use serde_json::{Value, json};
use sitecheck_e2e::browsers::{Engine, Launch};
use sitecheck_e2e::page::Page;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const ANSWER: Duration = Duration::from_secs(30);

fn certificate(name: &str) -> PathBuf {
    sitecheck_e2e::workspace_root().join("core/tests/data/certificates").join(name)
}

/// A scratch folder of this test process.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sitecheck-addons-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// `text` written in `encoding` by iconv, as a tool on this machine writes it; `bom` first.
fn iconv_file(name: &str, text: &str, encoding: &str, bom: &[u8]) -> PathBuf {
    let source = scratch(&format!("{name}.utf8"));
    std::fs::write(&source, text).unwrap();
    let output = Command::new("iconv").args(["-f", "UTF-8", "-t", encoding]).arg(&source).output().expect("iconv runs");
    assert!(output.status.success(), "iconv: {}", String::from_utf8_lossy(&output.stderr));
    let path = scratch(name);
    let mut bytes = bom.to_vec();
    bytes.extend(output.stdout);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The CLI twin: `cargo xtask test` builds it before the browser tests and names it here.
fn cli(arguments: &[&str], stdin: &str) -> Vec<Value> {
    let binary = std::env::var_os("SITECHECK_CLI")
        .map(PathBuf::from)
        .unwrap_or_else(|| sitecheck_e2e::workspace_root().join("target/debug/sitecheck"));
    assert!(binary.exists(), "{} is missing: build it with cargo build -p sitecheck", binary.display());
    let mut child = Command::new(&binary)
        .args(arguments)
        .arg("--json")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), stdin.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("{arguments:?}: {error}: {}", String::from_utf8_lossy(&output.stderr)))
}

/// (id, verdict, line, file) of each finding, sorted: the page draws the worst first, the CLI
/// in the file's order.
type Row = (String, String, u64, String);

fn cli_rows(rows: &[Value], file_names: &dyn Fn(&str) -> String) -> Vec<Row> {
    let mut rows: Vec<Row> = rows
        .iter()
        .map(|row| {
            (
                row["id"].as_str().unwrap().to_owned(),
                row["verdict"].as_str().unwrap().to_owned(),
                row["line"].as_u64().unwrap_or(0),
                row["file"].as_str().map(file_names).unwrap_or_default(),
            )
        })
        .collect();
    rows.sort();
    rows
}

/// Opens the add-on checks (the page fetches their wasm now) and one validator's form.
fn open_form(engine: Engine, validator: &str) -> Page {
    let page = Page::open(engine, Launch::default());
    page.wait_ready();
    page.click("[data-testid='open-addons']");
    let summary = format!("details[data-validator='{validator}'] summary");
    page.session.wait_for(&summary, ANSWER).unwrap_or_else(|error| {
        panic!("the add-on checks did not open: {error}; {}", page.text_of("[data-testid='addons-status']"))
    });
    page.click(&summary);
    page
}

/// Checks and waits for the worker's answer: the result's `data-*` figures, or the problems.
fn check(page: &Page, validator: &str) -> Result<Value, String> {
    page.click(&format!("[data-testid='addon-{validator}-check']"));
    let script = format!(
        "const result = document.querySelector(\"[data-testid='addon-{validator}-result']\");
         if (result) return {{ ok: Object.assign({{}}, result.dataset) }};
         const problems = document.querySelector(\"[data-testid='addon-{validator}-problems']\");
         return problems ? {{ problems: problems.innerText }} : null;"
    );
    let answer = page.poll(&script, ANSWER);
    match answer.get("ok") {
        Some(figures) => Ok(figures.clone()),
        None => Err(answer["problems"].as_str().unwrap_or_default().to_owned()),
    }
}

fn page_rows(page: &Page, validator: &str) -> Vec<Row> {
    let rows = page.run(
        "return [...document.querySelectorAll(`[data-testid='addon-${arguments[0]}-result'] .placed-findings > li`)]
            .map(item => { const card = item.querySelector('article');
                return [card.dataset.check, card.dataset.verdict, Number(item.dataset.line ?? 0), item.dataset.file ?? '']; })",
        json!([validator]),
    );
    let mut rows: Vec<Row> = serde_json::from_value(rows).unwrap();
    rows.sort();
    rows
}

fn figure(figures: &Value, name: &str) -> u64 {
    figures[name].as_str().and_then(|text| text.parse().ok()).unwrap_or_else(|| panic!("{name} in {figures}"))
}

/// Every fixture `make.sh` made with openssl (each EKU, wildcards in CN and SAN, expired and
/// expiring, chains in and out of order, missing a link, another key, self-signed, a public
/// CA by name, PEM, DER, Base64 and PKCS #7, and a private key), chosen at once.
fn certificates_agree(engine: Engine) {
    let page = open_form(engine, "cert");
    let folder = sitecheck_e2e::workspace_root().join("core/tests/data/certificates");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension != "sh"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "{files:?}");
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    page.choose_files("#addon-cert-file", &paths);
    let figures = check(&page, "cert").unwrap_or_else(|problems| panic!("{problems}"));
    assert!(figure(&figures, "fail") >= 3, "wildcards, an expired certificate, missing EKUs: {figures}");
    let name_only = |path: &str| Path::new(path).file_name().unwrap().to_string_lossy().into_owned();
    let mut arguments = vec!["cert"];
    arguments.extend(files.iter().map(|path| path.to_str().unwrap()));
    let expected = cli_rows(&cli(&arguments, ""), &name_only);
    assert_eq!(figure(&figures, "total"), expected.len() as u64);
    assert!(expected.len() <= 200, "all drawn, so all compared");
    assert_eq!(page_rows(&page, "cert"), expected);
}

#[test]
fn certificates_chosen_as_files_agree_with_the_cli_in_chromium() {
    certificates_agree(Engine::Chromium);
}

#[test]
fn certificates_chosen_as_files_agree_with_the_cli_in_firefox() {
    certificates_agree(Engine::Firefox);
}

/// A user export as Windows PowerShell 5's `Export-Csv` writes it (UTF-16LE with a BOM,
/// commas, quoted fields, CRLF) and as Excel saves it (Windows-1252, semicolons), each with a
/// national number and a duplicate.
const USERS: &str = "\"displayName\",\"mobile\",\"mail\"\r\n\"Åsa Öberg\",\"+46701234567\",\"asa@example.se\"\r\n\"Örjan Ek\",\"070-123 45 67\",\"orjan@example.se\"\r\n\"Eva, Ny\",\"+46701234567\",\"eva@example.se\"\r\n";

fn users_agree(engine: Engine, file: &Path) {
    let page = open_form(engine, "users");
    page.run("const select = document.querySelector('#addon-users-for'); select.value = 'teams'; select.dispatchEvent(new Event('change'));", json!([]));
    page.choose_files("#addon-users-file", &[file]);
    let figures = check(&page, "users").unwrap_or_else(|problems| panic!("{problems}"));
    assert!(figure(&figures, "fail") >= 2, "a national number and a duplicate: {figures}");
    let expected = cli_rows(&cli(&["users", file.to_str().unwrap(), "--for", "teams"], ""), &|name| name.to_owned());
    assert_eq!(page_rows(&page, "users"), expected);
    assert_eq!(fact(&page, "users", "Users"), "3");
}

/// The value the facts give for `label`.
fn fact(page: &Page, validator: &str, label: &str) -> String {
    let value = page.run(
        "const terms = [...document.querySelectorAll(`[data-testid='addon-${arguments[0]}-result'] .facts dt`)];
         return terms.find(term => term.textContent === arguments[1])?.nextElementSibling.textContent ?? null;",
        json!([validator, label]),
    );
    value.as_str().unwrap_or_else(|| panic!("no fact {label}")).to_owned()
}

#[test]
fn a_powershell_export_in_utf16_agrees_with_the_cli_in_chromium() {
    users_agree(Engine::Chromium, &iconv_file("export-utf16.csv", USERS, "UTF-16LE", &[0xFF, 0xFE]));
}

#[test]
fn a_powershell_export_in_utf16_agrees_with_the_cli_in_firefox() {
    users_agree(Engine::Firefox, &iconv_file("export-utf16-ff.csv", USERS, "UTF-16LE", &[0xFF, 0xFE]));
}

#[test]
fn an_excel_file_in_windows_1252_agrees_with_the_cli_in_chromium() {
    let text = USERS.replace("\",\"", "\";\"");
    users_agree(Engine::Chromium, &iconv_file("excel-1252.csv", &text, "WINDOWS-1252", &[]));
}

#[test]
fn an_excel_file_in_windows_1252_agrees_with_the_cli_in_firefox() {
    let text = USERS.replace("\",\"", "\";\"");
    users_agree(Engine::Firefox, &iconv_file("excel-1252-ff.csv", &text, "WINDOWS-1252", &[]));
}

#[test]
fn a_utf8_export_with_a_bom_agrees_with_the_cli_in_chromium() {
    users_agree(Engine::Chromium, &iconv_file("export-utf8-bom.csv", USERS, "UTF-8", &[0xEF, 0xBB, 0xBF]));
}

#[test]
fn a_utf8_export_without_a_bom_agrees_with_the_cli_in_firefox() {
    users_agree(Engine::Firefox, &iconv_file("export-utf8.csv", &USERS.replace("\",\"", "\"\t\""), "UTF-8", &[]));
}

/// ldifde's output: folded lines, a base64 value, comments, a change record.
const LDIF: &str = "version: 1\n# ldifde export\ndn: CN=Åsa Öberg,OU=Staff,DC=example,DC=se\nchangetype: add\nobjectClass: user\ndisplayName:: w4VzYSDDlmJlcmc=\nmobile: +4670123\n 4567\nmail: asa@example.se\n\ndn: CN=Örjan Ek,OU=Staff,DC=example,DC=se\nobjectClass: user\nmobile: 070-123 45 67\nmail: orjan@example.se\n";

#[test]
fn an_ldif_export_agrees_with_the_cli_in_chromium() {
    users_agree_ldif(Engine::Chromium, "export.ldif");
}

#[test]
fn an_ldif_export_agrees_with_the_cli_in_firefox() {
    users_agree_ldif(Engine::Firefox, "export-ff.ldif");
}

#[test]
fn a_utf16_ldif_export_agrees_with_the_cli_in_chromium() {
    users_agree_ldif_in(Engine::Chromium, "export-utf16.ldif", "UTF-16LE", &[0xFF, 0xFE]);
}

#[test]
fn a_windows_1252_ldif_export_agrees_with_the_cli_in_firefox() {
    users_agree_ldif_in(Engine::Firefox, "export-1252.ldif", "WINDOWS-1252", &[]);
}

fn users_agree_ldif(engine: Engine, name: &str) {
    users_agree_ldif_in(engine, name, "UTF-8", &[]);
}

fn users_agree_ldif_in(engine: Engine, name: &str, encoding: &str, bom: &[u8]) {
    let file = iconv_file(name, LDIF, encoding, bom);
    let page = open_form(engine, "users");
    page.choose_files("#addon-users-file", &[&file]);
    let figures = check(&page, "users").unwrap_or_else(|problems| panic!("{problems}"));
    assert!(figure(&figures, "warning") + figure(&figures, "fail") >= 1, "{figures}");
    let expected = cli_rows(&cli(&["users", file.to_str().unwrap()], ""), &|name| name.to_owned());
    assert_eq!(page_rows(&page, "users"), expected);
}

#[test]
fn pasted_numbers_agree_with_the_cli_in_chromium() {
    numbers_agree(Engine::Chromium);
}

#[test]
fn pasted_numbers_agree_with_the_cli_in_firefox() {
    numbers_agree(Engine::Firefox);
}

fn numbers_agree(engine: Engine) {
    let numbers = "08-123 45 67\n+46 (0)8 123 45 67\n0046 8 123 45 67\n+4681234567\n070-123 45 67\nnot a number\n";
    let page = open_form(engine, "numbers");
    page.type_into("#addon-numbers-text", numbers);
    let figures = check(&page, "numbers").unwrap_or_else(|problems| panic!("{problems}"));
    let expected = cli_rows(&cli(&["numbers", "-"], numbers), &|name| name.to_owned());
    assert_eq!(page_rows(&page, "numbers"), expected);
    assert_eq!(figure(&figures, "total"), 6);
    assert_eq!(figure(&figures, "pass"), 1);
}

#[test]
fn a_pasted_spf_record_agrees_with_the_cli_in_chromium() {
    spf_agrees(Engine::Chromium);
}

#[test]
fn a_pasted_spf_record_agrees_with_the_cli_in_firefox() {
    spf_agrees(Engine::Firefox);
}

fn spf_agrees(engine: Engine) {
    let records = "v=spf1 include:spf.protection.outlook.com ?all\nv=spf1 include:spf-b.telia.com -all\n";
    let page = open_form(engine, "spf");
    page.type_into("#addon-spf-text", records);
    let figures = check(&page, "spf").unwrap_or_else(|problems| panic!("{problems}"));
    // Telia's include is not among the terms; whether an include holds it needs DNS.
    assert!(figure(&figures, "needsConfirmation") >= 1, "{figures}");
    let expected = cli_rows(&cli(&["spf", "--record", "-"], records), &|name| name.to_owned());
    assert_eq!(page_rows(&page, "spf"), expected);
}

#[test]
fn a_client_secret_gets_its_expiry_and_a_reminder_in_chromium() {
    client_secret(Engine::Chromium);
}

#[test]
fn a_client_secret_gets_its_expiry_and_a_reminder_in_firefox() {
    client_secret(Engine::Firefox);
}

fn client_secret(engine: Engine) {
    let page = open_form(engine, "secret");
    // Nothing entered: the problem is said, and nothing else is lost.
    let problems = check(&page, "secret").expect_err("no creation day");
    assert!(problems.contains("Created on: enter the day the secret was created"), "{problems}");
    // Created on the first of this month, for 24 months: the reminder falls a month before the
    // expiry, whatever day the test runs.
    let today = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / 86_400;
    let today = sitecheck_core::units::Date::from_days_since_epoch(today as i64);
    let (year, month) = (today.year(), today.month());
    let created = format!("{year:04}-{month:02}-01");
    let expires = format!("{:04}-{month:02}-01", year + 2);
    let (remind_year, remind_month) = if month == 1 { (year + 1, 12) } else { (year + 2, month - 1) };
    let reminder = format!("{remind_year:04}-{remind_month:02}-01");
    page.run(
        "const input = document.querySelector('#addon-secret-created'); input.value = arguments[0];
         input.dispatchEvent(new Event('input', { bubbles: true }));
         const select = document.querySelector('#addon-secret-lifetime'); select.value = '24m';
         select.dispatchEvent(new Event('change'));",
        json!([created]),
    );
    let figures = check(&page, "secret").unwrap_or_else(|problems| panic!("{problems}"));
    assert_eq!(fact(&page, "secret", "Expires"), expires);
    assert_eq!(fact(&page, "secret", "Reminder on"), reminder);
    assert_eq!(figure(&figures, "fail"), 0, "{figures}");
    let (name, ics) = page.download("[data-testid^='addon-download-client-secret-reminder-']");
    assert_eq!(name, format!("client-secret-reminder-{reminder}.ics"));
    assert!(
        ics.contains("BEGIN:VEVENT") && ics.contains(&format!("DTSTART;VALUE=DATE:{}", reminder.replace('-', ""))),
        "{ics}"
    );
}

#[test]
fn a_private_chain_offers_the_bundle_for_telia_in_chromium() {
    private_bundle(Engine::Chromium);
}

#[test]
fn a_private_chain_offers_the_bundle_for_telia_in_firefox() {
    private_bundle(Engine::Firefox);
}

fn private_bundle(engine: Engine) {
    let page = open_form(engine, "cert");
    page.choose_files("#addon-cert-file", &[&certificate("chain-in-order.pem")]);
    check(&page, "cert").unwrap_or_else(|problems| panic!("{problems}"));
    let (name, bundle) = page.download("[data-testid='addon-download-touchpoint-plus-private-ca-bundle.pem']");
    assert_eq!(name, "touchpoint-plus-private-ca-bundle.pem");
    assert_eq!(bundle.matches("-----BEGIN CERTIFICATE-----").count(), 2, "{bundle}");
}

/// A file dropped onto the text box is read like one chosen.
#[test]
fn a_dropped_file_is_checked() {
    let page = open_form(Engine::Chromium, "numbers");
    page.run(
        "const transfer = new DataTransfer();
         transfer.items.add(new File(['+46812345678\\n070-123 45 67\\n'], 'dropped.txt', { type: 'text/plain' }));
         document.querySelector('#addon-numbers-text').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));",
        json!([]),
    );
    assert!(page.text_of("[data-testid='addon-numbers-chosen']").contains("dropped.txt"));
    let figures = check(&page, "numbers").unwrap_or_else(|problems| panic!("{problems}"));
    assert_eq!((figure(&figures, "total"), figure(&figures, "fail")), (2, 1));
}

/// A 200 MB file is refused from its size before a byte is read (the file is sparse), with the
/// limit said; what was typed stays.
#[test]
fn a_200_megabyte_file_is_refused_with_the_limit_said() {
    let path = scratch("huge.csv");
    std::fs::File::create(&path).unwrap().set_len(200 * 1024 * 1024).unwrap();
    let page = open_form(Engine::Chromium, "users");
    page.type_into("#addon-users-map", "Cell=mobile");
    page.choose_files("#addon-users-file", &[&path]);
    let problems = check(&page, "users").expect_err("too large");
    assert!(problems.contains("huge.csv is 200 MB; the check reads files of up to 64 MB"), "{problems}");
    let kept = page.run("return document.querySelector('#addon-users-map').value", json!([]));
    assert_eq!(kept, "Cell=mobile");
}

/// 100 000 users are checked in the worker; the page draws the worst 200 and counts them all.
/// The time and the longest pause of the page's own thread are printed, not asserted.
#[test]
fn a_file_of_100_000_users_is_checked_off_the_page() {
    let mut text = String::from("mobile;mail\n");
    for index in 0..100_000 {
        text.push_str(&format!("+4670{index:07};user{index}@example.se\n"));
    }
    text.push_str("070-123 45 67;last@example.se\n");
    let path = scratch("100000.csv");
    std::fs::write(&path, text).unwrap();
    let page = open_form(Engine::Chromium, "users");
    page.run(
        "window.__gap = 0; let last = performance.now();
         window.__ticker = setInterval(() => { const now = performance.now(); window.__gap = Math.max(window.__gap, now - last); last = now; }, 20);",
        json!([]),
    );
    page.choose_files("#addon-users-file", &[&path]);
    let started = Instant::now();
    let figures = check(&page, "users").unwrap_or_else(|problems| panic!("{problems}"));
    let gap = page.run("clearInterval(window.__ticker); return window.__gap", json!([]));
    println!("100 001 users checked in {:?}; the page's longest pause {gap} ms", started.elapsed());
    assert!(figure(&figures, "warning") >= 1, "the one national number: {figures}");
    let drawn = page.run(
        "return document.querySelectorAll(\"[data-testid='addon-users-result'] .placed-findings > li\").length",
        json!([]),
    );
    assert!(drawn.as_u64().unwrap() <= 200, "{drawn}");
    let summary = page.text_of("[data-testid='addon-users-result'] .summary");
    assert!(summary.contains("findings"), "{summary}");
}

/// When the add-on checks' wasm cannot be fetched (a server that does not serve it), the page
/// says so, and the button stays for another try.
#[test]
fn add_on_checks_that_cannot_be_fetched_say_so() {
    let broken = scratch("dist-without-addons");
    let status = Command::new("cp").arg("-r").arg(sitecheck_e2e::dist_dir()).arg(&broken).status().unwrap();
    assert!(status.success());
    sitecheck_e2e::remove_from_build(&broken, "sitecheck-addons_bg.wasm");
    let page = Page::open_build_with_config(
        &broken,
        Engine::Chromium,
        Launch::default(),
        sitecheck_e2e::page::HERMETIC_CONFIG,
    );
    page.wait_ready();
    page.click("[data-testid='open-addons']");
    let status = page.poll(
        "const status = document.querySelector(\"[data-testid='addons-status']\");
         return status.classList.contains('error') ? status.textContent : null;",
        ANSWER,
    );
    assert!(status.as_str().unwrap().starts_with("The add-on checks could not be loaded: "), "{status}");
    let enabled = page.run("return !document.querySelector(\"[data-testid='open-addons']\").disabled", json!([]));
    assert_eq!(enabled, true);
}
