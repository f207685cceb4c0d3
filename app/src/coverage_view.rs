use crate::state::AppState;
use leptos::prelude::*;
use sitecheck_core::coverage::{Coverage, check_coverage, parse_rules};

/// Paste the firewall's current allow rules; see which required openings they cover.
#[component]
pub fn CoverageView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (text, set_text) = signal(String::new());
    let (checked, set_checked) = signal(false);
    let result = move || {
        if !checked.get() {
            return None;
        }
        let (allowed, problems) = parse_rules(&text.get());
        let rows = state.plan.with(|plan| check_coverage(&plan.firewall_rules(), &plan.addresses, &allowed));
        let covered = rows.iter().filter(|row| row.coverage == Coverage::Covered).count();
        let total = rows.len();
        let rows_view = rows
            .into_iter()
            .map(|row| {
                let label = match row.coverage {
                    Coverage::Covered => "covered",
                    Coverage::Partial => "partly covered",
                    Coverage::Missing => "missing",
                };
                let class = match row.coverage {
                    Coverage::Covered => "verdict-pass",
                    Coverage::Partial => "verdict-warning",
                    Coverage::Missing => "verdict-fail",
                };
                view! {
                    <tr class=class data-coverage-rule=row.rule data-coverage=label>
                        <td>{row.rule}</td><td>{row.service.to_string()}</td><td>{label}</td><td>{row.detail}</td>
                    </tr>
                }
            })
            .collect_view();
        let problems_view = problems
            .into_iter()
            .map(
                |problem| view! { <li>{format!("Line {}: {} — {}", problem.line, problem.problem, problem.text)}</li> },
            )
            .collect_view();
        Some(view! {
            <p data-testid="coverage-summary">{format!("{covered} of {total} required openings are covered.")}</p>
            <table class="coverage"><thead><tr><th>"Rule"</th><th>"Opening"</th><th>"Coverage"</th><th>"Why"</th></tr></thead>
                <tbody>{rows_view}</tbody></table>
            <ul class="unreadable" role="status">{problems_view}</ul>
        })
    };
    view! {
        <label class="field wide" for="current-rules">
            <span>"Your firewall's current allow rules (CSV, nftables, iptables-restore or Cisco ASA)"</span>
            <textarea id="current-rules" rows="8" spellcheck="false" prop:value=move || text.get()
                on:input=move |event| { set_text.set(event_target_value(&event)); set_checked.set(false); }></textarea>
        </label>
        <p><button type="button" data-testid="check-coverage" on:click=move |_| set_checked.set(true)>"Check coverage"</button></p>
        {result}
    }
}
