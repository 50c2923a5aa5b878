"""What the commands print on standard error: conversion summaries, build progress and
build reports. Kept apart from cli/, which only parses options and calls the library."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

import click

from .model import Document, Mention, iter_blocks

if TYPE_CHECKING:  # the build is imported by the build command, not by a conversion
    from .workflow import BuildReport, Progress


def conversion_report(source: Path, target: Path, doc: Document, *, verbose: bool, quiet: bool) -> None:
    if quiet:
        return
    blocks = list(iter_blocks(doc.blocks))
    paragraphs = sum(1 for b in blocks if b.kind == "p")
    quotes = sum(1 for b in blocks if b.kind == "quote")
    numbers = doc.note_numbers
    span = f" ({numbers[0]}-{numbers[-1]})" if numbers else ""
    where = "standard output" if str(target) == "-" else str(target)
    names = sum(1 for block in blocks for i in block.inlines
                if isinstance(i, Mention) and i.kind != "date")
    dates = sum(1 for block in blocks for i in block.inlines
                if isinstance(i, Mention) and i.kind == "date")
    click.echo(f"{source}: {paragraphs} paragraphs, {quotes} quotations, {len(numbers)} notes"
               f"{span}, {names} names, {dates} dates -> {where}", err=True)
    if verbose:
        for f in doc.findings:
            line = f":{f.line}" if f.line else ""
            click.echo(f"{source}{line}: {f.severity}: {f.message} [{f.code}]", err=True)
    elif doc.findings:
        counts: dict[str, int] = {}
        for f in doc.findings:
            counts[f.code] = counts.get(f.code, 0) + 1
        summary = ", ".join(f"{n} {code}" for code, n in sorted(counts.items()))
        click.echo(f"{source}: warning: {summary} (--verbose lists them)", err=True)


@contextlib.contextmanager
def progress_display(*, quiet: bool, verbose: bool) -> Iterator[Callable[[Progress], None] | None]:
    """A progress bar on a terminal; plain lines otherwise (logs, CI); nothing when quiet."""
    if quiet:
        yield None
        return
    if sys.stderr.isatty() and not verbose and not os.environ.get("CI"):
        bar: Any = None

        def show_bar(event: Progress) -> None:
            nonlocal bar
            if bar is None:
                bar = click.progressbar(length=event.total + 1, label="Building",
                                        file=sys.stderr, show_pos=True,
                                        item_show_func=lambda name: name)
                bar.__enter__()
            bar.update(1, event.name)
        try:
            yield show_bar
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
        return

    def show_line(event: Progress) -> None:
        steps = event.result.steps if event.result else event.steps
        status = event.result.status if event.result else \
            ("failed" if any(s.status == "failed" for s in steps) else "ok")
        done = ", ".join(f"{s.name} {s.status}" for s in steps)
        counter = f"[{event.done}/{event.total}] " if event.result else ""
        click.echo(f"{counter}{event.name}: {status} ({done})", err=True)
        if verbose:
            for s in steps:
                click.echo(f"    {s.name}: {s.status} {s.seconds:.2f} s"
                           + (f": {s.message}" if s.message else ""), err=True)
    yield show_line


def build_report(report: BuildReport, *, quiet: bool) -> None:
    # (Imported here: the validator's modules cost every `html` command 40 ms otherwise.)
    from .validate.formats import problem_line
    for located in report.problems:
        click.echo(problem_line(located.path, located.problem), err=True)
    if quiet:
        return
    counts: dict[str, int] = {}
    for doc in report.documents:
        for warning in doc.warnings:
            click.echo(f"warning: {warning}", err=True)
        for name, count in doc.unhandled.items():
            counts[name] = counts.get(name, 0) + count
    unhandled_table(counts)
    click.echo(f"{report.summary()} -> {report.out}/", err=True)


def rendering_report(messages: Iterable[str], *, prefix: str = "") -> None:
    """The messages of a rendering, each once, then the table of unhandled elements."""
    from .render import count_unhandled
    others, unhandled = count_unhandled(messages)
    for message in dict.fromkeys(others):
        click.echo(f"{prefix}warning: {message}", err=True)
    unhandled_table(unhandled)


def unhandled_table(counts: Mapping[str, int]) -> None:
    """The elements without a rendering of their own, with how often each occurred, as one
    table at the end (``--warn-unhandled``); most frequent first."""
    if not counts:
        return
    total = sum(counts.values())
    click.echo(f"warning: {len(counts)} element{'s' if len(counts) != 1 else ''} without a "
               f"rendering of their own ({total} occurrence{'s' if total != 1 else ''}; "
               "their text is kept):", err=True)
    width = max(len("element"), *(len(name) for name in counts))
    click.echo(f"  {'element':<{width}}  count", err=True)
    for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        click.echo(f"  {name:<{width}}  {count:>5}", err=True)
