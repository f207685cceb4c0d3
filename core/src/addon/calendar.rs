//! Calendar arithmetic the expiry checks share: a month before an expiry, two years after a
//! creation. `units::Date` counts days; months and years need the calendar, and a day that
//! does not exist in the target month (31 March minus a month) falls back to that month's last.

use crate::locale::{Bilingual, Locale};
use crate::units::{Date, Period, TimeUnit};

/// The calendar's own month lengths (`units`), for the years a `Date` holds.
fn days_in_month(year: i64, month: i64) -> i64 {
    i64::from(crate::units::days_in_month(year as u16, month as u8))
}

/// The earliest and latest years a [`Date`] here may take: certificates write four-digit years.
const FIRST_YEAR: i64 = 0;
const LAST_YEAR: i64 = 9999;

/// `date` moved by `months` calendar months, the day clamped to the target month's length;
/// `None` outside the years 0–9999.
pub fn add_months(date: Date, months: i64) -> Option<Date> {
    let index = i64::from(date.year()) * 12 + i64::from(date.month()) - 1 + months;
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return None;
    }
    let day = i64::from(date.day()).min(days_in_month(year, month));
    Date::try_new(year as u16, month as u8, day as u8).ok()
}

/// `date` moved by `days` days; `None` outside the years 0–9999.
pub fn add_days(date: Date, days: i64) -> Option<Date> {
    let target = date.days_since_epoch().checked_add(days)?;
    let range =
        Date::new(FIRST_YEAR as u16, 1, 1).days_since_epoch()..=Date::new(LAST_YEAR as u16, 12, 31).days_since_epoch();
    range.contains(&target).then(|| Date::from_days_since_epoch(target))
}

/// Days from `from` to `to`: negative when `to` is earlier.
pub fn days_between(from: Date, to: Date) -> i64 {
    to.days_since_epoch() - from.days_since_epoch()
}

/// `date` moved forward (`sign` 1) or back (`sign` -1) by a calendar period of months or
/// years; `None` for clock periods (minutes, hours), which a day cannot carry.
pub fn shift(date: Date, period: Period, sign: i64) -> Option<Date> {
    let months = match period.unit {
        TimeUnit::Months => i64::from(period.amount),
        TimeUnit::Years => i64::from(period.amount) * 12,
        TimeUnit::Minutes | TimeUnit::Hours => return None,
    };
    add_months(date, sign * months)
}

/// A period as that language writes it: "1 month" and "2 years" (`Display`) in English, "1 månad"
/// and "2 år" in Swedish.
pub fn period_in(period: Period, locale: Locale) -> String {
    if locale == Locale::En {
        return period.to_string();
    }
    let unit = match (period.unit, period.amount == 1) {
        (TimeUnit::Minutes, true) => "minut",
        (TimeUnit::Minutes, false) => "minuter",
        (TimeUnit::Hours, true) => "timme",
        (TimeUnit::Hours, false) => "timmar",
        (TimeUnit::Months, true) => "månad",
        (TimeUnit::Months, false) => "månader",
        (TimeUnit::Years, _) => "år",
    };
    format!("{} {unit}", period.amount)
}

/// A period in both languages.
pub fn period_text(period: Period) -> Bilingual {
    Bilingual::each(|locale| period_in(period, locale))
}

// Natively only: proptest's random source does not build for wasm32-unknown-unknown.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn months_clamp_to_the_last_day() {
        let check = |date: Date, months: i64, expected: Option<Date>| {
            assert_eq!(add_months(date, months), expected, "{date} {months:+} months");
        };
        check(Date::new(2026, 3, 31), -1, Some(Date::new(2026, 2, 28)));
        check(Date::new(2024, 3, 31), -1, Some(Date::new(2024, 2, 29)));
        check(Date::new(2024, 2, 29), 24, Some(Date::new(2026, 2, 28)));
        check(Date::new(2024, 2, 29), 48, Some(Date::new(2028, 2, 29)));
        check(Date::new(2026, 1, 15), -1, Some(Date::new(2025, 12, 15)));
        check(Date::new(2026, 12, 15), 1, Some(Date::new(2027, 1, 15)));
        check(Date::new(9999, 12, 1), 1, None);
        check(Date::new(0, 1, 1), -1, None);
    }

    #[test]
    fn periods_of_the_calendar_shift_and_clock_periods_do_not() {
        let year = Period { amount: 2, unit: TimeUnit::Years };
        assert_eq!(shift(Date::new(2026, 5, 31), year, 1), Some(Date::new(2028, 5, 31)));
        let month = Period { amount: 1, unit: TimeUnit::Months };
        assert_eq!(shift(Date::new(2026, 5, 31), month, -1), Some(Date::new(2026, 4, 30)));
        assert_eq!(shift(Date::new(2026, 5, 31), Period { amount: 24, unit: TimeUnit::Hours }, 1), None);
    }

    #[test]
    fn periods_are_written_in_either_language() {
        let check = |amount: u32, unit: TimeUnit, en: &str, sv: &str| {
            let period = Period { amount, unit };
            assert_eq!(period_text(period), Bilingual::new(en, sv), "{period}");
        };
        check(1, TimeUnit::Months, "1 month", "1 månad");
        check(24, TimeUnit::Months, "24 months", "24 månader");
        check(2, TimeUnit::Years, "2 years", "2 år");
        check(1, TimeUnit::Hours, "1 hour", "1 timme");
        check(5, TimeUnit::Minutes, "5 minutes", "5 minuter");
    }

    #[test]
    fn days_count_across_years() {
        assert_eq!(days_between(Date::new(2026, 6, 1), Date::new(2026, 6, 11)), 10);
        assert_eq!(days_between(Date::new(2026, 6, 11), Date::new(2026, 6, 1)), -10);
        assert_eq!(add_days(Date::new(2024, 12, 31), 60), Some(Date::new(2025, 3, 1)));
        assert_eq!(add_days(Date::new(9999, 12, 31), 1), None);
        assert_eq!(add_days(Date::new(2026, 1, 1), i64::MAX), None);
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (0u16..=9999, 1u8..=12, 1u8..=31).prop_map(|(year, month, day)| {
            let last = days_in_month(i64::from(year), i64::from(month)) as u8;
            Date::new(year, month, day.min(last))
        })
    }

    proptest! {
        #[test]
        fn a_month_forward_and_back_lands_on_or_before_the_day(date in any_date(), months in -240i64..240) {
            if let Some(moved) = add_months(date, months) {
                let back = add_months(moved, -months).unwrap();
                prop_assert_eq!((back.year(), back.month()), (date.year(), date.month()));
                prop_assert!(back.day() <= date.day());
                prop_assert!(Date::try_new(moved.year(), moved.month(), moved.day()).is_ok());
            }
        }

        #[test]
        fn days_round_trip(date in any_date(), days in -100_000i64..100_000) {
            if let Some(moved) = add_days(date, days) {
                prop_assert_eq!(days_between(date, moved), days);
            }
        }
    }
}
