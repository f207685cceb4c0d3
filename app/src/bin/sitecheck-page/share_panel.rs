use crate::state::{AppState, page_url};
use leptos::prelude::*;
use sitecheck_app::language::{current, tr};
use sitecheck_core::interface::share as words;
use sitecheck_core::link::{LinkPurpose, Shared, encode_link};

/// Links that carry the plan to a customer, or a customer's answers and results back.
#[component]
pub fn SharePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let locale = current();
    let (link, set_link) = signal(String::new());
    // A link carries the language it was made in: a switch takes the old one away.
    Effect::new(move |previous: Option<sitecheck_core::locale::Locale>| {
        let now = locale.get();
        if previous.is_some_and(|previous| previous != now) {
            set_link.set(String::new());
        }
        now
    });
    let make = move |purpose: LinkPurpose| {
        let mut shared = state.plan.with(|plan| {
            state.confirmations.with(|confirmations| {
                state.findings.with(|findings| Shared::for_purpose(purpose, plan, confirmations, findings))
            })
        });
        // The reader's page opens in the language this one is in.
        shared.lang = Some(locale.get_untracked());
        set_link.set(format!("{}#{}", page_url(), encode_link(&shared)));
    };
    view! {
        <p>
            <button type="button" data-testid="share-prefill" on:click=move |_| make(LinkPurpose::Prefill)>
                {tr(words::PREFILL)}
            </button>
            " "
            <button type="button" data-testid="share-results" on:click=move |_| make(LinkPurpose::Results)>
                {tr(words::RESULTS)}
            </button>
        </p>
        {move || (!link.get().is_empty()).then(|| view! {
            <label class="field wide" for="share-link">
                <span>{move || words::copy(locale.get(), link.get().len())}</span>
                <input type="text" id="share-link" readonly data-testid="share-link" prop:value=move || link.get()
                    on:focus=move |event| {
                        use wasm_bindgen::JsCast;
                        if let Some(input) = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            input.select();
                        }
                    } />
            </label>
        })}
    }
}
