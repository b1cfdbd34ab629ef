import { createRequire } from "node:module";

// Required, not imported: `import … from "node:fs"` builds fs's ES module face, which reads every
// export, fs.promises included (about 2 ms on Node 20).
const { writeSync } = createRequire(import.meta.url)("node:fs") as typeof import("node:fs");

/** Standard output as CliIO sees it, plus the stream events the batch writer listens to. */
export interface DirectStdout {
  write(text: string): boolean;
  readonly isTTY: boolean;
  on(event: string, listener: (error: NodeJS.ErrnoException) => void): unknown;
  once(event: string, listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/**
 * Standard output that writes straight to descriptor 1. Creating `process.stdout` loads Node's
 * net and stream code, about 2 ms of a 60 ms start on Node 20, and most commands print one text
 * and exit. Whatever needs the stream itself (its events for backpressure, `isTTY`) creates it,
 * and from then on every write goes through it, so output keeps its order. A descriptor that
 * would block (EAGAIN) also hands the rest to the stream.
 */
export function directStdout(): DirectStdout {
  let stream: NodeJS.WriteStream | undefined;
  // Set once the reader has gone (`winenroll releases | head -1`): what is left is dropped quietly, as
  // Unix tools do, instead of dying on an unhandled EPIPE with a stack trace.
  let readerGone = false;
  const toStream = (): NodeJS.WriteStream => {
    if (!stream) {
      stream = process.stdout;
      stream.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
        readerGone = true;
      });
    }
    return stream;
  };
  return {
    write(text: string): boolean {
      // Nothing to wait for once the reader is gone: report the write as done so no caller waits on "drain".
      if (readerGone) return true;
      if (stream) return stream.write(text);
      const bytes = Buffer.from(text, "utf8");
      let written = 0;
      try {
        while (written < bytes.length) written += writeSync(1, bytes, written);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EPIPE") {
          readerGone = true;
          return true;
        }
        if (code !== "EAGAIN") throw error;
        return toStream().write(bytes.subarray(written));
      }
      return true;
    },
    get isTTY(): boolean {
      return toStream().isTTY === true;
    },
    on(event, listener) {
      return toStream().on(event, listener);
    },
    once(event, listener) {
      return toStream().once(event, listener);
    },
  };
}
