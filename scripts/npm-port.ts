// `npm start --port 9000` is the obvious thing to type, but npm takes `--port` as a setting of its
// own: the script gets only "9000" as an argument and npm_config_port=true in its environment
// (`npm start --port=9000` gives npm_config_port=9000 and no argument). Both are read back here,
// so that the obvious command works; `PORT=9000 npm start` and `npm start -- --port 9000` too.

/** The port npm swallowed, or undefined when npm was given none. */
export function portFromNpm(argument: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const setting = env.npm_config_port;
  if (setting === undefined || setting === "") return undefined;
  if (setting === "true") return argument;
  return setting;
}
