//! When a new version of the app may take over: only when the person using it
//! says so.
//!
//! The service worker (`public/sw.js`) installs a new version in the background
//! and leaves it waiting. The app tells the user, and swaps only after they
//! press "reload": someone in the middle of a role play or a study group is
//! never interrupted. This is the rule; `ui::pwa` feeds it the browser's events.

/// Where the app stands with respect to a newer version.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AppUpdate {
    /// Nothing newer is known.
    #[default]
    Current,
    /// A newer version is installed and waiting: offer to reload.
    Ready,
    /// The user asked for the new version: reload once it has taken over.
    Reloading,
}

/// What the app should do after an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateAction {
    /// Nothing.
    None,
    /// Ask the waiting version to take over.
    Activate,
    /// Reload the page: the new version is in control.
    Reload,
}

impl AppUpdate {
    /// A service worker has installed and is waiting. `controlled` says whether
    /// this page already runs under a service worker: if not, this is the very
    /// first install (the app just became available offline), not an update.
    pub fn waiting(self, controlled: bool) -> AppUpdate {
        match self {
            AppUpdate::Current if controlled => AppUpdate::Ready,
            other => other,
        }
    }

    /// The user pressed "reload". `has_waiting` says whether a waiting worker is
    /// still there (another tab may have taken the update already).
    pub fn accept(self, has_waiting: bool) -> (AppUpdate, UpdateAction) {
        match self {
            AppUpdate::Ready if has_waiting => (AppUpdate::Reloading, UpdateAction::Activate),
            // Already active (taken over from another tab): reloading loads it.
            AppUpdate::Ready => (AppUpdate::Reloading, UpdateAction::Reload),
            other => (other, UpdateAction::None),
        }
    }

    /// The service worker controlling the page changed. Reload only when the
    /// user asked for it: a first install, or another tab's update, takes over
    /// silently and the page keeps running as it is.
    pub fn controller_changed(self) -> (AppUpdate, UpdateAction) {
        match self {
            AppUpdate::Reloading => (AppUpdate::Reloading, UpdateAction::Reload),
            other => (other, UpdateAction::None),
        }
    }

    /// Whether to show the "new version" banner.
    pub fn offer(self) -> bool {
        matches!(self, AppUpdate::Ready | AppUpdate::Reloading)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_install_is_not_an_update() {
        assert_eq!(AppUpdate::Current.waiting(false), AppUpdate::Current);
        assert!(!AppUpdate::Current.waiting(false).offer());
    }

    #[test]
    fn a_new_version_waits_for_the_user() {
        let state = AppUpdate::Current.waiting(true);
        assert_eq!(state, AppUpdate::Ready);
        assert!(state.offer());
        // Nothing swaps on its own: a controller change before the user asks
        // does not reload.
        assert_eq!(
            state.controller_changed(),
            (AppUpdate::Ready, UpdateAction::None)
        );
    }

    #[test]
    fn pressing_reload_activates_then_reloads_on_takeover() {
        let (state, action) = AppUpdate::Ready.accept(true);
        assert_eq!(
            (state, action),
            (AppUpdate::Reloading, UpdateAction::Activate)
        );
        assert_eq!(
            state.controller_changed(),
            (AppUpdate::Reloading, UpdateAction::Reload)
        );
    }

    #[test]
    fn pressing_reload_after_another_tab_took_the_update_just_reloads() {
        assert_eq!(
            AppUpdate::Ready.accept(false),
            (AppUpdate::Reloading, UpdateAction::Reload)
        );
    }

    #[test]
    fn the_first_install_taking_control_never_reloads() {
        assert_eq!(
            AppUpdate::Current.controller_changed(),
            (AppUpdate::Current, UpdateAction::None)
        );
        assert_eq!(
            AppUpdate::Current.accept(true),
            (AppUpdate::Current, UpdateAction::None)
        );
    }

    #[test]
    fn a_second_waiting_worker_does_not_undo_a_reload_in_progress() {
        assert_eq!(AppUpdate::Reloading.waiting(true), AppUpdate::Reloading);
    }
}
