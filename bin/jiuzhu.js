#!/usr/bin/env node
// Executable shim: the CLI is compiled by `npm run build` (run automatically by `npm install`): tsc, then esbuild
// bundles it with its dependencies (dist/**/*.bundle.js and dist/chunks/: hundreds of modules in a few files, each
// command loading the chunks it uses: a small simulate ~0.04 s sooner, the TUI's screen ~0.35 s, an xlsx ~0.25 s).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// --debug's stack traces name the TypeScript sources, not the bundle's lines (the build writes source maps; set before
// any bundle is loaded, so that every one's map is read).
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
const main = new URL('../dist/cli/main.bundle.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('jiuzhu: the CLI is not built yet. Run `npm install` (or `npm run build`) first.\n');
  process.exit(4);
}
// A big households file: the CLI runs in a new process that asks for huge pages (src/cli/relaunch.ts).
const { relaunchEnv, relaunch, followParent, thisMachine } = await import(new URL('../dist/cli/relaunch.bundle.js', import.meta.url).href);
const env = relaunchEnv(process.argv.slice(2), process.env, thisMachine);
const code = env ? await relaunch(fileURLToPath(import.meta.url), process.argv.slice(2), env) : null;
if (code !== null) process.exitCode = code;
else {
  followParent(); // (relaunched: stop when the process that started it dies)
  await runHere();
}

async function runHere() {
  // Worker threads for a big households file start loading now, while the CLI loads (src/cli/prestart.ts).
  const { prestartFor, closePrestarted } = await import(new URL('../dist/cli/prestart.bundle.js', import.meta.url).href);
  prestartFor(process.argv.slice(2), process.env);
  const { run } = await import(main.href);
  process.exitCode = await run(process.argv.slice(2));
  closePrestarted(); // if no command took it (with reads posted ahead, it would keep the process alive)
}
