"""Names of record kinds and fields in Spanish and English, for the record pages (data, not code).

A field missing here is shown by its name; a test checks that every field of every kind has both names.
"""

from __future__ import annotations

from collections.abc import Callable

# kind -> (es, en)
KINDS: dict[str, tuple[str, str]] = {
    "source": ("fuente", "source"), "place": ("lugar", "place"), "site": ("sitio", "site"),
    "bill": ("proyecto de ley", "bill"), "instrument": ("instrumento legal", "legal instrument"),
    "authorization": ("autorización", "authorization"), "activity": ("actividad", "activity"),
    "facility": ("instalación temporal", "temporary facility"), "assistance": ("asistencia", "assistance"),
    "vote": ("votación", "vote"), "personnel_count": ("conteo de personal", "personnel count"),
    "spending": ("gasto", "spending"), "procurement": ("adquisición", "procurement"),
    "claim": ("afirmación", "claim"), "review": ("verificación", "review"),
}

# field -> (es, en)
FIELDS: dict[str, tuple[str, str]] = {
    "about": ("sobre", "about"), "active_duty": ("en servicio activo", "active duty"),
    "activity": ("actividad", "activity"), "activity_type": ("tipo de actividad", "activity type"),
    "aliases": ("otros nombres", "aliases"), "amount_thousands_usd": ("monto (miles de US$)", "amount (US$ thousands)"),
    "appearance": ("dónde apareció", "appearance"), "armed": ("con armas", "armed"),
    "authorizations": ("autorizaciones", "authorizations"), "bill": ("proyecto de ley", "bill"),
    "buyer_country": ("país comprador", "buyer country"), "by_service": ("por servicio", "by service"),
    "case_number": ("número de caso", "case number"), "category": ("categoría", "category"),
    "civilians": ("civiles", "civilians"), "claim": ("afirmación", "claim"), "claimant": ("autor", "claimant"),
    "conflicts": ("fuentes en desacuerdo", "source conflicts"), "controlled_by": ("controlado por", "controlled by"),
    "country": ("país", "country"), "date": ("fecha", "date"),
    "date_change_allowed_by": ("cambio de fecha autorizado por", "date change allowed by"),
    "document": ("documento", "document"), "enacted_as": ("promulgado como", "enacted as"),
    "end": ("fin", "end"), "equipment": ("equipo", "equipment"), "evidence": ("evidencia", "evidence"),
    "facility_type": ("tipo de instalación", "facility type"), "facts": ("hechos", "facts"),
    "filed": ("presentado", "filed"), "financed_by": ("financiado por", "financed by"), "flags": ("marcas", "flags"),
    "foreign_personnel": ("personal extranjero", "foreign personnel"),
    "foreign_personnel_years": ("años-persona extranjeros", "foreign personnel-years"),
    "full_number": ("número completo", "full number"), "groups": ("grupos", "groups"),
    "host_country": ("país anfitrión", "host country"), "host_units": ("unidades anfitrionas", "host units"),
    "id": ("id", "id"), "instrument": ("instrumento", "instrument"), "iso_3166_2": ("ISO 3166-2", "ISO 3166-2"),
    "issued_date": ("fecha de emisión", "issued"), "jurisdiction": ("jurisdicción", "jurisdiction"),
    "labels": ("etiquetas", "labels"), "lang": ("idioma", "language"), "language": ("idioma", "language"),
    "lat": ("latitud", "latitude"), "legal_basis": ("base legal", "legal basis"), "level": ("nivel", "level"),
    "lifecycle": ("ciclo de vida", "lifecycle"), "location": ("ubicación", "location"), "lon": ("longitud", "longitude"),
    "members": ("congresistas", "members"), "method": ("método", "method"), "modifies": ("modifica", "modifies"),
    "name": ("nombre", "name"), "notes": ("notas", "notes"), "number": ("número", "number"),
    "operator": ("operador", "operator"), "original_rating": ("calificación original", "original rating"),
    "parent": ("pertenece a", "part of"), "partners": ("socios", "partners"), "period": ("periodo", "period"),
    "personnel": ("personal", "personnel"), "personnel_observed": ("personal observado", "personnel observed"),
    "personnel_observed_all_nations": ("personal observado de todas las naciones", "personnel observed, all nations"),
    "personnel_planned": ("personal previsto", "personnel planned"), "place": ("lugar", "place"),
    "places": ("lugares", "places"), "places_as_written": ("lugares según el texto", "places as written"),
    "proposed_by": ("propuesto por", "proposed by"), "proposed_rating": ("calificación propuesta", "proposed rating"),
    "provider": ("proveedor", "provider"), "provider_country": ("país proveedor", "provider country"),
    "published": ("publicado", "published"), "published_date": ("fecha de publicación", "published"),
    "publisher": ("editor", "publisher"), "purpose": ("propósito", "purpose"),
    "purpose_category": ("categoría de propósito", "purpose category"), "quantity": ("cantidad", "quantity"),
    "rating": ("calificación", "rating"), "reached": ("personas alcanzadas", "people reached"),
    "reliability": ("fiabilidad", "reliability"), "reported": ("informado", "reported"),
    "reserve": ("reserva", "reserve"), "result": ("resultado", "result"), "retrieved": ("consultado", "retrieved"),
    "reviewer": ("verificador", "reviewer"), "reviewer_kind": ("tipo de verificador", "reviewer kind"),
    "sector": ("sector", "sector"), "seller_country": ("país vendedor", "seller country"),
    "series": ("serie", "series"), "sha256": ("SHA-256", "SHA-256"), "site": ("sitio", "site"),
    "site_type": ("tipo de sitio", "site type"), "sites": ("sitios", "sites"), "sources": ("fuentes", "sources"),
    "start": ("inicio", "start"), "status": ("estado", "status"), "status_history": ("historial de estado", "status history"),
    "subject": ("asunto", "subject"), "summary": ("resumen", "summary"), "tenants": ("ocupantes", "tenants"),
    "text": ("texto", "text"), "text_en": ("texto en inglés", "text in English"), "time": ("hora", "time"),
    "title": ("título", "title"), "total": ("total", "total"), "totals": ("totales", "totals"),
    "type": ("tipo", "type"), "ubigeo": ("ubigeo", "ubigeo"), "unit": ("unidad", "unit"), "units": ("unidades", "units"),
    "url": ("URL", "URL"), "value_usd": ("valor (US$)", "value (US$)"),
    "visiting_countries": ("países visitantes", "visiting countries"),
    "visiting_country": ("país visitante", "visiting country"), "year": ("año", "year"),
}


def namer(table: dict[str, tuple[str, str]], lang: str) -> Callable[[str], str]:
    index = 1 if lang == "en" else 0

    def name(key: str) -> str:
        pair = table.get(key)
        return pair[index] if pair else key

    return name
