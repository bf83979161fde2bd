//! The form's inputs, generated from its definition: one per typed field kind, sections
//! that repeat (add/remove), conditional visibility, errors keyed by path.

use leptos::prelude::*;
use leptos::task::spawn_local;
use models::forms::{Condition, Field, FieldKind, FileRef, FormDefinition, Section};
use serde_json::{Map, Value};

use super::FormState;
use crate::api;
use crate::i18n::{Msg, use_i18n};

fn holds(cond: &Condition, data: &Value, item: Option<&Value>) -> bool {
    let actual = match cond.field.split_once('.') {
        Some((s, f)) => data.get(s).and_then(|s| s.get(f)),
        None => item.and_then(|i| i.get(&cond.field)),
    };
    actual == Some(&cond.equals)
}

/// Where a field's value lives: section, item (repeatable sections) and field.
#[derive(Debug, Clone)]
struct Place {
    section: String,
    index: Option<usize>,
    field: String,
}

impl Place {
    fn path(&self) -> String {
        match self.index {
            Some(i) => format!("{}[{i}].{}", self.section, self.field),
            None => format!("{}.{}", self.section, self.field),
        }
    }

    fn id(&self) -> String {
        self.path().replace(['[', ']', '.'], "-")
    }

    fn item<'a>(&self, data: &'a Value) -> Option<&'a Value> {
        let s = data.get(&self.section)?;
        match self.index {
            Some(i) => s.get(i),
            None => Some(s),
        }
    }

    fn get(&self, data: &Value) -> Value {
        self.item(data)
            .and_then(|i| i.get(&self.field))
            .cloned()
            .unwrap_or(Value::Null)
    }

    fn set(&self, data: &mut Value, value: Value) {
        let Some(root) = data.as_object_mut() else {
            return;
        };
        let section = root
            .entry(self.section.clone())
            .or_insert_with(|| match self.index {
                Some(_) => Value::Array(vec![]),
                None => Value::Object(Map::new()),
            });
        let item = match (self.index, section) {
            (Some(i), Value::Array(items)) => {
                while items.len() <= i {
                    items.push(Value::Object(Map::new()));
                }
                &mut items[i]
            }
            (None, s @ Value::Object(_)) => s,
            _ => return,
        };
        if let Value::Object(o) = item {
            o.insert(self.field.clone(), value);
        }
    }
}

/// One section: a fieldset, repeated with add/remove buttons when it repeats.
#[component]
pub fn SectionView(section: Section, state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let section = StoredValue::new(section);
    let visible = move || {
        section.with_value(|s| {
            s.visible_if
                .as_ref()
                .is_none_or(|c| state.data.with(|d| holds(c, d, None)))
        })
    };
    let count = move || {
        state.data.with(|d| {
            d.get(section.with_value(|s| s.id.clone()))
                .and_then(Value::as_array)
                .map_or(0, Vec::len)
        })
    };
    let add = move |_| {
        let id = section.with_value(|s| s.id.clone());
        state.data.update(|d| {
            if let Some(root) = d.as_object_mut() {
                let list = root.entry(id).or_insert_with(|| Value::Array(vec![]));
                if let Value::Array(a) = list {
                    a.push(Value::Object(Map::new()));
                }
            }
        });
    };
    move || {
        if !visible() {
            return None;
        }
        let s = section.get_value();
        let heading = s.title.clone();
        let body = match s.repeat {
            None => fields(&s, None, state).into_any(),
            Some(limits) => {
                let n = count().max(limits.min as usize).max(1);
                let items = (0..n)
                    .map(|i| {
                        let sid = s.id.clone();
                        let remove = move |_| {
                            state.data.update(|d| {
                                if let Some(Value::Array(a)) = d.get_mut(&sid)
                                    && i < a.len()
                                {
                                    a.remove(i);
                                }
                            });
                            state.save();
                        };
                        view! {
                            <div class="repeat-item">
                                <p class="repeat-number">{format!("{}.", i + 1)}</p>
                                {fields(&s, Some(i), state)}
                                {(n > limits.min as usize && n > 1).then(|| view! {
                                    <button type="button" class="button button-secondary" on:click=remove>
                                        {move || format!("{} {}", i18n.t(Msg::RemoveItem), i + 1)}
                                    </button>
                                })}
                            </div>
                        }
                    })
                    .collect_view();
                let can_add = n < limits.max as usize;
                view! {
                    {items}
                    {can_add.then(|| view! {
                        <button type="button" class="button button-secondary" on:click=add>{move || i18n.t(Msg::AddItem)}</button>
                    })}
                }
                .into_any()
            }
        };
        Some(view! {
            <fieldset class="form-section">
                <legend>{move || heading.get(i18n.lang()).to_owned()}</legend>
                {body}
            </fieldset>
        })
    }
}

fn fields(section: &Section, index: Option<usize>, state: FormState) -> impl IntoView + use<> {
    section
        .fields
        .iter()
        .map(|f| {
            let place = Place {
                section: section.id.clone(),
                index,
                field: f.id.clone(),
            };
            view! { <FieldView field=f.clone() place=place state=state /> }
        })
        .collect_view()
}

/// One field: label, hint, input by kind, error.
#[component]
fn FieldView(field: Field, place: Place, state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let id = place.id();
    let path = place.path();
    let cond = field.visible_if.clone();
    let place_v = place.clone();
    let visible = move || {
        cond.as_ref()
            .is_none_or(|c| state.data.with(|d| holds(c, d, place_v.item(d))))
    };
    let error = {
        let path = path.clone();
        Signal::derive(move || state.errors.with(|e| e.get(&path).copied()))
    };
    let label = field.label.clone();
    let hint = field.hint.clone();
    let required = field.required;
    let is_group = matches!(field.kind, FieldKind::Address);
    let error_id = format!("{id}-error");
    move || {
        visible().then(|| {
            let input = input(&field, &place, &id, state, error_id.clone());
            let label = label.clone();
            let hint = hint.clone();
            let error_id = error_id.clone();
            view! {
                <div class="field" class:field-invalid=move || error.get().is_some()>
                    {if is_group {
                        view! { <p class="label" id=format!("{id}-label")>{move || label.get(i18n.lang()).to_owned()}{required.then_some(" *")}</p> }.into_any()
                    } else {
                        view! {
                            <label for=id.clone()>
                                {move || label.get(i18n.lang()).to_owned()}
                                {required.then_some(" *")}
                            </label>
                        }.into_any()
                    }}
                    {hint.map(|h| view! { <p class="hint">{move || h.get(i18n.lang()).to_owned()}</p> })}
                    {input}
                    {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone()>{e.message(i18n.lang())}</p> })}
                </div>
            }
        })
    }
}

fn input(field: &Field, place: &Place, id: &str, state: FormState, error_id: String) -> AnyView {
    let i18n = use_i18n();
    let p = place.clone();
    let read = move || state.data.with(|d| p.get(d));
    let p = place.clone();
    let write = move |v: Value| state.data.update(|d| p.set(d, v));
    let text = move |v: Value| {
        v.as_str()
            .map(str::to_owned)
            .or_else(|| v.as_i64().map(|n| n.to_string()))
            .unwrap_or_default()
    };
    let invalid = {
        let path = place.path();
        Signal::derive(move || {
            state
                .errors
                .with(|e| e.contains_key(&path))
                .then_some("true")
        })
    };
    let described = Signal::derive(move || invalid.get().map(|_| error_id.clone()));
    let (invalid, described) = (move || invalid.get(), move || described.get());
    let id = id.to_owned();
    let save = move |_| state.save();
    match &field.kind {
        FieldKind::Text { multiline: true, max_len } => view! {
            <textarea id=id rows="5" maxlength=*max_len aria-invalid=invalid aria-describedby=described
                prop:value=move || text(read()) on:input=move |ev| write(Value::String(event_target_value(&ev))) on:change=save></textarea>
        }.into_any(),
        FieldKind::Checkbox => view! {
            <input id=id type="checkbox" aria-invalid=invalid aria-describedby=described
                prop:checked=move || read().as_bool().unwrap_or(false)
                on:change=move |ev| { write(Value::Bool(event_target_checked(&ev))); state.save(); } />
        }.into_any(),
        FieldKind::Choice { options } => {
            let options = options.clone();
            view! {
                <select id=id aria-invalid=invalid aria-describedby=described
                    prop:value=move || text(read())
                    on:change=move |ev| { let v = event_target_value(&ev); write(if v.is_empty() { Value::Null } else { Value::String(v) }); state.save(); }>
                    <option value="">{move || i18n.t(Msg::ChooseOption)}</option>
                    {options.into_iter().map(|o| {
                        let label = o.label.clone();
                        view! { <option value=o.value.clone()>{move || label.get(i18n.lang()).to_owned()}</option> }
                    }).collect_view()}
                </select>
            }.into_any()
        }
        FieldKind::Number { .. } => view! {
            <input id=id type="text" inputmode="numeric" aria-invalid=invalid aria-describedby=described
                prop:value=move || text(read())
                on:input=move |ev| { let v = event_target_value(&ev); write(match v.trim().parse::<i64>() { Ok(n) => Value::from(n), Err(_) if v.trim().is_empty() => Value::Null, Err(_) => Value::String(v) }); }
                on:change=save />
        }.into_any(),
        FieldKind::Address => address(id, place.clone(), state),
        FieldKind::File { types, .. } => files(id, place.clone(), state, types.join(",")),
        kind => {
            let (kind_attr, mode) = match kind {
                FieldKind::Date { .. } => ("date", "text"),
                FieldKind::Email => ("email", "email"),
                FieldKind::Phone => ("tel", "tel"),
                FieldKind::Pesel | FieldKind::Nip | FieldKind::Nrb | FieldKind::PostalCode => ("text", "numeric"),
                _ => ("text", "text"),
            };
            view! {
                <input id=id type=kind_attr inputmode=mode aria-invalid=invalid aria-describedby=described
                    prop:value=move || text(read())
                    on:input=move |ev| write(Value::String(event_target_value(&ev))) on:change=save />
            }.into_any()
        }
    }
}

fn address(id: String, place: Place, state: FormState) -> AnyView {
    let i18n = use_i18n();
    let parts = [
        ("street", Msg::Street, "address-line1"),
        ("building", Msg::Building, "off"),
        ("apartment", Msg::Apartment, "off"),
        ("postal_code", Msg::PostalCode, "postal-code"),
        ("city", Msg::City, "address-level2"),
    ];
    view! {
        <div class="address" id=id.clone() role="group" aria-labelledby=format!("{id}-label")>
            {parts.into_iter().map(|(key, label, auto)| {
                let p = place.clone();
                let p2 = place.clone();
                let part_id = format!("{id}-{key}");
                view! {
                    <label for=part_id.clone()>{move || i18n.t(label)}</label>
                    <input id=part_id type="text" autocomplete=auto
                        prop:value=move || state.data.with(|d| p.get(d).get(key).and_then(Value::as_str).unwrap_or_default().to_owned())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            state.data.update(|d| {
                                let mut current = p2.get(d);
                                if !current.is_object() { current = Value::Object(Map::new()); }
                                if let Some(o) = current.as_object_mut() { o.insert(key.to_owned(), Value::String(v)); }
                                p2.set(d, current);
                            });
                        }
                        on:change=move |_| state.save() />
                }
            }).collect_view()}
        </div>
    }.into_any()
}

fn files(id: String, place: Place, state: FormState, accept: String) -> AnyView {
    let i18n = use_i18n();
    let p = place.clone();
    let current = move || {
        state
            .data
            .with(|d| serde_json::from_value::<Vec<FileRef>>(p.get(d)).unwrap_or_default())
    };
    let busy = RwSignal::new(false);
    let upload = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let chosen = api::cases::chosen_files(Some(&input));
        input.set_value("");
        let place = place.clone();
        busy.set(true);
        spawn_local(async move {
            for f in chosen {
                match api::cases::upload(&f).await {
                    Ok(r) => state.data.update(|d| {
                        let mut list: Vec<FileRef> =
                            serde_json::from_value(place.get(d)).unwrap_or_default();
                        list.push(r);
                        place.set(d, serde_json::to_value(list).unwrap_or_default());
                    }),
                    Err(e) => state.error.set(Some(e)),
                }
            }
            busy.set(false);
            state.save();
        });
    };
    view! {
        <input id=id type="file" multiple accept=accept on:change=upload />
        {move || busy.get().then(|| view! { <p role="status">{i18n.t(Msg::Sending)}</p> })}
        <ul class="documents">
            {move || current().into_iter().map(|f| view! { <li>{format!("{} ({} kB)", f.name, f.size.div_ceil(1024))}</li> }).collect_view()}
        </ul>
    }.into_any()
}

/// The answers as a definition list, for review before signing.
#[component]
pub fn Summary(form: FormDefinition, data: Value) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let show = |v: &Value| -> String {
        match v {
            Value::Null => "—".into(),
            Value::Bool(true) => i18n.t(Msg::Yes).into(),
            Value::Bool(false) => i18n.t(Msg::No).into(),
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Array(a) => a
                .iter()
                .filter_map(|f| f.get("name").and_then(Value::as_str))
                .collect::<Vec<_>>()
                .join(", "),
            Value::Object(o) => ["street", "building", "apartment", "postal_code", "city"]
                .iter()
                .filter_map(|k| o.get(*k).and_then(Value::as_str).filter(|s| !s.is_empty()))
                .collect::<Vec<_>>()
                .join(" "),
        }
    };
    form.sections
        .iter()
        .filter(|s| s.visible_if.as_ref().is_none_or(|c| holds(c, &data, None)))
        .map(|s| {
            let items: Vec<Value> = match data.get(&s.id) {
                Some(Value::Array(a)) => a.clone(),
                Some(v) => vec![v.clone()],
                None => vec![],
            };
            view! {
                <h3>{s.title.get(lang).to_owned()}</h3>
                {items.iter().map(|item| view! {
                    <dl class="facts">
                        {s.fields.iter()
                            .filter(|f| f.visible_if.as_ref().is_none_or(|c| holds(c, &data, Some(item))))
                            .map(|f| view! {
                                <dt>{f.label.get(lang).to_owned()}</dt>
                                <dd>{show(item.get(&f.id).unwrap_or(&Value::Null))}</dd>
                            }).collect_view()}
                    </dl>
                }).collect_view()}
            }
        })
        .collect_view()
}
