import type { Paper } from '../../src/core/model';

/** A paper as the parser would produce it, with every field filled; override what a test needs. */
export function makePaper(overrides: Partial<Paper> = {}): Paper {
	return {
		number: 7,
		id: '2602.04994',
		version: undefined,
		isArxiv: true,
		title: 'SIDeR: Semantic Identity Decoupling for Unrestricted Face Privacy',
		link: 'https://arxiv.org/abs/2602.04994',
		authors: ['Zhuosen Bao', 'Xia Du', 'Chi-man Pun'],
		category: 'cs.CV',
		section: 'cs.CV',
		tldr: 'TLDR-TEXT a semantic decoupling framework.',
		motivation: 'MOTIVATION-TEXT identity must be decoupled.',
		method: 'METHOD-TEXT momentum-driven perturbation.',
		result: 'RESULT-TEXT 99% attack success.',
		conclusion: 'CONCLUSION-TEXT a good balance.',
		abstract: 'ABSTRACT-TEXT With the deep integration of facial recognition into online banking.',
		extra: [
			{ label: 'Keywords', value: 'EXTRA-ONE privacy, diffusion', range: { start: 20, end: 20 } },
			{ label: 'Comment', value: 'EXTRA-TWO 12 pages', range: { start: 21, end: 21 } },
		],
		range: { start: 10, end: 30 },
		headingLine: 10,
		fieldRanges: {},
		...overrides,
	};
}
