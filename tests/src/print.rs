//! What a printed page looks like on a greyscale printer: the PDF a browser printed is
//! rasterised in grey by poppler (`pdftoppm -gray`), its words are placed by `pdftotext
//! -bbox-layout`, and each verdict label's text is measured against its background in those
//! pixels with the WCAG contrast formula. Colour cannot carry a verdict here: a label must
//! be dark enough (or light enough) against its own background, and say its verdict in words.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// WCAG 2.1 AA for normal text.
pub const LEAST_CONTRAST: f64 = 4.5;

/// Resolution of the rasterised pages: a stroke of the labels' bold 10 pt text is some four
/// pixels wide, so its core is not all antialiased edge.
pub const DPI: f64 = 200.0;

/// A greyscale image, one byte a pixel (0 black, 255 white), row by row.
#[derive(Debug, Clone, PartialEq)]
pub struct Grey {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

impl Grey {
    pub fn at(&self, x: usize, y: usize) -> u8 {
        self.pixels[y * self.width + x]
    }
}

/// Reads a binary PGM (`P5`) with 8-bit samples, as `pdftoppm -gray` writes it: the magic,
/// width, height and largest value as whitespace-separated decimals (comments from `#` to the
/// end of a line), one whitespace byte, then the samples.
pub fn read_pgm(bytes: &[u8]) -> Result<Grey, String> {
    let mut at = 0;
    let mut fields = Vec::new();
    while fields.len() < 4 {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'#') {
            if bytes[at] == b'#' {
                while at < bytes.len() && bytes[at] != b'\n' {
                    at += 1;
                }
            } else {
                at += 1;
            }
        }
        let start = at;
        while at < bytes.len() && !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if start == at {
            return Err(format!("the PGM header ends after {} of 4 fields", fields.len()));
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    if fields[0] != "P5" {
        return Err(format!("not a binary PGM: {:?}", fields[0]));
    }
    let number = |index: usize, name: &str| {
        fields[index].parse::<usize>().map_err(|_| format!("the PGM {name} is {:?}", fields[index]))
    };
    let (width, height, largest) = (number(1, "width")?, number(2, "height")?, number(3, "largest value")?);
    if largest != 255 {
        return Err(format!("the PGM's samples go to {largest}, not 255"));
    }
    // The one whitespace byte after the header.
    let pixels = bytes.get(at + 1..).unwrap_or_default();
    if pixels.len() != width * height {
        return Err(format!("a {width}×{height} PGM has {} sample bytes", pixels.len()));
    }
    Ok(Grey { width, height, pixels: pixels.to_vec() })
}

/// WCAG relative luminance of a grey sRGB value (red, green and blue all `value`).
pub fn luminance(value: u8) -> f64 {
    let channel = f64::from(value) / 255.0;
    if channel <= 0.04045 { channel / 12.92 } else { ((channel + 0.055) / 1.055).powf(2.4) }
}

/// WCAG contrast ratio between two greys, 1 (the same) to 21 (black on white).
pub fn contrast(a: u8, b: u8) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// A rectangle of pixels, `x0..x1` by `y0..y1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    pub x0: usize,
    pub y0: usize,
    pub x1: usize,
    pub y1: usize,
}

/// A rectangle on a PDF page, in points from its top left corner (as pdftotext gives them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Points {
    pub x_min: f64,
    pub y_min: f64,
    pub x_max: f64,
    pub y_max: f64,
}

impl Points {
    /// The pixels a word's box covers at `dpi`, kept inside `width` × `height` and drawn in
    /// from every side by an eighth of its height. A word's box runs from the font's ascent
    /// to its descent, which on a filled label (a pill with round ends) may reach past the
    /// fill, and the paper there is no part of the label's text. The inset keeps the capitals'
    /// and the baseline's strokes.
    pub fn to_pixels(self, dpi: f64, width: usize, height: usize) -> Area {
        let scale = dpi / 72.0;
        let inset = (self.y_max - self.y_min) / 8.0;
        let pixel = |points: f64, limit: usize| ((points * scale).round().max(0.0) as usize).min(limit);
        Area {
            x0: pixel(self.x_min + inset, width),
            y0: pixel(self.y_min + inset, height),
            x1: pixel(self.x_max - inset, width),
            y1: pixel(self.y_max - inset, height),
        }
    }

    fn union(self, other: Points) -> Points {
        Points {
            x_min: self.x_min.min(other.x_min),
            y_min: self.y_min.min(other.y_min),
            x_max: self.x_max.max(other.x_max),
            y_max: self.y_max.max(other.y_max),
        }
    }
}

/// How far (of 255) a pixel must be from the background to count as the text's. Text that
/// reaches 4.5:1 is always further than this from any background (some 107 on the mid grey
/// where it is least), so no readable label is lost below it.
pub const TEXT_DISTANCE: u8 = 48;

/// Text takes a few hundredths of its box at the least (a full stop); fewer pixels than this
/// share of the box are specks, not text.
const LEAST_TEXT_SHARE: f64 = 0.02;

/// Text and background as printed in one area.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measured {
    /// The area's commonest grey: what the text is printed on.
    pub background: u8,
    /// The grey of the text's strokes: of the pixels far from the background, the one three
    /// quarters of the way out (antialiased edges lie between stroke and background, and a
    /// stray speck past the strokes counts for nothing). None when no text stands out.
    pub text: Option<u8>,
    /// Their contrast; 1 when no text stands out from the background.
    pub ratio: f64,
}

/// Measures the contrast of the text in `area` against its background.
pub fn measure(image: &Grey, area: Area) -> Measured {
    let mut counts = [0usize; 256];
    for y in area.y0..area.y1.min(image.height) {
        for x in area.x0..area.x1.min(image.width) {
            counts[usize::from(image.at(x, y))] += 1;
        }
    }
    let total: usize = counts.iter().sum();
    let background = (0..=255u8).max_by_key(|&value| (counts[usize::from(value)], value)).unwrap_or(255);
    let mut far: Vec<(u8, u8)> = (0..=255u8)
        .filter(|value| value.abs_diff(background) >= TEXT_DISTANCE)
        .flat_map(|value| std::iter::repeat_n((value.abs_diff(background), value), counts[usize::from(value)]))
        .collect();
    far.sort_unstable();
    let text = (total > 0 && far.len() as f64 >= LEAST_TEXT_SHARE * total as f64).then(|| far[far.len() * 3 / 4].1);
    Measured { background, text, ratio: text.map_or(1.0, |text| contrast(text, background)) }
}

/// One word as pdftotext placed it: its page (from 1) and line (counted over the document).
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub page: usize,
    pub line: usize,
    pub place: Points,
    pub text: String,
}

fn attribute(tag: &str, name: &str) -> Option<f64> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[start..].split('"').next()?.parse().ok()
}

/// A word's text as the page wrote it: XML entities undone, and the ligatures a font printed
/// (Firefox's "conﬁrmation") spelt out again.
fn unescape(text: &str) -> String {
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    [
        ("\u{FB00}", "ff"),
        ("\u{FB01}", "fi"),
        ("\u{FB02}", "fl"),
        ("\u{FB03}", "ffi"),
        ("\u{FB04}", "ffl"),
        ("\u{FB05}", "st"),
        ("\u{FB06}", "st"),
    ]
    .iter()
    .fold(text, |text, (ligature, letters)| text.replace(ligature, letters))
}

/// The words of `pdftotext -bbox-layout` output (XHTML: `<page>`, `<line>`, `<word xMin=…
/// yMin=… xMax=… yMax=…>text</word>`), in its reading order.
pub fn read_words(layout: &str) -> Vec<Word> {
    let (mut page, mut line) = (0, 0);
    let mut words = Vec::new();
    for tag in layout.split('<').skip(1) {
        let name = tag.split(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').next().unwrap_or_default();
        if name == "page" {
            page += 1;
        } else if name == "line" {
            line += 1;
        } else if let Some(rest) = tag.strip_prefix("word ") {
            let Some((attributes, text)) = rest.split_once('>') else { continue };
            let attributes = format!(" {attributes}");
            let number = |name| attribute(&attributes, name);
            if let (Some(x_min), Some(y_min), Some(x_max), Some(y_max)) =
                (number("xMin"), number("yMin"), number("xMax"), number("yMax"))
            {
                words.push(Word { page, line, place: Points { x_min, y_min, x_max, y_max }, text: unescape(text) });
            }
        }
    }
    words
}

/// A label as printed: its words, where they are.
#[derive(Debug, Clone, PartialEq)]
pub struct Printed {
    pub text: String,
    pub page: usize,
    pub place: Points,
}

/// Where each of `texts` was printed as a label: its words starting a line of print, in order.
/// Labels come first in their lines (before a card's title, before an item's statement), so a
/// verdict's word inside a sentence is not taken for one.
pub fn find_labels(words: &[Word], texts: &BTreeSet<String>) -> Vec<Printed> {
    let mut found = Vec::new();
    for (index, word) in words.iter().enumerate() {
        if index > 0 && words[index - 1].line == word.line {
            continue;
        }
        let line: Vec<&Word> = words[index..].iter().take_while(|next| next.line == word.line).collect();
        // The longest label that fits, so that "Pass (confirmed)" is not read as "Pass".
        let matched = texts
            .iter()
            .filter(|text| {
                let wanted: Vec<&str> = text.split_whitespace().collect();
                !wanted.is_empty()
                    && wanted.len() <= line.len()
                    && wanted.iter().zip(&line).all(|(wanted, word)| *wanted == word.text)
            })
            .max_by_key(|text| text.split_whitespace().count());
        if let Some(text) = matched {
            let count = text.split_whitespace().count();
            let place = line[1..count].iter().fold(line[0].place, |place, word| place.union(word.place));
            found.push(Printed { text: text.clone(), page: word.page, place });
        }
    }
    found
}

/// One label the page shows, as the page's `data-verdict` and the label's text give it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Label {
    pub verdict: String,
    pub text: String,
}

/// What is wrong with the printed labels.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A label printed with too little contrast in grey.
    Faint { text: String, page: usize, place: Points, measured: Measured },
    /// Fewer (or more) labels with this text printed than the page shows.
    Printed { text: String, shown: usize, printed: usize },
    /// A verdict without a label of its own words: in grey it is told from others by shade
    /// alone, or not at all.
    SameWords { verdict: String, shares: Vec<String> },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Faint { text, page, place, measured } => {
                let (x, y, background, ratio) = (place.x_min, place.y_min, measured.background, measured.ratio);
                let ink = measured.text.map_or("no text stands out".to_owned(), |ink| format!("grey {ink}"));
                write!(
                    f,
                    "{text:?} on page {page} at ({x:.0}, {y:.0}) pt: {ink} on grey {background}, {ratio:.2}:1 (at least {LEAST_CONTRAST}:1)"
                )
            }
            Problem::Printed { text, shown, printed } => {
                write!(f, "{text:?}: the page shows {shown} label(s), the print has {printed}")
            }
            Problem::SameWords { verdict, shares } => {
                write!(f, "{verdict}: its label's words are also those of {}", shares.join(", "))
            }
        }
    }
}

/// Every verdict has words of its own: no label text is shared by two verdicts, and none is
/// empty.
pub fn words_tell_verdicts_apart(labels: &[Label]) -> Vec<Problem> {
    let mut by_text: BTreeMap<Vec<&str>, BTreeSet<&str>> = BTreeMap::new();
    for label in labels {
        by_text.entry(label.text.split_whitespace().collect()).or_default().insert(&label.verdict);
    }
    let verdicts: BTreeSet<&str> = labels.iter().map(|label| label.verdict.as_str()).collect();
    verdicts
        .into_iter()
        .filter_map(|verdict| {
            let shares: BTreeSet<String> = by_text
                .iter()
                .filter(|(words, verdicts)| verdicts.contains(verdict) && (words.is_empty() || verdicts.len() > 1))
                .flat_map(|(words, verdicts)| {
                    let others: Vec<String> =
                        verdicts.iter().filter(|other| **other != verdict).map(|other| other.to_string()).collect();
                    if words.is_empty() { vec!["no words at all".to_owned()] } else { others }
                })
                .collect();
            (!shares.is_empty())
                .then(|| Problem::SameWords { verdict: verdict.to_owned(), shares: shares.into_iter().collect() })
        })
        .collect()
}

/// Checks labels once placed and measured: each printed as often as the page shows it, each
/// with enough contrast, each verdict in words of its own.
pub fn judge(shown: &[Label], printed: &[(Printed, Measured)]) -> Vec<Problem> {
    let mut problems = words_tell_verdicts_apart(shown);
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for label in shown {
        counts.entry(&label.text).or_default().0 += 1;
    }
    for (label, _) in printed {
        counts.entry(&label.text).or_default().1 += 1;
    }
    problems.extend(
        counts
            .into_iter()
            .filter(|(_, (shown, printed))| shown != printed)
            .map(|(text, (shown, printed))| Problem::Printed { text: text.to_owned(), shown, printed }),
    );
    problems.extend(printed.iter().filter(|(_, measured)| measured.ratio < LEAST_CONTRAST).map(|(label, measured)| {
        Problem::Faint { text: label.text.clone(), page: label.page, place: label.place, measured: *measured }
    }));
    problems
}

fn run(command: &mut Command) -> Result<Vec<u8>, String> {
    let output = command.output().map_err(|error| format!("{command:?}: {error} (poppler-utils)"))?;
    if !output.status.success() {
        return Err(format!("{command:?}: {}", String::from_utf8_lossy(&output.stderr)));
    }
    Ok(output.stdout)
}

/// One page of a PDF in grey at `dpi`, as poppler renders it.
pub fn rasterise(pdf: &Path, page: usize, dpi: f64) -> Result<Grey, String> {
    let page = page.to_string();
    // Without an output name, pdftoppm writes the one page to its standard output.
    let pgm = run(Command::new("pdftoppm").args(["-gray", "-r", &dpi.to_string(), "-f", &page, "-l", &page]).arg(pdf))?;
    read_pgm(&pgm)
}

/// Printed labels, judged.
#[derive(Debug)]
pub struct Judged {
    /// Each label found in print, with its measure.
    pub labels: Vec<(Printed, Measured)>,
    pub problems: Vec<Problem>,
    /// The PDF, kept to look at when anything is wrong (`pdftoppm -gray -png`).
    pub kept: Option<PathBuf>,
}

/// The verdict labels of a printed page, judged in grey: `shown` are the labels the page
/// showed when it was printed; `name` tells this PDF's file from others'.
pub fn check_printed_labels(pdf: &[u8], shown: &[Label], name: &str) -> Judged {
    let file = std::env::temp_dir().join(format!("sitecheck-print-{}-{name}.pdf", std::process::id()));
    std::fs::write(&file, pdf).unwrap_or_else(|error| panic!("{}: {error}", file.display()));
    let layout = run(Command::new("pdftotext").arg("-bbox-layout").arg(&file).arg("-"))
        .unwrap_or_else(|error| panic!("{error}"));
    let words = read_words(&String::from_utf8_lossy(&layout));
    let texts: BTreeSet<String> = shown.iter().map(|label| label.text.clone()).collect();
    let mut pages: BTreeMap<usize, Grey> = BTreeMap::new();
    let mut labels = Vec::new();
    for label in find_labels(&words, &texts) {
        let image = pages
            .entry(label.page)
            .or_insert_with(|| rasterise(&file, label.page, DPI).unwrap_or_else(|error| panic!("{error}")));
        let measured = measure(image, label.place.to_pixels(DPI, image.width, image.height));
        labels.push((label, measured));
    }
    let problems = judge(shown, &labels);
    let kept = if problems.is_empty() {
        let _ = std::fs::remove_file(&file);
        None
    } else {
        Some(file)
    };
    Judged { labels, problems, kept }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<T: PartialEq + std::fmt::Debug>(cases: &[(&str, T, T)]) {
        for (name, got, wanted) in cases {
            assert_eq!(got, wanted, "{name}");
        }
    }

    /// A `width` × `height` image of `background` with a block of `text` grey inside.
    fn image(width: usize, height: usize, background: u8, text: u8, block: Area) -> Grey {
        let mut pixels = vec![background; width * height];
        for y in block.y0..block.y1 {
            for x in block.x0..block.x1 {
                pixels[y * width + x] = text;
            }
        }
        Grey { width, height, pixels }
    }

    fn whole(width: usize, height: usize) -> Area {
        Area { x0: 0, y0: 0, x1: width, y1: height }
    }

    #[test]
    fn pgm_headers_are_read() {
        check(&[
            ("plain", read_pgm(b"P5\n2 1\n255\n\x00\xff"), Ok(Grey { width: 2, height: 1, pixels: vec![0, 255] })),
            (
                "a comment and spaces",
                read_pgm(b"P5 # poppler\n 1  2\n255 \x0a\x0b"),
                Ok(Grey { width: 1, height: 2, pixels: vec![10, 11] }),
            ),
            (
                "a sample byte that looks like space",
                read_pgm(b"P5\n1 1\n255\n "),
                Ok(Grey { width: 1, height: 1, pixels: vec![32] }),
            ),
            ("text PGM", read_pgm(b"P2\n1 1\n255\n0"), Err("not a binary PGM: \"P2\"".into())),
            ("16-bit", read_pgm(b"P5\n1 1\n65535\n\x00\x00"), Err("the PGM's samples go to 65535, not 255".into())),
            ("short", read_pgm(b"P5\n2 2\n255\n\x00"), Err("a 2×2 PGM has 1 sample bytes".into())),
            ("no header", read_pgm(b"P5\n2"), Err("the PGM header ends after 2 of 4 fields".into())),
        ]);
    }

    #[test]
    fn contrast_follows_wcag() {
        let round = |ratio: f64| (ratio * 100.0).round() / 100.0;
        check(&[
            ("black on white", round(contrast(0, 255)), 21.0),
            ("the same grey", round(contrast(90, 90)), 1.0),
            ("either way round", round(contrast(255, 0)), 21.0),
            // #767676 is the lightest grey with 4.5:1 on white; #777777 falls short.
            ("#767676 on white", round(contrast(0x76, 255)), 4.54),
            ("#777777 on white", round(contrast(0x77, 255)), 4.48),
            ("white on the pills' mid grey", round(contrast(255, 68)), 9.74),
        ]);
    }

    #[test]
    fn text_is_measured_against_its_commonest_grey() {
        let text = Area { x0: 2, y0: 2, x1: 8, y1: 4 };
        let measured = |background, ink| measure(&image(10, 10, background, ink, text), whole(10, 10));
        check(&[
            ("black on white", measured(255, 0), Measured { background: 255, text: Some(0), ratio: 21.0 }),
            (
                "white on a dark fill",
                measured(68, 255),
                Measured { background: 68, text: Some(255), ratio: contrast(255, 68) },
            ),
            ("text in its background's grey", measured(68, 68), Measured { background: 68, text: None, ratio: 1.0 }),
            ("text too near to stand out", measured(200, 160), Measured { background: 200, text: None, ratio: 1.0 }),
            (
                "mid grey on white",
                measured(255, 0x77),
                Measured { background: 255, text: Some(0x77), ratio: contrast(0x77, 255) },
            ),
        ]);
    }

    #[test]
    fn edges_and_specks_do_not_decide() {
        // Strokes of 0 with antialiased edges of 128, and one speck: the strokes decide.
        let mut strokes = image(20, 10, 255, 0, Area { x0: 2, y0: 2, x1: 14, y1: 6 });
        for x in 2..14 {
            strokes.pixels[6 * 20 + x] = 128;
        }
        let speck = image(20, 10, 255, 0, Area { x0: 3, y0: 3, x1: 4, y1: 4 });
        check(&[
            ("strokes", measure(&strokes, whole(20, 10)).text, Some(0)),
            ("a speck alone", measure(&speck, whole(20, 10)).text, None),
            ("an empty area", measure(&strokes, Area { x0: 5, y0: 5, x1: 5, y1: 9 }).text, None),
        ]);
    }

    #[test]
    fn points_become_pixels_inside_the_word_box() {
        let word = Points { x_min: 72.0, y_min: 36.0, x_max: 144.0, y_max: 52.0 };
        check(&[
            // An eighth of 16 pt (2 pt) in from each side, at 2 pixels a point.
            ("144 dpi", word.to_pixels(144.0, 1000, 1000), Area { x0: 148, y0: 76, x1: 284, y1: 100 }),
            ("kept on the page", word.to_pixels(144.0, 200, 90), Area { x0: 148, y0: 76, x1: 200, y1: 90 }),
        ]);
    }

    const LAYOUT: &str = r#"<doc>
  <page width="595.9" height="841.9"><flow><block>
    <line xMin="1" yMin="1" xMax="9" yMax="9">
      <word xMin="77.2" yMin="194.7" xMax="105.0" yMax="207.3">Pass</word>
      <word xMin="108.0" yMin="194.7" xMax="150.0" yMax="207.3">Browser</word>
    </line>
    <line><word xMin="54" yMin="300" xMax="80" yMax="312">Needs</word><word xMin="82" yMin="300" xMax="140" yMax="312">confirmation</word><word xMin="150" yMin="300" xMax="170" yMax="312">Jitter</word></line>
    <line><word xMin="54" yMin="320" xMax="80" yMax="332">would</word><word xMin="82" yMin="320" xMax="100" yMax="332">Fail</word></line>
  </block></flow></page>
  <page><flow><block>
    <line><word xMin="77" yMin="50" xMax="98" yMax="62">Pass</word><word xMin="100" yMin="50" xMax="150" yMax="62">(confirmed)</word></line>
    <line><word xMin="54" yMin="80" xMax="98" yMax="92">R&amp;D</word><word xMin="100" yMin="80" xMax="150" yMax="92">conﬁrmed,</word><word xMin="152" yMin="80" xMax="190" yMax="92">eﬀect</word></line>
  </block></flow></page>
</doc>"#;

    #[test]
    fn words_are_read_with_page_line_and_box() {
        let words = read_words(LAYOUT);
        let summary: Vec<(usize, usize, &str)> =
            words.iter().map(|word| (word.page, word.line, word.text.as_str())).collect();
        check(&[(
            "every word in order",
            summary,
            vec![
                (1, 1, "Pass"),
                (1, 1, "Browser"),
                (1, 2, "Needs"),
                (1, 2, "confirmation"),
                (1, 2, "Jitter"),
                (1, 3, "would"),
                (1, 3, "Fail"),
                (2, 4, "Pass"),
                (2, 4, "(confirmed)"),
                (2, 5, "R&D"),
                (2, 5, "confirmed,"),
                (2, 5, "effect"),
            ],
        )]);
        check(&[("a box", words[0].place, Points { x_min: 77.2, y_min: 194.7, x_max: 105.0, y_max: 207.3 })]);
    }

    #[test]
    fn labels_are_found_where_lines_start() {
        let words = read_words(LAYOUT);
        let texts = |texts: &[&str]| texts.iter().map(|text| text.to_string()).collect::<BTreeSet<String>>();
        let found = |wanted: &[&str]| -> Vec<(String, usize, f64, f64)> {
            find_labels(&words, &texts(wanted))
                .into_iter()
                .map(|label| (label.text, label.page, label.place.x_min, label.place.x_max))
                .collect()
        };
        check(&[
            (
                "one-word and two-word labels",
                found(&["Pass", "Needs confirmation", "Fail"]),
                vec![
                    ("Pass".into(), 1, 77.2, 105.0),
                    ("Needs confirmation".into(), 1, 54.0, 140.0),
                    ("Pass".into(), 2, 77.0, 98.0),
                ],
            ),
            (
                "the longest label that fits",
                found(&["Pass", "Pass (confirmed)"]),
                vec![("Pass".into(), 1, 77.2, 105.0), ("Pass (confirmed)".into(), 2, 77.0, 150.0)],
            ),
            ("a label's first word alone is no label", found(&["Needs more"]), vec![]),
        ]);
    }

    fn label(verdict: &str, text: &str) -> Label {
        Label { verdict: verdict.into(), text: text.into() }
    }

    #[test]
    fn verdicts_need_words_of_their_own() {
        let problems = |labels: &[Label]| -> Vec<String> {
            words_tell_verdicts_apart(labels).iter().map(ToString::to_string).collect()
        };
        check(&[
            (
                "all apart",
                problems(&[label("pass", "Pass"), label("pass", "Pass (confirmed)"), label("fail", "Fail")]),
                vec![],
            ),
            (
                "two verdicts, one word",
                problems(&[label("pass", "OK"), label("warning", "OK"), label("fail", "Fail")]),
                vec![
                    "pass: its label's words are also those of warning".to_owned(),
                    "warning: its label's words are also those of pass".to_owned(),
                ],
            ),
            (
                "spacing is no difference",
                problems(&[label("pass", "Not  set"), label("not-applicable", "Not set")]),
                vec![
                    "not-applicable: its label's words are also those of pass".to_owned(),
                    "pass: its label's words are also those of not-applicable".to_owned(),
                ],
            ),
            (
                "a label without words",
                problems(&[label("fail", " "), label("pass", "Pass")]),
                vec!["fail: its label's words are also those of no words at all".to_owned()],
            ),
        ]);
    }

    #[test]
    fn printed_labels_are_judged() {
        let place = Points { x_min: 54.0, y_min: 300.0, x_max: 80.0, y_max: 312.0 };
        let printed = |text: &str, ratio: f64| {
            (Printed { text: text.into(), page: 1, place }, Measured { background: 255, text: Some(0), ratio })
        };
        let shown = [label("pass", "Pass"), label("fail", "Fail"), label("fail", "Fail")];
        let problems = |printed: &[(Printed, Measured)]| -> Vec<String> {
            judge(&shown, printed).iter().map(ToString::to_string).collect()
        };
        check(&[
            (
                "all printed, all readable",
                problems(&[printed("Pass", 21.0), printed("Fail", 4.5), printed("Fail", 9.0)]),
                vec![],
            ),
            (
                "one faint",
                problems(&[printed("Pass", 21.0), printed("Fail", 4.49), printed("Fail", 9.0)]),
                vec!["\"Fail\" on page 1 at (54, 300) pt: grey 0 on grey 255, 4.49:1 (at least 4.5:1)".to_owned()],
            ),
            (
                "one not printed",
                problems(&[printed("Pass", 21.0), printed("Fail", 9.0)]),
                vec!["\"Fail\": the page shows 2 label(s), the print has 1".to_owned()],
            ),
            (
                "one in its background's grey",
                problems(&[
                    (printed("Pass", 1.0).0, Measured { background: 65, text: None, ratio: 1.0 }),
                    printed("Fail", 9.0),
                    printed("Fail", 9.0),
                ]),
                vec![
                    "\"Pass\" on page 1 at (54, 300) pt: no text stands out on grey 65, 1.00:1 (at least 4.5:1)"
                        .to_owned(),
                ],
            ),
            (
                "a verdict hidden in print",
                problems(&[printed("Fail", 9.0), printed("Fail", 9.0)]),
                vec!["\"Pass\": the page shows 1 label(s), the print has 0".to_owned()],
            ),
            (
                "a label printed twice",
                problems(&[printed("Pass", 21.0), printed("Pass", 21.0), printed("Fail", 9.0), printed("Fail", 9.0)]),
                vec!["\"Pass\": the page shows 1 label(s), the print has 2".to_owned()],
            ),
        ]);
    }
}
