//! What the page keeps in localStorage: the plan and the confirmations. A saved value that
//! cannot be read is set aside under a second key rather than overwritten, so nothing a person
//! entered is lost.

use sitecheck_core::confirmation::Confirmations;
use sitecheck_core::plan::Plan;

pub const PLAN_KEY: &str = "sitecheck.plan";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A value read from storage, and a message when it could not be.
pub struct Loaded<T> {
    pub value: T,
    pub problem: Option<String>,
}

fn load<T>(key: &str, what: &str, parse: impl Fn(&str) -> Result<T, String>, empty: T) -> Loaded<T> {
    let Some(storage) = local_storage() else {
        return Loaded {
            value: empty,
            problem: Some(
                "This browser does not let the page keep data: answers last until the page is closed.".into(),
            ),
        };
    };
    match storage.get_item(key).ok().flatten() {
        None => Loaded { value: empty, problem: None },
        Some(text) => match parse(&text) {
            Ok(value) => Loaded { value, problem: None },
            Err(error) => {
                let backup = format!("{key}.unreadable");
                let kept = storage.set_item(&backup, &text).is_ok();
                let where_kept =
                    if kept { format!(" The saved text is kept under \"{backup}\".") } else { String::new() };
                Loaded {
                    value: empty,
                    problem: Some(format!("Earlier {what} could not be read: {error}.{where_kept}")),
                }
            }
        },
    }
}

pub fn load_confirmations() -> Loaded<Confirmations> {
    load(
        Confirmations::STORAGE_KEY,
        "confirmations",
        |text| Confirmations::parse(text).map_err(|error| error.to_string()),
        Confirmations::new(),
    )
}

pub fn load_plan() -> Loaded<Option<Plan>> {
    load(PLAN_KEY, "plan", |text| serde_json::from_str(text).map(Some).map_err(|error| error.to_string()), None)
}

/// Saves; returns a message when the browser refuses (private mode, full storage).
pub fn save(key: &str, text: &str) -> Option<String> {
    match local_storage().map(|storage| storage.set_item(key, text)) {
        Some(Ok(())) => None,
        _ => Some("Your answers could not be saved in this browser; they last until the page is closed.".into()),
    }
}

pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}
