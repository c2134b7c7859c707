// End-to-end run in a real editor (code-server + Debian's Chromium):
//   prepare (cached) → build → package the VSIX → check its contents → install it offline into a
//   fresh profile → (a) the mocha suite inside the extension host → (b) playwright UI tests →
//   (c) the same UI tests in Restricted Mode → (d) the web pass: a test VSIX whose manifest has only
//   the `browser` entry, in code-server's web-worker extension host (as on vscode.dev, github.dev),
//   through the workbench UI flows → (e) the integration suite again in that web-worker host
//   (web-integration.mjs) → (f) test/ui/locale.test.mjs under `--locale zh-cn` → (g) test/integration/plain
//   in a generated workspace without digests (no index worker; a digest added later shows up) → (h)
//   test/integration/warm twice over one folder and profile (a warm start from the first session's caches).
//   Every process started here is stopped by pid, also on failure or Ctrl-C. Screenshots: .vscode-test/screenshots/.
// Options: --skip-build (reuse dist/ and the VSIX), --only=integration|ui|restricted|web|web-integration|zh-cn|plain|warm (repeatable),
//          --keep (keep the temp profile for inspection), --repeat N (build and install once, then run
//          the editor parts N times, each on a fresh workspace and profile; stops at the first failure).
//          Env: E2E_GREP filters test titles.
import { chromium } from 'playwright-core';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
	CHROMIUM, CHROMIUM_ARGS, REPO, SCREENSHOTS, VSIX,
	delay, freePort, installSignalHandlers, killPidFile, log, mochaFailedTitles, mochaFailures, run, seconds, step, stopAll, waitFor, watchPidFile,
} from './lib.mjs';
import { prepare } from './prepare.mjs';
import { editorLogs, installLanguagePackStub, installTestRunner, installVsix, startCodeServer, workbenchUrl, writeUserSettings } from './editor.mjs';
import { makeFixtureWorkspace } from './fixtures.mjs';
import { checkVsix } from './check-vsix.mjs';
import { packageWebOnlyVsix, WEB_VSIX_NAME } from './web-vsix.mjs';
import { installWebTestRunner, writeWebIntegrationConfig } from './web-integration.mjs';
import { writePlainWorkspace } from './plain-workspace.mjs';

const argv = process.argv.slice(2);
const only = new Set(argv.filter((a) => a.startsWith('--only=')).map((a) => a.slice(7)));
const wants = (part) => only.size === 0 || only.has(part);
const skipBuild = argv.includes('--skip-build');
const keep = argv.includes('--keep');
const repeatArg = argv.find((a) => a.startsWith('--repeat'));
const repeat = repeatArg ? Number(repeatArg.includes('=') ? repeatArg.split('=')[1] : argv[argv.indexOf(repeatArg) + 1]) : 1;
if (!Number.isInteger(repeat) || repeat < 1) {
	console.error(`--repeat needs a positive whole number (got ${repeatArg})`);
	process.exit(2);
}

const t0 = Date.now();
const timings = [];
const failures = [];
let browser;

async function timed(name, fn) {
	const started = Date.now();
	try {
		return await step(name, fn);
	} finally {
		timings.push([name, Date.now() - started]);
	}
}

// the harness's own browser is closed by us, not by playwright's signal handlers, which would exit
// the process before the code-server and UI-test children are stopped
const BROWSER_OPTIONS = { executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false };
installSignalHandlers(async () => { await Promise.race([browser?.close(), delay(3000)]).catch(() => {}); });

const root = mkdtempSync(join(tmpdir(), 'arxiv-digest-e2e-'));
const extensionsDir = join(root, 'extensions');
/** the web pass's profile: only the browser-entry VSIX */
const webExtensionsDir = join(root, 'extensions-web');
/** the web integration suite's profile: the browser-entry VSIX and the web test runner */
const webIntegrationExtensionsDir = join(root, 'extensions-web-integration');
const WEB_VSIX = join(REPO, '.vscode-test', WEB_VSIX_NAME);
/** this repetition's folder: its workspace, profiles and logs */
let runDir = root;
let workspace = join(root, 'workspace');
let greenRuns = 0;
let succeeded = false;

try {
	await timed('prepare editor (cached in .vscode-test/)', () => prepare({ needBrowser: true }));
	if (!skipBuild || !existsSync(VSIX)) {
		await timed('build (node esbuild.mjs --production)', () => run(process.execPath, ['esbuild.mjs', '--production']));
		await timed('package VSIX (vsce package --no-dependencies)', () => run(process.execPath, [
			join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', VSIX,
		], { capture: true }));
	}
	// a packaging problem fails the run, but the editor tests still run to report everything at once
	await timed('check VSIX contents and size', () => checkVsix(VSIX)).catch((err) => failures.push({ title: 'check VSIX', message: err.message }));

	await timed('install the VSIX into a fresh extensions dir', async () => {
		const profile = { extensionsDir, userDataDir: join(root, 'install-profile'), logFile: join(root, 'install.log') };
		await installVsix(VSIX, profile);
		await installTestRunner(profile);
	});
	if (wants('web') || wants('web-integration')) {
		await timed('package and install the web-only test VSIX (manifest with only "browser")', async () => {
			if (!skipBuild || !existsSync(WEB_VSIX)) await packageWebOnlyVsix(WEB_VSIX);
			if (wants('web')) await installVsix(WEB_VSIX, { extensionsDir: webExtensionsDir, userDataDir: join(root, 'install-profile-web'), logFile: join(root, 'install-web.log') });
			if (wants('web-integration')) {
				const profile = { extensionsDir: webIntegrationExtensionsDir, userDataDir: join(root, 'install-profile-web-integration'), logFile: join(root, 'install-web-integration.log') };
				await installVsix(WEB_VSIX, profile);
				await installWebTestRunner(profile);
			}
		});
	}

	for (let r = 1; r <= repeat && failures.length === 0; r++) {
		const tag = repeat > 1 ? ` [run ${r}/${repeat}]` : '';
		if (repeat > 1) {
			runDir = join(root, `run-${r}`);
			workspace = join(runDir, 'workspace');
			log(`repeat: run ${r} of ${repeat}`);
		}
		mkdirSync(SCREENSHOTS, { recursive: true });
		for (const name of readdirSync(SCREENSHOTS)) if (name.endsWith('.png')) unlinkSync(join(SCREENSHOTS, name));
		makeFixtureWorkspace(workspace);
		// each part reports its own failure and the next still runs, so one run shows every problem
		const part = (name, fn) => timed(name + tag, fn).catch((err) => { failures.push({ title: `${name}${tag}`, message: err.message, summary: err.summary, titles: err.titles }); });
		if (wants('integration')) await part('integration suite in the extension host', () => integrationRun('node'));
		if (wants('ui')) await part('UI tests (trusted workspace)', () => uiRun('trusted'));
		if (wants('restricted')) await part('UI tests (Restricted Mode)', () => uiRun('restricted'));
		if (wants('web')) {
			// a fresh copy of the fixture: the flows above starred papers and wrote notes in this one
			rmSync(workspace, { recursive: true, force: true });
			makeFixtureWorkspace(workspace);
			await part('UI tests (web build in the web-worker extension host)', () => uiRun('web'));
		}
		if (wants('web-integration')) {
			// a fresh copy again: the suite must start from the fixture it describes
			rmSync(workspace, { recursive: true, force: true });
			makeFixtureWorkspace(workspace);
			await part('integration suite in the web-worker extension host (web build)', () => integrationRun('web'));
		}
		if (wants('zh-cn')) await part('UI tests in Chinese (--locale zh-cn)', () => uiRun('zh-cn'));
		if (wants('plain')) await part('integration suite in a workspace without digests', () => plainRun());
		if (wants('warm')) await part('integration suite over two sessions of one folder (a warm start)', () => warmRun());
		if (failures.length === 0) greenRuns = r;
	}
	succeeded = failures.length === 0;
} catch (err) {
	failures.push({ title: 'setup', message: err.message });
} finally {
	await browser?.close().catch(() => {});
	await stopAll();
	log('timings:');
	for (const [name, ms] of timings) log(`  ${seconds(ms).padStart(8)}  ${name}`);
	log(`  ${seconds(Date.now() - t0).padStart(8)}  total`);
	if (repeat > 1) log(`repeat: ${greenRuns} of ${repeat} runs green in a row${greenRuns < repeat ? ` (run ${greenRuns + 1} failed)` : ''}`);
	if (succeeded && !keep) {
		rmSync(root, { recursive: true, force: true });
	} else {
		log(`profiles, logs and workspace kept in ${root}`);
	}
	if (failures.length) {
		console.error(`\nE2E FAILED:\n${failures.map((f) => `${f.title}: ${f.message}`).join('\n\n')}`);
		// again in short, last: a log that keeps only its tail (a CI summary) still names the failing tests
		const short = (f) => [...(f.titles ?? []), ...(f.summary ?? f.message).split('\n').slice(0, 20)].join('\n');
		console.error(`\nE2E FAILED, in short:\n${failures.map((f) => `${f.title}:\n${short(f)}`).join('\n\n')}`);
		process.exitCode = 1;
	} else {
		log(`E2E passed; screenshots in ${SCREENSHOTS}`);
	}
}

/**
 * The mocha suite inside the editor: `node` in the Node extension host (the runner extension gets
 * its entry and results file from the environment), `web` in the browser's web-worker extension
 * host with the web-only VSIX (the web runner reads web-integration.json beside the workspace and
 * writes its results there: the workspace's parent is runDir).
 */
async function integrationRun(host, { folder = workspace, name = host === 'web' ? 'web-integration' : 'integration', suite = 'suite', profile = name, env = {}, port: fixedPort } = {}) {
	const web = host === 'web';
	const userDataDir = join(runDir, `data-${profile}`);
	const serverLog = join(runDir, `code-server-${name}.log`);
	const resultsFile = join(runDir, `${name}-results.json`);
	writeUserSettings(userDataDir, {});
	if (web) writeWebIntegrationConfig(runDir, { results: `${name}-results.json`, grep: process.env.E2E_GREP });
	const port = fixedPort ?? (await freePort());
	const server = await startCodeServer({
		port, folder, userDataDir, extensionsDir: web ? webIntegrationExtensionsDir : extensionsDir, logFile: serverLog, dataHome: join(runDir, 'xdg'),
		env: web ? {} : {
			ARXIV_DIGEST_TEST_ENTRY: join(REPO, 'test', 'integration', suite, 'index.js'),
			ARXIV_DIGEST_TEST_RESULTS: resultsFile,
			...(process.env.E2E_GREP ? { ARXIV_DIGEST_TEST_GREP: process.env.E2E_GREP } : {}),
			...env,
		},
	});
	try {
		// code-server starts an extension host per connected window: the suite needs a browser
		browser ??= await chromium.launch(BROWSER_OPTIONS);
		const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		await page.goto(workbenchUrl(port, folder), { timeout: 60_000 });
		await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
		await waitFor('the test-runner extension to start the suite', () => existsSync(`${resultsFile}.started`), {
			timeoutMs: 90_000,
			intervalMs: 500,
			describe: () => editorLogs(userDataDir, serverLog, 25),
		});
		// a ceiling for a hung suite, not a wait: a loaded 2-core machine ran the suite in over 5 min
		await waitFor('integration results', () => existsSync(resultsFile), {
			timeoutMs: 10 * 60_000,
			intervalMs: 500,
			describe: () => `${lastTests(`${resultsFile}.progress`)}${editorLogs(userDataDir, serverLog)}`,
		});
		await page.screenshot({ path: join(SCREENSHOTS, `${name}-end.png`) });
		await page.close();
		const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
		if (results.fatal) {
			throw failure(`the suite could not run:\n${results.fatal}`, editorLogs(userDataDir, serverLog));
		}
		for (const t of results.tests) {
			const mark = t.state === 'passed' ? '✔' : t.state === 'failed' ? '✘' : '-';
			log(`  ${mark} ${t.title}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}`);
			if (t.error) log(`      ${t.error.split('\n').join('\n      ')}`);
		}
		const skipped = results.tests.filter((t) => t.state === 'pending').length;
		log(`  ${name}: ${results.passes} passing, ${results.failures} failing${skipped ? `, ${skipped} skipped` : ''}`);
		if (results.failures > 0 || results.passes === 0) {
			const failed = results.tests.filter((t) => t.state === 'failed');
			const reports = failed.map((t) => `✘ ${t.title}\n      ${(t.error ?? '').split('\n').slice(0, 12).join('\n      ')}`);
			throw failure(`${results.failures} failing of ${results.tests.length}\n${reports.join('\n')}`, editorLogs(userDataDir, serverLog, 25), failed.map((t) => `✘ ${t.title}`));
		}
	} finally {
		await server.stop();
	}
}

/**
 * test/integration/plain in a workspace without digests: 300 ordinary Markdown files, 5% named by a
 * day (plain-workspace.mjs, prose from the real fixtures' abstracts), with the files of `private/` left
 * out of the file watcher (files.watcherExclude) for the test of a digest opened where no file event comes,
 * and real digests in folders files.exclude, search.exclude and arxivDigest.workspace.exclude leave out.
 */
async function plainRun() {
	const folder = join(runDir, 'plain-workspace');
	rmSync(folder, { recursive: true, force: true });
	writePlainWorkspace(folder, { files: 300, dated: true, digestsDir: join(REPO, 'test', 'fixtures', 'real') });
	mkdirSync(join(folder, '.vscode'), { recursive: true });
	// the user's excludes keep applying with arxivDigest.workspace.exclude set (which replaces the default
	// `**/node_modules/**`): a real digest in each excluded folder is no candidate
	const settings = {
		'files.watcherExclude': { '**/private/**': true },
		'files.exclude': { '**/attic': true },
		'search.exclude': { '**/vendor': true },
		'arxivDigest.workspace.exclude': '**/drafts/**',
	};
	writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify(settings, null, '\t'));
	const digest = readFileSync(join(REPO, 'test', 'fixtures', 'seeds', '000_e68cbdc0f6d19b20.txt'));
	for (const hidden of ['attic/2026-03-01.md', 'vendor/data/2026-03-02.md', 'node_modules/data/2026-03-03.md', 'docs/drafts/2026-03-04.md']) {
		mkdirSync(dirname(join(folder, hidden)), { recursive: true });
		writeFileSync(join(folder, hidden), digest);
	}
	// there already: a folder created during the test would be reported (the exclude covers what is below it)
	mkdirSync(join(folder, 'private'), { recursive: true });
	writeFileSync(join(folder, 'private', 'todo.md'), '# To do\n\n- renew the passport\n');
	await integrationRun('node', { folder, name: 'plain-integration', suite: 'plain' });
}

/**
 * test/integration/warm, twice over one folder and one profile: a first session indexes six real
 * digests and writes its caches; then, as another program would while the editor is closed, one
 * digest is deleted and a title of another edited; the second session starts from the caches.
 */
async function warmRun() {
	const folder = join(runDir, 'warm-workspace');
	const data = join(folder, 'data');
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(data, { recursive: true });
	const seeds = join(REPO, 'test', 'fixtures', 'seeds');
	const real = join(REPO, 'test', 'fixtures', 'real');
	const edited = '2026-02-06.md';
	const deleted = '2026-02-24.md';
	copyFileSync(join(seeds, '000_e68cbdc0f6d19b20.txt'), join(data, edited));
	copyFileSync(join(seeds, '002_9ca964b67d58151b.txt'), join(data, deleted));
	for (const day of ['2025-04-27', '2025-06-04', '2025-06-29']) copyFileSync(join(real, 'xmkxabc__daily-arXiv-ai-enhanced', `${day}.md`), join(data, `${day}.md`));
	copyFileSync(join(real, '70asunflower__daily-arXiv-ai-enhanced', '2026-03-10.md'), join(data, '2026-03-10.md'));
	const idsOf = (name) => new Set([...readFileSync(join(data, name), 'utf8').matchAll(/arxiv\.org\/abs\/(\d{4}\.\d{4,5})/g)].map((m) => m[1]));
	const elsewhere = new Set(readdirSync(data).filter((name) => name !== deleted).flatMap((name) => [...idsOf(name)]));
	const deletedId = [...idsOf(deleted)].find((id) => !elsewhere.has(id));
	if (!deletedId) throw new Error(`every paper of ${deleted} is in another digest too`);
	// a word of one paper's abstract alone (in no title, TL;DR or other summary of the folder): a warm start reads that text back after it is searchable
	const abstract = { abstractWord: 'psychotherapy', abstractId: '2504.17238', abstractDay: '2025-04-27', abstractDayTitleWord: 'crisp' };
	const warm = { lastSessionDigests: readdirSync(data).length, deleted, deletedId, edited, editedId: '2602.04994', newWord: 'zyxwarmword', ...abstract };
	// one port too: code-server's workspace storage folder (where the caches are) depends on the address
	const port = await freePort();
	const session = (name) => integrationRun('node', { folder, name: `warm-${name}`, suite: 'warm', profile: 'warm', port, env: { ARXIV_DIGEST_WARM: JSON.stringify({ ...warm, session: name }) } });
	await session('first');
	unlinkSync(join(data, deleted));
	const text = readFileSync(join(data, edited), 'utf8');
	const title = 'SIDeR: Semantic Identity Decoupling';
	if (!text.includes(title)) throw new Error(`${edited} has no title "${title}" to edit`);
	writeFileSync(join(data, edited), text.replace(title, `SIDeR: Semantic ${warm.newWord} Identity Decoupling`));
	await session('second');
}

/**
 * A lane's failure: what failed (`summary`) and then the editor's logs; `titles`, the failing
 * tests' names, and the summary's head are printed again last.
 */
function failure(summary, logs, titles = []) {
	return Object.assign(new Error(`${summary}\n${logs}`), { summary, titles });
}

/** `trusted`, `restricted` (both run every UI file but locale.test.mjs), or `zh-cn` (only that one, in Chinese) */
async function uiRun(mode) {
	const locale = mode === 'zh-cn' ? 'zh-cn' : undefined;
	// the Chinese run has its own extensions folder: the extension and a zh-cn language pack stub
	// (see installLanguagePackStub); the other runs never see that language
	const extensions = locale ? join(runDir, 'extensions-zh-cn') : extensionsDir;
	if (locale) {
		const profile = { extensionsDir: extensions, userDataDir: join(runDir, `data-${mode}`), logFile: join(runDir, 'install-zh-cn.log') };
		await installVsix(VSIX, profile);
		await installLanguagePackStub(profile);
	}
	const userDataDir = join(runDir, `data-${mode}`);
	const serverLog = join(runDir, `code-server-${mode}.log`);
	// one run's output: a repeat's earlier runs passed
	const mochaOutput = join(runDir, `mocha-${mode}.log`);
	rmSync(mochaOutput, { force: true });
	// clicking a paper opens the digest at it (the default opens the card, which search covers)
	// an interest keyword, so the tree, cards and editor show interest marks
	writeUserSettings(userDataDir, { 'arxivDigest.tree.openAction': 'source', 'arxivDigest.interests.keywords': ['tracking'] });
	const port = await freePort();
	const server = await startCodeServer({
		port, folder: workspace, userDataDir, extensionsDir: mode === 'web' ? webExtensionsDir : extensions, logFile: serverLog,
		trust: mode !== 'restricted', dataHome: join(runDir, 'xdg'), locale, logLevel: 'debug',
	});
	let unwatch = () => {};
	try {
		const mocha = join(REPO, 'node_modules', 'mocha', 'bin', 'mocha.js');
		const browserPidFile = join(runDir, `browser-${mode}.pid`);
		unwatch = watchPidFile(browserPidFile);
		// the workbench flows first: they count the fixture's days, which later files add to while they run
		// the web pass runs the workbench flows (tree, outline, search, cards, library, reload); the
		// webview-content suite watches the card from the Node side and is not repeated there; the
		// Chinese pass runs only locale.test.mjs
		const specs = readdirSync(join(REPO, 'test', 'ui')).filter((f) => f.endsWith('.test.mjs') && (locale !== undefined ? f === 'locale.test.mjs' : f !== 'locale.test.mjs' && (mode !== 'web' || f === 'workbench.test.mjs')))
			.sort((a, b) => Number(b === 'workbench.test.mjs') - Number(a === 'workbench.test.mjs') || a.localeCompare(b))
			.map((f) => join('test', 'ui', f));
		await run(process.execPath, [mocha, '--no-config', '--timeout', '90000', '--reporter', 'spec', ...(process.env.E2E_GREP ? ['--grep', process.env.E2E_GREP] : []), ...specs], {
			tee: mochaOutput,
			env: {
				...process.env,
				E2E_URL: workbenchUrl(port, workspace),
				E2E_WORKSPACE: workspace,
				E2E_MODE: mode,
				E2E_SCREENSHOTS: SCREENSHOTS,
				E2E_BROWSER_PID_FILE: browserPidFile,
			},
			// a ceiling for a hung run, not a wait: a full UI lane took 8–9 min on a loaded 2-core machine
			timeoutMs: 15 * 60_000,
		});
	} catch (err) {
		throw failure(`${err.message.split('\n')[0]}\n${mochaFailures(mochaOutput)}`, editorLogs(userDataDir, serverLog, 25), mochaFailedTitles(mochaOutput));
	} finally {
		// the tests close their browser; this only matters when they were killed
		killPidFile(join(runDir, `browser-${mode}.pid`));
		unwatch();
		await server.stop();
	}
}

/** The last tests a suite started (its runner appends each title to `file`), for a suite that never ended. */
function lastTests(file, n = 5) {
	if (!existsSync(file)) return '';
	const lines = readFileSync(file, 'utf8').trim().split('\n');
	return `--- the last ${Math.min(n, lines.length)} tests started (${file}) ---\n${lines.slice(-n).join('\n')}\n`;
}
