//! What the page keeps in localStorage: the plan and the confirmations, in the share-link
//! format (one codec, already tested for round trips and damage). A saved value that cannot be
//! read is set aside under a second key rather than overwritten, so nothing a person entered
//! is lost.

use sitecheck_core::interface::storage as words;
use sitecheck_core::link::{Shared, decode_link};
use sitecheck_core::locale::Bilingual;

pub const SAVED_KEY: &str = "sitecheck.saved";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What was saved (`None`: nothing yet), and a message when it could not be read.
pub struct Loaded {
    pub saved: Option<Shared>,
    pub problem: Option<Bilingual>,
}

pub fn load() -> Loaded {
    let Some(storage) = local_storage() else {
        return Loaded { saved: None, problem: Some(words::NOT_KEPT.into()) };
    };
    match storage.get_item(SAVED_KEY).ok().flatten() {
        None => Loaded { saved: None, problem: None },
        Some(text) => match decode_link(&text) {
            Ok(saved) => Loaded { saved: Some(saved), problem: None },
            Err(error) => {
                let backup = format!("{SAVED_KEY}.unreadable");
                let kept = storage.set_item(&backup, &text).is_ok();
                Loaded { saved: None, problem: Some(words::unreadable(&error, kept.then_some(backup.as_str()))) }
            }
        },
    }
}

/// Saves; returns a message when the browser refuses (private mode, full storage).
pub fn save(text: &str) -> Option<Bilingual> {
    match local_storage().map(|storage| storage.set_item(SAVED_KEY, text)) {
        Some(Ok(())) => None,
        _ => Some(words::NOT_SAVED.into()),
    }
}
