import * as assert from 'node:assert';
import { isCommonExtraLabel, isEmptyValue, labelKey, normaliseLabel, parseLabelLine } from '../../src/core/labels';
import { arxivIdFromText, extractUrl, identityFromLink, normaliseTitle } from '../../src/core/parse/links';

describe('labels', () => {
	it('reads every markup shape of a label to the same key and value', () => {
		const shapes = [
			'TL;DR: a value',
			'**TL;DR:** a value',
			'**TL;DR**: a value',
			'> **TL;DR:** a value',
			'>**TL;DR**：a value',
			'TL;DR：a value',
			'- **TL;DR:** a value',
			'__TL;DR__: a value',
			'*TL;DR:* a value',
			'**TL;DR: a value**',
		];
		for (const line of shapes) {
			const lab = parseLabelLine(line);
			assert.ok(lab, line);
			assert.strictEqual(lab.key, 'tldr', line);
			assert.strictEqual(lab.label, 'TL;DR', line);
			assert.strictEqual(lab.value, 'a value', line);
		}
		assert.strictEqual(parseLabelLine('> **TL;DR:** x')!.quoted, true);
		assert.strictEqual(parseLabelLine('**TL;DR:** x')!.emphasized, true);
		assert.strictEqual(parseLabelLine('- TL;DR: x')!.bullet, true);
	});

	it('maps translated labels to canonical keys', () => {
		const cases: [string, string][] = [
			['摘要', 'abstract'], ['动机', 'motivation'], ['方法', 'method'], ['结果', 'result'], ['结论', 'conclusion'],
			['一句话总结', 'tldr'], ['요약', 'tldr'], ['초록', 'abstract'], ['동기', 'motivation'], ['결론', 'conclusion'],
			['要約', 'tldr'], ['結論', 'conclusion'], ['Main category', 'category'], ['Main_Category', 'category'],
			['主要类别', 'category'], ['Authors', 'authors'], ['作者', 'authors'], ['Report Date', 'date'], ['Results', 'result'],
		];
		for (const [label, key] of cases) assert.strictEqual(labelKey(label), key, label);
		assert.strictEqual(labelKey('Keywords'), undefined);
		assert.ok(isCommonExtraLabel('Relevance Score'));
		assert.ok(isCommonExtraLabel('AI_Comments'));
		assert.ok(!isCommonExtraLabel('Mood'));
		assert.strictEqual(normaliseLabel('TL; DR'), 'tldr');
	});

	it('keeps unknown labels as written', () => {
		const lab = parseLabelLine('**Relevance Score:** 8/10');
		assert.deepStrictEqual(lab, { label: 'Relevance Score', key: undefined, value: '8/10', emphasized: true, quoted: false, bullet: false });
	});

	it('does not take URLs, authors, indented text or sentences for labels', () => {
		for (const line of [
			'https://arxiv.org/abs/2602.04994',
			'*Zhuosen Bao,Xia Du: A,Zheng Lin*',
			'  Method: indented continuation',
			'This is a long sentence that happens to contain a colon much later than any label would: really',
			'12:30 is a time',
			'[link](http://x): y',
			'',
		]) {
			assert.strictEqual(parseLabelLine(line), undefined, line);
		}
	});

	it('treats N/A and friends as empty', () => {
		for (const v of ['', 'N/A', 'n/a', '*N/A*', 'None', '无', '없음', '-']) assert.ok(isEmptyValue(v), v);
		for (const v of ['Nothing new', 'NAS search', '0']) assert.ok(!isEmptyValue(v), v);
	});
});

describe('paper ids from links', () => {
	it('arXiv links in all their shapes', () => {
		const cases: [string, string, string | undefined][] = [
			['https://arxiv.org/abs/2602.04994', '2602.04994', undefined],
			['https://arxiv.org/abs/2606.30487v1', '2606.30487', 'v1'],
			['http://arxiv.org/abs/2606.30487', '2606.30487', undefined],
			['https://www.arxiv.org/pdf/2606.30487v3.pdf', '2606.30487', 'v3'],
			['https://arxiv.org/pdf/2606.30487', '2606.30487', undefined],
			['https://export.arxiv.org/abs/0704.0001', '0704.0001', undefined],
			['https://arxiv.org/html/2606.30487v2', '2606.30487', 'v2'],
			['https://arxiv.org/abs/hep-th/9901001', 'hep-th/9901001', undefined],
			['https://arxiv.org/abs/math.AG/0309136v2', 'math.AG/0309136', 'v2'],
		];
		for (const [url, id, version] of cases) {
			assert.deepStrictEqual(identityFromLink(url), { id, version, isArxiv: true }, url);
		}
	});

	it('other links fall back to DOIs or host and path', () => {
		assert.deepStrictEqual(identityFromLink('https://doi.org/10.1101/2024.01.01.123'), { id: 'doi:10.1101/2024.01.01.123', isArxiv: false });
		assert.deepStrictEqual(identityFromLink('https://www.biorxiv.org/content/10.1101/2024.01.01.123v2.full.pdf'), { id: 'doi:10.1101/2024.01.01.123', isArxiv: false });
		assert.deepStrictEqual(identityFromLink('https://openreview.net/forum?id=abc#top'), { id: 'url:openreview.net/forum?id=abc', isArxiv: false });
		assert.deepStrictEqual(identityFromLink('HTTPS://Example.ORG/a/b/'), { id: 'url:example.org/a/b', isArxiv: false });
		assert.deepStrictEqual(identityFromLink('not a url'), { id: 'url:not a url', isArxiv: false });
		assert.deepStrictEqual(identityFromLink('arXiv:2602.04994v2'), { id: '2602.04994', version: 'v2', isArxiv: true });
	});

	it('helpers', () => {
		assert.deepStrictEqual(arxivIdFromText('2602.049945'), undefined);
		assert.deepStrictEqual(arxivIdFromText('2602.04994'), { id: '2602.04994', version: undefined, isArxiv: true });
		assert.strictEqual(extractUrl('[arXiv](https://arxiv.org/abs/1)'), 'https://arxiv.org/abs/1');
		assert.strictEqual(extractUrl('<https://x.org>'), 'https://x.org');
		assert.strictEqual(normaliseTitle('  No Link: At ALL — a Study! '), 'no link at all a study');
		assert.strictEqual(normaliseTitle('ＦＵＬＬ　ｗｉｄｔｈ'), 'full width');
	});
});
