"""DOCX export with python-docx: real heading styles (Heading 1/2, so Word
and LibreOffice build their navigation and table of contents from them),
lists and tables, editable."""

from __future__ import annotations

from io import BytesIO

import docx
from django.utils import translation
from django.utils.translation import gettext as _
from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from ikone.applications.export.content import ExportDocument, Section
from ikone.core.datetimes import format_date


def render_docx(document: ExportDocument) -> bytes:
    """The document as DOCX bytes."""
    with translation.override("de"):
        word = docx.Document()
        _setup(word, document)
        _title_page(word, document)
        _table_of_contents(word, document)
        for section in document.sections:
            _section(word, section)
        _criteria(word, document)
        _financing(word, document)
        _schedule(word, document)
        buffer = BytesIO()
        word.save(buffer)
        return buffer.getvalue()


def _setup(word: WordDocument, document: ExportDocument) -> None:
    properties = word.core_properties
    properties.title = document.title
    properties.author = document.organization
    properties.subject = _("Bewerbung zum Förderaufruf „%(call)s“") % {"call": document.call}
    properties.language = "de-DE"
    style = word.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(10)
    # The document language, so spell checking and hyphenation use German.
    rpr = style.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "de-DE")
    rpr.append(lang)
    footer = word.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run(_("Seite") + " ")
    _field(footer, "PAGE")


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (the page number) that Word and LibreOffice fill in."""
    _field_char(paragraph, "begin")
    _field_instruction(paragraph, instruction)
    _field_char(paragraph, "separate")
    _field_char(paragraph, "end")


def _title_page(word: WordDocument, document: ExportDocument) -> None:
    if document.is_example:
        word.add_paragraph(_("Beispiel – erfundener Inhalt"))
    word.add_paragraph(document.call)
    word.add_heading(document.title, level=0)
    word.add_paragraph(document.organization)
    word.add_paragraph(f"{_('Stand')}: {document.generated_text}")
    word.add_paragraph(f"{_('Status')}: {document.status}")
    if document.deadline:
        word.add_paragraph(f"{_('Einreichungsfrist')}: {document.deadline_text}")
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _table_of_contents(word: WordDocument, document: ExportDocument) -> None:
    """A TOC field whose shown result already lists the chapters, so the
    document has a contents list before anyone updates the field (F9 in
    Word, Tools > Update in LibreOffice adds the page numbers)."""
    word.add_paragraph(_("Inhalt"), style="TOC Heading")
    entries = [f"{section.number} {section.title}" for section in document.sections]
    if document.criteria:
        entries.append(_("Bewertungskriterien"))
    entries += [_("Finanzierungsplan"), _("Zeitplan")]
    for index, entry in enumerate(entries):
        paragraph = word.add_paragraph()
        if index == 0:
            _field_char(paragraph, "begin")
            _field_instruction(paragraph, r'TOC \o "1-2" \h \z \u')
            _field_char(paragraph, "separate")
        paragraph.add_run(entry)
        if index == len(entries) - 1:
            _field_char(paragraph, "end")
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _field_char(paragraph: Paragraph, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(element)


def _field_instruction(paragraph: Paragraph, instruction: str) -> None:
    element = OxmlElement("w:instrText")
    element.set(qn("xml:space"), "preserve")
    element.text = instruction
    paragraph.add_run()._r.append(element)


def _section(word: WordDocument, section: Section) -> None:
    word.add_heading(f"{section.number} {section.title}", level=1)
    if not section.blocks:
        word.add_paragraph(_("Dieser Abschnitt ist noch leer."))
    for block in section.blocks:
        if block.items:
            style = "List Number" if block.ordered else "List Bullet"
            for item in block.items:
                word.add_paragraph(item, style=style)
        else:
            word.add_paragraph(block.text)
    if section.citations:
        word.add_heading(_("Zitierte Lösungen aus dem Katalog"), level=2)
        for citation in section.citations:
            paragraph = word.add_paragraph(f"{citation.title}: ", style="List Bullet")
            _hyperlink(paragraph, citation.url)


def _hyperlink(paragraph: Paragraph, url: str) -> None:
    """A clickable link in a DOCX paragraph (python-docx has no helper)."""
    relation = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    properties.append(style)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = url
    run.append(text)
    link.append(run)
    paragraph._p.append(link)


def _table(
    word: WordDocument, header: list[str], rows: list[list[str]], footer: list[str] | None = None
) -> Table:
    table = word.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    # Repeat the header row on every page.
    header_properties = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_properties.append(repeat)
    for values in [*rows, *([footer] if footer else [])]:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    if footer:
        for cell in table.rows[-1].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    return table


def _criteria(word: WordDocument, document: ExportDocument) -> None:
    if not document.criteria:
        return
    word.add_heading(_("Bewertungskriterien"), level=1)
    _table(
        word,
        [_("Kriterium"), _("Abschnitte"), _("Selbsteinschätzung (0–3)"), _("Mentor:innen (0–3)")],
        [
            [
                row.title,
                row.sections or _("– nicht abgedeckt –"),
                "–" if row.self_score is None else str(row.self_score),
                row.mentor_scores,
            ]
            for row in document.criteria
        ],
    )


def _financing(word: WordDocument, document: ExportDocument) -> None:
    word.add_heading(_("Finanzierungsplan"), level=1)
    summary = document.financing
    if summary is None or not summary.lines:
        word.add_paragraph(_("Der Finanzierungsplan enthält noch keine Kosten."))
        return
    rate = _("Förderquote des Bundes: %(rate)s") % {"rate": document.rate_label}
    if summary.budget_emergency:
        rate += f" ({_('Haushaltsnotlage')})"
    word.add_paragraph(rate)
    word.add_heading(_("Kosten je Phase und Jahr"), level=2)
    _table(
        word,
        [_("Phase"), *[str(year) for year in summary.years], _("Summe")],
        [[label, *cells, total] for label, cells, total in document.phase_year_table],
        [_("Gesamt"), *document.year_totals, document.money["total"]],
    )
    word.add_heading(_("Finanzierung"), level=2)
    _table(
        word,
        [_("Phase"), _("Gesamtkosten"), _("Bundesanteil"), _("Eigenanteil")],
        [list(row) for row in document.share_rows],
        [_("Gesamt"), document.money["total"], document.money["federal"], document.money["own"]],
    )
    if document.cost_rows:
        word.add_heading(_("Kostenpositionen"), level=2)
        _table(
            word,
            [_("Maßnahme"), _("Kostenart"), _("Phase"), _("Jahr"), _("Betrag")],
            [[r.measure, r.category, r.phase, str(r.year), r.amount] for r in document.cost_rows],
        )
    if summary.issues:
        word.add_heading(_("Hinweise zur Finanzierung"), level=2)
        for issue in summary.issues:
            word.add_paragraph(issue.message, style="List Bullet")


def _schedule(word: WordDocument, document: ExportDocument) -> None:
    word.add_heading(_("Zeitplan"), level=1)
    if not document.milestones:
        word.add_paragraph(_("Noch keine Meilensteine."))
        return
    _table(
        word,
        [_("Datum"), _("Meilenstein"), _("Art"), _("Stand")],
        [
            [format_date(row.date, "short"), row.title, row.kind, row.state]
            for row in document.milestones
        ],
    )
