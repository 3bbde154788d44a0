"""The Peru detector: foreign-military entry versus the look-alikes that fill the real data."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from footprint.jurisdictions.pe import detect
from footprint.jurisdictions.pe.detect import prefilter

FIXTURES = Path(__file__).parent / "fixtures"

POSITIVES = [
    "PROYECTO DE RESOLUCIÓN LEGISLATIVA 5111, QUE PROPONE AUTORIZAR EL INGRESO DE MEDIOS AÉREOS, MEDIOS NÁUTICOS Y "
    "PERSONAL MILITAR EXTRANJERO CON ARMAS DE GUERRA AL TERRITORIO DE LA REPUBLICA DEL PERÚ",
    "PROYECTO RESOLUCIÓN LEGISLATIVA 106, QUE AUTORIZA EL INGRESO DE UNIDADES NAVALES Y PERSONAL EXTRANJERO CON ARMAS "
    "DE GUERRA AL TERRITORIO DE LA REPÚBLICA DEL PERÚ",
    "Que, el Ministerio de Relaciones Exteriores solicita la autorizacion para el ingreso de personal militar de los "
    "Estados Unidos de America, sin armas de guerra;",
    "Autorízase el ingreso al territorio de la República de la unidad naval y personal militar extranjero con armas "
    "de guerra de la Armada Argentina",
    "proyecto de resolucion legislativa 6416 que propone autorizar el ingreso y transito por aguas territoriales de "
    "una unidad naval y personal militar extranjero con armas de guerra de la republica del ecuador",
    "Authorize the entry into the territory of the Republic of naval units and foreign military personnel",
    "TEXTO SUSTITUTORIO DE LOS PROYECTOS DE RESOLUCIÓN LEGISLATIVA 288 Y 295, QUE PROPONE MODIFICAR EL ANEXO DE LA "
    "RESOLUCIÓN LEGISLATIVA 31350, RESOLUCIÓN LEGISLATIVA QUE AUTORIZA EL INGRESO DE UNIDADES NAVALES Y PERSONAL "
    "MILITAR EXTRANJERO CON ARMAS DE GUERRA AL TERRITORIO DE LA REPÚBLICA",
]

LOOK_ALIKES = [
    # Peruvian personnel travelling abroad
    "Autorizan viaje de personal militar de la Fuerza Aérea del Perú a España, en misión de estudios",
    "Autorizar el viaje al exterior de oficiales de la Marina de Guerra del Perú para participar en el Ejercicio "
    "Multinacional RIMPAC en los Estados Unidos de América",
    # Peruvian ships leaving
    "Autorizan la salida del territorio nacional de la unidad naval BAP Guise y su dotación de personal militar, "
    "para participar en el ejercicio UNITAS en aguas de la República de Chile",
    # visa rules for foreign civilians
    "Eximen del requisito de visa para el ingreso al Perú a los nacionales extranjeros participantes en la reunión",
    "autorizar el ingreso al territorio nacional de personal diplomático extranjero con calidades migratorias",
    # military service pay
    "PROYECTO DE LEY 2174, QUE PROPONE ESTABLECER LA ASIGNACIÓN ECONÓMICA MENSUAL DEL PERSONAL DEL SERVICIO MILITAR "
    "ACUARTELADO",
    "ingreso mensual del personal del servicio militar acuartelado",
    # military-police courts
    "PROYECTOS DE LEY 1377 Y 1465, QUE PROPONE MODIFICAR LA LEY 29182, LEY DE ORGANIZACIÓN Y FUNCIONES DEL FUERO "
    "MILITAR POLICIAL",
    # pensions of "personal militar y policial"
    "DECRETO LEGISLATIVO PARA EL ORDENAMIENTO DEFINITIVO DEL RÉGIMEN DE PENSIONES DEL PERSONAL MILITAR Y POLICIAL",
    "ingreso al régimen de pensiones del personal militar y policial extranjero",
    # the law about foreign troops, cited or amended, authorizes nothing
    "conforme a la Ley Nº 27856, Ley de requisitos para la autorización y consentimiento para el ingreso de tropas "
    "extranjeras en el territorio de la República",
    "PROYECTO DE LEY 999, QUE PROPONE MODIFICAR LA LEY 27856, LEY DE REQUISITOS PARA LA AUTORIZACIÓN Y CONSENTIMIENTO "
    "PARA EL INGRESO DE TROPAS EXTRANJERAS EN EL TERRITORIO DE LA REPÚBLICA",
    "APRUEBA EL ACUERDO ENTRE EL PERÚ Y LA FEDERACIÓN DE RUSIA SOBRE LA INFORMACIÓN CLASIFICADA EN EL ÁMBITO DE LA "
    "COOPERACIÓN TÉCNICO - MILITAR",
]


@pytest.mark.parametrize("text", POSITIVES)
def test_entry_of_foreign_military_is_relevant(text: str) -> None:
    d = detect(text)
    assert d.relevant, d.why
    assert d.span is not None and "ingres" in text[d.span[0]:d.span[1]].lower() or "entry" in d.why


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_are_rejected(text: str) -> None:
    d = detect(text)
    assert not d.relevant, d.why
    assert d.why


def test_prefilter_is_cheap_and_safe() -> None:
    assert not prefilter("ley que modifica el código penal")
    assert prefilter("ingreso de personal militar extranjero")
    assert detect("Aprueban el reglamento de la ley de tránsito").why == "no military words"


def test_detection_as_dict() -> None:
    d = detect(POSITIVES[0]).as_dict()
    assert d["relevant"] is True and isinstance(d["span"], list)


def _votes(root: Path, labels: Path) -> list[tuple[bool, str]]:
    from footprint.jurisdictions.pe.evaluate import vote_subject

    with labels.open(encoding="utf-8") as fh:
        return [(row["relevant"] == "true", vote_subject(root, row["vote_folder"])) for row in csv.DictReader(fh)]


@pytest.mark.parametrize("labels", ["labels-2021-2022.csv", "plenos-2023-2024-labels.csv"])
def test_real_vote_subjects_recall_and_precision(shared_data: Path, labels: str) -> None:
    root = shared_data / "openpolitica-plenos"
    path = root / labels if labels.startswith("labels-") else FIXTURES / labels
    rows = _votes(root, path)
    tp = sum(1 for gold, text in rows if gold and detect(text).relevant)
    fp = sum(1 for gold, text in rows if not gold and detect(text).relevant)
    fn = sum(1 for gold, text in rows if gold and not detect(text).relevant)
    assert tp > 0
    assert fn == 0, "recall must be 1.0"
    assert tp / (tp + fp) >= 0.95


def test_own_labels_cover_every_2023_2024_vote(shared_data: Path) -> None:
    root = shared_data / "openpolitica-plenos" / "2021-2026"
    folders = {str(p.parent.relative_to(root.parent)) for year in ("2023", "2024")
               for p in (root / year).rglob("metadatos.csv")}
    with (FIXTURES / "plenos-2023-2024-labels.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["vote_folder"] for r in rows} == folders
    assert sum(r["relevant"] == "true" for r in rows) == 13


def test_no_false_positive_among_gazette_negatives(shared_data: Path) -> None:
    import json

    folder = shared_data / "gazette-excerpts"
    for label in sorted(folder.glob("*.json")):
        gold = json.loads(label.read_text(encoding="utf-8"))["relevant"]
        text = label.with_suffix(".txt").read_text(encoding="utf-8")
        assert detect(text).relevant == gold, label.stem
