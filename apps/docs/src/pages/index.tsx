import Link from "@docusaurus/Link";
import EnrollmentLinkBuilder from "@theme/EnrollmentLinkBuilder";
import Layout from "@theme/Layout";

const TOOLS = [
  {
    to: "/tools/link-builder",
    title: "Build a deep link",
    text: "One ms-device-enrollment: link, correct the first time, with the oldest Windows it works on.",
  },
  {
    to: "/tools/link-inspector",
    title: "Inspect a link",
    text: "Paste a link from a mail, a script or a ticket and see what is wrong with it.",
  },
  {
    to: "/tools/enrollment-checker",
    title: "Check a device",
    text: "Which of the four ways to connect works for this PC, and why the others are refused.",
  },
  {
    to: "/tools/error-lookup",
    title: "Look up an error",
    text: "Any enrollment code or message, explained, with what to do next.",
  },
  {
    to: "/tools/provisioning-inspector",
    title: "Inspect a provisioning document",
    text: "Paste what your MDM server returns at enrollment and see what Windows would install or refuse.",
  },
];

export default function Home() {
  return (
    <Layout
      title="Windows enrollment, explained"
      description="winenroll builds and checks Windows MDM enrollment deep links, explains enrollment errors and tells which way a device can connect to work."
    >
      <main className="container margin-vert--lg">
        <h1>winenroll</h1>
        <p className="hero__subtitle">
          Windows offers four ways to connect a device to work, a deep link that starts enrollment,
          and terse error codes when it fails. winenroll knows the rules behind all of them and
          gives IT admins, helpdesks and MDM vendors correct links, clear answers and checks they
          can script.
        </p>
        <div className="row margin-vert--md">
          {TOOLS.map((tool) => (
            <div key={tool.to} className="col col--3 margin-bottom--md">
              <div className="card shadow--tl padding--md" style={{ height: "100%" }}>
                <h2 className="margin-bottom--sm" style={{ fontSize: "1.1rem" }}>
                  <Link to={tool.to}>{tool.title}</Link>
                </h2>
                <p className="margin-bottom--none">{tool.text}</p>
              </div>
            </div>
          ))}
        </div>
        <h2>Build an enrollment link</h2>
        <p>
          Everything below runs in your browser; nothing you type is sent anywhere. The same rules
          run in the <Link to="/docs/cli">winenroll command-line tool</Link> and in{" "}
          <code>@winenroll/core</code>.
        </p>
        <EnrollmentLinkBuilder />
      </main>
    </Layout>
  );
}
