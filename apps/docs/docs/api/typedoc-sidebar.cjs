// @ts-check
/** @type {import("@docusaurus/plugin-content-docs").SidebarsConfig} */
const typedocSidebar = {
  items: [
    {
      type: "category",
      label: "index",
      items: [
        {
          type: "category",
          label: "Classes",
          items: [
            {
              type: "doc",
              id: "api/index/classes/DeviceStateError",
              label: "DeviceStateError"
            },
            {
              type: "doc",
              id: "api/index/classes/DiscoveryInputError",
              label: "DiscoveryInputError"
            },
            {
              type: "doc",
              id: "api/index/classes/EnrollmentBatch",
              label: "EnrollmentBatch"
            },
            {
              type: "doc",
              id: "api/index/classes/MdmReportError",
              label: "MdmReportError"
            },
            {
              type: "doc",
              id: "api/index/classes/SeenUsers",
              label: "SeenUsers"
            },
            {
              type: "doc",
              id: "api/index/classes/TokenKeyError",
              label: "TokenKeyError"
            },
            {
              type: "doc",
              id: "api/index/classes/WindowsVersionError",
              label: "WindowsVersionError"
            },
            {
              type: "doc",
              id: "api/index/classes/XmlError",
              label: "XmlError"
            }
          ]
        },
        {
          type: "category",
          label: "Interfaces",
          items: [
            {
              type: "doc",
              id: "api/index/interfaces/BatchCheck",
              label: "BatchCheck"
            },
            {
              type: "doc",
              id: "api/index/interfaces/BatchOptions",
              label: "BatchOptions"
            },
            {
              type: "doc",
              id: "api/index/interfaces/BatchRowResult",
              label: "BatchRowResult"
            },
            {
              type: "doc",
              id: "api/index/interfaces/BatchSummary",
              label: "BatchSummary"
            },
            {
              type: "doc",
              id: "api/index/interfaces/BuildOptions",
              label: "BuildOptions"
            },
            {
              type: "doc",
              id: "api/index/interfaces/Citation",
              label: "Citation"
            },
            {
              type: "doc",
              id: "api/index/interfaces/CodeInterpretation",
              label: "CodeInterpretation"
            },
            {
              type: "doc",
              id: "api/index/interfaces/CollectedState",
              label: "CollectedState"
            },
            {
              type: "doc",
              id: "api/index/interfaces/ColumnPlan",
              label: "ColumnPlan"
            },
            {
              type: "doc",
              id: "api/index/interfaces/ConnectionManagement",
              label: "ConnectionManagement"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DependsOn",
              label: "DependsOn"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DeviceState",
              label: "DeviceState"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DeviceStateWithProvenance",
              label: "DeviceStateWithProvenance"
            },
            {
              type: "doc",
              id: "api/index/interfaces/Diagnostic",
              label: "Diagnostic"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DiscoverFault",
              label: "DiscoverFault"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DiscoverRequest",
              label: "DiscoverRequest"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DiscoverRequestOptions",
              label: "DiscoverRequestOptions"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DiscoverResponseSample",
              label: "DiscoverResponseSample"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DiscoverResult",
              label: "DiscoverResult"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DiscoveryObservation",
              label: "DiscoveryObservation"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DiscoveryReport",
              label: "DiscoveryReport"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DiscoveryStep",
              label: "DiscoveryStep"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DiscoveryTransport",
              label: "DiscoveryTransport"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DnsAnswer",
              label: "DnsAnswer"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DsregcmdErrorCode",
              label: "DsregcmdErrorCode"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DsregcmdFact",
              label: "DsregcmdFact"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DsregcmdField",
              label: "DsregcmdField"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DsregcmdFieldUse",
              label: "DsregcmdFieldUse"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DsregcmdJoin",
              label: "DsregcmdJoin"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DsregcmdJoinRow",
              label: "DsregcmdJoinRow"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DsregcmdSection",
              label: "DsregcmdSection"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DsregcmdStatus",
              label: "DsregcmdStatus"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DsregcmdUnreadLine",
              label: "DsregcmdUnreadLine"
            },
            {
              type: "doc",
              id: "api/index/interfaces/DsregcmdWorkAccount",
              label: "DsregcmdWorkAccount"
            },
            {
              type: "doc",
              id: "api/index/interfaces/EditionClaim",
              label: "EditionClaim"
            },
            {
              type: "doc",
              id: "api/index/interfaces/EnrollmentMethod",
              label: "EnrollmentMethod"
            },
            {
              type: "doc",
              id: "api/index/interfaces/EnrollmentResult",
              label: "EnrollmentResult"
            },
            {
              type: "doc",
              id: "api/index/interfaces/EnrollmentRule",
              label: "EnrollmentRule"
            },
            {
              type: "doc",
              id: "api/index/interfaces/EnrollmentTokenClaims",
              label: "EnrollmentTokenClaims"
            },
            {
              type: "doc",
              id: "api/index/interfaces/ErrorCatalogEntry",
              label: "ErrorCatalogEntry"
            },
            {
              type: "doc",
              id: "api/index/interfaces/ErrorExplanation",
              label: "ErrorExplanation"
            },
            {
              type: "doc",
              id: "api/index/interfaces/ErrorMatch",
              label: "ErrorMatch"
            },
            {
              type: "doc",
              id: "api/index/interfaces/ExplainOptions",
              label: "ExplainOptions"
            },
            {
              type: "doc",
              id: "api/index/interfaces/FacilityInfo",
              label: "FacilityInfo"
            },
            {
              type: "doc",
              id: "api/index/interfaces/FactSource",
              label: "FactSource"
            },
            {
              type: "doc",
              id: "api/index/interfaces/FaultOptions",
              label: "FaultOptions"
            },
            {
              type: "doc",
              id: "api/index/interfaces/Finding",
              label: "Finding"
            },
            {
              type: "doc",
              id: "api/index/interfaces/FollowedExchange",
              label: "FollowedExchange"
            },
            {
              type: "doc",
              id: "api/index/interfaces/HResultDecoding",
              label: "HResultDecoding"
            },
            {
              type: "doc",
              id: "api/index/interfaces/HttpExchange",
              label: "HttpExchange"
            },
            {
              type: "doc",
              id: "api/index/interfaces/HttpRequest",
              label: "HttpRequest"
            },
            {
              type: "doc",
              id: "api/index/interfaces/HttpResponse",
              label: "HttpResponse"
            },
            {
              type: "doc",
              id: "api/index/interfaces/InspectOptions",
              label: "InspectOptions"
            },
            {
              type: "doc",
              id: "api/index/interfaces/InvalidRecord",
              label: "InvalidRecord"
            },
            {
              type: "doc",
              id: "api/index/interfaces/JwtClaims",
              label: "JwtClaims"
            },
            {
              type: "doc",
              id: "api/index/interfaces/KnownMessage",
              label: "KnownMessage"
            },
            {
              type: "doc",
              id: "api/index/interfaces/LinkInspection",
              label: "LinkInspection"
            },
            {
              type: "doc",
              id: "api/index/interfaces/LinkParameter",
              label: "LinkParameter"
            },
            {
              type: "doc",
              id: "api/index/interfaces/LinkRule",
              label: "LinkRule"
            },
            {
              type: "doc",
              id: "api/index/interfaces/MailTemplate",
              label: "MailTemplate"
            },
            {
              type: "doc",
              id: "api/index/interfaces/MdmReport",
              label: "MdmReport"
            },
            {
              type: "doc",
              id: "api/index/interfaces/MdmReportCode",
              label: "MdmReportCode"
            },
            {
              type: "doc",
              id: "api/index/interfaces/MdmReportEnrollment",
              label: "MdmReportEnrollment"
            },
            {
              type: "doc",
              id: "api/index/interfaces/MethodResult",
              label: "MethodResult"
            },
            {
              type: "doc",
              id: "api/index/interfaces/MinimumWindows",
              label: "MinimumWindows"
            },
            {
              type: "doc",
              id: "api/index/interfaces/ModeDefinition",
              label: "ModeDefinition"
            },
            {
              type: "doc",
              id: "api/index/interfaces/NamedCode",
              label: "NamedCode"
            },
            {
              type: "doc",
              id: "api/index/interfaces/ParsedLink",
              label: "ParsedLink"
            },
            {
              type: "doc",
              id: "api/index/interfaces/ProbeOptions",
              label: "ProbeOptions"
            },
            {
              type: "doc",
              id: "api/index/interfaces/ProbeTarget",
              label: "ProbeTarget"
            },
            {
              type: "doc",
              id: "api/index/interfaces/QueryPair",
              label: "QueryPair"
            },
            {
              type: "doc",
              id: "api/index/interfaces/Recommendation",
              label: "Recommendation"
            },
            {
              type: "doc",
              id: "api/index/interfaces/RecommendOptions",
              label: "RecommendOptions"
            },
            {
              type: "doc",
              id: "api/index/interfaces/Redirect",
              label: "Redirect"
            },
            {
              type: "doc",
              id: "api/index/interfaces/ReleaseCapabilities",
              label: "ReleaseCapabilities"
            },
            {
              type: "doc",
              id: "api/index/interfaces/ReleaseClaim",
              label: "ReleaseClaim"
            },
            {
              type: "doc",
              id: "api/index/interfaces/ReleaseRequirement",
              label: "ReleaseRequirement"
            },
            {
              type: "doc",
              id: "api/index/interfaces/RuleConflict",
              label: "RuleConflict"
            },
            {
              type: "doc",
              id: "api/index/interfaces/RuleHit",
              label: "RuleHit"
            },
            {
              type: "doc",
              id: "api/index/interfaces/SendOptions",
              label: "SendOptions"
            },
            {
              type: "doc",
              id: "api/index/interfaces/SoapFault",
              label: "SoapFault"
            },
            {
              type: "doc",
              id: "api/index/interfaces/SourceDocument",
              label: "SourceDocument"
            },
            {
              type: "doc",
              id: "api/index/interfaces/TenantState",
              label: "TenantState"
            },
            {
              type: "doc",
              id: "api/index/interfaces/TlsDetails",
              label: "TlsDetails"
            },
            {
              type: "doc",
              id: "api/index/interfaces/TokenKey",
              label: "TokenKey"
            },
            {
              type: "doc",
              id: "api/index/interfaces/TokenRequest",
              label: "TokenRequest"
            },
            {
              type: "doc",
              id: "api/index/interfaces/TokenSigner",
              label: "TokenSigner"
            },
            {
              type: "doc",
              id: "api/index/interfaces/TokenSignerOptions",
              label: "TokenSignerOptions"
            },
            {
              type: "doc",
              id: "api/index/interfaces/TokenVerification",
              label: "TokenVerification"
            },
            {
              type: "doc",
              id: "api/index/interfaces/TransportFailure",
              label: "TransportFailure"
            },
            {
              type: "doc",
              id: "api/index/interfaces/VerifyTokenOptions",
              label: "VerifyTokenOptions"
            },
            {
              type: "doc",
              id: "api/index/interfaces/WayIn",
              label: "WayIn"
            },
            {
              type: "doc",
              id: "api/index/interfaces/WayVerdict",
              label: "WayVerdict"
            },
            {
              type: "doc",
              id: "api/index/interfaces/WindowsEdition",
              label: "WindowsEdition"
            },
            {
              type: "doc",
              id: "api/index/interfaces/WindowsMessage",
              label: "WindowsMessage"
            },
            {
              type: "doc",
              id: "api/index/interfaces/WindowsRelease",
              label: "WindowsRelease"
            },
            {
              type: "doc",
              id: "api/index/interfaces/WindowsVersion",
              label: "WindowsVersion"
            },
            {
              type: "doc",
              id: "api/index/interfaces/XmlElement",
              label: "XmlElement"
            },
            {
              type: "doc",
              id: "api/index/interfaces/XmlLimits",
              label: "XmlLimits"
            }
          ]
        },
        {
          type: "category",
          label: "Type Aliases",
          items: [
            {
              type: "doc",
              id: "api/index/type-aliases/AccountKind",
              label: "AccountKind"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/AnchorFormat",
              label: "AnchorFormat"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/AuthPolicy",
              label: "AuthPolicy"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/BatchCheckCode",
              label: "BatchCheckCode"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/BrowserKind",
              label: "BrowserKind"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/Condition",
              label: "Condition"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/DeviceFact",
              label: "DeviceFact"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/DeviceStateProvenance",
              label: "DeviceStateProvenance"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/DsregcmdJoinType",
              label: "DsregcmdJoinType"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/EditionId",
              label: "EditionId"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/EnrollmentLinkParams",
              label: "EnrollmentLinkParams"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/EnrollmentMode",
              label: "EnrollmentMode"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/ErrorOrigin",
              label: "ErrorOrigin"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/FactPath",
              label: "FactPath"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/FormFactor",
              label: "FormFactor"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/JoinState",
              label: "JoinState"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/LinkEncoding",
              label: "LinkEncoding"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/LinkParamName",
              label: "LinkParamName"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/LinkParamValues",
              label: "LinkParamValues"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/ManagedBy",
              label: "ManagedBy"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/MatchKind",
              label: "MatchKind"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/MethodId",
              label: "MethodId"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/ParsedDiscoverResponse",
              label: "ParsedDiscoverResponse"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/RequestVersion",
              label: "RequestVersion"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/Severity",
              label: "Severity"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/SignInKind",
              label: "SignInKind"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/SourceId",
              label: "SourceId"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/StartPoint",
              label: "StartPoint"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/StepVerdict",
              label: "StepVerdict"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/TokenAlgorithm",
              label: "TokenAlgorithm"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/TransportFailureKind",
              label: "TransportFailureKind"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/ValueKind",
              label: "ValueKind"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/Verdict",
              label: "Verdict"
            },
            {
              type: "doc",
              id: "api/index/type-aliases/WindowsProduct",
              label: "WindowsProduct"
            }
          ]
        },
        {
          type: "category",
          label: "Variables",
          items: [
            {
              type: "doc",
              id: "api/index/variables/ADDRESSING_NAMESPACE",
              label: "ADDRESSING_NAMESPACE"
            },
            {
              type: "doc",
              id: "api/index/variables/AUTH_POLICIES",
              label: "AUTH_POLICIES"
            },
            {
              type: "doc",
              id: "api/index/variables/BATCH_CHECKS",
              label: "BATCH_CHECKS"
            },
            {
              type: "doc",
              id: "api/index/variables/COLLECTED_STATE_FORMAT",
              label: "COLLECTED_STATE_FORMAT"
            },
            {
              type: "doc",
              id: "api/index/variables/COLUMN_ALIASES",
              label: "COLUMN_ALIASES"
            },
            {
              type: "doc",
              id: "api/index/variables/DEFAULT_WELCOME_MAIL",
              label: "DEFAULT_WELCOME_MAIL"
            },
            {
              type: "doc",
              id: "api/index/variables/DEVICE_FACT_VALUES",
              label: "DEVICE_FACT_VALUES"
            },
            {
              type: "doc",
              id: "api/index/variables/DEVICE_FACTS",
              label: "DEVICE_FACTS"
            },
            {
              type: "doc",
              id: "api/index/variables/DISCOVER_ACTION",
              label: "DISCOVER_ACTION"
            },
            {
              type: "doc",
              id: "api/index/variables/DISCOVER_RESPONSE_ACTION",
              label: "DISCOVER_RESPONSE_ACTION"
            },
            {
              type: "doc",
              id: "api/index/variables/DISCOVERY_GET_HEADERS",
              label: "DISCOVERY_GET_HEADERS"
            },
            {
              type: "doc",
              id: "api/index/variables/DISCOVERY_LABEL",
              label: "DISCOVERY_LABEL"
            },
            {
              type: "doc",
              id: "api/index/variables/DISCOVERY_PATH",
              label: "DISCOVERY_PATH"
            },
            {
              type: "doc",
              id: "api/index/variables/DISCOVERY_POST_HEADERS",
              label: "DISCOVERY_POST_HEADERS"
            },
            {
              type: "doc",
              id: "api/index/variables/DSREGCMD_FIELDS_READ",
              label: "DSREGCMD_FIELDS_READ"
            },
            {
              type: "doc",
              id: "api/index/variables/DSREGCMD_JOIN_TABLE",
              label: "DSREGCMD_JOIN_TABLE"
            },
            {
              type: "doc",
              id: "api/index/variables/DSREGCMD_SECTIONS",
              label: "DSREGCMD_SECTIONS"
            },
            {
              type: "doc",
              id: "api/index/variables/ENROLLMENT_METHODS",
              label: "ENROLLMENT_METHODS"
            },
            {
              type: "doc",
              id: "api/index/variables/ENROLLMENT_MODES",
              label: "ENROLLMENT_MODES"
            },
            {
              type: "doc",
              id: "api/index/variables/ENROLLMENT_NAMESPACE",
              label: "ENROLLMENT_NAMESPACE"
            },
            {
              type: "doc",
              id: "api/index/variables/ENROLLMENT_RULES",
              label: "ENROLLMENT_RULES"
            },
            {
              type: "doc",
              id: "api/index/variables/ERROR_CATALOG",
              label: "ERROR_CATALOG"
            },
            {
              type: "doc",
              id: "api/index/variables/FACILITIES",
              label: "FACILITIES"
            },
            {
              type: "doc",
              id: "api/index/variables/FACTS_DSREGCMD_CANNOT_GIVE",
              label: "FACTS_DSREGCMD_CANNOT_GIVE"
            },
            {
              type: "doc",
              id: "api/index/variables/HTTP_STATUSES",
              label: "HTTP_STATUSES"
            },
            {
              type: "doc",
              id: "api/index/variables/INTUNE_DISCOVERY_URL",
              label: "INTUNE_DISCOVERY_URL"
            },
            {
              type: "doc",
              id: "api/index/variables/LINK_PARAM_NAMES",
              label: "LINK_PARAM_NAMES"
            },
            {
              type: "doc",
              id: "api/index/variables/LINK_PARAMETERS",
              label: "LINK_PARAMETERS"
            },
            {
              type: "doc",
              id: "api/index/variables/LINK_RULES",
              label: "LINK_RULES"
            },
            {
              type: "doc",
              id: "api/index/variables/LINK_SCHEME",
              label: "LINK_SCHEME"
            },
            {
              type: "doc",
              id: "api/index/variables/LONG_LIVED_TOKEN_DAYS",
              label: "LONG_LIVED_TOKEN_DAYS"
            },
            {
              type: "doc",
              id: "api/index/variables/MAX_LINK_LENGTH",
              label: "MAX_LINK_LENGTH"
            },
            {
              type: "doc",
              id: "api/index/variables/METHOD_ALIASES",
              label: "METHOD_ALIASES"
            },
            {
              type: "doc",
              id: "api/index/variables/METHOD_IDS",
              label: "METHOD_IDS"
            },
            {
              type: "doc",
              id: "api/index/variables/MIN_HS256_SECRET_BYTES",
              label: "MIN_HS256_SECRET_BYTES"
            },
            {
              type: "doc",
              id: "api/index/variables/PARAM_NAME_MISTAKES",
              label: "PARAM_NAME_MISTAKES"
            },
            {
              type: "doc",
              id: "api/index/variables/REQUEST_VERSIONS",
              label: "REQUEST_VERSIONS"
            },
            {
              type: "doc",
              id: "api/index/variables/RULE_MESSAGES",
              label: "RULE_MESSAGES"
            },
            {
              type: "doc",
              id: "api/index/variables/SEVERITIES",
              label: "SEVERITIES"
            },
            {
              type: "doc",
              id: "api/index/variables/SOAP11_NAMESPACE",
              label: "SOAP11_NAMESPACE"
            },
            {
              type: "doc",
              id: "api/index/variables/SOAP12_NAMESPACE",
              label: "SOAP12_NAMESPACE"
            },
            {
              type: "doc",
              id: "api/index/variables/SOURCES",
              label: "SOURCES"
            },
            {
              type: "doc",
              id: "api/index/variables/TOKEN_ALGORITHMS",
              label: "TOKEN_ALGORITHMS"
            },
            {
              type: "doc",
              id: "api/index/variables/WELCOME_MAIL_SOURCES",
              label: "WELCOME_MAIL_SOURCES"
            },
            {
              type: "doc",
              id: "api/index/variables/WIN32_ERRORS",
              label: "WIN32_ERRORS"
            },
            {
              type: "doc",
              id: "api/index/variables/WINDOWS_EDITION_IDS",
              label: "WINDOWS_EDITION_IDS"
            },
            {
              type: "doc",
              id: "api/index/variables/WINDOWS_EDITIONS",
              label: "WINDOWS_EDITIONS"
            },
            {
              type: "doc",
              id: "api/index/variables/WINDOWS_RELEASES",
              label: "WINDOWS_RELEASES"
            },
            {
              type: "doc",
              id: "api/index/variables/WINDOWS_VERSION_FORMS",
              label: "WINDOWS_VERSION_FORMS"
            },
            {
              type: "doc",
              id: "api/index/variables/WINHTTP_ERRORS",
              label: "WINHTTP_ERRORS"
            }
          ]
        },
        {
          type: "category",
          label: "Functions",
          items: [
            {
              type: "doc",
              id: "api/index/functions/batchDiagnostic",
              label: "batchDiagnostic"
            },
            {
              type: "doc",
              id: "api/index/functions/buildDiscoverFault",
              label: "buildDiscoverFault"
            },
            {
              type: "doc",
              id: "api/index/functions/buildDiscoverRequest",
              label: "buildDiscoverRequest"
            },
            {
              type: "doc",
              id: "api/index/functions/buildEnrollmentLink",
              label: "buildEnrollmentLink"
            },
            {
              type: "doc",
              id: "api/index/functions/childByName",
              label: "childByName"
            },
            {
              type: "doc",
              id: "api/index/functions/cite",
              label: "cite"
            },
            {
              type: "doc",
              id: "api/index/functions/closestMatches",
              label: "closestMatches"
            },
            {
              type: "doc",
              id: "api/index/functions/compareWindowsVersions",
              label: "compareWindowsVersions"
            },
            {
              type: "doc",
              id: "api/index/functions/compileTemplate",
              label: "compileTemplate"
            },
            {
              type: "doc",
              id: "api/index/functions/createTokenSigner",
              label: "createTokenSigner"
            },
            {
              type: "doc",
              id: "api/index/functions/decisionDiagram",
              label: "decisionDiagram"
            },
            {
              type: "doc",
              id: "api/index/functions/decodeHResult",
              label: "decodeHResult"
            },
            {
              type: "doc",
              id: "api/index/functions/decodeLinkValue",
              label: "decodeLinkValue"
            },
            {
              type: "doc",
              id: "api/index/functions/describeCondition",
              label: "describeCondition"
            },
            {
              type: "doc",
              id: "api/index/functions/describeMinimumWindows",
              label: "describeMinimumWindows"
            },
            {
              type: "doc",
              id: "api/index/functions/diagnoseDiscovery",
              label: "diagnoseDiscovery"
            },
            {
              type: "doc",
              id: "api/index/functions/discoverResponseSamples",
              label: "discoverResponseSamples"
            },
            {
              type: "doc",
              id: "api/index/functions/discoveryUrl",
              label: "discoveryUrl"
            },
            {
              type: "doc",
              id: "api/index/functions/domainOf",
              label: "domainOf"
            },
            {
              type: "doc",
              id: "api/index/functions/dsregcmdToDeviceState",
              label: "dsregcmdToDeviceState"
            },
            {
              type: "doc",
              id: "api/index/functions/editDistance",
              label: "editDistance"
            },
            {
              type: "doc",
              id: "api/index/functions/encodeLinkValue",
              label: "encodeLinkValue"
            },
            {
              type: "doc",
              id: "api/index/functions/enrollmentMode",
              label: "enrollmentMode"
            },
            {
              type: "doc",
              id: "api/index/functions/escapeHtml",
              label: "escapeHtml"
            },
            {
              type: "doc",
              id: "api/index/functions/evaluateEnrollment",
              label: "evaluateEnrollment"
            },
            {
              type: "doc",
              id: "api/index/functions/explainError",
              label: "explainError"
            },
            {
              type: "doc",
              id: "api/index/functions/factsRead",
              label: "factsRead"
            },
            {
              type: "doc",
              id: "api/index/functions/findEdition",
              label: "findEdition"
            },
            {
              type: "doc",
              id: "api/index/functions/findErrorsByHResult",
              label: "findErrorsByHResult"
            },
            {
              type: "doc",
              id: "api/index/functions/findMethod",
              label: "findMethod"
            },
            {
              type: "doc",
              id: "api/index/functions/findRelease",
              label: "findRelease"
            },
            {
              type: "doc",
              id: "api/index/functions/formatCitation",
              label: "formatCitation"
            },
            {
              type: "doc",
              id: "api/index/functions/formatDuration",
              label: "formatDuration"
            },
            {
              type: "doc",
              id: "api/index/functions/formatEnrollmentAnchor",
              label: "formatEnrollmentAnchor"
            },
            {
              type: "doc",
              id: "api/index/functions/formatHResult",
              label: "formatHResult"
            },
            {
              type: "doc",
              id: "api/index/functions/hasErrors",
              label: "hasErrors"
            },
            {
              type: "doc",
              id: "api/index/functions/importSigningKey",
              label: "importSigningKey"
            },
            {
              type: "doc",
              id: "api/index/functions/importVerificationKey",
              label: "importVerificationKey"
            },
            {
              type: "doc",
              id: "api/index/functions/inspectEnrollmentLink",
              label: "inspectEnrollmentLink"
            },
            {
              type: "doc",
              id: "api/index/functions/isAtLeast",
              label: "isAtLeast"
            },
            {
              type: "doc",
              id: "api/index/functions/isDisputed",
              label: "isDisputed"
            },
            {
              type: "doc",
              id: "api/index/functions/isHtmlTemplateName",
              label: "isHtmlTemplateName"
            },
            {
              type: "doc",
              id: "api/index/functions/linkParameter",
              label: "linkParameter"
            },
            {
              type: "doc",
              id: "api/index/functions/linkRows",
              label: "linkRows"
            },
            {
              type: "doc",
              id: "api/index/functions/lintLink",
              label: "lintLink"
            },
            {
              type: "doc",
              id: "api/index/functions/manageConnections",
              label: "manageConnections"
            },
            {
              type: "doc",
              id: "api/index/functions/maskLinkSecrets",
              label: "maskLinkSecrets"
            },
            {
              type: "doc",
              id: "api/index/functions/maskSecret",
              label: "maskSecret"
            },
            {
              type: "doc",
              id: "api/index/functions/minimumWindowsFor",
              label: "minimumWindowsFor"
            },
            {
              type: "doc",
              id: "api/index/functions/normaliseHeading",
              label: "normaliseHeading"
            },
            {
              type: "doc",
              id: "api/index/functions/normalizeDsregcmdKey",
              label: "normalizeDsregcmdKey"
            },
            {
              type: "doc",
              id: "api/index/functions/normalizeMessage",
              label: "normalizeMessage"
            },
            {
              type: "doc",
              id: "api/index/functions/paramForHeading",
              label: "paramForHeading"
            },
            {
              type: "doc",
              id: "api/index/functions/parseDiscoverResponse",
              label: "parseDiscoverResponse"
            },
            {
              type: "doc",
              id: "api/index/functions/parseDsregcmd",
              label: "parseDsregcmd"
            },
            {
              type: "doc",
              id: "api/index/functions/parseDuration",
              label: "parseDuration"
            },
            {
              type: "doc",
              id: "api/index/functions/parseEnrollmentLink",
              label: "parseEnrollmentLink"
            },
            {
              type: "doc",
              id: "api/index/functions/parseHResult",
              label: "parseHResult"
            },
            {
              type: "doc",
              id: "api/index/functions/parseMdmDiagReport",
              label: "parseMdmDiagReport"
            },
            {
              type: "doc",
              id: "api/index/functions/parseWindowsVersion",
              label: "parseWindowsVersion"
            },
            {
              type: "doc",
              id: "api/index/functions/parseXml",
              label: "parseXml"
            },
            {
              type: "doc",
              id: "api/index/functions/planColumns",
              label: "planColumns"
            },
            {
              type: "doc",
              id: "api/index/functions/probeDiscovery",
              label: "probeDiscovery"
            },
            {
              type: "doc",
              id: "api/index/functions/readCollectedState",
              label: "readCollectedState"
            },
            {
              type: "doc",
              id: "api/index/functions/readDeviceState",
              label: "readDeviceState"
            },
            {
              type: "doc",
              id: "api/index/functions/readJwtClaims",
              label: "readJwtClaims"
            },
            {
              type: "doc",
              id: "api/index/functions/recommendMethod",
              label: "recommendMethod"
            },
            {
              type: "doc",
              id: "api/index/functions/releaseCapabilities",
              label: "releaseCapabilities"
            },
            {
              type: "doc",
              id: "api/index/functions/releaseName",
              label: "releaseName"
            },
            {
              type: "doc",
              id: "api/index/functions/resolveProbeTarget",
              label: "resolveProbeTarget"
            },
            {
              type: "doc",
              id: "api/index/functions/sortDiagnostics",
              label: "sortDiagnostics"
            },
            {
              type: "doc",
              id: "api/index/functions/textContent",
              label: "textContent"
            },
            {
              type: "doc",
              id: "api/index/functions/verifyEnrollmentToken",
              label: "verifyEnrollmentToken"
            }
          ]
        }
      ],
      link: {
        type: "doc",
        id: "api/index/index"
      }
    },
    {
      type: "category",
      label: "node",
      items: [
        {
          type: "category",
          label: "Interfaces",
          items: [
            {
              type: "doc",
              id: "api/node/interfaces/ConnectTo",
              label: "ConnectTo"
            },
            {
              type: "doc",
              id: "api/node/interfaces/NodeTransportOptions",
              label: "NodeTransportOptions"
            }
          ]
        },
        {
          type: "category",
          label: "Functions",
          items: [
            {
              type: "doc",
              id: "api/node/functions/applyConnectTo",
              label: "applyConnectTo"
            },
            {
              type: "doc",
              id: "api/node/functions/createNodeTransport",
              label: "createNodeTransport"
            },
            {
              type: "doc",
              id: "api/node/functions/parseConnectTo",
              label: "parseConnectTo"
            }
          ]
        }
      ],
      link: {
        type: "doc",
        id: "api/node/index"
      }
    }
  ]
};
module.exports = typedocSidebar.items;