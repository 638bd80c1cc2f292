//! Dates and times of sessions, as a person reads them: in local time, in the
//! words of their language.
//!
//! A date is kept as the text of an `<input type="datetime-local">`
//! (`2026-12-20T14:00`), so that what someone typed is what is stored. The
//! names of weekdays and months, and the order of the parts, come from the UI
//! tables; the calendar arithmetic lives here.

/// A local date and time, to the minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalDateTime {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian calendar).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number (days since 1970-01-01).
fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

impl LocalDateTime {
    /// The local time of an instant. `offset_minutes` is what JavaScript's
    /// `Date.getTimezoneOffset()` gives: UTC minus local time (Japan: -540).
    pub fn from_epoch(ms: i64, offset_minutes: i64) -> LocalDateTime {
        let local_min = ms.div_euclid(60_000) - offset_minutes;
        let days = local_min.div_euclid(1440);
        let in_day = local_min.rem_euclid(1440);
        let (year, month, day) = civil_from_days(days);
        LocalDateTime {
            year,
            month,
            day,
            hour: (in_day / 60) as u32,
            minute: (in_day % 60) as u32,
        }
    }

    /// The instant of this local time, with `offset_minutes` as in
    /// [`LocalDateTime::from_epoch`].
    pub fn to_epoch(self, offset_minutes: i64) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        let local_min = days * 1440 + i64::from(self.hour) * 60 + i64::from(self.minute);
        (local_min + offset_minutes) * 60_000
    }

    /// Reads `YYYY-MM-DDTHH:MM` (seconds, if any, are ignored) or a bare
    /// `YYYY-MM-DD` (midnight). Anything else, or an impossible date, is `None`.
    pub fn parse(text: &str) -> Option<LocalDateTime> {
        let text = text.trim();
        let (date, time) = match text.split_once(['T', ' ']) {
            Some((d, t)) => (d, Some(t)),
            None => (text, None),
        };
        let mut parts = date.split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        if parts.next().is_some() || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        let (hour, minute) = match time {
            None => (0, 0),
            Some(t) => {
                let mut parts = t.split(':');
                let h: u32 = parts.next()?.parse().ok()?;
                let m: u32 = parts.next()?.parse().ok()?;
                (h, m)
            }
        };
        if hour > 23 || minute > 59 {
            return None;
        }
        Some(LocalDateTime {
            year,
            month,
            day,
            hour,
            minute,
        })
    }

    /// The value for an `<input type="datetime-local">`.
    pub fn to_input(self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute
        )
    }

    /// `YYYY-MM-DD`, for file names.
    pub fn ymd(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// 0 = Sunday ... 6 = Saturday.
    pub fn weekday(self) -> usize {
        // 1970-01-01 was a Thursday.
        (days_from_civil(self.year, self.month, self.day) + 4).rem_euclid(7) as usize
    }

    /// Fills a pattern from the UI table: `{y}`, `{m}` (month number), `{month}`
    /// (month name), `{d}`, `{w}` (weekday name), `{hh}`, `{mm}`. `weekdays` and
    /// `months` are comma-separated lists (Sunday first; January first).
    pub fn format(self, pattern: &str, weekdays: &str, months: &str) -> String {
        let name = |list: &str, i: usize| {
            list.split(',')
                .nth(i)
                .map(str::trim)
                .unwrap_or_default()
                .to_string()
        };
        pattern
            .replace("{y}", &self.year.to_string())
            .replace("{month}", &name(months, self.month as usize - 1))
            .replace("{m}", &self.month.to_string())
            .replace("{d}", &self.day.to_string())
            .replace("{w}", &name(weekdays, self.weekday()))
            .replace("{hh}", &format!("{:02}", self.hour))
            .replace("{mm}", &format!("{:02}", self.minute))
    }
}

/// How a stored date reads: formatted when it parses, else the text as typed.
pub fn show(text: &str, pattern: &str, weekdays: &str, months: &str) -> String {
    match LocalDateTime::parse(text) {
        Some(dt) => dt.format(pattern, weekdays, months),
        None => text.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WEEK_JA: &str = "日,月,火,水,木,金,土";
    const WEEK_EN: &str = "Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday";
    const MONTHS_EN: &str =
        "January,February,March,April,May,June,July,August,September,October,November,December";

    #[test]
    fn epoch_to_local_time_in_japan_and_utc() {
        // 2026-11-22T05:30:00Z
        let ms = 1_795_325_400_000;
        assert_eq!(
            LocalDateTime::from_epoch(ms, -540).to_input(),
            "2026-11-22T14:30"
        );
        assert_eq!(
            LocalDateTime::from_epoch(ms, 0).to_input(),
            "2026-11-22T05:30"
        );
        assert_eq!(
            LocalDateTime::from_epoch(ms, -540).to_epoch(-540),
            ms,
            "and back"
        );
        // West of UTC, the day before.
        assert_eq!(
            LocalDateTime::from_epoch(ms, 600).to_input(),
            "2026-11-21T19:30"
        );
    }

    #[test]
    fn parses_what_a_datetime_input_gives_and_refuses_the_impossible() {
        let dt = LocalDateTime::parse("2026-12-20T14:00").unwrap();
        assert_eq!(
            (dt.year, dt.month, dt.day, dt.hour, dt.minute),
            (2026, 12, 20, 14, 0)
        );
        assert_eq!(
            LocalDateTime::parse("2024-02-29").unwrap().to_input(),
            "2024-02-29T00:00"
        );
        assert_eq!(
            LocalDateTime::parse("2026-01-05T09:07:30")
                .unwrap()
                .to_input(),
            "2026-01-05T09:07"
        );
        for bad in [
            "",
            "next month",
            "2025-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-01-01T25:00",
        ] {
            assert_eq!(LocalDateTime::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn weekdays_and_patterns_in_both_languages() {
        let dt = LocalDateTime::parse("2026-12-20T14:00").unwrap();
        assert_eq!(dt.weekday(), 0, "20 December 2026 is a Sunday");
        assert_eq!(
            dt.format("{y}年{m}月{d}日（{w}）{hh}:{mm}", WEEK_JA, ""),
            "2026年12月20日（日）14:00"
        );
        assert_eq!(
            dt.format("{w} {d} {month} {y}, {hh}:{mm}", WEEK_EN, MONTHS_EN),
            "Sunday 20 December 2026, 14:00"
        );
        assert_eq!(LocalDateTime::parse("1970-01-01").unwrap().weekday(), 4);
        assert_eq!(LocalDateTime::parse("2000-03-01").unwrap().weekday(), 3);
    }

    #[test]
    fn free_text_dates_are_shown_as_typed() {
        assert_eq!(show(" 12月の第3土曜 ", "{y}", WEEK_JA, ""), "12月の第3土曜");
        assert_eq!(
            show("2026-12-19T10:00", "{m}/{d}（{w}）", WEEK_JA, ""),
            "12/19（土）"
        );
    }

    #[test]
    fn civil_days_round_trip() {
        for days in [-800_000, -1, 0, 1, 10_957, 20_779, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
