import { describe, expect, it } from "vitest";
import { parseDiscoverResponse } from "./response.js";
import { buildDiscoverFault, discoverResponseSamples } from "./samples.js";

describe("parseDiscoverResponse", () => {
  it.each(discoverResponseSamples().map((s) => [s.name, s] as const))(
    "reads the MS-MDE2 %s sample, trimming values",
    (_, sample) => {
      const parsed = parseDiscoverResponse(sample.xml);
      expect(parsed.kind).toBe("result");
      if (parsed.kind !== "result") return;
      expect(parsed.result.authPolicy).toBe(sample.authPolicy);
      expect(parsed.result.enrollmentServiceUrl).toBe(
        "https://enrolltest.contoso.com/ENROLLMENTSERVER/DEVICEENROLLMENTWEBSERVICE.SVC",
      );
      expect(parsed.result.authenticationServiceUrl === undefined).toBe(
        sample.authPolicy !== "Federated",
      );
      expect(parsed.relatesTo).toBe("urn:uuid: 748132ec-a575-4329-b01b-6171a9cf8478");
    },
  );

  it("accepts the namespace with a trailing slash and a SOAP 1.1 envelope", () => {
    const xml = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
      <DiscoverResponse xmlns="http://schemas.microsoft.com/windows/management/2012/01/enrollment/"><DiscoverResult>
      <AuthPolicy> OnPremise </AuthPolicy><EnrollmentServiceUrl>https://e.contoso.com/x</EnrollmentServiceUrl>
      </DiscoverResult></DiscoverResponse></soap:Body></soap:Envelope>`;
    const parsed = parseDiscoverResponse(xml);
    expect(parsed).toMatchObject({
      kind: "result",
      soapVersion: "1.1",
      result: { authPolicy: "OnPremise" },
    });
  });

  it("maps faults to catalog entries, the ErrorType first", () => {
    const capped = parseDiscoverResponse(
      buildDiscoverFault({
        subcode: "Authorization",
        errorType: "DeviceCapReached",
        reason: "device cap reached",
      }),
    );
    expect(capped).toMatchObject({
      kind: "fault",
      fault: {
        subcode: "Authorization",
        errorType: "DeviceCapReached",
        reason: "device cap reached",
        errors: ["menroll-e-devicecapreached"],
      },
    });
    const internal = parseDiscoverResponse(
      buildDiscoverFault({ namespace: "a", subcode: "InternalServiceFault" }),
    );
    expect(internal).toMatchObject({
      kind: "fault",
      fault: { errors: ["menroll-e-device-internalservice-error"] },
    });
  });

  it("reads the spec's all-lowercase fault sample", () => {
    const xml = `<s:envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:body><s:fault><s:code><s:value>s:receiver</s:value>
      <s:subcode><s:value>s:authorization</s:value></s:subcode></s:code><s:reason><s:text xml:lang="en-us">device cap reached</s:text></s:reason>
      <s:detail><deviceenrollmentserviceerror xmlns="http://schemas.microsoft.com/windows/pki/2009/01/enrollment"><errortype>devicecapreached</errortype>
      <message>device cap reached</message><traceid>2493ee37</traceid></deviceenrollmentserviceerror></s:detail></s:fault></s:body></s:envelope>`;
    expect(parseDiscoverResponse(xml)).toMatchObject({
      kind: "fault",
      fault: { traceId: "2493ee37", errors: ["menroll-e-devicecapreached"] },
    });
  });

  it.each([
    ["", /empty/],
    ["<html><body>Not here</body></html>", /not a SOAP Envelope/],
    ['<s:Envelope xmlns:s="urn:other"><s:Body/></s:Envelope>', /neither SOAP 1.2 nor SOAP 1.1/],
    [
      '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header/></s:Envelope>',
      /has no Body/,
    ],
    [
      '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><X/></s:Body></s:Envelope>',
      /neither a DiscoverResponse/,
    ],
    ['<!DOCTYPE x [<!ENTITY a "b">]><s:Envelope/>', /refused/],
  ])("reports %j as invalid", (xml, message) => {
    const parsed = parseDiscoverResponse(xml);
    expect(parsed.kind).toBe("invalid");
    if (parsed.kind === "invalid") expect(parsed.error).toMatch(message);
  });
});
