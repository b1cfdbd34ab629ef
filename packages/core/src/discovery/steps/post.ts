import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { verdictOf } from "../../diagnostics/step.js";
import { finding, windowsCode } from "../checks.js";
import type { DiscoveryObservation } from "../observation.js";
import { type ParsedDiscoverResponse, parseDiscoverResponse } from "../response.js";
import type { HttpResponse } from "../transport.js";
import { failureFinding } from "./failures.js";
import { lastExchange, retryAfterOf, retryHint, seconds } from "./http.js";
import { redirectFindings } from "./redirects.js";
import type { StepOutcome } from "./step.js";

const SOAP12_CONTENT_TYPE = "application/soap+xml";
const PLAIN_XML_CONTENT_TYPES = ["text/xml", "application/xml"];

/**
 * The POST step: the Discover request and how its answer came back. `parsed` is the body read as
 * a Discover response, when there is one to read.
 */
export function judgePost(
  observation: DiscoveryObservation,
  getPassed: boolean,
): StepOutcome & { parsed?: ParsedDiscoverResponse } {
  const post = observation.post;
  const skipped = (summary: string) => ({
    verdict: "skipped" as const,
    summary,
    details: [],
    diagnostics: [],
  });
  if (!getPassed) return skipped("not sent: the GET failed, so Windows stops here");
  if (!post && observation.outOfTimeBeforePost) {
    return {
      verdict: "fail",
      summary: "not sent: no time left",
      details: [],
      diagnostics: [
        finding(
          "timeout",
          `The probe's ${seconds(observation.timeoutMs)} ran out before the Discover POST could be sent.`,
          "Find out why the earlier steps are so slow, or raise --timeout.",
        ),
      ],
    };
  }
  if (!post) return skipped("not sent");
  const diagnostics: Diagnostic[] = [...redirectFindings(post)];
  const details: { label: string; value: string }[] = [];
  const final = lastExchange(post)!;
  let summary = "not sent";
  let parsed: ParsedDiscoverResponse | undefined;
  if (final.failure) {
    diagnostics.push(failureFinding(final.failure, "Discover POST", observation.timeoutMs));
    summary = final.failure.message;
  } else if (final.response && !post.stopped) {
    const response = final.response;
    const contentType = response.headers["content-type"];
    summary = `HTTP ${response.status}, ${response.bytes} bytes${contentType ? `, ${contentType}` : ""}`;
    details.push({ label: "status", value: String(response.status) });
    details.push({ label: "content-type", value: contentType ?? "(none)" });
    details.push({ label: "transfer", value: response.chunked ? "chunked" : "one message" });
    const body = bodyFindings(response);
    diagnostics.push(...body.diagnostics);
    parsed = body.readable ? parseDiscoverResponse(response.body) : undefined;
    if (response.chunked) {
      diagnostics.push(
        finding(
          "chunked-response",
          "The response is sent with Transfer-Encoding: chunked; Windows needs it as one message.",
          "Send the response with a Content-Length instead of chunked encoding (buffer it on the server).",
        ),
      );
    }
    // A fault sent with an error status is read whatever its content type.
    if (response.body.trim() !== "" && !(response.status !== 200 && looksLikeFault(response))) {
      diagnostics.push(...contentTypeFindings(contentType));
    }
  }
  return {
    verdict: verdictOf(diagnostics),
    summary,
    details,
    diagnostics,
    ...(parsed ? { parsed } : {}),
  };
}

function looksLikeFault(response: HttpResponse): boolean {
  return /<(\w+:)?Fault[\s>]/i.test(response.body);
}

/** Whether the body can be read as a Discover response, and what stops it when it cannot. */
function bodyFindings(response: HttpResponse): { readable: boolean; diagnostics: Diagnostic[] } {
  if (response.truncated) {
    return {
      readable: false,
      diagnostics: [
        finding(
          "response-too-large",
          `The response is larger than the probe's limit (${response.bytes} bytes read).`,
          "A Discover response is a few kilobytes; check what the server sends.",
        ),
      ],
    };
  }
  if (response.status === 200 && response.body.trim() === "") {
    return {
      readable: false,
      diagnostics: [
        finding(
          "empty-response",
          "The Discover POST got HTTP 200 with an empty body.",
          `Return the DiscoverResponse envelope; Windows reports ${windowsCode("menroll-e-empty-message")}.`,
        ),
      ],
    };
  }
  if (response.status !== 200 && !looksLikeFault(response)) {
    return {
      readable: false,
      diagnostics: [
        finding(
          "post-status",
          `The Discover POST got HTTP ${response.status}${retryAfterOf(response)}.`,
          `${retryHint(response)}The discovery URL must answer the Discover POST with 200 and a DiscoverResponse.`,
        ),
      ],
    };
  }
  return { readable: true, diagnostics: [] };
}

function contentTypeFindings(contentType: string | undefined): Diagnostic[] {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === SOAP12_CONTENT_TYPE) return [];
  if (PLAIN_XML_CONTENT_TYPES.includes(type)) {
    return [
      finding(
        "content-type-not-soap12",
        `The Discover response is served as ${type}, not application/soap+xml.`,
        "Serve the SOAP 1.2 response with Content-Type: application/soap+xml; charset=utf-8.",
      ),
    ];
  }
  return [
    finding(
      "wrong-content-type",
      `The Discover response is served as ${type === "" ? "no content type at all" : type}, not application/soap+xml.`,
      "Serve the Discover response with Content-Type: application/soap+xml; charset=utf-8.",
    ),
  ];
}
