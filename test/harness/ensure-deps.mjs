// `prestart` / `pretest`: on a fresh clone, install the locked dependencies first, so that
// `npm start` and `npm test` are each one command. Does nothing when node_modules is current.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '..', '..');
const modules = join(repo, 'node_modules');
const installed = join(modules, '.package-lock.json');
const lock = join(repo, 'package-lock.json');
const current = existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs;

const linked = existsSync(modules) && lstatSync(modules).isSymbolicLink();

if (!current && linked) {
	// a worktree sharing another checkout's install (node_modules -> ../main/node_modules): a checkout's
	// package-lock.json is as new as the checkout, whatever it holds, and npm ci here emptied the folder
	// the link points to, under every other checkout using it
	console.log('[deps] node_modules is a link to another checkout\'s install: left as it is (run npm ci there if package-lock.json changed)');
} else if (!current) {
	console.log('[deps] node_modules missing or older than package-lock.json: npm ci');
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: repo, stdio: 'inherit' });
	if (r.status !== 0) {
		console.error('[deps] npm ci failed; see the output above');
		process.exit(r.status ?? 1);
	}
}
