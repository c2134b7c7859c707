// The longest runs of one script's code on a thread, from a .cpuprofile: consecutive samples with a
// frame of that script on the stack; garbage collection and V8's own work between two of them count
// to the run (the thread is no freer), idle time or another script's code end it. What the extension
// host's longest blocks owe to one extension (the probe's drift timer sees every block, whoever's).
// An upper bound: tasks of the script that ran back to back with nothing else waiting make one run,
// and the profiler itself slows tight loops several times (a 3.7 ms checksum showed as 55 ms).
// Used by bench/cpuprofile.mjs --runs and by bench:editor --profile.

/** The `count` longest runs of code from scripts whose URL contains `urlPart`, longest first. */
export function longestRuns(profile, urlPart, count = 5) {
	const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const mine = new Map();
	const isMine = (id) => {
		if (!mine.has(id)) {
			let found = false;
			for (let at = id; at !== undefined && !found; at = parent.get(at)) found = nodes.get(at).callFrame.url.includes(urlPart);
			mine.set(id, found);
		}
		return mine.get(id);
	};
	const between = (id) => ['(garbage collector)', '(program)'].includes(nodes.get(id).callFrame.functionName);
	const name = (id) => {
		const f = nodes.get(id).callFrame;
		return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
	};
	// sample i covers [at[i], at[i + 1])
	const at = [profile.startTime];
	for (const d of profile.timeDeltas) at.push(at[at.length - 1] + d);
	at[profile.samples.length] = Math.max(at[profile.samples.length] ?? 0, profile.endTime);
	const runs = [];
	let first = -1;
	let last = -1;
	const close = () => {
		if (first < 0) return;
		const self = new Map();
		for (let i = first; i <= last; i++) self.set(name(profile.samples[i]), (self.get(name(profile.samples[i])) ?? 0) + (at[i + 1] - at[i]));
		runs.push({
			atMs: Math.round((at[first] - profile.startTime) / 1000),
			ms: Math.round((at[last + 1] - at[first]) / 100) / 10,
			top: [...self].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, us]) => `${(us / 1000).toFixed(1)} ms ${k}`),
		});
		first = last = -1;
	};
	profile.samples.forEach((id, i) => {
		if (isMine(id)) {
			if (first < 0) first = i;
			last = i;
		} else if (!(first >= 0 && between(id))) close();
	});
	close();
	return runs.sort((a, b) => b.ms - a.ms).slice(0, count);
}
