//! Native timings for `make bench`: the language lens over 5,000 characters of
//! mixed Japanese and English, and reading and writing a document with 1,000
//! journal entries. Prints one line per figure; not a test.

use std::path::Path;
use std::time::Instant;
use taiwa_domain::content::load_library;
use taiwa_domain::document::{self, Document};
use taiwa_domain::journal::{Entry, EntryBody};
use taiwa_domain::lens::Lens;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Runs `f` in batches and returns the median time of one call, in microseconds.
fn time<T>(mut f: impl FnMut() -> T) -> f64 {
    for _ in 0..20 {
        std::hint::black_box(f());
    }
    let samples = (0..31)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..10 {
                std::hint::black_box(f());
            }
            start.elapsed().as_secs_f64() * 1e6 / 10.0
        })
        .collect();
    median(samples)
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/lens");
    let files = taiwa_domain::load::read_files(&dir, &dir).expect("content/lens");
    let lib = load_library(&files).expect("lens rules load");
    let lens = Lens::compile(&lib.lens).expect("compile");

    // 5,000 characters: a case note and a supporter's reframe, in both languages.
    let seed = "昨日の面談では、本人は病識がなく服薬を拒否していた。もっと休むべきだと思う。\
                なんで薬を飲まなかったの？ He is non-compliant and lacks insight; you should \
                call the team. Why didn't you tell us? 何があったのか、聞かせてもらえますか。\
                What happened for you this week? 大丈夫ですか？ Don't worry, at least you tried. ";
    let mut text = String::new();
    while text.chars().count() < 5000 {
        text.push_str(seed);
    }
    let text: String = text.chars().take(5000).collect();
    let findings = lens.scan(&text).len();
    let us = time(|| lens.scan(&text));
    println!(
        "lens: {} rules over 5,000 characters (ja+en): {:.3} ms median, {} findings (budget 2 ms)",
        lib.lens.len(),
        us / 1000.0,
        findings
    );

    let mut doc = Document::default();
    for i in 0..1000 {
        let id = format!("entry-{i:04}");
        let body = EntryBody::Note {
            text: "今日のロールプレイで気づいたこと。相手の言葉をさえぎらずに聞けた場面と、つい助言してしまった場面があった。"
                .repeat(3),
        };
        let at = 1_700_000_000_000 + i;
        doc.journal.put(&id, Entry::new(id.clone(), at, body), at);
    }
    let json = document::to_json(&doc);
    let save = time(|| document::to_json(&doc));
    let load = time(|| document::restore(Some(&json)));
    println!(
        "store: 1,000 journal entries ({} KB): load (restore) {:.3} ms, save (serialise) {:.3} ms median (budget 10 ms each)",
        json.len() / 1024,
        load / 1000.0,
        save / 1000.0
    );
}
