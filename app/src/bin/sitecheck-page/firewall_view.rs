use crate::files::save_file;
use crate::state::AppState;
use crate::worker;
use leptos::prelude::*;
use sitecheck_app::language::{current, tr};
use sitecheck_core::export::{ExportRequest, NftChain, RuleFormat, resolve};
use sitecheck_core::interface::firewall as words;
use sitecheck_core::job::Outcome;
use sitecheck_core::locale::Bilingual;

/// The openings the plan needs, as a table and as files for each kind of firewall.
#[component]
pub fn FirewallView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let locale = current();
    let (error, set_error) = signal(None::<Bilingual>);
    // The chain the nftables add-rules file appends to; a bad name keeps the last good one.
    let (chain_text, set_chain_text) = signal(NftChain::default().to_string());
    let (chain, set_chain) = signal(NftChain::default());
    let (chain_problem, set_chain_problem) = signal(None::<Bilingual>);
    let rows = move || {
        let plan = state.plan.get();
        plan.firewall_rules()
            .into_iter()
            .map(|rule| {
                let services: Vec<String> = rule.services.iter().map(ToString::to_string).collect();
                let direction = rule.direction.label_in(locale.get());
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
                        // The browser's own message (a download refused) is in its words.
                        Ok(Outcome::Export(Ok(text))) => save_file(format.file_name(), format.mime(), &text).err(),
                        Ok(Outcome::Export(Err(problem))) => Some(Bilingual::each(|locale| words::not_made(locale, &problem))),
                        Ok(_) => Some(words::OTHER_ANSWER.into()),
                        Err(message) => Some(message),
                    });
                });
            };
            view! { <button type="button" data-export=format.name() on:click=download>{move || format.label_in(locale.get())}</button> " " }
        })
        .collect_view();
    view! {
        <table class="rules" data-testid="rules">
            <thead><tr><th>{tr(words::RULE)}</th><th>{tr(words::DIRECTION)}</th><th>{tr(words::SOURCE)}</th><th>{tr(words::DESTINATION)}</th><th>{tr(words::SERVICE)}</th><th>{tr(words::COMMENT)}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        {move || (!words::AS_PRINTED.get(locale.get()).is_empty()).then(|| view! { <p class="hint" lang="sv">{words::AS_PRINTED.sv}</p> })}
        <label class="field nft-chain no-print" for="nft-chain">
            <span>{tr(words::NFT_CHAIN)}</span>
            <input type="text" id="nft-chain" spellcheck="false" prop:value=move || chain_text.get()
                aria-invalid=move || chain_problem.get().is_some().to_string()
                on:input=move |event| {
                    let typed = event_target_value(&event);
                    set_chain_text.set(typed.clone());
                    match typed.parse::<NftChain>() {
                        Ok(parsed) => { set_chain.set(parsed); set_chain_problem.set(None); }
                        Err(problem) => {
                            let kept = chain.get_untracked().to_string();
                            let said = |locale| words::chain_kept(locale, &problem.message_in(locale), &kept);
                            set_chain_problem.set(Some(Bilingual::each(said)));
                        }
                    }
                } />
            <small class="field-error" role="status">{move || chain_problem.get().map(|problem| problem.get(locale.get()).to_owned())}</small>
        </label>
        <p class="downloads">{tr(words::DOWNLOAD)} " " {buttons}
            {move || error.get().map(|message| view! { <span role="alert" class="error">{message.get(locale.get()).to_owned()}</span> })}
        </p>
    }
}
