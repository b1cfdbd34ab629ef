import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtCli } from "../support/cli.js";

// These run the built binary, as users do (turbo builds it before `test:e2e`).
const CLI = builtCli();
const ROWS = 400_000;

let dir: string;
let big: string;

async function writeUsers(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write("email,display_name,department\n");
  let chunk = "";
  for (let i = 1; i <= rows; i++) {
    chunk += `user${i}@contoso.com,User ${i},"Sales, EMEA"\n`;
    if (chunk.length > 65_536) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, [CLI, "link", "batch", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Waits until the run's temporary output has grown past `bytes`: the run is well under way. */
async function waitForPartial(folder: string, bytes: number): Promise<string> {
  for (let i = 0; i < 2000; i++) {
    const partial = readdirSync(folder).find((f) => f.endsWith(".partial"));
    if (partial && statSync(join(folder, partial)).size > bytes) return partial;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("the run never got going");
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "winenroll-batch-spawn-"));
  big = join(dir, "users.csv");
  await writeUsers(big, ROWS);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("winenroll link batch (built binary)", () => {
  it("leaves no output file when killed halfway (SIGKILL)", async () => {
    const out = join(dir, "killed");
    mkdirSync(out);
    const child = start([
      big,
      "--mode",
      "mdm",
      "-o",
      join(out, "links.csv"),
      "--rejected",
      join(out, "rejected.csv"),
    ]);
    // About half of the ~40 MB the finished file would hold.
    await waitForPartial(out, 20_000_000);
    child.kill("SIGKILL");
    const [, signal] = await once(child, "exit");
    expect(signal).toBe("SIGKILL");
    expect(existsSync(join(out, "links.csv"))).toBe(false);
    expect(existsSync(join(out, "rejected.csv"))).toBe(false);
    // Only temporary names can survive a hard kill, and the next run clears them away.
    expect(readdirSync(out).every((f) => f.startsWith(".") && f.endsWith(".partial"))).toBe(true);
    const small = join(dir, "one.csv");
    writeFileSync(small, "email\nana@contoso.com\n");
    const again = start([
      small,
      "--mode",
      "mdm",
      "-o",
      join(out, "links.csv"),
      "--rejected",
      join(out, "rejected.csv"),
    ]);
    const [code] = await once(again, "exit");
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["links.csv", "rejected.csv"]);
  });

  it("removes its temporary files on Ctrl-C (SIGINT) and writes nothing", async () => {
    const out = join(dir, "interrupted");
    mkdirSync(out);
    const child = start([big, "--mode", "mdm", "-o", join(out, "links.csv")]);
    await waitForPartial(out, 1_000_000);
    child.kill("SIGINT");
    const [, signal] = await once(child, "exit");
    expect(signal).toBe("SIGINT");
    expect(readdirSync(out)).toEqual([]);
  });

  it("finishes a full run with the summary as JSON and exit 0", async () => {
    const output = join(dir, "links.csv");
    const child = start([big, "--mode", "mdm", "-o", output, "--json"]);
    let stdout = "";
    child.stdout!.on("data", (c: Buffer) => (stdout += c.toString()));
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      rowsRead: ROWS,
      linked: ROWS,
      written: ROWS,
      rejected: 0,
    });
    expect(statSync(output).size).toBeGreaterThan(ROWS * 50);
  }, 60_000);

  it("reads CSV from standard input with - and writes links to standard output", async () => {
    const child = spawn(process.execPath, [CLI, "link", "batch", "-", "--mode", "mdm"], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout!.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stdin!.end("email\nana@contoso.com\n");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(stdout).toBe(
      "username,link\nana@contoso.com,ms-device-enrollment:?mode=mdm&username=ana@contoso.com\n",
    );
  });

  it("stops with a message, not a crash, when the reader of standard output goes away", async () => {
    const child = start([big, "--mode", "mdm"]);
    let stderr = "";
    child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
    child.stdout!.once("data", () => child.stdout!.destroy());
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: standard output was closed after [\d,]+ rows; stopped\n/);
  });

  it("exits 1 when a row is rejected and 2 on a usage error", async () => {
    const small = join(dir, "small.csv");
    writeFileSync(small, "email,ownership\nana@contoso.com,3\nbo@contoso.com,5\n");
    const rejected = start([small, "--mode", "mdm"]);
    const [code] = await once(rejected, "exit");
    expect(code).toBe(1);
    const usage = start([small, "--mode", "mdm", "--token-ttl", "forever"]);
    const [usageCode] = await once(usage, "exit");
    expect(usageCode).toBe(2);
  });
});
