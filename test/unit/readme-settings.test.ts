import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');

interface Setting {
	readonly default?: unknown;
	readonly enum?: readonly string[];
}

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, Setting> } | { properties: Record<string, Setting> }[] } };
const settings = ([] as { properties: Record<string, Setting> }[]).concat(manifest.contributes.configuration).flatMap((c) => Object.entries(c.properties));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

describe("README's settings table", () => {
	/** the table's row of a setting: `| \`key\` | \`default\` | what it does |` */
	const row = (key: string) => readme.split('\n').find((line) => line.startsWith(`| \`${key}\` |`));

	it('has a row for every setting of package.json', () => {
		assert.deepStrictEqual(
			settings.map(([key]) => key).filter((key) => !row(key)),
			[],
		);
	});

	it("names every value of a setting's enum in its row (a value added to package.json is documented)", () => {
		const missing = settings.flatMap(([key, s]) => (s.enum ?? []).filter((value) => !row(key)?.includes(`\`${value}\``)).map((value) => `${key}: ${value}`));
		assert.deepStrictEqual(missing, []);
	});
});
