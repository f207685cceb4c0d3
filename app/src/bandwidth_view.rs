use crate::state::AppState;
use leptos::prelude::*;
use sitecheck_core::bandwidth::calculate;
use sitecheck_core::units::{Bandwidth, format_mbps};

/// The 5.1 calculation for the plan, line by line, with what the spec's example leaves out and
/// a comparison with the stated uplink.
#[component]
pub fn BandwidthView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let calculation = Memo::new(move |_| calculate(state.plan.with(|plan| plan.bandwidth_inputs())));
    let rows = move || {
        calculation.with(|calculation| {
            calculation
                .lines
                .iter()
                .map(|line| view! {
                    <tr><td>{line.label}</td><td>{line.formula.clone()}</td><td class="number">{line.bandwidth.to_string()}</td><td>{line.section}</td></tr>
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
                    <tr class="omitted"><td>{line.label}</td><td>{line.formula.clone()}</td><td class="number">{line.bandwidth.to_string()}</td><td>{line.section}</td></tr>
                })
                .collect_view()
        })
    };
    let comparison = move || {
        let (total, with_omitted) = calculation.with(|calculation| (calculation.total, calculation.total_with_omitted));
        let uplink = state.plan.with(|plan| plan.uplink_kbps).map(Bandwidth::kbps);
        let text = match uplink {
            None => "State the site's uplink in the plan to compare it with the calculation.".to_owned(),
            Some(uplink) if uplink < total => {
                format!("The stated uplink of {uplink} is below the spec's minimum of {}.", format_mbps(total))
            }
            Some(uplink) if uplink < with_omitted => format!(
                "The stated uplink of {uplink} meets the spec's minimum of {}, but not the {} that includes what 5.1 leaves out.",
                format_mbps(total),
                format_mbps(with_omitted)
            ),
            Some(uplink) => format!(
                "The stated uplink of {uplink} covers {} including what 5.1 leaves out.",
                format_mbps(with_omitted)
            ),
        };
        let verdict = match uplink {
            None => "needs-confirmation",
            Some(uplink) if uplink < total => "fail",
            Some(uplink) if uplink < with_omitted => "warning",
            Some(_) => "pass",
        };
        view! { <p class=format!("comparison verdict-{verdict}") data-testid="uplink" data-verdict=verdict>{text}</p> }
    };
    view! {
        <table class="bandwidth" data-testid="bandwidth">
            <thead><tr><th>"Function"</th><th>"Calculation"</th><th>"Bandwidth"</th><th>"Section"</th></tr></thead>
            <tbody>
                {rows}
                <tr class="total"><td>"Total, the spec's method"</td><td></td>
                    <td class="number" data-testid="bandwidth-total">{move || calculation.with(|c| format_mbps(c.total))}</td><td>"5.1"</td></tr>
                {omitted}
                <tr class="total"><td>"Total including what 5.1 leaves out"</td><td></td>
                    <td class="number" data-testid="bandwidth-total-with-omitted">{move || calculation.with(|c| format_mbps(c.total_with_omitted))}</td><td></td></tr>
            </tbody>
        </table>
        {comparison}
    }
}
