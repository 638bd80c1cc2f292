//! Every piece of text in the UI, in Japanese and English, side by side.
//!
//! Components never write UI text themselves: they take it from a table here.
//! The shell's table is [`tr`]; each feature has its own module with its own
//! table (`practice::tr`, `reframe::tr`, ...), made by the same `strings!` macro,
//! which makes a missing translation a compile error.

/// `strings! { Name; key: "日本語", "English"; ... }` defines the struct `Name`
/// and `pub fn tr(lang) -> &'static Name` in the calling module.
macro_rules! strings {
    ($name:ident; $($key:ident: $ja:expr, $en:expr;)*) => {
        /// The UI text of one language.
        pub struct $name { $(pub $key: &'static str,)* }
        const JA: $name = $name { $($key: $ja,)* };
        const EN: $name = $name { $($key: $en,)* };
        /// The table for a language.
        pub fn tr(lang: crate::domain::Lang) -> &'static $name {
            match lang {
                crate::domain::Lang::Ja => &JA,
                crate::domain::Lang::En => &EN,
            }
        }
    };
}

pub mod about;
pub mod concepts;
pub mod data;
pub mod facilitate;
pub mod journal;
pub mod lock;
pub mod mine;
pub mod practice;
pub mod print;
pub mod reframe;
pub mod share;

/// Fills `{name}` placeholders in a UI string.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

strings! {
    Strings;
    app_name: "対話 Taiwa", "Taiwa";
    app_tagline: "意図的なピアサポート（IPS）の練習の場", "A practice space for Intentional Peer Support";
    skip_to_content: "本文へ移動", "Skip to content";
    nav_label: "メインメニュー", "Main menu";
    menu: "メニュー", "Menu";
    nav_home: "ホーム", "Home";
    nav_scenarios: "ロールプレイ", "Role play";
    nav_reframe: "言いかえ", "Reframing";
    nav_facilitate: "進行", "Facilitate";
    nav_journal: "ふりかえり", "Journal";
    nav_data: "データ", "My data";
    nav_settings: "設定", "Settings";
    nav_about: "このアプリについて", "About";
    nav_mine: "自分で作る", "Make your own";
    language_switch: "English", "日本語";
    language_switch_label: "Switch to English", "日本語に切り替える";

    home_title: "ようこそ、対話へ", "Welcome to Taiwa";
    home_intro: "「どうかしたの？」ではなく「何があったの？」と問いかける練習をする場所です。ロールプレイ、言いかえの練習、学習会の進行に使えます。", "A place to practise asking \"what happened?\" rather than \"what's wrong?\". Use it for role play, for reframing language, and to run a study group.";
    home_private: "書いたことはすべて、この端末のブラウザの中だけに保存されます。どこにも送信されません。", "Everything you write stays in this browser on this device. Nothing is sent anywhere.";
    home_start: "はじめる", "Start here";
    home_card_scenarios: "場面を選んで、ひとりで、またはペアや3人でロールプレイをします。", "Pick a situation and role-play it alone, in a pair or in a trio.";
    home_card_reframe: "よく聞く言い方を、別の見方で言いかえてみます。", "Try other ways of saying phrases we often hear.";
    home_card_facilitate: "Zoomでの学習会を、画面共有しながら進行します。", "Run a study group over Zoom, on a shared screen.";
    home_card_journal: "自分のふりかえりを読み返します。", "Read back what you have reflected on.";
    not_crisis: "対話は練習のための道具で、相談窓口ではありません。いま命や安全が危ないときは、救急（119）など地域の緊急の窓口に連絡してください。", "Taiwa is a practice tool, not a crisis service. If someone's life or safety is in danger now, contact your local emergency services (in Japan, 119).";

    content_counts: "収録：場面 {s}、言いかえ {r}、問いかけカード {p}", "In the app: {s} situations, {r} reframes, {p} prompt cards";

    settings_title: "設定", "Settings";
    settings_language: "言語", "Language";
    settings_theme: "表示の色", "Colours";
    theme_system: "端末の設定に合わせる", "Follow the system";
    theme_light: "明るい", "Light";
    theme_dark: "暗い", "Dark";
    theme_contrast: "コントラスト高", "High contrast";
    settings_text_size: "文字の大きさ", "Text size";
    size_normal: "ふつう", "Normal";
    size_large: "大きい", "Large";
    size_larger: "もっと大きい", "Larger";
    settings_saved: "設定はこの端末に保存されます。", "Settings are kept on this device.";


    not_found_title: "ページが見つかりません", "Page not found";
    not_found_body: "アドレスが変わったか、まだないページです。", "The address may have changed, or the page does not exist yet.";
    back_home: "ホームへ戻る", "Back to home";

    store_memory_only: "このブラウザでは保存ができません（プライベートモードや設定で止められている可能性があります）。アプリは使えますが、閉じると書いたものは消えます。", "This browser will not let Taiwa save (private mode or a setting may block it). You can use the app, but what you write is lost when you close it.";
    store_set_aside: "保存されていた記録のうち{n}件が読めませんでした。その{n}件は別の場所に取り分けてあり、ほかの記録はいつもどおり開いています。", "{n} of your saved records could not be read. Those {n} have been set aside; everything else opened as usual.";
    store_set_aside_link: "取り分けたものを見る（データのページ）", "See what was set aside (My data)";
    store_quarantined: "保存されていたデータが読めませんでした。元のデータは別の場所に取り分けてあり、「データ」のページからダウンロードできます。新しく始めています。", "Your saved data could not be read. The original has been set aside, and you can download it from the My data page. Taiwa has started afresh.";
    store_full: "保存の容量がいっぱいです。今の変更はこの画面の中にだけあります。バックアップをダウンロードしてから、古いものを消してください。", "Storage is full. Your latest change is kept only on this screen. Download a backup, then delete something old.";
    store_newer: "このデータは新しい版の対話で保存されています。壊さないように、読むだけにしています。アプリを最新にしてください。", "This data was saved by a newer version of Taiwa. To keep it safe, it is open read-only. Please update the app.";
    dismiss: "閉じる", "Dismiss";
    // Also on the data page; here for the "storage is full" notice.
    export_button: "バックアップをダウンロード", "Download a backup";
    loading: "読み込んでいます…", "Loading…";
    content_failed: "内容を読み込めませんでした。通信が切れているか、アプリの更新中かもしれません。もう一度お試しください。", "The content could not be loaded. You may be offline, or the app may be updating. Please try again.";
    retry: "もう一度読み込む", "Try again";

    update_ready: "新しいバージョンがあります", "A new version is ready";
    update_hint: "区切りのよいところで再読み込みしてください。保存した内容はそのまま残ります。", "Reload when you reach a good stopping point. What you have saved stays as it is.";
    update_reload: "再読み込み", "Reload";
    lock_button: "ロック", "Lock";
    lock_button_label: "今すぐロックする（書いたものを隠す）", "Lock now (hide what you wrote)";
    backup_reminder: "しばらくバックアップを保存していません。端末をなくしたり、ブラウザのデータが消えたりしても困らないように、ファイルに保存しておきませんか。", "It has been a while since your last backup. Save one as a file, so that what you wrote survives a lost device or cleared browser data.";
    backup_reminder_go: "バックアップを保存する", "Save a backup";
    backup_reminder_later: "今はしない", "Not now";
    app_version: "バージョン {v}", "Version {v}";
}
