/** The unit tests' one way to list files: fixtures, sources. */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Every file under `dir`, at any depth, whose name ends with one of `endings`, README.md aside; sorted. */
export function filesUnder(dir: string, endings: readonly string[] = ['.md']): string[] {
	return readdirSync(dir, { recursive: true })
		.map(String)
		.filter((name) => endings.some((ending) => name.endsWith(ending)) && basename(name) !== 'README.md')
		.map((name) => join(dir, name))
		.sort();
}
