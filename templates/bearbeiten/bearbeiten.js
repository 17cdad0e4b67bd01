/* The editing side of the preview (vorlagen, templates/bearbeiten/): plain JavaScript, no library, no build step.
   Everything works without it – the form posts and the server answers with the whole page; this file adds four
   conveniences: the PDF beside the form follows each new build (asked for every second; a failed build is said at
   the fields it concerns and above the form), a chosen figure goes into a text at the cursor, a formula shows its
   value and derivation while it is typed, and what is typed is kept in this window (sessionStorage) until it is
   saved – a save that never reached the server (the connection broke) is offered again. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-token]");
  var pdf = document.getElementById("pdf");

  if (pdf && window.fetch) {
    var frage = function () {
      fetch(pdf.getAttribute("data-abfrage"), { credentials: "same-origin", cache: "no-store" })
        .then(function (antwort) { return antwort.ok ? antwort.json() : null; })
        .then(function (zustand) { if (zustand) zeigen(zustand); })
        .catch(function () { /* asked again in a second */ })
        .then(function () { setTimeout(frage, 1000); });
    };
    frage();
  }

  function zeigen(zustand) {
    var stand = String(zustand.version), bau = document.getElementById("bau"), word = document.getElementById("word");
    var oben = zustand.probleme.slice();
    Array.prototype.forEach.call(document.querySelectorAll("p.baumeldung"), function (alt) { alt.remove(); });
    Object.keys(zustand.felder).forEach(function (name) {  // a failed build: its messages at their fields
      var feld = document.getElementsByName(name)[0], ort = feld && feld.closest ? feld.closest("div") : null;
      zustand.felder[name].forEach(function (text) {
        if (!ort) { oben.push(text); return; }
        var meldung = document.createElement("p");
        meldung.className = "meldung baumeldung";
        meldung.textContent = text;
        ort.appendChild(meldung);
      });
    });
    var fehlgeschlagen = oben.length || Object.keys(zustand.felder).length;
    bau.hidden = !fehlgeschlagen;
    bau.textContent = fehlgeschlagen ? "Der letzte Bau ist fehlgeschlagen – das PDF rechts zeigt den vorherigen "
      + "Stand; gespeichert ist, was Sie gespeichert haben." + (oben.length ? "\n\n" + oben.join("\n")
      : " Was ihn aufhält, steht bei den Feldern.") : "";
    document.body.classList.toggle("baut", !!zustand.laeuft);
    if (word) word.hidden = !zustand.word;
    if (stand !== pdf.getAttribute("data-stand")) {
      pdf.setAttribute("data-stand", stand);
      pdf.src = pdf.getAttribute("data-pdf") + "?stand=" + stand;
    }
  }

  document.addEventListener("click", function (event) {
    var knopf = event.target.closest ? event.target.closest("button.einfuegen") : null;
    if (!knopf) return;
    var wahl = document.getElementById(knopf.getAttribute("data-wahl"));
    var ziel = document.getElementById(wahl.getAttribute("data-ziel"));
    var text = wahl.value, von = ziel.selectionStart, bis = ziel.selectionEnd;
    ziel.value = ziel.value.slice(0, von) + text + ziel.value.slice(bis);
    ziel.focus();
    ziel.selectionStart = ziel.selectionEnd = von + text.length;
  });

  var konto = document.querySelector("form.abmelden");
  var ablage = form && window.sessionStorage ? "vorlagen-eingaben:" + (konto ? konto.getAttribute("data-person") : "")
    + ":" + form.getAttribute("action").split("?")[0] : null;

  function sichtbar(paare) {  // what a person typed: the fields and texts, not the token or the form's base
    return JSON.stringify(paare.filter(function (p) { return /^[ft]:/.test(p[0]); }));
  }

  function paare() {
    var liste = [];
    new FormData(form).forEach(function (wert, name) { if (name !== "token") liste.push([name, String(wert)]); });
    return liste;
  }

  if (ablage) {
    // the page shows the files as saved, or a draft a form sent (a check that refused the save, a new row): then
    // what it shows is unsaved already and kept at once
    var gespeichert = form.hasAttribute("data-wie-gespeichert") ? sichtbar(paare()) : null, merken = null;
    var ablegen = function () {
      var jetzt = paare();
      if (sichtbar(jetzt) === gespeichert) sessionStorage.removeItem(ablage);
      else sessionStorage.setItem(ablage, JSON.stringify({ zeit: new Date().toLocaleString("de-DE"), felder: jetzt }));
    };
    var gemerkt = JSON.parse(sessionStorage.getItem(ablage) || "null");
    if (gespeichert === null) ablegen();
    else if (gemerkt && sichtbar(gemerkt.felder) === gespeichert) sessionStorage.removeItem(ablage);  // saved so
    else if (gemerkt) anbieten(gemerkt);
    form.addEventListener("input", function () {
      clearTimeout(merken);
      merken = setTimeout(ablegen, 300);
    });
  }
  if (konto) konto.addEventListener("submit", function () {  // signed out: nothing of it stays in the window
    Object.keys(sessionStorage).forEach(function (k) { if (k.indexOf("vorlagen-eingaben:") === 0) sessionStorage.removeItem(k); });
  });

  function anbieten(gemerkt) {
    var kasten = document.getElementById("ungespeichert");
    kasten.querySelector(".zeit").textContent = gemerkt.zeit;
    kasten.hidden = false;
    kasten.querySelector(".verwerfen").addEventListener("click", function () {
      sessionStorage.removeItem(ablage);
      kasten.hidden = true;
    });
    kasten.querySelector(".wiederherstellen").addEventListener("click", function () {
      // sent as the form with its own base: the server shows the draft (nothing written) and merges it on saving
      var senden = document.createElement("form"), token = form.querySelector('input[name="token"]');
      senden.method = "post";
      senden.action = form.getAttribute("action");
      senden.acceptCharset = "utf-8";
      gemerkt.felder.concat(token ? [["token", token.value]] : [], [["aktion", "wiederherstellen"]]).forEach(function (p) {
        var feld = document.createElement("textarea");
        feld.name = p[0];
        feld.value = p[1];
        senden.appendChild(feld);
      });
      senden.hidden = true;
      document.body.appendChild(senden);
      senden.submit();
    });
  }

  var warten = {};
  document.addEventListener("input", function (event) {
    var feld = event.target;
    if (!form || !feld.classList || !feld.classList.contains("formel")) return;
    clearTimeout(warten[feld.id]);
    warten[feld.id] = setTimeout(function () { formel(feld); }, 250);
  });

  function formel(feld) {
    var daten = new URLSearchParams(new FormData(form));
    daten.set("aktion", "formel:" + feld.getAttribute("data-pfad"));
    var ausgabe = feld.parentNode.querySelector("output.formelwert");
    fetch(form.getAttribute("action").replace("/vorlage/", "/formel/"), {
      method: "POST",
      body: daten.toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (antwort) { return antwort.text(); })
      .then(function (text) { if (feld.value === daten.get(feld.name)) ausgabe.textContent = text; })
      .catch(function () { ausgabe.textContent = "Die Vorschau antwortet nicht – läuft sie noch?"; });
  }
})();
