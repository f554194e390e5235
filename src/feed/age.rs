//! An item's age as a list shows it: a number and a unit ("5 min", "3 h", "2 d").
//!
//! The rule: under a minute is `now`; then minutes, hours (under a day), days (under five
//! weeks), months of 30 days (under a year), years. A date more
//! than an hour in the future (a wrong clock, a scheduled item) shows as the date itself,
//! `YYYY-MM-DD`; a little ahead counts as `now`. Digits are Western: the unit letters are Latin,
//! and the pair reads the same inside Arabic, Hebrew or Latin titles.

use chrono::{DateTime, Utc};

/// The widest [`age`] text, for sizing the column.
pub const WIDTH: usize = 10;

/// How long ago `date` was at `now`.
pub fn age(date: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let seconds = (now - date).num_seconds();
    if seconds < -3600 {
        return date.format("%Y-%m-%d").to_string();
    }
    let minutes = seconds / 60;
    let hours = minutes / 60;
    let days = hours / 24;
    match () {
        () if minutes < 1 => "now".to_owned(),
        () if hours < 1 => format!("{minutes} min"),
        () if days < 1 => format!("{hours} h"),
        () if days < 35 => format!("{days} d"),
        () if days < 365 => format!("{} mo", days / 30),
        () => format!("{} y", days / 365),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    fn ago(delta: TimeDelta) -> String {
        let now = DateTime::parse_from_rfc3339("2026-12-06T21:00:00Z")
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or_default();
        age(now - delta, now)
    }

    #[test]
    fn each_span_has_its_unit() {
        assert_eq!(ago(TimeDelta::seconds(20)), "now");
        assert_eq!(ago(TimeDelta::seconds(-600)), "now");
        assert_eq!(ago(TimeDelta::minutes(5)), "5 min");
        assert_eq!(ago(TimeDelta::minutes(59)), "59 min");
        assert_eq!(ago(TimeDelta::minutes(60)), "1 h");
        assert_eq!(ago(TimeDelta::hours(23)), "23 h");
        assert_eq!(ago(TimeDelta::hours(49)), "2 d");
        assert_eq!(ago(TimeDelta::days(34)), "34 d");
        assert_eq!(ago(TimeDelta::days(35)), "1 mo");
        assert_eq!(ago(TimeDelta::days(364)), "12 mo");
        assert_eq!(ago(TimeDelta::days(800)), "2 y");
        assert_eq!(ago(TimeDelta::days(-3)), "2026-12-09");
    }

    #[test]
    fn no_age_is_wider_than_the_column() {
        for days in [0, 1, 30, 364, 365 * 99, 365 * 9999] {
            assert!(ago(TimeDelta::days(days)).len() <= WIDTH, "{days}");
        }
        assert!(ago(TimeDelta::days(-400)).len() <= WIDTH);
    }
}
