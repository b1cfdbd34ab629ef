import Link from "@docusaurus/Link";
import EnrollmentChecker from "@theme/EnrollmentChecker";
import Layout from "@theme/Layout";

export default function EnrollmentCheckerPage() {
  return (
    <Layout
      title="Enrollment checker"
      description="Describe a Windows device and see which of the four ways to connect it to work will succeed, and why not."
    >
      <main className="container margin-vert--lg">
        <h1>Enrollment checker</h1>
        <p>
          Tell the checker what you know about the device. Anything you leave as <em>unknown</em>{" "}
          stays open: a way that hinges on it is marked <em>Depends</em>, naming the fact to find
          out. A blocked way shows the message Windows puts on screen, why, and what to do. The
          facts are kept after the <code>#</code> in the address, so you can send the page to a
          colleague; they are never sent to a server. The same check runs from the command line as{" "}
          <code>winenroll check</code>, and every rule is listed in the{" "}
          <Link to="/docs/reference/rules">rule reference</Link>.
        </p>
        <EnrollmentChecker />
      </main>
    </Layout>
  );
}
