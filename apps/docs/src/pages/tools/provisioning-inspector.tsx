import Link from "@docusaurus/Link";
import Layout from "@theme/Layout";
import ProvisioningDocumentInspector from "@theme/ProvisioningDocumentInspector";

export default function ProvisioningInspectorPage() {
  return (
    <Layout
      title="Provisioning document inspector"
      description="Paste the provisioning document or the whole enrollment response your MDM server sends and see what Windows would install and refuse."
    >
      <main className="container margin-vert--lg">
        <h1>Provisioning document inspector</h1>
        <p>
          Paste the <code>wap-provisioningdoc</code> your MDM server returns at the end of
          enrollment, or the whole SOAP response that carries it (the base64 token alone works too).
          You see the certificates it installs, decoded, the <code>w7</code> application and
          DMClient settings, and every check Windows would make of it. The document is read in your
          browser; nothing you paste is sent anywhere.
        </p>
        <ProvisioningDocumentInspector />
        <p>
          To run the whole exchange against a server, use <code>winenroll enroll</code> (see{" "}
          <Link to="/docs/guides/test-enrollment">Test your MDM server's enrollment</Link>). Every
          check is listed in the{" "}
          <Link to="/docs/reference/enrollment-protocol">enrollment protocol reference</Link>.
        </p>
      </main>
    </Layout>
  );
}
