import { describe, expect, it } from "vitest";
import { childByName, parseXml } from "../xml/reader.js";
import {
  buildDiscoverRequest,
  DISCOVER_ACTION,
  ENROLLMENT_NAMESPACE,
  REQUEST_VERSIONS,
} from "./request.js";

const to = "https://EnterpriseEnrollment.contoso.com/EnrollmentServer/Discovery.svc";

describe("buildDiscoverRequest", () => {
  it("writes the MS-MDE2 envelope with the request fields", () => {
    const request = buildDiscoverRequest({
      email: "a&b@contoso.com",
      to,
      requestVersion: "4.0",
      authPolicies: ["OnPremise", "Federated"],
    });
    const root = parseXml(request.xml);
    expect(root.namespace).toBe("http://www.w3.org/2003/05/soap-envelope");
    const header = childByName(root, "Header")!;
    expect(childByName(header, "Action")!.text).toBe(DISCOVER_ACTION);
    expect(childByName(header, "To")!.text).toBe(to);
    expect(childByName(header, "MessageID")!.text).toBe(request.messageId);
    const discover = childByName(childByName(root, "Body")!, "Discover")!;
    expect(discover.namespace).toBe(`${ENROLLMENT_NAMESPACE}/`);
    const body = childByName(discover, "request")!;
    expect(childByName(body, "EmailAddress")!.text).toBe("a&b@contoso.com");
    expect(childByName(body, "RequestVersion")!.text).toBe("4.0");
    expect(childByName(body, "DeviceType")!.text).toBe("CIMClient_Windows");
    expect(childByName(body, "AuthPolicies")!.children.map((c) => c.text)).toEqual([
      "OnPremise",
      "Federated",
    ]);
    expect(request.headers["Content-Type"]).toBe("application/soap+xml; charset=utf-8");
  });

  it("makes a fresh MessageID each time", () => {
    const a = buildDiscoverRequest({ email: "u@contoso.com", to }).messageId;
    const b = buildDiscoverRequest({ email: "u@contoso.com", to }).messageId;
    expect(a).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });

  it("accepts every RequestVersion from 1.0 to 7.0 and refuses others", () => {
    for (const v of REQUEST_VERSIONS)
      expect(buildDiscoverRequest({ email: "u@c.com", to, requestVersion: v }).requestVersion).toBe(
        v,
      );
    expect(() =>
      buildDiscoverRequest({ email: "u@c.com", to, requestVersion: "8.0" as never }),
    ).toThrow(RangeError);
    expect(() => buildDiscoverRequest({ email: "u@c.com", to, authPolicies: [] })).toThrow(
      RangeError,
    );
    expect(() =>
      buildDiscoverRequest({ email: "u@c.com", to, authPolicies: ["Kerberos" as never] }),
    ).toThrow(RangeError);
  });
});
