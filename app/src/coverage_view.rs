use crate::state::AppState;
use leptos::prelude::*;
use sitecheck_core::coverage::{Coverage, check_coverage, parse_rules};

/// Paste the firewall's current rules; see which required openings they let through, judged
/// as the firewall would (core's `coverage`).
#[component]
pub fn CoverageView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (text, set_text) = signal(String::new());
    let (checked, set_checked) = signal(false);
    let result = move || {
        if !checked.get() {
            return None;
        }
        let firewall = parse_rules(&text.get());
        let rows = state.plan.with(|plan| check_coverage(&plan.firewall_rules(), &plan.addresses, &firewall));
        let count = |coverage: Coverage| rows.iter().filter(|row| row.coverage == coverage).count();
        let (covered, unknown, total) = (count(Coverage::Covered), count(Coverage::Unknown), rows.len());
        let rows_view = rows
            .into_iter()
            .map(|row| {
                let (label, class) = match row.coverage {
                    Coverage::Covered => ("covered", "verdict-pass"),
                    Coverage::Partial => ("partly covered", "verdict-warning"),
                    Coverage::Missing => ("missing", "verdict-fail"),
                    Coverage::Unknown => ("unknown", "verdict-needs-confirmation"),
                };
                let lines = row.lines.iter().map(usize::to_string).collect::<Vec<_>>().join(" ");
                view! {
                    <tr class=class data-coverage-rule=row.rule data-coverage-service=row.service.to_string()
                        data-coverage=row.coverage.slug() data-lines=lines>
                        <td>{row.rule}</td><td>{row.service.to_string()}</td><td>{label}</td><td>{row.detail}</td>
                    </tr>
                }
            })
            .collect_view();
        let notes = firewall
            .judged()
            .into_iter()
            .chain(firewall.assumptions.iter().map(|assumption| format!("Assumed: {assumption}")))
            .map(|note| view! { <li>{note}</li> })
            .collect_view();
        let problems_view = firewall
            .problems
            .iter()
            .map(|problem| {
                view! { <li data-problem-line=problem.line>{format!("Line {}: {} — {}", problem.line, problem.problem, problem.text)}</li> }
            })
            .collect_view();
        Some(view! {
            <p data-testid="coverage-summary" data-covered=covered data-unknown=unknown data-total=total
                data-syntax=firewall.syntax.label()>
                {format!("Read as {}. {covered} of {total} required openings are covered", firewall.syntax.label())}
                {(unknown > 0).then(|| format!("; {unknown} cannot be judged from this text"))}"."
            </p>
            <ul class="coverage-notes">{notes}</ul>
            <table class="coverage"><thead><tr><th>"Rule"</th><th>"Opening"</th><th>"Coverage"</th><th>"Why"</th></tr></thead>
                <tbody>{rows_view}</tbody></table>
            <ul class="unreadable" role="status">{problems_view}</ul>
        })
    };
    view! {
        <label class="field wide" for="current-rules">
            <span>"Your firewall's current rules: nft list ruleset, iptables-save, a Cisco ASA running-config, or CSV with an action column"</span>
            <textarea id="current-rules" rows="8" spellcheck="false" prop:value=move || text.get()
                on:input=move |event| { set_text.set(event_target_value(&event)); set_checked.set(false); }></textarea>
        </label>
        <p><button type="button" data-testid="check-coverage" on:click=move |_| set_checked.set(true)>"Check coverage"</button></p>
        <div aria-live="polite">{result}</div>
    }
}
