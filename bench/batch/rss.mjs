// Preloaded into each measured process (node --import): writes its peak resident set size, in
// kilobytes, to the file named by WINENROLL_BENCH_RSS when the process exits.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: set by run.mjs for the processes it measures, not a build input
  const file = process.env.WINENROLL_BENCH_RSS;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
