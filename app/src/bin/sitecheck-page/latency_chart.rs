use leptos::prelude::*;
use sitecheck_app::language::current;
use sitecheck_core::network::{ROUND_TRIP_LIMIT, Sample, latency_chart_label_in};
use sitecheck_core::units::format_decimal;

/// The round trips as an SVG chart, with 2.1's one-way limit drawn as the round trip it
/// allows (`ROUND_TRIP_LIMIT`). Lost samples are marked at the top.
#[component]
pub fn LatencyChart(samples: ReadSignal<Vec<Sample>>) -> impl IntoView {
    const WIDTH: f64 = 600.0;
    const HEIGHT: f64 = 160.0;
    let locale = current();
    let chart = move || {
        let samples = samples.get();
        let limit_ms = f64::from(ROUND_TRIP_LIMIT.0);
        let highest = samples.iter().flatten().map(|us| *us as f64 / 1000.0).fold(limit_ms * 1.2, f64::max);
        let x = |index: usize| 10.0 + index as f64 * (WIDTH - 20.0) / (samples.len().max(2) - 1) as f64;
        let y = |ms: f64| HEIGHT - 10.0 - ms / highest * (HEIGHT - 20.0);
        let points: Vec<String> = samples
            .iter()
            .enumerate()
            .filter_map(|(index, sample)| {
                sample.map(|us| format!("{},{}", format_decimal(x(index)), format_decimal(y(us as f64 / 1000.0))))
            })
            .collect();
        let lost = samples
            .iter()
            .enumerate()
            .filter(|(_, sample)| sample.is_none())
            .map(|(index, _)| view! { <circle cx=format_decimal(x(index)) cy="8" r="3" class="lost" /> })
            .collect_view();
        let limit_y = format_decimal(y(limit_ms));
        view! {
            <svg class="latency-chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" data-testid="latency-chart"
                aria-label=latency_chart_label_in(samples.len(), locale.get())>
                <line x1="0" x2=WIDTH.to_string() y1=limit_y.clone() y2=limit_y class="limit" />
                <polyline points=points.join(" ") class="samples" />
                {lost}
            </svg>
        }
    };
    view! { {chart} }
}
