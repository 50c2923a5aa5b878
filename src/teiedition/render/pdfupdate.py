"""Changes to a PDF that Typst wrote, appended as an incremental update (issue 13).

What Typst wrote stays byte for byte (its PDF/A metadata, document id, attachment): the
changed objects follow it, with a cross-reference table of their own and a trailer that
goes on from Typst's. PDF/A-2 and -3 allow such an update; the same input gives the same
bytes.
"""

from __future__ import annotations

import io
from typing import Iterator, Mapping

import pypdf
from pypdf.generic import (DecodedStreamObject, DictionaryObject, NameObject, NumberObject,
                           PdfObject, StreamObject)


def append_update(data: bytes, reader: pypdf.PdfReader, objects: Mapping[int, PdfObject]
                  ) -> bytes:
    """``data`` (the PDF ``reader`` reads) with ``objects`` (by object number: the changed
    ones, and new ones numbered from the trailer's /Size on) appended."""
    out = io.BytesIO()
    out.write(data if data.endswith(b"\n") else data + b"\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number)
        objects[number].write_to_stream(out)
        out.write(b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n")
    for first, numbers in _runs(sorted(offsets)):
        out.write(b"%d %d\n" % (first, len(numbers)))
        for number in numbers:
            out.write(b"%010d 00000 n \n" % offsets[number])
    trailer = DictionaryObject({NameObject(key): reader.trailer.raw_get(key)
                                for key in ("/Root", "/Info", "/ID") if key in reader.trailer})
    trailer[NameObject("/Size")] = NumberObject(max(int(reader.trailer["/Size"]),
                                                    max(objects) + 1))
    trailer[NameObject("/Prev")] = NumberObject(_startxref(data))
    out.write(b"trailer\n")
    trailer.write_to_stream(out)
    out.write(b"\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def stream_like(original: StreamObject, data: bytes) -> StreamObject:
    """A stream with ``data``, compressed, and the other entries of ``original``'s
    dictionary."""
    stream = DecodedStreamObject()
    for key, value in original.items():
        if key not in ("/Length", "/Filter", "/DecodeParms"):
            stream[NameObject(key)] = value
    stream.set_data(data)
    return stream.flate_encode()


def _runs(numbers: list[int]) -> Iterator[tuple[int, list[int]]]:
    run: list[int] = []
    for number in numbers:
        if run and number != run[-1] + 1:
            yield run[0], run
            run = []
        run.append(number)
    if run:
        yield run[0], run


def _startxref(data: bytes) -> int:
    at = data.rindex(b"startxref")
    return int(data[at + len(b"startxref"):].split()[0])
