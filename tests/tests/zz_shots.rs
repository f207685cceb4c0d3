use serde_json::json;
use sitecheck_e2e::browsers::{Engine, Launch};
use sitecheck_e2e::page::Page;
use std::time::Duration;

fn shot(page: &Page, width: u32, name: &str) {
    let height = page.run("return document.documentElement.scrollHeight", json!([])).as_u64().unwrap();
    page.session
        .chromium_devtools(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height.min(16000), "deviceScaleFactor": 1, "mobile": width < 500}),
        )
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    std::fs::write(format!("/tmp/shot-{name}.png"), page.session.screenshot().unwrap()).unwrap();
}

#[test]
fn shots() {
    let page = Page::open(Engine::Chromium, Launch::default());
    page.wait_ready();
    page.run("document.querySelector('#addons-heading').scrollIntoView()", json!([]));
    page.click("[data-testid='open-addons']");
    page.session.wait_for("details[data-validator='cert'] summary", Duration::from_secs(20)).unwrap();
    page.click("details[data-validator='cert'] summary");
    page.click("details[data-validator='users'] summary");
    let root = sitecheck_e2e::workspace_root().join("core/tests/data/certificates");
    page.choose_files("#addon-cert-file", &[&root.join("chain-out-of-order.pem"), &root.join("leaf-wildcard-san.pem")]);
    page.click("[data-testid='addon-cert-check']");
    page.session.wait_for("[data-testid='addon-cert-result']", Duration::from_secs(20)).unwrap();
    page.type_into("#addon-users-text", "mobile;mail\n070-123 45 67;a@x.se\n+46701234567;a@x.se\n");
    page.click("[data-testid='addon-users-check']");
    page.session.wait_for("[data-testid='addon-users-result']", Duration::from_secs(20)).unwrap();
    // Only the add-on section.
    page.run("for (const s of document.querySelectorAll('main > section')) { if (!s.querySelector('#addons-heading')) s.style.display = 'none'; } document.querySelector('header').style.display='none'", json!([]));
    shot(&page, 1280, "desktop");
    shot(&page, 390, "phone");
}
