use crate::files::save_file;
use leptos::prelude::*;
use sitecheck_core::catalogue::{catalogue_file_name, catalogue_json};

/// Offers the whole catalogue as JSON, the same file `sitecheck catalogue --json` prints.
#[component]
pub fn CatalogueDownload() -> impl IntoView {
    let (error, set_error) = signal(None::<String>);
    let download = move |_| {
        set_error.set(
            catalogue_json()
                .map_err(|error| format!("The catalogue could not be written: {error}"))
                .and_then(|json| save_file(&catalogue_file_name(), "application/json", &json))
                .err(),
        )
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
