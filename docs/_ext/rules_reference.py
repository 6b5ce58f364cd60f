"""The ``rules-reference`` directive: the rules reference, generated from the code's registries.

The Markdown comes from :func:`expressentry.reference.render_rules_reference`, given the
programs of :data:`expressentry.programs.PROGRAMS`; this extension only parses it into the page.
If the registry cannot be imported, the build fails: a reference that silently lost its rules
would be worse than none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


class RulesReference(SphinxDirective):
    """Every program's rules, the CRS tables, the experience measures and the policies."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        import expressentry
        from expressentry.programs import PROGRAMS
        from expressentry.reference import render_rules_reference

        # Rebuild the page whenever any engine module changes, not only when the page does.
        for module in sorted(Path(expressentry.__file__).parent.rglob("*.py")):
            self.env.note_dependency(str(module))
        text = render_rules_reference(PROGRAMS)
        return self.parse_text_to_nodes(text, allow_section_headings=True)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("rules-reference", RulesReference)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
