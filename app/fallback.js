/* sitecheck fallback for browsers that cannot run the checker.
 *
 * Internet Explorer 11, Chrome 60, Firefox 54-59 and Safari 10 (10.0 and 10.1; WebAssembly came
 * with Safari 11) are listed in section 2.5.1 of the spec but have no JavaScript modules or no
 * WebAssembly. This classic script, written for
 * them (ES3: no let, const or arrow functions), shows their 2.5.1 verdict instead of a page
 * that never finishes loading. Browsers that can run the checker skip it, except for a
 * watchdog that explains a checker that did not start.
 *
 * MATRIX mirrors BROWSER_MATRIX in core/src/browser.rs and the detection order mirrors
 * core/src/useragent.rs; tests compare both with the core on the whole user-agent table.
 */
(function () {
  var MATRIX = [
    ["firefox", 54, 0, "Mozilla Firefox 54 or later"],
    ["ie", 11, 11, "Microsoft Internet Explorer 11"],
    ["edge", 80, 0, "Microsoft Chromium Edge 80 and later"],
    ["safari", 10, 0, "Safari 10 or later"],
    ["chrome", 60, 0, "Google Chrome 60 or later"]
  ];
  var LABELS = {
    chrome: "Chrome", firefox: "Firefox", edge: "Edge", "edge-legacy": "Edge (legacy EdgeHTML)",
    ie: "Internet Explorer", safari: "Safari", opera: "Opera", samsung: "Samsung Internet",
    other: "An unrecognised browser"
  };
  var OTHERS = ["YaBrowser/", "Vivaldi/", "UCBrowser/", "Silk/", "MiuiBrowser/", "HuaweiBrowser/", "Whale/",
    "QQBrowser/", "Brave/", "DuckDuckGo/", "SeaMonkey/", "PaleMoon/", "; wv)", "Electron/", "BlackBerry", "BB10", "PlayBook"];
  /* The card's words in English and Swedish; core/tests/swedish.rs holds each one equal to core's
     text (verdict labels, card title, section, advisory, source). */
  var WORDS = {
    en: {
      pass: "Pass", fail: "Fail", "needs-confirmation": "Needs confirmation",
      title: "Web browser for administration", read: "read from the user-agent string",
      cite: "Spec section 2.5.1 Web Browser", advisory: "Advisory:",
      ieTitle: "Internet Explorer 11 is retired",
      ieText: "2.5.1 lists Internet Explorer 11, which Microsoft retired on 15 June 2022. It still passes 2.5.1 as written, but it receives no security updates; use Chromium Edge instead.",
      notListed: " is not among the browsers 2.5.1 lists for administration.",
      noVersion: "The version could not be read: check it in the browser's About page.",
      requires: "2.5.1 requires ", update: ": update the browser.", other: "An unrecognised browser",
      lacks: "This browser lacks ", needs: ", which the full checker needs: only the browser verdict can be shown. For every other check, open this page in Chrome 61+, Chromium Edge 80+, Firefox 60+ or Safari 11+.",
      slow: "The full checker did not start within 15 seconds (blocked scripts or a broken download?). Reload the page; if it persists, ask your IT department."
    },
    sv: {
      pass: "Godkänt", fail: "Underkänt", "needs-confirmation": "Behöver bekräftas",
      title: "Webbläsare för administration", read: "avläst från user-agent-strängen",
      cite: "Specifikationens avsnitt 2.5.1 Webbläsare", advisory: "Påpekande:",
      ieTitle: "Internet Explorer 11 är avvecklad",
      ieText: "2.5.1 listar Internet Explorer 11, som Microsoft avvecklade den 15 juni 2022. Den godkänns fortfarande enligt 2.5.1 som kravet är skrivet, men får inga säkerhetsuppdateringar; använd Chromium Edge i stället.",
      notListed: " finns inte bland webbläsarna som 2.5.1 tar upp för administration.",
      noVersion: "Versionen gick inte att läsa: se den på webbläsarens Om-sida.",
      requires: "2.5.1 kräver ", update: ": uppdatera webbläsaren.", other: "En okänd webbläsare",
      lacks: "Den här webbläsaren saknar ", needs: ", som den fullständiga kontrollen behöver: bara bedömningen av webbläsaren kan visas. För alla andra kontroller, öppna sidan i Chrome 61+, Chromium Edge 80+, Firefox 60+ eller Safari 11+.",
      slow: "Den fullständiga kontrollen startade inte inom 15 sekunder (blockerade skript eller en trasig nedladdning?). Läs in sidan igen; om det kvarstår, fråga din IT-avdelning."
    }
  };
  /* As the page chooses (app/src/language.rs): a share link's language, else the reader's earlier
     choice, else the first of the browser's languages sitecheck speaks; old browsers name theirs
     in userLanguage. */
  function language() {
    var linked = /^#sc[0-9]+\.(?:[^.]*&)?l=(sv|en)[&.]/.exec(window.location.hash || "");
    if (linked) { return linked[1]; }
    var saved = null;
    try { saved = window.localStorage && window.localStorage.getItem("sitecheck-language"); } catch (e) { saved = null; }
    var tags = saved ? [saved] : (navigator.languages || []).concat([navigator.language || navigator.userLanguage || navigator.browserLanguage || ""]);
    for (var i = 0; i < tags.length; i++) {
      var primary = String(tags[i]).toLowerCase().split(/[-_]/)[0];
      if (primary === "sv" || primary === "en") { return primary; }
    }
    return "en";
  }
  var W = WORDS[language()];
  var BOTS = ["bot/", "Bot/", "bot;", "spider", "Spider", "crawler", "Crawler", "curl/", "Wget/", "python-requests"];

  function has(text, token) { return text.indexOf(token) !== -1; }
  function hasAny(text, tokens) {
    for (var i = 0; i < tokens.length; i++) { if (has(text, tokens[i])) { return true; } }
    return false;
  }
  /* The whole number right after the first occurrence of token, or null. */
  function after(text, token) {
    var at = text.indexOf(token);
    if (at === -1) { return null; }
    var digits = /^[0-9]+/.exec(text.substring(at + token.length));
    /* Like the core: more than nine digits is not a version. */
    return digits && digits[0].length <= 9 ? parseInt(digits[0], 10) : null;
  }
  function first(text, tokens) {
    for (var i = 0; i < tokens.length; i++) {
      var value = after(text, tokens[i]);
      if (value !== null) { return value; }
    }
    return null;
  }

  function browser(ua) {
    ua = ua.replace(/^\s+|\s+$/g, "");
    var android = has(ua, "Android") && !has(ua, "Windows");
    if (hasAny(ua, BOTS)) { return ["other", null]; }
    if (has(ua, "Trident/") || has(ua, "MSIE ")) {
      // The engine's token first: in Compatibility View (the default for intranet sites)
      // IE 11 calls itself "MSIE 7.0", and only Trident/7.0 still says it is IE 11.
      var trident = after(ua, "Trident/");
      return ["ie", trident !== null ? trident + 4 : first(ua, ["rv:", "MSIE "])];
    }
    if (has(ua, "Edge/")) { return ["edge-legacy", after(ua, "Edge/")]; }
    var edge = ["Edg/", "EdgA/", "EdgiOS/"];
    for (var i = 0; i < edge.length; i++) { if (has(ua, edge[i])) { return ["edge", after(ua, edge[i])]; } }
    if (has(ua, "OPR/") || has(ua, "OPT/") || has(ua, "Opera")) {
      return ["opera", first(ua, ["OPR/", "OPT/", "Version/", "Opera/", "Opera "])];
    }
    if (has(ua, "SamsungBrowser/")) { return ["samsung", after(ua, "SamsungBrowser/")]; }
    if (hasAny(ua, OTHERS)) { return ["other", null]; }
    if (has(ua, "FxiOS/")) { return ["firefox", after(ua, "FxiOS/")]; }
    if (has(ua, "Firefox/")) { return ["firefox", after(ua, "Firefox/")]; }
    if (has(ua, "CriOS/")) { return ["chrome", after(ua, "CriOS/")]; }
    var chrome = ["HeadlessChrome/", "Chrome/", "Chromium/"];
    for (var j = 0; j < chrome.length; j++) { if (has(ua, chrome[j])) { return ["chrome", after(ua, chrome[j])]; } }
    if (has(ua, "Firefox")) { return ["firefox", null]; }
    if (has(ua, "Safari/") && !android) {
      return has(ua, "Version/") ? ["safari", after(ua, "Version/")] : ["other", null];
    }
    return ["other", null];
  }

  /* The 2.5.1 verdict for a user-agent string: {browser, major, verdict, text}. */
  function judge(ua) {
    var found = browser(ua || "");
    var family = found[0], major = found[1], entry = null;
    for (var i = 0; i < MATRIX.length; i++) { if (MATRIX[i][0] === family) { entry = MATRIX[i]; } }
    var verdict = "pass", advice = "";
    if (!entry) {
      verdict = "fail";
      advice = (family === "other" ? W.other : LABELS[family]) + W.notListed;
    } else if (major === null) {
      verdict = "needs-confirmation";
      advice = W.noVersion;
    } else if (major < entry[1] || (entry[2] && major > entry[2])) {
      verdict = "fail";
      advice = W.requires + entry[3] + W.update;
    }
    var name = (family === "other" ? W.other : LABELS[family]) + (major === null ? "" : " " + major);
    return { browser: family, major: major, verdict: verdict, name: name, advice: advice };
  }

  function text(tag, className, content) {
    var element = document.createElement(tag);
    element.className = className;
    element.appendChild(document.createTextNode(content));
    return element;
  }

  function show(reason) {
    if (document.getElementById("fallback")) { return; }
    var result = judge(navigator.userAgent);
    var card = document.createElement("div");
    card.id = "fallback";
    card.className = "card verdict-" + result.verdict;
    card.setAttribute("data-check", "pc.browser");
    card.setAttribute("data-verdict", result.verdict);
    card.setAttribute("data-fallback", "true");
    card.setAttribute("lang", W === WORDS.sv ? "sv" : "en");
    var heading = document.createElement("h3");
    heading.appendChild(text("span", "verdict", W[result.verdict]));
    heading.appendChild(document.createTextNode(" " + W.title));
    card.appendChild(heading);
    card.appendChild(text("p", "evidence", result.name + ", " + W.read));
    if (result.advice) { card.appendChild(text("p", "advice", result.advice)); }
    card.appendChild(text("p", "cite", W.cite));
    if (result.browser === "ie") {
      card.appendChild(text("p", "advisory", W.advisory + " " + W.ieTitle + ". " + W.ieText));
    }
    card.appendChild(text("p", "fallback-reason", reason));
    var loading = document.getElementById("loading");
    if (loading && loading.parentNode) {
      loading.parentNode.replaceChild(card, loading);
    } else {
      document.body.appendChild(card);
    }
  }

  window.sitecheckFallback = { judge: judge, words: WORDS };

  var modules = "noModule" in document.createElement("script");
  var wasm = typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";
  if (!modules || !wasm) {
    show(W.lacks + (!wasm ? "WebAssembly" : (W === WORDS.sv ? "JavaScript-moduler" : "JavaScript modules")) + W.needs);
  } else {
    /* The checker removes the loading notice when it starts; if it is still there, say why. */
    setTimeout(function () {
      if (document.getElementById("loading")) {
        show(W.slow);
      }
    }, 15000);
  }
})();
