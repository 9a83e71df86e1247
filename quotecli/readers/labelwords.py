"""The words that open a line with a colon and name nobody, or name a voice that is not a person.

A label's form ("Word:") is also a form's field ("Date:", "Photo:"), a note's head ("Editor's
note:"), a cover list's head ("PRESENT:") or a voice that is the outlet's ("Announcer:"). The
readers ask these lists (``labels.plausible``, ``turns``, ``paragraphs``, ``markdown``,
``frontmatter``); they are kept here, apart from the shapes of ``labels``, so that one list
says, for every reader, which words are not speakers.
"""

from __future__ import annotations

import re

NOT_LABELS = frozenset(
    """note notes nb n.b ps p.s update updated edit edited source sources photo photos credit
    credits author authors auteur auteurs by par tags tag date title titre subject subjects
    topics topic link links warning tip example résumé summary transcript transcribed
    transcription disclaimer correction caption légende image video vidéo audio related
    description episode épisode attention important bonus lire read see voir e&oe ends embargo
    embargoed check time place location issues final report rapport keywords categories
    category layout permalink url question-of-the-week duration durée duración durata dauer
    fecha fecha(s) datum data lugar lieu luogo ort venue hora heure ora uhrzeit modalidad
    modalité modalità modality format recorded grabado enregistré e&eo interview entretien
    entrevista intervista gespräch fotos texte
    foto bild bilder quelle quellen fonte fuente crédito créditos credito crediti immagine
    imagen illustration illustrations grafik copyright subscribe follow share partager
    download télécharger listen écouter tel tél tel. phone telephone téléphone fax e-mail email
    courriel mail web website address adresse telefon teléfono telefono mobil handy regrets
    scribe scribes scribenick agenda minutes""".split()  # a W3C meeting's minutes: "Scribe: …"
)
# the heads of a transcript's cover lists ("SENATE MEMBERS PRESENT:", "ALSO IN ATTENDANCE:")
LIST_HEADS = frozenset(
    "present participants attendance appearances presiding before proceedings witnesses index "
    "members speakers panelists panellists".split()
)

# the record's own descriptions printed with a speaker label's colon ("AUDIO DESCRIPTION: The
# following occurred in open court:", "Editor's note: …"): a note, nobody's words
NOTE_LABELS = frozenset(
    (
        "audio description",
        "description",
        "stage direction",
        "stage directions",
        "editor's note",
        "editor’s note",
        "editor note",
        "editors note",
        "transcriber's note",
        "transcriber’s note",
        "transcriber note",
        "note de la rédaction",
        "note de la redaction",
        "sound effect",
        "sound effects",
        "didascalie",
        "caption",
        "captions",
        # a research interview's observer's notes ("**[NOTAS DE OBSERVACIÓN]:**")
        "notas de observación",
        "nota de observación",
        "observación",
        "observaciones",
        "notas del entrevistador",
        "observation",
        "observations",
        "observation notes",
        "field notes",
        "notes d'observation",
        "notes d’observation",
        "interviewer's notes",
        "interviewer’s notes",
        # a meeting's record of a vote ("(Vote: 5-0)", "Roll call: …"): the clerk's, no speech
        "vote",
        "roll call",
        "roll call vote",
    )
)
EDITOR_LABELS = (
    frozenset(
        "announcer announcement voiceover voice-over narrator break ad sponsor advertisement music "
        "intro outro jingle générique".split()
    )
    | NOTE_LABELS
)
UNNAMED = frozenset(
    ("unknown speaker", "unknown", "speaker", "inconnu", "unidentified")
    # a voice of the room the transcript names by what it is ("Frau:", "Mann:", "Kind:" at a
    # podcast session, several people each): nobody named
    + ("frau", "mann", "kind", "woman", "man", "child", "femme", "homme", "enfant", "mujer")
    + ("hombre", "niño", "niña", "donna", "uomo", "bambino", "bambina")
    # the Mexican presidency's stenographic versions: a voice from the floor it does not name
    + ("interlocutor", "interlocutora", "voz", "voces")
)

# a label's mark that the same speaker goes on ("SPANBERGER (CONT.)")
CONTINUED = re.compile(r"[ \t]*\((?:cont(?:inued|inuing|['’]?d)?\.?|contd\.?)\)$", re.I)
# an office with the holder's name in brackets ("MODERATOR (TOM)"): the name
ROLE_NAMED = re.compile(
    r"^(?:moderat(?:or|rice|eur|ora)|co-?host|host|presenter|interviewer|anchor|chair(?:man|woman)?"
    r"|panel(?:l)?ist|reporter|questioner)[ \t]*\((?P<name>[^\W\d_][^()]{0,40})\)$",
    re.I,
)
