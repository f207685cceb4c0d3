//! The smallest Leptos CSR page: one paragraph, and the mark `cargo xtask bench startup` reads,
//! set the way the app sets its first-verdict mark (right after a synchronous mount).

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| view! { <p data-bare="ready">"A bare Leptos page."</p> });
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark("bare-leptos-mounted");
    }
}
