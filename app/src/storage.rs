//! Confirmations kept in localStorage. A saved value that cannot be read is set aside under a
//! second key rather than overwritten, so nothing a person entered is lost.

use sitecheck_core::confirmation::Confirmations;

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved confirmations, and a message when they could not be read or stored.
pub struct Loaded {
    pub confirmations: Confirmations,
    pub problem: Option<String>,
}

pub fn load_confirmations() -> Loaded {
    let Some(storage) = local_storage() else {
        return Loaded {
            confirmations: Confirmations::new(),
            problem: Some(
                "This browser does not let the page keep data: confirmations last until the page is closed.".into(),
            ),
        };
    };
    let saved = storage.get_item(Confirmations::STORAGE_KEY).ok().flatten();
    match saved.as_deref().map(Confirmations::parse) {
        None => Loaded { confirmations: Confirmations::new(), problem: None },
        Some(Ok(confirmations)) => Loaded { confirmations, problem: None },
        Some(Err(error)) => {
            let backup = format!("{}.unreadable", Confirmations::STORAGE_KEY);
            let kept = saved.is_some_and(|text| storage.set_item(&backup, &text).is_ok());
            let where_kept = if kept { format!(" The saved text is kept under \"{backup}\".") } else { String::new() };
            Loaded {
                confirmations: Confirmations::new(),
                problem: Some(format!("Earlier confirmations could not be read: {error}.{where_kept}")),
            }
        }
    }
}

/// Saves; returns a message when the browser refuses (private mode, full storage).
pub fn save_confirmations(confirmations: &Confirmations) -> Option<String> {
    let result = local_storage().map(|storage| storage.set_item(Confirmations::STORAGE_KEY, &confirmations.to_json()));
    match result {
        Some(Ok(())) => None,
        _ => Some("The confirmation could not be saved in this browser; it lasts until the page is closed.".into()),
    }
}
