//! UI text for share links: making one (link, copy, QR code) and opening one
//! (what it holds, and whether to keep it).

strings! {
    Text;
    share: "共有する", "Share";
    share_hint: "このリンクを送ると、受け取った人の端末で開けます。中身はリンクそのものに入っていて、どこのサーバーにも送られません。リンクを手にした人は誰でも中身を読めるので、送る相手を選んでください。", "Send this link and it opens on the other person's device. What it holds is inside the link itself; it is never sent to any server. Anyone who has the link can read it, so choose who you send it to.";
    share_link_label: "共有リンク", "Share link";
    copy_link: "リンクをコピー", "Copy link";
    copied: "コピーしました", "Copied";
    copy_failed: "自動ではコピーできなかったので、リンクを選んでおきました。Ctrl+C（Macは⌘C）でコピーしてください。", "Automatic copying isn't available here, so the link is selected for you. Press Ctrl+C (⌘C on a Mac) to copy it.";
    qr_label: "「{title}」のQRコード", "QR code for “{title}”";
    qr_too_long: "中身が多いので、QRコードには収まりません。リンクをメールやチャットで送ってください。", "This holds too much for a QR code. Send the link by email or chat instead.";
    size: "リンクの長さ：{n}文字", "Link length: {n} characters";

    open_title: "共有されたもの", "Shared with you";
    open_intro: "リンクで届いたものです。中身を確かめてから、保存するかどうか決めてください。保存するまで、あなたのデータは何も変わりません。", "This came in a link. Look it over, then decide whether to keep it. Nothing in your data changes until you save.";
    kind_scenario: "ロールプレイの場面", "Role-play scenario";
    kind_reframe: "言いかえの練習", "Reframing exercise";
    kind_deck: "問いのカード", "Prompt deck";
    kind_plan: "学習会の進行表", "Session plan";
    written_in: "書かれている言葉：{lang}", "Written in: {lang}";
    lang_ja: "日本語", "Japanese";
    lang_en: "英語", "English";
    roles: "役", "Roles";
    moments: "場面の流れ：{n}つ", "Moments: {n}";
    examples: "言いかえの例", "Example reframes";
    prompts: "問い：{n}枚", "Prompts: {n}";
    step_minutes: "{n}分", "{n} min";
    includes: "一緒に届いたもの：問いのカード{d}つ、場面{s}つ", "Comes with: {d} prompt decks, {s} scenarios";
    save: "自分のものとして保存する", "Save it as my own";
    dont_save: "保存しない", "Don't save";
    saved: "保存しました。", "Saved.";
    saved_again: "すでに一度保存しています。もう一度保存すると、別のコピーになります。", "You already saved this once. Saving again makes another copy.";
    not_saved: "保存しませんでした。あなたのデータは何も変わっていません。", "Not saved. Nothing in your data changed.";
    read_only: "データが新しい版のアプリで書かれているため、ここでは保存できません。", "Your data was written by a newer version of the app, so nothing can be saved here.";
    open_it: "開く", "Open it";
    open_plan: "進行表を開く", "Open the plan";
    bad: "このリンクは読み取れませんでした。", "This link could not be read.";
    bad_damaged: "リンクが途中で切れているか、形が崩れています。送ってくれた人に、もう一度リンク全体を送ってもらってください。", "The link is cut short or damaged. Ask the sender to send the whole link again.";
    bad_tampered: "リンクの中身が書きかえられているようです。送ってくれた人に、もう一度送ってもらってください。", "The link's contents seem to have been changed. Ask the sender to send it again.";
    bad_version: "このリンクは新しい版の対話で作られたか、対話のリンクではありません。アプリを最新にしてからもう一度開いてください。", "This link was made by a newer version of Taiwa, or is not a Taiwa link. Update the app and open it again.";
    bad_too_long: "このリンクは長すぎるため開きませんでした。あなたのデータは何も変わっていません。", "This link is too long to open. Nothing in your data changed.";
    bad_unknown: "このリンクが指しているものが、このアプリにはありません。", "This link points to something this app does not have.";
    bad_invalid: "このリンクの中身は、対話の場面やカードの形になっていません（項目が足りないか、長すぎます）。送ってくれた人に確かめてください。", "What this link holds is not in the shape of a Taiwa scenario or deck (something is missing or too long). Check with the sender.";
    nothing_changed: "あなたのデータは何も変わっていません。", "Nothing in your data changed.";
}
