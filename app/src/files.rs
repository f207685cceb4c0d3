//! Files the browser saves: made in the page, or built beside it. No server sees what is made.

use sitecheck_core::locale::Bilingual;
use wasm_bindgen::{JsCast, JsValue};

/// Saves `contents` as a download named `name`. Errors quote the browser's own words.
pub fn save_file(name: &str, mime: &str, contents: &str) -> Result<(), Bilingual> {
    let attempt = || -> Result<(), JsValue> {
        let parts = js_sys::Array::of1(&JsValue::from_str(contents));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        follow(&url, name)?;
        web_sys::Url::revoke_object_url(&url)
    };
    attempt().map_err(|error| failed(name, &error))
}

/// Downloads the file at `href` (relative to the page) under `name`.
pub fn download(href: &str, name: &str) -> Result<(), Bilingual> {
    follow(href, name).map_err(|error| failed(name, &error))
}

/// Clicks a download link to `href` the page makes for it.
fn follow(href: &str, name: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|window| window.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(href);
    link.set_download(name);
    link.click();
    Ok(())
}

fn failed(name: &str, error: &JsValue) -> Bilingual {
    let error = error.as_string().unwrap_or_else(|| format!("{error:?}"));
    let said = |locale| sitecheck_core::interface::files::download_failed(locale, name, &error);
    Bilingual::each(said)
}
