//! Just enough iCalendar (RFC 5545) for a reminder: one all-day VEVENT with a display alarm.
//! Lines end in CRLF and are folded at 75 octets (3.1), TEXT values are escaped (3.3.11).

use crate::units::Date;

/// One all-day event on `day`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    /// Globally unique and stable for the same reminder, so that importing it twice updates
    /// the event rather than adding a second one.
    pub uid: String,
    /// When the file was made (the caller's today): DTSTAMP.
    pub made_on: Date,
    pub day: Date,
    pub summary: String,
    pub description: String,
}

/// The longest line, in octets, without its CRLF.
pub const MAX_LINE_OCTETS: usize = 75;

/// TEXT escaping: backslash, semicolon, comma and line breaks.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            // A CR of a CRLF pair is carried by the `\n`; a lone one is not text.
            '\r' => {}
            // Other control characters are not allowed in TEXT.
            control if control.is_control() => {}
            other => escaped.push(other),
        }
    }
    escaped
}

/// One content line, folded: at most 75 octets a line, continuation lines starting with a
/// space, never splitting a UTF-8 sequence.
fn push_line(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space of a continuation counts towards its 75 octets.
        limit = MAX_LINE_OCTETS - 1;
    }
}

fn date_value(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// The .ics text of a calendar holding `reminder`, with an alarm at 09:00 on its day.
pub fn calendar(product: &str, reminder: &Reminder) -> String {
    let mut out = String::new();
    let next_day = crate::addon::calendar::add_days(reminder.day, 1).unwrap_or(reminder.day);
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!("PRODID:{product}"),
        "CALSCALE:GREGORIAN".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", reminder.uid),
        // DTSTAMP is a UTC date-time; the caller gives a day, so midnight of it.
        format!("DTSTAMP:{}T000000Z", date_value(reminder.made_on)),
        format!("DTSTART;VALUE=DATE:{}", date_value(reminder.day)),
        format!("DTEND;VALUE=DATE:{}", date_value(next_day)),
        format!("SUMMARY:{}", escape(&reminder.summary)),
        format!("DESCRIPTION:{}", escape(&reminder.description)),
        "TRANSP:TRANSPARENT".to_owned(),
        "BEGIN:VALARM".to_owned(),
        "ACTION:DISPLAY".to_owned(),
        // Nine hours into the all-day event: 09:00 local time.
        "TRIGGER;RELATED=START:PT9H".to_owned(),
        format!("DESCRIPTION:{}", escape(&reminder.summary)),
        "END:VALARM".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    for line in &lines {
        push_line(&mut out, line);
    }
    out
}

/// The content lines of an .ics text with their folding undone, for tests and readers.
pub fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for physical in text.split("\r\n") {
        if let Some(continuation) = physical.strip_prefix(' ')
            && let Some(last) = lines.last_mut()
        {
            last.push_str(continuation);
            continue;
        }
        if !physical.is_empty() {
            lines.push(physical.to_owned());
        }
    }
    lines
}

// Natively only: proptest's random source does not build for wasm32-unknown-unknown.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reminder(summary: &str, description: &str) -> Reminder {
        Reminder {
            uid: "test@sitecheck".into(),
            made_on: Date::new(2026, 6, 1),
            day: Date::new(2026, 12, 31),
            summary: summary.into(),
            description: description.into(),
        }
    }

    #[test]
    fn text_is_escaped() {
        let check = |text: &str, expected: &str| assert_eq!(escape(text), expected, "{text:?}");
        check("plain", "plain");
        check("a, b; c\\d", "a\\, b\\; c\\\\d");
        check("one\r\ntwo\nthree", "one\\ntwo\\nthree");
        check("bell\u{7}", "bell");
    }

    #[test]
    fn the_event_is_all_day_with_its_dates() {
        let text = calendar("-//sitecheck//test//EN", &reminder("Renew", "Why"));
        let lines = unfold(&text);
        for expected in [
            "DTSTAMP:20260601T000000Z",
            "DTSTART;VALUE=DATE:20261231",
            "DTEND;VALUE=DATE:20270101",
            "SUMMARY:Renew",
            "DESCRIPTION:Why",
        ] {
            assert!(lines.iter().any(|line| line == expected), "{expected} in {lines:?}");
        }
        assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
        assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    }

    proptest! {
        #[test]
        fn lines_are_crlf_folded_at_75_octets_and_unfold_to_the_text(summary in "\\PC{0,300}", description in ".{0,400}") {
            let text = calendar("-//sitecheck//test//EN", &reminder(&summary, &description));
            prop_assert!(text.ends_with("\r\n"));
            for line in text.split("\r\n") {
                prop_assert!(line.len() <= MAX_LINE_OCTETS, "{} octets: {:?}", line.len(), line);
                prop_assert!(!line.contains('\n') && !line.contains('\r'));
            }
            let lines = unfold(&text);
            let summary_line = format!("SUMMARY:{}", escape(&summary));
            let description_line = format!("DESCRIPTION:{}", escape(&description));
            prop_assert!(lines.contains(&summary_line));
            prop_assert!(lines.contains(&description_line));
        }
    }
}
