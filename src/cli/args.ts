/**
 * Minimal argument parsing for the CLI: positionals, boolean flags and
 * options taking one value (`--days 3` or `--days=3`). Anything not declared
 * is a usage error, so typos are reported instead of silently ignored.
 */

export class UsageError extends Error {}

export interface ArgSpec {
	/** boolean flags, without the leading dashes */
	flags?: readonly string[];
	/** options that take a value, without the leading dashes */
	options?: readonly string[];
	/** one-letter aliases, e.g. `{ h: 'help' }` */
	aliases?: Readonly<Record<string, string>>;
}

export interface ParsedArgs {
	positionals: string[];
	flags: Set<string>;
	options: Map<string, string>;
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
	const flags = new Set(spec.flags ?? []);
	const options = new Set(spec.options ?? []);
	const result: ParsedArgs = { positionals: [], flags: new Set(), options: new Map() };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--') {
			result.positionals.push(...argv.slice(i + 1));
			break;
		}
		if (!arg.startsWith('-') || arg === '-') {
			result.positionals.push(arg);
			continue;
		}
		let name: string;
		let inlineValue: string | undefined;
		if (arg.startsWith('--')) {
			const eq = arg.indexOf('=');
			name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
			inlineValue = eq < 0 ? undefined : arg.slice(eq + 1);
		} else {
			const alias = spec.aliases?.[arg.slice(1)];
			if (!alias) throw new UsageError(`unknown option '${arg}'`);
			name = alias;
		}
		if (flags.has(name)) {
			if (inlineValue !== undefined) throw new UsageError(`option '--${name}' takes no value`);
			result.flags.add(name);
		} else if (options.has(name)) {
			const value = inlineValue ?? argv[++i];
			if (value === undefined) throw new UsageError(`option '--${name}' needs a value`);
			result.options.set(name, value);
		} else {
			throw new UsageError(`unknown option '${arg}'`);
		}
	}
	return result;
}

/** An integer option within [min, max], or `fallback` when absent. */
export function intOption(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
	const raw = args.options.get(name);
	if (raw === undefined) return fallback;
	if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`option '--${name}' expects an integer, got '${raw}'`);
	const value = Number(raw);
	if (value < min || value > max) throw new UsageError(`option '--${name}' must be between ${min} and ${max}, got ${value}`);
	return value;
}

/** A decimal option within [min, max], or `fallback` when absent. */
export function numberOption(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
	const raw = args.options.get(name);
	if (raw === undefined) return fallback;
	const value = Number(raw);
	if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`option '--${name}' expects a number, got '${raw}'`);
	if (value < min || value > max) throw new UsageError(`option '--${name}' must be between ${min} and ${max}, got ${value}`);
	return value;
}
