"""Sphinx configuration: MyST Markdown pages, the furo theme, autodoc, no network at build time.

Build with ``python -m sphinx -W --keep-going -b html docs docs/_build/html`` after
``pip install -e '.[docs]'``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

import expressentry

project = "expressentry"
author = "expressentry contributors"
copyright = "expressentry contributors, MIT licence"
release = expressentry.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "rules_reference",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = False
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = f"expressentry {release}"
