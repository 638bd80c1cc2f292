//! What differs between browser engines, where the app cannot simply ask the
//! browser (feature detection is used everywhere else).
//!
//! The one case today: WebKit (Safari, and every browser on iPhone and iPad,
//! which must all use WebKit) may delete everything a site stored after about
//! seven days of browsing without visiting it, unless the site was added to
//! the Home Screen. No API tells a page this will happen, so the engine is
//! read from the user-agent string.

/// The family of browser engine a user-agent string names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Chromium, Chrome, Edge, Opera, Samsung Internet... (not on iOS).
    Blink,
    /// Firefox (not on iOS).
    Gecko,
    /// Safari, and every browser on iPhone and iPad.
    WebKit,
    Other,
}

impl Engine {
    /// Reads the engine from a `navigator.userAgent` string.
    pub fn from_user_agent(ua: &str) -> Engine {
        // On iOS every browser is WebKit, whatever else its name says
        // (CriOS, FxiOS, EdgiOS...).
        if ["iPhone", "iPad", "iPod"].iter().any(|d| ua.contains(d)) {
            return Engine::WebKit;
        }
        if ua.contains("Firefox/") {
            return Engine::Gecko;
        }
        if ["Chrome/", "Chromium/", "Edg/", "OPR/", "SamsungBrowser/"]
            .iter()
            .any(|b| ua.contains(b))
        {
            return Engine::Blink;
        }
        if ua.contains("AppleWebKit/") {
            return Engine::WebKit;
        }
        Engine::Other
    }

    /// Whether this engine may clear a site's stored data when the site has
    /// not been opened for a while (WebKit: about seven days), unless it runs
    /// from the Home Screen.
    pub fn may_clear_unvisited_storage(self) -> bool {
        self == Engine::WebKit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_engine_of_common_browsers() {
        let cases = [
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1", Engine::WebKit),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/123.0.6312.52 Mobile/15E148 Safari/604.1", Engine::WebKit),
            ("Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/124.0 Mobile/15E148 Safari/605.1.15", Engine::WebKit),
            ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15", Engine::WebKit),
            ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/60.5 Safari/605.1.15", Engine::WebKit),
            ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36", Engine::Blink),
            ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36", Engine::Blink),
            ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0", Engine::Blink),
            ("Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0", Engine::Gecko),
            ("Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0", Engine::Gecko),
            ("", Engine::Other),
        ];
        for (ua, engine) in cases {
            assert_eq!(Engine::from_user_agent(ua), engine, "{ua}");
        }
    }

    #[test]
    fn only_webkit_may_clear_unvisited_storage() {
        assert!(Engine::WebKit.may_clear_unvisited_storage());
        for e in [Engine::Blink, Engine::Gecko, Engine::Other] {
            assert!(!e.may_clear_unvisited_storage());
        }
    }
}
