use crate::finding_card::FindingCard;
use crate::latency_chart::LatencyChart;
use crate::measuring::{FetchMode, TargetSource, load_targets, sleep, timed_fetch};
use leptos::prelude::*;
use leptos::task::spawn_local;
use sitecheck_core::network::{
    BROWSER_LIMITS, FetchOutcome, Sample, blocked_port_findings, browser_blocks_port, network_findings,
    reachability_finding, statistics,
};
use sitecheck_core::series::Series;
use sitecheck_core::verdict::Finding;

/// Reachability, delay, jitter and loss to the platform, measured from this browser, and what a
/// browser cannot measure. Every check is time-bounded, so a dead network ends in verdicts.
#[component]
pub fn NetworkChecks() -> impl IntoView {
    let plan = expect_context::<crate::state::AppState>().plan;
    let (findings, set_findings) = signal(Vec::<Finding>::new());
    let (samples, set_samples) = signal(Vec::<Sample>::new());
    let (progress, set_progress) = signal((0usize, 0usize));
    let (status, set_status) = signal("Reading the targets…".to_owned());
    let (done, set_done) = signal(false);

    spawn_local(async move {
        let (targets, source) = match load_targets().await {
            Ok(loaded) => loaded,
            Err(problem) => {
                set_status.set(format!("{problem}. Nothing was measured: correct config.json beside index.html, or remove it to measure the production endpoints."));
                set_done.set(true);
                return;
            }
        };
        let origin = match source {
            TargetSource::Production => "the production endpoints of the spec",
            TargetSource::Config => "the targets in config.json",
        };
        set_status.set(format!("Measuring {origin}…"));
        let urls: Vec<String> = targets.https_hosts.iter().map(|host| targets.https_url(host)).collect();
        // A port every browser refuses (a lab may map 443 to one) is explained, not requested.
        let blocked = browser_blocks_port(targets.port(443));
        let mut first_answered = false;
        if blocked {
            set_findings.update(|findings| findings.extend(blocked_port_findings(&urls, targets.port(443))));
        } else {
            for (index, url) in urls.iter().enumerate() {
                let timed = timed_fetch(&format!("{url}?sitecheck=reach"), targets.timeout_ms, FetchMode::Opaque).await;
                first_answered |= index == 0 && matches!(timed.outcome, FetchOutcome::Answered { .. });
                set_findings.update(|findings| findings.push(reachability_finding(url, timed.outcome)));
            }
        }
        // The UDP media path, where STUN or TURN servers are configured.
        let mut gathered = Vec::new();
        for server in &targets.ice_servers {
            gathered.push(crate::webrtc::gather_from(server, targets.timeout_ms).await);
        }
        set_findings.update(|findings| findings.extend(sitecheck_core::ice::udp_findings(&gathered)));
        // Through the first TURN server that gave a relay: loss, delay and jitter of media-like
        // UDP, from packets the page sends to itself through the relay.
        let relayed = targets.ice_servers.iter().zip(&gathered).find(|(server, result)| {
            server.url.starts_with("turn")
                && result.candidates.iter().any(|candidate| candidate.kind == sitecheck_core::ice::CandidateKind::Relay)
        });
        if let Some((server, _)) = relayed {
            const PACKETS: u32 = 1000;
            set_status.set(format!("Sending {PACKETS} packets through {}…", server.url));
            let samples = crate::webrtc::relay_round_trips(server, PACKETS, targets.timeout_ms.max(5000) + 5000).await;
            let method = format!(
                "{} packets of 160 bytes, one per datagram, through the TURN relay {} and back, unordered and never retransmitted (WebRTC data channel)",
                samples.len(),
                server.url
            );
            set_findings.update(|findings| findings.extend(network_findings(statistics(&samples).as_ref(), &method)));
            // The plan's concurrent calls at 100 kbit/s each, through the same relay.
            let calls = plan.with_untracked(|plan| plan.bandwidth_inputs().concurrent_calls());
            let kbps = sitecheck_core::limits::CALL_BANDWIDTH.times(calls.max(1)).bits_per_second() / 1000;
            set_status.set(format!("Streaming {kbps} kbit/s through {}…", server.url));
            let (sent, received) = crate::webrtc::relay_throughput_kbps(
                server,
                kbps.min(u64::from(u32::MAX)) as u32,
                targets.timeout_ms + 5000,
            )
            .await;
            let finding = sitecheck_core::network::throughput_finding(calls, kbps, sent, received, &server.url);
            set_findings.update(|findings| findings.push(finding));
        }
        let (Some(host), Some(base), false) = (targets.https_hosts.first(), urls.first(), blocked) else {
            set_status.set(format!("Measured {origin}."));
            set_done.set(true);
            return;
        };
        let mut series = Series::new(2, targets.samples, first_answered);
        set_progress.set(series.progress());
        while let Some(step) = series.next_step() {
            let mode = if step.readable { FetchMode::Cors } else { FetchMode::Opaque };
            let timed = timed_fetch(&format!("{base}?sitecheck={}", step.number), targets.timeout_ms, mode).await;
            series.record(step, timed.outcome, timed.round_trip);
            if step.counted {
                set_samples.set(series.samples().to_vec());
            }
            set_progress.set(series.progress());
            // A request that failed at once must not turn the loop into a flood.
            if matches!(timed.outcome, FetchOutcome::FailedAtOnce { .. }) {
                sleep(50).await;
            }
        }
        let method = series.method(host);
        let stats = statistics(series.samples());
        set_findings.update(|findings| findings.extend(network_findings(stats.as_ref(), &method)));
        set_status.set(format!("Measured {origin}."));
        set_done.set(true);
        // `cargo xtask bench network` reads this mark for the length of the whole run.
        if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
            let _ = performance.mark("sitecheck-network-done");
        }
    });

    let ignore = Callback::new(|_: (sitecheck_core::requirement::RequirementId, bool)| {});
    let limits = BROWSER_LIMITS
        .iter()
        .map(|limit| {
            view! {
                <li>
                    <strong>{limit.what}</strong>
                    {format!(" ({}): {}. Instead: {}.", limit.section, limit.reason, limit.instead)}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="network" data-done=move || done.get().to_string()>
            <p class="status" role="status" data-testid="network-status">{move || status.get()}</p>
            <progress data-testid="network-progress" max=move || progress.get().1.to_string() value=move || progress.get().0.to_string()></progress>
            {move || findings.get().into_iter().map(|finding| view! { <FindingCard finding=finding on_confirm=ignore /> }).collect_view()}
            <LatencyChart samples=samples />
            <h3>"What a browser cannot test"</h3>
            <ul class="limits">{limits}</ul>
        </div>
    }
}
