//! What the translation tests share.
// Each test crate that includes this module uses a part of it.
#![allow(dead_code)]

/// The figures of a text: runs of digits with the separators inside them ("81.228.2.192/27",
/// "1.6", "49152-65535", "+468123456"), a Swedish decimal comma read as the English point.
pub fn figures(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    let characters: Vec<char> = text.chars().collect();
    for (index, character) in characters.iter().enumerate() {
        let next_is_digit = characters.get(index + 1).is_some_and(char::is_ascii_digit);
        if character.is_ascii_digit() {
            current.push(*character);
        } else if !current.is_empty() && matches!(character, '.' | ',' | '/' | '-' | '×') && next_is_digit {
            current.push(if *character == ',' { '.' } else { *character });
        } else if !current.is_empty() {
            found.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        found.push(current);
    }
    found.sort();
    found
}

/// The runs of digits alone, sorted: the coarser test of the figures both languages share ("5.25
/// ms" and "5,25 ms" both give ["25", "5"]), for texts whose separators may differ.
pub fn digit_runs(text: &str) -> Vec<String> {
    let mut runs: Vec<String> =
        text.split(|c: char| !c.is_ascii_digit()).filter(|run| !run.is_empty()).map(str::to_owned).collect();
    runs.sort();
    runs
}
