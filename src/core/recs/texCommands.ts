/**
 * TeX command names that are no words of a paper: titles and abstracts write TeX (`\textbf{Ours}`,
 * `$\mathbb{R}^d$`, `\emph{not}`), and the index takes the name after the backslash for a word. As
 * TF-IDF terms they are rare, so heavy (high idf): two unrelated papers that both set a word in
 * bold were "similar", with `In common: textbf` (on the 23 real digests of test/fixtures/real, 153
 * papers' vectors held \textbf, \emph, \mathbb or another of the most written, and 75 Similar papers
 * rows named one). The vectors
 * (tfidf.ts buildVectors) leave these terms out, so neither Similar papers, For you's model nor
 * their "in common" / "why" words see them.
 *
 * The vectors are built from the index's postings, where the text is gone, so the names are a list,
 * not "a word after a backslash". It holds the commands the 167 real days write (`grep -o '\\[a-z]*'`:
 * \textbf 2,632 times, \emph 1,037, \textit 874, \mathbb 403, \mathcal 323, …) whose name no prose
 * writes as a word. A command named as a word stays a term (`\times`, `\left`, `\sim`, `\approx`,
 * `\log`, `\hat`, `\underline`, `\url`, Greek letters, a fork's own `\model`, `\method`): dropping
 * it would drop the word from every paper that writes it, and as a common word its idf is low.
 * Two-letter names are left too (`\rm`, `\bf`, `\le`: RM is a reward model).
 */
export const TEX_COMMANDS: readonly string[] = [
	// text fonts and styles
	'textbf', 'textit', 'texttt', 'textsc', 'textrm', 'textsf', 'textsl', 'textup', 'textmd', 'textnormal', 'emph', 'uline',
	'textcolor', 'textsuperscript', 'textsubscript', 'textasciitilde', 'mbox', 'hbox',
	// math fonts
	'mathbb', 'mathcal', 'mathrm', 'mathbf', 'mathsf', 'mathit', 'mathtt', 'mathscr', 'mathfrak', 'boldsymbol', 'operatorname', 'mathop',
	// math symbols and constructions
	'frac', 'dfrac', 'tfrac', 'sqrt', 'cdot', 'cdots', 'ldots', 'dotsc', 'odot', 'otimes', 'oplus', 'varepsilon', 'vartheta',
	'varphi', 'varrho', 'infty', 'leq', 'geq', 'neq', 'leqslant', 'geqslant', 'lesssim', 'gtrsim', 'subseteq', 'rightarrow',
	'leftarrow', 'leftrightarrow', 'mapsto', 'langle', 'rangle', 'lfloor', 'rfloor', 'lceil', 'rceil', 'widehat', 'widetilde',
	'overline', 'binom', 'pmod', 'bigl', 'bigr', 'qquad',
	// references
	'href',
];
