// `npm start [-- folder]`: build the extension and open it in an editor over sample digests
// (media/samples/: the two real seed files, named by their days as a digest folder names them) or over
// the given folder of digests.
// With VS Code's `code` CLI on PATH: an Extension Development Host. Otherwise: the cached
// code-server with the freshly packaged VSIX installed, served on 127.0.0.1 until Ctrl-C.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { CACHE, REPO, installSignalHandlers, portOr, isShuttingDown, log, run, step, stopAll } from './lib.mjs';
import { prepare } from './prepare.mjs';
import { installVsix, startCodeServer, workbenchUrl, writeUserSettings } from './editor.mjs';

/**
 * The port `npm start` serves on, every run (another only when something else listens on it, and
 * then said): the workbench keeps an extension's global state (stars, collections, notes, read
 * marks) in the browser's storage of the page's origin, its port included, so on a new random port
 * each run a tester's stars and notes seemed gone.
 */
const START_PORT = 8347;

const argv = process.argv.slice(2);
const forceCodeServer = argv.includes('--code-server');
const folderArg = argv.find((a) => !a.startsWith('--'));

function sampleFolder() {
	for (const dir of [join(REPO, 'media', 'samples'), join(REPO, 'test', 'fixtures', 'seeds')]) {
		if (existsSync(dir) && readdirSync(dir).length > 0) return dir;
	}
	throw new Error('no sample digests in media/samples or test/fixtures/seeds');
}

function resolveFolder() {
	if (!folderArg) return sampleFolder();
	const folder = resolve(folderArg.replace(/^~(?=$|\/)/, homedir()));
	if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`not a folder: ${folder}`);
	return folder;
}

function hasCodeCli() {
	if (forceCodeServer) return false;
	try {
		execFileSync('code', ['--version'], { stdio: 'ignore', timeout: 20_000 });
		return true;
	} catch {
		return false;
	}
}

installSignalHandlers();
try {
	const folder = resolveFolder();
	await step('build (node esbuild.mjs)', () => run(process.execPath, ['esbuild.mjs']));
	if (hasCodeCli()) {
		log(`opening VS Code with the extension in development mode over ${folder}`);
		spawnSync('code', ['--extensionDevelopmentPath', REPO, folder], { stdio: 'inherit' });
	} else {
		await serveWithCodeServer(folder);
	}
} catch (err) {
	console.error(`\n${err.message}`);
	process.exitCode = 1;
} finally {
	await stopAll();
}

async function serveWithCodeServer(folder) {
	log('no `code` CLI on PATH: serving the workbench with code-server instead');
	await prepare({ needBrowser: false });
	const home = join(CACHE, 'start');
	const vsix = join(home, 'arxiv-digest-dev.vsix');
	mkdirSync(home, { recursive: true });
	await step('package and install the VSIX', async () => {
		await run(process.execPath, [join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsix], { capture: true });
		await installVsix(vsix, { extensionsDir: join(home, 'extensions'), userDataDir: join(home, 'data'), logFile: join(home, 'install.log') });
	});
	// the profile is kept between runs like a real one; only its first run gets the quiet defaults
	if (!existsSync(join(home, 'data', 'User', 'settings.json'))) writeUserSettings(join(home, 'data'), {});
	const port = Number(process.env.PORT) || await portOr(START_PORT);
	if (!process.env.PORT && port !== START_PORT) {
		log(`port ${START_PORT} is taken: serving on ${port}; stars, collections, notes and read marks are kept per address in the browser, so those of port ${START_PORT} show again only there`);
	}
	const server = await startCodeServer({
		port,
		folder,
		userDataDir: join(home, 'data'),
		extensionsDir: join(home, 'extensions'),
		logFile: join(home, 'code-server.log'),
		dataHome: join(home, 'xdg'),
	});
	const url = workbenchUrl(port, folder);
	console.log(`\n  arXiv Digest is running in code-server over ${folder}\n\n    open  ${url}\n\n  (listening on 127.0.0.1 only; Ctrl-C stops it; log: ${server.logFile})\n`);
	const { code, signal } = await server.exit;
	if (isShuttingDown()) return;
	throw new Error(`code-server stopped (${signal ?? `exit ${code}`}); see ${server.logFile}`);
}
