// Benchmark-only web extension (installed by test/harness/large-workspace.mjs --web, never shipped):
// the web build's twin of ../bench-probe, in the browser's web-worker extension host, where the
// web build runs (an extension's API is reachable only from the same host). It times activation,
// the Papers tree, the queries of the Node probe and the index being complete, and the longest gap
// of this thread's event loop. A web worker has no environment, node:fs or memory figures: the
// harness leaves `bench-probe.json` ({ out, config }) beside the workspace folder, the figures are
// written beside it through vscode.workspace.fs.
'use strict';
const vscode = require('vscode');
const { digestExtension, followStartup, waitUntil } = require('../bench-probe-shared.js');

const PROBE_MS = 5;
const BLOCK_MS = 50;

/** setInterval drift: gaps between ticks longer than the interval are time the thread ran something else */
function driftProbe() {
	const gaps = [];
	let last = Date.now();
	const timer = setInterval(() => {
		const now = Date.now();
		if (now - last - PROBE_MS >= BLOCK_MS) gaps.push({ at: now, ms: now - last - PROBE_MS });
		last = now;
	}, PROBE_MS);
	return { gaps, stop: () => clearInterval(timer) };
}

async function measure(config) {
	const started = Date.now();
	const drift = driftProbe();
	const out = { probeStartedAt: started, timeline: {}, host: typeof process === 'undefined' ? 'web worker' : 'node' };
	const mark = (name) => (out.timeline[name] = Date.now());
	const ext = await digestExtension(vscode);
	const a0 = Date.now();
	out.timeline.activationStarted = a0;
	const wasActive = ext.isActive;
	const api = await ext.activate();
	out.activation = { ms: Date.now() - a0, alreadyActive: wasActive };
	mark('activated');

	const backend = await followStartup(api, config, out, 300_000);
	// a warm start reads the long fields' text back after everything is searchable: its end, before
	// the floor below reads the folder again (the workbench's long tasks are summed up to finishedAt)
	if (backend && (await waitUntil(() => !backend.service.loadingLongFields, 300_000, 50))) mark('longFieldsLoaded');
	drift.stop();
	out.blocking = {
		longestMs: drift.gaps.reduce((m, b) => Math.max(m, b.ms), 0),
		blocksOver50ms: drift.gaps.length,
		blocks: drift.gaps.map((b) => ({ atMs: b.at - started, ms: b.ms })),
	};
	out.hostFilesKept = api.workspace.files().length;
	out.finishedAt = Date.now();
	// the floor at the web build's read-ahead, then with fewer and more reads in flight
	out.readAll = [];
	for (const inFlight of [READ_IN_FLIGHT, 1, 2 * READ_IN_FLIGHT]) out.readAll.push(await readAll(inFlight));
	return out;
}

/** as many reads in flight as the web build's read-ahead (src/core/corpus/proxyIO.ts READ_AHEAD) */
const READ_IN_FLIGHT = 12;

/**
 * The floor under a cold start in this host: every digest of the folder read once through
 * vscode.workspace.fs, nothing parsed or indexed (taken after the measures, so it competes with nothing).
 */
async function readAll(inFlight) {
	const uris = await vscode.workspace.findFiles('**/*.md');
	const t0 = Date.now();
	let bytes = 0;
	let next = 0;
	const reader = async () => {
		while (next < uris.length) {
			const data = await vscode.workspace.fs.readFile(uris[next++]);
			bytes += data.byteLength;
		}
	};
	await Promise.all(Array.from({ length: inFlight }, reader));
	return { files: uris.length, MB: Math.round(bytes / 1048576), ms: Date.now() - t0, inFlight };
}

async function activate() {
	const folder = vscode.workspace.workspaceFolders?.[0];
	if (!folder) return;
	const beside = (name) => vscode.Uri.joinPath(folder.uri, '..', name);
	const write = (name, value) => vscode.workspace.fs.writeFile(beside(name), new TextEncoder().encode(JSON.stringify(value, null, '\t')));
	let setup;
	try {
		setup = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(beside('bench-probe.json'))));
	} catch {
		return; // not a benchmark profile
	}
	// a reloaded window starts a new extension host: measure only the first
	try {
		await vscode.workspace.fs.stat(beside(`${setup.out}.started`));
		return;
	} catch {
		await write(`${setup.out}.started`, Date.now());
	}
	let result;
	try {
		result = await measure(setup.config);
	} catch (err) {
		result = { fatal: String((err && err.stack) || err) };
	}
	await write(`${setup.out}.tmp`, result);
	await vscode.workspace.fs.rename(beside(`${setup.out}.tmp`), beside(setup.out), { overwrite: true });
}

module.exports = { activate, deactivate() {} };
