// The viewer's server failing to listen is the user's to fix (another program on the port, a
// privileged port, a --host that is not this machine's): one line saying how, not a stack trace.
// Used by `diplograph serve` (src/cli.ts) and `npm start` (scripts/start.ts).

/** The one line for a listen error, or undefined when the error is something else. */
export function listenErrorLine(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, port, address } = error as NodeJS.ErrnoException & { port?: number; address?: string };
  switch (code) {
    case "EADDRINUSE":
      return `port ${port} is in use; choose another with --port (or PORT=N npm start)`;
    case "EACCES":
      return `port ${port} needs administrator rights; choose one above 1023 with --port`;
    case "EADDRNOTAVAIL":
      return `${address} is not an address of this machine; choose another with --host`;
    default:
      return undefined;
  }
}
