import Link from "@docusaurus/Link";
import EnrollmentLinkBuilder from "@theme/EnrollmentLinkBuilder";
import Layout from "@theme/Layout";

export default function LinkBuilderPage() {
  return (
    <Layout
      title="Deep link builder"
      description="Build an ms-device-enrollment: deep link and check it as you type."
    >
      <main className="container margin-vert--lg">
        <h1>Deep link builder</h1>
        <p>
          Fill in what your MDM server expects; the link, its problems and the oldest Windows
          release that honours it update as you type. The{" "}
          <Link to="/docs/deep-links">deep link guide</Link> explains each parameter. Nothing you
          type leaves this page.
        </p>
        <EnrollmentLinkBuilder />
      </main>
    </Layout>
  );
}
