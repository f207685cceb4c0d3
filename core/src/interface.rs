//! The page's own words, in both languages: headings, buttons, labels and the sentences around
//! figures. They live here, beside the data they describe, so that the page, the CLI and the
//! reports cannot word the same thing two ways, and a missing translation does not compile (each
//! is a [`Text`] with both halves; `tests/swedish.rs` holds them to differ).
//! Sentences with figures are functions of the locale.

use crate::locale::{Locale, Text};

const fn t(en: &'static str, sv: &'static str) -> Text {
    Text { en, sv }
}

/// The header, the table of contents and the section headings.
pub mod page {
    use super::*;
    pub const TITLE: Text =
        t("sitecheck — Telia Touchpoint Plus site readiness", "sitecheck – är platsen redo för Telia Touchpoint Plus?");
    /// The site report's title.
    pub const REPORT_TITLE: Text =
        t("Telia Touchpoint Plus site readiness", "Är platsen redo för Telia Touchpoint Plus?");
    pub const LEAD: Text = t(
        "Is this site ready for Telia Touchpoint Plus? Checked against",
        "Är platsen redo för Telia Touchpoint Plus? Kontrolleras mot",
    );
    pub const VERSION: Text = t("version", "version");
    pub const PRIVACY: Text = t(
        "Everything runs in this browser: nothing you see or enter here is sent anywhere.",
        "Allt körs i den här webbläsaren: inget du ser eller skriver här skickas någonstans.",
    );
    pub const CONTENTS: Text = t("Contents", "Innehåll");
    pub const TOC_COMPUTER: Text = t("This computer", "Den här datorn");
    pub const TOC_NETWORK: Text = t("Network", "Nätverk");
    pub const TOC_PLAN: Text = t("Plan", "Plan");
    pub const TOC_CHECKLIST: Text = t("Checklist", "Checklista");
    pub const TOC_BANDWIDTH: Text = t("Bandwidth", "Bandbredd");
    pub const TOC_FIREWALL: Text = t("Firewall", "Brandvägg");
    pub const TOC_ADDONS: Text = t("Add-on files", "Filer för tilläggstjänster");
    pub const TOC_SHARE: Text = t("Share and report", "Dela och rapportera");
    pub const TOC_REQUIREMENTS: Text = t("Requirements", "Krav");
    pub const COMPUTER: Text = t("This browser and computer", "Den här webbläsaren och datorn");
    pub const NETWORK: Text = t("This network", "Det här nätverket");
    pub const PLAN: Text = t("The site plan", "Platsens plan");
    pub const CHECKLIST: Text = t("Checklist", "Checklista");
    pub const BANDWIDTH: Text = t("Bandwidth", "Bandbredd");
    pub const FIREWALL: Text = t("Firewall openings", "Öppningar i brandväggen");
    pub const COVERAGE: Text = t("Do the current rules cover them?", "Täcker de nuvarande reglerna dem?");
    pub const ADDONS: Text = t("Add-on files", "Filer för tilläggstjänster");
    pub const ADDONS_HINT: Text = t(
        "Certificates, phone numbers, user files, the SPF record and the Office 365 client secret, checked in this browser: nothing is uploaded. The checks are fetched when they are opened.",
        "Certifikat, telefonnummer, användarfiler, SPF-posten och klienthemligheten för Office 365, kontrollerade i den här webbläsaren: inget laddas upp. Kontrollerna hämtas när de öppnas.",
    );
    pub const SHARE: Text = t("Share and report", "Dela och rapportera");
    pub const REQUIREMENTS: Text = t("The requirements", "Kraven");
    pub const LANGUAGE: Text = t("Language", "Språk");
    /// The switch names the other language in that language.
    pub const fn switch_to(locale: Locale) -> &'static str {
        match locale {
            Locale::En => "Svenska",
            Locale::Sv => "English",
        }
    }

    pub fn all_requirements(locale: Locale, version: &str) -> String {
        match locale {
            Locale::En => format!("All requirements of v{version}, by section"),
            Locale::Sv => format!("Alla krav i v{version}, per avsnitt"),
        }
    }
}

/// The first view, before the whole page has loaded.
pub mod first {
    use super::*;
    pub const LOADING: Text = t(
        "Loading the network checks, the plan and the firewall openings…",
        "Läser in nätverkskontrollerna, planen och öppningarna i brandväggen…",
    );
    pub const NOT_STARTED: Text = t("it did not start", "den startade inte");
    pub const NO_SCRIPT: Text = t("the page could not add a script", "sidan kunde inte lägga till ett skript");

    pub fn not_fetched(locale: Locale, script: &str) -> String {
        match locale {
            // A script element's error says no more: not found, refused, or not the file whose
            // hash this build lists (Subresource Integrity).
            Locale::En => {
                format!("{script} could not be loaded (missing, blocked, or not the file this build was made with)")
            }
            Locale::Sv => format!(
                "{script} gick inte att läsa in (filen saknas, blockerades eller är inte den som den här versionen byggdes med)"
            ),
        }
    }

    pub fn failed(locale: Locale, reason: &str) -> String {
        match locale {
            Locale::En => format!(
                "The network checks, the plan and the rest of the page could not be loaded: {reason}. The verdicts above stand; reload the page to try again."
            ),
            Locale::Sv => format!(
                "Nätverkskontrollerna, planen och resten av sidan gick inte att läsa in: {reason}. Bedömningarna ovan gäller; läs in sidan igen för att försöka på nytt."
            ),
        }
    }
}

/// A verdict's card.
pub mod card {
    use super::*;
    pub const ADVISORY: Text = t("Advisory:", "Påpekande:");
    pub const CONFIRM: Text =
        t("I have checked this: mark it confirmed", "Jag har kontrollerat detta: markera det som bekräftat");
    pub const UNDO: Text = t("Undo the confirmation", "Ångra bekräftelsen");

    pub fn cite(locale: Locale, section: &str, title: &str) -> String {
        match locale {
            Locale::En => format!("Spec section {section} {title}"),
            Locale::Sv => format!("Specifikationens avsnitt {section} {title}"),
        }
    }
}

/// The checklist.
pub mod checklist {
    use super::*;
    pub const NOTE: Text = t("Note", "Anteckning");
    pub const NOTE_OPTIONAL: Text = t("Note (optional)", "Anteckning (valfri)");
    pub const CONFIRM: Text = t("Confirm", "Bekräfta");
    pub const UNDO: Text = t("Undo", "Ångra");
    pub const RESET: Text = t("Reset the plan and answers…", "Återställ planen och svaren…");
    pub const RESET_QUESTION: Text = t(
        "Clear the plan and every answer kept in this browser?",
        "Rensa planen och alla svar som sparats i den här webbläsaren?",
    );
    /// Said in Swedish only: the statements are a translation.
    pub const TRANSLATED: Text = t("", crate::spec::swedish::TRANSLATION_NOTICE);

    pub fn meta(locale: Locale, evidence: &str, source: &str, methods: &str) -> String {
        match locale {
            Locale::En => format!(" — {evidence} ({source}; verified: {methods})"),
            Locale::Sv => format!(" — {evidence} ({source}; verifieras: {methods})"),
        }
    }

    pub fn progress(locale: Locale, done: usize, total: usize, percent: usize) -> String {
        match locale {
            Locale::En => format!("{done} of {total} requirements settled ({percent} %)"),
            Locale::Sv => format!("{done} av {total} krav avgjorda ({percent} %)"),
        }
    }

    pub fn left(locale: Locale, left: usize, failing: usize) -> String {
        match locale {
            Locale::En => format!("Left: {left} items, {failing} of them failing."),
            Locale::Sv => format!("Kvar: {left} punkter, varav {failing} underkända."),
        }
    }

    pub fn group(locale: Locale, section: &str, title: &str, done: usize, total: usize) -> String {
        match locale {
            Locale::En => format!("{section} {title} ({done} of {total})"),
            Locale::Sv => format!("{section} {title} ({done} av {total})"),
        }
    }
}

/// The bandwidth table.
pub mod bandwidth {
    use super::*;
    pub const FUNCTION: Text = t("Function", "Funktion");
    pub const CALCULATION: Text = t("Calculation", "Beräkning");
    pub const BANDWIDTH: Text = t("Bandwidth", "Bandbredd");
    pub const SECTION: Text = t("Section", "Avsnitt");
    pub const TOTAL: Text = t("Total, the spec's method", "Totalt, specifikationens metod");

    pub fn total_with_omitted(locale: Locale, method: &str) -> String {
        match locale {
            Locale::En => format!("Total including what {method} leaves out"),
            Locale::Sv => format!("Totalt med det {method} utelämnar"),
        }
    }
}

/// The firewall table and its files.
pub mod firewall {
    use super::*;
    pub const RULE: Text = t("Rule", "Regel");
    pub const DIRECTION: Text = t("Direction", "Riktning");
    pub const SOURCE: Text = t("Source", "Källa");
    pub const DESTINATION: Text = t("Destination", "Mål");
    pub const SERVICE: Text = t("Protocol and port", "Protokoll och port");
    pub const COMMENT: Text = t("Comment", "Kommentar");
    /// Said in Swedish only: the endpoints and comments stay as the spec prints them.
    pub const AS_PRINTED: Text = t("", "Parter och kommentarer står som i specifikationen, på engelska.");
    pub const NFT_CHAIN: Text = t(
        "nftables chain for the rules to add (family, table, chain)",
        "nftables-kedja för reglerna som ska läggas till (familj, tabell, kedja)",
    );
    pub const DOWNLOAD: Text = t("Download:", "Ladda ner:");
    pub const OTHER_ANSWER: Text = t("The checker answered another question", "Kontrollen svarade på en annan fråga");

    pub fn not_made(locale: Locale, problem: &str) -> String {
        match locale {
            Locale::En => format!("The file could not be made: {problem}"),
            Locale::Sv => format!("Filen gick inte att skapa: {problem}"),
        }
    }

    pub fn chain_kept(locale: Locale, problem: &str, chain: &str) -> String {
        match locale {
            Locale::En => format!("{problem}; the file uses {chain} until then."),
            Locale::Sv => format!("{problem}; filen använder {chain} tills vidare."),
        }
    }
}

/// Pasted firewall rules against the plan.
pub mod coverage {
    use super::*;
    pub const RULES: Text = t(
        "Your firewall's current rules: nft list ruleset, iptables-save, a Cisco ASA running-config, or CSV with an action column",
        "Brandväggens nuvarande regler: nft list ruleset, iptables-save, en running-config från Cisco ASA, eller CSV med en kolumn för åtgärd",
    );
    pub const INSIDE: Text = t(
        "Interfaces towards the customer's network (for rules on interfaces)",
        "Gränssnitt mot kundens nätverk (för regler på gränssnitt)",
    );
    pub const OUTSIDE: Text = t("Interfaces towards the Internet", "Gränssnitt mot Internet");
    pub const EXAMPLE_INSIDE: Text = t("e.g. lan0, eth1", "t.ex. lan0, eth1");
    pub const EXAMPLE_OUTSIDE: Text = t("e.g. wan0, eth0", "t.ex. wan0, eth0");
    pub const CHECK: Text = t("Check coverage", "Kontrollera täckningen");
    pub const CHECKING: Text = t("Checking…", "Kontrollerar…");
    pub const RULE: Text = t("Rule", "Regel");
    pub const OPENING: Text = t("Opening", "Öppning");
    pub const COVERAGE: Text = t("Coverage", "Täckning");
    pub const WHY: Text = t("Why", "Varför");
    pub const OTHER_ANSWER: Text = t("the checker answered another question", "kontrollen svarade på en annan fråga");

    pub fn assumed(locale: Locale, assumption: &str) -> String {
        match locale {
            Locale::En => format!("Assumed: {assumption}"),
            Locale::Sv => format!("Antaget: {assumption}"),
        }
    }

    pub fn unreadable(locale: Locale, line: usize, problem: &str, text: &str) -> String {
        match locale {
            Locale::En => format!("Line {line}: {problem} — {text}"),
            Locale::Sv => format!("Rad {line}: {problem} — {text}"),
        }
    }

    pub fn summary(locale: Locale, syntax: &str, covered: usize, total: usize, unknown: usize) -> String {
        let mut text = match locale {
            Locale::En => format!("Read as {syntax}. {covered} of {total} required openings are covered"),
            Locale::Sv => format!("Läst som {syntax}. {covered} av {total} nödvändiga öppningar täcks"),
        };
        if unknown > 0 {
            text.push_str(&match locale {
                Locale::En => format!("; {unknown} cannot be judged from this text"),
                Locale::Sv => format!("; {unknown} går inte att bedöma utifrån den här texten"),
            });
        }
        text.push('.');
        text
    }
}

/// The reports and the share links.
pub mod share {
    use super::*;
    pub const PRINT: Text = t("Print the report", "Skriv ut rapporten");
    pub const MARKDOWN: Text = t("Report as Markdown", "Rapport som Markdown");
    pub const JSON: Text = t("Report as JSON", "Rapport som JSON");
    pub const PREFILL: Text =
        t("Make a link with this plan for a customer", "Skapa en länk med den här planen till en kund");
    pub const RESULTS: Text = t(
        "Make a link that sends back my answers and results",
        "Skapa en länk som skickar tillbaka mina svar och resultat",
    );

    pub fn not_written(locale: Locale, error: &str) -> String {
        match locale {
            Locale::En => format!("The report could not be written: {error}"),
            Locale::Sv => format!("Rapporten gick inte att skriva: {error}"),
        }
    }

    pub fn copy(locale: Locale, characters: usize) -> String {
        match locale {
            Locale::En => format!(
                "Copy this link ({characters} characters). It holds everything in the part after #, which browsers never send to a server."
            ),
            Locale::Sv => format!(
                "Kopiera den här länken ({characters} tecken). Allt ligger i delen efter #, som webbläsare aldrig skickar till en server."
            ),
        }
    }
}

/// Links opened and answers kept in the browser.
pub mod links {
    use super::*;
    pub const REPLACE: Text = t("Replace my answers with the link's", "Ersätt mina svar med länkens");
    pub const KEEP: Text = t("Keep my answers", "Behåll mina svar");

    pub fn carries(locale: Locale, what: &str) -> String {
        match locale {
            Locale::En => {
                format!("This link carries {what}. Opening it replaces the plan and answers saved in this browser.")
            }
            Locale::Sv => format!(
                "Den här länken innehåller {what}. Att öppna den ersätter planen och svaren som sparats i den här webbläsaren."
            ),
        }
    }

    pub fn not_opened(locale: Locale, error: &str) -> String {
        match locale {
            Locale::En => format!("The link was not opened: {error}. Nothing was changed."),
            Locale::Sv => format!("Länken öppnades inte: {error}. Inget ändrades."),
        }
    }
}

/// Every text of this module, for the tests.
pub const ALL: &[Text] = &[
    page::TITLE,
    page::LEAD,
    page::PRIVACY,
    page::CONTENTS,
    page::TOC_COMPUTER,
    page::TOC_NETWORK,
    page::TOC_CHECKLIST,
    page::TOC_BANDWIDTH,
    page::TOC_FIREWALL,
    page::TOC_ADDONS,
    page::TOC_SHARE,
    page::TOC_REQUIREMENTS,
    page::COMPUTER,
    page::NETWORK,
    page::PLAN,
    page::CHECKLIST,
    page::BANDWIDTH,
    page::FIREWALL,
    page::COVERAGE,
    page::ADDONS,
    page::ADDONS_HINT,
    page::SHARE,
    page::REQUIREMENTS,
    page::LANGUAGE,
    first::LOADING,
    first::NOT_STARTED,
    first::NO_SCRIPT,
    card::ADVISORY,
    card::CONFIRM,
    card::UNDO,
    checklist::NOTE,
    checklist::NOTE_OPTIONAL,
    checklist::CONFIRM,
    checklist::UNDO,
    checklist::RESET,
    checklist::RESET_QUESTION,
    bandwidth::FUNCTION,
    bandwidth::CALCULATION,
    bandwidth::BANDWIDTH,
    bandwidth::SECTION,
    bandwidth::TOTAL,
    firewall::RULE,
    firewall::DIRECTION,
    firewall::SOURCE,
    firewall::DESTINATION,
    firewall::SERVICE,
    firewall::COMMENT,
    firewall::NFT_CHAIN,
    firewall::DOWNLOAD,
    firewall::OTHER_ANSWER,
    coverage::RULES,
    coverage::INSIDE,
    coverage::OUTSIDE,
    coverage::CHECK,
    coverage::CHECKING,
    coverage::RULE,
    coverage::OPENING,
    coverage::COVERAGE,
    coverage::WHY,
    coverage::OTHER_ANSWER,
    share::PRINT,
    share::MARKDOWN,
    share::JSON,
    share::PREFILL,
    share::RESULTS,
    links::REPLACE,
    links::KEEP,
    form::ADDRESS_EXAMPLE,
    storage::NOT_KEPT,
    storage::NOT_SAVED,
    support::SUMMARY,
    support::CHECK_WITH,
    support::AND_TEXT,
    support::NOT_WRITTEN,
    catalogue::DOWNLOAD,
    addons::OPEN,
    addons::LOADING,
    addons::NOT_STARTED,
    coverage::EXAMPLE_INSIDE,
    coverage::EXAMPLE_OUTSIDE,
    page::REPORT_TITLE,
    network::CANNOT_TEST,
    addon_forms::CHECK,
    addon_forms::CHECKING,
    addon_forms::CHOOSE_FILES,
    addon_forms::CHOOSE_FILE,
];

/// The plan form's fields.
pub mod form {
    use super::*;
    use crate::locale::Bilingual;

    pub const ADDRESS_EXAMPLE: Text = t("e.g. 198.51.100.7 or 10.1.0.0/16", "t.ex. 198.51.100.7 eller 10.1.0.0/16");

    pub fn at_most(max: u64, kept: u64) -> Bilingual {
        crate::bilingual!(
            "At most {max}; the plan uses {kept} until this is fixed.",
            "Högst {max}; planen använder {kept} tills detta rättas."
        )
    }

    pub fn not_whole(typed: &str, kept: u64) -> Bilingual {
        crate::bilingual!(
            "\"{typed}\" is not a whole number; the plan uses {kept} until this is fixed.",
            "\"{typed}\" är inget heltal; planen använder {kept} tills detta rättas."
        )
    }
}

/// What the page keeps in the browser.
pub mod storage {
    use super::*;
    use crate::locale::Bilingual;

    pub const NOT_KEPT: Text = t(
        "This browser does not let the page keep data: answers last until the page is closed.",
        "Den här webbläsaren låter inte sidan spara data: svaren finns kvar tills sidan stängs.",
    );
    pub const NOT_SAVED: Text = t(
        "Your answers could not be saved in this browser; they last until the page is closed.",
        "Dina svar kunde inte sparas i den här webbläsaren; de finns kvar tills sidan stängs.",
    );

    /// Earlier answers that could not be read, and where their text was set aside, if it was.
    pub fn unreadable(error: &crate::link::LinkError, kept_under: Option<&str>) -> Bilingual {
        let (en, sv) = (error.message_in(Locale::En), error.message_in(Locale::Sv));
        let mut text =
            crate::bilingual!("Earlier answers could not be read: {en}.", "Tidigare svar gick inte att läsa: {sv}.");
        if let Some(key) = kept_under {
            text.push(&crate::bilingual!(
                " The saved text is kept under \"{key}\".",
                " Den sparade texten finns kvar under \"{key}\"."
            ));
        }
        text
    }
}

/// What the browser reported, for support.
pub mod support {
    use super::*;
    pub const SUMMARY: Text =
        t("What this browser reported (for support)", "Vad den här webbläsaren rapporterade (för support)");
    pub const CHECK_WITH: Text =
        t("Support can check these verdicts with", "Supporten kan kontrollera bedömningarna med");
    pub const AND_TEXT: Text = t("and this text:", "och den här texten:");
    pub const NOT_WRITTEN: Text = t(
        "what the browser reported could not be written as JSON",
        "det webbläsaren rapporterade gick inte att skriva som JSON",
    );
}

/// The catalogue as the page lists it.
pub mod catalogue {
    use super::*;
    pub const DOWNLOAD: Text = t("Download the catalogue (JSON)", "Ladda ner katalogen (JSON, på engelska)");

    pub fn also_in(locale: Locale, sections: &str) -> String {
        match locale {
            Locale::En => format!(" Also in {sections}."),
            Locale::Sv => format!(" Även i {sections}."),
        }
    }

    pub fn meta(locale: Locale, applies: &str, methods: &str, id: &str) -> String {
        match locale {
            Locale::En => format!(" — applies: {applies}; verified: {methods}; id {id}"),
            Locale::Sv => format!(" — gäller: {applies}; verifieras: {methods}; id {id}"),
        }
    }
}

/// The add-on checks' loader.
pub mod addons {
    use super::*;
    pub const OPEN: Text = t("Open the add-on file checks", "Öppna kontrollerna av filer för tilläggstjänster");
    pub const LOADING: Text = t("Loading the add-on checks…", "Läser in kontrollerna för tilläggstjänster…");
    pub const NOT_STARTED: Text = t("the checks did not start", "kontrollerna startade inte");

    pub fn failed(locale: Locale, reason: &str) -> String {
        match locale {
            Locale::En => format!("The add-on checks could not be loaded: {reason}"),
            Locale::Sv => format!("Kontrollerna för tilläggstjänster gick inte att läsa in: {reason}"),
        }
    }
}

/// Files the page saves.
pub mod files {
    use super::*;

    pub fn download_failed(locale: Locale, name: &str, error: &str) -> String {
        match locale {
            Locale::En => format!("The download of {name} failed: {error}"),
            Locale::Sv => format!("Nedladdningen av {name} misslyckades: {error}"),
        }
    }
}

/// The network checks' own words.
pub mod network {
    use super::*;
    pub const CANNOT_TEST: Text = t("What a browser cannot test", "Det en webbläsare inte kan testa");
}

/// The add-on forms' own words.
pub mod addon_forms {
    use super::*;
    pub const CHECK: Text = t("Check", "Kontrollera");
    pub const CHECKING: Text = t("Checking…", "Kontrollerar…");
    pub const CHOOSE_FILES: Text = t("Choose files, or drop them below", "Välj filer, eller släpp dem nedan");
    pub const CHOOSE_FILE: Text = t("Choose a file, or drop it below", "Välj en fil, eller släpp den nedan");

    pub fn chosen(locale: Locale, names: &str) -> String {
        match locale {
            Locale::En => format!("Chosen: {names}"),
            Locale::Sv => format!("Valda: {names}"),
        }
    }

    pub fn sections(locale: Locale, sections: &str) -> String {
        match locale {
            Locale::En => format!(" (section {sections})"),
            Locale::Sv => format!(" (avsnitt {sections})"),
        }
    }
}

/// The worker that runs the heavier checks, when it fails.
pub mod worker {
    use crate::locale::Bilingual;

    pub fn not_started(reason: &str) -> Bilingual {
        crate::bilingual!("the checker could not start: {reason}", "kontrollen kunde inte starta: {reason}")
    }

    pub fn stopped(reason: &str) -> Bilingual {
        crate::bilingual!("the checker stopped: {reason}", "kontrollen stannade: {reason}")
    }

    pub fn not_sent(reason: &str) -> Bilingual {
        crate::bilingual!("the check could not be sent: {reason}", "kontrollen kunde inte skickas: {reason}")
    }

    pub fn no_answer() -> Bilingual {
        Bilingual::new("the checker gave no answer", "kontrollen gav inget svar")
    }

    pub fn unreadable_answer() -> Bilingual {
        Bilingual::new("the checker's answer could not be read", "kontrollens svar gick inte att läsa")
    }

    pub fn unreadable_request(reason: &str) -> Bilingual {
        crate::bilingual!(
            "the check got a request it cannot read: {reason}",
            "kontrollen fick en begäran den inte kan läsa: {reason}"
        )
    }
}
