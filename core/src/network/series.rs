//! The order of the HTTPS requests that measure delay, jitter and loss: warm-ups, counted
//! samples, and what to do when a request is lost or refused. The browser sends the requests;
//! this decides which comes next, so the rules are tested natively.

use crate::bilingual;
use crate::locale::Bilingual;
use crate::network::{FetchOutcome, Method, Sample};
use crate::verdict::{Figure, FigureName};

/// One request to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// Ask for a readable (CORS) answer, whose Resource Timing the server may share; else an
    /// opaque one, timed by the wall clock.
    pub readable: bool,
    /// A sample that counts, rather than a warm-up.
    pub counted: bool,
    /// A number for this request alone, for its URL (so no cache or timing entry is shared).
    pub number: usize,
}

/// How a round trip was timed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The request's own Resource Timing, shared by the server; it also tells whether the
    /// request opened a new connection (Firefox times the first request on a new proxied
    /// connection as 0 ms, so such a request is no sample).
    ResourceTiming { new_connection: bool },
    /// The wall clock around the request: the server shares no timing.
    Wall,
}

/// An answered request's round trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundTrip {
    pub micros: u64,
    pub clock: Clock,
}

/// A series of timed requests to one host.
///
/// - Two warm-ups open a connection and settle it; the samples then run on it, kept alive.
/// - Requests ask for a readable answer until the server refuses one: a refusal looks like a
///   request that failed at once, and then the same request is sent again opaquely.
/// - A lost request costs the connection (the browser abandons it), so a fresh warm-up follows
///   before the next sample; not after a loss that follows a loss, when the path is down.
/// - A sample that Resource Timing shows on a new connection counts as a fresh warm-up, and
///   the sample is taken again; not when the request before it was on a new connection too,
///   when the server does not keep connections alive and every sample is a new connection.
/// - When neither the reachability request nor the warm-ups were answered, the samples are
///   not sent: the path never worked, and each would only wait out its time bound.
#[derive(Debug, Clone)]
pub struct Series {
    warm_ups: usize,
    count: usize,
    readable: bool,
    reach_answered: bool,
    warm_ups_done: usize,
    warm_ups_answered: usize,
    extra_warm_ups: usize,
    extra_warm_up_due: bool,
    previous_answered: bool,
    previous_new_connection: bool,
    sent: usize,
    samples: Vec<Sample>,
    precise: usize,
    by_clock: usize,
    on_new_connections: usize,
}

impl Series {
    pub fn new(warm_ups: usize, count: usize, reach_answered: bool) -> Series {
        Series {
            warm_ups,
            count,
            readable: true,
            reach_answered,
            warm_ups_done: 0,
            warm_ups_answered: 0,
            extra_warm_ups: 0,
            extra_warm_up_due: false,
            previous_answered: reach_answered,
            previous_new_connection: true,
            sent: 0,
            samples: Vec::with_capacity(count),
            precise: 0,
            by_clock: 0,
            on_new_connections: 0,
        }
    }

    fn never_answered(&self) -> bool {
        self.warm_ups_done >= self.warm_ups && self.warm_ups_answered == 0 && !self.reach_answered
    }

    /// The next request, or `None` when the series is over.
    pub fn next_step(&self) -> Option<Step> {
        let step = |counted| Some(Step { readable: self.readable, counted, number: self.sent });
        if self.warm_ups_done < self.warm_ups {
            return step(false);
        }
        if self.never_answered() || self.samples.len() >= self.count {
            return None;
        }
        step(!self.extra_warm_up_due)
    }

    /// How the request of `step` ended, and its round trip when it was answered.
    pub fn record(&mut self, step: Step, outcome: FetchOutcome, round_trip: Option<RoundTrip>) {
        self.sent += 1;
        if step.readable && self.readable && matches!(outcome, FetchOutcome::FailedAtOnce { .. }) {
            // Perhaps only the readable answer was refused: the same request goes again,
            // opaquely, and decides.
            self.readable = false;
            return;
        }
        let answered = matches!(outcome, FetchOutcome::Answered { .. });
        let round_trip = round_trip.filter(|_| answered);
        let new_connection =
            matches!(round_trip, Some(RoundTrip { clock: Clock::ResourceTiming { new_connection: true }, .. }));
        if self.warm_ups_done < self.warm_ups {
            self.warm_ups_done += 1;
            self.warm_ups_answered += usize::from(answered);
            self.extra_warm_up_due = false;
        } else if !step.counted || (new_connection && !self.previous_new_connection) {
            self.extra_warm_ups += 1;
            self.extra_warm_up_due = false;
        } else {
            match round_trip.map(|round_trip| round_trip.clock) {
                Some(Clock::ResourceTiming { .. }) => self.precise += 1,
                Some(Clock::Wall) => self.by_clock += 1,
                None => {}
            }
            self.on_new_connections += usize::from(new_connection);
            self.samples.push(round_trip.map(|round_trip| round_trip.micros));
        }
        if !answered && self.previous_answered {
            self.extra_warm_up_due = true;
        }
        self.previous_answered = answered;
        self.previous_new_connection = new_connection;
    }

    /// The counted samples so far.
    pub fn samples(&self) -> &[Sample] {
        &self.samples
    }

    /// Requests done and requests to come (as now known), for a progress bar.
    pub fn progress(&self) -> (usize, usize) {
        let done = self.warm_ups_done + self.extra_warm_ups + self.samples.len();
        let total = if self.never_answered() { done } else { self.warm_ups + self.extra_warm_ups + self.count };
        (done, total.max(done))
    }

    /// How the samples were taken, for the evidence of the verdicts: the words, and the
    /// warm-ups (the first ones, and the fresh ones after losses) as figures.
    pub fn method(&self, host: &str) -> Method {
        Method {
            text: self.method_text(host),
            figures: vec![
                Figure::whole(FigureName::WarmUps, self.warm_ups as u64),
                Figure::whole(FigureName::FreshWarmUps, self.extra_warm_ups as u64),
            ],
        }
    }

    fn method_text(&self, host: &str) -> Bilingual {
        let (count, warm_ups) = (self.count, self.warm_ups);
        if self.never_answered() {
            return bilingual!(
                "HTTPS requests to {host}: neither the reachability request nor the {warm_ups} warm-ups were answered, so the {count} samples were not sent",
                "HTTPS-begäranden till {host}: varken nåbarhetsbegäran eller de {warm_ups} uppvärmningarna besvarades, så de {count} mätningarna skickades inte"
            );
        }
        let extra = match self.extra_warm_ups {
            0 => Bilingual::default(),
            1 => {
                Bilingual::new(" and a fresh warm-up on a new connection", " och en ny uppvärmning på en ny anslutning")
            }
            extra => bilingual!(
                " and {extra} fresh warm-ups on new connections",
                " och {extra} nya uppvärmningar på nya anslutningar"
            ),
        };
        let connection = match self.on_new_connections {
            0 => Bilingual::new("on a kept-alive connection", "på en anslutning som hölls öppen"),
            all if all == self.samples.len() => Bilingual::new(
                "each on a new connection (the server did not keep connections alive)",
                "var och en på en ny anslutning (servern höll inte anslutningarna öppna)",
            ),
            some => bilingual!(
                "on a kept-alive connection but for {some} (the server closed connections)",
                "på en anslutning som hölls öppen utom för {some} (servern stängde anslutningar)"
            ),
        };
        let how = match (self.precise, self.by_clock) {
            (0, 0) => Bilingual::new("none of which answered", "av vilka ingen besvarades"),
            (_, 0) => Bilingual::new(
                "timed by Resource Timing (the server allows this page to read it)",
                "tidtagna med Resource Timing (servern låter den här sidan läsa den)",
            ),
            (0, _) => Bilingual::new(
                "timed by the wall clock around each request (the server shares no Resource Timing with this page)",
                "tidtagna med väggklockan runt varje begäran (servern delar ingen Resource Timing med den här sidan)",
            ),
            (precise, by_clock) => bilingual!(
                "timed by Resource Timing for {precise} and the wall clock for {by_clock} of them",
                "tidtagna med Resource Timing för {precise} och med väggklockan för {by_clock} av dem"
            ),
        };
        let (connection_en, connection_sv) = (&connection.en, &connection.sv);
        let (extra_en, extra_sv) = (&extra.en, &extra.sv);
        let (how_en, how_sv) = (&how.en, &how.sv);
        bilingual!(
            "HTTPS requests to {host} {connection_en}, {count} after {warm_ups} warm-ups{extra_en}, {how_en}",
            "HTTPS-begäranden till {host} {connection_sv}, {count} efter {warm_ups} uppvärmningar{extra_sv}, {how_sv}"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a request can end as, in short.
    #[derive(Clone, Copy)]
    enum End {
        /// Answered, with Resource Timing.
        Timed,
        /// Answered, with Resource Timing that shows a new connection.
        Fresh,
        /// Answered, timed by the wall clock.
        Clock,
        Refused,
        Silent,
    }

    /// Runs a series against answers given in order (the last repeats): the series, and the
    /// steps it took ('w' warm-up, 's' sample; upper case readable).
    fn run(reach_answered: bool, count: usize, ends: &[End]) -> (Series, String) {
        let mut series = Series::new(2, count, reach_answered);
        let mut taken = String::new();
        let mut index = 0;
        while let Some(step) = series.next_step() {
            assert!(taken.len() < 100, "runaway series: {taken}");
            assert_eq!(step.number, taken.len(), "{taken}");
            let letter = if step.counted { 's' } else { 'w' };
            taken.push(if step.readable { letter.to_ascii_uppercase() } else { letter });
            let end = ends[index.min(ends.len() - 1)];
            index += 1;
            let answered =
                |micros, clock| (FetchOutcome::Answered { elapsed_ms: 10 }, Some(RoundTrip { micros, clock }));
            let (outcome, round_trip) = match end {
                End::Timed => answered(10_000, Clock::ResourceTiming { new_connection: false }),
                End::Fresh => answered(1_000, Clock::ResourceTiming { new_connection: true }),
                End::Clock => answered(12_000, Clock::Wall),
                // A readable request to a server that refuses it, then an opaque one.
                End::Refused if step.readable => (FetchOutcome::FailedAtOnce { elapsed_ms: 1 }, None),
                End::Refused => answered(12_000, Clock::Wall),
                End::Silent => (FetchOutcome::NoAnswer { timeout_ms: 1000 }, None),
            };
            series.record(step, outcome, round_trip);
            let (done, total) = series.progress();
            assert!(done <= total, "{done} of {total}");
        }
        (series, taken)
    }

    /// Runs a series as `run` does, and checks the steps it took, its samples and its method.
    fn check(reach_answered: bool, count: usize, ends: &[End], steps: &str, samples: &[Sample], method: &str) {
        let (series, taken) = run(reach_answered, count, ends);
        assert_eq!(taken, steps);
        assert_eq!(series.samples(), samples);
        let text = series.method("touchpoint.telia.se").text;
        assert!(text.en.contains(method), "{}", text.en);
        let (done, total) = series.progress();
        assert_eq!(done, total, "the bar ends full");
    }

    #[test]
    fn series_order() {
        use End::*;
        let timed = Some(10_000);
        let clock = Some(12_000);
        check(true, 3, &[Timed], "WWSSS", &[timed; 3], "3 after 2 warm-ups, timed by Resource Timing (the server");
        // A server that refuses readable answers: asked again opaquely, once, then opaque.
        check(true, 2, &[Refused], "Wwwss", &[clock; 2], "timed by the wall clock around each request");
        check(true, 2, &[Clock], "WWSS", &[clock; 2], "timed by the wall clock");
        // A lost sample is followed by a fresh warm-up, then the samples go on.
        check(
            true,
            3,
            &[Timed, Timed, Timed, Silent, Timed],
            "WWSSWS",
            &[timed, None, timed],
            "on a kept-alive connection, 3 after 2 warm-ups and a fresh warm-up on a new connection, timed by Resource Timing",
        );
        check(
            true,
            4,
            &[Timed, Timed, Silent, Timed, Timed, Silent, Timed, Timed],
            "WWSWSSWS",
            &[None, timed, None, timed],
            "and 2 fresh warm-ups on new connections,",
        );
        // Losses in a row: one fresh warm-up, then no more until something answers.
        check(
            true,
            4,
            &[Timed, Timed, Silent, Silent, Silent, Silent, Timed],
            "WWSWSSS",
            &[None, None, None, timed],
            "and a fresh warm-up on a new connection,",
        );
        // A lost warm-up is followed by a fresh one too, so the first sample runs on a warm
        // connection.
        check(true, 2, &[Timed, Silent, Fresh, Timed], "WWWSS", &[timed; 2], "2 after 2 warm-ups and a fresh warm-up");
        // A sample that opened a new connection (after losses in a row) is a fresh warm-up,
        // and the sample is taken again on the connection it warmed.
        check(
            true,
            3,
            &[Timed, Timed, Silent, Silent, Silent, Fresh, Timed],
            "WWSWSSS",
            &[None, None, timed],
            "3 after 2 warm-ups and 2 fresh warm-ups on new connections,",
        );
        // A server that closes every connection: each sample is on a new one, and counts.
        let fresh = Some(1_000);
        check(
            true,
            2,
            &[Fresh],
            "WWSS",
            &[fresh; 2],
            "each on a new connection (the server did not keep connections alive)",
        );
        // A server that closed one connection, after a sample on a new connection.
        check(
            true,
            3,
            &[Timed, Timed, Timed, Fresh, Fresh, Timed],
            "WWSSSS",
            &[timed, fresh, timed],
            "on a kept-alive connection but for 1 (the server closed connections), 3 after 2 warm-ups and a fresh",
        );
        // The path never worked: no samples are sent.
        check(false, 20, &[Silent], "WW", &[], "neither the reachability request nor the 2 warm-ups were answered");
        // It answered the reachability request, then went silent: the samples show the loss.
        check(true, 3, &[Silent], "WWSSS", &[None; 3], "none of which answered");
        // A warm-up answered though the reachability request did not: the samples are sent.
        check(false, 2, &[Silent, Timed], "WWSS", &[timed; 2], "timed by Resource Timing");
        // Mixed timing is said as such.
        check(
            true,
            2,
            &[Timed, Timed, Timed, Clock],
            "WWSS",
            &[timed, clock],
            "Resource Timing for 1 and the wall clock for 1",
        );
    }

    #[test]
    fn warm_ups_are_figures_of_the_method() {
        use End::*;
        let check = |reach_answered: bool, ends: &[End], fresh: &str| {
            let (series, taken) = run(reach_answered, 4, ends);
            let figures: Vec<(&str, String)> = series
                .method("touchpoint.telia.se")
                .figures
                .iter()
                .map(|figure| (figure.name.slug(), figure.text()))
                .collect();
            assert_eq!(figures, [("warm-ups", "2".to_owned()), ("fresh-warm-ups", fresh.to_owned())], "{taken}");
        };
        check(true, &[Timed], "0");
        check(true, &[Timed, Timed, Silent, Timed], "1");
        check(true, &[Timed, Timed, Silent, Timed, Timed, Silent, Timed], "2");
        // The path never worked: the two warm-ups were still sent.
        check(false, &[Silent], "0");
    }
}
