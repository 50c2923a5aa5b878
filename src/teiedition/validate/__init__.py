"""Validation: the project's schema and editorial rules, or any RELAX NG, XSD, Schematron.

``Validator.iter_problems`` is the primitive; ``check`` (a :class:`FileReport`)
and ``is_valid`` derive from it. A :class:`Validator` compiles its schemas
once, so one object checks any number of files.
"""

from __future__ import annotations

import functools
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from dataclasses import replace
from typing import Iterable, Iterator, Sequence

from lxml import etree

from ..xinclude import Inclusion, resolve_xincludes
from ..xmlparse import parse_bytes
from .cache import SchemaCache, default_folder
from .locate import SourceLines
from .problems import FileReport, Problem, Report
from .schemas import Schema, load_schemas
from .prune import document_names
from .relaxng import RelaxNG
from .schematron import SaxonSchematron

__all__ = ["FileReport", "Problem", "Report", "Validator", "check", "is_valid", "iter_problems"]


class Validator:
    """Schemas compiled once; checks documents against all of them."""

    def __init__(self, schemas: Sequence[str] = ("project",), *,
                 require_review: bool = False, embedded_rules: bool = True,
                 strict: bool = False, xinclude: bool = True,
                 cache_folder: Path | None = None, use_cache: bool = True) -> None:
        """``embedded_rules``: also run the Schematron embedded in RELAX NG and XSD files;
        ``strict``: report warnings and information as errors (their role is kept);
        ``xinclude``: resolve ``xi:include`` before validating, as Jing does;
        ``cache_folder``: where derived grammars and compiled rules are kept between runs
        (default: the user's cache folder; see cache.py), unless ``use_cache`` is false."""
        self.specs = tuple(schemas) or ("project",)
        self.strict = strict
        self.xinclude = xinclude
        self.cache = SchemaCache((cache_folder or default_folder()) if use_cache else None)
        #: One thread that checks the grammar while Saxon runs the rules (made on first use).
        self._pool: ThreadPoolExecutor | None = None
        self.schemas: list[Schema] = [
            s for spec in dict.fromkeys(self.specs)
            for s in load_schemas(spec, require_review=require_review,
                                  embedded_rules=embedded_rules, cache=self.cache)]

    @property
    def warnings(self) -> list[str]:
        """What the run should say once on standard error (an unusable schema cache)."""
        return self.cache.warnings

    def iter_problems(self, tree: etree._ElementTree,
                      source: SourceLines | None = None) -> Iterator[Problem]:
        """Yield the problems of a parsed document, schema by schema."""
        if source is None:
            source = SourceLines(etree.tostring(tree))
        for problems in self._run_schemas(tree, source):
            for problem in problems:
                yield replace(problem, severity="error") if self.strict else problem

    def _run_schemas(self, tree: etree._ElementTree, source: SourceLines
                     ) -> list[list[Problem]]:
        """Each schema's problems, in order. A RELAX NG grammar checks the document on the
        other core while Saxon runs the rules: libxml2 lets go of the interpreter lock while
        it validates, Saxon does not (issue 16: the rules cost as much as the grammar for a
        batch of letters). Only reading happens meanwhile: both read the tree before
        (prepare) and after (problems), and each run only reads it.

        The grammar's thread must be inside libxml2 before Saxon starts: a thread that
        still needs the lock when Saxon takes it waits for the whole Saxon call, and the
        two then alternate instead of overlapping (measured: slower than one thread)."""
        prepared = [i for i, schema in enumerate(self.schemas)
                    if isinstance(schema, (SaxonSchematron, RelaxNG))]
        # The names are read once for all the schemas (a walk of the tree each otherwise).
        names = document_names(tree) if len(prepared) > 1 else None
        pending = {i: self.schemas[i].prepare(tree, names) for i in prepared}
        rules = [run for i, run in pending.items()
                 if isinstance(self.schemas[i], SaxonSchematron)]
        grammars = [run for run in pending.values() if run not in rules]
        if rules and grammars:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1,
                                                thread_name_prefix="teiedition-grammar")
            started = threading.Event()
            def check_grammars() -> None:
                started.set()
                for run in grammars:
                    run.run()
            checking = self._pool.submit(check_grammars)
            started.wait()
            for run in rules:
                run.run()
            checking.result()
        else:
            for run in pending.values():
                run.run()
        return [list(pending[i].problems(tree, source)) if i in pending
                else list(schema.iter_problems(tree, source))
                for i, schema in enumerate(self.schemas)]

    def expect(self, count: int) -> None:
        """Hear that ``count`` documents are about to be checked (this run's files), so that
        the schemas can prepare for a batch rather than for one file (relaxng.py)."""
        for schema in self.schemas:
            if isinstance(schema, RelaxNG):
                schema.expect(count)

    def check_bytes(self, data: bytes, path: str) -> FileReport:
        """Parse ``data`` safely and check it; reading problems are reported like the rest."""
        return self.check_document(data, path)[0]

    def check_document(self, data: bytes, path: str, folder: Path | None = None
                       ) -> tuple[FileReport, etree._ElementTree | None]:
        """:meth:`check_bytes`, and the parsed tree (None when the file cannot be read), for
        callers that go on to render it.

        Includes are read from ``folder`` only (default: the folder of ``path`` when it
        names a file); the tree returned has them resolved.
        """
        start = time.perf_counter()
        parsed = parse_bytes(data)
        problems = [Problem(p.rule, p.message, p.line, p.column, schema="xml")
                    for p in parsed.problems]
        if parsed.tree is not None and not any(p.rule == "not-tei" for p in problems):
            if self.xinclude:
                if folder is None and Path(path).is_file():
                    folder = Path(path).parent
                problems.extend(inclusion_problems(resolve_xincludes(parsed.tree, folder)))
            problems.extend(self.iter_problems(parsed.tree, SourceLines(data)))
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        return FileReport(path, tuple(problems), time.perf_counter() - start), parsed.tree

    def check_many(self, items: Iterable[tuple[str, bytes]]) -> Report:
        """Check several documents given as (path, bytes)."""
        return Report(tuple(self.check_bytes(data, path) for path, data in items), self.specs)


def inclusion_problems(inclusions: Iterable[Inclusion]) -> Iterator[Problem]:
    """Report each include that was replaced by its fallback (information) or failed (an
    error: Jing stops there too)."""
    for inc in inclusions:
        if inc.outcome == "fallback":
            yield Problem("xinclude-fallback", f'xi:include href="{inc.href}" was replaced by its '
                          f"fallback: {inc.reason}", inc.line, severity="info", schema="xml")
        elif inc.outcome == "failed":
            yield Problem("xinclude", f'xi:include href="{inc.href}" could not be included and '
                          f"has no fallback: {inc.reason}", inc.line, schema="xml")


@functools.cache
def _default(schemas: tuple[str, ...]) -> Validator:
    return Validator(schemas)


def iter_problems(tree: etree._ElementTree, schemas: Sequence[str] = ("project",)
                  ) -> Iterator[Problem]:
    """The problems of a parsed TEI document (the project's schema and rules by default)."""
    return _default(tuple(schemas)).iter_problems(tree)


def check(tree: etree._ElementTree, schemas: Sequence[str] = ("project",),
          path: str = "<document>") -> FileReport:
    """A :class:`FileReport` for a parsed TEI document."""
    return FileReport(path, tuple(iter_problems(tree, schemas)))


def is_valid(tree: etree._ElementTree, schemas: Sequence[str] = ("project",)) -> bool:
    """Whether a parsed TEI document has no errors."""
    return check(tree, schemas).valid
