use crate::state::AppState;
use leptos::prelude::*;

/// Problems with storage or links, and the question a link asks before it replaces answers.
#[component]
pub fn Messages() -> impl IntoView {
    let state = expect_context::<AppState>();
    let messages = move || {
        state
            .messages
            .get()
            .into_iter()
            .map(|message| view! { <p role="alert" class="error message">{message}</p> })
            .collect_view()
    };
    let prompt = move || {
        state.incoming.get().map(|shared| {
            let kind = shared.purpose.carries();
            view! {
                <div class="prompt" role="alertdialog" aria-labelledby="prompt-text" data-testid="link-prompt">
                    <p id="prompt-text">
                        {format!("This link carries {kind}. Opening it replaces the plan and answers saved in this browser.")}
                    </p>
                    <button type="button" data-testid="link-replace" on:click=move |_| state.apply(shared.clone())>
                        "Replace my answers with the link's"
                    </button>
                    " "
                    <button type="button" data-testid="link-keep" on:click=move |_| state.decline()>
                        "Keep my answers"
                    </button>
                </div>
            }
        })
    };
    let opened = move || {
        state.opened_purpose.get().map(|purpose| {
            let text = purpose.opened();
            view! { <p class="notice" data-testid="link-opened">{text}</p> }
        })
    };
    view! { {messages} {prompt} {opened} }
}
