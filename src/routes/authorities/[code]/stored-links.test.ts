/**
 * A council page built from rows stored before imports checked links: a `javascript:` plan address
 * or motion link shows as text, never as a link, beside the real web links.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import PlansSection from './PlansSection.svelte';
import TargetsSection from './TargetsSection.svelte';

const plan = { type: 'action plan', lastUpdate: null, dateRetrieved: null, outOfDate: false };

describe('stored links on the council page', () => {
	it('links plans with web addresses and shows a javascript: one as text', () => {
		const { body } = render(PlansSection, {
			props: {
				plans: [
					{ ...plan, url: 'javascript:alert(document.cookie)', title: 'Climate Action Plan' },
					{ ...plan, url: 'https://www.leeds.gov.uk/plan.pdf', title: 'Net Zero Strategy' }
				]
			}
		});
		expect(body).not.toContain('javascript:');
		expect(body).toContain('Climate Action Plan');
		expect(body).toContain('<a href="https://www.leeds.gov.uk/plan.pdf" rel="external noopener">');
	});

	it('does not link a javascript: motion', () => {
		const declaration = {
			declared: true,
			madeText: 'Y',
			dateMade: '2019-03-27',
			datePrecision: 'day' as const,
			motionUrl: 'JavaScript:alert(1)'
		};
		const { body } = render(TargetsSection, { props: { targets: [], declaration, code: 'TRF' } });
		expect(body).toContain('Read the motion');
		expect(body).not.toMatch(/<a [^>]*href="javascript:/i);
	});
});
