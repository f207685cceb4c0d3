use crate::state::AppState;
use leptos::prelude::*;
use sitecheck_app::language::{current, tr};
use sitecheck_core::interface::links as words;

/// Problems with storage or links, and the question a link asks before it replaces answers.
#[component]
pub fn Messages() -> impl IntoView {
    let state = expect_context::<AppState>();
    let locale = current();
    let messages = move || {
        state
            .messages
            .get()
            .into_iter()
            .map(|message| view! { <p role="alert" class="error message">{move || message.get(locale.get()).to_owned()}</p> })
            .collect_view()
    };
    let prompt = move || {
        state.incoming.get().map(|shared| {
            let purpose = shared.purpose;
            view! {
                <div class="prompt" role="alertdialog" aria-labelledby="prompt-text" data-testid="link-prompt">
                    <p id="prompt-text">
                        {move || words::carries(locale.get(), purpose.carries_in(locale.get()))}
                    </p>
                    <button type="button" data-testid="link-replace" on:click=move |_| state.apply(shared.clone())>
                        {tr(words::REPLACE)}
                    </button>
                    " "
                    <button type="button" data-testid="link-keep" on:click=move |_| state.decline()>
                        {tr(words::KEEP)}
                    </button>
                </div>
            }
        })
    };
    let opened = move || {
        state.opened_purpose.get().map(|purpose| {
            view! { <p class="notice" data-testid="link-opened">{move || purpose.opened_in(locale.get())}</p> }
        })
    };
    view! { {messages} {prompt} {opened} }
}
