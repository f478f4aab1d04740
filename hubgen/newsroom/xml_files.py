"""XML files (the Atom feeds, the sitemaps) built as ElementTree elements, so that they are
well-formed by construction: ElementTree escapes text and attributes, and names namespaces."""

from __future__ import annotations

import re
import threading
import xml.etree.ElementTree as ET

__all__ = ["XML_LANG", "add", "document"]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Characters XML 1.0 forbids even as character references (its Char production, section 2.2).
# ElementTree writes whatever it gets, and one stray control character in a title would make
# every reader reject the whole file; dropping them loses nothing readable.
_REGISTRY = threading.Lock()
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    """A child element of `parent` (`tag` in Clark notation, `{namespace}name`)."""
    element = ET.SubElement(parent, tag, {key: _NOT_XML.sub("", value)
                                          for key, value in attributes.items()})
    if text is not None:
        element.text = _NOT_XML.sub("", text)
    return element


def document(root: ET.Element, namespace: str, encoding: str) -> str:
    """`root` indented by two spaces, `namespace` its default, after the XML declaration
    (written here: ElementTree's own has single quotes, these files always had double)."""
    ET.indent(root, space="  ")
    # ElementTree's `default_namespace` refuses attributes without a namespace (all of Atom's
    # and the sitemaps'), and the default prefix lives in its global registry of prefixes:
    # set it for this document, and let no other thread set another meanwhile.
    with _REGISTRY:
        ET.register_namespace("", namespace)
        body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="{encoding}"?>\n{body}\n'
