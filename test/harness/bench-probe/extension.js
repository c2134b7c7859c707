// Benchmark-only extension (installed by test/harness/large-workspace.mjs, never shipped): it
// starts with the extension host ("*"), samples event-loop blocking from the first moment, then
// times the arXiv Digest extension's activation, its Papers tree and its search over a large
// workspace, and writes every figure as JSON to ARXIV_DIGEST_BENCH_OUT.
'use strict';
const fs = require('fs');
const { monitorEventLoopDelay } = require('perf_hooks');
const v8 = require('v8');
const vm = require('vm');
const { delay, digestExtension, followStartup, waitUntil } = require('../bench-probe-shared.js');
const { childProcesses, workerThreads } = require('../worker-threads.js');
const { cpuBetween, cpuSnapshot } = require('../cpu-share.js');

const PROBE_MS = 5;
// blocks from 25 ms: the target is 30 ms of CPU, and blocks just above it must show
const BLOCK_MS = 25;

/** CPU time of this thread (ms), where Node can tell (23.9+); else undefined */
function threadCpuMs() {
	if (typeof process.threadCpuUsage !== 'function') return undefined;
	const u = process.threadCpuUsage();
	return (u.user + u.system) / 1000;
}

/**
 * setInterval drift: a gap between two ticks longer than the interval is time the thread could
 * not run its timers. `cpuMs` says how much of it the thread itself was computing; the rest it
 * waited for a CPU (a loaded machine), which no code of the extension can shorten.
 */
function driftProbe() {
	const gaps = [];
	let last = Date.now();
	let lastCpu = threadCpuMs();
	const timer = setInterval(() => {
		const now = Date.now();
		const cpu = threadCpuMs();
		const gap = now - last - PROBE_MS;
		if (gap >= BLOCK_MS) gaps.push({ at: now, ms: gap, cpuMs: cpu === undefined ? undefined : Math.round(cpu - lastCpu) });
		last = now;
		lastCpu = cpu;
	}, PROBE_MS);
	return {
		/** blocks of at least BLOCK_MS that ended in [from, to] */
		blocks: (from, to) => gaps.filter((g) => g.at >= from && g.at <= to),
		stop: () => clearInterval(timer),
	};
}

function gc() {
	try {
		// the flag back off at once: V8's flags are the process's, and one left changed makes V8 refuse
		// the extension's code cache (src/core/codeCache.ts) at the next start
		v8.setFlagsFromString('--expose-gc');
		let collect;
		try {
			collect = vm.runInNewContext('gc');
		} finally {
			v8.setFlagsFromString('--no-expose-gc');
		}
		collect();
	} catch {
		// without a GC the heap figure is only higher
	}
}

function mb(bytes) {
	return Math.round(bytes / 1048576);
}

/** RSS of the extension host process, sampled: the peak is what the machine must have free */
function rssSampler() {
	let peak = process.memoryUsage().rss;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
	return { peakMB: () => mb(Math.max(peak, process.memoryUsage().rss)), stop: () => clearInterval(timer) };
}

/** where the baseline's CPU windows start, after the probe's start: about where arXiv Digest activates in the measured starts (~200–400 ms) */
const BASELINE_ACTIVATION_MS = 300;
/** the baseline's CPU windows: the targets' times after activation (issue 10: tree 1.5 s, every title 2.5 s, everything 5 s; warm 0.5 s) */
const BASELINE_WINDOWS_MS = [500, 1500, 2500, 5000];

/**
 * The same editor without arXiv Digest: what the extension host weighs on its own, after a settle
 * time, and where the machine's CPU went in the windows the measured starts' targets fall in (what
 * the editor's own start takes of the two cores, with nothing of arXiv Digest running).
 */
async function measureBaseline(config) {
	const rss = rssSampler();
	const started = Date.now();
	const until = (ms) => delay(Math.max(0, started + ms - Date.now()));
	await until(BASELINE_ACTIVATION_MS);
	const from = cpuSnapshot();
	const cpuInWindows = {};
	for (const ms of BASELINE_WINDOWS_MS) {
		await until(BASELINE_ACTIVATION_MS + ms);
		cpuInWindows[`first${ms}ms`] = cpuBetween(from, cpuSnapshot());
	}
	await until(config.settleMs || 8000);
	gc();
	await delay(200);
	rss.stop();
	const after = process.memoryUsage();
	return { baseline: true, cpuInWindows, memory: { rssMB: mb(after.rss), peakRssMB: rss.peakMB(), hostHeapUsedMB: mb(after.heapUsed) } };
}

/**
 * A CPU profile of the extension host from before the extension activates until `stop()`
 * (`bench:editor --profile`): open the .cpuprofile in Chrome DevTools or VS Code.
 */
async function cpuProfile(file) {
	const sampling = await startSampling(200);
	return { stop: async () => fs.writeFileSync(file, JSON.stringify(await sampling.stop())) };
}

/** V8's sampling profiler on this thread; `stop()` resolves with the profile */
async function startSampling(intervalUs) {
	const inspector = require('inspector');
	const session = new inspector.Session();
	session.connect();
	const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
	await post('Profiler.enable');
	await post('Profiler.setSamplingInterval', { interval: intervalUs });
	await post('Profiler.start');
	return {
		async stop() {
			const { profile } = await post('Profiler.stop');
			session.disconnect();
			return profile;
		},
	};
}

/**
 * The sampled time (ms) of a profile whose stack holds a function of a script under `dir`: what
 * that code ran, with whatever it called (the editor API, Node), on this thread. The samples measure
 * wall time: on a loaded machine it includes the waits for a CPU in the middle of it. Garbage collection
 * and the editor's own work on the extension's behalf (messages it answers) hold none of its frames
 * and are not counted; the window's CPU against the baseline has them. With `capUs`, `cpuMs` counts
 * each sample for at most that long: near the CPU time, without a descheduled thread's waits.
 */
function attributedMs(profile, dir, capUs = Infinity) {
	const prefix = require('url').pathToFileURL(dir).href;
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const ours = new Map();
	const isOurs = (id) => {
		if (ours.has(id)) return ours.get(id);
		const url = byId.get(id).callFrame.url;
		const yes = url.startsWith(prefix) || url.startsWith(dir) || (parent.has(id) && isOurs(parent.get(id)));
		ours.set(id, yes);
		return yes;
	};
	let total = 0;
	let capped = 0;
	let sampled = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		sampled += profile.timeDeltas[i];
		if (isOurs(profile.samples[i])) {
			total += profile.timeDeltas[i];
			capped += Math.min(profile.timeDeltas[i], capUs);
		}
	}
	// cpuMs: each sample counts at most twice the sampling interval, so the waits of a descheduled thread drop out
	return { ms: Math.round(total / 1000), cpuMs: capUs === Infinity ? undefined : Math.round(capped / 1000), ofSampledMs: Math.round(sampled / 1000) };
}

/** child processes of this process (Linux), by the script they run or their command name; else undefined */
function childProcessNames() {
	// Node children are all `MainThread`: the script they run says which
	return childProcesses()?.map((child) => {
		const script = child.argv.slice(1).find((a) => !a.startsWith('-'));
		return script ? script.split('/').slice(-3).join('/') : child.comm;
	});
}

/**
 * The extension's module load and activate(), timed on this thread as the extension host runs them
 * (no call of ours starts them): wraps require of its main file and its exported activate().
 */
function watchActivation(mainFile) {
	const Module = require('module');
	const original = Module._load;
	const main = mainFile.replace(/\.js$/, '');
	const seen = {};
	Module._load = function (request, ...rest) {
		if (seen.loadStartedAt !== undefined || typeof request !== 'string' || request.replace(/\.js$/, '') !== main) return original.call(this, request, ...rest);
		seen.loadStartedAt = Date.now();
		seen.cpuAtLoad = threadCpuMs();
		const exports = original.call(this, request, ...rest);
		seen.loadMs = Date.now() - seen.loadStartedAt;
		seen.loadCpuMs = seen.cpuAtLoad === undefined ? undefined : Math.round(threadCpuMs() - seen.cpuAtLoad);
		const activate = exports && exports.activate;
		if (typeof activate !== 'function') return exports;
		// a bundle's exports are getters: the extension host gets a copy with activate() wrapped
		return {
			...exports,
			// to its promise settled: activate() gives the thread back between its features
			activate(...args) {
				const settled = () => {
					seen.cpuMs = seen.cpuAtLoad === undefined ? undefined : Math.round(threadCpuMs() - seen.cpuAtLoad);
				};
				let result;
				try {
					result = activate.apply(this, args);
				} catch (err) {
					settled();
					throw err;
				}
				Promise.resolve(result).then(settled, settled);
				return result;
			},
		};
	};
	return { seen, restore: () => (Module._load = original) };
}

/** VS Code's own marks of an extension's activation (the extension host's performance marks), epoch ms */
function activationMarks(id) {
	const marks = globalThis.MonacoPerformanceMarks?.getMarks?.() ?? [];
	const at = (name) => marks.find((m) => m.name === `code/extHost/${name}/${id}`)?.startTime;
	return { willLoadCode: at('willLoadExtensionCode'), didLoadCode: at('didLoadExtensionCode'), willActivate: at('willActivateExtension'), didActivate: at('didActivateExtension') };
}

/** The digest-folder bench: activation, the tree's days, search phases, blocks and memory (see followStartup). */
async function measure(vscode, config) {
	const profiler = config.cpuProfile ? await cpuProfile(config.cpuProfile) : undefined;
	const started = Date.now();
	const rss = rssSampler();
	const drift = driftProbe();
	const loopDelay = monitorEventLoopDelay({ resolution: 10 });
	loopDelay.enable();
	const out = { probeStartedAt: started, timeline: {} };
	const mark = (name) => (out.timeline[name] = Date.now());

	const ext = await digestExtension(vscode);
	// activate() on an extension already activating returns the same promise, so this is the
	// time from here to its promise settled (module load included; activate() gives the thread
	// back between its features)
	const a0 = Date.now();
	out.timeline.activationStarted = a0;
	const c0 = threadCpuMs();
	const cpuAtActivation = cpuSnapshot();
	const wasActive = ext.isActive;
	const api = await ext.activate();
	// who had the machine's CPU while the user waited for search: the index's share and the rest's
	const cpuAtIndexed = api.search.api.whenIndexed().then(cpuSnapshot);
	// CPU time of this thread: module load and activate() without the waits of a loaded machine
	// (and whatever else ran on it while activate() gave it back)
	out.activation = { ms: Date.now() - a0, cpuMs: c0 === undefined ? undefined : Math.round(threadCpuMs() - c0), alreadyActive: wasActive };
	mark('activated');

	// the same at the tree's last day and at every title searchable: whether the machine had CPU to
	// spare while the user waited for them, and who had it (the index, this host, the workbench's browser)
	const cpuAt = {};
	const backend = await followStartup(api, config, out, 120_000, (name) => {
		if (name === 'treeAllDays' || name === 'headReady') cpuAt[name] = cpuSnapshot();
	});
	const end = Date.now();
	out.cpuUntilIndexed = cpuBetween(cpuAtActivation, await cpuAtIndexed);
	out.cpuUntilTree = cpuBetween(cpuAtActivation, cpuAt.treeAllDays);
	out.cpuUntilTitles = cpuBetween(cpuAtActivation, cpuAt.headReady);
	await profiler?.stop();
	// a worker that built the index hands over to a fresh one loaded from its cache (memory back to
	// the system): the memory figures are taken once that is done
	if (backend?.service.whenSettled) {
		await backend.service.whenSettled();
		mark('settled');
	}

	loopDelay.disable();
	drift.stop();
	const blocks = drift.blocks(started, end);
	const busy = blocks.filter((b) => b.cpuMs === undefined || b.cpuMs >= BLOCK_MS);
	out.blocking = {
		longestMs: blocks.reduce((m, b) => Math.max(m, b.ms), 0),
		blocksOver25ms: blocks.length,
		longestCpuMs: blocks.reduce((m, b) => Math.max(m, b.cpuMs ?? b.ms), 0),
		blocksOver25msOfCpu: busy.length,
		blocks: blocks.map((b) => ({ atMs: b.at - started, ms: b.ms, cpuMs: b.cpuMs })),
		loopDelayMaxMs: Math.round(loopDelay.max / 1e6),
		loopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e6),
	};
	const before = process.memoryUsage();
	gc();
	await delay(200);
	const after = process.memoryUsage();
	rss.stop();
	out.memory = {
		rssMB: mb(after.rss),
		peakRssMB: rss.peakMB(),
		hostHeapUsedMB: mb(after.heapUsed),
		hostHeapUsedBeforeGcMB: mb(before.heapUsed),
		externalMB: mb(after.external),
		arrayBuffersMB: mb(after.arrayBuffers),
		hostFilesKept: api.workspace.files().length,
	};
	if (config.save) {
		out.save = await measureSave(vscode, api, backend, 'newest');
		// the day a warm start's background fill (newest first, 4–5 s) reaches last: its papers' long
		// fields not read back yet, a change is told from the cache's hashes of them
		out.saveOldest = await measureSave(vscode, api, backend, 'oldest');
		out.longFieldsBack = await whenLongFieldsBack(api, backend, out.timeline.activated);
	}
	if (config.uiCost) out.uiCost = await measureUiCost(vscode);
	out.finishedAt = Date.now();
	return out;
}

/** how long each of measureUiCost's windows lasts */
const UI_COST_WINDOW_MS = 4000;

/**
 * What the workbench's browser spends on the editor's progress indicators (bench:editor --ui-cost),
 * once the start is over: its CPU (ms, from /proc) over UI_COST_WINDOW_MS with none, with a window
 * progress (the status bar's spinning icon), with the Papers view's progress bar, with a still status
 * bar item, and with that item's text set 160 times (every 25 ms); two rounds. An animation is
 * repainted every frame, here in software (the bench's browser has no GPU), so arXiv Digest's scan
 * shows a still item and the Papers view's own message instead (src/features/scanStatus).
 */
async function measureUiCost(vscode) {
	const browserMs = async (show) => {
		const from = cpuSnapshot();
		await show(() => delay(UI_COST_WINDOW_MS));
		return cpuBetween(from, cpuSnapshot())?.elsewhereByProcessMs.browser;
	};
	const withItem = async (run) => {
		const item = vscode.window.createStatusBarItem('arxivDigestBench.uiCost', vscode.StatusBarAlignment.Left);
		item.text = '$(sync) arXiv Digest: reading digests 1/167';
		item.show();
		try {
			await run(item);
		} finally {
			item.dispose();
		}
	};
	const rounds = [];
	for (let round = 0; round < 2; round++) {
		rounds.push({
			none: await browserMs((wait) => wait()),
			windowProgress: await browserMs((wait) => vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'arXiv Digest' }, wait)),
			papersViewProgress: await browserMs((wait) => vscode.window.withProgress({ location: { viewId: 'arxivDigest.papers' } }, wait)),
			stillStatusItem: await browserMs((wait) => withItem(wait)),
			statusItemText160Times: await browserMs(() =>
				withItem(async (item) => {
					for (let i = 0; i < 160; i++) {
						item.text = `$(sync) arXiv Digest: reading digests ${i}/167`;
						await delay(UI_COST_WINDOW_MS / 160);
					}
				}),
			),
		});
	}
	return rounds;
}

/**
 * When a warm start's background fill had read the long fields back (phrase checks exact, not
 * approximate): polled every 50 ms on a paper only the oldest day lists, the fill reading newest
 * first. From activation; `alreadyBack` when the first poll found them.
 */
async function whenLongFieldsBack(api, backend, activatedAt) {
	const days = datedDigests(api);
	const oldest = days.reduce((a, f) => (a === undefined || f.digest.day < a.digest.day ? f : a), undefined);
	const paper = oldest && firstOwnPaper(days, oldest);
	if (!paper || !backend) return { error: 'no paper only the oldest day lists' };
	const back = async () => (await textReadBack(backend, paper.id)) === true;
	const alreadyBack = await back();
	if (!alreadyBack && !(await waitUntil(back, 60_000, 50))) return { error: 'not back within 60 s' };
	return { sinceActivationMs: Date.now() - activatedAt, alreadyBack, day: oldest.digest.day };
}

/** the workspace's digests with a day and papers (the host's summaries) */
function datedDigests(api) {
	return [...api.workspace.files()].filter((f) => f.digest.day && f.digest.papers.length > 0);
}

/** the first paper of `file` that no newer day of `days` lists: the index holds a paper as its newest listing gives it */
function firstOwnPaper(days, file) {
	const newer = new Set(days.filter((f) => f.digest.day > file.digest.day).flatMap((f) => f.digest.papers.map((p) => p.id)));
	return file.digest.papers.find((p) => !newer.has(p.id));
}

/**
 * Is paper `id`'s long-field text in the index's memory (a warm start reads it back in the
 * background)? A phrase check on it is approximate until then: one no text holds, excluded, on that
 * paper alone. Undefined when the index does not answer.
 */
async function textReadBack(backend, id) {
	const reply = await backend?.service.search(`id:${id} -"zqxnothing zqxnone"`, 1).catch(() => undefined);
	return reply?.ok ? !reply.result.approximate : undefined;
}

/**
 * A saved change (issue 10: searchable and in the tree ≤ 300 ms after the file event, debounce
 * included): a new word in the title of a file's first paper that no newer day lists (the index
 * holds a paper as its newest listing gives it), in the newest (or oldest) day of a typical size (at
 * least the median number of papers: the newest day of a real folder can be a weekend's dozen),
 * written to disk as a save is. Measured from the write and from the file event (a watcher of this
 * probe's own) to the workspace's summary of the file holding it (what the Papers view shows) and
 * to a search finding it, each polled every 10 ms on its own (the summary's poll does not wait for a
 * search's answer). The file is then written back and its re-index
 * awaited. The bench's workspace is a copy of the folder.
 */
async function measureSave(vscode, api, backend, which) {
	const days = datedDigests(api);
	const counts = days.map((f) => f.digest.papers.length).sort((a, b) => a - b);
	const median = counts[Math.floor(counts.length / 2)];
	const typical = days.filter((f) => f.digest.papers.length >= median).sort((a, b) => (a.digest.day < b.digest.day ? 1 : -1));
	const file = which === 'oldest' ? typical[typical.length - 1] : typical[0];
	if (!file) return { error: 'no digest with a day and papers' };
	const path = file.uri.fsPath;
	const original = fs.readFileSync(path, 'utf8');
	const paper = firstOwnPaper(days, file);
	if (!paper) return { error: `every paper of ${path} is listed on a newer day` };
	const title = paper.title;
	const at = original.indexOf(title);
	if (at < 0) return { error: `the title of ${paper.id} is not in the text as it is` };
	const word = `zqxsaved${Date.now().toString(36)}`;
	const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(require('path').dirname(path)), require('path').basename(path)));
	let eventAt;
	watcher.onDidChange(() => (eventAt ??= Date.now()));
	const found = async (w) => (await api.search.api.search(w, 10).catch(() => [])).length > 0;
	const inSummary = (w) => api.workspace.get(file.uri)?.digest.papers.some((p) => p.title.includes(w)) ?? false;
	const readBack = await textReadBack(backend, paper.id);
	try {
		const t0 = Date.now();
		fs.writeFileSync(path, `${original.slice(0, at)}${title} ${word}${original.slice(at + title.length)}`);
		// two polls, each on its own: a search waits for the worker, and the summary may come first
		const poll = async (check) => {
			while (Date.now() - t0 < 10_000) {
				if (await check()) return Date.now();
				await delay(10);
			}
			return undefined;
		};
		const [inTreeAt, searchableAt] = await Promise.all([poll(() => inSummary(word)), poll(() => found(word))]);
		const since = (from, to) => (from === undefined || to === undefined ? null : to - from);
		const figures = {
			file: require('path').basename(path),
			papers: file.digest.papers.length,
			textReadBack: readBack,
			fromWriteMs: { fileEvent: since(t0, eventAt), inTree: since(t0, inTreeAt), searchable: since(t0, searchableAt) },
			fromFileEventMs: { inTree: since(eventAt, inTreeAt), searchable: since(eventAt, searchableAt) },
		};
		// back as it was, and indexed so
		fs.writeFileSync(path, original);
		await waitUntil(async () => !inSummary(word) && !(await found(word)), 10_000);
		return figures;
	} finally {
		watcher.dispose();
	}
}

/**
 * A workspace without digests (`bench:editor --no-digests`): after a settle time the probe opens
 * one ordinary Markdown file as a user would (the extension activates on Markdown), then measures
 * this thread's CPU over a fixed window from that moment, the extension's activation, its test
 * API's readiness and backend, worker threads and child processes. The baseline run (no arXiv
 * Digest installed) does the same, so the difference of the windows is what the extension cost.
 */
async function measurePlain(vscode, config) {
	const started = Date.now();
	const startCpu = threadCpuMs();
	const out = { probeStartedAt: started, timeline: {}, plain: true };
	const mark = (name) => (out.timeline[name] = Date.now());
	const drift = driftProbe();
	const rss = rssSampler();
	let peakWorkers = workerThreads();
	const workerTimer = setInterval(() => (peakWorkers = Math.max(peakWorkers ?? 0, workerThreads() ?? 0)), 250);
	const ext = config.baseline ? undefined : await digestExtension(vscode);
	const watch = ext ? watchActivation(require('path').join(ext.extensionPath, ext.packageJSON.main)) : undefined;
	try {
		// what the editor's own start-up costs stays out of the window
		await delay(config.settleMs);
		if (ext?.isActive) throw new Error('arXiv Digest was active before any Markdown file was opened: the window would not hold its activation');
		const threadsBefore = workerThreads();
		const childrenBefore = childProcessNames();
		// 1 ms samples in both runs (the baseline too), so the window's CPU carries the same overhead
		const sampling = await startSampling(1000);
		const c0 = threadCpuMs();
		const opened = mark('openFile');
		// the editor's start-up up to the open: the extension's manifest alone (its activation events) may cost here
		out.settle = { ms: opened - started, hostThreadCpuMs: c0 === undefined ? undefined : Math.round(c0 - startCpu) };
		const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, ...config.openFile.split('/'));
		await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
		mark('fileShown');
		let api;
		if (ext) {
			if (await waitUntil(() => ext.isActive, config.windowMs, 5)) {
				mark('activated');
				api = ext.exports;
				if (!api?.workspace) throw new Error('arXiv Digest activated without its test API');
				api.workspace.ready.then(() => mark('workspaceReady'));
				const backend = await api.workspace.backend();
				mark('backendKnown');
				out.backend = backend ? { started: true, shards: backend.service.shardCount ?? undefined } : { started: false };
			}
		}
		await delay(Math.max(0, opened + config.windowMs - Date.now()));
		const windowCpu = threadCpuMs();
		const end = Date.now();
		const profile = await sampling.stop();
		out.window = { ms: end - opened, hostThreadCpuMs: c0 === undefined ? undefined : Math.round(windowCpu - c0) };
		// the time the host's sampling profiler saw in stacks through the extension's code (the profile spans the window)
		if (ext) out.window.inExtensionCode = attributedMs(profile, ext.extensionPath, 2000);
		// --profile: the window's samples (1 ms) for a look at where the extension's time went
		if (config.cpuProfile) fs.writeFileSync(config.cpuProfile, JSON.stringify(profile));
		const blocks = drift.blocks(opened, end);
		out.blocking = {
			longestMs: blocks.reduce((m, b) => Math.max(m, b.ms), 0),
			longestCpuMs: blocks.reduce((m, b) => Math.max(m, b.cpuMs ?? b.ms), 0),
			blocksOver25ms: blocks.length,
			// the blocks the thread spent computing (the others it waited for a CPU of a loaded machine)
			busyBlocks: blocks.filter((b) => b.cpuMs === undefined || b.cpuMs >= 10).map((b) => ({ atMs: b.at - opened, ms: b.ms, cpuMs: b.cpuMs })),
		};
		out.workerThreads = { beforeOpen: threadsBefore, atEnd: workerThreads(), peak: peakWorkers };
		out.childProcesses = { beforeOpen: childrenBefore, atEnd: childProcessNames() };
		if (ext) {
			const seen = watch.seen;
			const marks = activationMarks(ext.id);
			out.activation = {
				// VS Code's marks: loading the code to activate() returned (its promise settled)
				ms: marks.willLoadCode !== undefined && marks.didActivate !== undefined ? marks.didActivate - marks.willLoadCode : undefined,
				marks,
				// this thread's CPU from require of the main file to activate()'s promise settled
				cpuMs: seen.cpuMs,
				moduleLoadMs: seen.loadMs,
				moduleLoadCpuMs: seen.loadCpuMs,
				startedAfterOpenMs: seen.loadStartedAt === undefined ? undefined : seen.loadStartedAt - opened,
				hookSawLoad: seen.loadStartedAt !== undefined,
			};
			out.api = api ? { filesKept: api.workspace.files().length, scan: api.workspace.scanStats } : undefined;
		}
		out.memory = { rssMB: mb(process.memoryUsage().rss), peakRssMB: rss.peakMB(), hostHeapUsedMB: mb(process.memoryUsage().heapUsed) };
		out.finishedAt = Date.now();
		return out;
	} finally {
		watch?.restore();
		clearInterval(workerTimer);
		drift.stop();
		rss.stop();
	}
}

async function activate() {
	const file = process.env.ARXIV_DIGEST_BENCH_OUT;
	if (!file) return;
	// a reloaded window starts a new extension host: measure only the first
	try {
		fs.writeFileSync(`${file}.started`, String(Date.now()), { flag: 'wx' });
	} catch {
		return;
	}
	const vscode = require('vscode');
	let result;
	try {
		const config = JSON.parse(process.env.ARXIV_DIGEST_BENCH_CONFIG || '{}');
		result = config.plain ? await measurePlain(vscode, config) : config.baseline ? await measureBaseline(config) : await measure(vscode, config);
	} catch (err) {
		result = { fatal: String((err && err.stack) || err) };
	}
	fs.writeFileSync(`${file}.tmp`, JSON.stringify(result, null, '\t'));
	fs.renameSync(`${file}.tmp`, file);
}

module.exports = { activate, deactivate() {} };
