// The issue's targets against one bench:editor run over a digest folder: a row per target with what
// the run measured and whether it met it, in the figures' JSON (`targets`) and as a table on stderr,
// so a run says itself where it stands. The targets are for the real folder at 1× (a scaled run is
// compared all the same, and says so). Pure: the figures in, rows out (unit-tested in
// test/unit/bench-targets.test.ts).

/**
 * @typedef {{ what: string, target: string, measured: string, met: boolean | undefined }} TargetRow
 * met undefined: the run has no such figure (a web build has no memory figures, --no-warm no warm start)
 */

const maxOf = (values) => {
	const known = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
	return known.length ? Math.max(...known) : undefined;
};

/** One row: `value` against `limit` (both in `unit`), or a row without a figure. */
function row(what, limit, unit, value) {
	const known = value !== undefined;
	return { what, target: `≤ ${limit} ${unit}`, measured: known ? `${value} ${unit}` : '—', met: known ? value <= limit : undefined };
}

const seconds = (ms) => (typeof ms === 'number' ? Number((ms / 1000).toFixed(2)) : undefined);

/** @returns {TargetRow[]} */
export function targetRows(figures) {
	const cold = figures.cold ?? {};
	const warm = figures.warm ?? {};
	const fromActivation = (run, key) => run.fromActivationMs?.[key];
	const saves = [warm.save, warm.saveOldest].filter(Boolean).map((s) => s.fromFileEventMs ?? {});
	const over = (key) => maxOf([cold.extensionOverBaselineMB?.[key], warm.extensionOverBaselineMB?.[key]]);
	// the probe's CPU of a busy run where it has the host's CPU (Node), else the event loop's longest gap (web)
	const longest = (run) => run.blocking?.longestCpuMs ?? run.blocking?.longestMs;
	return [
		row('cold: the Papers view holds every day', 1.5, 's', seconds(fromActivation(cold, 'treeAllDaysInModel'))),
		row('cold: every title, author and id searchable', 2.5, 's', seconds(fromActivation(cold, 'everyTitleSearchable'))),
		row('cold: everything searchable', 5, 's', seconds(fromActivation(cold, 'fullIndexed'))),
		row('warm: the Papers view holds every day', 0.5, 's', seconds(fromActivation(warm, 'treeAllDaysInModel'))),
		row('warm: everything searchable', 0.5, 's', seconds(fromActivation(warm, 'fullIndexed'))),
		row('a saved change in the tree and searchable, from the file event', 300, 'ms', maxOf(saves.flatMap((s) => [s.inTree, s.searchable]))),
		row('extension-host heap, cold and warm', 60, 'MB', maxOf([cold.memory?.hostHeapUsedMB, warm.memory?.hostHeapUsedMB])),
		row("extension host's RSS over the baseline at its peak", 250, 'MB', over('peakRss')),
		row("extension host's RSS over the baseline once indexed", 150, 'MB', over('rssIndexed')),
		row("the host's longest busy run after activation (anyone's)", 30, 'ms', maxOf([longest(cold), longest(warm)])),
	];
}

/** The rows as an aligned text table, with a first line that says which run they judge. */
export function formatTargets(rows, scale = 1) {
	const header = ['target', 'limit', 'measured', 'met'];
	const cells = rows.map((r) => [r.what, r.target, r.measured, r.met === undefined ? 'no figure' : r.met ? 'yes' : 'no']);
	const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
	const line = (c) => c.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
	const met = rows.filter((r) => r.met === true).length;
	const judged = rows.filter((r) => r.met !== undefined).length;
	const title = `targets (from activation; the worst of the run's cold and warm starts where both count): ${met} of ${judged} met${scale === 1 ? '' : ` — at ${scale}×, while the targets are for the folder at 1×`}`;
	return [title, line(header), ...cells.map(line)].join('\n');
}
