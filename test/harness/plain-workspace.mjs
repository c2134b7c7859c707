// A workspace without digests for `npm run bench:editor -- --no-digests`: N ordinary Markdown files
// shaped like a docs/notes repository (nested folders, READMEs, guides, API pages, notes; headings,
// lists, code blocks, tables and links; 1–30 KB), with ~5% named by a day the way blogs and journals
// name them (`blog/_posts/2024-05-01-title.md`, `journal/2025-03-12.md`) unless `dated` is false.
// The prose is real English: sentences of the papers' abstracts in ../shared/real-digests. No file
// holds anything a digest has (no arXiv links, no digest fields). Deterministic for a given seed.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

/** deterministic pseudo-random numbers (mulberry32) */
function rng(seed) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
	const pick = (list) => list[Math.floor(next() * list.length)];
	return { next, int, pick };
}

/** English sentences from the real digests' abstracts, TL;DRs and the like (lines of prose only) */
export function realSentences(digestsDir) {
	const sentences = new Set();
	const walk = (dir) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name.endsWith('.md')) {
				for (const raw of readFileSync(path, 'utf8').split('\n')) {
					// `Abstract: …`, `**TL;DR**: …`, `> Motivation: …`: the prose after a short label
					const line = raw.replace(/^[\s>*-]*(?:\*\*)?[A-Za-z;/ ]{2,24}(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*/, '').trim();
					if (/[^\x20-\x7e]/.test(line) || /https?:|\]\(|^#|\|/.test(line)) continue;
					for (const s of line.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
						const words = s.split(/\s+/).length;
						// no digits: a day-like number in a file name or heading is the other half of this bench
						if (words >= 8 && words <= 45 && /[.!?]$/.test(s) && !/\d/.test(s)) sentences.add(s);
					}
				}
			}
		}
	};
	walk(digestsDir);
	return [...sentences].sort();
}

/** Writes the workspace into `dir`; returns what it wrote. */
export function writePlainWorkspace(dir, { files = 5000, dated = true, seed = 20260101, digestsDir }) {
	const sentences = realSentences(digestsDir);
	if (sentences.length < 200) throw new Error(`too few English sentences in ${digestsDir} (${sentences.length})`);
	const r = rng(seed);
	// words for names: the sentences' own, lower-case letters only
	// never a folder name where digests are kept (src/core/candidates.ts): those files would be candidates
	const words = [...new Set(sentences.join(' ').toLowerCase().match(/\b[a-z]{4,12}\b/g))].filter((w) => !/^(?:data|contents|digests?)$/.test(w)).sort();
	const slug = (n) => Array.from({ length: n }, () => r.pick(words)).join('-');
	const sentence = () => r.pick(sentences);
	const paragraph = () => Array.from({ length: r.int(2, 6) }, sentence).join(' ');
	const title = (s = sentence()) => {
		const t = s.split(/\s+/).slice(0, r.int(3, 7)).join(' ').replace(/[,.;:!?]+$/, '');
		return t[0].toUpperCase() + t.slice(1);
	};
	const ident = () => {
		const [a, b] = [r.pick(words), r.pick(words)];
		return a + b[0].toUpperCase() + b.slice(1);
	};

	// the repository's folders: a docs site, API reference, packages, notes; a blog and a journal for the dated files
	const sections = [];
	for (const top of ['docs/guide', 'docs/reference', 'docs/tutorials', 'docs/concepts', 'api', 'notes', 'packages', 'design', 'wiki']) {
		for (let i = r.int(3, 8); i > 0; i--) {
			const sub = `${top}/${slug(r.int(1, 2))}`;
			sections.push(sub);
			if (r.next() < 0.4) sections.push(`${sub}/${slug(1)}`);
		}
	}
	const datedCount = dated ? Math.round(files * 0.05) : 0;
	const paths = new Set();
	const add = (path) => {
		if (paths.has(path)) return false;
		paths.add(path);
		return true;
	};
	add('README.md');
	add('CONTRIBUTING.md');
	add('CHANGELOG.md');
	for (const s of sections) add(`${s}/README.md`);
	while (paths.size < files - datedCount) add(`${r.pick(sections)}/${slug(r.int(1, 3))}.md`);
	const datedPaths = [];
	while (datedPaths.length < datedCount) {
		const y = r.int(2019, 2026);
		const m = String(r.int(1, 12)).padStart(2, '0');
		const d = String(r.int(1, 28)).padStart(2, '0');
		// a Jekyll/Hugo blog, a daily journal (flat or by year)
		const kind = r.next();
		const path = kind < 0.5 ? `blog/_posts/${y}-${m}-${d}-${slug(r.int(2, 4))}.md` : kind < 0.8 ? `journal/${y}-${m}-${d}.md` : `journal/${y}/${y}-${m}-${d}.md`;
		if (add(path)) datedPaths.push(path);
	}
	const all = [...paths];
	const link = (from) => {
		const to = r.pick(all);
		return `[${title()}](${posix.relative(posix.dirname(from), to) || posix.basename(to)})`;
	};

	const codeBlock = () => {
		const lang = r.pick(['ts', 'js', 'bash', 'json', 'python', 'yaml']);
		const [f, a, b] = [ident(), ident(), ident()];
		const body = {
			ts: `export function ${f}(${a}: string, ${b}: number): boolean {\n\tconst ${ident()} = ${a}.split('/');\n\treturn ${b} > ${ident()}.length;\n}`,
			js: `const { ${a} } = require('./${slug(1)}');\n\nmodule.exports = async function ${f}(${b}) {\n\treturn ${a}(${b}, { retries: 3 });\n};`,
			bash: `npm install --save ${slug(2)}\nnpx ${slug(1)} --${slug(1)} ./${slug(1)}\ngit commit -am "${title()}"`,
			json: `{\n\t"${a}": true,\n\t"${b}": "${slug(1)}",\n\t"${f}": [1, 2, 3]\n}`,
			python: `def ${slug(2).replace(/-/g, '_')}(${slug(1)}, ${slug(1)}=None):\n    """${sentence()}"""\n    return [${slug(1)} for ${slug(1)} in range(10)]`,
			yaml: `${slug(1)}:\n  ${slug(1)}: ${slug(1)}\n  ${slug(1)}:\n    - ${slug(1)}\n    - ${slug(1)}`,
		}[lang];
		return `\`\`\`${lang}\n${body}\n\`\`\``;
	};
	const block = (path) => {
		const k = r.next();
		if (k < 0.5) return paragraph().replace(/\.\s/, () => `. See ${link(path)}. `);
		if (k < 0.65) return Array.from({ length: r.int(3, 7) }, () => `- ${sentence()}`).join('\n');
		if (k < 0.72) return Array.from({ length: r.int(3, 6) }, (_, i) => `${i + 1}. ${sentence()}`).join('\n');
		if (k < 0.85) return codeBlock();
		if (k < 0.9) return `> ${sentence()}`;
		if (k < 0.95) return `| ${slug(1)} | ${slug(1)} | ${slug(1)} |\n|---|---|---|\n${Array.from({ length: r.int(2, 6) }, () => `| \`${ident()}\` | ${title()} | ${r.pick(['yes', 'no', 'optional'])} |`).join('\n')}`;
		return `Related: ${link(path)}, ${link(path)} and [the upstream docs](https://${slug(1)}.example.org/${slug(2)}).`;
	};
	// sizes from 1 to 30 KB, log-uniform: many short pages, a few long ones
	const size = () => Math.round(1024 * Math.exp(r.next() * Math.log(30)));

	let bytes = 0;
	const datedSet = new Set(datedPaths);
	for (const path of all) {
		const target = size();
		const day = datedSet.has(path) ? /(\d{4}-\d{2}-\d{2})/.exec(path)[1] : undefined;
		const head = title();
		let text = '';
		if (path.startsWith('blog/')) text = `---\nlayout: post\ntitle: "${head}"\ndate: ${day} 09:00:00 +0000\ntags: [${slug(1)}, ${slug(1)}]\n---\n\n`;
		text += path.startsWith('journal/') ? `# ${day}\n\n` : `# ${head}\n\n`;
		while (Buffer.byteLength(text) < target) {
			if (r.next() < 0.2) text += `${'#'.repeat(r.int(2, 3))} ${title()}\n\n`;
			text += `${block(path)}\n\n`;
		}
		const file = join(dir, path);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, text);
		bytes += Buffer.byteLength(text);
	}
	return { files: all.length, dated: datedPaths.length, bytes, sentences: sentences.length, folders: new Set(all.map((p) => posix.dirname(p))).size };
}
