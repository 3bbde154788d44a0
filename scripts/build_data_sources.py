"""Sources of the curated Peru dataset: one record per URL (facts written by us, citing where they come from)."""

from __future__ import annotations

from typing import Any

# slug -> (url, publisher, date or None, reliability, title)
SOURCES: dict[str, tuple[str, str, str | None, str, str]] = {
    # legal framework
    "scribd-rl-30724": ("https://scribd.com/document/411322392/Ley-Que-Declara-de-Prioridad-e-Interes-Nacional-"
                        "La-Construcc-Ley-n-30723-1608601-10-Es-en-1", "El Peruano (copy on Scribd)", "2018-01-22",
                        "official", "El Peruano, 22 Jan 2018: Resolución Legislativa 30724"),
    "pdfdokument-rm-2011": ("https://p.pdfdokument.com/2esoucion-jvinisteria_5ef35bac097c47af308e5218.html",
                            "Ministerio de Defensa (copy)", None, "official",
                            "Resolución Ministerial (2011) citing art. 5 of Ley 27856"),
    "elperuanolegal-rm-945-2016": ("http://elperuanolegal.blogspot.com.es/2016/08/resolucion-ministerial-n-945-"
                                   "2016-desg.html", "El Peruano Legal (blog copy)", "2016-08", "other",
                                   "Resolución Ministerial 945-2016-DE/SG"),
    # 2018
    "congreso-p40955": ("https://comunicaciones.congreso.gob.pe/?p=40955", "Congreso de la República", "2018-04-04",
                        "official", "Congress news: entry of US security personnel for the Summit of the Americas"),
    "serperuano-2018-04": ("https://serperuano.com/2018/04/congreso-autoriza-ingreso-militar-de-seguridad-de-donald-"
                           "trump", "Serperuano (Andina)", "2018-04", "press",
                           "Congress authorizes US security personnel for Donald Trump's visit"),
    # 2023
    "congreso-5111": ("https://comunicaciones.congreso.gob.pe/noticias/aprueban-ingreso-de-tropas-estadounidenses-"
                      "para-ejercicios-de-entrenamiento", "Congreso de la República", "2023-05-25", "official",
                      "Congress news: entry of US troops for training exercises approved"),
    "canal-i-25074": ("https://canal-i.com/?p=25074", "Canal i", "2023-05", "press", "Canal i on bill 5111"),
    "misionverdad-2023": ("https://misionverdad.com/peru-aprueba-el-ingreso-de-tropas-estadounidenses-en-territorio-"
                          "nacional", "Misión Verdad", "2023-06", "partisan",
                          "Peru approves the entry of US troops"),
    "jornada-2023-06-01": ("https://jornada.com.mx/2023/06/01/mundo/027n2mun", "La Jornada", "2023-06-01", "press",
                           "La Jornada, 1 Jun 2023"),
    "jornada-2023-05-21": ("https://jornada.com.mx/notas/2023/05/21/mundo/el-congreso-de-peru-autoriza-el-ingreso-de-"
                           "tropas-de-eu", "La Jornada", "2023-05-21", "press", "La Jornada, 21 May 2023"),
    "proycontra-2023": ("https://proycontra.com.pe/y-la-soberania-nacional-congreso-aprueba-el-ingreso-de-tropas-"
                        "militares-de-estados-unidos", "La Lupa (Pro y Contra)", "2023-05", "press",
                        "La Lupa on the 2023 special-forces authorization"),
    "semana-2023": ("https://semana.com/amp/mundo/articulo/a-este-pais-latinoamericano-llegaran-mas-de-1000-soldados-"
                    "de-estados-unidos-para-entrenamiento-militar/202348", "Semana", "2023-05", "press",
                    "Semana on US troops arriving in Peru for training"),
    "namnews-89491": ("http://namnewsnetwork.org/es/?p=89491", "NNN", "2023-05", "press", "NNN on the 2023 RLs"),
    "diario-octubre-6018": ("https://diario-octubre.com/2023/10/06/el-congreso-de-peru-aprueba-nuevo-ingreso-de-tropas-"
                            "de-ee-uu-con-armas-de-guerra/", "Diario Octubre", "2023-10-06", "partisan",
                            "Congress approves a new entry of US troops (SIFOREX 2023)"),
    "natescrest-6018": ("https://www.natescrest.com/congress-authorized-the-entry-of-us-troops-to-participate-in-"
                        "military-exercises/", "Natescrest", "2023-10", "other",
                        "Congress authorized the entry of US troops for exercises (machine translation)"),
    "congreso-p270180": ("https://comunicaciones.congreso.gob.pe/?p=270180", "Congreso de la República",
                         "2023-10-19", "official", "Congress news: entry of the Colombian ship ARC Gloria"),
    # 2024
    "larazon-rs24": ("https://larazon.pe/congreso-autoriza-ingreso-militares-extranjeros", "La Razón", "2024-04-18",
                     "press", "Congress authorizes entry of foreign military personnel (Resolute Sentinel 2024)"),
    "acc-rs24": ("https://www.acc.af.mil/News/Article-Display/Article/3792459/", "US Air Combat Command", "2024-06",
                 "official", "Resolute Sentinel 24"),
    "march-rs": ("https://www.march.afrc.af.mil/News/Features/Display/Article/3468789/", "US Air Force Reserve",
                 "2023-07", "official", "Resolute Sentinel 23 feature"),
    "militarymedical-rs24": ("https://militarymedical.com/2024/06/iquitos-medical-team-provides-aid-to-peruvian-"
                             "hospital-during-resolute-sentinel-2024", "Military Medical", "2024-06", "press",
                             "Iquitos medical team during Resolute Sentinel 2024"),
    "dvids-474204": ("https://dvidshub.net/news/474204/resolute-sentinel-24-concludes-strengthens-global-partnerships",
                     "DVIDS", "2024-06", "official", "Resolute Sentinel 24 concludes"),
    "fpp-apec": ("https://fpp.org.pe/militares-de-ee-uu-permaneceran-en-peru-hasta-el-24-de-noviembre-2024", "FPP",
                 "2024-11", "press", "US military to stay in Peru until 24 November 2024"),
    "rpp-apec": ("https://amp.rpp.pe/politica/congreso/congreso-publico-resolucion-que-autoriza-el-ingreso-de-"
                 "militares-estadounidenses-en-el-marco-de-apec-noticia-1595768", "RPP", "2024-11-02", "press",
                 "Congress publishes the RL authorizing US military for APEC"),
    "ptv-apec": ("https://p-tv.pe/congreso-autoriza-ingreso-de-militares-de-ee-uu-para-apec/", "Perú TV", "2024-10-31",
                 "press", "Congress authorizes US military for APEC"),
    "ecoperu-apec": ("https://ecoperu.tv/apec-2024-gobierno-pide-el-ingreso-de-600-militares-de-ee-uu-para-reforzar-"
                     "seguridad", "Ecoperú TV", "2024-10", "press", "Government asks entry of 600 US military"),
    "prensa-latina-2024-02": ("https://prensa-latina.cu/2024/02/26/parlamento-de-peru-autoriza-ingreso-de-nave-y-"
                              "militares-colombianos", "Prensa Latina", "2024-02-26", "press",
                              "Peru's parliament authorizes a Colombian ship and military"),
    "rpp-ilo": ("https://rpp.pe/politica/congreso/congreso-oficializa-ingreso-de-unidad-naval-y-personal-militar-"
                "armado-chileno-al-puerto-de-ilo-en-moquegua-noticia-1595778", "RPP", "2024-11-02", "press",
                "Chilean naval unit authorized in Ilo"),
    # 2025-2026
    "vocesdelsur-2025": ("https://vocesdelsur.prensa-latina.cu/peru-autoriza-ingreso-de-militares-de-estados-unidos-"
                         "durante-el-2025", "Prensa Latina", "2024-12", "press",
                         "Peru authorizes entry of US military during 2025"),
    "agencia-2025": ("https://agenciadenoticiasperu.com/militares-de-ee-uu-entrenaran-a-fuerzas-peruanas-durante-el-"
                     "2025", "Agencia de Noticias Perú", "2024-12", "press", "US military to train Peruvian forces in 2025"),
    "rpp-2026": ("https://rpp.pe/politica/congreso/congreso-aprobo-ingreso-de-personal-militar-de-estados-unidos-al-"
                 "peru-noticia-1666676", "RPP", "2025-12-04", "press", "Congress approved entry of US military for 2026"),
    "larepublica-2026": ("https://larepublica.pe/politica/2025/12/05/congreso-aprueba-ingreso-de-tropas-"
                         "estadounidenses-en-territorio-peruano-durante-todo-el-2026-hnews-362085", "La República",
                         "2025-12-05", "press", "Congress approves US troops for all of 2026"),
    "namnews-141100": ("http://www.namnewsnetwork.org/es/?p=141100", "NNN (Telesur)", "2025-12-16", "press",
                       "RL for 2026 published"),
    "panamericana-2026": ("https://panamericana.pe/politica/460419-congreso-aprobo-ingreso-militares-eeuu-participaran-"
                          "actividades-ffaa-pnp", "Panamericana", "2025-12-04", "press",
                          "Congress approved entry of US military for FFAA and PNP activities"),
    "infobae-stone": ("https://www.infobae.com/peru/2025/10/02/congreso-aprueba-ingreso-de-buque-de-guerra-"
                      "estadounidense-al-callao-armamento-helicoptero-y-166-militares-tripulantes/", "Infobae",
                      "2025-10-02", "press", "Congress approves entry of a US warship to Callao"),
    "larepublica-2025-07": ("https://larepublica.pe/sociedad/2025/07/02/peru-autorizo-que-personal-militar-extranjero-"
                            "ingrese-con-armas-de-guerra-desde-el-21-de-julio-esta-es-la-razon-lrtmae-49270",
                            "La República", "2025-07-02", "press", "Foreign military personnel authorized from 21 July"),
    "infobae-simon-bolivar": ("https://www.infobae.com/peru/2026/03/12/gobierno-aprueba-el-ingreso-de-buque-del-"
                              "ejercito-de-colombia-al-puerto-del-callao-con-armas-de-guerra/", "Infobae", "2026-03-12",
                              "press", "Colombian ship ARC Simón Bolívar authorized in Callao"),
    # long-standing presence
    "navy-namru6-history": ("https://www.med.navy.mil/sites/NAMRU6/Pages/history.htm", "US Navy BUMED", None,
                            "official", "NAMRU-6 history"),
    "navy-namru-south": ("https://www.med.navy.mil/Naval-Medical-Research-Command/R-D-Commands/Naval-Medical-"
                         "Research-Unit-SOUTH/About-Us/", "US Navy BUMED", None, "official", "NAMRU SOUTH: About us"),
    "spectator-namru-40": ("https://securitynews.spectator.co.nz/2023/01/20/defense-news-namru-6-celebrates-40-years-"
                           "of-medical-research", "Spectator (Defense News)", "2023-01-20", "press",
                           "NAMRU-6 celebrates 40 years of medical research"),
    "wikipedia-namru-south": ("https://en.wikipedia.org/wiki/Naval_Medical_Research_Unit_South", "Wikipedia", None,
                              "other", "Naval Medical Research Unit South"),
    "csmonitor-1989": ("https://www.csmonitor.com/1989/1107/operu.html", "Christian Science Monitor", "1989-11-07",
                       "press", "Santa Lucía anti-drug base"),
    "latimes-1989": ("https://www.latimes.com/archives/la-xpm-1989-09-21-mn-936-story.html", "Los Angeles Times",
                     "1989-09-21", "press", "US-Peru anti-drug base in the Upper Huallaga"),
    "sunsentinel-1990": ("https://www.sun-sentinel.com/news/fl-xpm-1990-05-13-9001080046-story.html", "Sun Sentinel",
                         "1990-05-13", "press", "Santa Lucía base after the April 1990 attack"),
    "embassy-coer-2017": ("https://pe.usembassy.gov/es/estados-unidos-apoya-esfuerzos-de-asistencia-humanitaria-por-"
                          "las-inundaciones-en-el-peru/", "US Embassy Lima", "2017", "official",
                          "US supports humanitarian assistance efforts for the floods in Peru"),
    "embassy-costa-verde-2018": ("https://pe.usembassy.gov/es/estados-unidos-y-peru-realizaron-gran-ejercicio-y-"
                                 "simulacro-de-ayuda-humanitaria-en-la-costa-verde/", "US Embassy Lima", "2018-11",
                                 "official", "US and Peru held a humanitarian-aid exercise on the Costa Verde"),
    "dialogo-coer-moquegua": ("https://dialogo-americas.com/pt/articles/us-delivers-new-emergency-operations-center-"
                              "peru", "Diálogo Américas", "2018-10", "official",
                              "US delivers new emergency operations center to Peru"),
    "inforegion-coer": ("https://archivo.inforegion.pe/inauguran-centro-de-operaciones-de-emergencia-ante-desastres-"
                        "naturales", "Inforegión", None, "press", "Emergency operations centre inaugurated"),
    "diariolaregion-207651": ("https://diariolaregion.com/?p=207651", "Diario La Región", None, "press",
                              "Iquitos emergency operations centre and warehouse"),
    # exercises and visits
    "navaltoday-unitas-2017": ("https://www.navaltoday.com/2017/07/19/peru-hosts-19-nations-for-multilateral-"
                               "exercise-unitas/", "Naval Today", "2017-07-19", "press",
                               "Peru hosts 19 nations for UNITAS"),
    "dvids-406045": ("https://www.dvidshub.net/news/406045/unitas-lxii-kicks-off-lima", "DVIDS", "2021-09",
                     "official", "UNITAS LXII kicks off in Lima"),
    "dialogo-unitas-lxii": ("https://dialogo-americas.com/articles/unitas-lxii-a-hemispheric-link/",
                            "Diálogo Américas", "2021-10", "official", "UNITAS LXII: a hemispheric link"),
    "freerepublic-unitas-2002": ("http://www.freerepublic.com/focus/news/750941/posts", "Free Republic (repost)",
                                 "2002", "other", "US Marines in Iquitos for UNITAS 2002"),
    "dialogo-siforex-2021": ("https://dialogo-americas.com/articles/peru-us-colombia-mexico-take-part-in-siforex-2021/",
                             "Diálogo Américas", "2021-09", "official", "SIFOREX 2021"),
    "embassy-comfort-2019": ("https://pe.usembassy.gov/usns-comfort-will-treat-patients-callao/", "US Embassy Lima",
                             "2019-07", "official", "USNS Comfort will treat patients in Callao"),
    "dialogo-comfort": ("https://dialogo-americas.com/articles/u-s-hospital-ship-usns-comfort-provides-relief-in-peru/",
                        "Diálogo Américas", "2018-11", "official", "USNS Comfort provides relief in Peru"),
    "southcom-1907319": ("https://www.southcom.mil/MEDIA/NEWS-ARTICLES/Article/1907319/", "US Southern Command",
                         "2019-07", "official", "USNS Comfort in Peru (2019)"),
    "af-new-horizons-2008": ("https://www.af.mil/News/Article-Display/Article/123372/servicemembers-take-humanitarian-"
                             "mission-to-peru", "US Air Force", "2008", "official",
                             "Servicemembers take humanitarian mission to Peru"),
    "12af-new-horizons-2012": ("https://www.12af.acc.af.mil/News/Article-Display/Article/319640/new-horizons-peru-"
                               "2012-brings-a-new-beginning/", "12th Air Force", "2012", "official",
                               "New Horizons Peru 2012"),
    "infodefensa-siforex-2023": ("https://infodefensa.com/texto-diario/mostrar/4439500/armadas-peru-estados-unidos-"
                                 "concluyen-planeamiento-ejercicio-siforex-xii-2023", "Infodefensa", "2023-09", "press",
                                 "Peruvian and US navies conclude the planning of SIFOREX XIII-2023"),
    "marina-fuerza-submarinos-2011": ("https://issuu.com/puntowhite/docs/100_a__os_fuerza_submarina",
                                      "Marina de Guerra del Perú (book on Issuu)", "2011", "official",
                                      "Fuerza de Submarinos, 100 años: 1911-2011"),
    "dialogo-jcet-2017": ("https://dialogo-americas.com/articles/u-s-seals-train-peruvian-navy-commandos/",
                          "Diálogo Américas", "2017-09", "official", "US SEALs train Peruvian Navy commandos"),
    "fdra-subdiex-2015": ("http://fdra-nd.blogspot.com/2015/09/us-navy-subsidia-participacion-peruana.html",
                          "FDRA (blog)", "2015-09", "other", "US Navy funds the Peruvian submarine deployment"),
    # 2026 procurement
    "dsca-25-37": ("https://www.dsca.mil/Press-Media/Major-Arms-Sales/Article-Display/Article/4380611/peru-design-and-"
                   "construction-at-callao-naval-base", "Defense Security Cooperation Agency", "2026-01-15", "official",
                   "Peru: design and construction at Callao Naval Base (Transmittal 25-37)"),
    "latercera-callao": ("https://www.latercera.com/mundo/noticia/en-medio-del-avance-chino-eeuu-aprueba-millonario-"
                         "acuerdo-para-base-naval-en-peru/", "La Tercera", "2026-01", "press",
                         "US approves agreement for a naval base in Peru"),
    "cnnchile-callao": ("https://www.cnnchile.com/mundo/ee-uu-aprueba-financiamiento-para-nueva-base-naval-peruana-en-"
                        "el-callao-por-us1-500-millones_20260116/", "CNN Chile", "2026-01-16", "press",
                        "US approves USD 1.5 bn for a new Peruvian naval base in Callao"),
    "marina-nueva-base-2023": ("https://www.gob.pe/institucion/marina/noticias/780437-comandante-general-de-la-marina-"
                               "coloca-la-primera-piedra-de-la-nueva-base-naval-del-callao", "Marina de Guerra del Perú",
                               "2023-06-20", "official", "First stone of the new Callao Naval Base"),
    # claims
    "larepublica-verificador-callao": ("https://larepublica.pe/verificador/2026/01/24/estados-unidos-no-compro-la-base-"
                                       "naval-del-callao-por-us1500-millones-en-realidad-se-trata-de-un-acuerdo-para-"
                                       "modernizar-la-instalacion-1458456", "La República – Verificador", "2026-01-24",
                                       "press", "The US did not buy Callao Naval Base"),
    "diariocritico-2009": ("https://www.diariocritico.com/noticia/130119/noticias/embajador-de-ee.uu.-niega-bases-en-"
                           "peru.html", "Diario Crítico", "2009-03", "press", "US ambassador denies bases in Peru"),
    "thedawn-2016": ("http://www.thedawn-news.org/2016/12/30/us-military-presence-in-latin-america-increases-new-"
                     "military-base-in-peru/", "The Dawn", "2016-12-30", "partisan",
                     "Claim of a new US military base in Peru"),
    "biobio-2009": ("https://www.biobiochile.cl/noticias/2009/11/03/gobierno-colombiano-divulgo-acuerdo-militar-"
                    "firmado-con-estados-unidos.shtml", "BioBioChile", "2009-11-03", "press",
                    "Colombian government publishes the military agreement with the US"),
    "semana-corte-2010": ("https://semana.com/amp/nacion/articulo/corte-constitucional-dijo-no-acuerdo-militar-estados-"
                          "unidos/120641-3", "Semana", "2010-08-17", "press", "Constitutional Court rules on the 2009 "
                          "agreement"),
    "piedepagina-galapagos": ("https://piedepagina.mx/las-islas-galapagos-y-el-antecedente-de-la-ocupacion-militar-de-"
                              "estados-unidos-en-ecuador", "Pie de Página", "2024-12-22", "press",
                              "The Galápagos and the precedent of US military presence in Ecuador"),
    "ecuavisa-baltra": ("https://www.ecuavisa.com/noticias/seguridad/noboa-descartar-base-militar-estados-unidos-isla-"
                        "baltra-BE10367897", "Ecuavisa", "2025-10-31", "press", "Noboa rules out a base on Baltra"),
    "malcontentment-bases": ("https://malcontentment.com/study-claimed-usa-740-military-bases-world-not-true",
                             "Malcontentment", None, "other", "Review of the count of US bases abroad"),
    "quincy-drawdown": ("https://quincyinst.org/report/drawdown-improving-u-s-and-global-security-through-military-"
                        "base-closures-abroad", "Quincy Institute", "2021-09", "academic", "Drawdown (2021)"),
    "crs-r48123": ("https://www.everycrsreport.com/reports/R48123.html", "Congressional Research Service",
                   "2024-07-10", "official", "CRS R48123: US overseas bases"),
    "troopdata-repo": ("https://github.com/meflynn/troopdata", "Allen, Flynn and Martinez Machain", None, "dataset",
                       "troopdata R package (Vine base list, DMDC deployments)"),
}


def source_records() -> list[dict[str, Any]]:
    out = []
    for slug, (url, publisher, date, reliability, title) in SOURCES.items():
        record: dict[str, Any] = {"id": f"source:{slug}", "url": url, "publisher": publisher, "title": title,
                                  "reliability": reliability}
        if date:
            record["date"] = date
        out.append(record)
    return out


def cite(*slugs: str, field: str | None = None) -> list[dict[str, Any]]:
    for slug in slugs:
        if slug not in SOURCES and not slug.startswith(("troopdata-", "mme-", "openpolitica", "pe-congreso")):
            raise KeyError(f"unknown source {slug}")
    return [{"source": f"source:{s}", **({"field": field} if field else {})} for s in slugs]
