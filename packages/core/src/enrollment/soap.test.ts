import { describe, expect, it } from "vitest";
import { readEnvelope } from "./soap.js";

const SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
const SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";

describe("readEnvelope", () => {
  it.each([
    [SOAP12, "1.2"],
    [SOAP11, "1.1"],
  ])("tells the SOAP version by the Envelope's namespace %s", (namespace, version) => {
    const envelope = readEnvelope(
      `<s:Envelope xmlns:s="${namespace}"><s:Body><Answer/></s:Body></s:Envelope>`,
    );
    expect(envelope).toMatchObject({ kind: "body", soapVersion: version });
    if (envelope.kind === "body") expect(envelope.body.local).toBe("Answer");
  });

  it.each([
    ['<s:Envelope xmlns:s="urn:other"><s:Body/></s:Envelope>', /neither SOAP 1.2 nor SOAP 1.1/],
    [`<s:Envelope xmlns:s="${SOAP12}"><s:Header/></s:Envelope>`, /has no Body/],
    [`<s:Envelope xmlns:s="${SOAP12}"><s:Body/></s:Envelope>`, /Body is empty/],
  ])("reports %j as invalid", (xml, message) => {
    const envelope = readEnvelope(xml);
    expect(envelope.kind).toBe("invalid");
    if (envelope.kind === "invalid") expect(envelope.error).toMatch(message);
  });
});
