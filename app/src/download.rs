use leptos::prelude::*;
use sitecheck_core::catalogue::{CATALOGUE_FILE, catalogue_file_name};
use wasm_bindgen::JsCast;

/// Offers the whole catalogue as JSON, the same file `sitecheck catalogue --json` prints. The
/// build writes it beside the page (serialising it here cost the first load about 5 KB), so
/// the link is relative and works under any sub-path, offline as online.
#[component]
pub fn CatalogueDownload() -> impl IntoView {
    let (error, set_error) = signal(None::<String>);
    let download = move |_| {
        let attempt = || -> Result<(), wasm_bindgen::JsValue> {
            let document = web_sys::window().and_then(|window| window.document()).ok_or("no document")?;
            let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
            link.set_href(&format!("./{CATALOGUE_FILE}"));
            link.set_download(&catalogue_file_name());
            link.click();
            Ok(())
        };
        set_error.set(attempt().err().map(|error| {
            format!("The download failed: {}", error.as_string().unwrap_or_else(|| format!("{error:?}")))
        }));
    };
    view! {
        <p class="downloads">
            <button type="button" on:click=download data-testid="download-catalogue">
                "Download the catalogue (JSON)"
            </button>
            {move || error.get().map(|message| view! { <span role="alert" class="error">{message}</span> })}
        </p>
    }
}
