//! Where v3.40 has aged or contradicts itself. The catalogue encodes the spec as written;
//! these notes sit beside the verdicts so that nobody is misled by it.

use crate::section::SectionId;
use serde::Serialize;

/// What kind of problem an advisory points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AdvisoryKind {
    /// The spec names something its vendor no longer supports, or leaves out what replaced it.
    Aged,
    /// Two places of the spec disagree.
    Contradiction,
    /// A calculation or table leaves something out.
    Omission,
    /// A slip in the text whose meaning is clear.
    Erratum,
    /// The spec limits what Telia guarantees; it asks nothing of the site.
    Disclaimer,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Advisory {
    pub id: &'static str,
    pub sections: &'static [SectionId],
    pub kind: AdvisoryKind,
    pub title: &'static str,
    pub text: &'static str,
}

use AdvisoryKind::{Aged, Contradiction, Disclaimer, Erratum, Omission};

/// Sorted by id.
pub const ADVISORIES: &[Advisory] = &[
    Advisory {
        id: "bandwidth.agents-left-out",
        sections: &[SectionId::known("5.1")],
        kind: Omission,
        title: "The 5.1 example leaves out the contact-centre agents' calls",
        text: "The example's customer has up to 15 contact-centre agents on the softphone, yet only the 150 \"normal\" users' calls are counted. Agents are usually in calls most of the time: add 100 kbit/s per agent who can be on a call at once.",
    },
    Advisory {
        id: "bandwidth.calendar-online",
        sections: &[SectionId::known("5.1"), SectionId::known("3.1.1"), SectionId::known("3.1.2")],
        kind: Contradiction,
        title: "The 5.1 example counts calendar bandwidth that 3.1.1 says Exchange Online does not use",
        text: "1.6 kbit/s per calendar user is stated for Exchange on premise (3.1.2). With Exchange Online the synchronisation runs between Telia's and Microsoft's data centres (3.1.1) and uses none of the customer's bandwidth; the calculator keeps the line, as 5.1 does.",
    },
    Advisory {
        id: "bandwidth.presence-left-out",
        sections: &[SectionId::known("5.1"), SectionId::known("3.2.1")],
        kind: Omission,
        title: "The 5.1 example leaves out S4B/Lync presence signalling",
        text: "3.2.1 requires 1.6 kbit/s per S4B/Lync user for presence, but the example's 50 Skype/Teams users contribute only their calls. Add the presence line when the integration is S4B/Lync.",
    },
    Advisory {
        id: "browser.edge-legacy",
        sections: &[SectionId::known("2.5.1")],
        kind: Aged,
        title: "Legacy Edge is not Chromium Edge",
        text: "2.5.1 lists Chromium Edge 80 and later. The older EdgeHTML Edge (versions 12–18) is not listed and has been retired by Microsoft.",
    },
    Advisory {
        id: "browser.ie11-retired",
        sections: &[SectionId::known("2.5.1")],
        kind: Aged,
        title: "Internet Explorer 11 is retired",
        text: "2.5.1 lists Internet Explorer 11, which Microsoft retired on 15 June 2022. It still passes 2.5.1 as written, but it receives no security updates; use Chromium Edge instead.",
    },
    Advisory {
        id: "browser.ios-webkit",
        sections: &[SectionId::known("2.5.1")],
        kind: Aged,
        title: "Every browser on iOS is Safari's engine",
        text: "Chrome, Firefox and Edge on iPhone and iPad run Apple's WebKit, not their own engines; they behave like the Safari of the same iOS release.",
    },
    Advisory {
        id: "browser.minimums-predate-webassembly",
        sections: &[SectionId::known("2.5.1")],
        kind: Aged,
        title: "The oldest listed browsers cannot run this checker",
        text: "Chrome 60 and Firefox 54 to 59 have WebAssembly but no JavaScript modules; Safari 10, 10.0 and 10.1 alike, has no WebAssembly (it came with Safari 11); Internet Explorer 11 has neither. They are shown their browser verdict by a small fallback page; the full checker needs a current browser.",
    },
    Advisory {
        id: "datanet.internet-still-needed",
        sections: &[
            SectionId::known("2.3.2"),
            SectionId::known("2.7"),
            SectionId::known("3.5"),
            SectionId::known("6.3"),
            SectionId::known("6.7"),
        ],
        kind: Omission,
        title: "Over DataNet, the AD Integration servers and the vendors' hosts still need the Internet",
        text: "2.3.2 names 81.228.2.192/27 as the only network of the service, the one routed over DataNet. The AD Integration servers 213.65.58.109 and 213.65.37.180 (3.5, 6.7) and the Mediatrix and Mitel provisioning hosts of 6.3 (192.99.54.246, 216.191.234.139) lie outside it, and 2.7 says the ATA adapters need the public Internet to download their configuration. Only Advanced Attendant is said to avoid DataNet (2.3.2), yet a DataNet site needs Internet access for these openings too: ask Telia how they are reached.",
    },
    Advisory {
        id: "firewall.ems2-listed-twice",
        sections: &[SectionId::known("6.3")],
        kind: Erratum,
        title: "6.3 lists ems2.media5corp.com twice",
        text: "The Mediatrix row names ems2.media5corp.com, ems.media5corp.com, ems2.media5corp.com and virtuo.media5corp.com; the repeated name is kept once in the rules.",
    },
    Advisory {
        id: "firewall.inbound-needed",
        sections: &[SectionId::known("2.1"), SectionId::known("6.4"), SectionId::known("6.5")],
        kind: Contradiction,
        title: "2.1 speaks only of outbound traffic, but 6.4 and 6.5 need inbound openings",
        text: "2.1 asks the customer to allow outbound traffic as chapter 6 describes. Exchange on premise (6.4) and S4B/Lync (6.5) also need connections from 81.228.2.192/27 into the customer's network: plan those inbound rules too.",
    },
    Advisory {
        id: "mobile.release-table-age",
        sections: &[SectionId::known("2.8")],
        kind: Aged,
        title: "\"Latest releases\" move on",
        text: "2.8 supports the 3 latest Android and 2 latest iOS releases, so the supported set changes with every release. Verdicts use a dated release table and say when it may be out of date: when it was checked more than 180 days ago, or when the newest release it knows for a platform is more than 420 days old for Android or 380 days for iOS, since each vendor ships a major release about once a year. An administrator can then give a newer table in config.json.",
    },
    Advisory {
        id: "net.routable-over-datanet",
        sections: &[SectionId::known("2.1"), SectionId::known("2.3"), SectionId::known("3.2.1")],
        kind: Contradiction,
        title: "2.1's \"routable over the Internet\" clashes with private S4B/Lync addresses over DataNet",
        text: "2.1 says every IP address, public or private behind NAT, must be routable over the Internet, and 2.3 makes 2.1 valid for DataNet customers too. Yet 3.2.1 lets the S4B/Lync servers have private addresses when the customer connects over DataNet, where Touchpoint Plus reaches them through DataNet rather than the Internet. The catalogue keeps 2.1 as written; over DataNet, agree with Telia how the private S4B/Lync addresses are reached.",
    },
    Advisory {
        id: "net.wireless-not-guaranteed",
        sections: &[SectionId::known("2.1")],
        kind: Disclaimer,
        title: "The service is not guaranteed over wireless or mobile networks",
        text: "2.1 says the service cannot be guaranteed in wireless networks or in GSM, 3G or 4G mobile IP networks. That is no requirement: a site may use them, but Telia does not guarantee calls over them. Figures measured over Wi-Fi or a mobile connection describe that path; measure from a wired computer to judge the wired network.",
    },
    Advisory {
        id: "pc.macos-apple-silicon",
        sections: &[SectionId::known("2.5.2")],
        kind: Aged,
        title: "Only Intel Macs with High Sierra or Mojave are listed",
        text: "Apple began moving the Mac to Apple silicon in November 2020 and sold Intel Macs until June 2023, when the last one, the Mac Pro, was replaced; Macs sold since then cannot meet \"Intel processor\". High Sierra and Mojave no longer receive security updates and later macOS releases are not listed. Ask Telia which Macs are supported today.",
    },
    Advisory {
        id: "pc.macos-sierra-high",
        sections: &[SectionId::known("2.5.2")],
        kind: Erratum,
        title: "\"macOS Sierra High\" means macOS High Sierra (10.13)",
        text: "The spec writes \"macOS Sierra High\"; the release is macOS High Sierra, version 10.13.",
    },
    Advisory {
        id: "pc.windows-aged",
        sections: &[SectionId::known("2.5.2")],
        kind: Aged,
        title: "Windows 7 is retired and Windows 11 is not listed",
        text: "2.5.2 lists Windows 7.x and Windows 10. Windows 7 support ended in January 2020 and Windows 10 support in October 2025; Windows 11, released before this spec, is not listed. Verdicts follow the spec and flag this.",
    },
    Advisory {
        id: "s4b-voice.e4-retired",
        sections: &[SectionId::known("3.2.2")],
        kind: Aged,
        title: "Office 365 Enterprise E4 is retired",
        text: "3.2.2 names Office 365 Enterprise E4/E5 for Enterprise Voice. Microsoft retired E4 when E5 replaced it: of the licences 3.2.2 names, E4 can no longer be bought.",
    },
    Advisory {
        id: "s4b.versions-retired",
        sections: &[SectionId::known("3.1.2"), SectionId::known("3.2.1")],
        kind: Aged,
        title: "Every Microsoft server version the spec lists is out of support",
        text: "Exchange 2007, 2010 and 2013 and Lync Server 2013 had left Microsoft's support by April 2023. Exchange Server 2016 and 2019 and Skype for Business Server 2015 and 2019 all left it on the same day, 14 October 2025. Their successors, Exchange Server Subscription Edition and Skype for Business Server Subscription Edition, both released in July 2025, are not named in the spec, which still lists only the retired versions.",
    },
    Advisory {
        id: "tls.platform-version-unstated",
        sections: &[SectionId::known("2.6")],
        kind: Omission,
        title: "v3.40 sets a TLS version only for IP phones",
        text: "2.6 requires IP phones to support TLS 1.2; no section sets a version for the platform's servers or for softphones. A server that answers with an older version than IP phones must support is flagged as a warning, not failed: the spec does not forbid it.",
    },
];

impl Advisory {
    /// The title and text in `locale` (Swedish from `swedish::ADVISORIES`, a test keeps every
    /// advisory there).
    pub fn in_locale(&self, locale: crate::locale::Locale) -> (&'static str, &'static str) {
        match locale {
            crate::locale::Locale::En => (self.title, self.text),
            crate::locale::Locale::Sv => crate::spec::swedish::ADVISORIES
                .iter()
                .find(|(id, _, _)| *id == self.id)
                .map_or((self.title, self.text), |(_, title, text)| (title, text)),
        }
    }
}

pub fn advisory(id: &str) -> Option<&'static Advisory> {
    ADVISORIES.iter().find(|advisory| advisory.id == id)
}

/// The id of an advisory of the table. Written `advisory_id!("browser.ie11-retired")` (or
/// `AdvisoryId::known` inside a `const`), an id the table lacks stops the build; a finding
/// therefore never names an advisory that is not there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct AdvisoryId(&'static str);

impl AdvisoryId {
    /// The advisory `id`; evaluated in a `const`, an unknown id is a build error.
    pub const fn known(id: &'static str) -> AdvisoryId {
        let mut index = 0;
        while index < ADVISORIES.len() {
            if crate::section::same(ADVISORIES[index].id, id) {
                return AdvisoryId(ADVISORIES[index].id);
            }
            index += 1;
        }
        panic!("the table has no such advisory")
    }

    pub const fn as_str(self) -> &'static str {
        self.0
    }

    /// An id read from outside (a worker's answer): None when the table lacks it.
    pub fn parse(text: &str) -> Option<AdvisoryId> {
        advisory(text).map(|advisory| AdvisoryId(advisory.id))
    }

    /// The table's row; there always is one.
    pub fn advisory(self) -> &'static Advisory {
        advisory(self.0).expect("an AdvisoryId names an advisory of the table")
    }
}

impl std::fmt::Display for AdvisoryId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// An advisory id checked against the table while the code is built.
#[macro_export]
macro_rules! advisory_id {
    ($id:literal) => {
        const { $crate::advisory::AdvisoryId::known($id) }
    };
}
