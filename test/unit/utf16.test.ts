import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { decodeUtf16 } from '../../src/core/search/utf16';
import { decodeUtf16 as decodeUtf16Web } from '../../src/core/search/utf16.web';

function utf16le(text: string): Uint8Array {
	const bytes = new Uint8Array(text.length * 2);
	for (let i = 0; i < text.length; i++) {
		bytes[2 * i] = text.charCodeAt(i) & 0xff;
		bytes[2 * i + 1] = text.charCodeAt(i) >>> 8;
	}
	return bytes;
}

describe('UTF-16 text of the index cache', () => {
	it('decodes well-formed text the same in Node and in the web build, a leading U+FEFF kept', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), (text) => {
				const withMark = '\ufeff' + text;
				assert.equal(decodeUtf16(utf16le(withMark)), withMark);
				assert.equal(decodeUtf16Web(utf16le(withMark)), withMark);
			}),
		);
	});

	it('keeps a lone surrogate in Node; the web build gives U+FFFD, one code unit as well', () => {
		const text = 'a \ud800 b \udc00';
		assert.equal(decodeUtf16(utf16le(text)), text);
		assert.equal(decodeUtf16Web(utf16le(text)), 'a \ufffd b \ufffd');
	});

	it('reads bytes that are a view into a larger buffer', () => {
		const bytes = utf16le('xx扩散模型');
		assert.equal(decodeUtf16(bytes.subarray(4)), '扩散模型');
	});
});
