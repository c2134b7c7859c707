/** The text a paper's vector is made of, which its reasons are read against (core/recs/explain reasonText). */
import { reasonText } from '../../core/recs/explain';
import type { IDigestWorkspace } from '../workspace/types';

/** paper `id`'s title and abstract (see reasonText), read back by the index; '' when it is not found */
export async function paperText(workspace: IDigestWorkspace, id: string): Promise<string> {
	const location = workspace.findPaper(id)[0];
	const p = location && (await workspace.loadPaper(location))?.paper;
	return p ? reasonText(p) : '';
}
