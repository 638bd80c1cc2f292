//! UI text for the journal.

strings! {
    Text;
    title: "ふりかえり", "Journal";
    intro: "ロールプレイのふりかえり、保存した言いかえ、学習会の記録がここに並びます。この端末の中だけにあります。", "Your role-play reflections, saved reframes and session reports, all in one place. They live only on this device.";
    search: "さがす", "Search";
    search_hint: "ことばで絞りこむ", "Filter by words";
    kind: "種類", "Kind";
    kind_all: "すべて", "All";
    kind_reflection: "ロールプレイのふりかえり", "Role-play reflection";
    kind_reframe: "言いかえ", "Reframe";
    kind_report: "学習会の記録", "Session report";
    kind_note: "メモ", "Note";
    empty: "まだ何もありません。ロールプレイや言いかえの練習をすると、ここに残せます。", "Nothing here yet. What you keep from role play and reframing will appear here.";
    no_match: "この条件に合うものはありません。", "Nothing matches.";
    count: "{n} 件", "{n} entries";
    edit: "編集", "Edit";
    save: "保存", "Save";
    cancel: "やめる", "Cancel";
    delete: "削除", "Delete";
    deleted: "「{title}」を削除しました。", "Deleted \"{title}\".";
    undo: "元に戻す", "Undo";
    saved: "保存しました。", "Saved.";
    field_answer: "やりとり {n}：言ってみたいこと", "Turn {n}: what you might say";
    field_note: "やりとり {n}：メモ", "Turn {n}: your note";
    path: "たどった道", "The path taken";
    field_text: "本文", "Text";
    said_aloud: "（声に出して言いました）", "(said aloud)";
    debrief_connection: "つながり", "Connection";
    debrief_worldview: "世界観", "Worldview";
    debrief_mutuality: "相互性", "Mutuality";
    debrief_moving_towards: "向かっていく", "Moving towards";
    phrase: "はじめのことば", "Starting phrase";
    written: "{date} に書きました", "Written {date}";
    open_scenario: "この場面をもう一度", "Practise this scenario again";
}
