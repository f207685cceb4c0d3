use leptos::prelude::*;
use sitecheck_core::catalogue::{catalogue_file_name, catalogue_json};
use wasm_bindgen::{JsCast, JsValue};

/// Saves `contents` as a file the browser downloads, without any server.
fn save_file(name: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|window| window.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Offers the whole catalogue as JSON, the same file `sitecheck catalogue --json` prints.
#[component]
pub fn CatalogueDownload() -> impl IntoView {
    let (error, set_error) = signal(None::<String>);
    let download = move |_| {
        let result = save_file(&catalogue_file_name(), "application/json", &catalogue_json());
        set_error.set(result.err().map(|error| format!("The download failed: {error:?}")));
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
