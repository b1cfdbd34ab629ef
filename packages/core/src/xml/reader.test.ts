import { describe, expect, it } from "vitest";
import { childByName, parseXml, parseXmlOrError, textContent } from "./reader.js";

describe("parseXml", () => {
  it("resolves namespaces, decodes predefined entities, character references and CDATA", () => {
    const root = parseXml(
      `<?xml version="1.0"?><!-- c --><s:E xmlns:s="urn:s" xmlns="urn:d"><s:B a="x &amp; y">1 &lt; 2 &#65;&#x42;<![CDATA[<raw>]]></s:B><C/></s:E>`,
    );
    expect(root).toMatchObject({ local: "E", namespace: "urn:s" });
    const b = childByName(root, "b")!;
    expect(b.attributes["a"]).toBe("x & y");
    expect(b.text).toBe("1 < 2 AB<raw>");
    expect(childByName(root, "C")?.namespace).toBe("urn:d");
    expect(textContent(root)).toBe("1 < 2 AB<raw>");
  });

  it("refuses DOCTYPE, so no entity can be declared or expanded", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><lolz>&lol2;</lolz>`;
    expect(() => parseXml(bomb)).toThrow(/document type declarations are refused/);
    expect(() => parseXml("<a>&lol;</a>")).toThrow(/unknown entity/);
    expect(() => parseXml('<a b="&ext;"/>')).toThrow(/unknown entity/);
  });

  it.each([
    ["<a><b></a>", /does not match/],
    ["<a>", /never closed/],
    ["<a/><b/>", /more than one root/],
    ["<p:a/>", /undeclared namespace prefix/],
    ["text", /text outside/],
    ["<a b=c/>", /not quoted/],
    ["", /no root/],
  ])("rejects %j", (xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });

  it("limits depth and element count", () => {
    expect(() => parseXml(`${"<a>".repeat(100)}${"</a>".repeat(100)}`)).toThrow(/deeper than 64/);
    expect(() => parseXml(`<r>${"<a/>".repeat(20)}</r>`, { maxElements: 10 })).toThrow(
      /more than 10 elements/,
    );
  });
});

describe("parseXmlOrError", () => {
  it("gives the root of readable XML", () => {
    const parsed = parseXmlOrError("<a><b/></a>");
    expect("root" in parsed && parsed.root.children[0]?.local).toBe("b");
  });

  it("gives the parser's reason instead of throwing, with the limits passed on", () => {
    expect(parseXmlOrError(`<r>${"<a/>".repeat(20)}</r>`, { maxElements: 10 })).toEqual({
      error: expect.stringMatching(/more than 10 elements/),
    });
    expect(parseXmlOrError("<a>")).toEqual({ error: expect.any(String) });
  });
});
