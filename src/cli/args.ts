/**
 * Argument parsing for the CLI over node:util's parseArgs: positionals, boolean flags and
 * options taking one value (`--days 3` or `--days=3`). Anything not declared is a usage
 * error, so typos are reported instead of silently ignored.
 */
import { parseArgs as parseNodeArgs } from 'node:util';

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

type NodeOptions = Record<string, { type: 'boolean' | 'string'; short?: string }>;

/** node's message for a parse error, in the CLI's words (`unknown option '--x'`, …). */
function usageMessage(error: Error & { code?: string }): string {
	const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
	switch (error.code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
			return `unknown option '${option}'`;
		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
			return /does not take an argument/.test(error.message) ? `option '${option}' takes no value` : `option '${option}' needs a value`;
		default:
			return error.message;
	}
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
	const options: NodeOptions = {};
	for (const name of spec.flags ?? []) options[name] = { type: 'boolean' };
	for (const name of spec.options ?? []) options[name] = { type: 'string' };
	for (const [short, name] of Object.entries(spec.aliases ?? {})) if (options[name]) options[name].short = short;
	let parsed: ReturnType<typeof parseNodeArgs>;
	try {
		parsed = parseNodeArgs({ args: [...argv], options, strict: true, allowPositionals: true });
	} catch (error) {
		throw new UsageError(usageMessage(error as Error & { code?: string }));
	}
	const result: ParsedArgs = { positionals: parsed.positionals, flags: new Set(), options: new Map() };
	for (const [name, value] of Object.entries(parsed.values)) {
		if (value === true) result.flags.add(name);
		else if (typeof value === 'string') result.options.set(name, value);
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
