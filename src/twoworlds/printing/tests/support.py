"""Reading PDFs back in tests with poppler-utils (pdfinfo, pdftotext, pdftoppm); skipped without them."""

import re
import shutil
import subprocess

import pytest


def need_poppler():
    if not all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext", "pdftoppm")):
        pytest.skip("poppler-utils (pdfinfo, pdftotext, pdftoppm) is not installed")


def write(tmp_path, content, name="out.pdf"):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def pdf_info(path):
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def pdf_pages(path):
    return int(pdf_info(path)["Pages"].strip())


def pdf_page_size_mm(path):
    """(width, height) of the first page in millimetres."""
    size = pdf_info(path)["Page size"]
    width, height = (float(n) for n in re.findall(r"[\d.]+", size)[:2])
    return round(width * 25.4 / 72), round(height * 25.4 / 72)


def pdf_text(path):
    """The text of the PDF with its whitespace collapsed, so phrases can be found across line breaks."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def word_heights(path):
    """The heights (in points) of every word on the first page, from pdftotext's bounding boxes."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [
        float(y_max) - float(y_min)
        for y_min, y_max in re.findall(r'<word [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)"', out)
    ]


def render_png(path, out_stem, dpi=60):
    """Render page 1 to a PNG with pdftoppm; returns the PNG's path."""
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(path), str(out_stem)],
        check=True,
        capture_output=True,
    )
    return out_stem.with_suffix(".png")
