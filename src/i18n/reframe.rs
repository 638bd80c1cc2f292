//! UI text for the reframing studio, the open lens and the revisit queue.

use crate::domain::content::{Shift, Source};
use crate::domain::studio::Set;

strings! {
    Text;
    title: "言いかえの練習", "Reframing studio";
    intro: "よく耳にする言い方を、自分の言葉で言いかえてみます。正解はありません。書いているあいだ、「ことばのレンズ」が気づいたことをそっと示します。", "Try putting phrases we often hear into your own words. There is no right answer. While you write, the language lens quietly points out what it notices.";
    choose_heading: "練習のしかたを選ぶ", "Choose how to practise";
    by_shift_heading: "見方の転換ごとに", "One shift at a time";
    mixed_heading: "まぜて練習する", "Mixed";

    shift_curiosity: "何があったの？", "What happened?";
    shift_curiosity_desc: "「どうかしたの？」と問題を探すかわりに、その人に何があったのかを聞いてみます。", "Instead of looking for what's wrong, ask what happened for the person.";
    shift_learning: "助けから学びへ", "From helping to learning";
    shift_learning_desc: "答えや助言を渡すかわりに、相手から学ぶつもりで聞いてみます。", "Instead of handing over answers, listen as someone who is learning too.";
    shift_relationship: "個人から関係へ", "From individual to relationship";
    shift_relationship_desc: "「あの人の問題」ではなく、ふたりのあいだで起きていることに目を向けます。", "Look at what is happening between the two of you, not only inside one person.";
    shift_hope: "おそれから希望へ", "From fear to hope";
    shift_hope_desc: "危険を管理するための言葉から、可能性をひらく言葉へ移ってみます。", "Move from words that manage risk to words that open up possibilities.";
    shift_experience: "レッテルから経験へ", "From labels to experience";
    shift_experience_desc: "診断名や専門用語のかわりに、その人の経験をふだんの言葉で書いてみます。", "Describe someone's experience in everyday words, instead of a label or jargon.";
    shift_towards: "避けることから、向かうことへ", "From moving away to moving towards";
    shift_towards_desc: "避けたいことよりも、望んでいることに向かう言い方を探します。", "Find words that move towards what is wanted, not only away from what is feared.";
    set_mix: "ぜんぶまぜて", "A random mix";
    set_mix_desc: "6つの転換の言葉が、順番をまぜて出てきます。", "Phrases from all six shifts, in a random order.";
    set_commute: "通勤のあいだに5つ", "Five for a commute";
    set_commute_desc: "ちょっとした空き時間に、ばらばらに選んだ5つだけ。", "Just five, picked at random, for a spare few minutes.";
    lens_card: "ことばのレンズ", "The language lens";
    lens_card_desc: "ケース記録など、手元の文章を貼りつけてレンズで見てみます。", "Paste any text, such as a case note, and look at it through the lens.";

    source_question: "問いかけ", "A question";
    source_case_note: "記録の一文", "From a case note";
    source_inner_thought: "心の中のつぶやき", "An inner thought";
    source_heard_at_work: "職場で聞いた言葉", "Heard at work";
    source_label: "どこで出会う言葉か：", "Where it comes from: ";
    position: "{total}のうち{n}つめ", "{n} of {total}";
    phrase_label: "はじめの言い方：", "The starting phrase: ";
    write_label: "あなたなら、どう言いかえますか？", "How would you put it?";
    write_hint: "思いついたままで大丈夫です。", "Whatever comes to mind is fine.";
    see_other: "ほかの言い方を見る", "See other ways";
    hide_other: "ほかの言い方を閉じる", "Hide other ways";
    other_heading: "ほかの言い方の例", "Other ways to say it";
    note_heading: "何が変わるか", "What changes";
    save: "ふりかえりに保存する", "Save to my journal";
    save_again: "書きなおした内容を保存する", "Save my changes";
    save_needs_text: "書いてから保存できます。", "Write something first, then you can save it.";
    saved: "保存しました。「ふりかえり」のページで読み返せます。", "Saved. You can read it again on the Journal page.";
    open_journal: "ふりかえりを開く", "Open the journal";
    mark_revisit: "あとで見直す", "Come back to this later";
    unmark_revisit: "見直しリストから外す", "Take it off the revisit list";
    marked_note: "この言葉は見直しリストに入っています。日をおいて、ホームに「見直してみませんか」として出てきます。", "This phrase is on your revisit list. After a day or more, it will come back on the home page under \"Take another look?\".";
    pass: "パスして次へ", "Pass and move on";
    next: "次へ", "Next";
    pass_ok: "パスしても大丈夫です。書かずに次へ進んでかまいません。", "Passing is always fine. You can move on without writing anything.";
    item_actions: "この言葉について", "For this phrase";
    done_heading: "このセットはここまでです", "That is the end of this set";
    done_body: "おつかれさまでした。別の練習を選ぶことも、ここで終えることもできます。", "Thank you for practising. You can choose another set, or stop here.";
    choose_again: "練習を選びなおす", "Choose another set";
    back_to_sets: "練習の選び方に戻る", "Back to the sets";
    item_missing: "この言葉は見つかりませんでした。アプリの内容が変わったのかもしれません。", "This phrase could not be found. The app's content may have changed.";

    mirror_heading: "レンズを通して見ると", "Through the lens";
    findings_heading: "レンズが気づいたこと", "What the lens noticed";
    findings_waiting: "書きはじめると、レンズが気づいたことがここに出ます。", "Once you start writing, anything the lens notices will appear here.";
    findings_none: "いまのところ、レンズが気づいたことはありません。", "The lens has not noticed anything so far.";
    findings_some: "レンズが気づいたことを、下に並べています。", "What the lens noticed is listed below.";
    consider: "こんなふうにしてみては：", "You might consider:";
    quote: "「{q}」", "“{q}”";
    lens_gentle: "レンズは、正しい・まちがいを決めるものではありません。言葉にふくまれやすい前提に気づくための手がかりです。", "The lens does not judge right or wrong. It points to assumptions that words can carry, as something to notice.";
    lens_failed: "ことばのレンズを準備できませんでした。書くことはそのまま続けられます。", "The language lens could not be prepared. You can still write as usual.";

    kind_advice: "助言・指示", "Advice";
    kind_why_blame: "責める「なぜ」", "A blaming \"why\"";
    kind_label: "レッテル", "Label";
    kind_fixing: "直そうとする", "Fixing";
    kind_closed_question: "閉じた問い", "Closed question";
    kind_minimising: "小さく扱う", "Minimising";
    kind_speaking_for: "代わりに決める", "Speaking for them";
    kind_jargon: "専門用語", "Jargon";
    kind_fear: "おそれ", "Fear";

    open_title: "ことばのレンズ", "The language lens";
    open_intro: "ケース記録、書きかけのメール、自分のメモなど、どんな文章でも貼りつけてみてください。レンズが気づいたことを示します。", "Paste any text, such as a case note, a draft email or your own notes, and the lens will show what it notices.";
    open_private: "ここに書いたものは、「ふりかえりに保存する」を押さないかぎり、どこにも残りません。この端末にも保存されず、ページを離れると消えます。", "Nothing you write here is kept unless you press \"Save to my journal\". It is not stored, not even on this device, and it is gone when you leave the page.";
    open_label: "レンズで見てみたい文章", "Text to look at through the lens";
    clear: "消す", "Clear";
    to_studio: "言いかえの練習へ", "To the reframing studio";

    set_mine: "自分で作った言いかえ", "Your own phrases";
    set_mine_desc: "「自分で作る」で書いた言葉を練習します。", "Practise the phrases you wrote under \"Your own\".";
    mine_link: "自分で言いかえを作る", "Write your own phrase";
    revisit_heading: "見直してみませんか", "Take another look?";
    revisit_intro: "前に「あとで見直す」にした言葉です。気が向いたら、もう一度言いかえてみてください。", "Phrases you marked to come back to. If you feel like it, try putting them another way again.";
}

/// The short name of a shift.
pub fn shift_name(shift: Shift, t: &Text) -> &'static str {
    match shift {
        Shift::Curiosity => t.shift_curiosity,
        Shift::Learning => t.shift_learning,
        Shift::Relationship => t.shift_relationship,
        Shift::Hope => t.shift_hope,
        Shift::Experience => t.shift_experience,
        Shift::Towards => t.shift_towards,
    }
}

/// The name of a practice set.
pub fn set_name(set: Set, t: &Text) -> &'static str {
    match set {
        Set::Shift(s) => shift_name(s, t),
        Set::Mix => t.set_mix,
        Set::Commute => t.set_commute,
        Set::Mine => t.set_mine,
    }
}

/// One line on what a practice set is.
pub fn set_desc(set: Set, t: &Text) -> &'static str {
    match set {
        Set::Shift(Shift::Curiosity) => t.shift_curiosity_desc,
        Set::Shift(Shift::Learning) => t.shift_learning_desc,
        Set::Shift(Shift::Relationship) => t.shift_relationship_desc,
        Set::Shift(Shift::Hope) => t.shift_hope_desc,
        Set::Shift(Shift::Experience) => t.shift_experience_desc,
        Set::Shift(Shift::Towards) => t.shift_towards_desc,
        Set::Mix => t.set_mix_desc,
        Set::Commute => t.set_commute_desc,
        Set::Mine => t.set_mine_desc,
    }
}

/// Where a starting phrase comes from.
pub fn source_name(source: Source, t: &Text) -> &'static str {
    match source {
        Source::Question => t.source_question,
        Source::CaseNote => t.source_case_note,
        Source::InnerThought => t.source_inner_thought,
        Source::HeardAtWork => t.source_heard_at_work,
    }
}
