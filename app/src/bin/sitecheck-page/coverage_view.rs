use crate::state::AppState;
use crate::worker;
use leptos::prelude::*;
use sitecheck_core::coverage::{Coverage, CoverageReport, CoverageRequest, Interfaces};
use sitecheck_core::job::Outcome;

/// Paste the firewall's current rules; see which required openings they let through, judged
/// as the firewall would. The judging runs in a worker (core's `coverage::report`).
#[component]
pub fn CoverageView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (text, set_text) = signal(String::new());
    let (inside, set_inside) = signal(String::new());
    let (outside, set_outside) = signal(String::new());
    let (checked, set_checked) = signal(false);
    let result = RwSignal::new(None::<Result<CoverageReport, String>>);
    let checking = RwSignal::new(false);
    // Checked rules follow the plan: a changed plan is checked again.
    Effect::new(move |_| {
        if !checked.get() {
            return;
        }
        let interfaces = Interfaces::parse(&inside.get_untracked(), &outside.get_untracked());
        let request = CoverageRequest { plan: state.plan.get(), text: text.get_untracked(), interfaces };
        checking.set(true);
        worker::ask(&request, move |answer| {
            checking.set(false);
            result.set(Some(answer.and_then(|outcome| match outcome {
                Outcome::Coverage(report) => Ok(report),
                #[allow(unreachable_patterns)]
                _ => Err("the checker answered another question".to_owned()),
            })));
        });
    });
    let shown = move || {
        if !checked.get() {
            return None;
        }
        let report = match result.get()? {
            Ok(report) => report,
            Err(message) => {
                return Some(
                    view! { <p role="alert" class="error" data-testid="coverage-error">{message}</p> }.into_any(),
                );
            }
        };
        let (covered, unknown, total) =
            (report.count(Coverage::Covered), report.count(Coverage::Unknown), report.rows.len());
        let rows_view = report
            .rows
            .iter()
            .map(|row| {
                let (label, class) = (row.coverage.label(), format!("verdict-{}", row.coverage.verdict().slug()));
                let lines = row.lines.iter().map(usize::to_string).collect::<Vec<_>>().join(" ");
                view! {
                    <tr class=class data-coverage-rule=row.rule.clone() data-coverage-service=row.service.clone()
                        data-coverage=row.coverage.slug() data-lines=lines>
                        <td>{row.rule.clone()}</td><td>{row.service.clone()}</td><td>{label}</td><td>{row.detail.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        let notes = report
            .judged
            .iter()
            .cloned()
            .chain(report.assumptions.iter().map(|assumption| format!("Assumed: {assumption}")))
            .map(|note| view! { <li>{note}</li> })
            .collect_view();
        let problems_view = report
            .unreadable
            .iter()
            .map(|problem| {
                view! { <li data-problem-line=problem.line>{format!("Line {}: {} — {}", problem.line, problem.problem, problem.text)}</li> }
            })
            .collect_view();
        let syntax = report.syntax.label();
        Some(view! {
            <p data-testid="coverage-summary" data-covered=covered data-unknown=unknown data-total=total data-syntax=syntax>
                {format!("Read as {syntax}. {covered} of {total} required openings are covered")}
                {(unknown > 0).then(|| format!("; {unknown} cannot be judged from this text"))}"."
            </p>
            <ul class="coverage-notes">{notes}</ul>
            <table class="coverage"><thead><tr><th>"Rule"</th><th>"Opening"</th><th>"Coverage"</th><th>"Why"</th></tr></thead>
                <tbody>{rows_view}</tbody></table>
            <ul class="unreadable">{problems_view}</ul>
        }.into_any())
    };
    view! {
        <label class="field wide" for="current-rules">
            <span>"Your firewall's current rules: nft list ruleset, iptables-save, a Cisco ASA running-config, or CSV with an action column"</span>
            <textarea id="current-rules" rows="8" spellcheck="false" prop:value=move || text.get()
                on:input=move |event| {
                    // Only a real change makes the result stale (some input events repeat the text).
                    let typed = event_target_value(&event);
                    if typed != text.get_untracked() {
                        set_text.set(typed);
                        set_checked.set(false);
                        result.set(None);
                    }
                }></textarea>
        </label>
        <p class="interfaces">
            <label class="field" for="inside-interfaces">
                <span>"Interfaces towards the customer's network (for rules on interfaces)"</span>
                <input type="text" id="inside-interfaces" spellcheck="false" placeholder="e.g. lan0, eth1"
                    prop:value=move || inside.get()
                    on:input=move |event| { set_inside.set(event_target_value(&event)); set_checked.set(false); result.set(None); } />
            </label>
            <label class="field" for="outside-interfaces">
                <span>"Interfaces towards the Internet"</span>
                <input type="text" id="outside-interfaces" spellcheck="false" placeholder="e.g. wan0, eth0"
                    prop:value=move || outside.get()
                    on:input=move |event| { set_outside.set(event_target_value(&event)); set_checked.set(false); result.set(None); } />
            </label>
        </p>
        <p><button type="button" data-testid="check-coverage" on:click=move |_| set_checked.set(true)>"Check coverage"</button></p>
        <div aria-live="polite" aria-busy=move || checking.get().to_string()>
            {move || (checked.get() && checking.get()).then(|| view! { <p class="hint">"Checking…"</p> })}
            {shown}
        </div>
    }
}
