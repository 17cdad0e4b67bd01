/* The editing side of the preview (vorlagen, templates/bearbeiten/): plain JavaScript, no library, no build step.
   Everything works without it – the form posts and the server answers with the whole page; this file adds four
   conveniences: the PDF beside the form follows each new build (asked for every second; a failed build is said at
   the fields it concerns and above the form), a chosen figure goes into a text at the cursor, and a formula shows
   its value and derivation while it is typed. */
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
