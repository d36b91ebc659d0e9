import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ExternalLink from './ExternalLink.svelte';

const text = createRawSnippet(() => ({ render: () => '<span>Read the motion</span>' }));
const html = (href: string | null) =>
	render(ExternalLink, { props: { href, children: text } }).body.replace(/<!--.*?-->/g, '');

describe('ExternalLink', () => {
	it('links to a web address', () => {
		expect(html('https://www.leeds.gov.uk/motion')).toBe(
			'<a href="https://www.leeds.gov.uk/motion" rel="external noopener"><span>Read the motion</span></a>'
		);
	});

	it('renders a javascript: address stored in an old row as text, not a link', () => {
		expect(html('javascript:alert(document.cookie)')).toBe('<span>Read the motion</span>');
		expect(html(null)).toBe('<span>Read the motion</span>');
	});
});
