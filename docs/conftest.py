"""pytest runs the examples of the Markdown pages here; the Sphinx configuration is not a test."""

collect_ignore = ["conf.py", "_ext", "_build"]
