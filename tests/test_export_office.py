"""The Word files open in LibreOffice: convert them to PDF headlessly and find the plan's words in
the PDF. Skipped where LibreOffice (soffice) or pdftotext is not installed; nothing else needs them."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from game.export import export_plan
from game.export.sample import LONG_NOTE, feature_plan

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")

pytestmark = pytest.mark.skipif(not (SOFFICE and PDFTOTEXT), reason="LibreOffice or pdftotext not installed")


def words(text: str) -> str:
    # PDF text comes back with its own line breaks and may drop the invisible bidi isolates; the
    # page footer ("<title> · 3") lands wherever a page breaks, so it is taken out.
    text = " ".join(text.replace("\u2068", "").replace("\u2069", "").split())
    return re.sub(r" ?Making It Real plan: Rosé Court / Flat 2 ✨ · \d+ ?", " ", text)


def test_word_files_convert_to_pdf_with_the_plan_in_them(tmp_path):
    paths = export_plan(feature_plan(), ["docx", "easyread"], tmp_path)
    docs = [p for p in paths if p.suffix == ".docx"]
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *map(str, docs)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    texts = {}
    for doc in docs:
        pdf = tmp_path / "pdf" / doc.with_suffix(".pdf").name
        assert pdf.exists(), f"LibreOffice did not convert {doc.name}"
        out = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
        texts[doc.name] = words(out.stdout.decode("utf-8"))
    plan_text = texts[docs[0].name]
    for expected in (
        "Rosé Court / Flat 2",
        "About this plan",
        "How do you help me to live the life I want?",
        "I do things I enjoy every week.",
        "People see this differently.",
        "We did not talk about this theme this time.",
        "Talk to the landlord about the garden gate",
        "You said, we did",
        "We will look at this plan again on 23 February 2027.",
        '<script>alert("x")</script>',
    ):
        assert expected in plan_text, expected
    # Table cells wrap and interleave in PDF text, so check their words rather than whole phrases.
    for cell in ("chose not to say", "Ask about a weekend bus pass", "Find a Welsh-speaking support worker"):
        assert set(cell.split()) <= set(plan_text.split()), cell
    assert plan_text.count("We talked for a long time about the garden") == LONG_NOTE.count("We talked")
    easy_text = texts[docs[1].name]
    for expected in (
        "My Making It Real plan",
        "I do things I like.",
        "What I said",
        "What needs to get better",
    ):
        assert expected in easy_text, expected
