use crate::state::AppState;
use leptos::prelude::*;
use sitecheck_app::language::{current, tr};
use sitecheck_core::bandwidth::{METHOD, calculate, compare_uplink};
use sitecheck_core::interface::bandwidth as words;
use sitecheck_core::units::format_mbps;

/// The 5.1 calculation for the plan, line by line, with what the spec's example leaves out and
/// a comparison with the stated uplink.
#[component]
pub fn BandwidthView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let locale = current();
    let amount = move |figure: String| locale.get().decimals(&figure);
    let calculation = Memo::new(move |_| calculate(state.plan.with(|plan| plan.bandwidth_inputs())));
    let rows = move || {
        calculation.with(|calculation| {
            calculation
                .lines
                .iter()
                .map(|line| view! {
                    <tr><td>{line.label.get(locale.get())}</td><td>{line.formula.text(locale.get())}</td><td class="number">{amount(line.bandwidth.to_string())}</td><td>{line.section.as_str()}</td></tr>
                })
                .collect_view()
        })
    };
    let omitted = move || {
        calculation.with(|calculation| {
            calculation
                .omitted
                .iter()
                .map(|line| view! {
                    <tr class="omitted"><td>{line.label.get(locale.get())}</td><td>{line.formula.text(locale.get())}</td><td class="number">{amount(line.bandwidth.to_string())}</td><td>{line.section.as_str()}</td></tr>
                })
                .collect_view()
        })
    };
    let comparison = move || {
        let uplink = state.plan.with(|plan| plan.uplink);
        let comparison = calculation.with(|calculation| compare_uplink(calculation, uplink));
        let verdict = comparison.verdict.slug();
        view! { <p class=format!("comparison verdict-{verdict}") data-testid="uplink" data-verdict=verdict>{comparison.text.get(locale.get()).to_owned()}</p> }
    };
    view! {
        <table class="bandwidth" data-testid="bandwidth">
            <thead><tr><th>{tr(words::FUNCTION)}</th><th>{tr(words::CALCULATION)}</th><th>{tr(words::BANDWIDTH)}</th><th>{tr(words::SECTION)}</th></tr></thead>
            <tbody>
                {rows}
                <tr class="total"><td>{tr(words::TOTAL)}</td><td></td>
                    <td class="number" data-testid="bandwidth-total" data-kbps=move || calculation.with(|c| c.total.bits_per_second() / 1000)>{move || amount(calculation.with(|c| format_mbps(c.total)))}</td><td>{METHOD.as_str()}</td></tr>
                {omitted}
                <tr class="total"><td>{move || words::total_with_omitted(locale.get(), METHOD.as_str())}</td><td></td>
                    <td class="number" data-testid="bandwidth-total-with-omitted" data-kbps=move || calculation.with(|c| c.total_with_omitted.bits_per_second() / 1000)>{move || amount(calculation.with(|c| format_mbps(c.total_with_omitted)))}</td><td></td></tr>
            </tbody>
        </table>
        {comparison}
    }
}
