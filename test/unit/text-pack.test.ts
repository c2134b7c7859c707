import * as assert from 'node:assert';
import { TextPacker } from '../../src/core/search/textPack';
import { seededRandom } from './seeded';

describe('TextPacker (the long-field texts a warm index keeps)', () => {
	const random = seededRandom(11);
	const pieces = ['We propose ', 'a novel method ', 'for diffusion models', '. ', '本文提出了一种新的方法', '，', '实验结果表明', ' 🚀 ', '\f', '\n', 'Motivation: ', 'état de l’art ', 'x'];
	const text = (parts: number) => Array.from({ length: parts }, () => pieces[Math.floor(random() * pieces.length)]).join('');

	it('gives back every text exactly, before and after its dictionary is complete', () => {
		const packer = new TextPacker();
		const texts: string[] = [];
		for (let i = 0; i < 400; i++) texts.push(text(1 + Math.floor(random() * 120)));
		// long runs: literals past 15 and 270 bytes, matches past 19 and 270, a text longer than the window
		texts.push('', 'a', 'abcd', 'q'.repeat(1000), 'xyz'.repeat(700), Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join(''));
		texts.push(text(8000), text(3));
		const packed = texts.map((t) => packer.pack(t));
		texts.forEach((t, i) => assert.strictEqual(packer.unpack(packed[i]), t, `text ${i}`));
		const raw = texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0);
		const size = packed.reduce((n, p) => n + p.length, 0);
		assert.ok(size < raw / 2, `${size} of ${raw} bytes: repeated phrases are packed`);
	});

	it('gives back every text exactly when the positions of its matches start again from 0', () => {
		// a text table whose positions wrap every ~5,000 bytes: no text may match another's bytes
		const packer = new TextPacker(5000);
		const texts = Array.from({ length: 300 }, () => text(1 + Math.floor(random() * 200)));
		const packed = texts.map((t) => packer.pack(t));
		texts.forEach((t, i) => assert.strictEqual(packer.unpack(packed[i]), t, `text ${i}`));
		// and packs as a packer that never starts again: no match taken from an earlier text's bytes
		const once = new TextPacker();
		texts.forEach((t, i) => assert.deepStrictEqual(packed[i], once.pack(t), `text ${i}`));
	});

	it('reads back texts kept as they are, alone or several in one buffer', () => {
		const packer = new TextPacker();
		for (const t of ['', 'plain', '中文 and English\fabstract']) assert.strictEqual(packer.unpack(packer.raw([t])[0]), t);
		assert.strictEqual(packer.unpack(new Uint8Array(0)), '');
		// a batch past the reused buffer's size (it grows), the texts' views of one buffer
		const texts = ['', 'plain', '中文 and English\fabstract', ...Array.from({ length: 300 }, () => text(60))];
		const raw = packer.raw(texts);
		texts.forEach((t, i) => assert.strictEqual(packer.unpack(raw[i]), t, `text ${i}`));
		assert.ok(raw.every((r) => r.buffer === raw[0].buffer));
	});
});
