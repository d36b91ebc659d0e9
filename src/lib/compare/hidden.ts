/**
 * The rest of the view as hidden form fields, so a GET form that changes one part (the filters,
 * the map's column, the scatter's axes) keeps the others. Browser-safe; unit-tested.
 */
import { compareParams } from './href';
import type { CompareState } from './state';

export function hiddenFields(
	state: CompareState,
	omit: readonly (keyof CompareState)[]
): [string, string][] {
	return [...compareParams(state)].filter(([k]) => !omit.includes(k as keyof CompareState));
}
