//! The add-on files people prepare by hand (chapter 3, and 2.4's SPF record): one form a
//! validator, drawn from core's `ADDON_FORMS`. What is entered, chosen and dropped goes to the
//! worker with the files' bytes; the worker runs core's validator and returns the report as JSON
//! text, read here with the browser's `JSON.parse` so that the first load carries no code of the
//! validators and no deserializer for their reports.

use crate::files::save_file;
use crate::finding_card::FindingCard;
use crate::language;
use crate::worker;
use js_sys::{Array, Reflect, Uint8Array};
use leptos::prelude::*;
use leptos::task::spawn_local;
use sitecheck_core::addon::form::{
    ADDON_FORMS, AddonForm, FileJob, Input, OptionKind, PASTED, finding_from_parts, place, too_large,
};
use sitecheck_core::interface::addon_forms;
use sitecheck_core::job::Outcome;
use sitecheck_core::locale::{Bilingual, Text};
use sitecheck_core::verdict::Finding;
use wasm_bindgen::{JsCast, JsValue};

/// Every validator's form, each folded until opened.
#[component]
pub fn AddonFiles() -> impl IntoView {
    ADDON_FORMS.iter().map(|form| view! { <AddonFormView form /> }).collect_view()
}

/// A report as the page draws it: its texts in both languages, shown in the page's.
#[derive(Debug, Clone, PartialEq)]
struct Shown {
    summary: Bilingual,
    total: usize,
    counts: Vec<(String, usize)>,
    facts: Vec<(Bilingual, Vec<(Bilingual, Bilingual)>)>,
    /// Each finding with where it points.
    findings: Vec<(Finding, Option<String>, Option<usize>)>,
    /// Label, file name, type, contents.
    downloads: Vec<(Bilingual, [String; 2], Bilingual)>,
}

fn field(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text(value: &JsValue, key: &str) -> Option<String> {
    field(value, key).as_string()
}

/// A text the worker wrote in both languages (`{"en": …, "sv": …}`).
fn both(value: &JsValue, key: &str) -> Option<Bilingual> {
    bilingual(&field(value, key))
}

/// `{"en": …, "sv": …}` itself.
fn bilingual(value: &JsValue) -> Option<Bilingual> {
    Some(Bilingual::new(text(value, "en")?, text(value, "sv")?))
}

fn items(value: &JsValue) -> Vec<JsValue> {
    value.dyn_ref::<Array>().map(|array| array.iter().collect()).unwrap_or_default()
}

fn count(value: &JsValue) -> Option<usize> {
    value.as_f64().filter(|number| *number >= 0.0).map(|number| number as usize)
}

/// A `[text, text]` pair, each in both languages.
fn pair(value: &JsValue) -> Option<(Bilingual, Bilingual)> {
    let parts = items(value);
    Some((bilingual(parts.first()?)?, bilingual(parts.get(1)?)?))
}

/// The worker's `PageReport`, read field by field; None when it is not one.
fn read_report(json: &str) -> Option<Shown> {
    let report = js_sys::JSON::parse(json).ok()?;
    let mut facts = Vec::new();
    for group in items(&field(&report, "facts")) {
        let rows = items(&field(&group, "rows")).iter().map(pair).collect::<Option<Vec<_>>>()?;
        facts.push((both(&group, "title")?, rows));
    }
    let mut findings = Vec::new();
    for placed in items(&field(&report, "findings")) {
        let finding = field(&placed, "finding");
        let advisories: Vec<String> =
            items(&field(&finding, "advisories")).iter().filter_map(JsValue::as_string).collect();
        let finding = finding_from_parts(
            &text(&finding, "requirement")?,
            &text(&finding, "section")?,
            &text(&finding, "verdict")?,
            both(&finding, "evidence")?,
            both(&finding, "advice"),
            &advisories,
        )?;
        findings.push((finding, text(&placed, "file"), count(&field(&placed, "line"))));
    }
    let mut downloads = Vec::new();
    for download in items(&field(&report, "downloads")) {
        let label = both(&download, "label").unwrap_or_default();
        let contents = both(&download, "text").unwrap_or_default();
        downloads.push((label, ["file_name", "mime"].map(|key| text(&download, key).unwrap_or_default()), contents));
    }
    let mut counts = Vec::new();
    for entry in items(&field(&report, "counts")) {
        let parts = items(&entry);
        counts.push((parts.first()?.as_string()?, count(parts.get(1)?)?));
    }
    Some(Shown {
        summary: both(&report, "summary")?,
        total: count(&field(&report, "total"))?,
        counts,
        facts,
        findings,
        downloads,
    })
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|index| list.get(index)).collect()
}

/// The bytes of each file chosen, then of the pasted text when there is any: names and bytes.
async fn read_inputs(
    chosen: Vec<web_sys::File>,
    pasted: String,
) -> Result<(Vec<String>, Vec<Uint8Array>), Vec<Bilingual>> {
    let refused: Vec<Bilingual> =
        chosen.iter().filter_map(|file| too_large(&file.name(), file.size() as u64)).collect();
    if !refused.is_empty() {
        return Err(refused);
    }
    let (mut names, mut bytes, mut problems) = (Vec::new(), Vec::new(), Vec::new());
    for file in chosen {
        match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                names.push(file.name());
                bytes.push(Uint8Array::new(&buffer));
            }
            Err(error) => {
                let (name, error) = (file.name(), error.as_string().unwrap_or_else(|| format!("{error:?}")));
                problems.push(sitecheck_core::bilingual!(
                    "{name} could not be read: {error}",
                    "{name} gick inte att läsa: {error}"
                ));
            }
        }
    }
    if !pasted.trim().is_empty() {
        names.push(PASTED.to_owned());
        bytes.push(Uint8Array::from(pasted.as_bytes()));
    }
    if problems.is_empty() { Ok((names, bytes)) } else { Err(problems) }
}

#[component]
fn AddonFormView(form: &'static AddonForm) -> impl IntoView {
    let slug = form.validator.slug();
    let values = RwSignal::new(
        form.options
            .iter()
            .map(|option| (option.key.to_owned(), option.kind.first_choice().to_owned()))
            .collect::<Vec<_>>(),
    );
    let pasted = RwSignal::new(String::new());
    let chosen = RwSignal::new_local(Vec::<web_sys::File>::new());
    let result = RwSignal::new(None::<Result<Shown, Vec<Bilingual>>>);
    let locale = language::current();
    let checking = RwSignal::new(false);
    // A verdict is about what was entered when it was made: any change takes it away.
    let changed = move || result.set(None);
    let set_value = move |key: &'static str, value: String| {
        values.update(|values| {
            if let Some(entry) = values.iter_mut().find(|(known, _)| known == key) {
                entry.1 = value;
            }
        });
        changed();
    };
    let options = form
        .options
        .iter()
        .map(|option| {
            let id = format!("addon-{slug}-{}", option.key);
            let key = option.key;
            let control = match option.kind {
                OptionKind::Choice(choices) => {
                    let choices = choices
                        .iter()
                        .map(|choice| {
                            let label = choice.label;
                            view! { <option value=choice.value>{move || label.get(locale.get())}</option> }
                        })
                        .collect_view();
                    view! {
                        <select id=id.clone() on:change=move |event| set_value(key, event_target_value(&event))>{choices}</select>
                    }
                    .into_any()
                }
                OptionKind::Date => view! {
                    <input type="date" id=id.clone() placeholder="YYYY-MM-DD"
                        on:input=move |event| set_value(key, event_target_value(&event)) />
                }
                .into_any(),
                OptionKind::Text { hint } => view! {
                    <input type="text" id=id.clone() spellcheck="false" placeholder=move || hint.get(locale.get())
                        on:input=move |event| set_value(key, event_target_value(&event)) />
                }
                .into_any(),
            };
            let label = option.label;
            view! { <label class="field" for=id><span>{move || label.get(locale.get())}</span>{control}</label> }
        })
        .collect_view();
    let take_files = move |files: Vec<web_sys::File>| {
        chosen.set(files);
        changed();
    };
    let inputs = match form.input {
        Input::Files { accept, several, paste_label } => {
            let file_id = format!("addon-{slug}-file");
            let text_id = format!("addon-{slug}-text");
            let file_for = file_id.clone();
            Some(view! {
                <label class="field wide" for=file_for>
                    <span>{move || if several { addon_forms::CHOOSE_FILES } else { addon_forms::CHOOSE_FILE }.get(locale.get())}</span>
                    <input type="file" id=file_id accept=accept multiple=several
                        on:change=move |event| {
                            let input: web_sys::HtmlInputElement = event_target(&event);
                            take_files(files_of(input.files()));
                        } />
                </label>
                <p class="hint" data-testid=format!("addon-{slug}-chosen")>
                    {move || chosen.with(|files| {
                        let names: Vec<String> = files.iter().map(|file| file.name()).collect();
                        if names.is_empty() { String::new() } else { addon_forms::chosen(locale.get(), &names.join(", ")) }
                    })}
                </p>
                <PasteArea id=text_id label=paste_label pasted on_change=changed on_drop=take_files />
            }.into_any())
        }
        Input::Paste { label } => Some(
            view! { <PasteArea id=format!("addon-{slug}-text") label pasted on_change=changed on_drop=take_files /> }
                .into_any(),
        ),
        Input::None => None,
    };
    let check = move |_| {
        let (files, text) = (chosen.get_untracked(), pasted.get_untracked());
        let (options, today) = (values.get_untracked(), crate::reading::today().to_string());
        checking.set(true);
        spawn_local(async move {
            let (names, bytes) = match read_inputs(files, text).await {
                Ok(read) => read,
                Err(problems) => {
                    checking.set(false);
                    result.set(Some(Err(problems)));
                    return;
                }
            };
            let job = FileJob { validator: slug.to_owned(), today, options, names };
            worker::ask_with_files(&job, bytes, move |answer| {
                checking.set(false);
                result.set(Some(match answer {
                    Ok(Outcome::File(json)) => {
                        read_report(&json).ok_or_else(|| vec![sitecheck_core::interface::worker::unreadable_answer()])
                    }
                    Ok(Outcome::FileProblems(problems)) => Err(problems),
                    Ok(_) => Err(vec![sitecheck_core::interface::firewall::OTHER_ANSWER.into()]),
                    Err(message) => Err(vec![message]),
                }));
            });
        });
    };
    let sections = form.sections.iter().map(|section| section.as_str()).collect::<Vec<_>>().join(", ");
    view! {
        <details class="addon" data-validator=slug>
            <summary><strong>{move || form.title.get(locale.get())}</strong>{move || addon_forms::sections(locale.get(), &sections)}</summary>
            <p class="hint">{move || form.intro.get(locale.get())}</p>
            <div class="addon-options">{options}</div>
            {inputs}
            <p><button type="button" data-testid=format!("addon-{slug}-check") on:click=check>{move || addon_forms::CHECK.get(locale.get())}</button></p>
            <div aria-live="polite" aria-busy=move || checking.get().to_string()>
                {move || checking.get().then(|| view! { <p class="hint">{move || addon_forms::CHECKING.get(locale.get())}</p> })}
                {move || result.get().map(|shown| view! { <AddonResult slug shown /> })}
            </div>
        </details>
    }
}

/// The text box a file's text can be pasted into, and files dropped onto.
#[component]
fn PasteArea(
    id: String,
    label: Text,
    pasted: RwSignal<String>,
    on_change: impl Fn() + Copy + 'static,
    on_drop: impl Fn(Vec<web_sys::File>) + Copy + 'static,
) -> impl IntoView {
    let label_for = id.clone();
    let locale = language::current();
    view! {
        <label class="field wide" for=label_for>
            <span>{move || label.get(locale.get())}</span>
            <textarea id=id rows="6" spellcheck="false" class="drop-target"
                prop:value=move || pasted.get()
                on:input=move |event| { pasted.set(event_target_value(&event)); on_change(); }
                on:dragover=|event: web_sys::DragEvent| event.prevent_default()
                on:drop=move |event: web_sys::DragEvent| {
                    event.prevent_default();
                    on_drop(files_of(event.data_transfer().and_then(|transfer| transfer.files())));
                }></textarea>
        </label>
    }
}

#[component]
fn AddonResult(slug: &'static str, shown: Result<Shown, Vec<Bilingual>>) -> impl IntoView {
    let locale = language::current();
    // A text in both languages, shown in the page's.
    let shown_in = move |text: Bilingual| move || text.get(locale.get()).to_owned();
    let shown = match shown {
        Ok(shown) => shown,
        Err(problems) => {
            return view! {
                <ul role="alert" class="error" data-testid=format!("addon-{slug}-problems")>
                    {problems.into_iter().map(|problem| view! { <li>{shown_in(problem)}</li> }).collect_view()}
                </ul>
            }
            .into_any();
        }
    };
    let (download_error, set_download_error) = signal(None::<Bilingual>);
    let counted = |slug: &str| {
        shown.counts.iter().find(|(verdict, _)| verdict == slug).map_or(0, |(_, count)| *count).to_string()
    };
    let facts = shown
        .facts
        .into_iter()
        .map(|(title, rows)| {
            let rows = rows
                .into_iter()
                .map(|(label, value)| view! { <dt>{shown_in(label)}</dt><dd>{shown_in(value)}</dd> })
                .collect_view();
            view! { <section class="facts"><h4>{shown_in(title)}</h4><dl>{rows}</dl></section> }
        })
        .collect_view();
    let findings = shown
        .findings
        .into_iter()
        .map(|(finding, file, line)| {
            let at = place(file.as_deref(), line);
            view! {
                <li data-line=line data-file=file>
                    {at.map(|at| view! { <p class="place">{shown_in(at)}</p> })}
                    <FindingCard finding />
                </li>
            }
        })
        .collect_view();
    let downloads = shown
        .downloads
        .into_iter()
        .map(|(label, [name, mime], contents)| {
            let test_id = format!("addon-download-{name}");
            view! {
                <button type="button" data-testid=test_id
                    on:click=move |_| set_download_error.set(save_file(&name, &mime, contents.get(locale.get_untracked())).err())>{shown_in(label)}</button>
                " "
            }
        })
        .collect_view();
    view! {
        <div class="addon-result" data-testid=format!("addon-{slug}-result") data-total=shown.total
            data-fail=counted("fail") data-warning=counted("warning") data-pass=counted("pass")
            data-needs-confirmation=counted("needs-confirmation") data-not-applicable=counted("not-applicable")>
            <p class="summary">{shown_in(shown.summary)}</p>
            {facts}
            <ul class="placed-findings">{findings}</ul>
            <p class="downloads">{downloads}
                {move || download_error.get().map(|message| view! { <span role="alert" class="error">{shown_in(message)}</span> })}
            </p>
        </div>
    }
    .into_any()
}
