/**
 * TeX math in a title as plain text, for the places that show titles as text (the Papers view,
 * Go to Symbol, Search Papers, hovers, a card's tab): `Real$^2$` → `Real²`, `$\mathbb{Z}_{121}$` →
 * `ℤ₁₂₁`, `$(\varepsilon,δ)$` → `(ε,δ)`. The card itself renders the math with KaTeX; exports and
 * Copy Title keep the TeX as written.
 *
 * 214 of the 32,942 listings of 167 real days have `$…$` in their title, most of them a power, a
 * Greek letter or a symbol; this table covers those. A span with anything it does not know (a
 * nested fraction, a command not listed, a script of several characters one of which has no
 * superscript or subscript form) stays as written, dollars included: never half converted. A
 * script of one such character keeps its `^` or `_` (`$L_\infty$` → `L_∞`, `$π_A$` → `π_A`). (The
 * `unicodeit` package knows every command, but its tables would add 124 KB to the extension's
 * bundle for 0.65 % of the titles.)
 */

import { mathSpans } from './mathSpans';

/** stand-ins for the braces a span writes (`\{0,1\}`), kept apart from TeX's grouping braces until the end (see spanText) */
const OPEN = '\uE002';
const CLOSE = '\uE003';

const SYMBOLS: Record<string, string> = {
	alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', vartheta: 'ϑ',
	iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', varrho: 'ϱ', sigma: 'σ', tau: 'τ',
	upsilon: 'υ', phi: 'ϕ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
	Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
	times: '×', cdot: '·', pm: '±', mp: '∓', div: '÷', neq: '≠', ne: '≠', leq: '≤', le: '≤', geq: '≥', ge: '≥', approx: '≈', sim: '∼',
	simeq: '≃', lesssim: '≲', gtrsim: '≳', ll: '≪', gg: '≫', leqslant: '⩽', geqslant: '⩾', lt: '<', gt: '>', odot: '⊙',
	equiv: '≡', propto: '∝', infty: '∞', partial: '∂', nabla: '∇', sum: '∑', prod: '∏', int: '∫', sqrt: '√',
	in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆', cup: '∪', cap: '∩', emptyset: '∅', forall: '∀', exists: '∃', neg: '¬',
	land: '∧', lor: '∨', wedge: '∧', vee: '∨', oplus: '⊕', otimes: '⊗', oslash: '⊘', circ: '∘', star: '⋆', ast: '∗',
	dagger: '†', ddagger: '‡', prime: '′', ell: 'ℓ', hbar: 'ℏ', degree: '°', ldots: '…', cdots: '⋯', dots: '…',
	to: '→', rightarrow: '→', leftarrow: '←', leftrightarrow: '↔', Rightarrow: '⇒', Leftarrow: '⇐', Leftrightarrow: '⇔',
	mapsto: '↦', nrightarrow: '↛', uparrow: '↑', downarrow: '↓', langle: '⟨', rangle: '⟩', vert: '|', mid: '∣',
	lfloor: '⌊', rfloor: '⌋', lceil: '⌈', rceil: '⌉', Vert: '‖', lvert: '|', rvert: '|', lVert: '‖', rVert: '‖',
	// sizes of delimiters: the delimiter alone (`\left(`, `\big|`)
	left: '', right: '', big: '', Big: '', bigl: '', bigr: '', Bigl: '', Bigr: '',
	'%': '%', '&': '&', '#': '#', '$': '$', '{': OPEN, '}': CLOSE, _: '_', ',': ' ', ';': ' ', ':': ' ', '!': '', ' ': ' ', quad: ' ', qquad: ' ',
};

const SUPERSCRIPT: Record<string, string> = {
	'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '=': '⁼',
	'(': '⁽', ')': '⁾', a: 'ᵃ', b: 'ᵇ', c: 'ᶜ', d: 'ᵈ', e: 'ᵉ', f: 'ᶠ', g: 'ᵍ', h: 'ʰ', i: 'ⁱ', j: 'ʲ', k: 'ᵏ', l: 'ˡ', m: 'ᵐ',
	n: 'ⁿ', o: 'ᵒ', p: 'ᵖ', r: 'ʳ', s: 'ˢ', t: 'ᵗ', u: 'ᵘ', v: 'ᵛ', w: 'ʷ', x: 'ˣ', y: 'ʸ', z: 'ᶻ', T: 'ᵀ', '∘': '°', '⋆': '*', '*': '*', '∗': '*',
	'†': '†', '′': '′', "'": '′',
};

const SUBSCRIPT: Record<string, string> = {
	'0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '=': '₌',
	'(': '₍', ')': '₎', a: 'ₐ', e: 'ₑ', o: 'ₒ', x: 'ₓ', h: 'ₕ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', p: 'ₚ', s: 'ₛ', t: 'ₜ', i: 'ᵢ', j: 'ⱼ',
	r: 'ᵣ', u: 'ᵤ', v: 'ᵥ',
};

/** operator names, written as their name (`$O(n \\log n)$` → `O(n log n)`) */
const OPERATORS = new Set(['log', 'ln', 'lg', 'exp', 'sin', 'cos', 'tan', 'max', 'min', 'sup', 'inf', 'lim', 'det', 'arg', 'dim', 'ker', 'Pr', 'argmax', 'argmin']);

/** accents over their argument, as a combining mark on each of its characters (`\\widetilde{O}` → `Õ`) */
const ACCENTS = /\\(widetilde|tilde|widehat|hat|bar|overline|vec|dot|ddot)\s*(?:\{([^{}]*)\}|([^\s{}\\]))/gu;
const ACCENT_MARKS: Record<string, string> = { widetilde: '\u0303', tilde: '\u0303', widehat: '\u0302', hat: '\u0302', bar: '\u0304', overline: '\u0305', vec: '\u20d7', dot: '\u0307', ddot: '\u0308' };

/** the double-struck capitals (`\mathbb{R}`); those outside the BMP are written as surrogate pairs */
const DOUBLE_STRUCK: Record<string, string> = { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ', E: '𝔼', F: '𝔽' };

/** commands that only set a font: their argument as it is (which may hold one level of braces: `\mathit{2^{128}}`) */
const FONT = /\\(?:mathcal|mathbf|mathrm|mathit|mathsf|mathtt|mathscr|mathfrak|textbf|textit|texttt|textrm|textsf|textsc|text|boldsymbol|bm|operatorname|emph)\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g;

/** stand-ins for `^` and `_` kept before one character that has no superscript or subscript form (see spanText) */
const RAISED = '\uE000';
const LOWERED = '\uE001';

/** One `$…$` span's content as text, or undefined when it holds anything this table does not know. */
function spanText(tex: string): string | undefined {
	let failed = false;
	let text = tex
		.replace(FONT, '$1')
		.replace(/\\mathbb\s*\{([A-Z])\}/g, (whole, letter: string) => DOUBLE_STRUCK[letter] ?? ((failed = true), whole))
		.replace(/\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '$1/$2')
		// an operator's name, apart from a letter or digit before it as TeX sets it (`n\log n`, `\log\log n` → `n log n`, `log log n`)
		.replace(/\\([a-zA-Z]+)/g, (whole, name: string, at: number, all: string) => (OPERATORS.has(name) ? `${at > 0 && /[\p{L}\p{N}]/u.test(all[at - 1]) ? ' ' : ''}${name}` : whole))
		// an accent's argument may hold a symbol (`\hat{\theta}`): accents after the symbols
		.replace(/\\([a-zA-Z]+|[^a-zA-Z])/g, (whole, name: string) => (ACCENT_MARKS[name] !== undefined ? whole : (SYMBOLS[name] ?? ((failed = true), whole))))
		.replace(ACCENTS, (_whole, accent: string, group: string | undefined, single: string | undefined) => [...(group ?? single ?? '')].map((c) => c + ACCENT_MARKS[accent]).join('').normalize('NFC'));
	if (failed) return undefined;
	const scripts = (marker: '^' | '_', table: Record<string, string>) =>
		text.replace(marker === '^' ? /\^\s*(?:\{([^{}]*)\}|([^{}]))/gu : /_\s*(?:\{([^{}]*)\}|([^{}]))/gu, (whole, group: string | undefined, single: string | undefined) => {
			const chars = [...(group ?? single ?? '').replace(/\s+/g, '')];
			let out = '';
			for (const char of chars) {
				const mapped = table[char];
				if (mapped === undefined) {
					// one character without such a form keeps its marker, as plain text writes it (`L_∞`, `π_A`); in a longer
					// script, the span stays as written (a script within a script never matches: its marker is left, below)
					if (chars.length === 1 && char !== OPEN && char !== CLOSE) return (marker === '^' ? RAISED : LOWERED) + char;
					failed = true;
					return whole;
				}
				out += mapped;
			}
			return out;
		});
	text = scripts('^', SUPERSCRIPT);
	text = scripts('_', SUBSCRIPT);
	if (failed || /[\\^_]/.test(text)) return undefined;
	return text
		.replace(/[{}]/g, '')
		.replace(/~/g, ' ')
		.replace(/\s+/g, ' ')
		// the space that ends a delimiter's command (`\lceil n/2 \rceil`) is no space inside it
		.replace(/([⌊⌈⟨]) /g, '$1')
		.replace(/ ([⌋⌉⟩])/g, '$1')
		.trim()
		.replaceAll(RAISED, '^')
		.replaceAll(LOWERED, '_')
		.replaceAll(OPEN, '{')
		.replaceAll(CLOSE, '}');
}

/**
 * `text` with each `$…$` span it can write as plain text so written (see the module's comment). The
 * spans are those the card renders as math and the exports keep (see mathSpans): `354$\times$ faster`
 * and `($\times$4)` are math, `costs $5 and $10` is not.
 */
export function plainMath(text: string): string {
	if (!text.includes('$')) return text;
	return mathSpans(text)
		.map((piece) => (piece.math ? (spanText(piece.text.slice(1, -1)) ?? piece.text) : piece.text))
		.join('');
}
