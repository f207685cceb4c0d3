use crate::finding_card::FindingCard;
use crate::latency_chart::LatencyChart;
use crate::measuring::{FetchMode, load_targets, sleep, timed_fetch};
use leptos::prelude::*;
use leptos::task::spawn_local;
use sitecheck_app::language::{current, tr};
use sitecheck_core::interface::network as words;
use sitecheck_core::locale::Bilingual;
use sitecheck_core::network::run::{NetworkRun, Reachability, RunStatus};
use sitecheck_core::network::{BROWSER_LIMITS, Sample};
use sitecheck_core::verdict::Finding;

/// Reachability, delay, jitter and loss to the platform, measured from this browser, and what a
/// browser cannot measure. The core plans the run (`NetworkRun`); this executes its steps, each
/// time-bounded, so a dead network ends in verdicts.
#[component]
pub fn NetworkChecks() -> impl IntoView {
    let state = expect_context::<crate::state::AppState>();
    let plan = state.plan;
    let (findings, set_findings) = signal(Vec::<Finding>::new());
    let (samples, set_samples) = signal(Vec::<Sample>::new());
    let (progress, set_progress) = signal((0usize, 0usize));
    let locale = current();
    let (status, set_status) = signal(RunStatus::ReadingTargets.text());
    let (done, set_done) = signal(false);
    let show = move |status: RunStatus<'_>| set_status.set(status.text());

    spawn_local(async move {
        let (targets, source) = match load_targets().await {
            Ok(loaded) => loaded,
            Err(problem) => {
                show(RunStatus::ConfigRefused(&problem));
                set_done.set(true);
                return;
            }
        };
        // An administrator's newer release table reaches the mobile check too.
        if let Some(table) = &targets.mobile_releases {
            state.releases.set(table.clone());
        }
        let origin = source;
        let calls = plan.with_untracked(|plan| plan.bandwidth_inputs().concurrent_calls());
        let run = NetworkRun::plan(&targets, origin, calls);
        show(run.measuring());
        let mut reach_outcomes = Vec::new();
        match &run.reachability {
            Reachability::Blocked(blocked) => set_findings.update(|findings| findings.extend(blocked.findings())),
            Reachability::Requests(requests) => {
                for request in requests {
                    let timed = timed_fetch(&request.fetch_url, request.timeout_ms, FetchMode::Opaque).await;
                    reach_outcomes.push(timed.outcome);
                    set_findings.update(|findings| findings.push(request.finding(timed.outcome)));
                }
            }
        }
        let mut gathered = Vec::new();
        for gathering in &run.gathering {
            gathered.push(crate::webrtc::gather_from(&gathering.server, gathering.timeout_ms).await);
        }
        set_findings.update(|findings| findings.extend(sitecheck_core::ice::udp_findings(&gathered)));
        if let Some(relay) = run.relay(&gathered) {
            show(relay.probe_status());
            let samples = crate::webrtc::relay_round_trips(relay.server, relay.packets, relay.probe_timeout_ms).await;
            set_findings.update(|findings| findings.extend(relay.loss_findings(&samples)));
            show(relay.stream_status());
            let (sent, received) =
                crate::webrtc::relay_throughput_kbps(relay.server, relay.stream_kbps(), relay.stream_timeout_ms).await;
            set_findings.update(|findings| findings.push(relay.throughput_finding(sent, received)));
        }
        if let Some(latency) = &run.latency {
            let mut series = latency.series(&reach_outcomes);
            set_progress.set(series.progress());
            while let Some(step) = series.next_step() {
                let mode = if step.readable { FetchMode::Cors } else { FetchMode::Opaque };
                let timed = timed_fetch(&latency.request_url(step), latency.timeout_ms, mode).await;
                series.record(step, timed.outcome, timed.round_trip);
                if step.counted {
                    set_samples.set(series.samples().to_vec());
                }
                set_progress.set(series.progress());
                if let Some(pause_ms) = latency.pause_after(timed.outcome) {
                    sleep(i32::try_from(pause_ms).unwrap_or(i32::MAX)).await;
                }
            }
            set_findings.update(|findings| findings.extend(latency.findings(&series)));
        }
        show(run.measured());
        set_done.set(true);
        // `cargo xtask bench network` reads this mark for the length of the whole run.
        if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
            let _ = performance.mark("sitecheck-network-done");
        }
    });

    let limits = BROWSER_LIMITS
        .iter()
        .map(|limit| {
            view! {
                <li>
                    <strong>{move || limit.heading_in(locale.get())}</strong>
                    " "
                    {move || limit.line_in(locale.get())}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="network" data-done=move || done.get().to_string()>
            <p class="status" role="status" data-testid="network-status">{move || status.with(|status: &Bilingual| status.get(locale.get()).to_owned())}</p>
            <progress data-testid="network-progress" max=move || progress.get().1.to_string() value=move || progress.get().0.to_string()></progress>
            {move || findings.get().into_iter().map(|finding| view! { <FindingCard finding=finding /> }).collect_view()}
            <LatencyChart samples=samples />
            <h3>{tr(words::CANNOT_TEST)}</h3>
            <ul class="limits">{limits}</ul>
        </div>
    }
}
