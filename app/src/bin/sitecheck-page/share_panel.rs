use crate::state::{AppState, page_url};
use leptos::prelude::*;
use sitecheck_core::link::{LinkPurpose, Shared, encode_link};

/// Links that carry the plan to a customer, or a customer's answers and results back.
#[component]
pub fn SharePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (link, set_link) = signal(String::new());
    let make = move |purpose: LinkPurpose| {
        let shared = state.plan.with(|plan| {
            state.confirmations.with(|confirmations| {
                state.findings.with(|findings| Shared::for_purpose(purpose, plan, confirmations, findings))
            })
        });
        set_link.set(format!("{}#{}", page_url(), encode_link(&shared)));
    };
    view! {
        <p>
            <button type="button" data-testid="share-prefill" on:click=move |_| make(LinkPurpose::Prefill)>
                "Make a link with this plan for a customer"
            </button>
            " "
            <button type="button" data-testid="share-results" on:click=move |_| make(LinkPurpose::Results)>
                "Make a link that sends back my answers and results"
            </button>
        </p>
        {move || (!link.get().is_empty()).then(|| view! {
            <label class="field wide" for="share-link">
                <span>{format!("Copy this link ({} characters). It holds everything in the part after #, which browsers never send to a server.", link.get().len())}</span>
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
