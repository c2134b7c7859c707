import * as assert from 'node:assert';
import { plainMath } from '../../src/core/plainMath';

describe('TeX math in titles as plain text', () => {
	/** each [title as written, as text] */
	const writes = (cases: [string, string][]) => {
		for (const [tex, text] of cases) assert.strictEqual(plainMath(tex), text, tex);
	};

	it('writes the powers, letters and symbols of real titles as text', () => {
		// each from the 167 real days
		writes([
			['AM$^3$Safety: Towards Data Efficient Alignment', 'AM³Safety: Towards Data Efficient Alignment'],
			['ChartE$^{3}$: A Comprehensive Benchmark', 'ChartE³: A Comprehensive Benchmark'],
			['Inverse Learning in $2\\times2$ Games', 'Inverse Learning in 2×2 Games'],
			['under $(\\varepsilon,δ)$-Differentially Private', 'under (ε,δ)-Differentially Private'],
			['Codes over $\\mathbb{Z}_{121}$', 'Codes over ℤ₁₂₁'],
			['via $\\ell^4$-Norm Maximization', 'via ℓ⁴-Norm Maximization'],
			['T$^\\star$: Progressive Block Scaling', 'T*: Progressive Block Scaling'],
			['a 30$^\\circ$ turn', 'a 30° turn'],
			['$ρ$-$\\texttt{EOS}$: Training-free', 'ρ-EOS: Training-free'],
			['Model-Checking of $\\exists^*\\forall^*$ Hyperproperties', 'Model-Checking of ∃*∀* Hyperproperties'],
			['$V_0$: A Generalist Value Model', 'V₀: A Generalist Value Model'],
			// a font command around a script (braces within braces)
			['Codebook Size $\\mathit{2^{128}}$ for Unified', 'Codebook Size 2¹²⁸ for Unified'],
			// one character without a subscript form keeps its marker
			['Policy Iteration for $L_\\infty$ Robust MDPs', 'Policy Iteration for L_∞ Robust MDPs'],
			['Construction $π_A$ over Fields', 'Construction π_A over Fields'],
			// braces written as such stay (TeX's grouping braces go)
			['Learning over $\\{0,1\\}^n$ cubes', 'Learning over {0,1}ⁿ cubes'],
			// every small letter but q has a superscript form
			['codes of length $np^s$ over', 'codes of length npˢ over'],
			// the astro forks' relations (Straw674, real-digests)
			['Clumps in spiral galaxies at $z \\lesssim 3$: Disentangling', 'Clumps in spiral galaxies at z ≲ 3: Disentangling'],
			['Discovery of bright $z\\simeq7$ Lyman-break galaxies', 'Discovery of bright z≃7 Lyman-break galaxies'],
			['halos with $M \\gtrsim 10^{12} M_\\odot$', 'halos with M ≳ 10¹² M_⊙'],
		]);
	});

	it('reads the spans the card and the exports read (mathSpans): a digit may follow the closing dollar', () => {
		writes([
			['Image Super-Resolution ($\\times$4) at NTIRE 2026', 'Image Super-Resolution (×4) at NTIRE 2026'],
			['354$\\times$ faster', '354× faster'],
			['$+$1.6% PSNR, $+$9.6% SSIM', '+1.6% PSNR, +9.6% SSIM'],
		]);
	});

	it('leaves a span it cannot write wholly as text as written, dollars included', () => {
		// a script of several characters, one without a subscript form; a nested fraction; a command it does not know
		assert.strictEqual(plainMath('Codes of $x_{Ab}$ kind'), 'Codes of $x_{Ab}$ kind');
		// a script within a script
		for (const math of ['$2^{2^{n}}$', '$O(2^{2^{n}})$', '$e^{-x^{2}}$', '$a_{n_{k}}$', '$x^{\\{a\\}}$', '$a^\\{$', '$x^{{2}}$']) assert.strictEqual(plainMath(`Bounds ${math} here`), `Bounds ${math} here`);
		const fraction = 'Codes over $\\frac{\\mathbb{F}_{p^m}[u]}{\\langle u^t \\rangle}$';
		assert.strictEqual(plainMath(fraction), fraction);
		assert.strictEqual(plainMath('A $\\overbrace{x}$ estimate'), 'A $\\overbrace{x}$ estimate');
		// each span on its own: one converts, the other stays
		assert.strictEqual(plainMath('$x^{p+1}$ over $\\mathbb{Z}_{p^e}$'), 'xᵖ⁺¹ over $\\mathbb{Z}_{p^e}$');
	});

	it('writes operator names, floors and ceilings, sized delimiters and accents of real titles and TL;DRs (the card typesets them)', () => {
		assert.strictEqual(plainMath('Sorting in $O(n \\log n)$ and $\\log\\log n$ time'), 'Sorting in O(n log n) and log log n time');
		assert.strictEqual(plainMath('$\\widetilde{O}(\\sqrt{T})$ regret with $\\hat{\\theta}$ and $\\bar{\\sigma}$'), 'Õ(√T) regret with θ̂ and σ̄');
		assert.strictEqual(plainMath('$\\lfloor n/2\\rfloor$ rounds, $\\left(1+\\epsilon\\right)$-approximate'), '⌊n/2⌋ rounds, (1+ϵ)-approximate');
	});

	it('leaves text without math alone: no dollars, one dollar, two prices, escaped dollars', () => {
		for (const text of ['Plain title', 'Costs $5 per query', 'From $5 to $10 a month', 'From \\$5 to \\$10', '']) assert.strictEqual(plainMath(text), text);
		assert.strictEqual(plainMath('From $ 5 to $ 10 a month'), 'From $ 5 to $ 10 a month');
	});

	it('writes math spaced inside its dollars, as the card reads it, when it is plainly TeX', () => {
		writes([
			['Linear $ O(n) $ Attention', 'Linear O(n) Attention'],
			['MDS Codes over $ \\mathbb{F}_q $', 'MDS Codes over 𝔽_q'],
		]);
	});
});
