use crate::address_field::AddressField;
use crate::number_field::NumberField;
use crate::state::AppState;
use leptos::prelude::*;
use sitecheck_app::language::current;
use sitecheck_core::plan::Plan;
use sitecheck_core::plan::fields::{FieldGroup, FieldKind, PlanField, fields_in};
use sitecheck_core::units::{Bandwidth, Percent};

/// One field of `PLAN_FIELDS`, drawn as its kind asks. Each kind is an `Option` of one
/// concrete view rather than an `AnyView`: type erasure for seven kinds cost about 8 KB of the
/// first load (measured).
fn field_view(state: AppState, field: &'static PlanField) -> impl IntoView {
    let locale = current();
    let id = field.id;
    let label = Signal::derive(move || field.form_label_in(locale.get()));
    let hint = Signal::derive(move || field.hint_in(locale.get()).unwrap_or_default().to_owned());
    let number: Option<(Signal<u64>, Callback<u64>, u64)> = match field.kind {
        FieldKind::Count { get, set } => Some((
            Signal::derive(move || u64::from(state.plan.with(get))),
            Callback::new(move |number: u64| {
                state.plan.update(|plan| set(plan, u32::try_from(number).unwrap_or(u32::MAX)))
            }),
            u64::from(u32::MAX),
        )),
        FieldKind::Percent { get, set } => Some((
            Signal::derive(move || u64::from(state.plan.with(get).get())),
            Callback::new(move |number: u64| {
                if let Some(percent) = u8::try_from(number).ok().and_then(Percent::new) {
                    state.plan.update(|plan| set(plan, percent));
                }
            }),
            100,
        )),
        FieldKind::Kbps { get, set } => Some((
            Signal::derive(move || state.plan.with(get).map_or(0, |uplink| uplink.bits_per_second() / 1000)),
            Callback::new(move |kbps: u64| {
                state.plan.update(|plan| set(plan, (kbps > 0).then(|| Bandwidth::kbps(kbps))))
            }),
            u64::from(u32::MAX),
        )),
        _ => None,
    };
    let number = number.map(|(value, on_change, max)| {
        view! { <NumberField label=label id=id value=value on_change=on_change max=max hint=hint /> }
    });
    let flag = match field.kind {
        FieldKind::Flag { get, set, .. } => Some(view! {
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
        }),
        _ => None,
    };
    let radios = match field.kind {
        FieldKind::Choice { choices, get, set, radio: true } => Some(
            choices
                .iter()
                .enumerate()
                .map(|(index, choice)| {
                    view! {
                        <label class="check">
                            <input type="radio" name=id id=format!("{id}-{}", choice.value)
                                prop:checked=move || state.plan.with(get) == index
                                on:change=move |_| state.plan.update(|plan| set(plan, index)) />
                            {move || choice.label_in(locale.get())}
                        </label>
                    }
                })
                .collect_view(),
        ),
        _ => None,
    };
    let select = match field.kind {
        FieldKind::Choice { choices, get, set, radio: false } => Some(view! {
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
                    {choices.iter().map(|choice| view! { <option value=choice.value>{move || choice.label_in(locale.get())}</option> }).collect_view()}
                </select>
            </label>
        }),
        _ => None,
    };
    let address = match field.kind {
        FieldKind::Address { get, set } => {
            let value = Signal::derive(move || state.plan.with(|plan| get(&plan.addresses)));
            let on_change = Callback::new(move |network| state.plan.update(|plan| set(&mut plan.addresses, network)));
            Some(view! { <AddressField label=label id=id value=value on_change=on_change /> })
        }
        _ => None,
    };
    view! { {number} {flag} {radios} {select} {address} }
}

/// The site plan: access path, users per endpoint type, add-ons, network; every field from
/// the core's table of plan fields.
#[component]
pub fn PlanForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let locale = current();
    let problems = move || {
        state
            .plan
            .with(Plan::problems)
            .into_iter()
            .map(|problem| view! { <li>{problem.message_in(locale.get())}</li> })
            .collect_view()
    };
    let groups = FieldGroup::ALL
        .iter()
        .map(|&group| {
            let fields = fields_in(group).map(|field| field_view(state, field)).collect_view();
            view! {
                <fieldset>
                    <legend>{move || group.legend_in(locale.get())}</legend>
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
