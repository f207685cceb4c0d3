use crate::address_field::AddressField;
use crate::number_field::NumberField;
use crate::state::AppState;
use leptos::prelude::*;
use sitecheck_core::condition::AccessPath;
use sitecheck_core::plan::{Calendar, CustomerAddresses, Plan, SkypeIntegration};

fn count(
    state: AppState,
    label: &'static str,
    id: &'static str,
    get: fn(&Plan) -> u32,
    set: fn(&mut Plan, u32),
) -> impl IntoView {
    let value = Signal::derive(move || u64::from(state.plan.with(get)));
    let on_change = Callback::new(move |number: u64| state.plan.update(|plan| set(plan, number as u32)));
    view! { <NumberField label=label id=id value=value on_change=on_change /> }
}

fn flag(
    state: AppState,
    label: &'static str,
    id: &'static str,
    get: fn(&Plan) -> bool,
    set: fn(&mut Plan, bool),
) -> impl IntoView {
    view! {
        <label class="check" for=id>
            <input
                type="checkbox"
                id=id
                prop:checked=move || state.plan.with(get)
                on:change=move |event| {
                    let checked = event_target_checked(&event);
                    state.plan.update(|plan| set(plan, checked));
                }
            />
            {label}
        </label>
    }
}

fn address(
    state: AppState,
    label: &'static str,
    id: &'static str,
    get: fn(&CustomerAddresses) -> Option<ipnet::Ipv4Net>,
    set: fn(&mut CustomerAddresses, Option<ipnet::Ipv4Net>),
) -> impl IntoView {
    let value = Signal::derive(move || state.plan.with(|plan| get(&plan.addresses)));
    let on_change = Callback::new(move |network| state.plan.update(|plan| set(&mut plan.addresses, network)));
    view! { <AddressField label=label id=id value=value on_change=on_change /> }
}

/// The site plan: access path, users per endpoint type, add-ons. Everything else follows it.
#[component]
pub fn PlanForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let busy = Signal::derive(move || u64::from(state.plan.with(|plan| plan.busy_percent)));
    let on_busy = Callback::new(move |percent: u64| state.plan.update(|plan| plan.busy_percent = percent as u8));
    let uplink = Signal::derive(move || state.plan.with(|plan| plan.uplink_kbps.unwrap_or(0)));
    let on_uplink =
        Callback::new(move |kbps: u64| state.plan.update(|plan| plan.uplink_kbps = (kbps > 0).then_some(kbps)));
    let problems = move || {
        state
            .plan
            .with(Plan::problems)
            .into_iter()
            .map(|problem| view! { <li>{problem.to_string()}</li> })
            .collect_view()
    };
    view! {
        <form class="plan" on:submit=|event| event.prevent_default() data-testid="plan-form">
            <fieldset>
                <legend>"Access to the platform"</legend>
                <label class="check">
                    <input type="radio" name="access" id="access-internet"
                        prop:checked=move || state.plan.with(|plan| plan.access == AccessPath::Internet)
                        on:change=move |_| state.plan.update(|plan| plan.access = AccessPath::Internet) />
                    "Internet"
                </label>
                <label class="check">
                    <input type="radio" name="access" id="access-datanet"
                        prop:checked=move || state.plan.with(|plan| plan.access == AccessPath::DataNet)
                        on:change=move |_| state.plan.update(|plan| plan.access = AccessPath::DataNet) />
                    "Telia DataNet"
                </label>
            </fieldset>
            <fieldset>
                <legend>"Users and devices"</legend>
                {count(state, "Softphone users on Windows PCs", "softphone-pc", |plan| plan.softphone_pc_users, |plan, n| plan.softphone_pc_users = n)}
                {count(state, "Softphone users on Macs", "softphone-mac", |plan| plan.softphone_mac_users, |plan, n| plan.softphone_mac_users = n)}
                {count(state, "Contact-centre agents (softphone)", "agents", |plan| plan.agents, |plan, n| plan.agents = n)}
                {count(state, "Other users with the ACD or Attendant view", "acd-users", |plan| plan.acd_or_attendant_users, |plan, n| plan.acd_or_attendant_users = n)}
                {count(state, "Fixed IP phones", "ip-phones", |plan| plan.ip_phones, |plan, n| plan.ip_phones = n)}
                {flag(state, "The IP phones are Mitel (Aastra)", "mitel", |plan| plan.mitel_phones, |plan, on| plan.mitel_phones = on)}
                {count(state, "ATA analogue adapters", "ata", |plan| plan.ata_adapters, |plan, n| plan.ata_adapters = n)}
                {flag(state, "The adapters are Mediatrix", "mediatrix", |plan| plan.mediatrix_adapters, |plan, on| plan.mediatrix_adapters = on)}
                {count(state, "Users calling through S4B/Lync or Teams", "integrated", |plan| plan.integrated_users, |plan, n| plan.integrated_users = n)}
                {count(state, "Mobile app users", "mobile", |plan| plan.mobile_users, |plan, n| plan.mobile_users = n)}
                <NumberField label="Share of users in a call at once (%)" id="busy" value=busy on_change=on_busy max=100u64 />
            </fieldset>
            <fieldset>
                <legend>"Add-ons"</legend>
                <label class="field" for="calendar">
                    <span>"Calendar integration"</span>
                    <select id="calendar"
                        prop:value=move || match state.plan.with(|plan| plan.calendar) {
                            Calendar::None => "none",
                            Calendar::ExchangeOnline => "online",
                            Calendar::ExchangeOnPremise => "on-premise",
                        }
                        on:change=move |event| {
                            let calendar = match event_target_value(&event).as_str() {
                                "online" => Calendar::ExchangeOnline,
                                "on-premise" => Calendar::ExchangeOnPremise,
                                _ => Calendar::None,
                            };
                            state.plan.update(|plan| plan.calendar = calendar);
                        }>
                        <option value="none">"None"</option>
                        <option value="online">"Exchange Online (Office 365)"</option>
                        <option value="on-premise">"Exchange on premise"</option>
                    </select>
                </label>
                {count(state, "Users with calendar integration", "calendar-users", |plan| plan.calendar_users, |plan, n| plan.calendar_users = n)}
                <label class="field" for="skype">
                    <span>"Skype for Business / Lync integration"</span>
                    <select id="skype"
                        prop:value=move || match state.plan.with(|plan| plan.skype) {
                            SkypeIntegration::None => "none",
                            SkypeIntegration::PresenceOnly => "presence",
                            SkypeIntegration::PresenceAndVoice => "voice",
                        }
                        on:change=move |event| {
                            let level = match event_target_value(&event).as_str() {
                                "presence" => SkypeIntegration::PresenceOnly,
                                "voice" => SkypeIntegration::PresenceAndVoice,
                                _ => SkypeIntegration::None,
                            };
                            state.plan.update(|plan| plan.skype = level);
                        }>
                        <option value="none">"None"</option>
                        <option value="presence">"Presence only"</option>
                        <option value="voice">"Presence & Voice"</option>
                    </select>
                </label>
                {count(state, "S4B/Lync users", "skype-users", |plan| plan.skype_users, |plan, n| plan.skype_users = n)}
                {flag(state, "Teams integration", "teams", |plan| plan.teams, |plan, on| plan.teams = on)}
                {flag(state, "Advanced Attendant", "attendant", |plan| plan.advanced_attendant, |plan, on| plan.advanced_attendant = on)}
                {flag(state, "AD integration", "ad", |plan| plan.ad_integration, |plan, on| plan.ad_integration = on)}
                {flag(state, "Call recording", "recording", |plan| plan.call_recording, |plan, on| plan.call_recording = on)}
            </fieldset>
            <fieldset>
                <legend>"Network (optional)"</legend>
                <NumberField label="Uplink of the site (kbit/s)" id="uplink" value=uplink on_change=on_uplink
                    hint="Leave empty if unknown; the bandwidth is compared with it." />
                {address(state, "Customer network", "address-network", |a| a.network, |a, n| a.network = n)}
                {address(state, "Exchange EWS server", "address-ews", |a| a.exchange_ews, |a, n| a.exchange_ews = n)}
                {address(state, "S4B/Lync Front End servers", "address-front-end", |a| a.s4b_front_end, |a, n| a.s4b_front_end = n)}
                {address(state, "S4B/Lync Mediation servers", "address-mediation", |a| a.s4b_mediation, |a, n| a.s4b_mediation = n)}
                {address(state, "AD upload/download servers", "address-ad", |a| a.ad_sync, |a, n| a.ad_sync = n)}
            </fieldset>
            <ul class="plan-problems" role="status" data-testid="plan-problems">{problems}</ul>
        </form>
    }
}
