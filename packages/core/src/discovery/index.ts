/**
 * @winenroll/core/discovery: the MS-MDE2 discovery probe: request building, response reading and the
 * diagnosis of what a server answered. Runs over a transport (`@winenroll/core/node` has Node's).
 */

export {
  childByName,
  parseXml,
  textContent,
  type XmlElement,
  XmlError,
  type XmlLimits,
} from "../xml/reader.js";
export {
  DISCOVERY_CHECKS,
  type DiscoveryCheck,
  type DiscoveryCode,
  type DiscoveryStepId,
  discoveryCheck,
} from "./checks.js";
export { diagnoseDiscovery } from "./diagnose.js";
export type {
  DiscoveryObservation,
  DiscoveryReport,
  DiscoveryStep,
  FollowedExchange,
  Redirect,
  StepVerdict,
} from "./observation.js";
export {
  type ProbeOptions,
  type ProbeTarget,
  probeDiscovery,
  resolveProbeTarget,
} from "./probe.js";
export {
  ADDRESSING_NAMESPACE,
  AUTH_POLICIES,
  type AuthPolicy,
  buildDiscoverRequest,
  DISCOVER_ACTION,
  DISCOVER_RESPONSE_ACTION,
  DISCOVERY_GET_HEADERS,
  DISCOVERY_POST_HEADERS,
  type DiscoverRequest,
  type DiscoverRequestOptions,
  ENROLLMENT_NAMESPACE,
  REQUEST_VERSIONS,
  type RequestVersion,
  SOAP11_NAMESPACE,
  SOAP12_NAMESPACE,
} from "./request.js";
export {
  type DiscoverFault,
  type DiscoverResult,
  type ParsedDiscoverResponse,
  parseDiscoverResponse,
  type SoapVersion,
} from "./response.js";
export {
  buildDiscoverFault,
  type DiscoverResponseSample,
  discoverResponseSamples,
  type FaultOptions,
} from "./samples.js";
export type {
  DiscoveryTransport,
  DnsAnswer,
  HttpExchange,
  HttpRequest,
  HttpResponse,
  SendOptions,
  TlsDetails,
  TransportFailure,
  TransportFailureKind,
} from "./transport.js";
export {
  DISCOVERY_LABEL,
  DISCOVERY_PATH,
  DiscoveryInputError,
  discoveryUrl,
  domainOf,
} from "./url.js";
