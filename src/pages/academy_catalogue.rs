//! Opleidingsaanbod beheren (academy staff, `/academie/beheer`): every training with how many
//! hold a seat and how many wait; a form to add one or change one (checked with the shared
//! model as the person submits, and again by the server); and cancelling, after a
//! confirmation that says how many people will be told by mail.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::academy::{FunctionLevel, StaffTraining, TrainingCancelled, TrainingForm};
use zelfregie_model::{ErrorCode, FieldError};

use crate::api;
use crate::components::field::{focus_field, CheckboxField, RequiredNote, TextField};
use crate::components::loaded::Loaded;
use crate::components::notice::StatusNotice;
use crate::components::page::Page;
use crate::format::{date_time, now};
use crate::i18n::{error_text, T};
use crate::locale::Locale;
use crate::submit::Submit;

/// The name of a function level.
pub fn level_text(level: FunctionLevel) -> T {
    match level {
        FunctionLevel::Employee => T::LevelEmployee,
        FunctionLevel::Specialist => T::LevelSpecialist,
        FunctionLevel::Manager => T::LevelManager,
        FunctionLevel::Executive => T::LevelExecutive,
    }
}

/// The input a field's errors take focus to (the levels: their first checkbox).
fn field_id(field: &str) -> String {
    if field == "function_levels" {
        "training-level-employee".to_owned()
    } else {
        format!("training-{field}")
    }
}

/// What the form holds as typed: numbers stay text until they are sent.
#[derive(Clone, Copy)]
struct Fields {
    title: RwSignal<String>,
    description: RwSignal<String>,
    audience: RwSignal<String>,
    levels: RwSignal<Vec<FunctionLevel>>,
    online: RwSignal<bool>,
    location: RwSignal<String>,
    date: RwSignal<String>,
    time: RwSignal<String>,
    sessions: RwSignal<String>,
    capacity: RwSignal<String>,
}

impl Fields {
    fn new() -> Self {
        Fields {
            title: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
            audience: RwSignal::new(String::new()),
            levels: RwSignal::new(Vec::new()),
            online: RwSignal::new(false),
            location: RwSignal::new(String::new()),
            date: RwSignal::new(String::new()),
            time: RwSignal::new(String::new()),
            sessions: RwSignal::new("1".to_owned()),
            capacity: RwSignal::new(String::new()),
        }
    }

    fn fill(self, f: &TrainingForm) {
        self.title.set(f.title.clone());
        self.description.set(f.description.clone());
        self.audience.set(f.audience.clone());
        self.levels.set(f.function_levels.clone());
        self.online.set(f.online);
        self.location.set(f.location.clone());
        self.date.set(f.date.clone());
        self.time.set(f.time.clone());
        self.sessions.set(f.sessions.to_string());
        self.capacity.set(f.capacity.to_string());
    }

    fn clear(self) {
        self.fill(&TrainingForm { capacity: 0, ..TrainingForm::default() });
        self.capacity.set(String::new());
    }

    /// The form as typed, and the numbers that cannot be read.
    fn read(self) -> (TrainingForm, Vec<FieldError>) {
        let mut unreadable = Vec::new();
        let mut number = |field: &str, text: String| match text.trim().parse::<u32>() {
            Ok(n) => n,
            Err(_) => {
                let code = if text.trim().is_empty() { ErrorCode::Required } else { ErrorCode::NumberInvalid };
                unreadable.push(FieldError::new(field, code));
                0
            }
        };
        let sessions = number("sessions", self.sessions.get_untracked());
        let capacity = number("capacity", self.capacity.get_untracked());
        let form = TrainingForm {
            title: self.title.get_untracked(),
            description: self.description.get_untracked(),
            audience: self.audience.get_untracked(),
            function_levels: self.levels.get_untracked(),
            online: self.online.get_untracked(),
            location: self.location.get_untracked(),
            date: self.date.get_untracked(),
            time: self.time.get_untracked(),
            sessions,
            capacity,
        };
        (form.normalized(), unreadable)
    }
}

/// The shared model's checks, with a number that cannot be read said as such (not as out of
/// range).
pub fn check(form: &TrainingForm, unreadable: &[FieldError], now: time::OffsetDateTime) -> Vec<FieldError> {
    let mut found: Vec<FieldError> =
        form.validate(now).into_iter().filter(|e| !unreadable.iter().any(|u| u.field == e.field)).collect();
    found.extend(unreadable.iter().cloned());
    // In the order of the form.
    let order =
        ["title", "description", "audience", "function_levels", "location", "date", "time", "sessions", "capacity"];
    found.sort_by_key(|e| order.iter().position(|f| *f == e.field).unwrap_or(order.len()));
    found
}

/// The page.
#[component]
pub fn AcademyCataloguePage() -> impl IntoView {
    let locale = Locale::get();
    let t = move |k: T| k.get(locale.lang());
    let list = LocalResource::new(api::staff_catalogue);
    let fields = Fields::new();
    // The training being changed (id and version), or `None` for a new one.
    let editing = RwSignal::new(None::<(i64, i64)>);
    let notice = RwSignal::new(None::<T>);
    let save = Submit::with_field_ids(
        "training-error",
        field_id,
        |(target, form): (Option<(i64, i64)>, TrainingForm)| async move {
            match target {
                Some((id, version)) => api::update_training(id, version, &form).await,
                None => api::create_training(&form).await,
            }
        },
        move |_saved: StaffTraining| {
            editing.set(None);
            fields.clear();
            list.refetch();
            notice.set(Some(T::CatalogueStaffSavedNotice));
            focus_field("catalogue-notice");
        },
    );
    let cancel = Submit::new(
        "catalogue-cancel-error",
        |id: i64| async move { api::cancel_training(id).await },
        move |_done: TrainingCancelled| {
            list.refetch();
            notice.set(Some(T::CatalogueStaffCancelledNotice));
            focus_field("catalogue-notice");
        },
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        notice.set(None);
        let (form, unreadable) = fields.read();
        let found = check(&form, &unreadable, now());
        let target = editing.get_untracked();
        save.submit(if found.is_empty() { Ok((target, form)) } else { Err(found) });
    };
    let start_editing = move |training: &StaffTraining| {
        notice.set(None);
        save.errors.set(Default::default());
        fields.fill(&TrainingForm::of(training));
        editing.set(Some((training.id, training.version)));
        focus_field("h-training-form");
    };
    let entry = move |tr: StaffTraining| {
        let lang = locale.lang();
        let open = tr.is_open(now());
        let state = if tr.cancelled_at.is_some() {
            Some(t(T::CatalogueStaffCancelledState))
        } else if !open {
            Some(t(T::CatalogueStaffStartedState))
        } else {
            None
        };
        let levels = tr.function_levels.iter().map(|l| t(level_text(*l))).collect::<Vec<_>>().join(", ");
        let counts = format!(
            "{}: {} {} {} · {}: {}",
            t(T::CatalogueStaffEnrolled),
            tr.enrolled,
            t(T::CatalogueStaffOf),
            tr.capacity,
            t(T::CatalogueStaffWaiting),
            tr.waitlisted
        );
        let (id, title, told) = (tr.id, tr.title.clone(), tr.to_be_told());
        let edit_label = format!("{}: {}", t(T::CatalogueStaffEdit), tr.title);
        let cancel_label = format!("{}: {}", t(T::CatalogueStaffCancel), tr.title);
        let confirm = format!("{title}\n\n{} {told}", t(T::CatalogueStaffCancelConfirm));
        let stored = StoredValue::new(tr.clone());
        view! {
            <li class="queue-entry" data-training=id>
                <h3>{tr.title.clone()}</h3>
                {state.map(|s| view! { <p class="enrolment-state"><strong>{s}</strong></p> })}
                <dl class="facts">
                    <dt>{t(T::Starts)}</dt><dd>{date_time(tr.starts_at, lang)}</dd>
                    <dt>{t(T::Sessions)}</dt><dd>{tr.sessions}</dd>
                    <dt>{t(T::Location)}</dt><dd>{tr.location.clone()}</dd>
                    <dt>{t(T::CatalogueLevelsLabel)}</dt><dd>{levels}</dd>
                </dl>
                <p class="training-counts">{counts}</p>
                {open.then(|| view! {
                    <div class="button-row">
                        <button type="button" class="button-secondary" aria-label=edit_label
                            on:click=move |_| stored.with_value(|tr| start_editing(tr))>
                            {t(T::CatalogueStaffEdit)}
                        </button>
                        <button type="button" class="button-secondary button-danger" aria-label=cancel_label
                            disabled=cancel.pending()
                            on:click=move |_| {
                                if window().confirm_with_message(&confirm).unwrap_or(false) {
                                    notice.set(None);
                                    cancel.submit(Ok(id));
                                }
                            }>
                            {t(T::CatalogueStaffCancel)}
                        </button>
                    </div>
                })}
            </li>
        }
    };
    let level_boxes = move || {
        let error = save.error("function_levels");
        view! {
            <fieldset class="choice" class:field-invalid=move || error.get().is_some()
                aria-describedby=move || if error.get().is_some() {
                    "training-levels-hint training-levels-error"
                } else {
                    "training-levels-hint"
                }>
                <legend>{t(T::CatalogueLevels)} " *"</legend>
                <p class="field-hint" id="training-levels-hint">{t(T::CatalogueLevelsHint)}</p>
                {move || error.get().map(|code| view! {
                    <p class="field-error" id="training-levels-error">{error_text(code, locale.lang())}</p>
                })}
                {FunctionLevel::ALL.into_iter().map(|level| {
                    let checked = Signal::derive(move || fields.levels.with(|l| l.contains(&level)));
                    let set = Callback::new(move |on: bool| fields.levels.update(|l| {
                        l.retain(|x| *x != level);
                        if on {
                            l.push(level);
                        }
                    }));
                    view! {
                        <CheckboxField id=format!("training-level-{}", level.as_str()) label=level_text(level)
                            checked=checked set=set/>
                    }
                }).collect_view()}
            </fieldset>
        }
    };
    view! {
        <Page title=T::CatalogueStaffTitle>
            <p>{t(T::CatalogueStaffIntro)}</p>
            <div aria-live="polite">
                {move || notice.get().map(|n| view! { <StatusNotice text=n id="catalogue-notice"/> })}
            </div>
            {cancel.message()}
            <section aria-labelledby="h-training-form">
                <h2 id="h-training-form" tabindex="-1">
                    {move || t(if editing.get().is_some() { T::CatalogueStaffEditHeading } else { T::CatalogueStaffNewHeading })}
                </h2>
                <RequiredNote/>
                {save.message()}
                <form class="form" on:submit=on_submit novalidate>
                    <TextField id="training-title" label=T::CatalogueFieldTitle value=fields.title required=true
                        error=save.error("title")/>
                    <TextField id="training-description" label=T::CatalogueDescription value=fields.description
                        multiline=true required=true hint=T::CatalogueDescriptionHint error=save.error("description")/>
                    <TextField id="training-audience" label=T::CatalogueAudience value=fields.audience
                        hint=T::CatalogueAudienceHint error=save.error("audience")/>
                    {level_boxes}
                    <CheckboxField id="training-online" label=T::CatalogueOnline
                        checked=Signal::derive(move || fields.online.get())
                        set=Callback::new(move |on| fields.online.set(on))/>
                    <TextField id="training-location" label=T::CatalogueLocation value=fields.location
                        hint=T::CatalogueLocationHint error=save.error("location")/>
                    <TextField id="training-date" label=T::CatalogueDate value=fields.date required=true
                        hint=T::CatalogueDateHint error=save.error("date")/>
                    <TextField id="training-time" label=T::CatalogueTime value=fields.time required=true
                        hint=T::CatalogueTimeHint error=save.error("time")/>
                    <TextField id="training-sessions" label=T::CatalogueSessions value=fields.sessions inputmode="numeric"
                        required=true error=save.error("sessions")/>
                    <TextField id="training-capacity" label=T::CatalogueCapacity value=fields.capacity inputmode="numeric"
                        required=true hint=T::CatalogueCapacityHint error=save.error("capacity")/>
                    <div class="button-row">
                        <button type="submit" class="button-primary" disabled=save.pending()>
                            {move || t(if editing.get().is_some() { T::Save } else { T::CatalogueAdd })}
                        </button>
                        {move || editing.get().is_some().then(|| view! {
                            <button type="button" class="button-secondary" on:click=move |_| {
                                editing.set(None);
                                fields.clear();
                                save.errors.set(Default::default());
                                focus_field("h-training-form");
                            }>{t(T::CatalogueStaffStopEditing)}</button>
                        })}
                    </div>
                </form>
            </section>
            <section aria-labelledby="h-training-list">
                <h2 id="h-training-list">{t(T::CatalogueStaffListHeading)}</h2>
                <Loaded resource=list keep=true let:all>
                    {if all.is_empty() {
                        view! { <p>{t(T::CatalogueStaffNone)}</p> }.into_any()
                    } else {
                        view! { <ul class="queue">{all.into_iter().map(entry).collect_view()}</ul> }.into_any()
                    }}
                </Loaded>
            </section>
        </Page>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_that_cannot_be_read_is_said_so_in_the_order_of_the_form() {
        let form = TrainingForm {
            title: "Titel".into(),
            description: "Tekst".into(),
            function_levels: vec![FunctionLevel::Manager],
            location: "Heerlen".into(),
            date: "2099-01-01".into(),
            time: "09:00".into(),
            sessions: 0,
            capacity: 0,
            ..TrainingForm::default()
        };
        let unreadable = vec![FieldError::new("capacity", ErrorCode::NumberInvalid)];
        let found = check(&form, &unreadable, time::macros::datetime!(2030-01-01 0:00 UTC));
        assert_eq!(
            found,
            vec![
                FieldError::new("sessions", ErrorCode::OutOfRange),
                FieldError::new("capacity", ErrorCode::NumberInvalid)
            ]
        );
        assert_eq!(field_id("function_levels"), "training-level-employee");
        assert_eq!(field_id("date"), "training-date");
    }
}
