// The digest candidates of a folder for the memory benches: every .md file below it, as shard file specs.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function markdownFiles(dir) {
	return readdirSync(dir, { recursive: true })
		.filter((name) => String(name).endsWith('.md'))
		.sort()
		.map((name) => ({ path: join(dir, String(name)) }));
}
