/**
 * `npm run bench [-- options of run-bench]`: the analytics figures (run-bench.ts, which
 * takes the options), then the load figure (load-bench.ts, with its defaults; run it
 * alone with its own options as `npm run bench:load -- …`). Each runs in a process of its own.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

function run(script: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...args], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const analytics = await run('./run-bench.js', process.argv.slice(2));
const load = await run('./load-bench.js', []);
process.exit(analytics !== 0 ? analytics : load);
