"""The site's two languages: Spanish (default) and English, chosen with ``?lang=`` and kept in a cookie.

Every interface string lives in ``MESSAGES`` under the same keys in both languages; a test checks that
neither language misses a key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

LANGS = ("es", "en")
DEFAULT_LANG = "es"
COOKIE = "lang"

MESSAGES: dict[str, dict[str, str]] = {
    "es": {
        "site_title": "footprint: presencia militar extranjera en el Perú",
        "site_tagline": "Registro con fuentes de la presencia militar extranjera",
        "nav_home": "Inicio", "nav_map": "Mapa", "nav_timeline": "Cronología", "nav_search": "Buscar",
        "nav_ask": "Preguntar", "nav_claims": "Afirmaciones", "nav_downloads": "Descargas",
        "nav_records": "Registros", "nav_api": "API", "nav_signin": "Iniciar sesión", "nav_signout": "Cerrar sesión",
        "nav_new": "Nuevo registro", "signed_in_as": "Sesión de",
        "home_question": "¿Hay bases militares de EE. UU. en el Perú?",
        "home_answer": "Respuesta del registro",
        "home_authorized_now": "Autorizado en este momento",
        "home_nothing_authorized": "Ningún registro de autorización cubre la fecha de hoy.",
        "home_latest_instruments": "Últimos instrumentos legales",
        "home_latest_votes": "Últimas votaciones",
        "home_counts": "Lo que contiene el registro",
        "not_available": "Esta parte aún no está disponible en esta instalación",
        "part_failed": "Esta parte no se pudo calcular",
        "none": "Ninguno.",
        "citations": "Fuentes citadas", "verdict": "Veredicto",
        "map_title": "Mapa de la presencia", "map_intro": "Lugares y sitios con personal extranjero autorizado o presente; el tamaño de cada marca es proporcional a los días-persona.",
        "map_year": "Año", "map_country": "País visitante", "map_purpose": "Propósito", "map_filter": "Filtrar",
        "map_all": "Todos", "map_marks": "Marcas en el mapa", "map_place": "Lugar", "map_person_days": "Días-persona",
        "map_personnel": "Personal", "map_records": "Registros", "map_no_coords": "Sin coordenadas",
        "map_attribution": "Límites departamentales: INEI vía josedaniel-cb/limites-peru-geojson (MIT).",
        "map_basis": "Base",
        "timeline_title": "Cronología", "timeline_intro": "Autorizaciones y actividades por año, personal permanente y votaciones.",
        "timeline_year": "Año", "timeline_authorizations": "Autorizaciones", "timeline_activities": "Actividades",
        "timeline_votes": "Votaciones", "timeline_permanent": "Personal permanente",
        "timeline_date": "Fecha", "timeline_total": "Total",
        "record_fields": "Campos", "record_sources": "Fuentes", "record_history": "Historial de cambios",
        "record_referred_by": "Citado por", "record_classification": "Clasificación del sitio",
        "record_compliance": "Hallazgos de cumplimiento", "record_version": "versión",
        "record_edit": "Corregir este registro", "record_no_sources": "Este registro no cita fuentes.",
        "record_no_findings": "Sin hallazgos para este registro.",
        "history_at": "Fecha", "history_actor": "Autor", "history_action": "Acción", "history_version": "Versión",
        "typology": "Tipología", "category": "Categoría", "criterion": "Criterio", "status": "Estado",
        "evidence": "Evidencia", "severity": "Gravedad", "rule": "Regla", "legal_reference": "Base legal",
        "message": "Mensaje", "field": "Campo", "value": "Valor", "source": "Fuente",
        "search_title": "Buscar en el registro", "search_placeholder": "Palabras, nombre o id",
        "search_kind": "Tipo", "search_button": "Buscar", "search_results": "resultados",
        "previous": "Anterior", "next": "Siguiente",
        "ask_title": "Pregunte al registro", "ask_placeholder": "¿Hay bases militares de EE. UU. en el Perú?",
        "ask_button": "Preguntar", "ask_empty": "Escriba una pregunta.",
        "claims_title": "Afirmaciones verificadas", "claim_reviews": "Verificaciones",
        "claim_rating": "Calificación", "claim_reviewer": "Verificador",
        "downloads_title": "Descargas de datos abiertos",
        "downloads_intro": "El registro completo, generado a partir de la base de datos actual.",
        "dl_json": "JSON (todos los registros)", "dl_csv": "CSV (un archivo por tipo, en ZIP)",
        "dl_geojson": "GeoJSON (lugares y sitios)", "dl_datapackage": "Paquete de datos Frictionless (ZIP)",
        "dl_sqlite": "Archivo SQLite (se abre con Datasette)",
        "login_title": "Iniciar sesión de editor", "login_user": "Usuario", "login_password": "Contraseña",
        "login_button": "Entrar", "login_failed": "Usuario o contraseña incorrectos.",
        "login_limited": "Demasiados intentos fallidos; espere unos minutos.",
        "edit_title": "Corregir", "new_title": "Nuevo registro", "edit_json": "Registro (JSON)",
        "edit_save": "Guardar", "edit_help": "Edite el JSON del registro. Cite siempre sus fuentes en \"sources\".",
        "edit_saved": "Guardado", "edit_delete": "Eliminar este registro",
        "edit_delete_help": "Solo administradores; el historial conserva su último contenido.", "edit_needs_sources": "sources: cite al menos una fuente (source:...)",
        "edit_exists": "ya existe un registro con ese id",
        "edit_id_changed": "id: no se puede cambiar el id de un registro",
        "conflict_title": "Conflicto de edición",
        "conflict_intro": "Otra persona cambió este registro mientras usted lo editaba. Su cambio no se guardó ni se perdió: está abajo. Vuelva a aplicarlo sobre la versión actual.",
        "conflict_yours": "Su versión (no guardada)", "conflict_current": "Versión actual",
        "error_title": "Error", "error_not_found": "No encontrado", "error_forbidden": "No permitido",
        "back_home": "Volver al inicio", "language": "Idioma", "records_title": "Registros por tipo",
        "kind": "Tipo", "count": "Cantidad", "last_updated": "Última actualización",
        "footer_note": "Datos con fuentes; historial de cambios a prueba de manipulaciones.",
        "yes": "sí", "no": "no",
        "status_met": "se cumple", "status_not_met": "no se cumple", "status_unknown": "desconocido",
    },
    "en": {
        "site_title": "footprint: foreign military presence in Peru",
        "site_tagline": "A sourced registry of foreign military presence",
        "nav_home": "Home", "nav_map": "Map", "nav_timeline": "Timeline", "nav_search": "Search",
        "nav_ask": "Ask", "nav_claims": "Claims", "nav_downloads": "Downloads",
        "nav_records": "Records", "nav_api": "API", "nav_signin": "Sign in", "nav_signout": "Sign out",
        "nav_new": "New record", "signed_in_as": "Signed in as",
        "home_question": "Are there US military bases in Peru?",
        "home_answer": "The registry's answer",
        "home_authorized_now": "Authorized right now",
        "home_nothing_authorized": "No authorization record covers today's date.",
        "home_latest_instruments": "Latest legal instruments",
        "home_latest_votes": "Latest votes",
        "home_counts": "What the registry holds",
        "not_available": "This part is not available in this installation yet",
        "part_failed": "This part could not be computed",
        "none": "None.",
        "citations": "Cited sources", "verdict": "Verdict",
        "map_title": "Presence map", "map_intro": "Places and sites where foreign personnel were authorized or present; each mark is sized by person-days.",
        "map_year": "Year", "map_country": "Visiting country", "map_purpose": "Purpose", "map_filter": "Filter",
        "map_all": "All", "map_marks": "Marks on the map", "map_place": "Place", "map_person_days": "Person-days",
        "map_personnel": "Personnel", "map_records": "Records", "map_no_coords": "No coordinates",
        "map_attribution": "Department boundaries: INEI via josedaniel-cb/limites-peru-geojson (MIT).",
        "map_basis": "Basis",
        "timeline_title": "Timeline", "timeline_intro": "Authorizations and activities per year, permanent personnel and votes.",
        "timeline_year": "Year", "timeline_authorizations": "Authorizations", "timeline_activities": "Activities",
        "timeline_votes": "Votes", "timeline_permanent": "Permanent personnel",
        "timeline_date": "Date", "timeline_total": "Total",
        "record_fields": "Fields", "record_sources": "Sources", "record_history": "Change history",
        "record_referred_by": "Referred to by", "record_classification": "Site classification",
        "record_compliance": "Compliance findings", "record_version": "version",
        "record_edit": "Correct this record", "record_no_sources": "This record cites no sources.",
        "record_no_findings": "No findings for this record.",
        "history_at": "When", "history_actor": "Actor", "history_action": "Action", "history_version": "Version",
        "typology": "Typology", "category": "Category", "criterion": "Criterion", "status": "Status",
        "evidence": "Evidence", "severity": "Severity", "rule": "Rule", "legal_reference": "Legal reference",
        "message": "Message", "field": "Field", "value": "Value", "source": "Source",
        "search_title": "Search the registry", "search_placeholder": "Words, name or id",
        "search_kind": "Kind", "search_button": "Search", "search_results": "results",
        "previous": "Previous", "next": "Next",
        "ask_title": "Ask the registry", "ask_placeholder": "Are there US military bases in Peru?",
        "ask_button": "Ask", "ask_empty": "Type a question.",
        "claims_title": "Fact-checked claims", "claim_reviews": "Reviews",
        "claim_rating": "Rating", "claim_reviewer": "Reviewer",
        "downloads_title": "Open-data downloads",
        "downloads_intro": "The whole registry, generated from the current database.",
        "dl_json": "JSON (every record)", "dl_csv": "CSV (one file per kind, zipped)",
        "dl_geojson": "GeoJSON (places and sites)", "dl_datapackage": "Frictionless data package (zipped)",
        "dl_sqlite": "SQLite file (opens in Datasette)",
        "login_title": "Editor sign-in", "login_user": "Username", "login_password": "Password",
        "login_button": "Sign in", "login_failed": "Wrong username or password.",
        "login_limited": "Too many failed attempts; wait a few minutes.",
        "edit_title": "Correct", "new_title": "New record", "edit_json": "Record (JSON)",
        "edit_save": "Save", "edit_help": "Edit the record's JSON. Always cite its sources in \"sources\".",
        "edit_saved": "Saved", "edit_delete": "Delete this record",
        "edit_delete_help": "Admins only; the history keeps its last content.", "edit_needs_sources": "sources: cite at least one source (source:...)",
        "edit_exists": "a record with that id already exists",
        "edit_id_changed": "id: a record's id cannot be changed",
        "conflict_title": "Edit conflict",
        "conflict_intro": "Someone else changed this record while you were editing it. Your change was not saved and is not lost: it is below. Apply it again to the current version.",
        "conflict_yours": "Your version (not saved)", "conflict_current": "Current version",
        "error_title": "Error", "error_not_found": "Not found", "error_forbidden": "Not allowed",
        "back_home": "Back to the home page", "language": "Language", "records_title": "Records by kind",
        "kind": "Kind", "count": "Count", "last_updated": "Last updated",
        "footer_note": "Sourced data; tamper-evident change history.",
        "yes": "yes", "no": "no",
        "status_met": "met", "status_not_met": "not met", "status_unknown": "unknown",
    },
}

# The question the home page answers, in each language (as the answers layer reads it).
HOME_QUESTION = {"es": "¿Hay bases militares de EE. UU. en el Perú?", "en": "Are there US military bases in Peru?"}


def pick_lang(query: Mapping[str, str], cookies: Mapping[str, str]) -> tuple[str, bool]:
    """The language of a request and whether it was chosen now (so the cookie must be set)."""
    asked = (query.get("lang") or "").lower()
    if asked in LANGS:
        return asked, cookies.get(COOKIE) != asked
    remembered = cookies.get(COOKIE, "")
    return (remembered if remembered in LANGS else DEFAULT_LANG), False


def translator(lang: str) -> Callable[[str], str]:
    table = MESSAGES.get(lang, MESSAGES[DEFAULT_LANG])

    def t(key: str) -> str:
        return table.get(key, key)

    return t
