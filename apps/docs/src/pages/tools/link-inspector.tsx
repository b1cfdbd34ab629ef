import Link from "@docusaurus/Link";
import EnrollmentLinkInspector from "@theme/EnrollmentLinkInspector";
import Layout from "@theme/Layout";

export default function LinkInspectorPage() {
  return (
    <Layout
      title="Deep link inspector"
      description="Paste an ms-device-enrollment: link and see what is wrong with it."
    >
      <main className="container margin-vert--lg">
        <h1>Deep link inspector</h1>
        <p>
          Paste a link as you found it: in quotes, inside a <code>Start-Process</code> line, copied
          from a mail. The inspector reads it the way Windows does, lists every problem with what to
          do, and offers a corrected link. To share what you see, copy this page's address: the link
          travels in the part after <code>#</code>, which browsers never send to a server. See the{" "}
          <Link to="/docs/reference/lint-rules">list of checks</Link>.
        </p>
        <EnrollmentLinkInspector />
      </main>
    </Layout>
  );
}
