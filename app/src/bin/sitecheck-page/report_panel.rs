use crate::files::save_file;
use crate::state::AppState;
use leptos::prelude::*;
use sitecheck_app::language::{current, tr};
use sitecheck_core::interface::share as words;
use sitecheck_core::report::{report, report_json, report_markdown};

/// The report: printed (one section per A4 page), or as Markdown or JSON.
#[component]
pub fn ReportPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let locale = current();
    let (error, set_error) = signal(None::<sitecheck_core::locale::Bilingual>);
    let save = move |markdown: bool| {
        let (plan, groups) = (state.plan.get(), state.checklist.get());
        let report = report(&plan, &groups, state.today, locale.get_untracked());
        let result = if markdown {
            save_file(
                &format!("touchpoint-plus-site-report-{}.md", state.today),
                "text/markdown",
                &report_markdown(&report),
            )
        } else {
            report_json(&report)
                .map_err(|error| {
                    let error = error.to_string();
                    let said = |locale| words::not_written(locale, &error);
                    sitecheck_core::locale::Bilingual::each(said)
                })
                .and_then(|json| {
                    save_file(&format!("touchpoint-plus-site-report-{}.json", state.today), "application/json", &json)
                })
        };
        set_error.set(result.err());
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <p class="downloads">
            <button type="button" data-testid="print" on:click=print>{tr(words::PRINT)}</button>
            " "
            <button type="button" data-testid="report-markdown" on:click=move |_| save(true)>{tr(words::MARKDOWN)}</button>
            " "
            <button type="button" data-testid="report-json" on:click=move |_| save(false)>{tr(words::JSON)}</button>
            {move || error.get().map(|message| view! { <span role="alert" class="error">{message.get(locale.get()).to_owned()}</span> })}
        </p>
    }
}
