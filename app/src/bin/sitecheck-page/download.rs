use crate::files::download;
use leptos::prelude::*;
use sitecheck_app::language::tr;
use sitecheck_core::catalogue::{CATALOGUE_FILE, catalogue_file_name};
use sitecheck_core::interface::catalogue as words;

/// Offers the whole catalogue as JSON, the same file `sitecheck catalogue --json` prints. The
/// build writes it beside the page (serialising it here cost the first load about 5 KB), so
/// the link is relative and works under any sub-path, offline as online.
#[component]
pub fn CatalogueDownload() -> impl IntoView {
    let locale = sitecheck_app::language::current();
    let (error, set_error) = signal(None::<sitecheck_core::locale::Bilingual>);
    let save = move |_| set_error.set(download(&format!("./{CATALOGUE_FILE}"), &catalogue_file_name()).err());
    view! {
        <p class="downloads">
            <button type="button" on:click=save data-testid="download-catalogue">
                {tr(words::DOWNLOAD)}
            </button>
            {move || error.get().map(|message| view! { <span role="alert" class="error">{message.get(locale.get()).to_owned()}</span> })}
        </p>
    }
}
