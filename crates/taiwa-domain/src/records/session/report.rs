//! The report a facilitator writes after a session, for the group's blog or
//! mailing list: the date, the format, how many came, the theme, what was
//! heard, the check-out words and the next date. As Markdown, and as plain text.
//!
//! The words around the fields ("Theme", "Next session") come from the UI table
//! of the user's language as [`ReportLabels`]; what is written here is the shape.

use super::date;
use crate::ground::lang::one_line;
use serde::{Deserialize, Serialize};

/// The report as the facilitator edits it. Kept with its session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ReportDraft {
    pub title: String,
    /// When the session took place (`2026-11-22T14:00`, or free text).
    pub date: String,
    /// "Zoom", or whatever was used.
    pub format: String,
    /// How many took part, as typed.
    pub participants: String,
    pub theme: String,
    /// What was heard, one phrase each.
    pub points: Vec<String>,
    /// The check-out words, one each.
    pub checkout: Vec<String>,
    /// The next session's date (`2026-12-20T14:00`, or free text).
    pub next: String,
    /// What continues next time, one step each.
    pub continues: Vec<String>,
}

/// What the UI knows that the domain does not: the default title, the local
/// time the session started, the default format, and the theme as it was on
/// screen (typed, or drawn from a deck in the user's language).
pub struct DraftStart {
    pub title: String,
    pub date: String,
    pub format: String,
    pub theme: String,
    /// The titles of the steps that go on next time.
    pub continues: Vec<String>,
}

/// The words of the report in one language.
pub struct ReportLabels<'a> {
    pub date: &'a str,
    pub format: &'a str,
    pub participants: &'a str,
    /// `{n}人` / `{n} people`.
    pub participants_count: &'a str,
    pub theme: &'a str,
    pub points: &'a str,
    pub checkout: &'a str,
    pub next: &'a str,
    /// "What continues next time".
    pub continues: &'a str,
    /// Between a label and its value: `：` / `: `.
    pub colon: &'a str,
    /// Before each item in plain text: `・` / `- `.
    pub bullet: &'a str,
    /// A date and time pattern (see [`date::LocalDateTime::format`]).
    pub date_pattern: &'a str,
    pub weekdays: &'a str,
    pub months: &'a str,
}

/// The lines of a text box, exactly as typed (so the box reads back the same);
/// empty lines are left out only when the report is written.
pub fn split_lines(text: &str) -> Vec<String> {
    text.split('\n')
        .map(|l| l.trim_end_matches('\r').to_string())
        .collect()
}

/// User text made safe inside a Markdown line: on one line, with the
/// characters that would turn it into markup (emphasis, links, HTML, a heading
/// or list at the start) escaped.
pub fn md_inline(text: &str) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    // At the start of a line, these begin a heading, a list, a quote or a rule.
    if out.starts_with(['#', '-', '+', '=']) {
        out.insert(0, '\\');
    }
    // "1. " would begin a numbered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

/// The fields of the summary, in order, as (label, value); empty ones left out.
fn summary(d: &ReportDraft, l: &ReportLabels) -> Vec<(String, String)> {
    let when = |t: &str| date::show(t, l.date_pattern, l.weekdays, l.months);
    let participants = d.participants.trim();
    let participants =
        if participants.chars().all(|c| c.is_ascii_digit()) && !participants.is_empty() {
            l.participants_count.replace("{n}", participants)
        } else {
            participants.to_string()
        };
    [
        (l.date, when(&d.date)),
        (l.format, one_line(&d.format)),
        (l.participants, participants),
        (l.theme, one_line(&d.theme)),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

fn kept(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|s| one_line(s))
        .filter(|s| !s.is_empty())
        .collect()
}

/// The report's lists, in order, as (heading, items).
fn lists<'a>(d: &ReportDraft, l: &ReportLabels<'a>) -> [(&'a str, Vec<String>); 3] {
    [
        (l.points, kept(&d.points)),
        (l.checkout, kept(&d.checkout)),
        (l.continues, kept(&d.continues)),
    ]
}

/// The report as Markdown.
pub fn markdown(d: &ReportDraft, l: &ReportLabels) -> String {
    let mut out = String::new();
    let title = one_line(&d.title);
    if !title.is_empty() {
        out.push_str(&format!("# {}\n\n", md_inline(&title)));
    }
    let fields = summary(d, l);
    for (k, v) in &fields {
        out.push_str(&format!(
            "- **{}**{}{}\n",
            md_inline(k),
            l.colon,
            md_inline(v)
        ));
    }
    if !fields.is_empty() {
        out.push('\n');
    }
    for (heading, items) in lists(d, l) {
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("## {}\n\n", md_inline(heading)));
        for item in items {
            out.push_str(&format!("- {}\n", md_inline(&item)));
        }
        out.push('\n');
    }
    let next = date::show(&d.next, l.date_pattern, l.weekdays, l.months);
    if !next.is_empty() {
        out.push_str(&format!(
            "## {}\n\n{}\n",
            md_inline(l.next),
            md_inline(&next)
        ));
    }
    out.trim_end().to_string() + "\n"
}

/// The report as plain text, for a mailing list.
pub fn plain(d: &ReportDraft, l: &ReportLabels) -> String {
    let parts = parts(d, l);
    let mut out = String::new();
    if !parts.title.is_empty() {
        out.push_str(&format!("{}\n\n", parts.title));
    }
    for (k, v) in &parts.fields {
        out.push_str(&format!("{k}{}{v}\n", l.colon));
    }
    if !parts.fields.is_empty() {
        out.push('\n');
    }
    for (heading, items) in &parts.lists {
        out.push_str(&format!("{heading}\n"));
        for item in items {
            out.push_str(&format!("{}{item}\n", l.bullet));
        }
        out.push('\n');
    }
    if !parts.next.is_empty() {
        out.push_str(&format!("{}{}{}\n", l.next, l.colon, parts.next));
    }
    out.trim_end().to_string() + "\n"
}

/// A report's parts, as plain text and paper show them: the title, the
/// summary fields that are filled in, the lists that have items (heading,
/// items), and the next date as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parts {
    pub title: String,
    pub fields: Vec<(String, String)>,
    pub lists: Vec<(String, Vec<String>)>,
    pub next: String,
}

pub fn parts(d: &ReportDraft, l: &ReportLabels) -> Parts {
    Parts {
        title: one_line(&d.title),
        fields: summary(d, l),
        lists: lists(d, l)
            .into_iter()
            .filter(|(_, items)| !items.is_empty())
            .map(|(h, items)| (h.to_string(), items))
            .collect(),
        next: date::show(&d.next, l.date_pattern, l.weekdays, l.months),
    }
}

/// A file name for the Markdown download: `taiwa-report-2026-11-22.md`, or
/// with the session id when the date is not a date.
pub fn file_name(d: &ReportDraft, session: &str) -> String {
    match date::LocalDateTime::parse(&d.date) {
        Some(dt) => format!("taiwa-report-{}.md", dt.ymd()),
        None => {
            let safe: String = session
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            format!("taiwa-report-{safe}.md")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Session, SessionPlan, StepKind};
    use super::*;

    const JA: ReportLabels = ReportLabels {
        date: "日時",
        format: "形式",
        participants: "参加者",
        participants_count: "{n}人",
        theme: "テーマ",
        points: "聞こえてきたこと",
        checkout: "チェックアウトのことば",
        next: "次回",
        continues: "次回に続くこと",
        colon: "：",
        bullet: "・",
        date_pattern: "{y}年{m}月{d}日（{w}）{hh}:{mm}",
        weekdays: "日,月,火,水,木,金,土",
        months: "1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月",
    };

    const EN: ReportLabels = ReportLabels {
        date: "Date",
        format: "Format",
        participants: "Participants",
        participants_count: "{n} people",
        theme: "Theme",
        points: "What we heard",
        checkout: "Check-out words",
        next: "Next session",
        continues: "Continued next time",
        colon: ": ",
        bullet: "- ",
        date_pattern: "{w} {d} {month} {y}, {hh}:{mm}",
        weekdays: "Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday",
        months:
            "January,February,March,April,May,June,July,August,September,October,November,December",
    };

    fn draft() -> ReportDraft {
        ReportDraft {
            title: "11月の学習会".into(),
            date: "2026-11-22T14:00".into(),
            format: "Zoom".into(),
            participants: "12".into(),
            theme: "ピアサポートから何を受け取っている？".into(),
            points: vec![
                "わかってもらえた感じ".into(),
                "  ".into(),
                "そのままでいい".into(),
            ],
            checkout: vec!["あたたかい".into(), "また来たい".into()],
            next: "2026-12-20T14:00".into(),
            continues: Vec::new(),
        }
    }

    #[test]
    fn what_continues_is_listed_before_the_next_date() {
        let d = ReportDraft {
            continues: vec!["ロールプレイ".into(), " ".into()],
            ..draft()
        };
        let md = markdown(&d, &JA);
        let at = md.find("## 次回に続くこと\n\n- ロールプレイ\n").expect(&md);
        assert!(at < md.find("## 次回\n").unwrap());
        let text = plain(&d, &JA);
        assert!(
            text.contains("次回に続くこと\n・ロールプレイ\n\n次回："),
            "{text}"
        );
        assert!(
            !markdown(&draft(), &JA).contains("次回に続くこと"),
            "left out when empty"
        );
    }

    #[test]
    fn markdown_in_japanese() {
        assert_eq!(
            markdown(&draft(), &JA),
            "# 11月の学習会\n\n\
             - **日時**：2026年11月22日（日）14:00\n\
             - **形式**：Zoom\n\
             - **参加者**：12人\n\
             - **テーマ**：ピアサポートから何を受け取っている？\n\n\
             ## 聞こえてきたこと\n\n\
             - わかってもらえた感じ\n\
             - そのままでいい\n\n\
             ## チェックアウトのことば\n\n\
             - あたたかい\n\
             - また来たい\n\n\
             ## 次回\n\n\
             2026年12月20日（日）14:00\n"
        );
    }

    #[test]
    fn plain_text_in_english() {
        let mut d = draft();
        d.title = "November study group".into();
        d.theme = "What do I get from peer support?".into();
        assert_eq!(
            plain(&d, &EN),
            "November study group\n\n\
             Date: Sunday 22 November 2026, 14:00\n\
             Format: Zoom\n\
             Participants: 12 people\n\
             Theme: What do I get from peer support?\n\n\
             What we heard\n\
             - わかってもらえた感じ\n\
             - そのままでいい\n\n\
             Check-out words\n\
             - あたたかい\n\
             - また来たい\n\n\
             Next session: Sunday 20 December 2026, 14:00\n"
        );
    }

    #[test]
    fn empty_fields_and_sections_are_left_out() {
        let d = ReportDraft {
            title: "Notes".into(),
            participants: "about 15".into(),
            ..ReportDraft::default()
        };
        assert_eq!(
            markdown(&d, &EN),
            "# Notes\n\n- **Participants**: about 15\n"
        );
        assert_eq!(plain(&d, &JA), "Notes\n\n参加者：about 15\n");
        assert_eq!(markdown(&ReportDraft::default(), &JA), "\n");
    }

    #[test]
    fn user_text_cannot_break_the_markdown() {
        assert_eq!(md_inline("# not a heading"), "\\# not a heading");
        assert_eq!(md_inline("- not a list"), "\\- not a list");
        assert_eq!(md_inline("1. not numbered"), "1\\. not numbered");
        assert_eq!(md_inline("<b>*bold*</b>"), "\\<b\\>\\*bold\\*\\</b\\>");
        assert_eq!(md_inline("[link](x)"), "\\[link\\](x)");
        assert_eq!(md_inline("two\nlines"), "two lines");
        assert_eq!(md_inline("2026年も"), "2026年も");
        let mut d = draft();
        d.points = vec!["## sneaky\n- heading".into()];
        let md = markdown(&d, &JA);
        assert!(md.contains("- \\## sneaky - heading\n"), "{md}");
        assert!(!md.contains("\n## sneaky"));
    }

    #[test]
    fn a_first_draft_comes_from_the_session() {
        let mut plan = SessionPlan::from_template("p".into(), "n".into(), 0, |k| {
            (k.key().to_string(), String::new())
        });
        plan.next = "2026-12-20T14:00".into();
        let mut s = Session::start("x".into(), &plan, 0);
        let step = |k: StepKind| plan.steps.iter().find(|s| s.kind == k).unwrap().clone();
        s.add_harvest(&step(StepKind::CheckIn), "眠い");
        s.add_harvest(&step(StepKind::WholeGroup), "聞いてもらえた");
        s.add_harvest(&step(StepKind::CheckOut), "ほっこり");
        let d = s.draft_report(
            Some(&plan),
            DraftStart {
                title: "t".into(),
                date: "2026-11-22T14:00".into(),
                format: "Zoom".into(),
                theme: "theme".into(),
                continues: vec!["ロールプレイ".into()],
            },
        );
        assert_eq!(d.points, vec!["聞いてもらえた"]);
        assert_eq!(d.checkout, vec!["ほっこり"]);
        assert_eq!(d.next, "2026-12-20T14:00");
        assert!(
            !markdown(&d, &JA).contains("眠い"),
            "check-in words stay out"
        );
        s.report = Some(d);
        s.add_harvest(&step(StepKind::Theme), "そばにいてくれる");
        s.refresh_report();
        assert_eq!(
            s.report.map(|d| d.points),
            Some(vec![
                "聞いてもらえた".to_string(),
                "そばにいてくれる".to_string()
            ])
        );
    }

    #[test]
    fn lines_and_file_names() {
        assert_eq!(
            split_lines("a\n\n  b  c \r\n"),
            vec!["a", "", "  b  c ", ""]
        );
        assert_eq!(split_lines("a\nb\n").join("\n"), "a\nb\n");
        assert_eq!(file_name(&draft(), "x"), "taiwa-report-2026-11-22.md");
        let d = ReportDraft {
            date: "11月".into(),
            ..ReportDraft::default()
        };
        assert_eq!(file_name(&d, "ab/../c"), "taiwa-report-abc.md");
    }
}
