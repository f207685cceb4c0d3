use crate::address_field::AddressField;
use crate::number_field::NumberField;
use crate::state::AppState;
use leptos::prelude::*;
use sitecheck_core::plan::Plan;
use sitecheck_core::plan::fields::{FieldGroup, FieldKind, PlanField, fields_in};
use sitecheck_core::units::{Bandwidth, Percent};

/// One field of `PLAN_FIELDS`, drawn as its kind asks.
fn field_view(state: AppState, field: &'static PlanField) -> AnyView {
    let (id, label) = (field.id, field.label);
    let hint = field.hint.unwrap_or_default();
    match field.kind {
        FieldKind::Count { get, set } => {
            let value = Signal::derive(move || u64::from(state.plan.with(get)));
            let on_change = Callback::new(move |number: u64| {
                state.plan.update(|plan| set(plan, u32::try_from(number).unwrap_or(u32::MAX)))
            });
            view! { <NumberField label=label id=id value=value on_change=on_change hint=hint /> }.into_any()
        }
        FieldKind::Percent { get, set } => {
            let value = Signal::derive(move || u64::from(state.plan.with(get).get()));
            let on_change = Callback::new(move |number: u64| {
                if let Some(percent) = u8::try_from(number).ok().and_then(Percent::new) {
                    state.plan.update(|plan| set(plan, percent));
                }
            });
            view! { <NumberField label=label id=id value=value on_change=on_change max=100u64 hint=hint /> }.into_any()
        }
        FieldKind::Kbps { get, set } => {
            let value = Signal::derive(move || state.plan.with(get).map_or(0, |uplink| uplink.bits_per_second() / 1000));
            let on_change = Callback::new(move |kbps: u64| {
                state.plan.update(|plan| set(plan, (kbps > 0).then(|| Bandwidth::kbps(kbps))))
            });
            view! { <NumberField label=label id=id value=value on_change=on_change hint=hint /> }.into_any()
        }
        FieldKind::Flag { get, set, .. } => view! {
            <label class="check" for=id>
                <input
                    type="checkbox"
                    id=id
                    prop:checked=move || state.plan.with(get)
                    on:change=move |event| {
                        let checked = event_target_checked(&event);
                        state.plan.update(|plan: &mut Plan| set(plan, checked));
                    }
                />
                {label}
            </label>
        }
        .into_any(),
        FieldKind::Choice { choices, get, set, radio: true } => choices
            .iter()
            .enumerate()
            .map(|(index, choice)| {
                view! {
                    <label class="check">
                        <input type="radio" name=id id=format!("{id}-{}", choice.value)
                            prop:checked=move || state.plan.with(get) == index
                            on:change=move |_| state.plan.update(|plan| set(plan, index)) />
                        {choice.label}
                    </label>
                }
            })
            .collect_view()
            .into_any(),
        FieldKind::Choice { choices, get, set, radio: false } => view! {
            <label class="field" for=id>
                <span>{label}</span>
                <select id=id
                    prop:value=move || choices[state.plan.with(get)].value
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        if let Some(index) = choices.iter().position(|choice| choice.value == value) {
                            state.plan.update(|plan| set(plan, index));
                        }
                    }>
                    {choices.iter().map(|choice| view! { <option value=choice.value>{choice.label}</option> }).collect_view()}
                </select>
            </label>
        }
        .into_any(),
        FieldKind::Address { get, set } => {
            let value = Signal::derive(move || state.plan.with(|plan| get(&plan.addresses)));
            let on_change = Callback::new(move |network| state.plan.update(|plan| set(&mut plan.addresses, network)));
            view! { <AddressField label=label id=id value=value on_change=on_change /> }.into_any()
        }
    }
}

/// The site plan: access path, users per endpoint type, add-ons, network; every field from
/// the core's table of plan fields.
#[component]
pub fn PlanForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let problems = move || {
        state
            .plan
            .with(Plan::problems)
            .into_iter()
            .map(|problem| view! { <li>{problem.to_string()}</li> })
            .collect_view()
    };
    let groups = FieldGroup::ALL
        .iter()
        .map(|&group| {
            let fields = fields_in(group).map(|field| field_view(state, field)).collect_view();
            view! {
                <fieldset>
                    <legend>{group.legend()}</legend>
                    {fields}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <form class="plan" on:submit=|event| event.prevent_default() data-testid="plan-form">
            {groups}
            <ul class="plan-problems" role="status" data-testid="plan-problems">{problems}</ul>
        </form>
    }
}
