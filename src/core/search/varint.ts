/** Unsigned LEB128 varints for the cache's small-number sections (postings.ts inlines its own in hot loops). */

export class VarintWriter {
	private bytes = new Uint8Array(1024);
	private at = 0;

	/** `value`: a non-negative integer below 2^53 */
	write(value: number): void {
		if (this.at + 8 > this.bytes.length) {
			const grown = new Uint8Array(this.bytes.length * 2);
			grown.set(this.bytes);
			this.bytes = grown;
		}
		while (value >= 0x80) {
			this.bytes[this.at++] = (value % 0x80) | 0x80;
			value = Math.floor(value / 0x80);
		}
		this.bytes[this.at++] = value;
	}

	result(): Uint8Array {
		return this.bytes.slice(0, this.at);
	}
}

/** Reads `out.length` varints from `bytes` into `out`; false when `bytes` does not hold exactly that many. */
export function readVarints(bytes: Uint8Array, out: Int32Array | Float64Array): boolean {
	const end = bytes.length;
	let at = 0;
	for (let i = 0; i < out.length; i++) {
		let b = bytes[at++];
		// most values take one byte
		if (b < 0x80) {
			out[i] = b;
			continue;
		}
		let value = b & 0x7f;
		let scale = 0x80;
		do {
			if (at >= end || scale > 2 ** 49) return false;
			b = bytes[at++];
			value += (b & 0x7f) * scale;
			scale *= 0x80;
		} while (b >= 0x80);
		out[i] = value;
	}
	return at === end;
}

/** Reads varints one at a time from `bytes` (a stream of mixed values); throws RangeError past the end or on a value above 2^49. */
export class VarintReader {
	at = 0;
	constructor(private readonly bytes: Uint8Array) {}

	get done(): boolean {
		return this.at === this.bytes.length;
	}

	/** the bytes not read yet (read by someone else: this reader is done) */
	rest(): Uint8Array {
		const rest = this.bytes.subarray(this.at);
		this.at = this.bytes.length;
		return rest;
	}

	/** bytes not read yet */
	get left(): number {
		return this.bytes.length - this.at;
	}

	next(): number {
		const bytes = this.bytes;
		if (this.at >= bytes.length) throw new RangeError('varint past the end');
		let b = bytes[this.at++];
		if (b < 0x80) return b;
		let value = b & 0x7f;
		let scale = 0x80;
		do {
			if (this.at >= bytes.length || scale > 2 ** 49) throw new RangeError('varint cut short');
			b = bytes[this.at++];
			value += (b & 0x7f) * scale;
			scale *= 0x80;
		} while (b >= 0x80);
		return value;
	}
}
