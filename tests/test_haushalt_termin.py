"""The deciding Gremium of Finanzielle Auswirkungen when the last Beratung's Termin is still open (finding 2 of the
new-user tryout: `KeyError: None` in every command). Amounts as in test_haushalt.py (seed 000, computed there)."""

from __future__ import annotations

from vorlagen.compute.project import prepare

from .conftest import edit, problems_of, run
from .test_haushalt import H2022, RECHT, VORLAGE, at, eur

KA_LAST = "  - {sitzung: KA-2021-06-21, rolle: Entscheidung}"


def test_an_open_termin_of_the_kreisausschuss_is_named_in_the_threshold_message(data):
    edit(data / H2022, "erheblich: 600000", "erheblich: 500000")
    edit(data / VORLAGE, KA_LAST, "  - {gremium: KA, rolle: Entscheidung}")
    found = [p for p in problems_of(data) if "Erheblichkeitsgrenze" in p]
    assert found == [
        f"{at(data, VORLAGE, 'beratungsfolge:')}: Der überplanmäßige Betrag 2022 ({eur(533969)}) liegt über der "
        f"Erheblichkeitsgrenze von {eur(500000)} (haushalt/2022.yaml, Haushaltssatzung 2021/2022, § 8) – darüber muss "
        f"nach {RECHT} vorher das Gremium „Kreistag“ entscheiden; die Beratungsfolge endet aber mit „Kreisausschuss“ "
        "(Termin offen). Nehmen Sie eine Sitzung dieses Gremiums als letzte in die Beratungsfolge auf."]


def test_an_open_termin_of_the_kreistag_last_satisfies_the_threshold(data):
    edit(data / H2022, "erheblich: 600000", "erheblich: 500000")
    edit(data / VORLAGE, KA_LAST, KA_LAST.replace("Entscheidung", "Vorberatung") + "\n  - {gremium: KT, rolle: Entscheidung}")
    assert prepare(data).rechnungen["2021-0123"].haushalt.mehrbedarf[2022] == 533969


def test_pruefen_with_an_open_termin_below_the_threshold_is_no_traceback(capsys, data):
    edit(data / VORLAGE, KA_LAST, KA_LAST + "\n  - {gremium: KT, rolle: Kenntnisnahme}")
    code, out, err = run(capsys, "pruefen", "--data", str(data), "--stichtag", "2021-06-01")
    assert (code, err) == (0, "") and "Termin offen" in out, (out, err)
