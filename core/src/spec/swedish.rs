//! The catalogue in Swedish: v3.40's section headings, every requirement's statement and every
//! advisory, translated from the English tables beside this one (`section.rs`,
//! `requirement.rs`, `advisory.rs`). The English v3.40 is the specification; these are a
//! translation of it, and say so wherever they are shown ([`TRANSLATION_NOTICE`]).
//!
//! Each table lists its rows in the English table's order, keyed by the English row's id, so a
//! test can hold them together: a row the English table gains without a translation fails, and
//! so does a translation that lost or changed one of the statement's numbers or addresses.

/// Shown beside Swedish requirement statements.
pub const TRANSLATION_NOTICE: &str = "Kraven är översatta från den engelska versionen av v3.40, som gäller.";

/// The section headings, by section number.
pub const SECTION_TITLES: &[(&str, &str)] = &[
    ("1", "Inledning"),
    ("2", "Allmänna krav på målmiljön"),
    ("2.1", "Internet och lokalt nätverk"),
    ("2.2", "SSL-certifikat"),
    ("2.3", "DataNet-anslutning"),
    ("2.3.1", "DataNets anslutningspunkt hos kunden"),
    ("2.3.2", "Routning av datatrafik"),
    ("2.4", "E-postserver"),
    ("2.5", "Datorer"),
    ("2.5.1", "Webbläsare"),
    ("2.5.2", "Touchpoint Plus Softphone"),
    ("2.5.3", "Advanced Attendant"),
    ("2.5.4", "Fjärrinstallation"),
    ("2.5.5", "Lokal brandvägg"),
    ("2.6", "IP-telefoner"),
    ("2.7", "ATA analog adapter"),
    ("2.8", "Mobila enheter"),
    ("3", "Krav för Touchpoint Plus tilläggstjänster"),
    ("3.1", "Kalenderintegration – Exchange"),
    ("3.1.1", "Microsoft Exchange Online i Microsoft Office 365"),
    ("3.1.2", "Microsoft Exchange lokalt (on premise)"),
    ("3.2", "Skype for Business / Lync-integration"),
    ("3.2.1", "Skype for Business / Lync-integration, endast närvaro"),
    ("3.2.2", "Skype for Business / Lync-integration, närvaro och röst"),
    ("3.3", "Teams-integration"),
    ("3.4", "Advanced Attendant"),
    ("3.5", "AD-integration"),
    ("3.6", "Samtalsinspelning"),
    ("4", "Andra produkter och tjänster, krav på målmiljön"),
    ("5", "Bandbreddskrav – beräkningsexempel"),
    ("5.1", "Exempel"),
    ("6", "Tabell över nödvändiga brandväggsöppningar"),
    ("6.1", "Touchpoint Plus webbportal (slutanvändare och administratör)"),
    ("6.2", "Touchpoint Plus Softphone"),
    ("6.3", "Touchpoint Plus IP-telefoner och ATA-boxar"),
    ("6.4", "Kalenderintegration – Exchange"),
    ("6.5", "S4B/Lync-integration"),
    ("6.6", "Advanced Attendant"),
    ("6.7", "AD-integration"),
    ("7", "Referenser"),
];

/// Every requirement's statement, by requirement id.
pub const STATEMENTS: &[(&str, &str)] = &[
    (
        "net.call-bandwidth",
        "100 kbit/s per samtidigt IP-samtal finns i det lokala nätverket och på Internet- eller DataNet-anslutningen.",
    ),
    ("net.end-to-end-delay", "Den totala fördröjningen mellan telefonerna i ett IP-samtal är mindre än 150 ms."),
    (
        "net.one-way-delay",
        "Envägsfördröjningen mellan en IP-telefon och Touchpoint Plus centrala miljö är mindre än 60 ms.",
    ),
    ("net.jitter", "Jitter är mindre än 20 ms."),
    ("net.packet-loss", "Paketförlusten är mindre än 1 %."),
    ("net.routable-address", "Varje IP-adress som används (publik, eller privat bakom NAT) är routbar över Internet."),
    ("net.switched-lan", "Det lokala nätverket är minst ett 100 Mbit/s switchat Ethernet-nät med full duplex."),
    ("net.no-hubs", "Inga repeatrar eller hubbar används i det lokala nätverket."),
    ("net.outbound-openings", "Utgående Internettrafik tillåts för protokollen och portarna i kapitel 6."),
    ("net.dns-name", "Alla terminaler och datorer kan slå upp det publika DNS-namnet touchpoint.telia.se."),
    ("net.dns-subdomains", "Alla terminaler och datorer kan slå upp varje underdomän till touchpoint.telia.se."),
    (
        "net.proxy-exclusion",
        "En eventuell webbproxy undantar trafik till Touchpoint Plus (touchpoint.telia.se): softphones och IP-telefoner inleder sin trafik över HTTP/HTTPS.",
    ),
    (
        "net.any-destination",
        "Utgående trafik till godtyckliga måladresser tillåts, så att Telia kan byta plattformens adresser utan avbrott.",
    ),
    (
        "net.service-network",
        "Där utgående trafik till godtyckliga mål inte tillåts, tillåts utgående trafik till 81.228.2.192/27.",
    ),
    ("net.address-changes", "Kunden håller nätverksutrustningen uppdaterad när Telia ändrar plattformens adresser."),
    (
        "cert.renewal",
        "IT-miljön tillåter automatisk förnyelse av utgångna certifikat, väntande uppdateringar och borttagning av återkallade certifikat.",
    ),
    (
        "datanet.network-limits",
        "Om bara vissa av kundens nät får ansluta till Touchpoint Plus skickas de till Telia under planeringen (som standard tillåts alla).",
    ),
    (
        "datanet.link-network",
        "Kunden tillhandahåller ett länknät mellan Telias accessrouter (anslutningspunkten) och kundens router eller brandvägg.",
    ),
    (
        "datanet.routing",
        "All trafik till Touchpoint Plus (81.228.2.192/27) routas över DataNet, till Telias accessrouter.",
    ),
    ("datanet.no-advanced-attendant", "Trafik för Advanced Attendant routas inte över DataNet."),
    ("mail.own-account", "Varje användare har ett eget e-postkonto."),
    ("mail.spf", "Där SPF används anger kundens DNS spf-b.telia.com som behörig e-postserver för kundens domän."),
    (
        "pc.browser",
        "Administrationen använder Firefox 54 eller senare, Internet Explorer 11, Chromium Edge 80 eller senare, Safari 10 eller senare, eller Chrome 60 eller senare.",
    ),
    ("softphone.pc-memory", "En pc som kör softphonen har minst 16 GB RAM."),
    ("softphone.pc-sound", "En pc som kör softphonen har ett ljudkort."),
    ("softphone.pc-os", "En pc som kör softphonen kör Windows 7.x eller Windows 10."),
    ("softphone.mac-intel", "En Mac som kör softphonen har en Intel-processor."),
    (
        "softphone.mac-os",
        "En Mac som kör softphonen kör macOS High Sierra (10.13) eller Mojave (10.14); specifikationen skriver \"Sierra High\".",
    ),
    ("softphone.mac-memory", "En Mac som kör softphonen har minst 16 GB RAM."),
    ("softphone.screen", "Användare med ACD- eller Attendant-vyn har en skärm på minst 1024×768 bildpunkter."),
    ("softphone.version", "Touchpoint Plus Softphone är minst version 5.1.3."),
    ("softphone.latest-version", "Softphones uppdateras alltid till den senaste version som plattformen distribuerar."),
    (
        "softphone.single-user",
        "Softphonen körs i en vanlig enanvändarmiljö: Telia stödjer inte fleranvändar-, tunna klient- eller appströmningsmiljöer, där den kan användas i befintligt skick, och hanterar bara supportärenden som kan återskapas i en enanvändarmiljö.",
    ),
    (
        "softphone.validated",
        "Softphonen är validerad på varje typ av hårdvara den ska köras på, tillsammans med de affärsprogram som körs samtidigt.",
    ),
    (
        "attendant.pc",
        "Advanced Attendant-användarnas datorer uppfyller \"Agent and administrator PC\" i Telia ACE – Requirements for Target Environment (referens 2).",
    ),
    ("attendant.agent-software", "ACE Agent, ACE Admin och ACE Pulse är installerade på telefonisternas datorer."),
    (
        "pc.remote-installation",
        "Där programvara installeras på distans (till exempel med Microsoft WSUS) paketeras och distribueras Touchpoint Plus programvara på lämpligt sätt: softphonen, och Advanced Attendants ACE-program.",
    ),
    (
        "pc.local-firewall",
        "Lokala brandväggar på datorerna tillåter den trafik som detta dokument och dess bilagor beskriver.",
    ),
    (
        "phone.supported-model",
        "IP-telefonerna är modeller som Touchpoint Plus stödjer (se gällande prislista), beställda via Telia.",
    ),
    (
        "phone.behind-firewall",
        "IP-telefonerna är anslutna bakom NAT och/eller en brandvägg, inte direkt nåbara från Internet.",
    ),
    ("phone.tls12", "IP-telefonerna stödjer TLS 1.2-kryptering."),
    (
        "ata.supported-model",
        "ATA-adaptrarna är modeller som Touchpoint Plus stödjer (se gällande prislista), beställda via Telia.",
    ),
    (
        "ata.internet-access",
        "Adaptern har åtkomst till publika Internet, för att hämta den konfiguration Telia skapar.",
    ),
    ("ata.behind-firewall", "Adaptrarna är inte anslutna direkt till Internet: en brandvägg skyddar dem."),
    ("ata.wan-port", "Bara adapterns WAN-port är ansluten till kundnätet (dess LAN-port är avstängd)."),
    (
        "ata.network-settings",
        "För en statisk IP-adress eller ett VLAN meddelar kunden Telia adress, standardgateway och VLAN.",
    ),
    ("mobile.subscription", "Mobiltelefonerna har ett mobilabonnemang hos Telia med aktiverat SIM-kort."),
    (
        "mobile.integration-subscription",
        "Funktioner som kräver det har ett abonnemang med Mobile Integration eller Office Extension (referens 1).",
    ),
    (
        "mobile.os-version",
        "Appen körs på en enhet med någon av de 3 senaste Android-versionerna, eller en iPhone eller iPad med någon av de 2 senaste iOS-versionerna; nya enheter kan behöva uppdateras.",
    ),
    (
        "mobile.voicemail-disabled",
        "Röstbrevlåda eller liknande är avstängd på de mobila enheterna (plattformen tillhandahåller röstbrevlåda).",
    ),
    (
        "exchange-online.service-account",
        "Telia har ett användarkonto med nödvändiga behörigheter i kundens Office 365-klientorganisation, utan periodiskt lösenordsbyte.",
    ),
    (
        "exchange-online.client-secret",
        "En klienthemlighet är uppsatt som instruktionen för kalenderintegrationen anger, och förnyas innan den går ut (högst 2 år).",
    ),
    ("exchange.version", "Exchange är Microsoft Exchange Server 2007 SP1 till Exchange Server 2019."),
    ("exchange.ews-published", "Exchange Web Services är publicerat externt på TCP/443 med ett publikt DNS-namn."),
    ("exchange.ews-inbound", "Inkommande trafik till Exchange Web Services på TCP/443 tillåts från 81.228.2.192/27."),
    ("exchange.basic-auth", "Basic Authentication över HTTPS tillåts från 81.228.2.192/27."),
    (
        "exchange.service-account",
        "Telia har ett användarkonto med nödvändiga behörigheter i kundens Exchange, utan periodiskt lösenordsbyte.",
    ),
    (
        "exchange.bandwidth",
        "1,6 kbit/s per användare finns mellan kundmiljön och Touchpoint Plus; synkroniseringen körs var 10:e minut.",
    ),
    (
        "s4b.version",
        "S4B/Lync är Skype for Business Server 2019, Skype for Business Server 2015 eller Lync Server 2013, lokalt installerad (Standard eller Enterprise); Skype for Business Online stöds inte.",
    ),
    (
        "s4b.front-end-reachable",
        "Touchpoint Plus får initiera anslutningar mot S4B/Lyncs Front End- och Mediation-servrar.",
    ),
    (
        "s4b.public-addresses",
        "Över Internet har S4B/Lync-servrarna publika IP-adresser (över DataNet får de vara privata).",
    ),
    (
        "s4b.public-certificate",
        "S4B/Lyncs Front End-tjänster använder certifikat utfärdade av en publik certifikatutfärdare.",
    ),
    ("s4b.no-wildcard", "Front End-certifikaten är inte wildcard-certifikat."),
    (
        "s4b.certificate-eku",
        "Front End-certifikaten har både EKU-syftena Server Authentication och Client Authentication aktiverade.",
    ),
    (
        "s4b.private-certificate",
        "Med privata certifikat köps tillägget Skype For Business Private Certificate och de privata rot- och mellancertifikaten skickas till Telia, Base64-kodade.",
    ),
    (
        "s4b.private-certificate-valid",
        "Med privata certifikat är rot- och mellancertifikaten korrekta, giltiga och inte utgångna.",
    ),
    (
        "s4b.private-certificate-notice",
        "Med privata certifikat når uppdaterade certifikat Telia minst 1 månad innan de gamla går ut.",
    ),
    (
        "s4b.source-network",
        "Trafik från Touchpoint Plus mot S4B/Lync-servrarna tillåts från 81.228.2.192/27; andra källadresser blockeras.",
    ),
    (
        "s4b.sips-to-front-end",
        "Krypterad SIP från Touchpoint Plus (81.228.2.192/27) till Front End-servrarna på TCP/5061 tillåts.",
    ),
    (
        "s4b.sips-from-front-end",
        "Front End-servrarna får initiera krypterad SIP till Touchpoint Plus (81.228.2.192/27) på TCP/5061.",
    ),
    (
        "s4b.front-end-dns",
        "Över Internet finns Front End-servrarna och poolen i kundens publika DNS (över DataNet lägger Telia till namnen).",
    ),
    ("s4b.trusted-application", "Touchpoint Plus är konfigurerad som Trusted Application Server i S4B/Lync-topologin."),
    (
        "s4b.presence-bandwidth",
        "Närvarosignaleringen har 1,6 kbit/s per användare mellan kundens nät och Touchpoint Plus.",
    ),
    (
        "s4b.certified-technician",
        "En certifierad S4B/Lync-tekniker konfigurerar miljön, efter en Best Practice Analysis.",
    ),
    (
        "s4b-voice.licences",
        "De integrerade S4B/Lync-användarna har Enterprise Voice-licenser (Plus CAL eller Office 365 Enterprise E4/E5).",
    ),
    ("s4b-voice.mediation-reachable", "Touchpoint Plus får initiera anslutningar mot S4B/Lyncs Mediation-servrar."),
    (
        "s4b-voice.public-certificate",
        "Mediation-tjänsterna använder certifikat utfärdade av en publik certifikatutfärdare.",
    ),
    ("s4b-voice.no-wildcard", "Mediation-certifikaten är inte wildcard-certifikat."),
    (
        "s4b-voice.certificate-eku",
        "Mediation-certifikaten har både EKU-syftena Server Authentication och Client Authentication aktiverade.",
    ),
    (
        "s4b-voice.private-certificate",
        "Med privata Mediation-certifikat köps tillägget Private Certificate och rot- och mellancertifikaten skickas till Telia, Base64-kodade.",
    ),
    (
        "s4b-voice.private-certificate-valid",
        "Med privata Mediation-certifikat är rot- och mellancertifikaten korrekta, giltiga och inte utgångna.",
    ),
    (
        "s4b-voice.private-certificate-notice",
        "Med privata Mediation-certifikat når uppdaterade certifikat Telia minst 1 månad innan de gamla går ut.",
    ),
    (
        "s4b-voice.sips-to-mediation",
        "Krypterad SIP från Touchpoint Plus (81.228.2.192/27) till Mediation-servrarna på TCP/5067 tillåts.",
    ),
    (
        "s4b-voice.sips-from-mediation",
        "Mediation-servrarna får initiera krypterad SIP till Touchpoint Plus (81.228.2.192/27) på TCP/5061.",
    ),
    (
        "s4b-voice.media",
        "Krypterad RTP mellan Touchpoint Plus (81.228.2.192/27) och Mediation-servrarna på UDP/49152-65535 tillåts i båda riktningarna.",
    ),
    (
        "s4b-voice.mediation-dns",
        "Över Internet finns Mediation-servrarna och poolen i kundens publika DNS (över DataNet lägger Telia till namnen).",
    ),
    (
        "s4b-voice.call-bandwidth",
        "Varje samtidigt samtal med en part på S4B/Lync har 100 kbit/s (samtal mellan två av kundens S4B/Lync-användare stannar internt).",
    ),
    (
        "s4b-voice.e164",
        "Användarnas telefonnummer i Active Directory är i E.164-format och börjar med + (till exempel +468123456).",
    ),
    (
        "teams.direct-routing",
        "Office 365-licenserna finns och Teams Phone System Direct Routing är konfigurerat så som Microsoft beskriver.",
    ),
    (
        "teams.telia-configuration",
        "Konfigurationen i Telias dokument \"Configuration of IT environment for Teams MUCA/TPP integration\" är gjord.",
    ),
    (
        "teams.office365-users",
        "Alla integrerade användare är Office 365-användare med lämpliga licenser; hybrider med lokal Lync/S4B stöds inte.",
    ),
    (
        "teams.e164",
        "Användarnas telefonnummer i Active Directory är i E.164-format och börjar med + (till exempel +468123456).",
    ),
    ("attendant.phones", "Fasta IP-telefoner uppfyller \"Telia Touchpoint Plus telephony types\" i referens 2."),
    ("attendant.network", "Nätverket uppfyller WAN/LAN-kraven i referens 2."),
    ("attendant.admin-software", "ACE Admin och ACE Pulse är installerade på administratörernas datorer."),
    ("attendant.outbound", "Utgående trafik till 213.65.172.64-67 på TCP/211 och TCP/14711 tillåts."),
    (
        "ad.outbound",
        "Utgående trafik till AD-integrationens servrar 213.65.58.109 och 213.65.37.180 på TCP/443 tillåts.",
    ),
    (
        "ad.import-file",
        "Kunden tar fram en CSV- eller LDIF-fil med användardata och laddar upp den; mobilnumret är den unika identifieraren, annars det fasta numret.",
    ),
    (
        "ad.export-identifier",
        "Kundens Touchpoint Plus-katalog har en unik användaridentifierare för exporter; Telia rekommenderar e-postadressen.",
    ),
    ("ad.export-frequency", "Exportfilen hämtas högst en gång per 24 timmar."),
    ("recording.mail", "Inkommande e-post från no-reply@touchpoint.telia.se tillåts och betraktas inte som skräppost."),
    (
        "other.products",
        "Andra beställda produkter som samverkar med Touchpoint Plus kan ställa ytterligare krav: fråga Telia.",
    ),
    ("bandwidth.latest-figures", "Bandbreddsberäkningar använder den senaste dokumentationen för varje produkt."),
    (
        "bandwidth.minimum",
        "Anslutningen har minst den beräknade bandbredden, 100 kbit/s per samtidigt samtal plus integrationerna per användare: den summan är det absoluta minimum.",
    ),
    ("firewall.web-portal", "Öppningarna i tabell 6.1 (webbportal) finns."),
    ("firewall.softphone", "Öppningarna i tabellerna 6.1 och 6.2 (softphone) finns."),
    ("firewall.ip-phones", "Öppningarna i tabellerna 6.1, 6.2 och 6.3 (IP-telefoner och ATA-boxar) finns."),
    ("firewall.exchange", "Den inkommande öppningen i tabell 6.4 (Exchange lokalt) finns."),
    ("firewall.s4b", "Öppningarna i tabell 6.5 (S4B/Lync) för den valda nivån finns."),
    ("firewall.attendant", "Öppningarna i tabell 6.6 (Advanced Attendant) finns."),
    ("firewall.ad", "Öppningen i tabell 6.7 (AD-integration) finns."),
];

/// Every advisory's title and text, by advisory id.
pub const ADVISORIES: &[(&str, &str, &str)] = &[
    (
        "bandwidth.agents-left-out",
        "Exemplet i 5.1 utelämnar kontaktcenteragenternas samtal",
        "Exemplets kund har upp till 15 kontaktcenteragenter på softphonen, men bara de 150 \"vanliga\" användarnas samtal räknas. Agenter är oftast i samtal större delen av tiden: lägg till 100 kbit/s per agent som kan vara i samtal samtidigt.",
    ),
    (
        "bandwidth.calendar-online",
        "Exemplet i 5.1 räknar kalenderbandbredd som Exchange Online enligt 3.1.1 inte använder",
        "1,6 kbit/s per kalenderanvändare anges för Exchange lokalt (3.1.2). Med Exchange Online sker synkroniseringen mellan Telias och Microsofts datacenter (3.1.1) och använder ingen av kundens bandbredd; kalkylatorn behåller raden, som 5.1 gör.",
    ),
    (
        "bandwidth.presence-left-out",
        "Exemplet i 5.1 utelämnar närvarosignaleringen för S4B/Lync",
        "3.2.1 kräver 1,6 kbit/s per S4B/Lync-användare för närvaro, men exemplets 50 Skype/Teams-användare bidrar bara med sina samtal. Lägg till närvaroraden när integrationen är S4B/Lync.",
    ),
    (
        "browser.edge-legacy",
        "Äldre Edge är inte Chromium Edge",
        "2.5.1 listar Chromium Edge 80 och senare. Den äldre EdgeHTML-baserade Edge (version 12–18) finns inte med och har avvecklats av Microsoft.",
    ),
    (
        "browser.ie11-retired",
        "Internet Explorer 11 är avvecklad",
        "2.5.1 listar Internet Explorer 11, som Microsoft avvecklade den 15 juni 2022. Den godkänns fortfarande enligt 2.5.1 som kravet är skrivet, men får inga säkerhetsuppdateringar; använd Chromium Edge i stället.",
    ),
    (
        "browser.ios-webkit",
        "Alla webbläsare på iOS använder Safaris motor",
        "Chrome, Firefox och Edge på iPhone och iPad kör Apples WebKit, inte sina egna motorer; de beter sig som Safari i samma iOS-version.",
    ),
    (
        "browser.minimums-predate-webassembly",
        "De äldsta listade webbläsarna kan inte köra den här kontrollen",
        "Chrome 60 och Firefox 54 till 59 har WebAssembly men inga JavaScript-moduler; Safari 10, både 10.0 och 10.1, saknar WebAssembly (det kom med Safari 11); Internet Explorer 11 saknar båda. De får sitt webbläsarutlåtande av en liten reservsida; hela kontrollen kräver en aktuell webbläsare.",
    ),
    (
        "datanet.internet-still-needed",
        "Över DataNet behöver AD-integrationens servrar och leverantörernas värdar fortfarande Internet",
        "2.3.2 anger 81.228.2.192/27 som tjänstens enda nät, det som routas över DataNet. AD-integrationens servrar 213.65.58.109 och 213.65.37.180 (3.5, 6.7) och provisioneringsvärdarna för Mediatrix och Mitel i 6.3 (192.99.54.246, 216.191.234.139) ligger utanför det, och 2.7 säger att ATA-adaptrarna behöver publika Internet för att hämta sin konfiguration. Bara Advanced Attendant sägs undvika DataNet (2.3.2), men en DataNet-plats behöver Internetåtkomst även för dessa öppningar: fråga Telia hur de nås.",
    ),
    (
        "firewall.ems2-listed-twice",
        "6.3 listar ems2.media5corp.com två gånger",
        "Mediatrix-raden anger ems2.media5corp.com, ems.media5corp.com, ems2.media5corp.com och virtuo.media5corp.com; det upprepade namnet finns med en gång i reglerna.",
    ),
    (
        "firewall.inbound-needed",
        "2.1 talar bara om utgående trafik, men 6.4 och 6.5 kräver inkommande öppningar",
        "2.1 ber kunden tillåta utgående trafik enligt kapitel 6. Exchange lokalt (6.4) och S4B/Lync (6.5) kräver också anslutningar från 81.228.2.192/27 in i kundens nät: planera även de inkommande reglerna.",
    ),
    (
        "mobile.release-table-age",
        "\"Senaste versionerna\" ändras",
        "2.8 stödjer de 3 senaste Android- och de 2 senaste iOS-versionerna, så den stödda mängden ändras med varje ny version. Utlåtandena använder en daterad versionstabell och säger när den kan vara inaktuell: när den kontrollerades för mer än 180 dagar sedan, eller när den nyaste version den känner till för en plattform är mer än 420 dagar gammal för Android eller 380 dagar för iOS, eftersom varje leverantör släpper en större version ungefär en gång om året. En administratör kan då ange en nyare tabell i config.json.",
    ),
    (
        "net.routable-over-datanet",
        "Kravet i 2.1 på \"routbar över Internet\" krockar med privata S4B/Lync-adresser över DataNet",
        "2.1 säger att varje IP-adress, publik eller privat bakom NAT, måste vara routbar över Internet, och 2.3 gör 2.1 giltigt även för DataNet-kunder. Men 3.2.1 låter S4B/Lync-servrarna ha privata adresser när kunden ansluter över DataNet, där Touchpoint Plus når dem genom DataNet i stället för Internet. Katalogen behåller 2.1 som det är skrivet; över DataNet, kom överens med Telia om hur de privata S4B/Lync-adresserna nås.",
    ),
    (
        "net.wireless-not-guaranteed",
        "Tjänsten garanteras inte över trådlösa eller mobila nät",
        "2.1 säger att tjänsten inte kan garanteras i trådlösa nät eller i mobila IP-nät som GSM, 3G eller 4G. Det är inget krav: en plats får använda dem, men Telia garanterar inte samtal över dem. Värden uppmätta över Wi-Fi eller en mobil anslutning beskriver den vägen; mät från en trådansluten dator för att bedöma det trådbundna nätet.",
    ),
    (
        "pc.macos-apple-silicon",
        "Bara Intel-Macar med High Sierra eller Mojave finns med",
        "Apple började flytta Mac till Apple silicon i november 2020 och sålde Intel-Macar till juni 2023, då den sista, Mac Pro, ersattes; Macar sålda sedan dess kan inte uppfylla \"Intel-processor\". High Sierra och Mojave får inte längre säkerhetsuppdateringar och senare macOS-versioner finns inte med. Fråga Telia vilka Macar som stöds i dag.",
    ),
    (
        "pc.macos-sierra-high",
        "\"macOS Sierra High\" betyder macOS High Sierra (10.13)",
        "Specifikationen skriver \"macOS Sierra High\"; versionen heter macOS High Sierra, version 10.13.",
    ),
    (
        "pc.windows-aged",
        "Windows 7 är avvecklat och Windows 11 finns inte med",
        "2.5.2 listar Windows 7.x och Windows 10. Stödet för Windows 7 upphörde i januari 2020 och för Windows 10 i oktober 2025; Windows 11, som släpptes före den här specifikationen, finns inte med. Utlåtandena följer specifikationen och påpekar detta.",
    ),
    (
        "s4b-voice.e4-retired",
        "Office 365 Enterprise E4 är avvecklad",
        "3.2.2 anger Office 365 Enterprise E4/E5 för Enterprise Voice. Microsoft avvecklade E4 när E5 ersatte den: av de licenser 3.2.2 anger går E4 inte längre att köpa.",
    ),
    (
        "s4b.versions-retired",
        "Alla Microsoft-serverversioner som specifikationen listar saknar support",
        "Exchange 2007, 2010 och 2013 och Lync Server 2013 hade lämnat Microsofts support i april 2023. Exchange Server 2016 och 2019 och Skype for Business Server 2015 och 2019 lämnade den alla samma dag, den 14 oktober 2025. Deras efterföljare, Exchange Server Subscription Edition och Skype for Business Server Subscription Edition, båda släppta i juli 2025, nämns inte i specifikationen, som fortfarande bara listar de avvecklade versionerna.",
    ),
    (
        "tls.platform-version-unstated",
        "v3.40 anger en TLS-version bara för IP-telefoner",
        "2.6 kräver att IP-telefoner stödjer TLS 1.2; inget avsnitt anger en version för plattformens servrar eller för softphones. En server som svarar med en äldre version än den IP-telefoner måste stödja flaggas som en varning, inte ett underkännande: specifikationen förbjuder det inte.",
    ),
];
