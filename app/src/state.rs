//! The page's shared state: the plan, what people confirmed, what the browser found and what a
//! share link brought. Kept in localStorage as it changes.

use crate::reading;
use crate::storage;
use leptos::prelude::*;
use sitecheck_core::confirmation::Confirmations;
use sitecheck_core::link::{LinkPurpose, Shared, decode_link};
use sitecheck_core::plan::Plan;
use sitecheck_core::units::Date;
use sitecheck_core::verdict::{Finding, Verdict};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy)]
pub struct AppState {
    pub plan: RwSignal<Plan>,
    pub confirmations: RwSignal<Confirmations>,
    /// The findings of this browser's checks, as the cards show them.
    pub findings: RwSignal<Vec<Finding>>,
    /// Verdicts a share link brought from another browser.
    pub shared_results: RwSignal<BTreeMap<String, Verdict>>,
    /// A link that would replace local answers, waiting for the person to decide.
    pub incoming: RwSignal<Option<Shared>>,
    /// Messages about storage and links, shown at the top.
    pub messages: RwSignal<Vec<String>>,
    /// What the last opened link was for.
    pub opened_purpose: RwSignal<Option<LinkPurpose>>,
    pub today: Date,
}

impl AppState {
    /// Loads what was kept, reads a share link from the address, and keeps both saved.
    pub fn start() -> AppState {
        let plan = storage::load_plan();
        let confirmations = storage::load_confirmations();
        let has_local = plan.value.is_some() || !confirmations.value.confirmed.is_empty();
        let messages: Vec<String> = [plan.problem, confirmations.problem].into_iter().flatten().collect();
        let state = AppState {
            plan: RwSignal::new(plan.value.unwrap_or_default()),
            confirmations: RwSignal::new(confirmations.value),
            findings: RwSignal::new(Vec::new()),
            shared_results: RwSignal::new(BTreeMap::new()),
            incoming: RwSignal::new(None),
            messages: RwSignal::new(messages),
            opened_purpose: RwSignal::new(None),
            today: reading::today(),
        };
        state.read_link(has_local);
        Effect::new(move |_| {
            let text = serde_json::to_string(&state.plan.get()).unwrap_or_default();
            state.report(storage::save(storage::PLAN_KEY, &text));
        });
        Effect::new(move |_| {
            let text = state.confirmations.with(Confirmations::to_json);
            state.report(storage::save(Confirmations::STORAGE_KEY, &text));
        });
        state
    }

    fn report(self, message: Option<String>) {
        if let Some(message) = message {
            self.messages.update(|messages| {
                if !messages.contains(&message) {
                    messages.push(message);
                }
            });
        }
    }

    fn read_link(self, has_local: bool) {
        let hash = web_sys::window().and_then(|window| window.location().hash().ok()).unwrap_or_default();
        if !hash.starts_with("#sc") {
            return;
        }
        match decode_link(&hash) {
            Err(error) => self.report(Some(format!("The link was not opened: {error}. Nothing was changed."))),
            Ok(shared) => {
                let same = self.plan.with_untracked(|plan| *plan == shared.plan)
                    && self
                        .confirmations
                        .with_untracked(|confirmations| confirmations.confirmed == shared.confirmations.confirmed);
                if has_local && !same {
                    self.incoming.set(Some(shared));
                } else {
                    self.apply(shared);
                }
            }
        }
    }

    /// Takes over what a link carries, and removes the link from the address so that a reload
    /// does not ask again.
    pub fn apply(self, shared: Shared) {
        self.opened_purpose.set(Some(shared.purpose));
        self.plan.set(shared.plan);
        self.confirmations.set(shared.confirmations);
        self.shared_results.set(shared.results);
        self.incoming.set(None);
        forget_link();
    }

    /// Keeps the local answers and drops the link.
    pub fn decline(self) {
        self.incoming.set(None);
        forget_link();
    }

    /// Clears the plan and every answer.
    pub fn reset(self) {
        self.plan.set(Plan::default());
        self.confirmations.set(Confirmations::new());
        self.shared_results.set(BTreeMap::new());
        storage::remove(storage::PLAN_KEY);
    }
}

fn forget_link() {
    let Some(window) = web_sys::window() else { return };
    let Ok(href) = window.location().href() else { return };
    let without = href.split('#').next().unwrap_or_default().to_owned();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&without));
    }
}

/// The URL of this page without any fragment, for share links.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default()
}
