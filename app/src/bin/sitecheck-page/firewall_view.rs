use crate::files::save_file;
use crate::state::AppState;
use crate::worker;
use leptos::prelude::*;
use sitecheck_core::export::{ExportRequest, NftChain, RuleFormat, resolve};
use sitecheck_core::job::Outcome;

/// The openings the plan needs, as a table and as files for each kind of firewall.
#[component]
pub fn FirewallView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (error, set_error) = signal(None::<String>);
    // The chain the nftables add-rules file appends to; a bad name keeps the last good one.
    let (chain_text, set_chain_text) = signal(NftChain::default().to_string());
    let (chain, set_chain) = signal(NftChain::default());
    let (chain_problem, set_chain_problem) = signal(None::<String>);
    let rows = move || {
        let plan = state.plan.get();
        plan.firewall_rules()
            .into_iter()
            .map(|rule| {
                let services: Vec<String> = rule.services.iter().map(ToString::to_string).collect();
                let direction = rule.direction.label();
                view! {
                    <tr data-rule=rule.id>
                        <td>{rule.id}</td>
                        <td>{direction}</td>
                        <td>{resolve(&rule.source, &plan.addresses).name}</td>
                        <td>{resolve(&rule.destination, &plan.addresses).name}</td>
                        <td>{services.join(", ")}</td>
                        <td>{rule.comment}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let buttons = RuleFormat::ALL
        .into_iter()
        .map(|format| {
            // The file is made in the worker: the exports' code is not part of the first load.
            let download = move |_| {
                let request = ExportRequest {
                    plan: state.plan.get_untracked(),
                    format: format.name().to_owned(),
                    nft_chain: chain.get_untracked().to_string(),
                };
                worker::ask(&request, move |answer| {
                    set_error.set(match answer {
                        Ok(Outcome::Export(Ok(text))) => save_file(format.file_name(), format.mime(), &text).err(),
                        Ok(Outcome::Export(Err(problem))) => Some(format!("The file could not be made: {problem}")),
                        Ok(_) => Some("The checker answered another question".to_owned()),
                        Err(message) => Some(message),
                    });
                });
            };
            view! { <button type="button" data-export=format.name() on:click=download>{format.label()}</button> " " }
        })
        .collect_view();
    view! {
        <table class="rules" data-testid="rules">
            <thead><tr><th>"Rule"</th><th>"Direction"</th><th>"Source"</th><th>"Destination"</th><th>"Protocol and port"</th><th>"Comment"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <label class="field nft-chain no-print" for="nft-chain">
            <span>"nftables chain for the rules to add (family, table, chain)"</span>
            <input type="text" id="nft-chain" spellcheck="false" prop:value=move || chain_text.get()
                aria-invalid=move || chain_problem.get().is_some().to_string()
                on:input=move |event| {
                    let typed = event_target_value(&event);
                    set_chain_text.set(typed.clone());
                    match typed.parse::<NftChain>() {
                        Ok(parsed) => { set_chain.set(parsed); set_chain_problem.set(None); }
                        Err(problem) => set_chain_problem.set(Some(format!("{problem}; the file uses {} until then.", chain.get_untracked()))),
                    }
                } />
            <small class="field-error" role="status">{move || chain_problem.get()}</small>
        </label>
        <p class="downloads">"Download: " {buttons}
            {move || error.get().map(|message| view! { <span role="alert" class="error">{message}</span> })}
        </p>
    }
}
