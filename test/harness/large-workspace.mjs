// `npm run bench:editor [-- FOLDER]`: the extension over a large digest folder (default: the
// generated bench-corpus/data, 184 days, 100 MB; any real folder works) in a real editor — code-server + Chromium — measured from inside the extension host by
// test/harness/bench-probe/. A cold start (fresh profile, no index cache) then a warm start (the
// same profile restarted, in the same browser profile as a user's, so the index loads from
// workspace storage and the workbench finds its state; it also times a saved change: the probe's
// measureSave). Prints the figures as JSON.
// A benchmark, not a test: figures move with machine load and nothing here fails on a target.
// Options: --skip-build (reuse the VSIX of the last run), --keep (keep the temp profile and logs),
//          --no-warm (cold start only), --scale N (N copies of the folder with days and arXiv ids
//          shifted, written by the CLI bench's own src/cli/scale.ts), --profile (a CPU profile of
//          the extension host from activation to fully indexed: .vscode-test/bench-<cold|warm>.cpuprofile,
//          and `ownCodeRuns`: the longest runs of arXiv Digest's own code on the host's thread, from it;
//          with --no-digests, of the measured window: .vscode-test/bench-plain-<baseline|cold|warm>.cpuprofile),
//          --web (the web build: a VSIX with only the `browser` entry and bench-probe-web/, in the
//          browser's web-worker extension host; no baseline: a web worker has no memory figures),
//          --no-digests (no digest folder: a generated docs/notes repository of --files N ordinary
//          Markdown files, default 5000, ~5% named by a day like blog posts and journal pages unless
//          --no-dated; the probe opens its README.md as a user would and reports what the extension
//          cost the extension host over a fixed window against the baseline, and whether it started
//          an index worker), --ui-cost (after the warm start's figures, what the workbench's browser
//          spends on the editor's progress indicators: its CPU over 4 s with none, with a window
//          progress (a spinning icon), with the Papers view's progress bar, with a still status bar
//          item and with 160 updates of its text; two rounds), --workbench-profile (a CPU profile of the
//          workbench page's main thread per start, in .vscode-test/bench-NAME-workbench.cpuprofile). The VSIXs go to the temp folder under a name of this checkout's path,
//          so benches of several checkouts on one machine never share one.
// Screenshots: .vscode-test/screenshots/bench-*.png.
import { chromium } from 'playwright-core';
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
	CHROMIUM, CHROMIUM_ARGS, REPO, SCREENSHOTS,
	delay, findFiles, freePort, installSignalHandlers, log, run, step, stopAll, waitFor,
} from './lib.mjs';
import { prepare } from './prepare.mjs';
import { editorLogs, installVsix, startCodeServer, workbenchUrl, writeUserSettings } from './editor.mjs';
import { packageWebOnlyVsix } from './web-vsix.mjs';
import { writePlainWorkspace } from './plain-workspace.mjs';
import { longestRuns } from '../../bench/profile-runs.mjs';
import { formatTargets, targetRows } from './bench-targets.mjs';

const { values: options, positionals } = parseArgs({
	allowPositionals: true,
	options: { 'skip-build': { type: 'boolean' }, keep: { type: 'boolean' }, 'no-warm': { type: 'boolean' }, profile: { type: 'boolean' }, web: { type: 'boolean' }, scale: { type: 'string', default: '1' },
		'no-digests': { type: 'boolean' }, files: { type: 'string', default: '5000' }, 'no-dated': { type: 'boolean' }, 'ui-cost': { type: 'boolean' },
		'workbench-profile': { type: 'boolean' },
	},
});
const skipBuild = options['skip-build'] ?? false;
const keep = options.keep ?? false;
const warm = !options['no-warm'];
const profile = options.profile ?? false;
const web = options.web ?? false;
const uiCost = options['ui-cost'] ?? false;
const workbenchProfile = options['workbench-profile'] ?? false;
/** --workbench-profile: per page, what stops its workbench thread's profiler and writes the profile to a path */
const rendererProfiles = new WeakMap();
const folderArg = positionals[0];
const scale = Number(options.scale);
if (!Number.isInteger(scale) || scale < 1 || scale > 16) throw new Error(`--scale takes a whole number from 1 to 16, not ${options.scale}`);
const plain = options['no-digests'] ?? false;
const plainFiles = Number(options.files);
if (plain && (folderArg || web || scale !== 1)) throw new Error('--no-digests generates its own folder: no FOLDER, --web or --scale with it');
if (uiCost && (plain || web || !warm)) throw new Error('--ui-cost measures after a warm start of the Node build: not with --no-digests, --web or --no-warm');
if (!Number.isInteger(plainFiles) || plainFiles < 10) throw new Error(`--files takes a whole number of at least 10, not ${options.files}`);
/** where --no-digests takes its English prose: the real digests' abstracts */
const REAL_DIGESTS = join(REPO, '..', 'shared', 'real-digests');
/** --no-digests: the probe waits this long after the extension host starts, then opens a file and measures this long */
const PLAIN = { settleMs: 8000, windowMs: 10_000, openFile: 'README.md' };

const CORPUS = folderArg ? resolve(folderArg) : join(REPO, 'bench-corpus', 'data');
// outside .vscode-test/, so a concurrent `npm run test:e2e` keeps its own VSIX
// and named by this checkout, so the benches of several checkouts (git worktrees) never share one
const CHECKOUT = `${basename(REPO).replace(/[^\w.-]/g, '_')}-${createHash('sha256').update(REPO).digest('hex').slice(0, 8)}`;
const VSIX = join(tmpdir(), `arxiv-digest-bench-${CHECKOUT}${web ? '-web' : ''}.vsix`);
const PROBE_VSIX = join(tmpdir(), `arxiv-digest-bench-probe-${CHECKOUT}${web ? '-web' : ''}.vsix`);
const ACTIVITY_ITEM = '.activitybar a.action-label[aria-label^="arXiv Digest"]';

/** every bench page's size */
const VIEWPORT = { viewport: { width: 1400, height: 900 } };
/** what the URLs of arXiv Digest's installed scripts contain (its folder under the extensions folder) */
const OWN_SCRIPTS = (({ publisher, name, version }) => `/${publisher}.${name}-${version}/`)(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')));
const BROWSER_OPTIONS = { executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false };
let browser;
/** the browser profile of the cold and warm starts over the digest folder (see session) */
let digestBrowserContext;
/** the same for the baseline editor's starts */
let baselineBrowserContext;
installSignalHandlers(async () => { await Promise.race([browser?.close(), delay(3000)]).catch(() => {}); });

/** Waits for a probe's figures file and returns them; a probe that failed throws its error with the editor's logs. */
async function probeFigures(what, out, userDataDir, serverLog, timeoutMs) {
	await waitFor(`the ${what} figures`, () => existsSync(out), { timeoutMs, intervalMs: 250, describe: () => editorLogs(userDataDir, serverLog, 25) });
	const probe = JSON.parse(readFileSync(out, 'utf8'));
	if (probe.fatal) throw new Error(`the ${what} failed:\n${probe.fatal}\n${editorLogs(userDataDir, serverLog, 25)}`);
	return probe;
}

/** how many of the folder's most common title words are timed right after a start (see bench-probe-shared.js) */
const EARLY_QUERIES = 20;
/** and before them, how many of its most common pairs of adjacent title words, quoted: a phrase is checked against the long fields' text, which a warm start reads back after it is searchable */
const EARLY_PHRASES = 3;

/**
 * Queries whose completion shows a phase of the index: a title word (head pass), an arXiv id from
 * the newest day, and a word found only in abstracts (body pass). Chosen from the corpus so that
 * each matches tens to a few hundred papers, which keeps polling cheap; and `early`, the
 * EARLY_PHRASES most common pairs of adjacent title words, quoted, then the EARLY_QUERIES most
 * common title words.
 */
function chooseQueries(dir, files) {
	const titleWords = new Map();
	const titlePairs = new Map();
	const abstractWords = new Map();
	const headText = [];
	let lastId;
	const count = (map, word, id) => {
		let ids = map.get(word);
		if (!ids) map.set(word, (ids = new Set()));
		ids.add(id);
	};
	for (const name of files) {
		let id = '';
		for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
			// every fork's paper heading: `### [N] [Title](…/abs/ID)`, `## [Title](…)`, with or without a number
			const heading = /^#{2,4}\s+(?:\[\d+\]\s*)?(?:<a[^>]*><\/a>\s*)?\[(.*)\]\(https?:\/\/(?:www\.)?arxiv\.org\/abs\/([^)\s]+)\)/.exec(line);
			if (heading) {
				id = heading[2];
				lastId = id;
				headText.push(heading[1].toLowerCase());
				for (const w of heading[1].toLowerCase().match(/[a-z]{7,}/g) ?? []) count(titleWords, w, id);
				const words = heading[1].toLowerCase().split(/[^a-z]+/);
				for (let k = 0; k + 1 < words.length; k++) if (words[k].length >= 4 && words[k + 1].length >= 4) count(titlePairs, `"${words[k]} ${words[k + 1]}"`, id);
			} else if (/^(?:[-*>]\s*)?(\*|TL;DR|\*\*TL;DR|Main category|\*\*Main category)/i.test(line)) {
				headText.push(line.toLowerCase());
			} else if (/^(?:[-*>]\s*)?\**(?:Abstract|英文原始摘要|英文摘要)\**\s*[:：]/i.test(line)) {
				for (const w of line.toLowerCase().match(/[a-z]{9,}/g) ?? []) count(abstractWords, w, id);
			}
		}
	}
	// no head field may hold the abstract word, even as the start of a longer word (prefix search)
	const headStems = new Set();
	for (const text of headText) for (const w of text.match(/[a-z]{7,}/g) ?? []) headStems.add(w.slice(0, 7));
	const pick = (map, ok) => [...map].filter(([w, ids]) => ids.size >= 20 && ids.size <= 150 && ok(w)).sort((a, b) => b[1].size - a[1].size)[0]?.[0];
	const abstractOnly = pick(abstractWords, (w) => !headStems.has(w.slice(0, 7)));
	// prefix and fuzzy search also find longer and near words: a title word with no other word of
	// the corpus sharing its first 8 letters keeps the hit lists (and so the polling) small
	const stems = new Map();
	for (const w of [...titleWords.keys(), ...abstractWords.keys()]) stems.set(w.slice(0, 8), (stems.get(w.slice(0, 8)) ?? 0) + 1);
	const title = pick(titleWords, (w) => w.length >= 9 && stems.get(w.slice(0, 8)) === 1);
	// a folder whose template hides a field from these patterns just measures fewer phases
	const queries = {};
	const expect = {};
	if (title) [queries.title, expect.title] = [title, titleWords.get(title).size];
	if (lastId) [queries.id, expect.id] = [`id:${lastId}`, 1];
	if (abstractOnly) [queries.abstract, expect.abstract] = [abstractOnly, abstractWords.get(abstractOnly).size];
	// what a reader searches for right after a start: the folder's most common title phrases and words
	const common = (map, n) => [...map].sort((a, b) => b[1].size - a[1].size).slice(0, n).map(([text]) => text);
	const early = [...common(titlePairs, EARLY_PHRASES), ...common(titleWords, EARLY_QUERIES)];
	return { queries, expect, early };
}

const root = mkdtempSync(join(tmpdir(), 'arxiv-digest-bench-'));
const workspace = join(root, 'corpus');
const extensionsDir = join(root, 'extensions');
const userDataDir = join(root, 'user-data');
const baselineExtensionsDir = join(root, 'extensions-baseline');
const baselineUserDataDir = join(root, 'user-data-baseline');
const figures = { machine: { cpus: cpus().length } };
/** the newest day of the workspace (the tree's first row starts with it) */
let newest;
// one port for both starts: the window's workspace storage (where the index cache lives) is
// keyed by the remote authority, host and port included
let port;
/** the baseline editor's port (see withEditor) */
let baselinePort;

let ok = false;

try {
	if (plain && !existsSync(REAL_DIGESTS)) throw new Error(`--no-digests takes its prose from ${REAL_DIGESTS}: not there`);
	if (!plain && !existsSync(CORPUS)) {
		throw new Error(folderArg ? `no folder ${CORPUS}` : 'no bench-corpus/data: run `npm run bench` (or `npm run gen:corpus -- bench-corpus`) first, or name a folder');
	}
	await step('prepare editor (cached in .vscode-test/)', () => prepare({ needBrowser: true }));
	if (!skipBuild || !existsSync(VSIX)) {
		await step('build (node esbuild.mjs --production)', () => run(process.execPath, ['esbuild.mjs', '--production']));
		await step('package VSIX', () => (web ? packageWebOnlyVsix(VSIX) : run(process.execPath, [join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', VSIX], { capture: true })));
	}
	await step('package the probe extension', async () => {
		// one file with the part both probes share (a web extension cannot require its own modules)
		const source = join(REPO, 'test', 'harness', web ? 'bench-probe-web' : 'bench-probe');
		const probeDir = join(root, 'probe');
		cpSync(join(source, 'package.json'), join(probeDir, 'package.json'));
		await esbuild.build({
			entryPoints: [join(source, 'extension.js')], bundle: true, format: 'cjs', platform: web ? 'browser' : 'node',
			external: ['vscode'], outfile: join(probeDir, 'extension.js'), logLevel: 'warning',
		});
		return run(process.execPath, [
			join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', PROBE_VSIX,
		], { cwd: probeDir, capture: true });
	});
	if (plain) await runPlain();
	else await runDigestFolder();
	ok = true;
} catch (err) {
	console.error(`\nbench:editor failed: ${err.message}`);
	process.exitCode = 1;
} finally {
	await browser?.close().catch(() => {});
	await stopAll();
	if (ok && !keep) rmSync(root, { recursive: true, force: true });
	else log(`profile, logs and workspace kept in ${root}`);
}
if (ok) {
	// what the extension adds to the extension host's memory (its workers live in that process)
	// each start against the baseline's start of the same kind: a fresh profile's first start activates
	// built-in extensions a second start does not (the TypeScript and JSON language features, ~12 MB of
	// the host's heap), so a warm start against a first start's baseline understated the extension's share
	for (const [name, baseName] of [['cold', 'baseline'], ['warm', 'baselineWarm']]) {
		const m = figures[name]?.memory;
		const base = (figures[baseName] ?? figures.baseline)?.memory;
		if (m && base) figures[name].extensionOverBaselineMB = { peakRss: m.peakRssMB - base.peakRssMB, rssIndexed: m.rssMB - base.rssMB, hostHeap: m.hostHeapUsedMB - base.hostHeapUsedMB };
	}
	if (!plain) {
		figures.targets = targetRows(figures);
		console.error(`\n${formatTargets(figures.targets, scale)}\n`);
	}
	console.log(JSON.stringify(figures, null, '\t'));
}

/** The digest folder (FOLDER or bench-corpus/data) copied, or scaled, into the workspace's data/: a cold and a warm start. */
async function runDigestFolder() {
	// a copy: the editor and the extension only read, but nothing may ever write into the corpus
	const data = join(workspace, 'data');
	if (scale === 1) await step('copy the corpus to a temp workspace', () => cpSync(CORPUS, data, { recursive: true }));
	else await step(`write ${scale} shifted copies of the corpus to a temp workspace`, async () => (await loadScale()).writeScaledCorpus(CORPUS, scale, data));
	// sorted by path: copy k's files after copy k-1's, each copy's days oldest first
	const files = findFiles(data, /\.md$/).map((f) => relative(data, f)).sort();
	const { queries, expect, early } = chooseQueries(data, files);
	figures.corpus = { scale, days: new Set(files.map((f) => basename(f).slice(0, 10))).size, files: files.length, queries, expect, earlyQueries: early };
	newest = files.map((f) => basename(f)).filter((f) => /^\d{4}-\d{2}-\d{2}/.test(f)).sort().pop()?.slice(0, 10);
	if (web) figures.build = 'web (web-worker extension host)';
	await installBoth();
	browser = await chromium.launch(BROWSER_OPTIONS);
	if (!web) figures.baseline = await step('baseline: the same editor and folder without arXiv Digest', () => baselineSession());
	if (!web && warm) figures.baselineWarm = await step('baseline, second start (the same profile)', () => baselineSession({}, 'baseline-warm'));
	figures.cold = await step('cold start (no index cache)', () => session('cold', { days: figures.corpus.days, queries, expect, earlyQueries: early }));
	if (warm) figures.warm = await step('warm start (same profile: index from the cache)', () => session('warm', { days: figures.corpus.days, queries, expect, earlyQueries: early }));
}

/**
 * --no-digests: a generated docs/notes repository as the workspace; the baseline, then a cold and
 * a warm start, each opening the same Markdown file and measuring the same window.
 */
async function runPlain() {
	figures.corpus = await step(`write ${plainFiles} ordinary Markdown files (no digest)`, () => writePlainWorkspace(workspace, { files: plainFiles, dated: !options['no-dated'], digestsDir: REAL_DIGESTS }));
	figures.corpus.megabytes = Number((figures.corpus.bytes / 1048576).toFixed(1));
	figures.corpus.opened = PLAIN.openFile;
	figures.corpus.windowMs = PLAIN.windowMs;
	await installBoth();
	browser = await chromium.launch(BROWSER_OPTIONS);
	figures.baseline = await step('baseline: the same editor and folder without arXiv Digest', () => baselineSession({ plain: true, ...PLAIN, cpuProfile: profile ? join(REPO, '.vscode-test', 'bench-plain-baseline.cpuprofile') : undefined }));
	figures.cold = await step('cold start: open a Markdown file, measure the window', () => plainSession('cold'));
	if (warm) figures.warm = await step('warm start (same profile)', () => plainSession('warm'));
	const base = figures.baseline;
	for (const name of ['cold', 'warm']) {
		const run = figures[name];
		if (!run) continue;
		run.extensionHostCpuOverBaselineMs = run.window.hostThreadCpuMs === undefined || base.window.hostThreadCpuMs === undefined ? null : run.window.hostThreadCpuMs - base.window.hostThreadCpuMs;
		run.workerThreadsOverBaseline = run.workerThreads.atEnd === undefined || base.workerThreads.atEnd === undefined ? null : run.workerThreads.atEnd - base.workerThreads.atEnd;
	}
}

/** The VSIX and the probe into a fresh extensions dir; only the probe into a second one (the baseline editor). */
async function installBoth() {
	await step('install the VSIX and the probe into a fresh extensions dir', async () => {
		const profile = { extensionsDir, userDataDir: join(root, 'install-profile') };
		await installVsix(VSIX, { ...profile, logFile: join(root, 'install.log') });
		await installVsix(PROBE_VSIX, { ...profile, logFile: join(root, 'install-probe.log') });
	});
	if (!web) await step('install only the probe into a second extensions dir (the baseline editor)', () =>
		installVsix(PROBE_VSIX, { extensionsDir: baselineExtensionsDir, userDataDir: join(root, 'install-profile-baseline'), logFile: join(root, 'install-baseline.log') }));
	// --no-digests measures a few tens of ms: the editor's search for ports to forward (it reads /proc
	// of every process of the machine, a cost that follows whatever else runs) is off in both editors
	const settings = plain ? { 'remote.autoForwardPorts': false } : {};
	writeUserSettings(userDataDir, settings);
	writeUserSettings(baselineUserDataDir, settings);
}

/**
 * One measured start: code-server over the workspace (the baseline's own profile, extensions and
 * port, or the extension's) with the probe's configuration, a page that loads the workbench, then
 * `measure` with that page, the load average and the time of the page load, the probe's output
 * file and what probeFigures needs; the page and the server are closed after.
 */
async function withEditor({ name, baseline = false, config, newPage = () => browser.newPage(VIEWPORT) }, measure) {
	const out = join(root, `probe-${name}.json`);
	const serverLog = join(root, `code-server-${name}.log`);
	const profileDir = baseline ? baselineUserDataDir : userDataDir;
	// a start's port is its origin in the browser, whose storage holds the workbench's state: one each
	const editorPort = baseline ? (baselinePort ??= await freePort()) : (port ??= await freePort());
	const server = await startCodeServer({
		port: editorPort, folder: workspace, userDataDir: profileDir, extensionsDir: baseline ? baselineExtensionsDir : extensionsDir, logFile: serverLog,
		dataHome: join(root, baseline ? 'xdg-baseline' : 'xdg'),
		env: { ARXIV_DIGEST_BENCH_OUT: out, ARXIV_DIGEST_BENCH_CONFIG: JSON.stringify(config) },
	});
	const page = await newPage();
	try {
		const load = loadavg()[0];
		const t0 = Date.now();
		await page.goto(workbenchUrl(editorPort, workspace), { timeout: 60_000 });
		await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
		return await measure({ page, load, t0, out, awaitProbe: (what, timeoutMs) => probeFigures(what, out, profileDir, serverLog, timeoutMs) });
	} finally {
		await page.close().catch(() => {});
		await server.stop();
	}
}

/** The editor over the same folder with only the probe installed: what the extension is measured against. */
async function baselineSession(extraConfig = {}, name = 'baseline') {
	// one browser profile for both of its starts, as the extension's starts have (see session)
	const newPage = async () => (baselineBrowserContext ??= await browser.newContext(VIEWPORT)).newPage();
	return withEditor({ name, baseline: true, config: { baseline: true, ...extraConfig }, newPage }, async ({ load, awaitProbe }) => {
		const figures = await awaitProbe('baseline probe', 120_000);
		return extraConfig.plain ? plainFigures(figures, load) : figures;
	});
}

/**
 * Starts a CPU profile of the page's main thread (the workbench's script; its native work shows as
 * "(program)", the renderer's other threads, such as software raster, not at all). Profile time 0 is
 * about the page's load (fromWindowLoadMs); `bench/cpuprofile.mjs FILE --from S --to S` summarises a window.
 */
async function profileWorkbench(page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
	await cdp.send('Profiler.start');
	return async (path) => {
		const { profile: result } = await cdp.send('Profiler.stop');
		writeFileSync(path, JSON.stringify(result));
		log(`workbench profile: ${path}`);
	};
}

/** A page's init script (--web): keeps the workbench thread's long tasks (start as epoch ms, duration) in `__benchLongTasks`. */
function observeLongTasks() {
	const tasks = (globalThis.__benchLongTasks = []);
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) tasks.push([performance.timeOrigin + entry.startTime, entry.duration]);
	}).observe({ type: 'longtask', buffered: true });
}

/** The workbench's long tasks (see observeLongTasks) per stretch of the start: count, total and longest ms. */
async function workbenchLongTasks(page, t0, timeline, end) {
	const tasks = await page.evaluate(() => globalThis.__benchLongTasks ?? []).catch(() => []);
	const stretch = (from, to) => {
		const inside = tasks.filter(([at]) => at >= from && (to === undefined || at < to));
		return { count: inside.length, totalMs: Math.round(inside.reduce((sum, [, ms]) => sum + ms, 0)), longestMs: Math.round(inside.reduce((m, [, ms]) => Math.max(m, ms), 0)) };
	};
	return {
		toActivation: stretch(t0, timeline.activated),
		activationToFullIndexed: stretch(timeline.activated, timeline.fullIndexed),
		fullIndexedToProbeEnd: stretch(timeline.fullIndexed, end),
		toProbeEnd: stretch(t0, end),
	};
}

/** One window over the corpus: returns the probe's figures relative to the page load. */
async function session(name, startConfig) {
	// the search polls' interval (see followStartup): a warm start's figures are a few hundred ms, which
	// 100 ms polls overstated by ~50 ms on average; a cold build's are seconds, and its polls cost it
	const config = { ...startConfig, pollMs: name === 'warm' ? 20 : 100 };
	// the web probe has no environment: it reads this beside the workspace folder (root) through vscode.workspace.fs
	if (web) writeFileSync(join(root, 'bench-probe.json'), JSON.stringify({ out: `probe-${name}.json`, config }));
	// the warm start, the last, also times a saved change (the file is written back after)
	const probeConfig = { ...config, save: name === 'warm', uiCost: uiCost && name === 'warm', cpuProfile: profile ? join(REPO, '.vscode-test', `bench-${name}.cpuprofile`) : undefined };
	// one browser profile for the cold and the warm start, as a user's: the workbench keeps its
	// state (the extensions' workspace state among it) in the browser's storage
	const newPage = async () => {
		const page = await (digestBrowserContext ??= await browser.newContext(VIEWPORT)).newPage();
		if (web) await page.addInitScript(observeLongTasks);
		if (workbenchProfile) rendererProfiles.set(page, await profileWorkbench(page));
		return page;
	};
	return withEditor({ name, config: probeConfig, newPage }, async ({ page, load, t0, out, awaitProbe }) => {
		const workbenchMs = Date.now() - t0;
		await page.waitForSelector(ACTIVITY_ITEM, { timeout: 60_000 });
		// opening the view activates the extension: after the probe started, so the probe times it
		await waitFor('the probe to start', () => existsSync(`${out}.started`), { timeoutMs: 60_000, intervalMs: 50 });
		const item = page.locator(ACTIVITY_ITEM).first();
		if ((await item.getAttribute('aria-expanded')) !== 'true') await item.click();
		// while loading the view says "Loading digests… k/n" above the days read so far, or, with
		// days shown from the caches and none read yet, "Checking for new and changed digests…": one shot
		// as soon as some are in, with what the view said at that moment
		let loadingShot;
		let loadingText;
		const viewSamples = [];
		// when a sample of the view first held the newest day's row: taken before the loading shot below,
		// which a busy browser took up to ~0.5 s to make (the row's time was once read after it)
		let rowSeenAt;
		await waitFor('the Papers view to fill', async () => {
			loadingText = (await page.locator('.part.sidebar').innerText().catch(() => '')).replace(/\s+/g, ' ');
			const sampledAt = Date.now();
			viewSamples.push(`${sampledAt - t0}: ${loadingText.slice(0, 90)}`);
			if (rowSeenAt === undefined && loadingText.includes(`${newest} ·`)) rowSeenAt = sampledAt;
			const days = /\d{4}-\d{2}-\d{2}/.test(loadingText);
			if (days && /Loading digests|Checking for new and changed digests/.test(loadingText)) {
				loadingShot = join(SCREENSHOTS, `bench-${name}-loading.png`);
				await page.screenshot({ path: loadingShot });
			}
			return days;
		}, { timeoutMs: 60_000, intervalMs: 100 });
		await page.waitForSelector(`.part.sidebar .monaco-list-row:has-text("${newest}")`, { timeout: 120_000 });
		const treeRowMs = (rowSeenAt ?? Date.now()) - t0;
		const probe = await awaitProbe('probe', 180_000);
		await rendererProfiles.get(page)?.(join(REPO, '.vscode-test', `bench-${name}-workbench.cpuprofile`));
		const longTasks = web ? await workbenchLongTasks(page, t0, probe.timeline, probe.finishedAt) : undefined;
		const loadedShot = join(SCREENSHOTS, `bench-${name}-loaded.png`);
		await page.screenshot({ path: loadedShot });
		const since = (at) => (at === undefined ? null : at - t0);
		const tl = probe.timeline;
		const fromMark = (at) => ({
			titleWordAllTitles: probe.queries.title?.expectedAt - at,
			everyTitleSearchable: tl.headReady - at,
			abstractWordAllAbstracts: probe.queries.abstract?.expectedAt - at,
			treeAllDaysInModel: tl.treeAllDays - at,
			fullIndexed: tl.fullIndexed - at,
		});
		return {
			loadAverageAtStart: Number(load.toFixed(2)),
			fromWindowLoadMs: {
				workbench: workbenchMs,
				probeStarted: since(probe.probeStartedAt),
				extensionActivated: since(tl.activated),
				treeFirstDayInModel: since(tl.treeFirstDay),
				treeAllDaysInModel: since(tl.treeAllDays),
				treeNewestDayRowVisible: treeRowMs,
				workspaceReady: since(tl.workspaceReady),
				titleWordFirstHit: since(tl.titleFirst),
				titleWordAllTitles: since(probe.queries.title?.expectedAt),
				titleWordFinalCount: since(probe.queries.title?.completeAt),
				idOfNewestDay: since(probe.queries.id?.expectedAt),
				// both probes mark it: every shard's head phase done (every title, author and id searchable; the TL;DR comes with the long fields)
				everyTitleSearchable: since(tl.headReady),
				abstractWordFirstHit: since(tl.abstractFirst),
				abstractWordAllAbstracts: since(probe.queries.abstract?.expectedAt),
				fullIndexed: since(tl.fullIndexed),
				// web probe: the long fields' text in memory again (a warm start reads it back after fullIndexed)
				longFieldsLoaded: since(tl.longFieldsLoaded),
				settled: since(tl.settled),
			},
			// from activate()'s promise settled (activation gives the thread back between its features: later than its start by activationMs)
			fromActivationMs: fromMark(tl.activated),
			// from the call of activate(): comparable between a synchronous activation and one in slices
			fromActivationStartMs: fromMark(tl.activationStarted),
			activationMs: probe.activation.ms,
			activationCpuMs: probe.activation.cpuMs,
			activationWasUnderway: probe.activation.alreadyActive,
			hits: Object.fromEntries(Object.entries(probe.queries).map(([k, q]) => [k, q.finalHits])),
			// config.earlyQueries, each once in turn, as soon as everything was searchable (the index may still read long fields back)
			earlyQueries: probe.earlyQueries?.length ? { count: probe.earlyQueries.length, medianMs: [...probe.earlyQueries].sort((a, b) => a - b)[probe.earlyQueries.length >> 1], maxMs: Math.max(...probe.earlyQueries), ms: probe.earlyQueries } : undefined,
			blocking: probe.blocking,
			// --web: the workbench's own thread (the browser page), its long tasks (over 50 ms) from the page load
			// to activation, to everything searchable, and to the probe's end (the long fields back), before its floor
			workbenchLongTasks: longTasks,
			// the machine's CPU from activation to every field searchable: the extension host's threads, the index's processes, the rest (bench-probe: Linux only)
			cpuUntilIndexed: probe.cpuUntilIndexed,
			// the same to the tree's last day in its model and to every title searchable
			cpuUntilTree: probe.cpuUntilTree,
			cpuUntilTitles: probe.cpuUntilTitles,
			// the index's tree passes (cold: every file; warm: the changed ones), wall ms on its thread:
			// read and decode, parse, summarise
			indexReads: probe.treePass && Object.fromEntries(Object.entries(probe.treePass).map(([k, v]) => [k, Math.round(v)])),
			// --ui-cost: the browser's CPU over 4 s with each progress indicator (see measureUiCost in the probe)
			uiCostBrowserMs: probe.uiCost,
			// --profile: the longest runs of arXiv Digest's own code on the host's thread (the blocks above are anyone's)
			ownCodeRuns: probeConfig.cpuProfile && existsSync(probeConfig.cpuProfile) ? longestRuns(JSON.parse(readFileSync(probeConfig.cpuProfile, 'utf8')), OWN_SCRIPTS, 3) : undefined,
			memory: probe.memory,
			// a saved change: from the write and from the file event to the tree's summary and to search (warm start only)
			save: probe.save,
			// the same on the oldest typical day, right after: the day a warm start's background fill reaches last
			saveOldest: probe.saveOldest,
			// then, when a warm start's background fill had read every long field back (phrase checks exact)
			longFieldsBack: probe.longFieldsBack,
			// web probe: every digest read once through workspace.fs after the measures (the floor under a cold start)
			readAll: probe.readAll,
			viewSamples: viewSamples.filter((v, i) => i === 0 || v.replace(/^\d+/, '') !== viewSamples[i - 1].replace(/^\d+/, '')).slice(0, 12),
			screenshots: [loadingShot, loadedShot].filter(Boolean),
		};
	});
}

/**
 * --no-digests: one window over the generated folder. The probe opens a Markdown file (which
 * activates the extension) and measures; nothing here touches the extension's views.
 */
async function plainSession(name) {
	const config = { plain: true, ...PLAIN, cpuProfile: profile ? join(REPO, '.vscode-test', `bench-plain-${name}.cpuprofile`) : undefined };
	return withEditor({ name, config }, async ({ page, load, awaitProbe }) => {
		const probe = await awaitProbe('probe', 120_000);
		const shot = join(SCREENSHOTS, `bench-plain-${name}.png`);
		await page.screenshot({ path: shot });
		return { ...plainFigures(probe, load), screenshot: shot };
	});
}

/** the --no-digests probe's figures, times from the moment it opened the file */
function plainFigures(probe, load) {
	const tl = probe.timeline;
	const since = (at) => (at === undefined ? null : at - tl.openFile);
	return {
		loadAverageAtStart: Number(load.toFixed(2)),
		loadAverageAtEnd: Number(loadavg()[0].toFixed(2)),
		window: probe.window,
		settle: probe.settle,
		fromOpenMs: { fileShown: since(tl.fileShown), activated: since(tl.activated), backendKnown: since(tl.backendKnown), workspaceReady: since(tl.workspaceReady) },
		activation: probe.activation,
		backend: probe.backend,
		filesKept: probe.api?.filesKept,
		// the last scan: candidates listed, heads the extension host read, whether the shards run
		scan: probe.api?.scan,
		workerThreads: probe.workerThreads,
		childProcesses: probe.childProcesses,
		blocking: {
			...probe.blocking,
			// what ran from the extension's code loading on, its activation's slices included (the open itself blocks the host ~100 ms in the baseline too)
			longestBusyAfterActivationCpuMs: probe.activation?.startedAfterOpenMs === undefined ? null : Math.max(0, ...probe.blocking.busyBlocks.filter((b) => b.atMs >= probe.activation.startedAfterOpenMs).map((b) => b.cpuMs ?? b.ms)),
		},
		memory: probe.memory,
	};
}

/** src/cli/scale.ts (the CLI bench's `--scale`), bundled for this script */
async function loadScale() {
	const outfile = join(root, 'scale.cjs');
	await esbuild.build({ entryPoints: [join(REPO, 'src', 'cli', 'scale.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
	return createRequire(import.meta.url)(outfile);
}
