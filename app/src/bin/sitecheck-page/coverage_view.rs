use crate::state::AppState;
use crate::worker;
use leptos::prelude::*;
use sitecheck_app::language::tr;
use sitecheck_core::coverage::{Coverage, CoverageReport, CoverageRequest, Interfaces};
use sitecheck_core::interface::coverage as words;
use sitecheck_core::job::Outcome;
use sitecheck_core::locale::Bilingual;

/// Paste the firewall's current rules; see which required openings they let through, judged
/// as the firewall would. The judging runs in a worker (core's `coverage::report`), whose
/// report carries both languages: it is shown in the page's, and follows a switch.
#[component]
pub fn CoverageView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let locale = sitecheck_app::language::current();
    let (text, set_text) = signal(String::new());
    let (inside, set_inside) = signal(String::new());
    let (outside, set_outside) = signal(String::new());
    let (checked, set_checked) = signal(false);
    let result = RwSignal::new(None::<Result<CoverageReport, Bilingual>>);
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
                _ => Err(words::OTHER_ANSWER.into()),
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
                let message = move || message.get(locale.get()).to_owned();
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
                let (label, class) = (tr(row.coverage.text()), format!("verdict-{}", row.coverage.verdict().slug()));
                let lines = row.lines.iter().map(usize::to_string).collect::<Vec<_>>().join(" ");
                let detail = row.detail.clone();
                let detail = move || detail.get(locale.get()).to_owned();
                view! {
                    <tr class=class data-coverage-rule=row.rule.clone() data-coverage-service=row.service.clone()
                        data-coverage=row.coverage.slug() data-lines=lines>
                        <td>{row.rule.clone()}</td><td>{row.service.clone()}</td><td>{label}</td><td>{detail}</td>
                    </tr>
                }
            })
            .collect_view();
        let judged = report.judged.iter().cloned().map(|note| {
            let note = move || note.get(locale.get()).to_owned();
            view! { <li>{note}</li> }
        });
        let assumed = report.assumptions.iter().cloned().map(|assumption| {
            let note = move || words::assumed(locale.get(), assumption.get(locale.get()));
            view! { <li>{note}</li> }
        });
        let notes = judged.map(IntoAny::into_any).chain(assumed.map(IntoAny::into_any)).collect_view();
        let problems_view = report
            .unreadable
            .iter()
            .cloned()
            .map(|problem| {
                let line = problem.line;
                let said =
                    move || words::unreadable(locale.get(), line, problem.problem.get(locale.get()), &problem.text);
                view! { <li data-problem-line=line>{said}</li> }
            })
            .collect_view();
        let syntax = report.syntax.label();
        let summary = move || words::summary(locale.get(), syntax, covered, total, unknown);
        Some(view! {
            <p data-testid="coverage-summary" data-covered=covered data-unknown=unknown data-total=total data-syntax=syntax>
                {summary}
            </p>
            <ul class="coverage-notes">{notes}</ul>
            <table class="coverage"><thead><tr>
                    <th>{tr(words::RULE)}</th><th>{tr(words::OPENING)}</th><th>{tr(words::COVERAGE)}</th><th>{tr(words::WHY)}</th>
                </tr></thead>
                <tbody>{rows_view}</tbody></table>
            <ul class="unreadable">{problems_view}</ul>
        }.into_any())
    };
    view! {
        <label class="field wide" for="current-rules">
            <span>{tr(words::RULES)}</span>
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
                <span>{tr(words::INSIDE)}</span>
                <input type="text" id="inside-interfaces" spellcheck="false" placeholder=tr(words::EXAMPLE_INSIDE)
                    prop:value=move || inside.get()
                    on:input=move |event| { set_inside.set(event_target_value(&event)); set_checked.set(false); result.set(None); } />
            </label>
            <label class="field" for="outside-interfaces">
                <span>{tr(words::OUTSIDE)}</span>
                <input type="text" id="outside-interfaces" spellcheck="false" placeholder=tr(words::EXAMPLE_OUTSIDE)
                    prop:value=move || outside.get()
                    on:input=move |event| { set_outside.set(event_target_value(&event)); set_checked.set(false); result.set(None); } />
            </label>
        </p>
        <p><button type="button" data-testid="check-coverage" on:click=move |_| set_checked.set(true)>{tr(words::CHECK)}</button></p>
        <div aria-live="polite" aria-busy=move || checking.get().to_string()>
            {move || (checked.get() && checking.get()).then(|| view! { <p class="hint">{tr(words::CHECKING)}</p> })}
            {shown}
        </div>
    }
}
