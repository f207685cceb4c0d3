//! The user files of AD Integration (3.5), checked before they are sent: the import file the
//! customer uploads, where "the mobile number is used" as each user's unique identifier, "if
//! mobile number does not exist, the fixed number"; and the export direction, where "a unique
//! user identifier is required" and Telia recommends the e-mail address. The numbers are also
//! held to E.164 (3.2.2, 3.3), with the form each one stands for.
//!
//! The file is CSV or LDIF as AD tools write it (see `csv` and `ldif`), in any encoding they
//! use (`encoding`). Columns and attributes are recognised by their usual names in any case
//! and spelling ("mobile", "MobilePhone", "Mobile phone"); the caller can say which column
//! holds what. Every problem is reported with the physical line its record starts on.
//!
//! Linear in the file: records are read one at a time into borrowed text, and only the
//! identifiers are kept (a number inline, an e-mail address lower-cased).

pub mod csv;
pub mod ldif;

use self::csv::{CsvReader, Delimiter};
use self::ldif::{Change, LdifReader, LdifRecord};
use super::encoding::{Mixed, TextEncoding, decode};
use super::numbers::{Country, E164, Integration, LineFinding, NumberCheck, check_number, number_finding};
use crate::bilingual;
use crate::locale::{Bilingual, Locale, Text};
use crate::requirement::RequirementId;
use crate::requirement_id;
use crate::units::Date;
use crate::verdict::{Finding, Verdict};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use thiserror::Error;

/// Which way the file goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// The customer's user data, uploaded to Touchpoint Plus: identified by number.
    #[default]
    Import,
    /// Touchpoint Plus's directory, downloaded to update AD: identified by e-mail address.
    Export,
}

impl Direction {
    pub fn requirement(self) -> RequirementId {
        match self {
            Direction::Import => requirement_id!("ad.import-file"),
            Direction::Export => requirement_id!("ad.export-identifier"),
        }
    }
}

/// Not a direction.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("\"{0}\" is not a direction: choose import or export")]
pub struct UnknownDirection(pub String);

impl UnknownDirection {
    pub fn message_in(&self, locale: Locale) -> String {
        match locale {
            Locale::En => self.to_string(),
            Locale::Sv => format!("\"{}\" är ingen riktning: välj import eller export", self.0),
        }
    }
}

impl FromStr for Direction {
    type Err = UnknownDirection;

    fn from_str(text: &str) -> Result<Direction, UnknownDirection> {
        match text.trim().to_ascii_lowercase().as_str() {
            "import" => Ok(Direction::Import),
            "export" => Ok(Direction::Export),
            _ => Err(UnknownDirection(text.to_owned())),
        }
    }
}

/// What a column or attribute holds, as far as the checks go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Mobile,
    /// The fixed (office) number: `telephoneNumber` in AD.
    Fixed,
    IpPhone,
    Mail,
    Upn,
    GivenName,
    Surname,
    DisplayName,
    Account,
    Dn,
    ObjectClass,
    /// Read as nothing: for a column whose name would otherwise be taken for a role.
    Ignore,
}

/// The roles a record keeps values for (all but Ignore), in `Role::index` order.
const KEPT_ROLES: usize = 11;

impl Role {
    pub const ALL: &'static [Role] = &[
        Role::Mobile,
        Role::Fixed,
        Role::IpPhone,
        Role::Mail,
        Role::Upn,
        Role::GivenName,
        Role::Surname,
        Role::DisplayName,
        Role::Account,
        Role::Dn,
        Role::ObjectClass,
        Role::Ignore,
    ];

    /// The name an option gives it (`--map COLUMN=mobile`).
    pub fn slug(self) -> &'static str {
        match self {
            Role::Mobile => "mobile",
            Role::Fixed => "fixed",
            Role::IpPhone => "ip-phone",
            Role::Mail => "mail",
            Role::Upn => "upn",
            Role::GivenName => "given-name",
            Role::Surname => "surname",
            Role::DisplayName => "display-name",
            Role::Account => "account",
            Role::Dn => "dn",
            Role::ObjectClass => "object-class",
            Role::Ignore => "ignore",
        }
    }

    /// How the evidence names it, in English.
    pub fn label(self) -> &'static str {
        self.text().en
    }

    /// How the evidence names it: "mobile number", "mobilnummer".
    pub const fn text(self) -> Text {
        const fn text(en: &'static str, sv: &'static str) -> Text {
            Text { en, sv }
        }
        match self {
            Role::Mobile => text("mobile number", "mobilnummer"),
            Role::Fixed => text("fixed number", "fast nummer"),
            Role::IpPhone => text("IP phone number", "IP-telefonnummer"),
            Role::Mail => text("e-mail address", "e-postadress"),
            Role::Upn => text("user principal name", "användarhuvudnamn (UPN)"),
            Role::GivenName => text("given name", "förnamn"),
            Role::Surname => text("surname", "efternamn"),
            Role::DisplayName => text("display name", "visningsnamn"),
            Role::Account => text("account name", "kontonamn"),
            Role::Dn => text("distinguished name", "unikt namn (DN)"),
            Role::ObjectClass => text("object class", "objektklass"),
            Role::Ignore => text("ignored column", "ignorerad kolumn"),
        }
    }

    /// "the mobile number" in Swedish, where the definite form is a word of its own:
    /// "mobilnumret", "det fasta numret".
    const fn definite_sv(self) -> &'static str {
        match self {
            Role::Mobile => "mobilnumret",
            Role::Fixed => "det fasta numret",
            Role::IpPhone => "IP-telefonnumret",
            Role::Mail => "e-postadressen",
            Role::Upn => "användarhuvudnamnet (UPN)",
            Role::GivenName => "förnamnet",
            Role::Surname => "efternamnet",
            Role::DisplayName => "visningsnamnet",
            Role::Account => "kontonamnet",
            Role::Dn => "det unika namnet (DN)",
            Role::ObjectClass => "objektklassen",
            Role::Ignore => "den ignorerade kolumnen",
        }
    }

    /// "the mobile number", "mobilnumret".
    fn definite(self) -> Bilingual {
        Bilingual::new(format!("the {}", self.label()), self.definite_sv())
    }

    fn index(self) -> Option<usize> {
        Role::ALL.iter().position(|role| *role == self).filter(|&index| index < KEPT_ROLES)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// Not a role.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("\"{0}\" is not a role: choose one of {list}, or an attribute name such as telephoneNumber", list = Role::ALL.iter().map(|role| role.slug()).collect::<Vec<_>>().join(", "))]
pub struct UnknownRole(pub String);

impl UnknownRole {
    pub fn message_in(&self, locale: Locale) -> String {
        match locale {
            Locale::En => self.to_string(),
            Locale::Sv => {
                let list = Role::ALL.iter().map(|role| role.slug()).collect::<Vec<_>>().join(", ");
                format!("\"{}\" är ingen roll: välj en av {list}, eller ett attributnamn som telephoneNumber", self.0)
            }
        }
    }
}

impl FromStr for Role {
    type Err = UnknownRole;

    /// A role's slug, or any name the role is known by ("telephoneNumber" is the fixed number).
    fn from_str(text: &str) -> Result<Role, UnknownRole> {
        let text = text.trim();
        Role::ALL
            .iter()
            .copied()
            .find(|role| role.slug().eq_ignore_ascii_case(text))
            .or_else(|| default_role(text))
            .ok_or_else(|| UnknownRole(text.to_owned()))
    }
}

/// The names AD, its PowerShell module, `csvde`/`ldifde`, LDAP directories, Entra ID's
/// bulk download and Excel templates give each role, as `name_key` writes them (lower case,
/// letters and digits only, so "Mobile phone", "mobile_phone" and "MobilePhone" are one).
pub const ATTRIBUTE_NAMES: &[(&str, Role)] = &[
    ("mobile", Role::Mobile),
    ("mobilephone", Role::Mobile),
    ("mobilenumber", Role::Mobile),
    ("cellphone", Role::Mobile),
    ("telephonenumber", Role::Fixed),
    ("officephone", Role::Fixed),
    ("telephone", Role::Fixed),
    ("phone", Role::Fixed),
    ("phonenumber", Role::Fixed),
    ("businessphone", Role::Fixed),
    ("ipphone", Role::IpPhone),
    ("mail", Role::Mail),
    ("email", Role::Mail),
    ("emailaddress", Role::Mail),
    ("userprincipalname", Role::Upn),
    ("upn", Role::Upn),
    ("givenname", Role::GivenName),
    ("firstname", Role::GivenName),
    ("sn", Role::Surname),
    ("surname", Role::Surname),
    ("lastname", Role::Surname),
    ("displayname", Role::DisplayName),
    ("name", Role::DisplayName),
    ("samaccountname", Role::Account),
    ("dn", Role::Dn),
    ("distinguishedname", Role::Dn),
    ("objectclass", Role::ObjectClass),
];

/// A column or attribute name as the table keys it.
pub fn name_key(name: &str) -> String {
    name.chars().filter(char::is_ascii_alphanumeric).map(|character| character.to_ascii_lowercase()).collect()
}

/// The role a column or attribute name has without a mapping.
pub fn default_role(name: &str) -> Option<Role> {
    // Entra ID's templates name the attribute in brackets: "Mobile phone [mobile]".
    let name = match (name.find('['), name.rfind(']')) {
        (Some(open), Some(close)) if open < close => &name[open + 1..close],
        _ => name,
    };
    let key = name_key(name);
    ATTRIBUTE_NAMES.iter().find(|(known, _)| *known == key).map(|(_, role)| *role)
}

/// "This column holds that": the caller's word over the usual names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMapping {
    /// The column's header or the attribute's name, in any case.
    pub column: String,
    pub role: Role,
}

/// A mapping not written COLUMN=ROLE.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MappingError {
    #[error("\"{0}\" is not COLUMN=ROLE")]
    Form(String),
    #[error(transparent)]
    Role(#[from] UnknownRole),
}

impl MappingError {
    pub fn message_in(&self, locale: Locale) -> String {
        match (self, locale) {
            (_, Locale::En) => self.to_string(),
            (MappingError::Form(text), Locale::Sv) => format!("\"{text}\" är inte KOLUMN=ROLL"),
            (MappingError::Role(role), Locale::Sv) => role.message_in(locale),
        }
    }
}

impl FromStr for ColumnMapping {
    type Err = MappingError;

    /// `COLUMN=ROLE`; the last = splits, so a column name may hold one.
    fn from_str(text: &str) -> Result<ColumnMapping, MappingError> {
        let (column, role) = text.rsplit_once('=').ok_or_else(|| MappingError::Form(text.to_owned()))?;
        if column.trim().is_empty() {
            return Err(MappingError::Form(text.to_owned()));
        }
        Ok(ColumnMapping { column: column.trim().to_owned(), role: role.parse()? })
    }
}

/// Which reader to use; detected when not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileFormat {
    Csv,
    Ldif,
}

/// How the file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "format")]
pub enum ReadAs {
    Csv { delimiter: Delimiter },
    Ldif,
}

impl ReadAs {
    /// "CSV (semicolon-separated)", "CSV (avgränsad med semikolon)".
    pub fn text(&self) -> Bilingual {
        match self {
            ReadAs::Csv { delimiter } => {
                let Text { en, sv } = delimiter.text();
                bilingual!("CSV ({en}-separated)", "CSV (avgränsad med {sv})")
            }
            ReadAs::Ldif => Bilingual::same("LDIF"),
        }
    }
}

impl fmt::Display for ReadAs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

/// LDIF when the first line that is not blank or a comment is `version:` or `dn:`.
pub fn detect_format(text: &str) -> FileFormat {
    let first =
        super::encoding::lines(text).map(str::trim_end).find(|line| !line.trim().is_empty() && !line.starts_with('#'));
    // "version: 1", not Entra ID's CSV templates' "version:v1.0".
    let ldif = first.is_some_and(|line| {
        let lower = line.trim_start_matches('\u{FEFF}').to_ascii_lowercase();
        let version = lower.strip_prefix("version:").is_some_and(|version| version.trim().parse::<u32>().is_ok());
        version || lower.starts_with("dn:")
    });
    if ldif { FileFormat::Ldif } else { FileFormat::Csv }
}

/// What to check and how to read.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UsersOptions {
    pub direction: Direction,
    /// Whose national format a number without a country code is in.
    pub country: Country,
    /// The integration whose E.164 rule the numbers are held to (3.2.2 or 3.3). None: the
    /// rule does not apply as such, so a number not in E.164 is a warning on the import's
    /// identifiers and not judged in an export.
    pub integration: Option<Integration>,
    pub mapping: Vec<ColumnMapping>,
    /// None: detected from the text.
    pub format: Option<FileFormat>,
}

/// A column (CSV) or attribute (LDIF) and the role it was read as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    pub name: String,
    pub role: Option<Role>,
}

/// What was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileSummary {
    pub read_as: ReadAs,
    pub encoding: TextEncoding,
    /// Records read, users among them, and records that are not users (by objectClass:
    /// computers, groups, contacts) or change records that remove or rename an entry.
    pub records: usize,
    pub users: usize,
    pub not_users: usize,
    pub columns: Vec<Column>,
}

/// Everything the page shows for a user file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UsersReport {
    pub checked_on: Date,
    pub options: UsersOptions,
    /// None when the bytes are not a text file.
    pub file: Option<FileSummary>,
    /// About the file first, then by line, then the verdicts on the whole file.
    pub findings: Vec<LineFinding>,
}

impl UsersReport {
    pub fn failed(&self) -> usize {
        self.findings.iter().filter(|finding| finding.finding.verdict == Verdict::Fail).count()
    }
}

/// Which role each column or attribute name has, with the mapping first.
struct Resolver<'m> {
    mapping: &'m [ColumnMapping],
    /// Roles the mapping gives some column: the usual names no longer claim them.
    claimed: [bool; KEPT_ROLES],
    used: Vec<bool>,
}

impl<'m> Resolver<'m> {
    /// `columns`: the file's column names where they are known before the records (a CSV
    /// header), so that a mapping naming no column takes no role from the usual names.
    fn new(mapping: &'m [ColumnMapping], columns: Option<&[&str]>) -> Resolver<'m> {
        let mut claimed = [false; KEPT_ROLES];
        for entry in mapping {
            let present = columns.is_none_or(|columns| {
                columns.iter().any(|column| clean_name(column).eq_ignore_ascii_case(&entry.column))
            });
            if let Some(index) = entry.role.index().filter(|_| present) {
                claimed[index] = true;
            }
        }
        Resolver { mapping, claimed, used: vec![false; mapping.len()] }
    }

    fn role(&mut self, name: &str) -> Option<Role> {
        let name = clean_name(name);
        if let Some(index) = self.mapping.iter().position(|entry| entry.column.eq_ignore_ascii_case(name)) {
            self.used[index] = true;
            return Some(self.mapping[index].role).filter(|role| *role != Role::Ignore);
        }
        default_role(name).filter(|role| role.index().is_none_or(|index| !self.claimed[index]))
    }

    /// The mapped names no column or attribute had.
    fn unused(&self) -> Vec<String> {
        self.mapping.iter().zip(&self.used).filter(|(_, used)| !**used).map(|(entry, _)| entry.column.clone()).collect()
    }
}

/// A header as written, without the blanks and stray byte-order marks around it.
fn clean_name(name: &str) -> &str {
    name.trim_matches(|character: char| character.is_whitespace() || character == '\u{FEFF}')
}

/// One record, as the checks see it.
struct Row<'a> {
    line: usize,
    values: [Option<Cow<'a, str>>; KEPT_ROLES],
    classes: Classes,
    /// A whole entry; a modify record lists only what it changes, so what it lacks is not judged.
    complete: bool,
}

/// The object classes a record has, as far as telling users from other entries goes.
#[derive(Debug, Clone, Copy, Default)]
struct Classes {
    any: bool,
    person: bool,
    other: bool,
}

impl Classes {
    fn add(&mut self, value: &str) {
        const PERSONS: &[&str] = &["user", "person", "organizationalPerson", "inetOrgPerson", "posixAccount"];
        // AD computers are users too by inheritance; contacts are persons without an account.
        const OTHERS: &[&str] =
            &["computer", "contact", "group", "organizationalUnit", "container", "msDS-ManagedServiceAccount"];
        let is = |class: &str, list: &[&str]| list.iter().any(|known| known.eq_ignore_ascii_case(class));
        for class in value.split([';', ',', ' ', '|']) {
            if class.is_empty() {
                continue;
            }
            self.any = true;
            self.person |= is(class, PERSONS);
            self.other |= is(class, OTHERS);
        }
    }

    /// A record without object classes is taken for a user: CSV exports rarely carry them.
    fn is_user(self) -> bool {
        !self.any || (self.person && !self.other)
    }
}

impl<'a> Row<'a> {
    fn new(line: usize, complete: bool) -> Row<'a> {
        Row { line, values: Default::default(), classes: Classes::default(), complete }
    }

    fn get(&self, role: Role) -> Option<&str> {
        role.index().and_then(|index| self.values[index].as_deref())
    }

    /// Keeps the first non-blank value of each role (exports often have both `mobile` and
    /// `MobilePhone`; one may be empty).
    fn set(&mut self, role: Role, value: Cow<'a, str>) {
        if role == Role::ObjectClass {
            self.classes.add(&value);
            return;
        }
        let Some(index) = role.index() else { return };
        if self.values[index].is_none() {
            let value = trimmed(value);
            if !value.is_empty() {
                self.values[index] = Some(value);
            }
        }
    }

    /// Who the record is, for the evidence: a name (the display name, the given name and
    /// surname, the dn's first value, which in AD is the full name), else an address or account,
    /// shortened; "a user without a name" when it has none of them.
    fn who(&self) -> Bilingual {
        match self.full_name() {
            Some(name) => super::shortened_in_both(&name),
            None => Bilingual::new("a user without a name", "en användare utan namn"),
        }
    }

    fn full_name(&self) -> Option<String> {
        if let Some(name) = self.get(Role::DisplayName) {
            return Some(name.to_owned());
        }
        match (self.get(Role::GivenName), self.get(Role::Surname)) {
            (Some(given), Some(surname)) => return Some(format!("{given} {surname}")),
            (Some(name), None) | (None, Some(name)) => return Some(name.to_owned()),
            (None, None) => {}
        }
        if let Some(name) = self.get(Role::Dn).and_then(first_rdn_value) {
            return Some(name);
        }
        [Role::Upn, Role::Mail, Role::Account].into_iter().find_map(|role| self.get(role).map(str::to_owned))
    }
}

/// "Åsa Öberg" of "CN=Åsa Öberg,OU=Users,DC=example,DC=se" (a comma escaped as "\," is part
/// of the value).
fn first_rdn_value(dn: &str) -> Option<String> {
    let (_, rest) = dn.split_once('=')?;
    let mut value = String::new();
    let mut escaped = false;
    for character in rest.chars() {
        match character {
            _ if escaped => {
                value.push(character);
                escaped = false;
            }
            '\\' => escaped = true,
            ',' | '+' => break,
            _ => value.push(character),
        }
    }
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

fn capitalised(text: &str) -> String {
    let mut characters = text.chars();
    characters.next().map(|first| first.to_uppercase().chain(characters).collect()).unwrap_or_default()
}

/// Both languages begun with a capital, for a text that opens a sentence.
fn capitalised_both(text: &Bilingual) -> Bilingual {
    Bilingual::new(capitalised(&text.en), capitalised(&text.sv))
}

fn trimmed(value: Cow<'_, str>) -> Cow<'_, str> {
    match value {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
        Cow::Owned(text) if text.trim().len() == text.len() => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(text.trim().to_owned()),
    }
}

/// A user's identifier for the uniqueness check: the number in E.164 when it can be read as
/// one (so "070-123 45 67" and "+46701234567" are the same), else the text as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Identifier {
    Number(E164),
    Written(String),
}

/// Why a text is not an e-mail address, if it is not.
fn mail_problem(address: &str) -> Option<Text> {
    const fn text(en: &'static str, sv: &'static str) -> Option<Text> {
        Some(Text { en, sv })
    }
    if address.chars().any(char::is_whitespace) {
        return text("it has a space", "den har ett mellanslag");
    }
    let Some((local, domain)) = address.split_once('@') else { return text("it has no @", "den har inget @") };
    if domain.contains('@') {
        return text("it has more than one @", "den har mer än ett @");
    }
    if local.is_empty() {
        return text("nothing comes before the @", "inget står före @");
    }
    if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
        return text("its domain is not a domain name", "dess domän är inget domännamn");
    }
    None
}

/// The state of a check over the records, one at a time.
struct Checker<'o> {
    options: &'o UsersOptions,
    requirement: RequirementId,
    records: usize,
    users: usize,
    complete_users: usize,
    not_users: usize,
    /// Problems on lines, and the users without an identifier (replaced by one finding when no
    /// column could have held one).
    on_lines: Vec<LineFinding>,
    missing: Vec<LineFinding>,
    identifiers: HashMap<Identifier, usize>,
    by_mobile: usize,
    by_fixed: usize,
    duplicates: usize,
    numbers: usize,
    numbers_wrong: usize,
}

impl<'o> Checker<'o> {
    fn new(options: &'o UsersOptions) -> Checker<'o> {
        Checker {
            options,
            requirement: options.direction.requirement(),
            records: 0,
            users: 0,
            complete_users: 0,
            not_users: 0,
            on_lines: Vec::new(),
            missing: Vec::new(),
            identifiers: HashMap::new(),
            by_mobile: 0,
            by_fixed: 0,
            duplicates: 0,
            numbers: 0,
            numbers_wrong: 0,
        }
    }

    fn problem(&mut self, line: usize, verdict: Verdict, evidence: Bilingual, advice: Option<Bilingual>) {
        self.on_lines.push(LineFinding::new(Some(line), Finding::new(self.requirement, verdict, evidence, advice)));
    }

    /// Whether numbers are judged at all: always on an import's identifiers, in an export only
    /// for an integration that requires E.164.
    fn judges_numbers(&self) -> bool {
        self.options.integration.is_some() || self.options.direction == Direction::Import
    }

    fn number(&mut self, row: &Row<'_>, role: Role, value: &str) -> NumberCheck {
        let check = check_number(value, self.options.country);
        self.numbers += 1;
        if check.verdict() == Verdict::Pass {
            return check;
        }
        self.numbers_wrong += 1;
        let (role_en, role_sv) = (role.label(), capitalised(role.definite_sv()));
        let value = super::quoted(value);
        let who = row.who();
        let (value_en, value_sv, who_en, who_sv) = (&value.en, &value.sv, &who.en, &who.sv);
        let what = bilingual!("The {role_en} {value_en} of {who_en}", "{role_sv} {value_sv} för {who_sv}");
        let finding = match self.options.integration {
            Some(integration) => number_finding(integration.requirement(), &what, &check, self.options.country),
            None => {
                let mut finding = number_finding(self.requirement, &what, &check, self.options.country);
                finding.verdict = Verdict::Warning;
                let mut advice = finding.advice.take().unwrap_or_default();
                advice.push(&Bilingual::new(
                    " AD Integration takes the number as the identifier; the S4B/Lync and Teams integrations require E.164 in AD, and one form throughout keeps the identifiers comparable.",
                    " AD-integrationen använder numret som identifierare; integrationerna för S4B/Lync och Teams kräver E.164 i AD, och samma form överallt håller identifierarna jämförbara.",
                ));
                finding.advice = Some(advice);
                finding
            }
        };
        self.on_lines.push(LineFinding::new(Some(row.line), finding));
        check
    }

    fn row(&mut self, row: Row<'_>) {
        self.records += 1;
        if !row.classes.is_user() {
            self.not_users += 1;
            return;
        }
        self.users += 1;
        if row.complete {
            self.complete_users += 1;
        }
        match self.options.direction {
            Direction::Import => self.import(&row),
            Direction::Export => self.export(&row),
        }
    }

    fn import(&mut self, row: &Row<'_>) {
        let mobile = row.get(Role::Mobile).map(|value| (Role::Mobile, value, self.number(row, Role::Mobile, value)));
        let fixed = row.get(Role::Fixed).map(|value| (Role::Fixed, value, self.number(row, Role::Fixed, value)));
        let Some((role, value, check)) = mobile.or(fixed) else {
            if row.complete {
                let ip_phone = row.get(Role::IpPhone).map_or_else(Bilingual::default, |ip_phone| {
                    bilingual!(
                        " Its IP phone number (\"{ip_phone}\") is not used: if it is the user's fixed number, map its column to the fixed number.",
                        " Användarens IP-telefonnummer (\"{ip_phone}\") används inte: om det är användarens fasta nummer, mappa dess kolumn till det fasta numret."
                    )
                });
                let who = capitalised_both(&row.who());
                let (who_en, who_sv) = (&who.en, &who.sv);
                let mut advice = Bilingual::new(
                    "Add the user's mobile number (the identifier), or the fixed number where there is no mobile.",
                    "Lägg till användarens mobilnummer (identifieraren), eller det fasta numret där mobilnummer saknas.",
                );
                advice.push(&ip_phone);
                self.missing.push(LineFinding::new(
                    Some(row.line),
                    Finding::new(
                        self.requirement,
                        Verdict::Fail,
                        bilingual!(
                            "{who_en} has neither a mobile nor a fixed number, so no identifier",
                            "{who_sv} har varken mobilnummer eller fast nummer, och därmed ingen identifierare"
                        ),
                        Some(advice),
                    ),
                ));
            }
            return;
        };
        if role == Role::Mobile {
            self.by_mobile += 1;
        } else {
            self.by_fixed += 1;
        }
        let identifier = match check.number() {
            Some(number) => Identifier::Number(number),
            None => Identifier::Written(value.to_lowercase()),
        };
        let shown = check.number().map_or_else(|| super::quoted(value), |number| Bilingual::same(number.to_string()));
        if let Some(first) = self.identifiers.get(&identifier) {
            self.duplicates += 1;
            let first = *first;
            let (who, role) = (row.who(), role.definite());
            let (who_en, who_sv, role_en, role_sv, shown_en, shown_sv) =
                (&who.en, &who.sv, &role.en, &role.sv, &shown.en, &shown.sv);
            self.problem(
                row.line,
                Verdict::Fail,
                bilingual!(
                    "The identifier of {who_en}, {role_en} {shown_en}, is also the identifier of the user on line {first}",
                    "Identifieraren för {who_sv}, {role_sv} {shown_sv}, är också identifieraren för användaren på rad {first}"
                ),
                Some(Bilingual::new(
                    "Each user needs a number of their own: a shared number, such as a switchboard's, cannot tell users apart. Give the user their own mobile or fixed number.",
                    "Varje användare behöver ett eget nummer: ett delat nummer, till exempel en växels, kan inte skilja användare åt. Ge användaren ett eget mobilnummer eller fast nummer.",
                )),
            );
        } else {
            self.identifiers.insert(identifier, row.line);
        }
    }

    fn export(&mut self, row: &Row<'_>) {
        if self.judges_numbers() {
            for role in [Role::Mobile, Role::Fixed] {
                if let Some(value) = row.get(role) {
                    self.number(row, role, value);
                }
            }
        }
        let who = row.who();
        let (who_en, who_sv) = (&who.en, &who.sv);
        let Some(address) = row.get(Role::Mail) else {
            if row.complete {
                let who = capitalised_both(&who);
                let (who_en, who_sv) = (&who.en, &who.sv);
                self.missing.push(LineFinding::new(
                    Some(row.line),
                    Finding::new(
                        self.requirement,
                        Verdict::Fail,
                        bilingual!(
                            "{who_en} has no e-mail address, the identifier Telia recommends",
                            "{who_sv} har ingen e-postadress, den identifierare som Telia rekommenderar"
                        ),
                        Some(Bilingual::new(
                            "Give every user their e-mail address, so that the export can be matched to the users in AD.",
                            "Ge varje användare sin e-postadress, så att exporten kan matchas mot användarna i AD.",
                        )),
                    ),
                ));
            }
            return;
        };
        if let Some(Text { en: problem_en, sv: problem_sv }) = mail_problem(address) {
            self.problem(
                row.line,
                Verdict::Fail,
                bilingual!(
                    "The e-mail address \"{address}\" of {who_en} is not an e-mail address: {problem_en}",
                    "E-postadressen \"{address}\" för {who_sv} är ingen e-postadress: {problem_sv}"
                ),
                Some(Bilingual::new(
                    "Correct the address: it identifies the user.",
                    "Rätta adressen: den identifierar användaren.",
                )),
            );
        }
        // Mail systems treat addresses without regard to case, and so must the identifier.
        let identifier = Identifier::Written(address.to_lowercase());
        if let Some(first) = self.identifiers.get(&identifier) {
            self.duplicates += 1;
            let first = *first;
            self.problem(
                row.line,
                Verdict::Fail,
                bilingual!(
                    "The e-mail address {address} of {who_en} is also the address of the user on line {first}",
                    "E-postadressen {address} för {who_sv} är också adressen till användaren på rad {first}"
                ),
                Some(Bilingual::new(
                    "Each user needs an address of their own: a shared mailbox's address cannot tell users apart.",
                    "Varje användare behöver en egen adress: en delad postlådas adress kan inte skilja användare åt.",
                )),
            );
        } else {
            self.identifiers.insert(identifier, row.line);
        }
    }

    /// The findings, in order: about the file, on lines, on the whole.
    fn finish(mut self, columns: &[Column], mut about_file: Vec<LineFinding>) -> Vec<LineFinding> {
        let requirement = self.requirement;
        let whole = |verdict: Verdict, evidence: Bilingual, advice: Option<Bilingual>| {
            LineFinding::new(None, Finding::new(requirement, verdict, evidence, advice))
        };
        let mut verdicts = Vec::new();
        let names = columns.iter().map(|column| column.name.as_str()).collect::<Vec<_>>().join(", ");
        let has = |roles: &[Role]| columns.iter().any(|column| column.role.is_some_and(|role| roles.contains(&role)));
        if self.users == 0 {
            let others = if self.not_users > 0 {
                let count = self.not_users;
                bilingual!(
                    ", only {count} entries that are not users (computers, groups, contacts) or that remove or rename one",
                    ", bara {count} poster som inte är användare (datorer, grupper, kontakter) eller som tar bort eller byter namn på en"
                )
            } else {
                Bilingual::default()
            };
            let (others_en, others_sv) = (&others.en, &others.sv);
            about_file.push(whole(
                Verdict::Fail,
                bilingual!("The file has no user records{others_en}", "Filen har inga användarposter{others_sv}"),
                Some(Bilingual::new(
                    "Export the users, one record each.",
                    "Exportera användarna, en post för var och en.",
                )),
            ));
        } else {
            let (roles, what, advice): (&[Role], Text, Text) = match self.options.direction {
                Direction::Import => (
                    &[Role::Mobile, Role::Fixed],
                    Text { en: "the mobile or the fixed number", sv: "mobilnumret eller det fasta numret" },
                    Text {
                        en: "Say which column holds the mobile number (the identifier) or the fixed number: map it to mobile or fixed.",
                        sv: "Ange vilken kolumn som har mobilnumret (identifieraren) eller det fasta numret: mappa den till mobile eller fixed.",
                    },
                ),
                Direction::Export => (
                    &[Role::Mail],
                    Text { en: "the e-mail address", sv: "e-postadressen" },
                    Text {
                        en: "Say which column holds the e-mail address: map it to mail.",
                        sv: "Ange vilken kolumn som har e-postadressen: mappa den till mail.",
                    },
                ),
            };
            let judged = if self.complete_users < self.users {
                let count = self.users - self.complete_users;
                bilingual!(
                    " ({count} change records list only what they change and are not judged for it)",
                    " ({count} ändringsposter anger bara vad de ändrar och bedöms inte på den punkten)"
                )
            } else {
                Bilingual::default()
            };
            let (judged_en, judged_sv) = (&judged.en, &judged.sv);
            if !has(roles) && self.complete_users > 0 {
                let Text { en: what_en, sv: what_sv } = what;
                about_file.push(whole(
                    Verdict::Fail,
                    bilingual!(
                        "No column or attribute is read as {what_en}; the file has {names}",
                        "Ingen kolumn eller inget attribut läses som {what_sv}; filen har {names}"
                    ),
                    Some(advice.into()),
                ));
            } else if self.missing.is_empty() && self.complete_users > 0 {
                let (users, by_mobile, by_fixed) = (self.complete_users, self.by_mobile, self.by_fixed);
                let evidence = match self.options.direction {
                    Direction::Import => bilingual!(
                        "All {users} users have an identifier: {by_mobile} by their mobile number, {by_fixed} by their fixed number{judged_en}",
                        "Alla {users} användare har en identifierare: {by_mobile} genom sitt mobilnummer, {by_fixed} genom sitt fasta nummer{judged_sv}"
                    ),
                    Direction::Export => bilingual!(
                        "All {users} users have an e-mail address{judged_en}",
                        "Alla {users} användare har en e-postadress{judged_sv}"
                    ),
                };
                verdicts.push(whole(Verdict::Pass, evidence, None));
            } else {
                self.on_lines.append(&mut self.missing);
            }
            let identified = self.identifiers.len() + self.duplicates;
            if identified > 0 && self.duplicates == 0 {
                let evidence = match self.options.direction {
                    Direction::Import => bilingual!(
                        "The {identified} identifiers are unique (numbers compared in E.164 form)",
                        "De {identified} identifierarna är unika (numren jämförda i E.164-form)"
                    ),
                    Direction::Export => bilingual!(
                        "The {identified} e-mail addresses are unique (compared without regard to case)",
                        "De {identified} e-postadresserna är unika (jämförda utan hänsyn till skiftläge)"
                    ),
                };
                verdicts.push(whole(Verdict::Pass, evidence, None));
            }
        }
        if let Some(integration) = self.options.integration
            && self.numbers > 0
            && self.numbers_wrong == 0
        {
            let numbers = self.numbers;
            verdicts.push(LineFinding::new(
                None,
                Finding::new(
                    integration.requirement(),
                    Verdict::Pass,
                    bilingual!(
                        "All {numbers} mobile and fixed numbers are in E.164 format",
                        "Alla {numbers} mobilnummer och fasta nummer är i E.164-format"
                    ),
                    None,
                ),
            ));
        }
        // Stable: a record's findings stay in the order they were made.
        self.on_lines.sort_by_key(|finding| finding.line);
        about_file.append(&mut self.on_lines);
        about_file.append(&mut verdicts);
        about_file
    }
}

/// Checks a user file (its bytes as the tool wrote them) for its direction: every finding,
/// with the line of each record's problems.
pub fn validate_users(input: &[u8], options: &UsersOptions, today: Date) -> UsersReport {
    let mut report = UsersReport { checked_on: today, options: options.clone(), file: None, findings: Vec::new() };
    let requirement = options.direction.requirement();
    let decoded = match decode(input) {
        Ok(decoded) => decoded,
        Err(error) => {
            let (error_en, error_sv) = (error.message_in(Locale::En), error.message_in(Locale::Sv));
            report.findings.push(LineFinding::new(
                None,
                Finding::new(
                    requirement,
                    Verdict::Fail,
                    bilingual!("The file cannot be read: {error_en}", "Filen går inte att läsa: {error_sv}"),
                    Some(Bilingual::new(
                        "Export the users as CSV or LDIF.",
                        "Exportera användarna som CSV eller LDIF.",
                    )),
                ),
            ));
            return report;
        }
    };
    let format = options.format.unwrap_or_else(|| detect_format(&decoded.text));
    let mut checker = Checker::new(options);
    let mut about_file = Vec::new();
    if let Some(mixed) = decoded.mixed {
        about_file.push(LineFinding::new(
            Some(mixed.other_line),
            Finding::new(requirement, Verdict::Warning, mixed.evidence(), Some(Mixed::ADVICE.into())),
        ));
    }
    let (read_as, columns, unused) = match format {
        FileFormat::Csv => read_csv(&decoded.text, &mut checker, &options.mapping, &mut about_file),
        FileFormat::Ldif => {
            let (columns, unused) = read_ldif(&decoded.text, &mut checker, &options.mapping);
            (ReadAs::Ldif, columns, unused)
        }
    };
    let noun = if read_as == ReadAs::Ldif {
        Text { en: "attribute of any record", sv: "ett attribut i någon post" }
    } else {
        Text { en: "column of this file", sv: "en kolumn i den här filen" }
    };
    let Text { en: noun_en, sv: noun_sv } = noun;
    for unused in unused {
        about_file.push(LineFinding::new(
            None,
            Finding::new(
                requirement,
                Verdict::Warning,
                bilingual!(
                    "The mapping names \"{unused}\", which is not a {noun_en}",
                    "Mappningen nämner \"{unused}\", som inte är {noun_sv}"
                ),
                Some(Bilingual::new(
                    "Check the name against the file's header (case does not matter).",
                    "Jämför namnet med filens rubrikrad (skiftläget spelar ingen roll).",
                )),
            ),
        ));
    }
    let (records, users, not_users) = (checker.records, checker.users, checker.not_users);
    report.findings = checker.finish(&columns, about_file);
    report.file = Some(FileSummary { read_as, encoding: decoded.encoding, records, users, not_users, columns });
    report
}

/// The file as CSV: how it was read, its columns, and the mapped names it lacks.
fn read_csv<'a>(
    text: &'a str,
    checker: &mut Checker<'_>,
    mapping: &[ColumnMapping],
    about_file: &mut Vec<LineFinding>,
) -> (ReadAs, Vec<Column>, Vec<String>) {
    let mut reader = CsvReader::new(text);
    let read_as = ReadAs::Csv { delimiter: reader.delimiter() };
    let mut fields: Vec<Cow<'a, str>> = Vec::new();
    let requirement = checker.requirement;
    let unreadable = |line: usize, error: self::csv::CsvError| {
        LineFinding::new(
            Some(line),
            Finding::new(
                requirement,
                Verdict::Fail,
                Bilingual::each(|locale| error.message_in(locale)),
                Some(Bilingual::new(
                    "Close the quote, or write a quote inside a quoted field twice (\"\").",
                    "Stäng citattecknet, eller skriv ett citattecken inuti ett fält inom citattecken två gånger (\"\").",
                )),
            ),
        )
    };
    let header = match reader.next_record(&mut fields) {
        Ok(header) => header,
        Err(error) => {
            let self::csv::CsvError::UnterminatedQuote { line } = error;
            about_file.push(unreadable(line, error));
            None
        }
    };
    if header.is_none() {
        return (read_as, Vec::new(), Resolver::new(mapping, Some(&[])).unused());
    }
    let names: Vec<String> = fields.iter().map(|name| clean_name(name).to_owned()).collect();
    let mut resolver = Resolver::new(mapping, Some(&names.iter().map(String::as_str).collect::<Vec<_>>()));
    let columns: Vec<Column> = names.into_iter().map(|name| Column { role: resolver.role(&name), name }).collect();
    read_records(&mut reader, &mut fields, checker, &columns, &unreadable);
    (read_as, columns, resolver.unused())
}

/// The records after the header.
fn read_records<'a>(
    reader: &mut CsvReader<'a>,
    fields: &mut Vec<Cow<'a, str>>,
    checker: &mut Checker<'_>,
    columns: &[Column],
    unreadable: &dyn Fn(usize, self::csv::CsvError) -> LineFinding,
) {
    loop {
        match reader.next_record(fields) {
            Ok(Some(line)) => {
                if fields.len() != columns.len() {
                    let (found, expected) = (fields.len(), columns.len());
                    checker.problem(
                        line,
                        Verdict::Warning,
                        bilingual!(
                            "The record has {found} fields where the header has {expected}",
                            "Posten har {found} fält där rubrikraden har {expected}"
                        ),
                        Some(Bilingual::new(
                            "A delimiter or a quote may be missing or extra, so values may stand in the wrong columns: check the line.",
                            "En avgränsare eller ett citattecken kan saknas eller vara för mycket, så att värden hamnar i fel kolumner: kontrollera raden.",
                        )),
                    );
                }
                let mut row = Row::new(line, true);
                for (field, column) in fields.drain(..).zip(columns) {
                    if let Some(role) = column.role {
                        row.set(role, field);
                    }
                }
                checker.row(row);
            }
            Ok(None) => break,
            Err(error) => {
                let self::csv::CsvError::UnterminatedQuote { line } = error;
                let finding = unreadable(line, error);
                checker.on_lines.push(finding);
                break;
            }
        }
    }
}

/// A line of an LDIF file that cannot be read.
fn unreadable_line(checker: &mut Checker<'_>, problem: ldif::LineProblem) {
    let (problem_en, problem_sv) = (problem.problem.message_in(Locale::En), problem.problem.message_in(Locale::Sv));
    checker.problem(
        problem.line,
        Verdict::Fail,
        bilingual!("The line cannot be read: {problem_en}", "Raden går inte att läsa: {problem_sv}"),
        Some(Bilingual::new(
            "Correct the line (RFC 2849); the rest of the file was read.",
            "Rätta raden (RFC 2849); resten av filen lästes.",
        )),
    );
}

/// The file as LDIF: its attributes and the mapped names no record has.
fn read_ldif(text: &str, checker: &mut Checker<'_>, mapping: &[ColumnMapping]) -> (Vec<Column>, Vec<String>) {
    let mut resolver = Resolver::new(mapping, None);
    let mut reader = LdifReader::new(text);
    let mut record = LdifRecord::default();
    let mut problems = Vec::new();
    // Attribute names repeat in every record: each is resolved once.
    let mut roles: HashMap<String, Option<Role>> = HashMap::new();
    let mut columns: Vec<Column> = Vec::new();
    let mut resolve = |name: &str, columns: &mut Vec<Column>| -> Option<Role> {
        if let Some(role) = roles.get(name) {
            return *role;
        }
        let role = resolver.role(name);
        roles.insert(name.to_owned(), role);
        if !columns.iter().any(|column| column.name.eq_ignore_ascii_case(name)) {
            columns.push(Column { name: name.to_owned(), role });
        }
        role
    };
    while reader.next_record(&mut record, &mut problems) {
        for problem in problems.drain(..) {
            unreadable_line(checker, problem);
        }
        if matches!(record.change, Change::Delete | Change::Rename) {
            checker.records += 1;
            checker.not_users += 1;
            continue;
        }
        let mut row = Row::new(record.line, record.change != Change::Modify);
        if let Some(dn) = record.dn.take() {
            resolve("dn", &mut columns);
            row.set(Role::Dn, dn);
        }
        for attribute in record.attributes.drain(..) {
            let Some(role) = resolve(&attribute.name, &mut columns) else { continue };
            match attribute.value.text() {
                Ok(value) => row.set(role, value),
                Err(error) => {
                    let (role_en, role_sv) = (role.label(), capitalised(role.definite_sv()));
                    let (name, error_en, error_sv) =
                        (&attribute.name, error.message_in(Locale::En), error.message_in(Locale::Sv));
                    checker.problem(
                        attribute.line,
                        Verdict::Fail,
                        bilingual!(
                            "The {role_en} ({name}) cannot be read: {error_en}",
                            "{role_sv} ({name}) går inte att läsa: {error_sv}"
                        ),
                        Some(Bilingual::new(
                            "Write the value in the file itself, as text or as base64 of UTF-8.",
                            "Skriv värdet i själva filen, som text eller som base64 av UTF-8.",
                        )),
                    )
                }
            }
        }
        checker.row(row);
    }
    for problem in problems.drain(..) {
        unreadable_line(checker, problem);
    }
    (columns, resolver.unused())
}

// Natively only: proptest's random source does not build for wasm32-unknown-unknown.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TODAY: Date = Date::new(2026, 3, 4);

    /// (line, requirement, verdict, a part of the evidence).
    type Expected<'e> = (Option<usize>, &'e str, Verdict, &'e str);

    fn check(input: &[u8], options: &UsersOptions, expected: &[Expected<'_>]) -> UsersReport {
        let report = validate_users(input, options, TODAY);
        let found: Vec<String> = report
            .findings
            .iter()
            .map(|finding| {
                format!(
                    "{:?} {} {} {}",
                    finding.line,
                    finding.finding.requirement,
                    finding.finding.verdict.slug(),
                    finding.finding.evidence.en
                )
            })
            .collect();
        assert_eq!(found.len(), expected.len(), "{}", found.join("\n"));
        for ((line, id, verdict, evidence), finding) in expected.iter().zip(&report.findings) {
            let shown =
                format!("{:?} {} {}", finding.line, finding.finding.requirement, finding.finding.verdict.slug());
            assert_eq!(
                (finding.line, finding.finding.requirement.as_str(), finding.finding.verdict),
                (*line, *id, *verdict),
                "{shown}\n{}",
                found.join("\n")
            );
            assert!(
                finding.finding.evidence.en.contains(evidence),
                "\"{}\" lacks \"{evidence}\"",
                finding.finding.evidence.en
            );
        }
        report
    }

    fn utf16le_with_bom(text: &str) -> Vec<u8> {
        [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect()
    }

    const IMPORT: &str = "ad.import-file";
    const EXPORT: &str = "ad.export-identifier";
    const TEAMS: &str = "teams.e164";

    #[test]
    fn a_powershell_5_export_in_utf16() {
        // `Get-ADUser -Filter * -Properties * | Select … | Export-Csv users.csv` on Windows
        // PowerShell 5.1: UTF-16LE with a BOM, the #TYPE line, every field quoted, CRLF; both
        // MobilePhone and mobile, one of them empty.
        let text = "#TYPE Selected.Microsoft.ActiveDirectory.Management.ADUser\r\n\
                    \"GivenName\",\"Surname\",\"MobilePhone\",\"mobile\",\"OfficePhone\",\"EmailAddress\"\r\n\
                    \"Åsa\",\"Öberg\",\"+46701234567\",\"+46701234567\",\"+4681234567\",\"asa.oberg@example.se\"\r\n\
                    \"Bo\",\"Ek\",\"\",\"+46702345678\",\"\",\"bo.ek@example.se\"\r\n\
                    \"Cia\",\"Lind, jr\",\"\",\"\",\"+4681234568\",\"cia.lind@example.se\"\r\n";
        let report = check(
            &utf16le_with_bom(text),
            &UsersOptions { integration: Some(Integration::Teams), ..UsersOptions::default() },
            &[
                (
                    None,
                    IMPORT,
                    Verdict::Pass,
                    "All 3 users have an identifier: 2 by their mobile number, 1 by their fixed number",
                ),
                (None, IMPORT, Verdict::Pass, "The 3 identifiers are unique"),
                (None, TEAMS, Verdict::Pass, "All 4 mobile and fixed numbers are in E.164 format"),
            ],
        );
        let file = report.file.unwrap();
        assert_eq!(file.encoding, TextEncoding::Utf16Le { bom: true });
        assert_eq!(file.read_as, ReadAs::Csv { delimiter: Delimiter::Comma });
        assert_eq!((file.records, file.users, file.not_users), (3, 3, 0));
        let roles: Vec<Option<Role>> = file.columns.iter().map(|column| column.role).collect();
        assert_eq!(
            roles,
            [
                Some(Role::GivenName),
                Some(Role::Surname),
                Some(Role::Mobile),
                Some(Role::Mobile),
                Some(Role::Fixed),
                Some(Role::Mail)
            ]
        );
    }

    #[test]
    fn an_excel_export_in_windows_1252() {
        // Excel's "CSV (semicolon-separated)" on a Swedish Windows: Å is 0xC5, Ö 0xD6, é 0xE9.
        let mut bytes = b"givenName;sn;mobile;telephoneNumber;ipPhone\r\n".to_vec();
        bytes.extend(b"\xC5sa;\xD6berg;070-123 45 67;;\r\n");
        bytes.extend(b"Bo;Ek;+46701234567;;\r\n"); // the same number as Åsa's, written as E.164
        bytes.extend(b"Ren\xE9;Berg;;;1234\r\n"); // only an extension on the IP phone
        bytes.extend(b"Dan;Holm;;08-123 45 67;\r\n");
        bytes.extend(b"Eva;Ny;saknas;;\r\n");
        bytes.extend(b"Fia;Ros;0701234560;x;y;z\r\n");
        let report = check(
            &bytes,
            &UsersOptions::default(),
            &[
                (
                    Some(2),
                    IMPORT,
                    Verdict::Warning,
                    "The mobile number \"070-123 45 67\" of Åsa Öberg is not in E.164 format",
                ),
                (
                    Some(3),
                    IMPORT,
                    Verdict::Fail,
                    "The identifier of Bo Ek, the mobile number +46701234567, is also the identifier of the user on line 2",
                ),
                (Some(4), IMPORT, Verdict::Fail, "René Berg has neither a mobile nor a fixed number"),
                (
                    Some(5),
                    IMPORT,
                    Verdict::Warning,
                    "The fixed number \"08-123 45 67\" of Dan Holm is not in E.164 format",
                ),
                (
                    Some(6),
                    IMPORT,
                    Verdict::Warning,
                    "The mobile number \"saknas\" of Eva Ny is not a phone number in E.164 format: it has letters",
                ),
                (Some(7), IMPORT, Verdict::Warning, "The record has 6 fields where the header has 5"),
                (
                    Some(7),
                    IMPORT,
                    Verdict::Warning,
                    "The mobile number \"0701234560\" of Fia Ros is not in E.164 format",
                ),
                (Some(7), IMPORT, Verdict::Warning, "The fixed number \"x\" of Fia Ros is not a phone number"),
            ],
        );
        let file = report.file.as_ref().unwrap();
        assert_eq!(file.encoding, TextEncoding::Windows1252);
        assert_eq!(file.read_as, ReadAs::Csv { delimiter: Delimiter::Semicolon });
        let advice = |line: usize| {
            report
                .findings
                .iter()
                .find(|finding| finding.line == Some(line))
                .and_then(|finding| finding.finding.advice.clone())
                .map(|advice| advice.en)
                .unwrap()
        };
        assert!(advice(2).starts_with("Write it as +46701234567."), "{}", advice(2));
        assert!(advice(4).contains("IP phone number (\"1234\") is not used"), "{}", advice(4));
        assert!(advice(3).contains("switchboard"), "{}", advice(3));
    }

    #[test]
    fn an_ldifde_export_for_the_export_direction() {
        // ldifde: a dn in base64 (it has Å), a folded line, a computer and a group to skip, a
        // binary attribute that is never decoded, addresses in two cases.
        let text = "dn:: Q049w4VzYSDDlmJlcmcsT1U9VXNlcnMsREM9ZXhhbXBsZSxEQz1zZQ==\r\n\
                    changetype: add\r\n\
                    objectClass: top\r\n\
                    objectClass: person\r\n\
                    objectClass: organizationalPerson\r\n\
                    objectClass: user\r\n\
                    displayName:: w4VzYSDDlmJlcmc=\r\n\
                    mail: Asa.Oberg@example.se\r\n\
                    mobile: +46 70 123\r\n  45 67\r\n\
                    objectGUID:: //4AAQ==\r\n\
                    \r\n\
                    dn: CN=PC01,OU=Computers,DC=example,DC=se\r\n\
                    objectClass: user\r\n\
                    objectClass: computer\r\n\
                    \r\n\
                    dn: CN=Staff,OU=Groups,DC=example,DC=se\r\n\
                    objectClass: group\r\n\
                    mail: staff@example.se\r\n\
                    \r\n\
                    dn: CN=Bo Ek,OU=Users,DC=example,DC=se\r\n\
                    objectClass: user\r\n\
                    displayName: Bo Ek\r\n\
                    mail: asa.oberg@example.se\r\n\
                    \r\n\
                    dn: CN=Cia Lind,OU=Users,DC=example,DC=se\r\n\
                    objectClass: user\r\n\
                    userPrincipalName: cia@example.se\r\n\
                    \r\n\
                    dn: CN=Dan Holm,OU=Users,DC=example,DC=se\r\n\
                    objectClass: user\r\n\
                    mail: dan.holm.example.se\r\n\
                    mail:< file:///c:/mail.txt\r\n";
        let report = check(
            text.as_bytes(),
            &UsersOptions {
                direction: Direction::Export,
                integration: Some(Integration::SkypeForBusiness),
                ..UsersOptions::default()
            },
            &[
                (
                    Some(1),
                    "s4b-voice.e164",
                    Verdict::Fail,
                    "The mobile number \"+46 70 123 45 67\" of Åsa Öberg is not in E.164 format",
                ),
                (
                    Some(21),
                    EXPORT,
                    Verdict::Fail,
                    "The e-mail address asa.oberg@example.se of Bo Ek is also the address of the user on line 1",
                ),
                (Some(26), EXPORT, Verdict::Fail, "Cia Lind has no e-mail address"),
                (
                    Some(30),
                    EXPORT,
                    Verdict::Fail,
                    "The e-mail address \"dan.holm.example.se\" of Dan Holm is not an e-mail address: it has no @",
                ),
                (
                    Some(33),
                    EXPORT,
                    Verdict::Fail,
                    "The e-mail address (mail) cannot be read: its value is a reference to \"file:///c:/mail.txt\"",
                ),
            ],
        );
        let file = report.file.unwrap();
        assert_eq!(file.read_as, ReadAs::Ldif);
        assert_eq!((file.records, file.users, file.not_users), (6, 4, 2));
        assert!(file.columns.iter().any(|column| column.name == "objectGUID" && column.role.is_none()));
    }

    #[test]
    fn change_records_are_judged_for_what_they_carry() {
        let text = "version: 1\n\
                    dn: cn=anna,dc=example,dc=se\n\
                    changetype: modify\n\
                    replace: mobile\n\
                    mobile: 070-123 45 67\n\
                    -\n\
                    \n\
                    dn: cn=bo,dc=example,dc=se\n\
                    changetype: modify\n\
                    replace: title\n\
                    title: CTO\n\
                    -\n\
                    \n\
                    dn: cn=old,dc=example,dc=se\n\
                    changetype: delete\n";
        let report = check(
            text.as_bytes(),
            &UsersOptions { integration: Some(Integration::Teams), ..UsersOptions::default() },
            &[
                // A record's problems are on the line it starts on.
                (Some(2), TEAMS, Verdict::Fail, "The mobile number \"070-123 45 67\" of anna is not in E.164 format"),
                (None, IMPORT, Verdict::Pass, "The 1 identifiers are unique"),
            ],
        );
        assert_eq!(report.file.unwrap().not_users, 1);
    }

    #[test]
    fn the_mapping_decides() {
        let text = "Namn;Mobil;Tel;Mobile\nAnna;+46701234567;+4681234567;garbage\nBo;;+4681234568;\n";
        let mapping =
            |pairs: &[&str]| pairs.iter().map(|pair| pair.parse::<ColumnMapping>().unwrap()).collect::<Vec<_>>();
        // Without a mapping only "Mobile" is known, and it holds garbage.
        check(
            text.as_bytes(),
            &UsersOptions::default(),
            &[
                (
                    Some(2),
                    IMPORT,
                    Verdict::Warning,
                    "The mobile number \"garbage\" of a user without a name is not a phone number",
                ),
                (Some(3), IMPORT, Verdict::Fail, "A user without a name has neither a mobile nor a fixed number"),
                (None, IMPORT, Verdict::Pass, "The 1 identifiers are unique"),
            ],
        );
        // Mobil is the mobile (so Mobile no longer is), Tel the fixed number; "Namn" has no
        // usual name, and a mapping names a column the file lacks.
        let options = UsersOptions {
            mapping: mapping(&["mobil=mobile", "Tel=telephoneNumber", "Namn=display-name", "Mobiltelefon=mobile"]),
            ..UsersOptions::default()
        };
        let report = check(
            text.as_bytes(),
            &options,
            &[
                (
                    None,
                    IMPORT,
                    Verdict::Warning,
                    "The mapping names \"Mobiltelefon\", which is not a column of this file",
                ),
                (
                    None,
                    IMPORT,
                    Verdict::Pass,
                    "All 2 users have an identifier: 1 by their mobile number, 1 by their fixed number",
                ),
                (None, IMPORT, Verdict::Pass, "The 2 identifiers are unique"),
            ],
        );
        let roles: Vec<(String, Option<Role>)> =
            report.file.unwrap().columns.into_iter().map(|column| (column.name, column.role)).collect();
        assert_eq!(
            roles,
            [
                ("Namn".to_owned(), Some(Role::DisplayName)),
                ("Mobil".to_owned(), Some(Role::Mobile)),
                ("Tel".to_owned(), Some(Role::Fixed)),
                ("Mobile".to_owned(), None),
            ]
        );
        // No column for the identifier at all: one finding, not one a user.
        check(
            "Namn;Titel\nAnna;CEO\nBo;CTO\n".as_bytes(),
            &UsersOptions::default(),
            &[(
                None,
                IMPORT,
                Verdict::Fail,
                "No column or attribute is read as the mobile or the fixed number; the file has Namn, Titel",
            )],
        );
        check(
            "Namn;Titel\nAnna;CEO\n".as_bytes(),
            &UsersOptions { direction: Direction::Export, ..UsersOptions::default() },
            &[(None, EXPORT, Verdict::Fail, "No column or attribute is read as the e-mail address")],
        );
        // A mapping that names no column takes no role from the usual names.
        check(
            "mobile\n+46701234567\n".as_bytes(),
            &UsersOptions { mapping: mapping(&["Mobil=mobile"]), ..UsersOptions::default() },
            &[
                (None, IMPORT, Verdict::Warning, "The mapping names \"Mobil\", which is not a column of this file"),
                (None, IMPORT, Verdict::Pass, "1 by their mobile number"),
                (None, IMPORT, Verdict::Pass, "The 1 identifiers are unique"),
            ],
        );
        // An ignored column gives its role up.
        check(
            "mobile;telephoneNumber\nwrong;+4681234567\n".as_bytes(),
            &UsersOptions { mapping: mapping(&["MOBILE=ignore"]), ..UsersOptions::default() },
            &[
                (None, IMPORT, Verdict::Pass, "1 by their fixed number"),
                (None, IMPORT, Verdict::Pass, "The 1 identifiers are unique"),
            ],
        );
        assert_eq!("a=b=mobile".parse::<ColumnMapping>().unwrap().column, "a=b");
        assert!(matches!("mobile".parse::<ColumnMapping>(), Err(MappingError::Form(_))));
        assert!(matches!("=mobile".parse::<ColumnMapping>(), Err(MappingError::Form(_))));
        assert!(matches!("x=phonebook".parse::<ColumnMapping>(), Err(MappingError::Role(_))));
    }

    #[test]
    fn what_cannot_be_read_says_so() {
        check(
            b"PK\x03\x04rest",
            &UsersOptions::default(),
            &[(None, IMPORT, Verdict::Fail, "The file cannot be read: this is an Excel workbook")],
        );
        check(
            b"",
            &UsersOptions::default(),
            &[(None, IMPORT, Verdict::Fail, "The file cannot be read: the file is empty")],
        );
        check(b"mobile\n", &UsersOptions::default(), &[(None, IMPORT, Verdict::Fail, "The file has no user records")]);
        // An unclosed quote: the records before it are still judged.
        check(
            b"mobile,displayName\n+46701234567,Anna\n+46701234568,\"Bo\n+46701234569,Cia\n",
            &UsersOptions::default(),
            &[
                (Some(3), IMPORT, Verdict::Fail, "a quoted field opened on line 3 is never closed"),
                (None, IMPORT, Verdict::Pass, "All 1 users have an identifier"),
                (None, IMPORT, Verdict::Pass, "The 1 identifiers are unique"),
            ],
        );
        check(
            b"\"mobile\n",
            &UsersOptions::default(),
            &[
                (Some(1), IMPORT, Verdict::Fail, "a quoted field opened on line 1 is never closed"),
                (None, IMPORT, Verdict::Fail, "The file has no user records"),
            ],
        );
        check(
            b"dn: cn=a\nmobile:: ***\n\ndn: cn=b\nnot an attribute\nmobile: +46701234567\n",
            &UsersOptions::default(),
            &[
                (Some(1), IMPORT, Verdict::Fail, "A has neither a mobile nor a fixed number"),
                (
                    Some(2),
                    IMPORT,
                    Verdict::Fail,
                    "The mobile number (mobile) cannot be read: its base64 value is not valid base64",
                ),
                (
                    Some(5),
                    IMPORT,
                    Verdict::Fail,
                    "The line cannot be read: \"not an attribute\" is not an attribute line",
                ),
                (None, IMPORT, Verdict::Pass, "The 1 identifiers are unique"),
            ],
        );
    }

    #[test]
    fn the_format_is_found_from_the_first_line() {
        for (text, format) in [
            ("version: 1\ndn: cn=a\n", FileFormat::Ldif),
            ("# ldifde export\r\n\r\ndn: cn=a\r\n", FileFormat::Ldif),
            ("DN: cn=a\n", FileFormat::Ldif),
            ("DN,objectClass,mobile\n", FileFormat::Csv),
            ("#TYPE Selected.Microsoft.ActiveDirectory.Management.ADUser\n\"mobile\"\n", FileFormat::Csv),
            ("version:v1.0\nName [displayName] Required\n", FileFormat::Csv),
            ("", FileFormat::Csv),
        ] {
            assert_eq!(detect_format(text), format, "{text:?}");
        }
        check(
            "version:v1.0\r\nName [displayName] Required,User name [userPrincipalName] Required,Mobile phone [mobile]\r\nAnna Berg,anna@example.se,+46701234567\r\n".as_bytes(),
            &UsersOptions::default(),
            &[
                (None, IMPORT, Verdict::Pass, "All 1 users have an identifier: 1 by their mobile number"),
                (None, IMPORT, Verdict::Pass, "The 1 identifiers are unique"),
            ],
        );
    }

    #[test]
    fn an_export_without_an_integration_leaves_numbers_alone() {
        check(
            "mail;mobile\nanna@example.se;070-123 45 67\nbo@example.se;\n".as_bytes(),
            &UsersOptions { direction: Direction::Export, ..UsersOptions::default() },
            &[
                (None, EXPORT, Verdict::Pass, "All 2 users have an e-mail address"),
                (None, EXPORT, Verdict::Pass, "The 2 e-mail addresses are unique (compared without regard to case)"),
            ],
        );
    }

    #[test]
    fn a_user_is_named_as_people_know_them() {
        fn check(values: &[(Role, &str)], expected: &str) {
            let mut row = Row::new(1, true);
            for (role, value) in values {
                row.set(*role, Cow::Borrowed(value));
            }
            assert_eq!(row.who().en, expected, "{values:?}");
        }
        check(&[(Role::DisplayName, "Åsa Öberg"), (Role::GivenName, "Åsa")], "Åsa Öberg");
        check(&[(Role::GivenName, "Åsa"), (Role::Surname, "Öberg")], "Åsa Öberg");
        check(&[(Role::Surname, "Öberg"), (Role::Mail, "a@example.se")], "Öberg");
        check(&[(Role::Dn, "CN=Berg\\, Anna,OU=Users,DC=example,DC=se"), (Role::Mail, "a@example.se")], "Berg, Anna");
        check(&[(Role::Dn, "CN= ,DC=se"), (Role::Upn, "anna@example.se")], "anna@example.se");
        check(&[(Role::Account, "anna")], "anna");
        check(&[(Role::ObjectClass, "user")], "a user without a name");
        let mut row = Row::new(1, true);
        row.set(Role::ObjectClass, Cow::Borrowed("user"));
        assert_eq!(row.who().sv, "en användare utan namn");
    }

    #[test]
    fn the_name_table_is_keyed_and_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for (name, role) in ATTRIBUTE_NAMES {
            assert_eq!(name_key(name), *name, "{name} is written as its key");
            assert!(seen.insert(*name), "{name} twice");
            assert_ne!(*role, Role::Ignore);
        }
        for role in Role::ALL {
            assert_eq!(role.slug().parse::<Role>(), Ok(*role));
            assert_eq!(role.index().is_none(), *role == Role::Ignore, "{role}");
            if !matches!(role, Role::Ignore) {
                assert!(ATTRIBUTE_NAMES.iter().any(|(_, named)| named == role), "{role} has a usual name");
            }
        }
        assert_eq!(Role::ALL.len(), KEPT_ROLES + 1);
        for (name, role) in [
            ("mobile", Role::Mobile),
            ("MobilePhone", Role::Mobile),
            ("Mobile phone", Role::Mobile),
            ("telephoneNumber", Role::Fixed),
            ("OfficePhone", Role::Fixed),
            ("ipPhone", Role::IpPhone),
            ("E-mail", Role::Mail),
            ("EmailAddress", Role::Mail),
            ("userPrincipalName", Role::Upn),
            ("User principal name", Role::Upn),
            ("givenName", Role::GivenName),
            ("sn", Role::Surname),
            ("displayName", Role::DisplayName),
            ("sAMAccountName", Role::Account),
            ("DistinguishedName", Role::Dn),
            ("Mobile phone [mobile]", Role::Mobile),
            ("Office phone [telephoneNumber]", Role::Fixed),
            ("Name [displayName] Required", Role::DisplayName),
        ] {
            assert_eq!(default_role(name), Some(role), "{name}");
        }
        assert_eq!(default_role("title"), None);
        assert_eq!("Export".parse::<Direction>(), Ok(Direction::Export));
        assert!("both".parse::<Direction>().is_err());
    }

    #[test]
    fn the_report_crosses_to_a_worker_as_json() {
        let options: UsersOptions = serde_json::from_str(
            r#"{"direction":"export","country":"NO","integration":"teams","mapping":[{"column":"Mobil","role":"mobile"}]}"#,
        )
        .unwrap();
        assert_eq!(options.country, Country::Norway);
        assert_eq!(serde_json::from_str::<UsersOptions>("{}").unwrap(), UsersOptions::default());
        let report = validate_users(b"mail\na@example.se\nA@example.se\n", &options, TODAY);
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["file"]["read_as"]["format"], "csv");
        assert_eq!(json["file"]["read_as"]["delimiter"], "comma");
        assert_eq!(json["file"]["encoding"], "utf8");
        assert_eq!(json["findings"][1]["line"], 3);
        assert_eq!(json["findings"][1]["requirement"], EXPORT);
        assert_eq!(json["findings"][1]["section"], "3.5");
        assert_eq!(json["findings"][1]["verdict"], "fail");
    }

    #[test]
    fn twenty_thousand_users_in_linear_time() {
        // A generated export: every 1000th user shares the previous user's mobile, every 997th
        // has none, every 500th is in the national format.
        let mut text = String::from("\"GivenName\",\"Surname\",\"MobilePhone\",\"OfficePhone\",\"EmailAddress\"\r\n");
        let rows = 20_000;
        for index in 0..rows {
            let number = if index % 1000 == 999 { index - 1 } else { index };
            let mobile = if index % 997 == 500 {
                String::new()
            } else if index % 500 == 7 {
                format!("070-{:03} {:02} {:02}", number / 10_000, number / 100 % 100, number % 100)
            } else {
                format!("+4670{number:07}")
            };
            text.push_str(&format!("\"User{index}\",\"Test\",\"{mobile}\",\"\",\"user{index}@example.se\"\r\n"));
        }
        let started = std::time::Instant::now();
        let report = validate_users(text.as_bytes(), &UsersOptions::default(), TODAY);
        let elapsed = started.elapsed();
        let count = |verdict: Verdict, needle: &str| {
            report
                .findings
                .iter()
                .filter(|finding| finding.finding.verdict == verdict && finding.finding.evidence.en.contains(needle))
                .count()
        };
        assert_eq!(count(Verdict::Fail, "is also the identifier"), rows / 1000);
        assert_eq!(
            count(Verdict::Fail, "neither a mobile nor a fixed number"),
            (0..rows).filter(|index| index % 997 == 500).count()
        );
        assert_eq!(
            count(Verdict::Warning, "not in E.164 format"),
            (0..rows).filter(|index| index % 500 == 7 && index % 997 != 500).count()
        );
        assert_eq!(report.file.as_ref().unwrap().users, rows);
        // Linear: a quadratic check would take minutes here even in a debug build.
        assert!(elapsed.as_secs() < 20, "{elapsed:?}");
    }

    proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300), export in any::<bool>()) {
            let options = UsersOptions {
                direction: if export { Direction::Export } else { Direction::Import },
                integration: Some(Integration::Teams),
                ..UsersOptions::default()
            };
            let _ = validate_users(&bytes, &options, TODAY);
        }

        #[test]
        fn never_panics_on_text_like_files(text in "(dn: |mobile: |mail:: |[a-z;,\"\r\n +0-9@])*", format in proptest::option::of(proptest::sample::select(&[FileFormat::Csv, FileFormat::Ldif][..]))) {
            let options = UsersOptions { format, ..UsersOptions::default() };
            let _ = validate_users(text.as_bytes(), &options, TODAY);
        }
    }
}
