import * as assert from 'node:assert';
import { mayBeDigestPath } from '../../src/core/candidates';
import { baseName, dayFromPath, dayFromText, fileStem, isRealDate, isValidDay } from '../../src/core/day';

describe('day detection', () => {
	it('reads the day from file names', () => {
		assert.strictEqual(dayFromPath('data/2026-02-06.md'), '2026-02-06');
		assert.strictEqual(dayFromPath('/repo/data/2025-06-19_topic.md'), '2025-06-19');
		assert.strictEqual(dayFromPath('C:\\feeds\\data\\2025-01-31.md'), '2025-01-31');
		assert.strictEqual(dayFromPath('test/fixtures/seeds/000_e68cbdc0f6d19b20.txt'), undefined);
		// the folder name does not count, only the file's own name
		assert.strictEqual(dayFromPath('2025-01-01/notes.md'), undefined);
	});

	it('reads a day written without dashes as the workspace scan takes it for a date (mayBeDigestPath)', () => {
		assert.strictEqual(dayFromPath('data/20260310.md'), '2026-03-10');
		assert.strictEqual(dayFromPath('data/2026_03_10.md'), '2026-03-10');
		assert.strictEqual(dayFromPath('out/arxiv-2026.03.10-cs.md'), '2026-03-10');
		for (const name of ['20260230.md', '2026_0310.md', '120260310.md', '202603101.md', 'id-26031001.md', '2026.3.10.md']) assert.strictEqual(dayFromPath(`data/${name}`), undefined, name);
		for (const name of ['20260310.md', '2026_03_10.md', '2026.03.10.md']) assert.ok(mayBeDigestPath(`notes/${name}`), name);
	});

	it('rejects dates that do not exist and digits glued to the date', () => {
		assert.strictEqual(dayFromPath('2025-02-30.md'), undefined);
		assert.strictEqual(dayFromPath('2025-13-01.md'), undefined);
		assert.strictEqual(dayFromText('12025-01-01'), undefined);
		assert.strictEqual(dayFromText('2025-01-011'), undefined);
		assert.strictEqual(dayFromText('bad 2025-02-29, good 2024-02-29'), '2024-02-29');
	});

	it('finds a date inside heading or label text', () => {
		assert.strictEqual(dayFromText('2025-09-18'), '2025-09-18');
		assert.strictEqual(dayFromText('Daily report for 2025-09-18 (cs)'), '2025-09-18');
		assert.strictEqual(dayFromText('no date here - at all'), undefined);
		assert.strictEqual(dayFromText(''), undefined);
	});

	it('knows leap years', () => {
		assert.ok(isRealDate(2024, 2, 29));
		assert.ok(!isRealDate(2023, 2, 29));
		assert.ok(!isRealDate(1900, 2, 29));
		assert.ok(isRealDate(2000, 2, 29));
		assert.ok(!isRealDate(2025, 4, 31));
		assert.ok(isValidDay('2025-12-31'));
		assert.ok(!isValidDay('2025-12-31x'));
		assert.ok(!isValidDay('2025-00-10'));
	});

	it('file stems and base names', () => {
		assert.strictEqual(fileStem('test/fixtures/seeds/000_e68cbdc0f6d19b20.txt'), '000_e68cbdc0f6d19b20');
		assert.strictEqual(fileStem('a\\b\\2025-06-19_topic.md'), '2025-06-19_topic');
		assert.strictEqual(fileStem('README'), 'README');
		assert.strictEqual(fileStem('.hidden'), '.hidden');
		assert.strictEqual(baseName('x/y/z.md'), 'z.md');
	});
});
