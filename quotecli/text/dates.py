"""Dates as people write them, at the precision that is known ("février 2024", "2024")."""

from __future__ import annotations

_MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "en": "January February March April May June July August September October November December",
}


def human(date: str | None, language: str = "en") -> str:
    """``2024-02`` → "February 2024" (en) or "février 2024" (fr); ``None`` → "n.d." / "s.d."."""
    lang = language.split("-")[0].split("_")[0].lower()
    lang = lang if lang in _MONTHS else "en"
    if not date:
        return "s.d." if lang == "fr" else "n.d."
    parts = date.split("-")
    if len(parts) == 1:
        return parts[0]
    month = _MONTHS[lang].split()[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    day = int(parts[2])
    if lang == "fr":
        return f"{'1er' if day == 1 else day} {month} {parts[0]}"
    return f"{month} {day}, {parts[0]}"
