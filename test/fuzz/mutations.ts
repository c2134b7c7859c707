/** Line-level mutations of digest text: the unit properties and `npm run fuzz` share them. */
import fc from 'fast-check';

export const SNIPPETS = [
	'',
	'<details>',
	'</details>',
	'  <summary>Details</summary>',
	'### [7] [Inserted Paper](https://arxiv.org/abs/2601.00001)',
	'### [8] Inserted paper without a link',
	'### ',
	'# cs.XX [[Back]](#toc)',
	'## Heading 2025-01-01',
	"<div id='cs.XX'></div>",
	'- [cs.CV](#cs.CV) [Total: 3]',
	'**TL;DR:**',
	'> **Motivation:** quoted',
	'Abstract: N/A',
	'*Author One, Author Two*',
	'*unterminated authors',
	'---',
	'[[Back]](#toc)',
	'Keywords: a, b',
	'  - an indented item',
	'\u0000\u0000',
	'\uFFFD',
	'\uFEFF### [9] [BOM](https://arxiv.org/abs/2601.00009)',
	'### [10] [Title with ] bracket](https://arxiv.org/abs/2601.00010)',
	'### [11] [Unclosed](https://arxiv.org/abs/2601.00011',
];

export type Op =
	| { kind: 'delete'; at: number }
	| { kind: 'duplicate'; at: number }
	| { kind: 'swap'; at: number; other: number }
	| { kind: 'insert'; at: number; text: string };

export const op: fc.Arbitrary<Op> = fc.oneof(
	fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
	fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...SNIPPETS) }),
	fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 40 }) }),
);

export function mutate(text: string, ops: Op[]): string {
	const lines = text.split('\n');
	for (const o of ops) {
		const at = lines.length === 0 ? 0 : o.at % lines.length;
		switch (o.kind) {
			case 'delete':
				lines.splice(at, 1);
				break;
			case 'duplicate':
				if (lines.length > 0) lines.splice(at, 0, lines[at]);
				break;
			case 'swap': {
				const other = lines.length === 0 ? 0 : o.other % lines.length;
				[lines[at], lines[other]] = [lines[other], lines[at]];
				break;
			}
			case 'insert':
				lines.splice(at, 0, o.text);
				break;
		}
	}
	return lines.join('\n');
}

