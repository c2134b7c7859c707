// Lists the entries of a zip file (a VSIX) from its central directory; no extraction, no deps.
import { readFileSync } from 'node:fs';

export function zipEntries(file) {
	const buf = readFileSync(file);
	const eocdSig = 0x06054b50;
	let eocd = -1;
	for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
		if (buf.readUInt32LE(i) === eocdSig) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw new Error(`${file} is not a zip file (no end of central directory)`);
	const count = buf.readUInt16LE(eocd + 10);
	let offset = buf.readUInt32LE(eocd + 16);
	const entries = [];
	for (let n = 0; n < count; n++) {
		if (buf.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${file}: corrupt central directory entry ${n}`);
		const size = buf.readUInt32LE(offset + 24);
		const nameLength = buf.readUInt16LE(offset + 28);
		const extraLength = buf.readUInt16LE(offset + 30);
		const commentLength = buf.readUInt16LE(offset + 32);
		entries.push({ name: buf.toString('utf8', offset + 46, offset + 46 + nameLength), size });
		offset += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}
