import { describe, expect, it } from "vitest";
import { parseXml } from "../xml/reader.js";
import { canonicalize, compactXml } from "./c14n.js";

describe("canonicalize (Canonical XML 1.0, as the signed header needs it)", () => {
  it("orders namespace declarations first, then attributes by namespace URI and local name", () => {
    const xml = '<b:e xmlns:b="urn:b" z="1" xmlns="urn:d" a="2" b:c="3"><x/></b:e>';
    expect(canonicalize(parseXml(xml))).toBe(
      '<b:e xmlns="urn:d" xmlns:b="urn:b" a="2" z="1" b:c="3"><x></x></b:e>',
    );
  });

  it("drops a declaration an ancestor already made and escapes text and attributes", () => {
    const xml =
      '<a xmlns:p="urn:p"><p:b xmlns:p="urn:p" v="&quot;x&#9;">1 &lt; 2 &gt; 0 &amp;&#13;</p:b></a>';
    expect(canonicalize(parseXml(xml))).toBe(
      '<a xmlns:p="urn:p"><p:b v="&quot;x&#x9;">1 &lt; 2 &gt; 0 &amp;&#xD;</p:b></a>',
    );
  });

  it("compacts what winenroll writes so that no element has mixed content", () => {
    expect(compactXml('<?xml version="1.0"?>\n<a>\n  <b>t</b>\n</a>\n')).toBe("<a><b>t</b></a>");
  });
});
