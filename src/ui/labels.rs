//! Names of domain values (tasks, principles, settings, roles) in the user's
//! language, from the practice table.

use crate::domain::content::{Lean, Principle, RoleKind, Setting, Task};
use crate::domain::Lang;
use crate::i18n::practice::tr;

pub fn task(t: Task, lang: Lang) -> &'static str {
    let s = tr(lang);
    match t {
        Task::Connection => s.task_connection,
        Task::Worldview => s.task_worldview,
        Task::Mutuality => s.task_mutuality,
        Task::MovingTowards => s.task_moving_towards,
    }
}

pub fn principle(p: Principle, lang: Lang) -> &'static str {
    let s = tr(lang);
    match p {
        Principle::Learning => s.principle_learning,
        Principle::Relationship => s.principle_relationship,
        Principle::Hope => s.principle_hope,
    }
}

pub fn lean(l: Lean, lang: Lang) -> &'static str {
    match l {
        Lean::Connection => task(Task::Connection, lang),
        Lean::Worldview => task(Task::Worldview, lang),
        Lean::Mutuality => task(Task::Mutuality, lang),
        Lean::MovingTowards => task(Task::MovingTowards, lang),
        Lean::Learning => principle(Principle::Learning, lang),
        Lean::Relationship => principle(Principle::Relationship, lang),
        Lean::Hope => principle(Principle::Hope, lang),
    }
}

/// What a response leans toward or away from, as its label says it: a task
/// by its name, a principle by one word (学び・関係・希望).
pub fn lean_short(l: Lean, lang: Lang) -> &'static str {
    let s = tr(lang);
    match l {
        Lean::Learning => s.lean_learning,
        Lean::Relationship => s.lean_relationship,
        Lean::Hope => s.lean_hope,
        task => lean(task, lang),
    }
}

pub fn setting(x: Setting, lang: Lang) -> &'static str {
    let s = tr(lang);
    match x {
        Setting::SupportCentre => s.setting_support_centre,
        Setting::DayCare => s.setting_day_care,
        Setting::GroupHome => s.setting_group_home,
        Setting::Ward => s.setting_ward,
        Setting::Outreach => s.setting_outreach,
        Setting::SelfHelpGroup => s.setting_self_help_group,
        Setting::Workplace => s.setting_workplace,
        Setting::FamilyHome => s.setting_family_home,
        Setting::PeerTeam => s.setting_peer_team,
        Setting::Online => s.setting_online,
        Setting::Community => s.setting_community,
    }
}

pub fn role(r: RoleKind, lang: Lang) -> &'static str {
    let s = tr(lang);
    match r {
        RoleKind::Supporter => s.role_supporter,
        RoleKind::Person => s.role_person,
        RoleKind::Third => s.role_third,
        RoleKind::Observer => s.role_observer,
    }
}
