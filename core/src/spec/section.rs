//! The spec's table of contents: every section a requirement, rule or advisory may cite.

use serde::Serialize;

/// The version of the specification this catalogue encodes.
pub const SPEC_VERSION: &str = "3.40";
/// The date printed on the specification.
pub const SPEC_DATE: crate::units::Date = crate::units::Date::new(2022, 1, 11);
/// The specification's title, as printed.
pub const SPEC_TITLE: &str = "Site Environment Requirements Telia Touchpoint Plus";

/// One numbered section of the specification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The section number as printed, e.g. "2.5.1".
    pub id: &'static str,
    /// In JSON, in the language being written.
    #[serde(serialize_with = "title_written")]
    pub title: &'static str,
    /// The page the table of contents gives for it.
    pub page: u8,
}

fn title_written<S: serde::Serializer>(title: &&'static str, serializer: S) -> Result<S::Ok, S::Error> {
    let locale = crate::locale::writing_language();
    let translated =
        SECTIONS.iter().find(|section| section.title == *title).map_or(*title, |section| section.title_in(locale));
    serializer.serialize_str(translated)
}

impl Section {
    /// The heading in `locale`.
    pub fn title_in(&self, locale: crate::locale::Locale) -> &'static str {
        match locale {
            crate::locale::Locale::En => self.title,
            crate::locale::Locale::Sv => crate::spec::swedish::SECTION_TITLES
                .iter()
                .find(|(id, _)| *id == self.id)
                .map_or(self.title, |(_, title)| title),
        }
    }
}

/// All sections in document order, as the table of contents lists them.
pub const SECTIONS: &[Section] = &[
    Section { id: "1", title: "Introduction", page: 3 },
    Section { id: "2", title: "General requirements for the target environment", page: 3 },
    Section { id: "2.1", title: "Internet and local area network", page: 3 },
    Section { id: "2.2", title: "SSL Certificates", page: 4 },
    Section { id: "2.3", title: "DataNet connection", page: 4 },
    Section { id: "2.3.1", title: "Demarcation point of DataNet at customer site", page: 4 },
    Section { id: "2.3.2", title: "Routing of data traffic", page: 4 },
    Section { id: "2.4", title: "E-mail server", page: 4 },
    Section { id: "2.5", title: "Personal Computers", page: 5 },
    Section { id: "2.5.1", title: "Web Browser", page: 5 },
    Section { id: "2.5.2", title: "Touchpoint Plus Softphone", page: 5 },
    Section { id: "2.5.3", title: "Advanced Attendant", page: 5 },
    Section { id: "2.5.4", title: "Remote Installation", page: 5 },
    Section { id: "2.5.5", title: "Local Firewall", page: 6 },
    Section { id: "2.6", title: "IP Phones", page: 6 },
    Section { id: "2.7", title: "ATA analogue Adapter", page: 6 },
    Section { id: "2.8", title: "Mobile Devices", page: 6 },
    Section { id: "3", title: "Requirements for Touchpoint Plus add-ons", page: 7 },
    Section { id: "3.1", title: "Calendar Integration – Exchange", page: 7 },
    Section { id: "3.1.1", title: "Microsoft Exchange Online in Microsoft Office 365", page: 7 },
    Section { id: "3.1.2", title: "Microsoft Exchange on premise", page: 7 },
    Section { id: "3.2", title: "Skype For Business / Lync Integration", page: 8 },
    Section { id: "3.2.1", title: "Skype For Business / Lync Integration Presence only", page: 8 },
    Section { id: "3.2.2", title: "Skype For Business / Lync Integration Presence & Voice", page: 9 },
    Section { id: "3.3", title: "Teams Integration", page: 10 },
    Section { id: "3.4", title: "Advanced Attendant", page: 10 },
    Section { id: "3.5", title: "AD Integration", page: 11 },
    Section { id: "3.6", title: "Call recording", page: 11 },
    Section { id: "4", title: "Other Products and Services, demand for the Target Environment", page: 11 },
    Section { id: "5", title: "Bandwidth requirements – Calculation examples", page: 11 },
    Section { id: "5.1", title: "Example", page: 12 },
    Section { id: "6", title: "Table for required firewall openings", page: 12 },
    Section { id: "6.1", title: "Touchpoint Plus web portal (end-user and administrator)", page: 13 },
    Section { id: "6.2", title: "Touchpoint Plus Softphone", page: 13 },
    Section { id: "6.3", title: "Touchpoint Plus IP Phones and ATA-boxes", page: 13 },
    Section { id: "6.4", title: "Calendar Integration – Exchange", page: 13 },
    Section { id: "6.5", title: "S4B/Lync Integration", page: 14 },
    Section { id: "6.6", title: "Advanced Attendant", page: 14 },
    Section { id: "6.7", title: "AD Integration", page: 14 },
    Section { id: "7", title: "References", page: 15 },
];

/// Looks a section up by its printed number.
pub fn section(id: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|section| section.id == id)
}

/// `const`-time string equality (`==` on `str` is not yet `const`).
pub(crate) const fn same(left: &str, right: &str) -> bool {
    let (left, right) = (left.as_bytes(), right.as_bytes());
    if left.len() != right.len() {
        return false;
    }
    let mut index = 0;
    while index < left.len() {
        if left[index] != right[index] {
            return false;
        }
        index += 1;
    }
    true
}

const fn position(id: &str) -> Option<usize> {
    let mut index = 0;
    while index < SECTIONS.len() {
        if same(SECTIONS[index].id, id) {
            return Some(index);
        }
        index += 1;
    }
    None
}

/// A section number that the table of contents has: the only way to cite the spec. Written
/// `section_id!("2.5.1")` (or `SectionId::known` inside a `const`), a number the spec lacks
/// stops the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct SectionId(&'static str);

/// A text that names no section of the table of contents.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the spec has no section \"{0}\"")]
pub struct UnknownSection(pub String);

impl SectionId {
    /// The section numbered `id`; evaluated in a `const`, an unknown number is a build error.
    pub const fn known(id: &'static str) -> SectionId {
        match position(id) {
            Some(index) => SectionId(SECTIONS[index].id),
            None => panic!("the spec has no such section"),
        }
    }

    /// Reads a section number from outside (a file, a link, an argument).
    pub fn parse(text: &str) -> Result<SectionId, UnknownSection> {
        section(text).map(|found| SectionId(found.id)).ok_or_else(|| UnknownSection(text.to_owned()))
    }

    pub const fn as_str(self) -> &'static str {
        self.0
    }

    /// The section's row of the table of contents; there always is one.
    pub fn section(self) -> &'static Section {
        section(self.0).expect("a SectionId names a listed section")
    }

    pub fn title(self) -> &'static str {
        self.section().title
    }

    /// The heading in `locale` (Swedish from `swedish::SECTION_TITLES`, a test keeps every
    /// section there).
    pub fn title_in(self, locale: crate::locale::Locale) -> &'static str {
        match locale {
            crate::locale::Locale::En => self.title(),
            crate::locale::Locale::Sv => crate::spec::swedish::SECTION_TITLES
                .iter()
                .find(|(id, _)| *id == self.0)
                .map_or_else(|| self.title(), |(_, title)| title),
        }
    }

    /// The section one level up ("2.5" for "2.5.1"), if any.
    pub fn parent(self) -> Option<SectionId> {
        let (parent, _) = self.0.rsplit_once('.')?;
        SectionId::parse(parent).ok()
    }

    /// The numbers in document order ("2.10" after "2.9").
    pub fn order(self) -> Vec<u32> {
        section_order(self.0)
    }
}

impl PartialEq<&str> for SectionId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<SectionId> for &str {
    fn eq(&self, other: &SectionId) -> bool {
        *self == other.0
    }
}

impl std::fmt::Display for SectionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// A section number checked against the table of contents while the code is built.
#[macro_export]
macro_rules! section_id {
    ($id:literal) => {
        const { $crate::section::SectionId::known($id) }
    };
}

/// Orders section numbers the way the document does ("2.10" after "2.9", "2" before "2.1").
pub fn section_order(id: &str) -> Vec<u32> {
    id.split('.').map(|part| part.parse().unwrap_or(u32::MAX)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_unique_and_in_document_order() {
        for pair in SECTIONS.windows(2) {
            assert!(section_order(pair[0].id) < section_order(pair[1].id), "{} before {}", pair[0].id, pair[1].id);
            assert!(pair[0].page <= pair[1].page, "pages run forwards at {}", pair[1].id);
        }
    }

    #[test]
    fn section_ids_read_only_listed_numbers() {
        assert_eq!(SectionId::parse("2.5.1").map(SectionId::title), Ok("Web Browser"));
        assert_eq!(SectionId::parse("2.9"), Err(UnknownSection("2.9".into())));
        assert_eq!(SectionId::parse(""), Err(UnknownSection(String::new())));
        assert_eq!(section_id!("6.3").parent(), Some(section_id!("6")));
        assert_eq!(section_id!("1").parent(), None);
    }

    #[test]
    fn every_section_of_the_table_of_contents_is_listed() {
        let spec = include_str!("../../../spec/touchpoint-plus-site-environment-requirements-v3.40.txt");
        let contents = spec.split("Table of contents").nth(1).unwrap().split("Specification").next().unwrap();
        let mut listed = 0;
        for line in contents.lines().filter(|line| line.starts_with(|c: char| c.is_ascii_digit())) {
            let number = line.split_whitespace().next().unwrap();
            let found = section(number).unwrap_or_else(|| panic!("section {number} of the contents is missing"));
            assert!(line.contains(found.title), "title of {number}: {line:?} vs {:?}", found.title);
            listed += 1;
        }
        assert_eq!(listed, SECTIONS.len());
    }
}
