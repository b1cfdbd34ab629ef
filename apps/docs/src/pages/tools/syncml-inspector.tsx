import Link from "@docusaurus/Link";
import Layout from "@theme/Layout";
import SyncMLInspector from "@theme/SyncMLInspector";

export default function SyncMLInspectorPage() {
  return (
    <Layout
      title="SyncML inspector"
      description="Paste an OMA-DM SyncML message and see its header, its commands explained and its problems."
    >
      <main className="container margin-vert--lg">
        <h1>SyncML inspector</h1>
        <p>
          Paste one SyncML DM message, as your MDM server sends it to a Windows device or as a trace
          shows it (<code>winenroll manage --trace</code>). The inspector reads it in your browser:
          the header, each command with what it asks or answers, and the problems a server message
          has. Nothing you paste leaves this page, and credentials and tokens in it are masked. The
          checks that need the whole session (a Status for every device command, the end of the
          session) run in <code>winenroll manage</code>; see{" "}
          <Link to="/docs/guides/first-management-session">the first management session</Link>.
        </p>
        <SyncMLInspector />
      </main>
    </Layout>
  );
}
