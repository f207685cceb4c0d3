use crate::files::save_file;
use crate::state::AppState;
use leptos::prelude::*;
use sitecheck_core::export::{RuleFormat, resolve};
use sitecheck_core::firewall::Direction;

/// The openings the plan needs, as a table and as files for five kinds of firewall.
#[component]
pub fn FirewallView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (error, set_error) = signal(None::<String>);
    let rows = move || {
        let plan = state.plan.get();
        plan.firewall_rules()
            .into_iter()
            .map(|rule| {
                let services: Vec<String> = rule.services.iter().map(ToString::to_string).collect();
                let direction = match rule.direction {
                    Direction::Outbound => "outbound",
                    Direction::Inbound => "inbound",
                };
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
            let download = move |_| {
                let text = state
                    .plan
                    .with(|plan| sitecheck_core::export::export(&plan.firewall_rules(), &plan.addresses, format));
                set_error.set(save_file(format.file_name(), format.mime(), &text).err());
            };
            view! { <button type="button" data-export=format.name() on:click=download>{format.label()}</button> " " }
        })
        .collect_view();
    view! {
        <table class="rules" data-testid="rules">
            <thead><tr><th>"Rule"</th><th>"Direction"</th><th>"Source"</th><th>"Destination"</th><th>"Protocol and port"</th><th>"Comment"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <p class="downloads">"Download: " {buttons}
            {move || error.get().map(|message| view! { <span role="alert" class="error">{message}</span> })}
        </p>
    }
}
