"""Claims seen in public and their reviews (the fact-checker's verdict kept as written, mapped to our scale)."""

from __future__ import annotations

from typing import Any

from build_data_sources import cite

# (slug, text (the claim as stated), text_en, lang, date, claimant, about, reviewer, reviewer_kind, original rating,
#  rating, review url source slug, summary (ours), evidence records)
CLAIMS: list[tuple[Any, ...]] = [
    ("callao-base-bought", "EE.UU. compró la Base Naval del Callao por US$1.500 millones.",
     "The United States bought Peru's Callao naval base for US$1.5 billion.", "2026-01-24", "viral video",
     ["site:pe-base-naval-callao", "procurement:pe-dsca-25-37"], "La República – Verificador", "external",
     "Falso", "false", "larepublica-verificador-callao",
     "Peru is the buyer: the DSCA notice is a possible, not yet contracted sale of design and construction "
     "services for Peru's own naval base, with up to 20 US representatives for up to 10 years.",
     ["procurement:pe-dsca-25-37"]),
    ("troops-2026-base", "El Congreso autorizó tropas de EE.UU. todo 2026 para instalar una base.",
     "Peru's Congress authorized US troops for all of 2026 in order to install a US base.", "2025-12-05",
     None, ["authorization:pe-bill-13436"], "RPP (explanatory note); Defence Committee chair (denial)", "external",
     "Engañoso", "misleading", "rpp-2026",
     "Congress did authorize armed US training teams for 2026, rotating at Peruvian facilities; the act "
     "provides for no base, construction or permanent stationing, and similar acts recur every year.",
     ["authorization:pe-bill-13436", "authorization:pe-rl-32214"]),
    ("apec-600-troops", "Unos 600 militares armados de EE.UU. ingresaron al Perú por la cumbre APEC 2024.",
     "Around 600 armed US troops were deployed to Peru for the APEC 2024 summit.", "2024-10-31", None,
     ["authorization:pe-rl-32151"], "footprint", "footprint", "Verdadero", "true", "rpp-apec",
     "A 21-day, Congress-authorized entry of up to 600 armed personnel supporting the US delegation, in Lima, "
     "Pisco and Chiclayo. No external fact-check was found; this is our assessment.",
     ["authorization:pe-rl-32151", "activity:pe-apec-2024-security"]),
    ("morales-bases-peru", "EE.UU. tiene bases militares en el Perú.",
     "The United States has military bases in Peru (Evo Morales, 2008, reiterated in 2009).", "2009-03",
     "Evo Morales", ["site:pe-namru-south"], "US Ambassador and Peru's Defence and Foreign ministers",
     "external", "Falso", "false", "diariocritico-2009",
     "Official rebuttals at the time: no US base; the US presence was the Navy medical research unit inside a "
     "Peruvian Navy hospital, the embassy's military group and periodic authorized exercises.",
     ["site:pe-namru-south"]),
    ("coer-amazonas-base", "EE.UU. construye una nueva base militar en Amazonas disfrazada de Centro de Operaciones "
     "de Emergencia Regional.", "The US is building a new military base in Amazonas disguised as a Regional "
     "Emergency Operations Center.", "2016-12-29", "The Dawn", ["site:pe-coer-amazonas"], "footprint", "footprint",
     "Engañoso", "misleading", "thedawn-2016",
     "The project is a US-funded civil-defence centre run by the regional government and INDECI, with no US "
     "personnel stationed. Our assessment against the embassy's programme data.",
     ["site:pe-coer-amazonas", "assistance:pe-coer-amazonas"]),
    ("colombia-seven-bases", "Colombia entrega siete bases militares a EE.UU.",
     "Colombia is giving the United States seven military bases (2009 agreement).", "2009-11-03", None, [],
     "footprint", "footprint", "Mixto", "mixed", "biobio-2009",
     "The 2009 agreement gave US access to seven Colombian facilities, which stayed Colombian; the "
     "Constitutional Court stopped it in 2010 until approved as a treaty.", []),
    ("galapagos-base", "Noboa entregó las Islas Galápagos a EE.UU. para una base militar.",
     "Ecuador's President Noboa handed the Galápagos Islands to the US for a military base.", "2024-12-22",
     None, [], "footprint", "footprint", "Falso", "false", "piedepagina-galapagos",
     "No base was set up; a Baltra proposal was dropped and the November 2025 referendum rejected lifting the "
     "ban on foreign bases. Our assessment.", []),
    ("750-bases", "EE.UU. tiene unas 750 bases militares en unos 80 países.",
     "The United States has about 750 military bases abroad in about 80 countries.", "2021-09", "Quincy Institute",
     [], "Malcontentment", "external", "Disputado", "mixed", "malcontentment-bases",
     "The figure counts Pentagon base sites plus lily pads; a re-count could confirm about 217, and CRS counts "
     "at least 128 bases with another definition: the count depends on the definition.", []),
]
EXTRA_SOURCES = {"colombia-seven-bases": ["semana-corte-2010"], "galapagos-base": ["ecuavisa-baltra"],
                 "750-bases": ["quincy-drawdown", "crs-r48123"], "coer-amazonas-base": ["embassy-coer-2017"],
                 "callao-base-bought": ["dsca-25-37"]}


def claims_and_reviews() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for (slug, text, text_en, date, claimant, about, reviewer, kind, original, rating, src, summary,
         evidence) in CLAIMS:
        claim = {"id": f"claim:{slug}", "text": text, "text_en": text_en, "lang": "es", "date": date,
                 "about": about, "sources": cite(src)}
        if claimant:
            claim["claimant"] = claimant
        out.append(claim)
        out.append({"id": f"review:{slug}", "claim": f"claim:{slug}", "rating": rating, "reviewer": reviewer,
                    "reviewer_kind": kind, "original_rating": original, "summary": summary, "evidence": evidence,
                    "url": None if kind == "footprint" else _url(src),
                    "sources": cite(src, *EXTRA_SOURCES.get(slug, []))})
    return out


def _url(slug: str) -> str:
    from build_data_sources import SOURCES

    return SOURCES[slug][0]
