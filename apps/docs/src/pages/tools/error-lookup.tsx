import Link from "@docusaurus/Link";
import EnrollmentErrorLookup from "@theme/EnrollmentErrorLookup";
import Layout from "@theme/Layout";

export default function ErrorLookupPage() {
  return (
    <Layout
      title="Enrollment error lookup"
      description="Type an enrollment error code or the message Windows shows and see every explanation."
    >
      <main className="container margin-vert--lg">
        <h1>Enrollment error lookup</h1>
        <p>
          Type what you have: a code such as <code>0x80180014</code>, <code>80180014</code> or{" "}
          <code>-2145910764</code>, a constant such as <code>MENROLL_E_DEVICENOTSUPPORTED</code>, a
          SOAP fault such as <code>DeviceCapReached</code>, or part of the message on screen. Where
          Microsoft's sources disagree about a number, or another part of Windows reuses it, you see
          every reading side by side. The lookup runs in your browser; what you type stays in the
          part of the address after <code>#</code>, which is never sent to a server.
        </p>
        <EnrollmentErrorLookup />
        <p>
          A web page cannot check your discovery server: browsers do not let a page talk to another
          site's enrollment endpoint. Run <code>winenroll discover someone@yourdomain</code> from
          the command line instead (see{" "}
          <Link to="/docs/troubleshooting/discovery-setup">Setting up discovery</Link>). Every code
          is listed in the <Link to="/docs/reference/error-codes">error code reference</Link>.
        </p>
      </main>
    </Layout>
  );
}
