//! ICE gathering through WebRTC, without camera or microphone: a data channel is enough to
//! make the browser gather candidates from a STUN or TURN server. The JavaScript is a few
//! lines of glue; the judging is in the core.

use sitecheck_core::ice::{GatherEnd, Gathered, parse_candidate};
use sitecheck_core::network::run;
use sitecheck_core::targets::IceServer;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
export function gather(url, username, credential, timeoutMs, relayOnly) {
  return new Promise((resolve) => {
    const Connection = window.RTCPeerConnection || window.webkitRTCPeerConnection;
    if (!Connection) { resolve({ candidates: [], timedOut: false, unsupported: true }); return; }
    const server = { urls: url };
    if (username) { server.username = username; server.credential = credential; }
    let connection;
    try {
      connection = new Connection({ iceServers: [server], iceTransportPolicy: relayOnly ? 'relay' : 'all' });
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

// Two peer connections in this page, joined through the TURN relay only, with an unordered,
// never-retransmitted data channel from the first to the second. `setUp(channel, peer, finish)`
// wires the measurement; the promise resolves with whatever `finish` is given.
function throughRelay(url, username, credential, label, timeoutMs, setUp) {
  return new Promise((resolve) => {
    const config = { iceServers: [{ urls: url, username, credential }], iceTransportPolicy: 'relay' };
    let a, b;
    try { a = new RTCPeerConnection(config); b = new RTCPeerConnection(config); }
    catch (error) { resolve({ reason: String(error) }); return; }
    let finished = false, result = null;
    const finish = (value) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      a.close(); b.close();
      resolve(value);
    };
    let timer;
    a.onicecandidate = (event) => { if (event.candidate) b.addIceCandidate(event.candidate).catch(() => {}); };
    b.onicecandidate = (event) => { if (event.candidate) a.addIceCandidate(event.candidate).catch(() => {}); };
    const channel = a.createDataChannel(label, { ordered: false, maxRetransmits: 0 });
    channel.binaryType = 'arraybuffer';
    const onTimeout = setUp(channel, b, finish);
    timer = setTimeout(() => finish(onTimeout()), timeoutMs);
    a.createOffer()
      .then((offer) => a.setLocalDescription(offer))
      .then(() => b.setRemoteDescription(a.localDescription))
      .then(() => b.createAnswer())
      .then((answer) => b.setLocalDescription(answer))
      .then(() => a.setRemoteDescription(b.localDescription))
      .catch(() => finish(onTimeout()));
  });
}

// A timer set from a timer's callback is held to at least 4 ms once timers nest a few levels
// deep (HTML's timer nesting level); one set from a message task is not. So a paced sender sets
// each timer from a message it posts to itself, and keeps to its schedule.
function paced(step, intervalMs) {
  const hop = new MessageChannel();
  const started = performance.now();
  let tick = 0;
  const next = () => { tick++; if (step(tick - 1)) hop.port2.postMessage(null); };
  hop.port1.onmessage = () => setTimeout(next, Math.max(1, started + tick * intervalMs - performance.now()));
  next();
}

export function relayProbe(url, username, credential, count, timeoutMs, packetBytes, intervalMs, tailMs) {
  const sentAt = new Array(count).fill(null), rtt = new Array(count).fill(null);
  let echoed = 0, over = false;
  return throughRelay(url, username, credential, 'sitecheck', timeoutMs, (channel, peer, finish) => {
    peer.ondatachannel = (event) => { const echo = event.channel; echo.onmessage = (message) => echo.send(message.data); };
    channel.onmessage = (message) => {
      const seq = new DataView(message.data).getUint32(0);
      if (seq < count && sentAt[seq] !== null && rtt[seq] === null) {
        rtt[seq] = performance.now() - sentAt[seq];
        // Every packet is back: nothing is left to wait for.
        if (++echoed === count) { over = true; finish({ rtt }); }
      }
    };
    channel.onopen = () => {
      // One small packet at a time, each in a task of its own, so that each travels in a
      // datagram of its own, as media does (packets sent together would be bundled, and one
      // lost datagram would lose several packets). The figures come from the core.
      paced((seq) => {
        if (over) return false;
        const packet = new ArrayBuffer(packetBytes);
        new DataView(packet).setUint32(0, seq);
        sentAt[seq] = performance.now();
        try { channel.send(packet); } catch (error) {}
        if (seq + 1 < count) return true;
        // The last packets' echoes may still be on their way; a lost one never comes.
        setTimeout(() => finish({ rtt }), tailMs);
        return false;
      }, intervalMs);
    };
    return () => { over = true; return { rtt }; };
  });
}

export function relayThroughput(url, username, credential, kbps, durationMs, timeoutMs, packetBytes, drainMs) {
  let sent = 0, received = 0;
  return throughRelay(url, username, credential, 'throughput', timeoutMs, (channel, peer, finish) => {
    peer.ondatachannel = (event) => { event.channel.onmessage = (message) => { received += message.data.byteLength || message.data.length || 0; }; };
    channel.onopen = () => {
      const started = performance.now();
      const packet = new ArrayBuffer(packetBytes);
      const tick = () => {
        const elapsed = Math.min(performance.now() - started, durationMs);
        // Send what the rate allows by now, in whole packets; the last one rounds up, so that
        // at least the whole rate is offered.
        const due = kbps * 1000 / 8 * elapsed / 1000;
        while (sent < due) { try { channel.send(packet); } catch (error) { break; } sent += packetBytes; }
        if (elapsed >= durationMs) { drain(performance.now()); return; }
        setTimeout(tick, 5);
      };
      // What is in flight at the end gets up to `drainMs` to arrive, and no longer than it
      // takes.
      const drain = (since) => {
        if (received >= sent || performance.now() - since >= drainMs) finish({ sent, received });
        else setTimeout(() => drain(since), 10);
      };
      tick();
    };
    return () => ({ sent, received });
  });
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = relayThroughput)]
    fn relay_throughput(
        url: &str,
        username: &str,
        credential: &str,
        kbps: u32,
        duration_ms: u32,
        timeout_ms: u32,
        packet_bytes: u32,
        drain_ms: u32,
    ) -> js_sys::Promise;
    fn gather(url: &str, username: &str, credential: &str, timeout_ms: u32, relay_only: bool) -> js_sys::Promise;
    #[wasm_bindgen(js_name = relayProbe)]
    #[allow(clippy::too_many_arguments)]
    fn relay_probe(
        url: &str,
        username: &str,
        credential: &str,
        count: u32,
        timeout_ms: u32,
        packet_bytes: u32,
        interval_ms: u32,
        tail_ms: u32,
    ) -> js_sys::Promise;
}

/// Packets sent through a TURN relay between two peer connections in this page, echoed back:
/// round trips in microseconds, `None` for packets that never came back.
pub async fn relay_round_trips(server: &IceServer, count: u32, timeout_ms: u64) -> Vec<Option<u64>> {
    let promise = relay_probe(
        &server.url,
        &server.username,
        &server.credential,
        count,
        timeout_ms.min(u64::from(u32::MAX)) as u32,
        run::RELAY_PACKET_BYTES,
        run::RELAY_PACKET_INTERVAL_MS,
        run::RELAY_ECHO_TAIL_MS,
    );
    let result = JsFuture::from(promise).await.unwrap_or(JsValue::NULL);
    let list = js_sys::Reflect::get(&result, &JsValue::from_str("rtt")).unwrap_or(JsValue::UNDEFINED);
    js_sys::Array::from(&list).iter().map(|value| value.as_f64().map(|ms| (ms * 1000.0) as u64)).collect()
}

/// Gathers against one server, bounded by `timeout_ms`.
pub async fn gather_from(server: &IceServer, timeout_ms: u64) -> Gathered {
    let timeout = timeout_ms.min(u64::from(u32::MAX)) as u32;
    // A relay server is asked for relayed candidates only: that is what it is there to prove.
    let promise = gather(&server.url, &server.username, &server.credential, timeout, server.relays());
    let result = JsFuture::from(promise).await.unwrap_or(JsValue::NULL);
    let get = |name: &str| js_sys::Reflect::get(&result, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let candidates = js_sys::Array::from(&get("candidates"))
        .iter()
        .filter_map(|line| line.as_string())
        .filter_map(|line| parse_candidate(&line))
        .collect();
    let end = if get("unsupported").as_bool() == Some(true) {
        GatherEnd::NoWebRtc
    } else if let Some(error) = get("error").as_string() {
        GatherEnd::ServerRefused(error)
    } else if get("timedOut").as_bool() == Some(true) {
        GatherEnd::TimedOut
    } else {
        GatherEnd::Complete
    };
    Gathered { server: server.url.clone(), candidates, end }
}

/// Streams `kbps` through the relay for the core's stream duration; returns (offered,
/// received) in kbit/s.
pub async fn relay_throughput_kbps(server: &IceServer, kbps: u32, timeout_ms: u64) -> (u64, u64) {
    const DURATION_MS: u32 = run::STREAM_DURATION_MS;
    let promise = relay_throughput(
        &server.url,
        &server.username,
        &server.credential,
        kbps,
        DURATION_MS,
        timeout_ms.min(u64::from(u32::MAX)) as u32,
        run::STREAM_PACKET_BYTES,
        run::STREAM_DRAIN_MS,
    );
    let result = JsFuture::from(promise).await.unwrap_or(JsValue::NULL);
    let bytes = |name: &str| {
        js_sys::Reflect::get(&result, &JsValue::from_str(name)).ok().and_then(|value| value.as_f64()).unwrap_or(0.0)
    };
    let to_kbps = |bytes: f64| (bytes * 8.0 / f64::from(DURATION_MS)) as u64;
    (to_kbps(bytes("sent")), to_kbps(bytes("received")))
}
