/**
 * The committee report's plain-English summary: one sentence per target, then emissions, the
 * action plan and funding, each saying plainly when the data is not there. Browser-safe; tested.
 */
import { financialYearLabel } from './domain/financial-year';
import { formatDate, formatGbp, formatInteger, formatNumber } from './format';
import {
	SCOPE_WORDS,
	STATUS_WORDS,
	statusInForce,
	statusSentence,
	type AvailableProgress
} from './progress-text';
import { besideWords, countOf, moneyAdjective, moneyWonParts } from './report-money-words';
import type { CommitteeReport } from './server/queries/committee-report';

export function reportSummary(report: CommitteeReport): string[] {
	const { progress: p, funding: f } = report;
	const fy = financialYearLabel(report.financialYear);
	const sentences: string[] = [];
	if (p.targets.length === 0) {
		sentences.push('No council-operations or whole-area net-zero target is recorded.');
	}
	for (const t of p.targets) {
		const name = `${SCOPE_WORDS[t.row.scope]} target (net zero by ${t.row.targetYear ?? 'no year named'})`;
		const status = statusInForce(t);
		if (status.overridden) {
			// The officers' status leads; the rule's stays beside it, so neither hides the other.
			const rule = t.progress?.available
				? statusSentence(t.progress as AvailableProgress)
				: 'no status.';
			sentences.push(
				`${name}: ${STATUS_WORDS[status.colour!]}, as set by the council's officers (“${status.reason}”). The calculated status: ${rule}`
			);
		} else if (t.progress?.available) {
			sentences.push(`${name}: ${statusSentence(t.progress as AvailableProgress)}`);
		} else if (!t.series) {
			sentences.push(
				t.row.scope === 'council_operations'
					? `${name}: no status, because the council's own greenhouse gas report has not been imported.`
					: `${name}: no status, because no emissions figures are held in this measure.`
			);
		} else {
			sentences.push(
				`${name}: no status, because ${t.progress?.reason ?? 'there are no figures'}.`
			);
		}
	}
	const area = p.targets.find((t) => t.row.scope === 'whole_area' && t.progress?.available);
	if (area?.progress?.available && area.series) {
		const q = area.progress as AvailableProgress;
		const change = q.change.available
			? `, ${formatNumber(Math.abs(q.change.pct), 0)}% ${q.change.pct <= 0 ? 'below' : 'above'} ${q.change.fromYear}`
			: '';
		sentences.push(
			`The area's emissions were ${formatNumber(q.latest.valueKt, 0)} ${area.series.unit} in ${q.latest.year}${change} (${area.series.releaseLabel}).`
		);
	}
	const c = p.actions.counts;
	sentences.push(
		c.total === 0
			? 'No action plan has been imported.'
			: `Of ${formatInteger(c.total)} actions, ${formatInteger(c.complete)} ${c.complete === 1 ? 'is' : 'are'} complete, ${formatInteger(c.onTrack)} on track and ${formatInteger(c.late)} late.`
	);
	// Which money is counted is said once, in the words; each sum is counted once.
	const t = f.totals;
	const nz = moneyAdjective(f.money);
	const decided = t.bids.won + t.bids.lost;
	sentences.push(
		decided === 0
			? `No ${nz}bid decided in ${fy} is recorded.`
			: `In ${fy} the council won ${formatInteger(t.bids.won)} of ${formatInteger(decided)} ${nz}bids decided.`
	);
	const won = {
		awardsCount: t.published.count,
		awardsGbp: t.published.gbp,
		councilOnlyGbp: t.council.gbp
	};
	// Won bids whose sum is not in the year's total say why, so no money goes missing unsaid.
	const asides = [
		t.council.withoutAmount
			? `${countOf(t.council.withoutAmount, 'bid')} won without the amount recorded`
			: null,
		t.otherYear.count
			? `${formatGbp(t.otherYear.gbp)} won in ${countOf(t.otherYear.count, 'bid')} counted in the year its published award is dated`
			: null
	].filter((x) => x !== null);
	const aside = asides.length ? ` Not in it: ${asides.join('; ')}.` : '';
	sentences.push(
		t.wonGbp === null
			? `No published ${nz}award to the council is dated in ${fy}, and no other ${nz}money won in the year is recorded by the council.${aside}`
			: `${f.money === 'net-zero' ? 'Net-zero money' : 'Money (all of it, net-zero and general)'} won in ${fy}, each sum counted once: ${formatGbp(t.wonGbp)} (${moneyWonParts(won, f.money)}).${aside}`
	);
	const beside = besideWords(f.beside);
	if (beside.length)
		sentences.push(`Not counted in these figures: ${beside.join(' and ')}, won in ${fy}.`);
	if (report.deadlines.length) {
		const next = report.deadlines[0]!;
		sentences.push(
			`${formatInteger(report.deadlines.length)} funding deadline${report.deadlines.length === 1 ? '' : 's'} in the next ${report.deadlinesAheadDays} days, the first ${next.scheme} on ${formatDate(next.closes)}.`
		);
	}
	return sentences;
}
