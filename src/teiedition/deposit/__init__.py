"""The deposit package of an edition (issue 17): a zipped BagIt bag with the TEI files,
PDFs, HTML edition and register, a DataCite record, a CITATION.cff and a README; and the
check of such a package."""

from .bag import PackageError, PackageResult, check_target, edition_metadata, make_package
from .check import Limits, check_package
from .record import citation_cff, datacite_xml, edition_record

__all__ = ["Limits", "PackageError", "PackageResult", "check_package", "check_target", "citation_cff",
           "datacite_xml", "edition_metadata", "edition_record", "make_package"]
