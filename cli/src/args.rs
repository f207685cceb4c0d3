//! A small option parser: `--name value` and `--flag`, every problem reported at once.

use std::collections::BTreeMap;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ArgError {
    #[error("unknown option {0}")]
    Unknown(String),
    #[error("{0} needs a value")]
    MissingValue(String),
    #[error("{0} is given twice")]
    Repeated(String),
    #[error("{option} takes a whole number, not \"{value}\"")]
    NotANumber { option: String, value: String },
    #[error("{option} takes a percentage from 0 to 100, not \"{value}\"")]
    NotAPercent { option: String, value: String },
    #[error("{0} is required")]
    Required(String),
    #[error("unexpected argument \"{0}\"")]
    Unexpected(String),
}

/// The options one command accepts.
pub struct Spec<'a> {
    pub flags: &'a [&'a str],
    pub valued: &'a [&'a str],
}

/// Parsed options. Lookups report typed problems; `finish` returns every problem collected.
#[derive(Debug, Default)]
pub struct Parsed {
    flags: Vec<String>,
    values: BTreeMap<String, String>,
    errors: Vec<ArgError>,
}

impl Parsed {
    pub fn new(arguments: &[String], spec: &Spec<'_>) -> Parsed {
        let mut parsed = Parsed::default();
        let mut words = arguments.iter();
        while let Some(word) = words.next() {
            let (name, inline) = match word.split_once('=') {
                Some((name, value)) if name.starts_with("--") => (name, Some(value.to_owned())),
                _ => (word.as_str(), None),
            };
            if spec.flags.contains(&name) {
                parsed.flags.push(name.to_owned());
            } else if spec.valued.contains(&name) {
                let value = inline.or_else(|| words.next().cloned());
                match value {
                    Some(value) if parsed.values.contains_key(name) => {
                        let _ = value;
                        parsed.errors.push(ArgError::Repeated(name.to_owned()));
                    }
                    Some(value) => {
                        parsed.values.insert(name.to_owned(), value);
                    }
                    None => parsed.errors.push(ArgError::MissingValue(name.to_owned())),
                }
            } else if name.starts_with('-') {
                parsed.errors.push(ArgError::Unknown(name.to_owned()));
            } else {
                parsed.errors.push(ArgError::Unexpected(word.clone()));
            }
        }
        parsed
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    pub fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|flag| flag == name)
    }

    /// A whole number; `default` when the option is optional and absent.
    pub fn number(&mut self, name: &str, default: Option<u32>) -> u32 {
        match (self.values.get(name), default) {
            (Some(value), _) => value.trim().parse().unwrap_or_else(|_| {
                self.errors.push(ArgError::NotANumber { option: name.to_owned(), value: value.clone() });
                0
            }),
            (None, Some(default)) => default,
            (None, None) => {
                self.errors.push(ArgError::Required(name.to_owned()));
                0
            }
        }
    }

    pub fn percent(&mut self, name: &str) -> u8 {
        match self.values.get(name) {
            Some(value) => match value.trim().trim_end_matches('%').parse::<u8>() {
                Ok(percent) if percent <= 100 => percent,
                _ => {
                    self.errors.push(ArgError::NotAPercent { option: name.to_owned(), value: value.clone() });
                    0
                }
            },
            None => {
                self.errors.push(ArgError::Required(name.to_owned()));
                0
            }
        }
    }

    /// All problems found, or nothing.
    pub fn finish(self) -> Result<(), Vec<ArgError>> {
        if self.errors.is_empty() { Ok(()) } else { Err(self.errors) }
    }
}
