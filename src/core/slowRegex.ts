/**
 * Whether a regular expression of the reader's (an interest `/regex/`) nests a repeat inside a repeat,
 * `(\w+\s?)+@`: such a pattern backtracks exponentially where it fails (4.9 s on a 36-character
 * title, never ending on an abstract), and a regex cannot be stopped once it runs, on the extension
 * host or in the index. `ret` parses the pattern (the parser behind safe-regex); an optional part
 * (`?`, `{0,1}`) is no repeat: `(pre-?)?train` and `LLaMA-?\d+(\.\d+)?` are fine. Nor is a repeat whose
 * body the next character steers (see pinned): `GPT-?\d+(\.\d+)*`, `(?:\w+ ){0,3}agents?`,
 * `(\w+-)*transformer` and `(\w+\s)+model` take at most 11 ms on 2,000 characters built to fail late,
 * where `(\d+\w+-)*x` takes 4 s on 105 and `(.*,)*x` 21 s on 31. So does a repeat of alternatives
 * that can take the same text, each character going to one branch or another: `([a-z]|\w)+@` takes
 * 18 s on 27 characters (i), `(\d|\d)+$` 8.9 s on 27, `(a|ab|b)+$` 5.2 s on 49, `(a?a)+$` 5.6 s on
 * 37, `(.|\n)*x` 6.3 s on 26 line breaks with s; these are refused when two alternatives (or an
 * optional part and what follows it) can start with the same character, and `(foo|bar)*baz`,
 * `(\w|-)+`, `(?:\s|,)+`, `(.|\n)*x` without s and `(?:v(?:\d+|ersion))+` take at most 29 ms on
 * 2,000 characters. `(a|ab)+` and `(?:the|this)+` are refused though they do not backtrack so (their
 * alternatives part at a later character). Not caught: runs of `.*` (polynomial); interests in a
 * workspace's settings are ignored in Restricted Mode (package.json restrictedConfigurations).
 */
import ret, { types } from 'ret';

type Node = { type: number; stack?: Node[]; options?: Node[][]; value?: unknown; min?: number; max?: number | null; set?: Node[]; not?: boolean; from?: number; to?: number; followedBy?: boolean; notFollowedBy?: boolean };

/** what the parser is given for a backreference, and from here on for each character class and `\p{…}` (see readable) */
const REF = 0xe000;
const ATOM = 0xe001;
const PRIVATE_USE = /[\ue000-\uf8ff]/;
const SURROGATE = /[\ud800-\udfff]/;

/**
 * `source` in the parser's syntax, which knows neither lookbehinds, group modifiers, names in any
 * script nor `\p{…}`, and reads `\x2c`, `\u002c`, `\ca`, octal escapes and ranges in a class wrongly
 * (`[\x2c]` as x, 2, c). An escape is read as such (`\(?<` opens no group), and so is a character
 * class, `[(?<]`: each class, `\p{…}` and `.` (no line break, unless s or (?s:) may make it any
 * character) is one stand-in character whose source `atoms` keeps for the regex engine to read. What
 * cannot be said exactly becomes any character (a code point beyond U+FFFF in /u) or a backreference
 * (`\1`, `\k<name>`).
 */
function readable(source: string, flags: string): { text: string; atoms: string[]; modifiers: boolean } {
	const unicode = /[uv]/.test(flags);
	const dotAll = flags.includes('s') || /\(\?[a-z]*s[a-z]*(?:-[a-z]*)?:/i.test(source);
	const atoms: string[] = [];
	let text = '';
	let modifiers = false;
	const atom = (s: string) => String.fromCharCode(ATOM + atoms.push(s) - 1);
	const char = (code: number) =>
		code > 0xffff || PRIVATE_USE.test(String.fromCharCode(code)) || (unicode && SURROGATE.test(String.fromCharCode(code)))
			? '[^]'
			: code < 0x80 && !/[a-z0-9]/i.test(String.fromCharCode(code))
				? `\\${String.fromCharCode(code)}`
				: String.fromCharCode(code);
	for (let i = 0; i < source.length; i++) {
		const c = source[i];
		const rest = source.slice(i + 1);
		let m: RegExpExecArray | null = null;
		if (c === '\\') {
			if (unicode && (m = /^[pP]\{[^}]*\}/.exec(rest))) text += atom(`\\${m[0]}`);
			else if ((m = (unicode ? /^u(?:\{([0-9a-f]+)\}|(d[89ab][0-9a-f]{2}\\ud[c-f][0-9a-f]{2})|([0-9a-f]{4}))/i : /^u()()([0-9a-f]{4})/i).exec(rest)))
				text += char(m[1] ? parseInt(m[1], 16) : m[2] ? 0x10000 : parseInt(m[3], 16));
			else if ((m = /^x([0-9a-f]{2})/i.exec(rest))) text += char(parseInt(m[1], 16));
			else if ((m = /^c([a-z])/i.exec(rest))) text += char(m[1].charCodeAt(0) % 32);
			else if ((m = /^0(?![0-9])/.exec(rest))) text += char(0);
			else if ((m = /^(?:[0-9]+|k<[^>]*>)/.exec(rest))) text += String.fromCharCode(REF);
			else if ((m = /^[cux]/.exec(rest))) text += m[0] === 'c' ? '[^]' : m[0];
			else if ((m = /^[\ud800-\udbff][\udc00-\udfff]|^./su.exec(rest))) text += SURROGATE.test(m[0]) || PRIVATE_USE.test(m[0]) ? '[^]' : c + m[0];
			else text += '[^]';
			i += m?.[0].length ?? 0;
		} else if (c === '[') {
			// to its `]`: the first unescaped one, or with v the one that closes the classes inside it
			let depth = 0;
			let j = i + 1;
			for (; j < source.length && (source[j] !== ']' || depth > 0); j++) {
				if (source[j] === '\\') j++;
				else if (flags.includes('v') && source[j] === '[') depth++;
				else if (source[j] === ']') depth--;
			}
			text += atom(source.slice(i, j + 1));
			i = j;
		} else if (c === '(' && (m = /^\?(?:<[=!]|<[^>]*>|[a-z]*(?:-[a-z]*)?:)/i.exec(rest))) {
			// lookbehinds are read as lookaheads, named groups as numbered ones, modifiers as plain groups
			text += m[0][1] === '<' ? (m[0][2] === '=' || m[0][2] === '!' ? `(?${m[0][2]}` : '(') : '(?:';
			modifiers ||= m[0] !== '?:';
			i += m[0].length;
		} else if (c === '.' && !dotAll) text += atom('.');
		else if (c === '.' || SURROGATE.test(c) || PRIVATE_USE.test(c)) {
			// `.` as any character with the s flag or where (?s:) may give it
			text += c === '.' || unicode || PRIVATE_USE.test(c) ? '[^]' : c;
			if (unicode && /^[\ud800-\udbff][\udc00-\udfff]/.test(c + rest)) i++;
		} else text += c;
	}
	return { text, atoms, modifiers };
}

/**
 * One character's worth of a repeat's body: the sets it is one of, and how many of them; or, with
 * `options`, one of several sequences (an alternation, or an optional group as its one option), `sets`
 * then being the characters any of them can start with.
 */
type Part = { sets: Node[]; min: number; max: number; options?: Part[][] };

const repeats = (node: Node) => node.type === types.REPETITION && (node.max === null || node.max === undefined || node.max > 1);
const children = (node: Node): Node[] => [...(node.stack ?? []), ...(node.options ?? []).flat(), ...(node.type === types.REPETITION ? [node.value as Node] : [])];
const holdsRepeat = (node: Node): boolean => repeats(node) || children(node).some(holdsRepeat);
/** an alternation or an optional part: a way to match to choose */
const chooses = (node: Node): boolean => node.options !== undefined || (node.type === types.REPETITION && node.min !== node.max) || children(node).some(chooses);
const empty = (part: Part): boolean => part.min === 0 || !!part.options?.some((option) => option.every(empty));
/** the sets a sequence can start with, up to its first part that cannot match nothing */
const first = (sequence: Part[]): Node[] => sequence.slice(0, sequence.findIndex((part) => !empty(part)) + 1 || undefined).flatMap((part) => part.sets);

/**
 * `node` as a sequence of parts, or undefined when it is more than one character at a time can be
 * told by: alternatives that can start with the same character (or two that can match nothing), a
 * repeated group, a backreference, a lookaround with a repeat. Lookarounds and `\b` only ever refuse
 * a way to match, so they count for nothing; alternatives of one character each are one part.
 */
function parts(node: Node, overlap: (a: Node[], b: Node[]) => boolean): Part[] | undefined {
	if (node.type === types.POSITION) return [];
	if (node.type === types.SET || (node.type === types.CHAR && node.value !== REF)) return [{ sets: [node], min: 1, max: 1 }];
	if (node.type === types.REPETITION) {
		// ret reads a lazy `a+?` as `(a+)?`
		if ((node.value as Node).type === types.REPETITION) return parts(node.value as Node, overlap);
		const one = parts(node.value as Node, overlap);
		if (!one || node.max === 0) return one && [];
		const [min, max] = [node.min ?? 0, node.max ?? Infinity];
		if (one.length === 1 && one[0].min === 1 && one[0].max === 1 && !one[0].options) return [{ sets: one[0].sets, min, max }];
		return max === 1 ? [{ sets: first(one), min, max, options: [one] }] : undefined;
	}
	if (node.type !== types.GROUP && node.type !== types.ROOT) return undefined;
	if (node.followedBy || node.notFollowedBy) return holdsRepeat(node) ? undefined : [];
	if (!node.options) {
		const sequence: Part[] = [];
		for (const child of node.stack ?? []) {
			const more = parts(child, overlap);
			if (!more) return undefined;
			sequence.push(...more);
		}
		return sequence;
	}
	const options: Part[][] = [];
	for (const option of node.options.map((stack) => parts({ type: types.GROUP, stack }, overlap))) {
		if (!option || options.some((other) => overlap(first(other), first(option)) || (other.every(empty) && option.every(empty)))) return undefined;
		options.push(option);
	}
	const single = options.every((option) => option.length === 1 && option[0].min === 1 && option[0].max === 1 && !option[0].options);
	return [{ sets: options.flatMap(first), min: 1, max: 1, ...(single ? {} : { options }) }];
}

/**
 * Whether a repeat's body is pinned: it cannot match nothing, and at every choice inside it (one more
 * character of an inner repeat or an optional part, one alternative or another, or on to what
 * follows, the next iteration's start included) the next character tells which, so the text splits
 * among iterations, inner repeats and alternatives one way only and a failing match backtracks once
 * per character, not once per split: `(\.\d+)*` (a `.` is no digit), `(\w+ )+`, `([^,]+,)*`,
 * `(foo|bar)+`, `(\w|-)+`. Refused: `(\d+\w+-)*x` (a digit is a word character), `(\w+\s?)+`,
 * `(.*,)*x`, `(a?\w+-)*`, `([a-z]|\w)+`, `(a?a)+`. Leaving the repeat is no such choice: what follows
 * it is tried once per end of an iteration.
 */
function pinned(body: Part[], overlap: (a: Node[], b: Node[]) => boolean): boolean {
	/** whether `sequence` is pinned where `after` is what can follow it */
	const settled = (sequence: Part[], after: Node[]): boolean =>
		sequence.every((part, i) => {
			const rest = sequence.slice(i + 1);
			const next = [...first(rest), ...(rest.every(empty) ? after : [])];
			return (part.options ?? []).every((option) => settled(option, next)) && ((part.min === part.max && !empty(part)) || !overlap(part.sets, next));
		});
	return !body.every(empty) && settled(body, first(body));
}

/** why a regex may take minutes: a repeat inside a repeat, or a repeat of alternatives that can take the same text (or one whose body ret cannot read) */
export type Slow = 'nested' | 'alternatives';

/** the Basic Multilingual Plane, for the regex engine to list a class's characters (with u, its surrogates as NUL) */
let planes: Record<string, string> | undefined;

/**
 * Whether `source`, a regex with `flags`, holds a repeat that is not pinned (above), of a body with a
 * repeat inside (`nested`) or with a choice among alternatives or optional parts (`alternatives`).
 * Two sets are told apart by the regex engine itself with the pattern's flags (`[a-z]+[A-Z]` overlap
 * with i, as `k` and the Kelvin sign do with iu): the characters of one (a class's, listed by the
 * engine) are tested against the other; two sets that cannot be listed (`[^,]`, `.`, `\p{L}`)
 * overlap. With the v flag every such repeat is refused, and so is a pattern ret cannot read.
 */
export function slowRepeat(source: string, flags: string): Slow | undefined {
	const { text, atoms, modifiers } = readable(source, flags);
	let tree: Node;
	try {
		tree = ret(text) as Node;
	} catch {
		return 'nested';
	}
	const unicode = flags.includes('u') ? 'u' : '';
	const cases = modifiers ? ['', 'i'] : [flags.includes('i') ? 'i' : ''];
	const listed = new Map<string, string | undefined>();
	/** a class's characters, or undefined for one too large or (with u) beyond U+FFFF */
	const list = (atom: string): string | undefined => {
		if (!listed.has(atom)) {
			if (!planes) {
				const plane = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).join('');
				planes = { '': plane, u: plane.replace(/[\ud800-\udfff]/g, '\0') };
			}
			const beyond = atom.startsWith('[^') || (unicode && /\\[pPDWS]|\\u\{|\\u[dD][89a-fA-F]|[\ud800-\udfff]/.test(atom));
			const all = beyond ? undefined : planes[unicode].match(new RegExp(atom, `g${unicode}`))?.join('') ?? '';
			listed.set(atom, all !== undefined && all.length <= 0x8000 ? all : undefined);
		}
		return listed.get(atom);
	};
	const hex = (code = 0) => `\\u${code.toString(16).padStart(4, '0')}`;
	const atomOf = (node: Node) => (node.type === types.CHAR ? atoms[(node.value as number) - ATOM] : undefined);
	const pattern = (node: Node): string =>
		atomOf(node) ??
		(node.type === types.RANGE ? `[${hex(node.from)}-${hex(node.to)}]`
		: node.type === types.SET ? `${node.not ? '(?!' : ''}(?:${(node.set ?? []).map(pattern).join('|') || '[]'})${node.not ? ')[^]' : ''}`
		: hex(node.value as number));
	const characters = (node: Node): string | undefined => {
		const atom = atomOf(node);
		if (atom !== undefined) return list(atom);
		if (node.type === types.RANGE) return Array.from({ length: (node.to ?? 0) - (node.from ?? 0) + 1 }, (_, k) => String.fromCharCode((node.from ?? 0) + k)).join('');
		if (node.type !== types.SET) return String.fromCharCode(node.value as number);
		const members = node.not ? [] : (node.set ?? []).map(characters);
		return node.not || members.includes(undefined) ? undefined : members.join('');
	};
	const within = (chars: string, other: Node) => cases.some((i) => new RegExp(pattern(other), i + unicode).test(chars));
	const overlap = (a: Node[], b: Node[]) =>
		a.some((x) =>
			b.some((y) => {
				const [inX, inY] = [characters(x), characters(y)];
				if (inX !== undefined && (inY === undefined || inX.length <= inY.length)) return within(inX, y);
				return inY === undefined || within(inY, x);
			}),
		);
	const slow = (node: Node): Slow | undefined => {
		if (!repeats(node)) return children(node).reduce<Slow | undefined>((found, child) => found ?? slow(child), undefined);
		const nested = holdsRepeat(node.value as Node);
		if (!nested && !chooses(node.value as Node)) return undefined;
		const body = flags.includes('v') ? undefined : parts(node.value as Node, overlap);
		return body && pinned(body, overlap) ? undefined : nested ? 'nested' : 'alternatives';
	};
	return slow(tree);
}
