//! ICE gathering through WebRTC, without camera or microphone: a data channel is enough to
//! make the browser gather candidates from a STUN or TURN server. The JavaScript is a few
//! lines of glue; the judging is in the core.

use sitecheck_core::ice::{Gathered, parse_candidate};
use sitecheck_core::targets::IceServer;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
export function gather(url, username, credential, timeoutMs) {
  return new Promise((resolve) => {
    const Connection = window.RTCPeerConnection || window.webkitRTCPeerConnection;
    if (!Connection) { resolve({ candidates: [], timedOut: false, unsupported: true }); return; }
    const server = { urls: url };
    if (username) { server.username = username; server.credential = credential; }
    let connection;
    try {
      connection = new Connection({ iceServers: [server], iceTransportPolicy: url.startsWith('turn') ? 'relay' : 'all' });
    } catch (error) { resolve({ candidates: [], timedOut: false, error: String(error) }); return; }
    const candidates = [];
    let finished = false;
    const finish = (timedOut) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      connection.close();
      resolve({ candidates, timedOut });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    connection.onicecandidate = (event) => {
      if (event.candidate && event.candidate.candidate) candidates.push(event.candidate.candidate);
      else if (!event.candidate) finish(false);
    };
    connection.onicegatheringstatechange = () => { if (connection.iceGatheringState === 'complete') finish(false); };
    connection.createDataChannel('sitecheck');
    connection.createOffer().then((offer) => connection.setLocalDescription(offer)).catch(() => finish(false));
  });
}
"#)]
extern "C" {
    fn gather(url: &str, username: &str, credential: &str, timeout_ms: u32) -> js_sys::Promise;
}

/// Gathers against one server, bounded by `timeout_ms`.
pub async fn gather_from(server: &IceServer, timeout_ms: u64) -> Gathered {
    let promise = gather(&server.url, &server.username, &server.credential, timeout_ms.min(u64::from(u32::MAX)) as u32);
    let result = JsFuture::from(promise).await.unwrap_or(JsValue::NULL);
    let get = |name: &str| js_sys::Reflect::get(&result, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let candidates = js_sys::Array::from(&get("candidates"))
        .iter()
        .filter_map(|line| line.as_string())
        .filter_map(|line| parse_candidate(&line))
        .collect();
    Gathered { server: server.url.clone(), candidates, timed_out: get("timedOut").as_bool().unwrap_or(false) }
}
