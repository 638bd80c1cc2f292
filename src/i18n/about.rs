//! UI text for the About page: what IPS is, that Taiwa is independent, and
//! where the data lives. (Its own table, so the first screen does not carry it.)

strings! {
    Text;
    title: "このアプリについて", "About Taiwa";
    ips: "意図的なピアサポート（Intentional Peer Support, IPS）は、シェリー・ミードさん（Shery Mead）が始めた、関係のあり方についての実践です。相手に問題があるという前提から始めず、ふたりの関係を通して、お互いがどうやって今の見方を身につけてきたのかに気づき、新しい見方や動き方を一緒に見つけていきます。", "Intentional Peer Support (IPS) is a way of relating, founded by Shery Mead. It does not start from the assumption that someone has a problem: two people use their relationship to notice how each came to see things as they do, and find new ways of seeing and acting together.";
    independent: "対話は、IPSを学ぶ人のための独立した練習の道具です。Intentional Peer Support の団体が作ったものでも、認めたものでもありません。本物の研修については intentionalpeersupport.org をご覧ください。", "Taiwa is an independent practice aid for people learning IPS. It is not made or endorsed by Intentional Peer Support. For the real training, see intentionalpeersupport.org.";
    content: "アプリの中の場面、言いかえ、問いかけはすべて、このアプリのために新しく書いたものです。", "Every scenario, reframe and prompt in the app was written new for it.";
    privacy_title: "あなたのデータについて", "Your data";
    privacy: "書いたものは、このブラウザの保存領域（localStorage）だけに置かれます。アプリは、自分自身のファイル以外に通信をしません。分析ツールも外部のフォントも使っていません。ブラウザのデータを消すと、書いたものも消えます。", "What you write is kept only in this browser's storage (localStorage). The app makes no requests beyond its own files: no analytics, no outside fonts. Clearing the browser's data deletes what you wrote.";
    share: "「共有する」で作るリンクには、場面や進行表の中身そのものが入っています（サーバーを通りません）。そのため、リンクを手にした人は誰でも中身を読めます。個人が特定できることは書かずに、送る相手を選んで使ってください。", "A link made with \"Share\" carries the scenario or plan itself (it never passes through a server). So anyone who has the link can read what it holds. Leave out anything that could identify a person, and choose who you send it to.";
}
