//! The page's shared state: the plan, what people confirmed, what the browser found and what a
//! share link brought. Kept in localStorage as it changes.

use crate::reading;
use crate::storage;
use leptos::prelude::*;
use sitecheck_core::checklist::{ChecklistGroup, checklist};
use sitecheck_core::confirmation::Confirmations;
use sitecheck_core::link::{LinkPurpose, Shared, decode_link, encode_link, is_link_fragment};
use sitecheck_core::locale::{Bilingual, Locale};
use sitecheck_core::plan::Plan;
use sitecheck_core::requirement::RequirementId;
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
    pub shared_results: RwSignal<BTreeMap<RequirementId, Verdict>>,
    /// A link that would replace local answers, waiting for the person to decide.
    pub incoming: RwSignal<Option<Shared>>,
    /// Messages about storage and links, shown at the top.
    pub messages: RwSignal<Vec<Bilingual>>,
    /// What the last opened link was for.
    pub opened_purpose: RwSignal<Option<LinkPurpose>>,
    /// The plan's checklist from all of the above: one value for the page and the report.
    pub checklist: Memo<Vec<ChecklistGroup>>,
    pub today: Date,
    /// 2.8's release table: this build's until `config.json` brings a newer one.
    pub releases: RwSignal<sitecheck_core::policy::ReleaseTable>,
}

impl AppState {
    /// Loads what was kept, reads a share link from the address, and keeps both saved.
    pub fn start() -> AppState {
        let loaded = storage::load();
        let saved = loaded.saved.unwrap_or_default();
        let plan = RwSignal::new(saved.plan);
        let confirmations = RwSignal::new(saved.confirmations);
        let findings = RwSignal::new(Vec::new());
        let shared_results = RwSignal::new(BTreeMap::new());
        let opened_purpose = RwSignal::new(None::<LinkPurpose>);
        // Read in place, not cloned: the clones' code alone costs the first load kilobytes.
        let checklist = Memo::new(move |_| {
            let prefer_shared = opened_purpose.get().is_some_and(LinkPurpose::prefers_shared_results);
            plan.with(|plan| {
                findings.with(|findings| {
                    confirmations.with(|confirmations| {
                        shared_results.with(|results| checklist(plan, findings, confirmations, results, prefer_shared))
                    })
                })
            })
        });
        let state = AppState {
            plan,
            confirmations,
            findings,
            shared_results,
            incoming: RwSignal::new(None),
            messages: RwSignal::new(loaded.problem.into_iter().collect()),
            opened_purpose,
            checklist,
            today: reading::today(),
            releases: RwSignal::new(sitecheck_core::policy::ReleaseTable::builtin()),
        };
        state.read_link();
        // Saved in the share-link format: one codec for both. The first run writes what was
        // just loaded, so a page never holds answers that are not saved.
        Effect::new(move |_| {
            let saved = Shared {
                purpose: LinkPurpose::Prefill,
                plan: state.plan.get(),
                confirmations: state.confirmations.get(),
                results: BTreeMap::new(),
                lang: None,
            };
            state.report(storage::save(&encode_link(&saved)));
        });
        state
    }

    fn report(self, message: Option<Bilingual>) {
        if let Some(message) = message {
            self.messages.update(|messages| {
                if !messages.contains(&message) {
                    messages.push(message);
                }
            });
        }
    }

    fn read_link(self) {
        let hash = web_sys::window().and_then(|window| window.location().hash().ok()).unwrap_or_default();
        if !is_link_fragment(&hash) {
            return;
        }
        match decode_link(&hash) {
            Err(error) => {
                let (en, sv) = (error.message_in(Locale::En), error.message_in(Locale::Sv));
                self.report(Some(Bilingual::new(
                    sitecheck_core::interface::links::not_opened(Locale::En, &en),
                    sitecheck_core::interface::links::not_opened(Locale::Sv, &sv),
                )));
            }
            Ok(shared) => {
                let ask = self.plan.with_untracked(|plan| {
                    self.confirmations
                        .with_untracked(|confirmations| shared.must_ask_before_replacing(plan, confirmations))
                });
                if ask {
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
        if let Some(lang) = shared.lang {
            sitecheck_app::language::announce(lang, false);
        }
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

    /// Clears the plan and every answer; the save effect then stores the empty state.
    pub fn reset(self) {
        self.plan.set(Plan::default());
        self.confirmations.set(Confirmations::new());
        self.shared_results.set(BTreeMap::new());
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
