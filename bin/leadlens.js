#!/usr/bin/env node
// The installed `leadlens` command: runs the compiled CLI that `npm run build` writes to dist-cli/ (a plain Node
// start, no TypeScript compile). Before a build it says how to make one; src/cli/leadlens.js runs the sources.
let cli;
try {
  cli = await import('../dist-cli/leadlens.mjs');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist-cli')) throw error;
  process.stderr.write(
    'leadlens: the command is not built yet. Run "npm run build" in the LeadLens folder once, or run the sources with "node src/cli/leadlens.js".\n',
  );
  process.exit(2);
}
// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await cli.main(process.argv.slice(2));
