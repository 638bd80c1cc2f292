//! What the user chose: language, theme, text size, and how soon the lock
//! closes.

use crate::ground::lang::Lang;
use serde::{Deserialize, Serialize};

/// The colour theme. `System` follows the operating system's light or dark choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
    Contrast,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::System, Theme::Light, Theme::Dark, Theme::Contrast];

    /// The value of `data-theme` on `<html>`; `None` lets the system decide.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
            Theme::Contrast => Some("contrast"),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Contrast => "contrast",
        }
    }

    pub fn from_key(key: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// Text size, on top of the browser's own setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Larger,
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::Larger];

    pub fn key(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::Larger => "larger",
        }
    }

    pub fn from_key(key: &str) -> Option<TextSize> {
        TextSize::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// Settings are one record: the newest write wins when two tabs disagree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Settings {
    /// `None` until the user chooses: then the browser's language is used.
    pub lang: Option<Lang>,
    pub theme: Theme,
    pub text_size: TextSize,
    /// With the lock on: minutes unused, or in the background, before it
    /// closes (`None`: [`Settings::LOCK_AFTER_DEFAULT`]).
    pub lock_after: Option<u16>,
    /// Milliseconds since the epoch of the last change (written by
    /// `Document::edit_settings`).
    pub(crate) updated: i64,
}

impl Settings {
    /// The idle times offered for the lock, in minutes.
    pub const LOCK_AFTER: [u16; 4] = [1, 5, 15, 60];
    pub const LOCK_AFTER_DEFAULT: u16 = 5;

    /// Minutes unused before the lock closes.
    pub fn lock_minutes(&self) -> u16 {
        self.lock_after.unwrap_or(Settings::LOCK_AFTER_DEFAULT)
    }

    pub fn lang_or(&self, browser: Lang) -> Lang {
        self.lang.unwrap_or(browser)
    }

    /// How the app looks (language, theme, text size), as a short line the
    /// store keeps beside the document so that the first screen can be drawn
    /// in the right language and theme before the document is read: `ja dark
    /// large` (`-` for a language not chosen).
    pub fn look(&self) -> String {
        format!(
            "{} {} {}",
            self.lang.map_or("-", Lang::code),
            self.theme.key(),
            self.text_size.key()
        )
    }

    /// The settings a look line gives (unknown parts keep their defaults),
    /// stamped as never changed: the stored document's settings win.
    pub fn from_look(line: &str) -> Settings {
        let mut parts = line.split(' ');
        Settings {
            lang: parts.next().and_then(Lang::from_code),
            theme: parts.next().and_then(Theme::from_key).unwrap_or_default(),
            text_size: parts
                .next()
                .and_then(TextSize::from_key)
                .unwrap_or_default(),
            lock_after: None,
            updated: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_look_line_round_trips_and_forgives() {
        let s = Settings {
            lang: Some(Lang::En),
            theme: Theme::Contrast,
            text_size: TextSize::Larger,
            lock_after: Some(15),
            updated: 5,
        };
        assert_eq!(s.look(), "en contrast larger");
        let back = Settings::from_look(&s.look());
        assert_eq!(
            (back.lang, back.theme, back.text_size),
            (s.lang, s.theme, s.text_size)
        );
        assert_eq!(back.updated, 0);
        assert_eq!(
            Settings::from_look("- dark"),
            Settings {
                theme: Theme::Dark,
                ..Settings::default()
            }
        );
        assert_eq!(Settings::from_look("garbage"), Settings::default());
    }
}
