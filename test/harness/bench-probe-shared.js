// What both benchmark probes (bench-probe/ in the Node extension host, bench-probe-web/ in the
// web-worker one) measure the same way: large-workspace.mjs bundles it into each probe's one file.
// Plain JavaScript with no Node API, so it runs in both hosts.
'use strict';

const EXTENSION_ID = 'arxiv-digest.arxiv-digest';
/** results asked for per early query (see followStartup): what Search Papers asks for */
const EARLY_QUERY_LIMIT = 100;

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** polls `probe` until it returns a truthy value (returned) or `timeoutMs` passes (undefined) */
async function waitUntil(probe, timeoutMs, intervalMs = 20) {
	const t0 = Date.now();
	while (Date.now() - t0 < timeoutMs) {
		const v = await probe();
		if (v) return v;
		await delay(intervalMs);
	}
	return undefined;
}

/** the arXiv Digest extension once it is installed, or an error */
async function digestExtension(vscode) {
	const ext = await waitUntil(() => vscode.extensions.getExtension(EXTENSION_ID), 30_000);
	if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
	return ext;
}

/**
 * Follows an activated extension's start-up through its test API, marking in `out.timeline`: the
 * tree's first and last day (`config.days`), the workspace ready, every shard's head phase (every
 * title searchable), the first hit of each of `config.queries` and the index complete, and in
 * `out.treePass` where the index's reads of whole files took their time; each query
 * is polled (every `config.pollMs`, default 100) until the index is complete and its hit count stops changing; then each of
 * `config.earlyQueries` is timed once, in turn (`out.earlyQueries`, ms). Resolves, once all of
 * that is seen, with `out.queries` filled in (when each query reached `config.expect` and its
 * final count) and the extension's corpus backend. `onMark(name)`, when given, runs at each mark.
 */
async function followStartup(api, config, out, timeoutMs, onMark) {
	const mark = (name) => {
		out.timeline[name] = Date.now();
		onMark?.(name);
	};
	const treeTask = waitUntil(() => {
		const roots = api.tree.provider.getChildren(undefined);
		if (!out.timeline.treeFirstDay && roots.length > 0) mark('treeFirstDay');
		return roots.length >= config.days;
	}, timeoutMs).then((ok) => ok && mark('treeAllDays'));
	const readyTask = api.workspace.ready.then(() => mark('workspaceReady'));
	const backend = await api.workspace.backend();
	const headTask = backend ? backend.service.headReady.then(() => mark('headReady')) : Promise.resolve();
	const series = {};
	// how many papers the index finds for a query: every match's id, as the Papers view's filter asks
	// (a search for 100,000 hits also found each hit's matched words, and after a warm start read the
	// texts of those found by their abstracts back for them: seconds of polls measuring that, not the index)
	const count = backend
		? async (query) => {
				const reply = await backend.service.ids(query).catch(() => undefined);
				return reply?.ok ? reply.ids.length : 0;
			}
		: async (query) => (await api.search.api.search(query, 100000).catch(() => [])).length;
	const pollQuery = async (name, query) => {
		const points = [];
		series[name] = points;
		const t0 = Date.now();
		while (Date.now() - t0 < timeoutMs) {
			const found = await count(query);
			points.push([Date.now(), found]);
			if (found > 0 && !out.timeline[`${name}First`]) mark(`${name}First`);
			if (out.timeline.fullIndexed && points.length > 1 && points[points.length - 2][1] === found) break;
			// often enough for the figures, rarely enough not to slow the build it measures (large-workspace.mjs: 20 ms warm, 100 ms cold)
			await delay(config.pollMs ?? 100);
		}
	};
	const queryTasks = Object.entries(config.queries).map(([name, q]) => pollQuery(name, q));
	await api.search.api.whenIndexed();
	mark('fullIndexed');
	// a reader searching as soon as everything is searchable: each query once, in turn, with Search
	// Papers' limit (the index may still be reading the long fields back)
	out.earlyQueries = [];
	for (const query of config.earlyQueries ?? []) {
		const t = performance.now();
		await api.search.api.search(query, EARLY_QUERY_LIMIT).catch(() => []);
		out.earlyQueries.push(Math.round((performance.now() - t) * 10) / 10);
	}
	await Promise.all([treeTask, readyTask, headTask, ...queryTasks]);
	// where the index's tree passes spent their time (read and decode, parse, summarise): the open's
	// own report (a worker swapped in after a cold build sends none)
	out.treePass = backend?.service.treePassTimings?.();
	out.queries = {};
	for (const [name, points] of Object.entries(series)) {
		const final = points[points.length - 1]?.[1] ?? 0;
		const complete = points.find((p) => p[1] >= final);
		const expected = points.find((p) => p[1] >= (config.expect?.[name] ?? final));
		out.queries[name] = { query: config.queries[name], finalHits: final, completeAt: complete?.[0], expectedAt: expected?.[0], polls: points.length };
	}
	return backend;
}

module.exports = { delay, digestExtension, followStartup, waitUntil };
