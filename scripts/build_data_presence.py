"""Curated sites, activities, temporary facilities, assistance and the Callao procurement."""

from __future__ import annotations

from typing import Any

from build_data_sources import cite

US, PE = "US", "PE"
NO_AUTH = ("no authorization is known: the instrument authorizing this entry was not found in the sources read")
PRE_LAW = "no authorization is known: the sources read name no instrument for this entry"


def _site(slug: str, name: str, place: str, operator: str, sources: list[dict[str, Any]], **fields: Any
          ) -> dict[str, Any]:
    return {"id": f"site:pe-{slug}", "name": name, "host_country": PE, "place": place, "operator": operator,
            "sources": sources, **fields}


def _host(facts: dict[str, Any] | None = None) -> dict[str, Any]:
    base = {"foreign_controlled": False}
    base.update(facts or {})
    return base


def sites() -> list[dict[str, Any]]:
    navy, faf = "Marina de Guerra del Perú", "Fuerza Aérea del Perú"
    return [
        _site("base-naval-callao", "Base Naval del Callao", "place:pe-base-naval-callao", navy,
              cite("dsca-25-37", "latercera-callao", "larepublica-verificador-callao", "marina-nueva-base-2023")
              + [{"source": "source:larepublica-verificador-callao", "field": "facts.foreign_owned",
                  "note": "the US did not buy the base: Peru is the buyer of the services"},
                 {"source": "source:dsca-25-37", "field": "facts.permanent_foreign_personnel",
                  "note": "up to 20 US government or contractor representatives for up to 10 years only if the "
                          "case is contracted; no source read reports US personnel assigned to the base"},
                 {"source": "source:dsca-25-37", "field": "facts.fms_case_status"}],
              site_type="host_facility", controlled_by=PE, lat=-12.033, lon=-77.139,
              facts=_host({"foreign_funded": False, "foreign_owned": False, "permanent_foreign_personnel": 0,
                           "basing_agreement": None, "fms_case": "procurement:pe-dsca-25-37",
                           "fms_case_status": "notified", "fms_case_contracted": False}),
              notes="Main base of the Peruvian Navy, owned and run by it. No permanently assigned foreign personnel "
                    "are known (0 = none reported, not a head count). A Peru-financed FMS case for design and "
                    "construction of a new base was notified to the US Congress in January 2026 "
                    "(procurement:pe-dsca-25-37): notified, not contracted. The Navy reported US Army Corps of "
                    "Engineers technical advice for its new-base project in June 2023"),
        _site("centro-medico-naval", "Centro Médico Naval \"Cirujano Mayor Santiago Távara\"",
              "place:pe-centro-medico-naval", navy, cite("navy-namru-south", "wikipedia-namru-south"),
              site_type="host_facility", controlled_by=PE, tenants=["site:pe-namru-south"], lat=-12.06252,
              lon=-77.12925, facts=_host(), notes="The Peruvian Navy's main hospital (Bellavista, Callao); "
              "coordinates are the Bellavista district point"),
        _site("namru-south", "US Naval Medical Research Unit SOUTH (NAMRU SOUTH, formerly NAMRU-6)",
              "place:pe-centro-medico-naval", "US Navy", cite("navy-namru6-history", "navy-namru-south",
                                                              "spectator-namru-40", "wikipedia-namru-south"),
              site_type="foreign_facility", start="1983-01-20", lat=-12.06252, lon=-77.12925,
              tenants=[], facts={"permanent_foreign_personnel": 16, "foreign_controlled": False,
                                 "foreign_funded": True, "family_support": False, "prepositioned_equipment": None,
                                 "basing_agreement": "navy-to-navy agreement 1983",
                                 "host_site": "site:pe-centro-medico-naval", "staff_total": 300,
                                 "staff_host_nationals_share": 0.9, "floor_area_sqft": 143000},
              notes="A tenant unit inside the Peruvian Navy's medical centre since 1983 (NAMRID; NMRCD from 1998; "
                    "NAMRU-6 from 2011; NAMRU SOUTH after Jan 2023, exact rename date uncertain). About 16 US "
                    "active duty among about 300 staff, roughly 90% Peruvian"),
        _site("clinica-naval-iquitos", "Clínica Naval de Iquitos", "place:pe-clinica-naval-iquitos", navy,
              cite("navy-namru-south"), site_type="host_facility", controlled_by=PE,
              tenants=["site:pe-namru-south-iquitos"], facts=_host()),
        _site("namru-south-iquitos", "NAMRU SOUTH laboratory, Iquitos", "place:pe-clinica-naval-iquitos", "US Navy",
              cite("navy-namru-south", "wikipedia-namru-south") + cite("navy-namru-south", field="facts.part_of"),
              site_type="foreign_facility",
              facts={"permanent_foreign_personnel": None, "foreign_controlled": False, "foreign_funded": True,
                     "family_support": False, "prepositioned_equipment": None,
                     "basing_agreement": "navy-to-navy agreement 1983", "host_site": "site:pe-clinica-naval-iquitos",
                     "floor_area_sqft": 5000, "part_of": "site:pe-namru-south"},
              notes="Laboratory at the Peruvian Navy's Naval Clinic in Iquitos; start date not found"),
        _site("base-naval-iquitos", "Base Naval de Iquitos (BASNAY, Nanay)", "place:pe-base-naval-iquitos", navy,
              cite("freerepublic-unitas-2002"), site_type="host_facility", controlled_by=PE, facts=_host()),
        _site("base-naval-san-lorenzo", "Base Naval de la Isla San Lorenzo", "place:pe-base-naval-isla-san-lorenzo",
              navy, cite("dialogo-jcet-2017"), site_type="host_facility", controlled_by=PE, facts=_host()),
        _site("base-infanteria-marina-ancon", "Base de Infantería de Marina (Ancón)",
              "place:pe-base-infanteria-marina-ancon", navy, cite("navaltoday-unitas-2017"),
              site_type="host_facility", controlled_by=PE, facts=_host()),
        _site("base-aerea-las-palmas", "Base Aérea Las Palmas", "place:pe-base-aerea-las-palmas", faf,
              cite("march-rs"), site_type="host_facility", controlled_by=PE, facts=_host()),
        _site("base-aerea-la-joya", "Base Aérea La Joya (Grupo Aéreo N° 4)", "place:pe-base-aerea-la-joya", faf,
              cite("acc-rs24"), site_type="host_facility", controlled_by=PE, facts=_host()),
        _site("base-aerea-el-pato", "Base Aérea El Pato (Talara)", "place:pe-base-aerea-el-pato", faf,
              cite("congreso-5111"), site_type="host_facility", controlled_by=PE, facts=_host()),
        _site("pucusana", "Pucusana", "place:pe-pucusana", "Municipalidad distrital de Pucusana",
              cite("congreso-5111", "vocesdelsur-2025"), site_type="city", controlled_by=PE),
        _site("base-antidrogas-santa-lucia", "Base Policial Antidrogas de Santa Lucía",
              "place:pe-base-antidrogas-santa-lucia", "Policía Nacional del Perú (anti-drug police)",
              cite("csmonitor-1989", "latimes-1989", "sunsentinel-1990")
              + [{"source": "source:sunsentinel-1990", "field": "facts.historical",
                  "note": "the latest report of US personnel stationed there among the sources read (May 1990)"}],
              site_type="host_facility", controlled_by=PE, start="1989-09-08",
              facts={"permanent_foreign_personnel": 30, "foreign_controlled": False, "foreign_funded": True,
                     "family_support": False, "prepositioned_equipment": None, "basing_agreement": None,
                     "us_personnel_planned_max": 50, "historical": True, "last_reported": "1990-05-13"},
              notes="Historical counter-narcotics base in the Upper Huallaga, built from 1987 and opened 8 Sep 1989 "
                    "with US funds: about 20-30 DEA agents plus US contract pilots and mechanics flying about 8 "
                    "State Department UH-1H helicopters, beside 100-300+ Peruvian drug police (later about 500 "
                    "Peruvians and 30 US personnel); attacked by Shining Path in April 1990. Closure or handover "
                    "date not found; 'Santa Lucía' still appears as a place in the 2023 and 2025 RLs",
              conflicts=[{"field": "facts.permanent_foreign_personnel", "chosen": 30, "note": "early reports give "
                          "20-30 DEA agents plus contractors, later reports about 30 US personnel", "values": [
                              {"value": "20-30 DEA agents plus contractors", "source": "source:latimes-1989"},
                              {"value": 30, "source": "source:sunsentinel-1990"}]}]),
        _site("base-antidrogas-mazamari", "Base Antidrogas de Mazamari", "place:pe-base-antidrogas-mazamari",
              "Policía Nacional del Perú (DIRANDRO)", cite("vocesdelsur-2025"), site_type="host_facility",
              controlled_by=PE, facts=_host(), notes="In the VRAEM (Junín); Junín is among the places of the 2025 RL"),
        _site("fuerte-pichari", "Fuerte Pichari (Comando Especial VRAEM)", "place:pe-fuerte-pichari",
              "Ejército del Perú (CE-VRAEM)", cite("vocesdelsur-2025"), site_type="host_facility", controlled_by=PE,
              facts=_host(), notes="In the VRAEM (Cusco); Cusco is among the places of the 2025 RL"),
        *coers(),
    ]


def coers() -> list[dict[str, Any]]:
    funded = {"foreign_controlled": False, "foreign_funded": True, "permanent_foreign_personnel": 0,
              "family_support": False, "prepositioned_equipment": None, "basing_agreement": None}
    hap = "US Southern Command Humanitarian Assistance Program"
    rows = [("coer-moquegua", "COER Moquegua (Centro de Operaciones de Emergencia Regional)", "place:pe-moq",
             "Gobierno Regional de Moquegua", cite("dialogo-coer-moquegua"), "2018-10-11"),
            ("coer-amazonas", "COER Amazonas (with heliport and humanitarian warehouse)", "place:pe-ama",
             "Gobierno Regional de Amazonas", cite("thedawn-2016", "embassy-coer-2017"), "2016"),
            ("coer-ucayali", "COER Ucayali (Pucallpa)", "place:pe-pucallpa", "Gobierno Regional de Ucayali",
             cite("inforegion-coer", "embassy-coer-2017"), None),
            ("coer-loreto", "Emergency operations centre and warehouse, Iquitos", "place:pe-iquitos",
             "Gobierno Regional de Loreto", cite("diariolaregion-207651"), None),
            ("almacen-tacna", "Humanitarian warehouse, Tacna", "place:pe-tac", "Gobierno Regional de Tacna",
             cite("embassy-coer-2017"), "2015")]
    out = []
    for slug, name, place, operator, sources, start in rows:
        out.append(_site(slug, name, place, operator, sources, site_type="funded_facility", controlled_by=PE,
                         facts=dict(funded), **({"start": start} if start else {}),
                         notes=f"Built with funds of the {hap}, run by the regional government with INDECI; no US "
                               "personnel stationed"))
    return out


def _activity(slug: str, name: str, **fields: Any) -> dict[str, Any]:
    fields.setdefault("visiting_countries", [US])
    return {"id": f"activity:pe-{slug}", "name": name, "host_country": PE, **fields}


def activities() -> list[dict[str, Any]]:
    done = "completed"
    return [
        _activity("summit-americas-2018-security", "US security detail, VIII Summit of the Americas (Lima)",
                  activity_type="event_security", purpose_category="event_security", status=done,
                  start="2018-04-05", authorizations=["authorization:pe-rl-30746"], places=["place:pe-lima"],
                  personnel_planned=568, armed=True, sources=cite("congreso-p40955", "serperuano-2018-04")),
        _activity("resolute-sentinel-2023", "Resolute Sentinel 2023", activity_type="exercise",
                  purpose_category="exercise", status=done, start="2023-06-01", end="2023-08-29",
                  series="Resolute Sentinel", authorizations=["authorization:pe-rl-31757"],
                  sites=["site:pe-base-aerea-las-palmas", "site:pe-base-aerea-el-pato", "site:pe-pucusana"],
                  places=["place:pe-lima", "place:pe-cal", "place:pe-chiclayo", "place:pe-piu"],
                  personnel_planned=1172, armed=True, sources=cite("congreso-5111", "march-rs"),
                  notes="With the Patriot Fury 23 airlift element; no source read describes field hospitals in 2023"),
        _activity("sof-training-2023", "US special-operations training with Peruvian units, 2023",
                  activity_type="training", purpose_category="training", status=done, start="2023-06-01",
                  end="2023-12-31", authorizations=["authorization:pe-rl-31758"], armed=True,
                  sites=["site:pe-base-antidrogas-santa-lucia", "site:pe-pucusana"],
                  places=["place:pe-lim", "place:pe-lor", "place:pe-aya", "place:pe-cus"],
                  sources=cite("semana-2023", "jornada-2023-06-01"),
                  notes="Status completed by the end of the authorized period; execution reports not read"),
        _activity("siforex-2023", "SIFOREX XIII-2023", activity_type="exercise", purpose_category="exercise",
                  status=done, start="2023-10-20", end="2023-10-27", series="SIFOREX",
                  authorizations=["authorization:pe-bill-6018"], places=["place:pe-cal"], armed=True,
                  sites=["site:pe-base-naval-callao"],
                  sources=cite("diario-octubre-6018", "natescrest-6018")
                  + [{"source": "source:infodefensa-siforex-2023", "field": "sites",
                      "note": "final planning conference on 13 Sep 2023 at the Peruvian Submarine Force command"},
                     {"source": "source:marina-fuerza-submarinos-2011", "field": "sites",
                      "note": "the Submarine Force command's address is in the Base Naval del Callao"}]),
        _activity("arc-gloria-2023", "ARC Gloria port call, Callao", visiting_countries=["CO"],
                  activity_type="ship_visit", purpose_category="ship_visit", status=done, start="2023-10-27",
                  end="2023-11-07", authorizations=["authorization:pe-bill-6019"], places=["place:pe-callao"],
                  personnel_planned=670, armed=True, sources=cite("congreso-p270180")),
        _activity("resolute-sentinel-2024", "Resolute Sentinel 2024", visiting_countries=[US, "CO", "EC"],
                  activity_type="exercise", purpose_category="exercise", status=done, start="2024-05-27",
                  end="2024-06-14", series="Resolute Sentinel", authorizations=["authorization:pe-2024-resolute-sentinel"],
                  sites=["site:pe-base-aerea-la-joya"], places=["place:pe-lima", "place:pe-iquitos"],
                  personnel_observed_all_nations=1500, armed=True,
                  sources=cite("acc-rs24", "dvids-474204", "militarymedical-rs24")
                  + cite("acc-rs24", field="personnel_observed_all_nations"),
                  notes="More than 1,500 personnel from 7 nations together (a lower bound); the US share is not "
                        "stated, so personnel_observed (US) stays unknown. Opening at La Joya; more than 1,200 "
                        "patients and about 80 surgeries"),
        _activity("apec-2024-security", "US support for the APEC 2024 leaders' week", activity_type="event_security",
                  purpose_category="event_security", status=done, start="2024-11-04", end="2024-11-24",
                  authorizations=["authorization:pe-rl-32151"],
                  places=["place:pe-lima", "place:pe-pisco", "place:pe-chiclayo"],
                  places_as_written=["Lima", "Pisco", "Chiclayo"], personnel_planned=600, armed=True,
                  sources=cite("rpp-apec", "ptv-apec"),
                  notes="The sources name the cities of Lima, Pisco and Chiclayo, not the facilities used"),
        _activity("sof-training-2025", "US training teams with Peruvian forces, 2025", activity_type="training",
                  purpose_category="training", status=done, start="2025-01-01", end="2025-12-31",
                  authorizations=["authorization:pe-rl-32214"], personnel_planned=55, armed=True,
                  sites=["site:pe-base-antidrogas-santa-lucia", "site:pe-pucusana"],
                  places=["place:pe-lim", "place:pe-lor", "place:pe-aya", "place:pe-cus"],
                  sources=cite("vocesdelsur-2025", "agencia-2025")),
        _activity("uscgc-stone-2025", "USCGC Stone visit to Callao", activity_type="ship_visit",
                  purpose_category="ship_visit", status=done, start="2025-10-02", end="2025-10-06",
                  authorizations=["authorization:pe-2025-uscgc-stone"], places=["place:pe-callao"],
                  personnel_planned=166, armed=True, sources=cite("infobae-stone")),
        _activity("sof-training-2026", "US rotating training teams with Peruvian forces, 2026",
                  activity_type="training", purpose_category="training", status="planned", start="2026-01-01",
                  end="2026-12-31", authorizations=["authorization:pe-bill-13436"], armed=True,
                  status_history=[{"status": "planned", "date": "2025-12-04", "note": "approved by Congress"}],
                  places=["place:pe-lim", "place:pe-lor", "place:pe-aya", "place:pe-cus"],
                  sources=cite("rpp-2026", "larepublica-2026"),
                  notes="Rotations every 3 to 6 months; no report of execution read, so the status stays planned"),
        _activity("namru-south-research", "NAMRU SOUTH medical research", activity_type="research",
                  purpose_category="medical_research", status="ongoing", start="1983-01-20",
                  authorizations=["authorization:pe-agreement-namrid-1983"],
                  sites=["site:pe-namru-south", "site:pe-namru-south-iquitos"], personnel_observed=16,
                  sources=cite("navy-namru-south", "navy-namru6-history")),
        _activity("new-horizons-2008", "New Horizons 2008 (Ayacucho)", activity_type="humanitarian_mission",
                  purpose_category="humanitarian", status=done, start="2008-06-01", end="2008-08-31",
                  series="New Horizons", places=["place:pe-0501", "place:pe-aya"], personnel_observed=990,
                  sources=cite("af-new-horizons-2008"),
                  notes=NO_AUTH + ". About 950-990 rotating US personnel; 3 clinics, 2 schools and a well; about "
                        "US$12M; a temporary base camp outside Huamanga",
                  conflicts=[{"field": "personnel_observed", "chosen": 990, "note": "reported as 'about 950-990' "
                              "rotating personnel; the upper figure is kept", "values": [
                                  {"value": 950, "source": "source:af-new-horizons-2008"},
                                  {"value": 990, "source": "source:af-new-horizons-2008"}]}]),
        _activity("new-horizons-2012", "New Horizons 2012 (Ica and Huancavelica)", activity_type="humanitarian_mission",
                  purpose_category="humanitarian", status=done, start="2012", end="2012", series="New Horizons",
                  places=["place:pe-ica", "place:pe-huv", "place:pe-110211"], personnel_observed=500,
                  sources=cite("12af-new-horizons-2012"),
                  notes=NO_AUTH + ". About 500 personnel; community centre at Tambo de Mora; about 30,000 patients "
                        "targeted"),
        _activity("unitas-2002", "UNITAS 2002 (Iquitos phase)", activity_type="exercise", purpose_category="exercise",
                  status=done, start="2002", end="2002", series="UNITAS", sites=["site:pe-base-naval-iquitos"],
                  personnel_observed=600, sources=cite("freerepublic-unitas-2002"),
                  notes=NO_AUTH + ". About 600 US Marines at the Nanay base; the President denied any base plan"),
        _activity("unitas-2017", "UNITAS LVIII (2017)", visiting_countries=[US], activity_type="exercise",
                  purpose_category="exercise", status=done, start="2017-07", end="2017-07", series="UNITAS",
                  sites=["site:pe-base-infanteria-marina-ancon"], places=["place:pe-callao", "place:pe-150801"],
                  sources=cite("navaltoday-unitas-2017"),
                  notes=NO_AUTH + " (the 2017 annual programme RL was not read). 19 nations; amphibious phase at "
                        "Callao, Ancón and Salinas de Huacho"),
        _activity("unitas-2021", "UNITAS LXII (2021)", activity_type="exercise", purpose_category="exercise",
                  status=done, start="2021-09-24", end="2021-10-06", series="UNITAS",
                  places=["place:pe-callao", "place:pe-lima", "place:pe-iquitos"],
                  personnel_observed_all_nations=5700,
                  sources=cite("dvids-406045", "dialogo-unitas-lxii"),
                  notes=NO_AUTH + ". About 20 nations, 29-32 ships, 4 submarines, 20-26 aircraft, about 5,700 "
                        "personnel (all nations; the US share is not stated)"),
        _activity("siforex-2008", "SIFOREX 2008", activity_type="exercise", purpose_category="exercise", status=done,
                  start="2008-06-12", series="SIFOREX", places=["place:pe-cal"], sources=cite("dialogo-siforex-2021"),
                  notes=NO_AUTH + ". Off Callao: 2 US destroyers, a frigate and 2 SH-60B against 4 Peruvian "
                        "submarines"),
        _activity("siforex-2021", "SIFOREX 2021 (12th edition)", visiting_countries=[US, "CO", "MX"],
                  activity_type="exercise", purpose_category="exercise", status=done, start="2021-09-20",
                  end="2021-09-24", series="SIFOREX", places=["place:pe-cal"], personnel_observed_all_nations=1500,
                  sources=cite("dialogo-siforex-2021"),
                  notes=NO_AUTH + ". About 1,500 personnel and 15 units from Peru, the US, Colombia and Mexico "
                        "(all nations; the US share is not stated)"),
        *comfort(),
        _activity("agua-dulce-drill-2018", "Humanitarian assistance and disaster relief drill, Agua Dulce beach",
                  activity_type="disaster_relief", purpose_category="disaster_relief", status=done, start="2018-11",
                  end="2018-11", places=["place:pe-chorrillos"], places_as_written=["Agua Dulce (Chorrillos)"],
                  personnel_observed=50, sources=cite("embassy-costa-verde-2018"),
                  notes=NO_AUTH + ". About 50 US Marines from USS Somerset. The beach of Agua Dulce is not in the "
                        "gazetteer: its place is its district, Chorrillos"),
        _activity("jcet-2017-san-lorenzo", "JCET 2017: US SEALs with Peruvian FOES", activity_type="training",
                  purpose_category="training", status=done, start="2017-07-14", end="2017-09-13",
                  sites=["site:pe-base-naval-san-lorenzo"], personnel_observed=9, sources=cite("dialogo-jcet-2017"),
                  notes=NO_AUTH + ". 9 US SEALs and 48 Peruvian FOES"),
    ]


def comfort() -> list[dict[str, Any]]:
    base = {"activity_type": "humanitarian_mission", "purpose_category": "humanitarian", "status": "completed",
            "series": "USNS Comfort (Continuing / Enduring Promise)"}
    return [
        _activity("usns-comfort-2007", "USNS Comfort 2007 (Salaverry)", start="2007-08-06",
                  places=["place:pe-130109"], sources=cite("dialogo-comfort"), notes=NO_AUTH, **base),
        _activity("usns-comfort-2011", "USNS Comfort 2011 (Paita)", start="2011", end="2011",
                  places=["place:pe-2005"], sources=cite("dialogo-comfort"), notes=NO_AUTH, **base),
        _activity("usns-comfort-2018", "USNS Comfort 2018 (Paita)", start="2018-10-30", end="2018-11-05",
                  places=["place:pe-2005"], sources=cite("dialogo-comfort"), notes=NO_AUTH, **base),
        _activity("usns-comfort-2019", "USNS Comfort 2019 (Callao)", start="2019-07-10", end="2019-07-14",
                  places=["place:pe-callao"], sources=cite("embassy-comfort-2019", "southcom-1907319"),
                  notes=NO_AUTH, conflicts=[{"field": "start", "chosen": "2019-07-10", "note": "reported as 8 or 10 "
                                             "July", "values": [{"value": "2019-07-08", "source":
                                                                 "source:embassy-comfort-2019"},
                                                                {"value": "2019-07-10", "source":
                                                                 "source:southcom-1907319"}]}], **base),
    ]


def facilities() -> list[dict[str, Any]]:
    note = "exact set-up and dismantling dates not reported: month of the exercise period"
    return [
        {"id": "facility:pe-new-horizons-2008-base-camp", "name": "New Horizons 2008 base camp (outside Huamanga)",
         "facility_type": "base_camp", "activity": "activity:pe-new-horizons-2008", "place": "place:pe-0501",
         "visiting_country": US, "host_country": PE, "personnel": 990,
         "lifecycle": [{"status": "planned", "note": "date not reported"},
                       {"status": "established", "date": "2008-06", "note": note},
                       {"status": "operating", "date": "2008-06-01"},
                       {"status": "dismantled", "date": "2008-08", "note": note}],
         "sources": cite("af-new-horizons-2008")},
        {"id": "facility:pe-resolute-sentinel-2024-field-hospital-lima", "name": "Resolute Sentinel 2024 medical "
         "team, Hospital Dos de Mayo (Lima)", "facility_type": "field_hospital",
         "activity": "activity:pe-resolute-sentinel-2024", "place": "place:pe-lima", "visiting_country": US,
         "host_country": PE, "lifecycle": [{"status": "operating", "date": "2024-05", "note": note},
                                           {"status": "dismantled", "date": "2024-06", "note": note}],
         "sources": cite("dvids-474204", "acc-rs24")},
        {"id": "facility:pe-resolute-sentinel-2024-field-hospital-iquitos", "name": "Resolute Sentinel 2024 medical "
         "team, FAP hospital and Hospital Regional de Loreto (Iquitos)", "facility_type": "field_hospital",
         "activity": "activity:pe-resolute-sentinel-2024", "place": "place:pe-iquitos", "visiting_country": US,
         "host_country": PE, "lifecycle": [{"status": "operating", "date": "2024-05", "note": note},
                                           {"status": "dismantled", "date": "2024-06", "note": note}],
         "sources": cite("militarymedical-rs24")},
    ]


def _aid(slug: str, title: str, sector: str, **fields: Any) -> dict[str, Any]:
    fields.setdefault("provider", "US Department of Defense")
    return {"id": f"assistance:pe-{slug}", "title": title, "sector": sector, "provider_country": US,
            "host_country": PE, **fields}


def assistance() -> list[dict[str, Any]]:
    comfort = "USNS Comfort (US Navy hospital ship)"
    hap = "US Southern Command Humanitarian Assistance Program"
    return [
        _aid("usns-comfort-2011-patients", "USNS Comfort 2011: patients treated", "health", provider=comfort,
             activity="activity:pe-usns-comfort-2011", place="place:pe-2005", start="2011", end="2011",
             reached=7352, sources=cite("dialogo-comfort")),
        _aid("usns-comfort-2018-patients", "USNS Comfort 2018: patients treated", "health", provider=comfort,
             activity="activity:pe-usns-comfort-2018", place="place:pe-2005", start="2018-10-30", end="2018-11-05",
             reached=6229, sources=cite("dialogo-comfort")),
        _aid("usns-comfort-2018-surgeries", "USNS Comfort 2018: surgeries", "health", provider=comfort,
             activity="activity:pe-usns-comfort-2018", place="place:pe-2005", start="2018-10-30", end="2018-11-05",
             quantity=106, unit="surgeries", sources=cite("dialogo-comfort")),
        _aid("usns-comfort-2019-patients", "USNS Comfort 2019: patients treated (more than)", "health",
             provider=comfort, activity="activity:pe-usns-comfort-2019", place="place:pe-callao",
             start="2019-07-10", end="2019-07-14", reached=4560, sources=cite("southcom-1907319"),
             notes="'more than 4,560' as reported"),
        _aid("usns-comfort-2019-surgeries", "USNS Comfort 2019: surgeries (more than)", "health", provider=comfort,
             activity="activity:pe-usns-comfort-2019", place="place:pe-callao", start="2019-07-10",
             end="2019-07-14", quantity=100, unit="surgeries", sources=cite("southcom-1907319"),
             notes="'more than 100' as reported"),
        _aid("resolute-sentinel-2024-patients", "Resolute Sentinel 2024: patients treated (more than)", "health",
             activity="activity:pe-resolute-sentinel-2024", place="place:pe-iquitos", start="2024-05-27",
             end="2024-06-14", reached=1200, sources=cite("dvids-474204"),
             notes="'more than 1,200' patients and about 80 surgeries, Lima and Iquitos together"),
        _aid("new-horizons-2008-clinics", "New Horizons 2008: clinics built", "health",
             activity="activity:pe-new-horizons-2008", place="place:pe-0501", start="2008-06-01", end="2008-08-31",
             quantity=3, unit="clinics", sources=cite("af-new-horizons-2008")),
        _aid("new-horizons-2008-schools", "New Horizons 2008: schools built", "education",
             activity="activity:pe-new-horizons-2008", place="place:pe-0501", start="2008-06-01", end="2008-08-31",
             quantity=2, unit="schools", sources=cite("af-new-horizons-2008")),
        _aid("new-horizons-2008-well", "New Horizons 2008: well drilled", "wash",
             activity="activity:pe-new-horizons-2008", place="place:pe-0501", start="2008-06-01", end="2008-08-31",
             quantity=1, unit="wells", sources=cite("af-new-horizons-2008")),
        _aid("coer-moquegua", "COER Moquegua (emergency operations centre, more than 3,000 m2)",
             "disaster_preparedness", provider=hap, partners=["Gobierno Regional de Moquegua", "INDECI"],
             site="site:pe-coer-moquegua", place="place:pe-moq", start="2018-10-11", value_usd=2200000,
             sources=cite("dialogo-coer-moquegua"), notes="The 15th COER built by the programme"),
        _aid("coer-ucayali", "COER Ucayali (Pucallpa)", "disaster_preparedness", provider=hap,
             partners=["Gobierno Regional de Ucayali", "INDECI"], site="site:pe-coer-ucayali",
             place="place:pe-pucallpa", value_usd=800000, sources=cite("inforegion-coer")),
        _aid("coer-loreto", "Emergency operations centre and warehouse, Iquitos (more than)", "disaster_preparedness",
             provider=hap, partners=["Gobierno Regional de Loreto"], site="site:pe-coer-loreto",
             place="place:pe-iquitos", value_usd=1500000, sources=cite("diariolaregion-207651")),
        _aid("almacen-tacna", "Humanitarian warehouse, Tacna", "disaster_preparedness", provider=hap,
             partners=["Gobierno Regional de Tacna"], site="site:pe-almacen-tacna", place="place:pe-tac",
             start="2015", value_usd=670000, sources=cite("embassy-coer-2017")),
        _aid("coer-amazonas", "COER Amazonas with heliport and humanitarian warehouse", "disaster_preparedness",
             provider=hap, partners=["Gobierno Regional de Amazonas"], site="site:pe-coer-amazonas",
             place="place:pe-ama", start="2016", value_usd=1350000, sources=cite("thedawn-2016")),
        _aid("subdiex-2015-antofagasta", "Support for BAP Antofagasta's SUBDIEX 2015 deployment", "equipment",
             provider="US Navy", start="2015", value_usd=1468000, sources=cite("fdra-subdiex-2015"),
             notes="Donation for the deployment of a Peruvian submarine (RM 770-2015-DE/MGP)"),
    ]


def procurement() -> list[dict[str, Any]]:
    return [{
        "id": "procurement:pe-dsca-25-37", "title": "Design and construction at Callao Naval Base (FMS)",
        "seller_country": US, "buyer_country": PE, "case_number": "25-37", "value_usd": 1500000000,
        "site": "site:pe-base-naval-callao", "status": "notified",
        "lifecycle": [{"status": "requested", "note": "requested by the Government of Peru; date not stated"},
                      {"status": "notified", "date": "2026-01-15", "note": "notified to the US Congress"}],
        "foreign_personnel": 20, "foreign_personnel_years": 10, "financed_by": "Peru (its borrowing law)",
        "sources": cite("dsca-25-37", "latercera-callao", "cnnchile-callao"),
        "notes": "A possible sale: notified is not bought. Services only (design, construction, project and contract "
                 "management, engineering and logistics support), no major defence equipment; estimated maximum "
                 "US$1.5 bn; up to 20 US government or contractor representatives for up to 10 years; aims to move "
                 "the base and free about 80 ha for the commercial port",
    }]
