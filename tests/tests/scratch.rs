use sitecheck_e2e::browsers::{Engine, Launch};
use sitecheck_e2e::network::*;
use sitecheck_e2e::page::Page;
#[test]
fn scratch() {
    let server = HttpsServer::start();
    let proxy = FaultProxy::start(server.port, Faults { delay_ms: 10, jitter_ms: 0, drop_permille: 100 });
    let launch = Launch { map_host: Some((PLATFORM_HOST.to_owned(), proxy.port)), ..Launch::default() };
    let page = Page::open_with_config(
        Engine::Firefox,
        launch,
        r#"{"https_hosts": ["localhost"], "samples": 1, "timeout_ms": 1000}"#,
    );
    let script = r#"
return (async () => {
  const out = [];
  for (let i = 0; i < 40; i++) {
    const url = 'https://touchpoint.telia.se/?probe=' + i;
    const c = new AbortController();
    const t = setTimeout(() => c.abort(), 1000);
    const t0 = performance.now();
    try { const r = await fetch(url, { mode: 'cors', cache: 'no-store', signal: c.signal }); await r.text(); } catch (e) { out.push([i, 'lost']); clearTimeout(t); continue; }
    clearTimeout(t);
    const wall = performance.now() - t0;
    await new Promise(r => setTimeout(r, 0));
    const e = performance.getEntriesByName(url)[0];
    out.push(e ? [i, Math.round(wall), e.fetchStart, e.connectStart, e.connectEnd, e.requestStart, e.responseStart, e.responseEnd] : [i, Math.round(wall), 'none']);
  }
  return out;
})();
"#;
    let result = page.session.execute(script, serde_json::json!([])).unwrap();
    for row in result.as_array().unwrap() {
        println!("{row}");
    }
}
