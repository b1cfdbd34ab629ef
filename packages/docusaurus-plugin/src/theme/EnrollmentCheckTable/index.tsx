import { formatCitation } from "@winenroll/core";
import { ENROLLMENT_CHECKS } from "@winenroll/core/enrollment";

/** What `winenroll enroll` and the provisioning inspector check, rendered from `ENROLLMENT_CHECKS`. */
export default function EnrollmentCheckTable() {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Step</th>
          <th scope="col">Severity</th>
          <th scope="col">What it checks</th>
          <th scope="col">Windows reports</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {ENROLLMENT_CHECKS.map((check) => (
          <tr key={check.code} id={check.code}>
            <td>
              <code>{check.code}</code>
            </td>
            <td>{check.step}</td>
            <td>{check.severity}</td>
            <td>
              {check.title}
              {check.note ? <div>{check.note}</div> : null}
            </td>
            <td>{check.windowsError ? <code>{check.windowsError}</code> : ""}</td>
            <td>{formatCitation(check.source)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
