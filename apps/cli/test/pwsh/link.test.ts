import { formatEnrollmentAnchor, inspectEnrollmentLink } from "@winenroll/core";
import { describe, expect, it } from "vitest";
import { run } from "../support/cli.js";
import { beforeAllInPwsh, runPwshJson, supportScript } from "./support/pwsh.js";

// `link build --format powershell` prints `Start-Process '<link>'`. PowerShell itself reads each
// line twice: its parser must see one command whose one argument is a single-quoted string equal to
// the link, and running the line (Start-Process shadowed by a function that returns its argument)
// must hand Start-Process exactly the link, with nothing expanded.

/** Values full of what PowerShell would expand or split at, given to `link build`. */
const HOSTILE_BUILDS: readonly string[][] = [
  ["--username", "o'brien$HOME`&x@example.com"],
  ["--username", "a@example.com", "--servername", "https://mdm.example.com/$(calc)/x?a=1&b='2'"],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: PowerShell's ${name} variable syntax
  ["--username", "${env:PATH}@example.com", "--accesstoken", "$env:SECRET`;x'y&z"],
  ["--username", "“smart” ‘quotes’@example.com", "--encoding", "strict"],
];

/** A seeded generator, so a failing random link can be reproduced. */
function randomLinks(count: number, seed: number): string[] {
  const alphabet = [
    ..."'‘’‚‛\"$`&|;(){}[]@#%^!*<>,.?=:/\\ \t-_~+aZ09",
    "é",
    "€",
    "𝄞",
    "$(x)",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: PowerShell's ${name} variable syntax
    "${y}",
    "``",
  ];
  // mulberry32: 32-bit integer arithmetic throughout, so no precision is lost to floating point.
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  return Array.from({ length: count }, () => {
    const length = next() % 40;
    let value = "";
    for (let i = 0; i < length; i++) value += alphabet[next() % alphabet.length];
    return `ms-device-enrollment:?mode=mdm&username=${value}`;
  });
}
const RANDOM = randomLinks(200, 17);

interface Read {
  readonly errors: string[];
  readonly failure: string | null;
  readonly statements: number;
  readonly elements: string[];
  readonly command: string;
  readonly quoting: string;
  readonly value: string;
  readonly started: string[];
}

const builtLinks: { uri: string; powershell: string }[] = [];
let reads: Read[];

beforeAllInPwsh(async () => {
  for (const args of HOSTILE_BUILDS) {
    const uri = await run(["link", "build", "--mode", "mdm", ...args]);
    const ps = await run(["link", "build", "--mode", "mdm", ...args, "--format", "powershell"]);
    expect(uri.code, uri.stderr).toBe(0);
    expect(ps.code, ps.stderr).toBe(0);
    builtLinks.push({ uri: uri.stdout.trimEnd(), powershell: ps.stdout.trimEnd() });
  }
  const lines = [
    ...builtLinks.map((b) => b.powershell),
    ...RANDOM.map((link) => formatEnrollmentAnchor(link, "powershell", "")),
  ];
  reads = runPwshJson<Read[]>(supportScript("read-start-process.ps1"), { lines });
});

function expectPowerShellReads(read: Read, link: string): void {
  expect(read.errors).toEqual([]);
  expect(read.failure).toBeNull();
  expect(read.statements).toBe(1);
  expect(read.elements).toEqual(["StringConstantExpressionAst", "StringConstantExpressionAst"]);
  expect(read.command).toBe("Start-Process");
  expect(read.quoting).toBe("SingleQuoted");
  expect(read.value).toBe(link);
  expect(read.started).toEqual([link]);
}

describe("link build --format powershell, read by PowerShell 7", () => {
  it.each(HOSTILE_BUILDS.map((args, i) => [args.join(" "), i] as const))(
    "hands Start-Process exactly the link built from %s",
    (_, index) => {
      const { uri, powershell } = builtLinks[index]!;
      expect(powershell).toMatch(/^Start-Process '.*'$/);
      expectPowerShellReads(reads[index]!, uri);
    },
  );

  it(`quotes ${RANDOM.length} random links full of quotes, $, \` and & so that PowerShell reads them back unchanged`, () => {
    const offset = HOSTILE_BUILDS.length;
    RANDOM.forEach((link, i) => {
      expectPowerShellReads(reads[offset + i]!, link);
    });
    // The generator does produce what the quoting is for, each of it in many links.
    for (const char of ["'", "\u2018", "\u2019", "\u201A", "\u201B", "$", "`", "&", "%", '"'])
      expect(RANDOM.filter((l) => l.slice(20).includes(char)).length, char).toBeGreaterThan(20);
  });

  it.each(HOSTILE_BUILDS.map((args, i) => [args.join(" "), i] as const))(
    "link inspect reads the printed line built from %s back to the same link",
    async (_, index) => {
      const { uri, powershell } = builtLinks[index]!;
      const inspected = await run(["link", "inspect", powershell, "--json", "--show-secrets"]);
      const direct = inspectEnrollmentLink(uri);
      const fromLine = JSON.parse(inspected.stdout);
      expect(fromLine.params).toEqual(direct.params);
      expect(fromLine.link).toBe(direct.link);
      expect(fromLine.unwrapped).toContain("took the link out of a command line");
    },
  );
});
