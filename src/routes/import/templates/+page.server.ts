import { listFeedSummaries } from '$lib/server/feeds/catalogue';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ feeds: listFeedSummaries() });
