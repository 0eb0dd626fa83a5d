//! Opleidingen: register as a course participant (a choice), the catalogue, enrol and
//! cancel, current enrolments and the trainings followed (seed 000 art. 9.3, 10.2).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use zelfregie_model::academy::{AcademyPage, EnrolmentState, FunctionLevel, Participant, Training};
use zelfregie_model::Partner;

use crate::api::{self, ClientError};
use crate::components::conflict::ConflictPanel;
use crate::components::field::{Binding, SelectField, TextField};
use crate::components::notice::{ErrorNotice, Loading, StatusNotice};
use crate::components::page::Page;
use crate::editing::Editor;
use crate::format::date_time;
use crate::i18n::T;
use crate::locale::Locale;
use crate::versioned_form::VersionedForm;

fn level_text(level: FunctionLevel) -> T {
    match level {
        FunctionLevel::Employee => T::LevelEmployee,
        FunctionLevel::Specialist => T::LevelSpecialist,
        FunctionLevel::Manager => T::LevelManager,
        FunctionLevel::Executive => T::LevelExecutive,
    }
}

/// The academy page.
#[component]
pub fn AcademyPage() -> impl IntoView {
    let locale = Locale::get();
    let page = RwSignal::new(None::<Result<AcademyPage, ClientError>>);
    let catalogue = RwSignal::new(None::<Result<Vec<Training>, ClientError>>);
    let notice = RwSignal::new(None::<T>);
    let failure = RwSignal::new(None::<ClientError>);
    let reload = move || {
        spawn_local(async move {
            page.set(Some(api::academy().await));
            catalogue.set(Some(api::trainings().await));
        })
    };
    reload();

    // Enrol, cancel, stop: each answers with the new page.
    let act = Action::new_local(move |(what, id): &(T, i64)| {
        let (what, id) = (*what, *id);
        async move {
            let r = match what {
                T::Enrol => api::enrol(id).await,
                T::CancelEnrolment => api::cancel_enrolment(id).await,
                _ => api::stop_participating().await,
            };
            r.map(|p| (what, id, p))
        }
    });
    Effect::new(move |_| match act.value().get() {
        Some(Ok((what, id, p))) => {
            failure.set(None);
            let state = p.enrolments.iter().find(|e| e.training_id == id).map(|e| e.state);
            notice.set(Some(match (what, state) {
                (T::Enrol, Some(EnrolmentState::Waitlisted)) => T::WaitlistedNotice,
                (T::Enrol, _) => T::EnrolledNotice,
                (T::CancelEnrolment, _) => T::CancelledNotice,
                _ => T::AcademyStopped,
            }));
            page.set(Some(Ok(p)));
            spawn_local(async move { catalogue.set(Some(api::trainings().await)) });
        }
        Some(Err(e)) => failure.set(Some(e)),
        None => {}
    });
    let busy = act.pending();
    let t = move |k: T| k.get(locale.lang());

    let content = move || match page.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(e)) => view! { <ErrorNotice error=e/> }.into_any(),
        Some(Ok(p)) if p.participant.is_none() => view! {
            <section aria-labelledby="h-register">
                <h2 id="h-register">{t(T::AcademyRegisterHeading)}</h2>
                <p>{t(T::AcademyRegisterText)}</p>
                <ParticipantForm submit=T::AcademyRegisterSubmit on_saved=Callback::new(move |_| reload())/>
            </section>
            <FollowedList page=p/>
        }
        .into_any(),
        Some(Ok(p)) => {
            let current: Vec<_> = p.enrolments.iter().filter(|e| e.state.is_current()).cloned().collect();
            let mine: Vec<(i64, EnrolmentState)> = p.enrolments.iter().map(|e| (e.training_id, e.state)).collect();
            view! {
                <section aria-labelledby="h-current">
                    <h2 id="h-current">{t(T::AcademyCurrentHeading)}</h2>
                    {if current.is_empty() {
                        view! { <p>{t(T::AcademyCurrentNone)}</p> }.into_any()
                    } else {
                        view! { <ul class="enrolments">{current.into_iter().map(|e| {
                            let id = e.training_id;
                            let state = match (e.state, e.waitlist_position) {
                                (EnrolmentState::Waitlisted, Some(n)) => format!("{} {n}", t(T::Waitlisted)),
                                _ => t(T::Enrolled).to_owned(),
                            };
                            view! {
                                <li>
                                    <strong>{e.title.clone()}</strong> " — " {date_time(e.starts_at, locale.lang())}
                                    <br/><span class="enrolment-state">{state}</span>
                                    <button type="button" class="button-small button-danger" disabled=busy
                                        aria-label=format!("{}: {}", t(T::CancelEnrolment), e.title)
                                        on:click=move |_| { act.dispatch((T::CancelEnrolment, id)); }>{t(T::CancelEnrolment)}</button>
                                </li>
                            }
                        }).collect_view()}</ul> }.into_any()
                    }}
                </section>
                <FollowedList page=p/>
                <section aria-labelledby="h-catalogue">
                    <h2 id="h-catalogue">{t(T::AcademyCatalogueHeading)}</h2>
                    {move || match catalogue.get() {
                        None => view! { <Loading/> }.into_any(),
                        Some(Err(e)) => view! { <ErrorNotice error=e/> }.into_any(),
                        Some(Ok(list)) => view! { <ul class="catalogue">{list.into_iter().map(|tr| {
                            let id = tr.id;
                            let status = mine.iter().find(|(tid, s)| *tid == id && s.is_current()).map(|(_, s)| *s);
                            let seats = if tr.seats_left > 0 { format!("{}: {} / {}", t(T::SeatsLeft), tr.seats_left, tr.capacity) } else { t(T::Full).to_owned() };
                            let button = match status {
                                Some(EnrolmentState::Waitlisted) => view! { <p class="enrolment-state">{t(T::Waitlisted)}</p> }.into_any(),
                                Some(_) => view! { <p class="enrolment-state">{t(T::Enrolled)}</p> }.into_any(),
                                None => {
                                    let label = if tr.seats_left > 0 { T::Enrol } else { T::EnrolWaitlist };
                                    view! {
                                        <button type="button" class="button-primary" disabled=busy
                                            aria-label=format!("{}: {}", t(label), tr.title)
                                            on:click=move |_| { act.dispatch((T::Enrol, id)); }>{t(label)}</button>
                                    }.into_any()
                                }
                            };
                            view! {
                                <li class="training">
                                    <h3>{tr.title.clone()}</h3>
                                    <p>{tr.description.clone()}</p>
                                    <dl class="facts">
                                        <dt>{t(T::Starts)}</dt><dd>{date_time(tr.starts_at, locale.lang())}</dd>
                                        <dt>{t(T::Sessions)}</dt><dd>{tr.sessions}</dd>
                                        <dt>{t(T::Location)}</dt><dd>{tr.location.clone()}</dd>
                                        <dt>{t(T::ForWhom)}</dt><dd>{tr.audience.clone()}</dd>
                                    </dl>
                                    <p class="seats">{seats}</p>
                                    {button}
                                </li>
                            }
                        }).collect_view()}</ul> }.into_any(),
                    }}
                </section>
                <section aria-labelledby="h-details">
                    <h2 id="h-details">{t(T::AcademyDetailsHeading)}</h2>
                    <ParticipantForm submit=T::Save on_saved=Callback::new(|_| {})/>
                </section>
                <section aria-labelledby="h-stop">
                    <h2 id="h-stop">{t(T::AcademyStopHeading)}</h2>
                    <p>{t(T::AcademyStopText)}</p>
                    <button type="button" class="button-secondary button-danger" disabled=busy on:click=move |_| {
                        if window().confirm_with_message(t(T::AcademyStopConfirm)).unwrap_or(false) {
                            act.dispatch((T::AcademyStopButton, 0));
                        }
                    }>{t(T::AcademyStopButton)}</button>
                </section>
            }
            .into_any()
        }
    };
    view! {
        <Page title=T::AcademyTitle>
            <p>{locale.text(T::AcademyIntro)}</p>
            <div aria-live="polite">{move || notice.get().map(|n| view! { <StatusNotice text=n/> })}</div>
            {move || failure.get().map(|e| view! { <ErrorNotice error=e/> })}
            {content}
        </Page>
    }
}

/// Trainings followed (attended or completed), newest first.
#[component]
fn FollowedList(page: AcademyPage) -> impl IntoView {
    let locale = Locale::get();
    let t = move |k: T| k.get(locale.lang());
    let followed: Vec<_> = page.enrolments.into_iter().filter(|e| e.state.is_followed()).collect();
    view! {
        <section aria-labelledby="h-followed">
            <h2 id="h-followed">{t(T::AcademyFollowedHeading)}</h2>
            {if followed.is_empty() {
                view! { <p>{t(T::AcademyFollowedNone)}</p> }.into_any()
            } else {
                view! { <ul class="followed">{followed.into_iter().map(|e| {
                    let what = if e.state == EnrolmentState::Completed { T::StateCompleted } else { T::StateAttended };
                    view! { <li><strong>{e.title}</strong> " — " {date_time(e.starts_at, locale.lang())} " · " {t(what)}</li> }
                }).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
}

type Ed = RwSignal<Option<Editor<Participant>>>;

fn bind(ed: Ed, get: fn(&Participant) -> &String, set: fn(&mut Participant) -> &mut String) -> Binding {
    Binding::new(
        move || ed.with(|e| e.as_ref().map(|e| get(&e.draft).clone()).unwrap_or_default()),
        move |v| ed.update(|e| e.iter_mut().for_each(|e| *set(&mut e.draft) = v.clone())),
    )
}

/// The participant registration form (first registration and later changes alike).
#[component]
fn ParticipantForm(submit: T, on_saved: Callback<()>) -> impl IntoView {
    let locale = Locale::get();
    let form = VersionedForm::<Participant>::load(api::PARTICIPANT, |f| format!("participant-{f}"));
    let (ed, errors, saved) = (form.editor, form.errors, form.saved);
    let dirty = move || form.dirty();
    // Registering turns the page into the participant's page.
    Effect::new(move |was: Option<bool>| {
        let now = saved.get();
        if now && was == Some(false) {
            on_saved.run(());
        }
        now
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.submit(|p| p.clone().normalized().validate());
    };
    let err = move |f: &'static str| form.error(f);
    let mut employers = vec![(String::new(), Signal::derive(move || locale.text(T::ChooseEmployer)().to_owned()))];
    employers.extend(Partner::all().into_iter().map(|p| (p.slug, Signal::stored(p.name))));
    let levels = FunctionLevel::ALL
        .iter()
        .map(|l| (l.as_str().to_owned(), Signal::derive(move || level_text(*l).get(locale.lang()).to_owned())))
        .collect::<Vec<_>>();
    let level = Binding::new(
        move || ed.with(|e| e.as_ref().map(|e| e.draft.function_level.as_str().to_owned()).unwrap_or_default()),
        move |v| {
            if let Some(l) = FunctionLevel::ALL.iter().find(|l| l.as_str() == v) {
                ed.update(|e| e.iter_mut().for_each(|e| e.draft.function_level = *l));
            }
        },
    );
    let needs_manager = move || ed.with(|e| e.as_ref().is_some_and(|e| e.draft.function_level.requires_manager()));
    let pending = form.pending();
    let newer = |p: &Participant| view! { <p>{p.full_name()} ", " {p.job_title.clone()}</p> }.into_any();
    view! {
        <Show when=move || ed.with(Option::is_some) fallback=|| view! { <Loading/> }>
            <ConflictPanel editor=ed newer=newer/>
            {move || errors.get().general.map(|e| view! { <ErrorNotice error=e/> })}
            <form class="form" on:submit=on_submit novalidate>
                <TextField id="participant-first_name" label=T::FirstName autocomplete="given-name" value=bind(ed, |p| &p.first_name, |p| &mut p.first_name) error=err("first_name")/>
                <TextField id="participant-tussenvoegsel" label=T::Tussenvoegsel autocomplete="additional-name" value=bind(ed, |p| &p.tussenvoegsel, |p| &mut p.tussenvoegsel) error=err("tussenvoegsel")/>
                <TextField id="participant-last_name" label=T::LastName autocomplete="family-name" value=bind(ed, |p| &p.last_name, |p| &mut p.last_name) error=err("last_name")/>
                <TextField id="participant-job_title" label=T::JobTitleLabel autocomplete="organization-title" value=bind(ed, |p| &p.job_title, |p| &mut p.job_title) error=err("job_title")/>
                <SelectField id="participant-employer" label=T::EmployerLabel options=employers.clone() value=bind(ed, |p| &p.employer, |p| &mut p.employer) error=err("employer")/>
                <SelectField id="participant-function_level" label=T::FunctionLevel options=levels.clone() value=level/>
                <p class="field-hint">{locale.text(T::FunctionLevelHint)}</p>
                <Show when=needs_manager>
                    <TextField id="participant-manager_name" label=T::ManagerName value=bind(ed, |p| &p.manager_name, |p| &mut p.manager_name) error=err("manager_name")/>
                    <TextField id="participant-manager_email" label=T::ManagerEmail input_type="email" value=bind(ed, |p| &p.manager_email, |p| &mut p.manager_email) error=err("manager_email")/>
                </Show>
                <div class="form-actions">
                    <button type="submit" class="button-primary" disabled=pending>{locale.text(submit)}</button>
                    {move || (saved.get() && !dirty()).then(|| view! { <StatusNotice text=T::Saved/> })}
                </div>
            </form>
        </Show>
    }
}
