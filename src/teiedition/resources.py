"""Where the bundled schema and stylesheets are.

``schema/`` and ``xslt/`` sit at the top of the repository so that XML editors
and other tools can use them directly. A built wheel ships them inside the
package (``teiedition/schema``, ``teiedition/xslt``, see pyproject.toml); an
editable install or a source checkout finds them beside ``src/``.
"""

from __future__ import annotations

from pathlib import Path

from .errors import TeieditionError

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Return the folder of bundled resources called ``name`` (``schema`` or ``xslt``)."""
    for candidate in (_PACKAGE / name, _PACKAGE.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise TeieditionError(f"teiedition is installed without its {name}/ folder")


def resource(name: str, *parts: str) -> Path:
    """Return the path of one bundled file, e.g. ``resource("schema", "teiedition.xsd")``."""
    path = resource_dir(name).joinpath(*parts)
    if not path.is_file():
        raise TeieditionError(f"bundled file {name}/{'/'.join(parts)} is missing")
    return path
