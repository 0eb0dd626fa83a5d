//! Opleidingen: register as a course participant (a choice), the catalogue, enrol and
//! cancel, current enrolments and the trainings followed.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::academy::{AcademyPage, EnrolmentState, FunctionLevel, Participant};
use zelfregie_model::Partner;

use crate::api;
use crate::components::conflict::ConflictPanel;
use crate::components::field::{focus_field, Binding, RequiredNote, SelectField, TextField};
use crate::components::loaded::Loaded;
use crate::components::notice::StatusNotice;
use crate::components::page::Page;
use crate::components::save_bar::SAVE_STATUS;
use crate::components::training::TrainingCard;
use crate::editing::Editor;
use crate::format::date_time;
use crate::i18n::{partner_options, T};
use crate::locale::Locale;
use crate::routes::Route;
use crate::submit::Submit;
use crate::versioned_form::VersionedForm;

fn level_text(level: FunctionLevel) -> T {
    match level {
        FunctionLevel::Employee => T::LevelEmployee,
        FunctionLevel::Specialist => T::LevelSpecialist,
        FunctionLevel::Manager => T::LevelManager,
        FunctionLevel::Executive => T::LevelExecutive,
    }
}

/// What the buttons change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Change {
    /// Enrol in this training (or join its waiting list).
    Enrol(i64),
    /// Cancel the enrolment in this training.
    Cancel(i64),
    /// Stop being a course participant.
    Stop,
}

/// What to tell the person after `change`, given the page it answered with.
fn change_notice(change: Change, page: &AcademyPage) -> T {
    match change {
        Change::Enrol(id)
            if page.enrolments.iter().any(|e| e.training_id == id && e.state == EnrolmentState::Waitlisted) =>
        {
            T::WaitlistedNotice
        }
        Change::Enrol(_) => T::EnrolledNotice,
        Change::Cancel(_) => T::CancelledNotice,
        Change::Stop => T::AcademyStopped,
    }
}

/// The academy page.
#[component]
pub fn AcademyPage() -> impl IntoView {
    let locale = Locale::get();
    let page = LocalResource::new(api::academy);
    let catalogue = LocalResource::new(api::trainings);
    let notice = RwSignal::new(None::<T>);

    // Enrol, cancel, stop: each answers with the new page; the seats left change with it.
    let act = Submit::new(
        "academy-error",
        |change: Change| async move {
            let new_page = match change {
                Change::Enrol(id) => api::enrol(id).await,
                Change::Cancel(id) => api::cancel_enrolment(id).await,
                Change::Stop => api::stop_participating().await,
            }?;
            Ok((change, new_page, api::trainings().await))
        },
        move |(change, new_page, trainings)| {
            notice.set(Some(change_notice(change, &new_page)));
            page.set(Some(Ok(new_page)));
            catalogue.set(Some(trainings));
            // The button pressed is gone (it became a state, or its entry went): focus goes
            // to what happened.
            focus_field("academy-notice");
        },
    );
    let busy = act.pending();
    let t = move |k: T| k.get(locale.lang());

    let content = move |p: AcademyPage| {
        match p {
        p if p.participant.is_none() => view! {
            <section aria-labelledby="h-register">
                <h2 id="h-register">{t(T::AcademyRegisterHeading)}</h2>
                <p>{t(T::AcademyRegisterText)}</p>
                <ParticipantForm submit=T::AcademyRegisterSubmit first=true on_saved=Callback::new(move |_| {
                    notice.set(Some(T::AcademyRegisteredNotice));
                    page.refetch();
                    focus_field("academy-notice");
                })/>
            </section>
            <FollowedList page=p/>
            // The catalogue can be browsed before registering as a participant.
            <section aria-labelledby="h-catalogue">
                <h2 id="h-catalogue">{t(T::AcademyCatalogueHeading)}</h2>
                <p>{t(T::AcademyCatalogueBefore)}</p>
                <Loaded resource=catalogue let:list>
                    <ul class="catalogue">{list.into_iter().map(|tr| view! { <TrainingCard training=tr/> }).collect_view()}</ul>
                </Loaded>
            </section>
        }
        .into_any(),
        p => {
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
                                        on:click=move |_| {
                                            // The seat goes to the next on the waiting list: ask first.
                                            if window().confirm_with_message(t(T::CancelEnrolmentConfirm)).unwrap_or(false) {
                                                act.submit(Ok(Change::Cancel(id)));
                                            }
                                        }>{t(T::CancelEnrolment)}</button>
                                </li>
                            }
                        }).collect_view()}</ul> }.into_any()
                    }}
                </section>
                <FollowedList page=p.clone()/>
                <CancelledList page=p/>
                <section aria-labelledby="h-catalogue">
                    <h2 id="h-catalogue">{t(T::AcademyCatalogueHeading)}</h2>
                    <Loaded resource=catalogue let:list>
                        <ul class="catalogue">{list.into_iter().map(|tr| {
                            let id = tr.id;
                            let status = mine.iter().find(|(tid, s)| *tid == id && s.is_current()).map(|(_, s)| *s);
                            let button = match status {
                                Some(EnrolmentState::Waitlisted) => view! { <p class="enrolment-state">{t(T::Waitlisted)}</p> }.into_any(),
                                Some(_) => view! { <p class="enrolment-state">{t(T::Enrolled)}</p> }.into_any(),
                                None => {
                                    let label = if tr.seats_left > 0 { T::Enrol } else { T::EnrolWaitlist };
                                    view! {
                                        <button type="button" class="button-primary" disabled=busy
                                            aria-label=format!("{}: {}", t(label), tr.title)
                                            on:click=move |_| act.submit(Ok(Change::Enrol(id)))>{t(label)}</button>
                                    }.into_any()
                                }
                            };
                            view! { <TrainingCard training=tr>{button}</TrainingCard> }
                        }).collect_view()}</ul>
                    </Loaded>
                </section>
                <section aria-labelledby="h-details">
                    <h2 id="h-details">{t(T::AcademyDetailsHeading)}</h2>
                    <ParticipantForm submit=T::Save on_saved=Callback::new(|_| {})/>
                </section>
                <section aria-labelledby="h-stop">
                    <h2 id="h-stop">{t(T::AcademyStopHeading)}</h2>
                    <p>{t(T::AcademyStopText)}</p>
                    <p>{t(T::AcademyStopExportFirst)} " " <a href=Route::Export.path()>{t(T::NavExport)}</a></p>
                    <button type="button" class="button-secondary button-danger" disabled=busy on:click=move |_| {
                        if window().confirm_with_message(t(T::AcademyStopConfirm)).unwrap_or(false) {
                            act.submit(Ok(Change::Stop));
                        }
                    }>{t(T::AcademyStopButton)}</button>
                </section>
            }
            .into_any()
        }
    }
    };
    view! {
        <Page title=T::AcademyTitle>
            <p>{locale.text(T::AcademyIntro)}</p>
            <div aria-live="polite">{move || notice.get().map(|n| view! { <StatusNotice text=n id="academy-notice"/> })}</div>
            {act.message()}
            <Loaded resource=page keep=true children=content/>
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

/// Trainings the academy cancelled while the person was enrolled or waiting (shown only when
/// there are any): their own cancellations are not listed, these are, so the history says who
/// cancelled.
#[component]
fn CancelledList(page: AcademyPage) -> impl IntoView {
    let locale = Locale::get();
    let t = move |k: T| k.get(locale.lang());
    let cancelled: Vec<_> =
        page.enrolments.into_iter().filter(|e| e.state == EnrolmentState::CancelledByAcademy).collect();
    (!cancelled.is_empty()).then(|| view! {
        <section aria-labelledby="h-cancelled">
            <h2 id="h-cancelled">{t(T::AcademyCancelledHeading)}</h2>
            <p>{t(T::AcademyCancelledText)}</p>
            <ul class="followed">{cancelled.into_iter().map(|e| view! {
                <li><strong>{e.title}</strong> " — " {date_time(e.starts_at, locale.lang())} " · " {t(T::AcademyCancelledHeading)}</li>
            }).collect_view()}</ul>
        </section>
    })
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
fn ParticipantForm(
    submit: T,
    on_saved: Callback<()>,
    /// The first registration: it turns the page into the participant's page (and `on_saved`
    /// says so and takes focus there).
    #[prop(optional)]
    first: bool,
) -> impl IntoView {
    let locale = Locale::get();
    let form = VersionedForm::<Participant>::load_then(
        api::PARTICIPANT,
        |f| format!("participant-{f}"),
        (!first).then_some(SAVE_STATUS),
        move |_| on_saved.run(()),
    );
    let (ed, saved) = (form.editor, form.saved);
    let dirty = move || form.dirty();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.submit(|p| p.clone().normalized().validate());
    };
    let err = move |f: &'static str| form.error(f);
    let mut employers = vec![(String::new(), Signal::derive(move || locale.text(T::ChooseEmployer)().to_owned()))];
    employers.extend(partner_options(Partner::by_lookup_name(), locale));
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
        <Loaded resource=form.loaded let:_loaded>
            <ConflictPanel editor=ed newer=newer/>
            {form.message()}
            <form class="form" on:submit=on_submit novalidate>
                <RequiredNote/>
                <TextField id="participant-first_name" label=T::FirstName autocomplete="given-name" value=bind(ed, |p| &p.first_name, |p| &mut p.first_name) error=err("first_name")
                    required=true instruction=T::FirstNameInstruction/>
                <TextField id="participant-tussenvoegsel" label=T::Tussenvoegsel autocomplete="additional-name" value=bind(ed, |p| &p.tussenvoegsel, |p| &mut p.tussenvoegsel) error=err("tussenvoegsel")/>
                <TextField id="participant-last_name" label=T::LastName autocomplete="family-name" value=bind(ed, |p| &p.last_name, |p| &mut p.last_name) error=err("last_name")
                    required=true instruction=T::LastNameInstruction/>
                <TextField id="participant-job_title" label=T::JobTitleLabel autocomplete="organization-title" value=bind(ed, |p| &p.job_title, |p| &mut p.job_title) error=err("job_title")
                    required=true instruction=T::JobTitleInstruction/>
                <SelectField id="participant-employer" label=T::EmployerLabel options=employers.clone() value=bind(ed, |p| &p.employer, |p| &mut p.employer) error=err("employer")
                    required=true instruction=T::ChooseEmployerInstruction/>
                <SelectField id="participant-function_level" label=T::FunctionLevel options=levels.clone() value=level/>
                <p class="field-hint">{locale.text(T::FunctionLevelHint)}</p>
                <Show when=needs_manager>
                    <TextField id="participant-manager_name" label=T::ManagerName value=bind(ed, |p| &p.manager_name, |p| &mut p.manager_name) error=err("manager_name")
                        required=true instruction=T::ManagerNameInstruction/>
                    <TextField id="participant-manager_email" label=T::ManagerEmail input_type="email" value=bind(ed, |p| &p.manager_email, |p| &mut p.manager_email) error=err("manager_email")
                        required=true instruction=T::ManagerEmailInstruction/>
                </Show>
                <div class="form-actions">
                    <button type="submit" class="button-primary" disabled=pending>{locale.text(submit)}</button>
                    {move || (saved.get() && !dirty()).then(|| view! { <StatusNotice text=T::Saved id=SAVE_STATUS/> })}
                </div>
            </form>
        </Loaded>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zelfregie_model::academy::Enrolment;

    fn page(entries: &[(i64, EnrolmentState)]) -> AcademyPage {
        let at = time::macros::datetime!(2026-11-22 10:00 UTC);
        let enrolments = entries
            .iter()
            .map(|&(training_id, state)| Enrolment {
                training_id,
                title: format!("training {training_id}"),
                starts_at: at,
                state,
                waitlist_position: None,
                updated_at: at,
            })
            .collect();
        AcademyPage { participant: None, enrolments, manager_notice: None }
    }

    #[test]
    fn an_enrolment_says_whether_it_got_a_seat() {
        let answer = page(&[(1, EnrolmentState::Enrolled), (2, EnrolmentState::Waitlisted)]);
        assert_eq!(change_notice(Change::Enrol(1), &answer), T::EnrolledNotice);
        assert_eq!(change_notice(Change::Enrol(2), &answer), T::WaitlistedNotice);
        assert_eq!(change_notice(Change::Cancel(1), &answer), T::CancelledNotice);
        assert_eq!(change_notice(Change::Stop, &page(&[])), T::AcademyStopped);
    }
}
