"""The curated Peru records (facts written by us; every fact-bearing record cites its sources)."""

from __future__ import annotations

from typing import Any

from build_data_sources import cite

US, PE = "US", "PE"
NO_AUTH = "no authorization is known: the instrument authorizing this entry was not found in the sources read"


def instruments() -> list[dict[str, Any]]:
    law = cite("scribd-rl-30724")
    return [
        {"id": "instrument:pe-constitution-1993", "jurisdiction": PE, "type": "CONSTITUTION", "number": "1993",
         "title": "Constitución Política del Perú, art. 102 inc. 8: Congress approves the entry of foreign troops "
                  "provided national sovereignty is not affected", "sources": law,
         "notes": "Cited as legal basis in the recitals of RL 30724 (2018)"},
        {"id": "instrument:pe-ley-27856", "jurisdiction": PE, "type": "LEY", "number": "27856",
         "title": "Ley de requisitos para la autorización y consentimiento para el ingreso de tropas extranjeras",
         "issued_date": "2002", "legal_basis": ["instrument:pe-constitution-1993"],
         "sources": law + cite("pdfdokument-rm-2011"),
         "notes": "Armed entry needs a Resolución Legislativa; unarmed entry for listed purposes is authorized by "
                  "Resolución Ministerial of the Minister of Defence, reported to Congress within 24 hours"},
        {"id": "instrument:pe-ley-28899", "jurisdiction": PE, "type": "LEY", "number": "28899",
         "title": "Ley que modifica la Ley 27856", "modifies": ["instrument:pe-ley-27856"],
         "sources": cite("pdfdokument-rm-2011")},
        {"id": "instrument:pe-ley-30209", "jurisdiction": PE, "type": "LEY", "number": "30209",
         "title": "Ley que modifica la Ley 27856", "modifies": ["instrument:pe-ley-27856"], "sources": law},
        {"id": "instrument:pe-rl-30724", "jurisdiction": PE, "type": "RL", "number": "30724",
         "title": "Programa de Actividades Operacionales de las Fuerzas Armadas del Perú con Fuerzas Armadas "
                  "extranjeras 2018", "published_date": "2018-01-22", "published": True,
         "legal_basis": ["Constitución art. 102 inc. 8", "Ley 27856 arts. 3-4 (as amended by Ley 30209)",
                         "DS 013-2009-DE art. 17"], "sources": law + cite("congreso-p40955"),
         "notes": "Annual programme; its annex (countries, units, dates) was not seen"},
        {"id": "instrument:pe-rl-30746", "jurisdiction": PE, "type": "RL", "number": "30746",
         "title": "Modifies the annex of RL 30724: US security personnel for the VIII Summit of the Americas",
         "published_date": "2018-04-05", "published": True, "modifies": ["instrument:pe-rl-30724"],
         "sources": cite("congreso-p40955", "serperuano-2018-04")},
        {"id": "instrument:pe-rm-945-2016-de-sg", "jurisdiction": PE, "type": "RM", "number": "945-2016-DE/SG",
         "title": "Entry without weapons of US personnel for meetings with NAMRU-6", "issued_date": "2016-08",
         "legal_basis": ["instrument:pe-ley-27856"], "sources": cite("elperuanolegal-rm-945-2016")},
        {"id": "instrument:pe-rl-31757", "jurisdiction": PE, "type": "RL", "number": "31757",
         "bill": "bill:pe-5111", "published_date": "2023-05-31", "published": True,
         "title": "Entry of US air and naval means and personnel with weapons of war (Resolute Sentinel 2023)",
         "sources": cite("misionverdad-2023", "jornada-2023-06-01"),
         "conflicts": [{"field": "number", "chosen": "31757",
                        "note": "uncertain: only Misión Verdad names RL 31757 for bill 5111; La Jornada puts the "
                                "Resolute Sentinel content under RL 31758; not verified against El Peruano",
                        "values": [{"value": "31757", "source": "source:misionverdad-2023"},
                                   {"value": "31758", "source": "source:jornada-2023-06-01"}]}]},
        {"id": "instrument:pe-rl-31758", "jurisdiction": PE, "type": "RL", "number": "31758",
         "bill": "bill:pe-4766", "published_date": "2023-05-31", "published": True,
         "title": "Entry of US military personnel with weapons of war (special operations training 2023)",
         "sources": cite("misionverdad-2023", "jornada-2023-06-01", "proycontra-2023"),
         "conflicts": [{"field": "number", "chosen": "31758",
                        "note": "uncertain: La Lupa calls it RL 31548 (out of the May 2023 numbering sequence, "
                                "probably an error); La Jornada and Misión Verdad say 31758; not verified against "
                                "El Peruano", "values": [{"value": "31758", "source": "source:jornada-2023-06-01"},
                                                         {"value": "31548", "source": "source:proycontra-2023"}]}]},
        {"id": "instrument:pe-rl-32151", "jurisdiction": PE, "type": "RL", "number": "32151",
         "bill": "bill:pe-9307", "published": True, "published_date": "2024-11",
         "title": "Entry of US military personnel with weapons for APEC 2024 support",
         "sources": cite("fpp-apec", "rpp-apec"),
         "notes": "RL number from a single source (FPP); published on a Saturday shortly before 4 Nov 2024 "
                  "(2 Nov 2024 is inferred, not stated)"},
        {"id": "instrument:pe-rl-32214", "jurisdiction": PE, "type": "RL", "number": "32214",
         "title": "Entry of US military personnel with weapons during 2025", "published": True,
         "sources": cite("vocesdelsur-2025", "agencia-2025"),
         "notes": "Approved December 2024; the bill number was not found in the sources read"},
        {"id": "instrument:pe-agreement-namrid-1983", "jurisdiction": PE, "type": "AGREEMENT",
         "title": "Agreement between the Surgeons General of the Peruvian and US navies establishing the Naval "
                  "Medical Research Institute Detachment (NAMRID) in Lima", "issued_date": "1983-01-20",
         "sources": cite("navy-namru6-history", "spectator-namru-40"),
         "notes": "With the concurrence of the US State Department and Peru's Foreign Ministry"},
    ]


def bills() -> list[dict[str, Any]]:
    def bill(number: str, title: str, sources: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
        return {"id": f"bill:pe-{number}", "jurisdiction": PE, "number": number, "title": title, "sources": sources,
                **extra}

    vote = cite("openpolitica-plenos")
    return [
        bill("5111", "Entry of air and naval means and foreign military personnel with weapons of war (Resolute "
             "Sentinel 2023)", vote + cite("congreso-5111"), enacted_as="instrument:pe-rl-31757",
             full_number="5111/2022-PE"),
        bill("4766", "Entry of US military personnel with weapons of war (special operations training)",
             vote + cite("proycontra-2023", "jornada-2023-05-21"), enacted_as="instrument:pe-rl-31758",
             filed="2023-04-20", proposed_by="Executive (Boluarte, Otárola)"),
        bill("9307", "Entry of US military personnel with weapons for APEC 2024", cite("ptv-apec", "ecoperu-apec"),
             enacted_as="instrument:pe-rl-32151", proposed_by="Executive",
             conflicts=[{"field": "number", "chosen": "9307", "note": "Perú TV says 9307, Ecoperú TV says "
                         "9397/2024-PE; 9307 is the number the registry's other sources use",
                         "values": [{"value": "9307", "source": "source:ptv-apec"},
                                    {"value": "9397", "source": "source:ecoperu-apec"}]}]),
        bill("13436", "Entry of US military personnel with weapons during 2026 (rotating training teams)",
             cite("rpp-2026", "larepublica-2026", "namnews-141100"), full_number="13436/2025-CR",
             notes="Published as an RL about 15 Dec 2025 (signed by Jerí and Rospigliosi); the enacted RL number "
                   "was not found, several sources wrongly call it 'Resolución Legislativa 13436/2025-CR'"),
    ]


def _auth(slug: str, **fields: Any) -> dict[str, Any]:
    return {"id": f"authorization:{slug}", "visiting_country": US, "host_country": PE, **fields}


def authorizations() -> list[dict[str, Any]]:
    special = ["Lima", "Callao", "Loreto", "San Martín", "Santa Lucía", "Huánuco", "Ucayali", "Pasco", "Junín",
               "Huancavelica", "Cusco", "Ayacucho", "Iquitos", "Pucusana", "Apurímac"]
    special_places = ["place:pe-lim", "place:pe-cal", "place:pe-lor", "place:pe-sam", "place:pe-221006",
                      "place:pe-huc", "place:pe-uca", "place:pe-pas", "place:pe-jun", "place:pe-huv", "place:pe-cus",
                      "place:pe-aya", "place:pe-iquitos", "place:pe-pucusana", "place:pe-apu"]
    places_2025 = ["place:pe-lim", "place:pe-cal", "place:pe-lor", "place:pe-sam", "place:pe-huc", "place:pe-uca",
                   "place:pe-pas", "place:pe-jun", "place:pe-huv", "place:pe-cus", "place:pe-aya", "place:pe-apu",
                   "place:pe-221006", "place:pe-puerto-maldonado", "place:pe-iquitos", "place:pe-pucusana"]
    places_2026 = ["place:pe-lim", "place:pe-cal", "place:pe-lor", "place:pe-sam", "place:pe-huc", "place:pe-uca",
                   "place:pe-pas", "place:pe-jun", "place:pe-cus", "place:pe-aya", "place:pe-iquitos",
                   "place:pe-pucusana", "place:pe-puerto-maldonado", "place:pe-apu"]
    return [
        _auth("pe-rl-30724", instrument="instrument:pe-rl-30724", armed=True, purpose_category="training",
              purpose="Annual programme of operational activities of the Peruvian Armed Forces with foreign armed "
              "forces, 2018 (entry of naval units and foreign military personnel)", start="2018", end="2018",
              sources=cite("scribd-rl-30724", "congreso-p40955"),
              notes="The annex (countries, units, dates, personnel) was not seen; the visiting country recorded here "
                    "is the one its modification RL 30746 documents (the United States), others may be listed"),
        _auth("pe-rl-30746", instrument="instrument:pe-rl-30746", armed=True, purpose_category="event_security",
              purpose="Security for the US President and delegation at the VIII Summit of the Americas (Lima)",
              start="2018-04-05", personnel=568, places=["place:pe-lima"], places_as_written=["Lima"],
              equipment=[{"item": "Black Hawk helicopter", "quantity": 2}, {"item": "E-3 aircraft", "quantity": 4},
                         {"item": "C-17 aircraft", "quantity": 1}],
              sources=cite("congreso-p40955", "serperuano-2018-04"),
              notes="18 days from publication (end date not stated as a date); 568 is the sum of the two reported "
                    "figures (114 + 454), not a number either source states",
              conflicts=[{"field": "units", "note": "Congress news: 114 army + 454 armed forces; Andina: 114 + 454 "
                          "air force; the breakdown by service differs", "values": [
                              {"value": "114 army, 454 armed forces", "source": "source:congreso-p40955"},
                              {"value": "114, 454 air force", "source": "source:serperuano-2018-04"}]}]),
        _auth("pe-rl-31757", instrument="instrument:pe-rl-31757", bill="bill:pe-5111", armed=True,
              purpose_category="exercise", purpose="Training cooperation associated with the exercise RESOLUTE "
              "SENTINEL 2023 (air and naval means)", start="2023-06-01", end="2023-08-29", personnel=1172,
              units=["US Air Force", "US Space Force", "US special operations forces"],
              places=["place:pe-lima", "place:pe-cal", "place:pe-pucusana", "place:pe-talara", "place:pe-piu",
                      "place:pe-chiclayo"], places_as_written=["Lima", "Callao", "Pucusana", "Talara", "Piura",
                                                               "Chiclayo"],
              sources=cite("congreso-5111", "canal-i-25074", "misionverdad-2023", "namnews-89491"),
              conflicts=[{"field": "personnel", "chosen": 1172, "note": "Congress news gives 1,172 in total; NNN "
                          "gives 970 for the largest group only", "values": [
                              {"value": 1172, "source": "source:congreso-5111"},
                              {"value": 970, "source": "source:namnews-89491", "note": "largest group"}]}]),
        _auth("pe-rl-31758", instrument="instrument:pe-rl-31758", bill="bill:pe-4766", armed=True,
              purpose_category="training", purpose="Special-operations support, assistance and training with the "
              "Joint Command and the National Police", start="2023-06-01", end="2023-12-31",
              host_units=["CIOEC", "FEC", "FOES", "GRUFE", "DIRANDRO", "DIROES"], places=special_places,
              places_as_written=special, sources=cite("jornada-2023-06-01", "misionverdad-2023", "proycontra-2023",
                                                      "semana-2023"),
              notes="Personnel not specified (La Lupa); a first group of 25 special forces and 5 specialists reported",
              conflicts=[{"field": "places", "note": "La Lupa and La Jornada (21 May) list 14 places without Santa "
                          "Lucía; La Jornada (1 Jun) and Misión Verdad list 15 with Santa Lucía", "chosen": 15,
                          "values": [{"value": 14, "source": "source:proycontra-2023"},
                                     {"value": 15, "source": "source:jornada-2023-06-01"}]}]),
        _auth("pe-rl-32151", instrument="instrument:pe-rl-32151", bill="bill:pe-9307", armed=True,
              purpose_category="event_security", purpose="Administrative, logistic and security support around the "
              "APEC 2024 leaders' meetings (US presidential visit); costs borne by the US DoD",
              start="2024-11-04", end="2024-11-24", personnel=600,
              units=["US Army", "US Air Force", "US Marine Corps"],
              places=["place:pe-lima", "place:pe-pisco", "place:pe-chiclayo"],
              places_as_written=["Lima", "Pisco", "Chiclayo"],
              equipment=[{"item": "VC-25 / B-747-200B", "quantity": 2}, {"item": "MH-60 Black Hawk", "quantity": 4},
                         {"item": "KC-135 or KC-10 tanker", "quantity": 4}, {"item": "M4 rifle", "quantity": 160},
                         {"item": "M9 pistol", "quantity": 20}, {"item": "shotgun", "quantity": 18},
                         {"item": "M249", "quantity": 6}, {"item": "sniper rifle", "quantity": 4},
                         {"item": "IR illuminator", "quantity": 48}, {"item": "refuelling truck", "quantity": 10}],
              date_change_allowed_by="RS refrendada by the Minister of Defence, before entry",
              sources=cite("rpp-apec", "ptv-apec", "fpp-apec", "ecoperu-apec"),
              conflicts=[{"field": "personnel", "chosen": 600, "note": "'600' (RPP, Ecoperú) vs 'more than 600' "
                          "(Perú TV)", "values": [{"value": 600, "source": "source:rpp-apec"},
                                                  {"value": "more than 600", "source": "source:ptv-apec"}]}]),
        _auth("pe-rl-32214", instrument="instrument:pe-rl-32214", armed=True, purpose_category="training",
              purpose="Support, assistance and training cooperation with the Armed Forces and the National Police",
              start="2025-01-01", end="2025-12-31", personnel=55, units=["US Department of Defense personnel"],
              places=places_2025, places_as_written=["Lima", "Callao", "Loreto", "San Martín", "Huánuco", "Ucayali",
                                                     "Pasco", "Junín", "Huancavelica", "Cusco", "Ayacucho",
                                                     "Apurímac", "Santa Lucía", "Puerto Maldonado", "Iquitos",
                                                     "Pucusana"],
              equipment=[{"item": "M4 rifle"}, {"item": "Glock pistol"}, {"item": "grenade launcher"},
                         {"item": "machine gun"}],
              date_change_allowed_by="RS refrendada by the Minister of Defence, reported within 48 hours",
              sources=cite("vocesdelsur-2025", "agencia-2025"),
              conflicts=[{"field": "places", "chosen": 16, "note": "Agencia de Noticias names only four places "
                          "'among others'; Prensa Latina lists 16", "values": [
                              {"value": 4, "source": "source:agencia-2025"},
                              {"value": 16, "source": "source:vocesdelsur-2025"}]}]),
        _auth("pe-bill-13436", bill="bill:pe-13436", armed=True, purpose_category="training",
              purpose="Training, joint exercises, support and assistance with special units of the Armed Forces and "
              "the National Police; teams rotating every 3 to 6 months", start="2026-01-01", end="2026-12-31",
              units=["US special operations forces", "SEAL team", "civil affairs", "military intelligence"],
              host_units=["CIOEC", "FEC", "FOES", "GRUFE", "Army SF brigades 1, 3, 6", "DIROES", "DIRANDRO",
                          "GRECCO"], places=places_2026,
              places_as_written=["Lima", "Callao", "Loreto", "San Martín", "Huánuco", "Ucayali", "Pasco", "Junín",
                                 "Cusco", "Ayacucho", "Iquitos", "Pucusana", "Puerto Maldonado", "Apurímac"],
              equipment=[{"item": "M4", "quantity": 14}, {"item": "Glock / M17", "quantity": 14},
                         {"item": "M249", "quantity": 2}, {"item": "M240", "quantity": 2},
                         {"item": "M320", "quantity": 2}, {"item": "mortar", "quantity": 2},
                         {"item": "XM2010", "quantity": 2}, {"item": "M110 SASS", "quantity": 2},
                         {"item": "M22", "quantity": 2}, {"item": "SCAR", "quantity": 4},
                         {"item": "shotgun", "quantity": 2}],
              sources=cite("rpp-2026", "larepublica-2026", "panamericana-2026", "namnews-141100"),
              notes="Personnel per rotation not stated (the weapons list suggests a team of about 14: an inference, "
                    "not a figure); the enacted RL number was not found",
              conflicts=[{"field": "equipment", "note": "sdpnoticias lists M32 grenade launchers, Panamericana M320; "
                          "counts of M249 and XM2010 also differ", "values": [
                              {"value": "M320", "source": "source:panamericana-2026"},
                              {"value": "M32", "source": "source:rpp-2026"}]}]),
        _auth("pe-rm-945-2016-de-sg", instrument="instrument:pe-rm-945-2016-de-sg", armed=False,
              purpose_category="coordination_visit", purpose="Meetings with NAMRU-6", start="2016-09-08",
              end="2016-09-15", places=["place:pe-cal", "place:pe-iquitos", "place:pe-puerto-maldonado"],
              places_as_written=["Callao", "Iquitos", "Puerto Maldonado"],
              sources=cite("elperuanolegal-rm-945-2016")),
        _auth("pe-agreement-namrid-1983", instrument="instrument:pe-agreement-namrid-1983",
              purpose_category="medical_research", purpose="A US Navy medical research detachment hosted by the "
              "Peruvian Navy", start="1983-01-20", places=["place:pe-centro-medico-naval"],
              places_as_written=["Lima"], units=["US Navy NAMRID / NMRCD / NAMRU-6 / NAMRU SOUTH"],
              sources=cite("navy-namru6-history"),
              notes="Written as Lima; the place is the Centro Médico Naval in Bellavista (Callao), where the unit "
                    "works"),
        # ship visits and exercises the 2023 plenary votes authorize (official votes: vote records)
        _auth("pe-bill-5907", bill="bill:pe-5907", armed=True, purpose_category="ship_visit",
              purpose="Two naval units of the US Coast Guard", units=["US Coast Guard"],
              sources=cite("openpolitica-plenos"), notes="Dates, ports and personnel not in the vote subject; "
              "the RL number was not found"),
        _auth("pe-bill-6018", bill="bill:pe-6018", armed=True, purpose_category="exercise",
              purpose="US Navy participation in SIFOREX XIII-2023 in the Callao operations area", start="2023-10-15",
              end="2023-11-01", places=["place:pe-cal"], places_as_written=["Callao"],
              units=["USS Hampton (SSN-767)", "P-8A Poseidon (2)", "helicopters (2)", "destroyer"],
              sources=cite("openpolitica-plenos", "diario-octubre-6018", "natescrest-6018"),
              conflicts=[{"field": "start", "chosen": "2023-10-15", "note": "Diario Octubre gives 20-27 Oct (the "
                          "exercise); Natescrest gives a stay of 15 Oct-1 Nov", "values": [
                              {"value": "2023-10-20", "source": "source:diario-octubre-6018"},
                              {"value": "2023-10-15", "source": "source:natescrest-6018"}]}]),
        _auth("pe-bill-6019", bill="bill:pe-6019", visiting_country="CO", armed=True, purpose_category="ship_visit",
              purpose="Colombian Navy sail training ship ARC Gloria: training cruise of cadets", start="2023-10-27",
              end="2023-11-07", personnel=670, places=["place:pe-callao"], places_as_written=["Callao"],
              sources=cite("congreso-p270180", "openpolitica-plenos")),
        _auth("pe-bill-5655", bill="bill:pe-5655", visiting_country="AR", armed=True, purpose_category="ship_visit",
              purpose="A naval unit of the Argentine Navy", sources=cite("openpolitica-plenos"),
              notes="Dates, port and personnel not in the vote subject; the RL number was not found"),
        _auth("pe-bill-4734", bill="bill:pe-4734", visiting_country="CL", armed=True, purpose_category="ship_visit",
              purpose="A naval unit of the Chilean Navy", sources=cite("openpolitica-plenos"),
              notes="Dates, port and personnel not in the vote subject; the RL number was not found"),
        _auth("pe-bill-6416", bill="bill:pe-6416", visiting_country="EC", armed=True, purpose_category="ship_visit",
              purpose="Entry and transit through territorial waters of an Ecuadorian naval unit",
              sources=cite("openpolitica-plenos"),
              notes="Dates and personnel not in the vote subject; the RL number was not found"),
        _auth("pe-bill-5379", bill="bill:pe-5379", visiting_country="JP", armed=True, purpose_category="ship_visit",
              purpose="Naval units of Japan", sources=cite("openpolitica-plenos"),
              notes="Dates, port and personnel not in the vote subject; the RL number was not found"),
        _auth("pe-2024-resolute-sentinel", armed=True, purpose_category="exercise",
              purpose="Training cooperation associated with RESOLUTE SENTINEL 2024", start="2024-05-01",
              end="2024-06-23", personnel=1098,
              places=["place:pe-ancon", "place:pe-are", "place:pe-iquitos", "place:pe-lima", "place:pe-pucallpa",
                      "place:pe-pucusana"],
              places_as_written=["Ancón", "Salinas", "Arequipa", "Iquitos", "Lima", "Pucallpa", "Pucusana"],
              sources=cite("larazon-rs24"),
              notes="Single source (La Razón, 18 Apr 2024), vote 76-29-1 reported; US share 1,098; Colombia (73) "
                    "and Ecuador (36 + 15) were authorized in the same act; 'Salinas' is not resolved to a place "
                    "(ambiguous); the RL number was not found"),
        _auth("pe-2024-colombia-hydrography", visiting_country="CO", purpose_category="academic",
              purpose="Colombian naval unit: scientific and hydrographic exchange with the Peruvian Navy",
              start="2024-02-28", end="2024-03-06", places=["place:pe-callao"], places_as_written=["Callao"],
              sources=cite("prensa-latina-2024-02"), notes="Ship, personnel and RL number not in the source read"),
        _auth("pe-2024-chile-ilo", visiting_country="CL", armed=True, purpose_category="exercise",
              purpose="Chilean Navy launch Arica: oil-spill pollution-control exercise Neptuno", start="2024-11-06",
              end="2024-11-08", personnel=10, places=["place:pe-ilo"], places_as_written=["Ilo"],
              sources=cite("rpp-ilo"), notes="Year 2024 inferred from the publication date; RL number not found"),
        _auth("pe-2025-uscgc-stone", armed=True, purpose_category="ship_visit",
              purpose="Goodwill visit and joint training of the US Coast Guard cutter USCGC Stone (WMSL 758)",
              start="2025-10-02", end="2025-10-06", personnel=166, places=["place:pe-callao"],
              places_as_written=["Callao"], units=["USCGC Stone (WMSL 758)", "MH-65E helicopter"],
              sources=cite("infobae-stone"),
              conflicts=[{"field": "end", "chosen": "2025-10-06", "note": "activities until 6 Oct; may stay in "
                          "Peruvian waters until 8 Oct", "values": [{"value": "2025-10-06", "source":
                                                                     "source:infobae-stone"},
                                                                    {"value": "2025-10-08", "source":
                                                                     "source:infobae-stone"}]}],
              notes="A Coast Guard (not DoD) unit; RL number not found"),
        _auth("pe-2025-japan-training-ships", visiting_country="JP", armed=True, purpose_category="ship_visit",
              purpose="JMSDF training ships Kashima and Shimakaze: training cruise with a protocol visit",
              start="2025-07-21", places=["place:pe-callao"], places_as_written=["Callao"],
              sources=cite("larepublica-2025-07"), notes="Earliest entry date reported; RL number not found"),
        _auth("pe-2026-arc-simon-bolivar", visiting_country="CO", armed=True, purpose_category="ship_visit",
              purpose="Colombian research vessel ARC Simón Bolívar: protocol activities of the Antarctic "
              "expedition", start="2026-03-12", end="2026-03-22", personnel=88, places=["place:pe-callao"],
              places_as_written=["Callao"], sources=cite("infobae-simon-bolivar")),
    ]
