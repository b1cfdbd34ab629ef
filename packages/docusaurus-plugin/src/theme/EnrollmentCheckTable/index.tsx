import CheckTable from "@theme/CheckTable";
import { formatCitation } from "@winenroll/core";
import { ENROLLMENT_CHECKS } from "@winenroll/core/enrollment";

/** What `winenroll enroll` and the provisioning inspector check, rendered from `ENROLLMENT_CHECKS`. */
export default function EnrollmentCheckTable() {
  return (
    <CheckTable
      checks={ENROLLMENT_CHECKS}
      columns={[
        { header: "Step", cell: (check) => check.step },
        { header: "Severity", cell: (check) => check.severity },
        {
          header: "What it checks",
          cell: (check) => (
            <>
              {check.title}
              {check.note ? <div>{check.note}</div> : null}
            </>
          ),
        },
        {
          header: "Windows reports",
          cell: (check) => (check.windowsError ? <code>{check.windowsError}</code> : ""),
        },
        { header: "Source", cell: (check) => formatCitation(check.source) },
      ]}
    />
  );
}
