// My credits: balance, reserved, refill; usage by day and by model; the ledger, page by page.
import {api, query} from '../api.js';
import {clear, daysAgo, h, isoDate, num, when} from '../dom.js';
import {barChart, shareChart} from '../charts.js';

const PAGE_SIZE = 20;

export async function renderUsage(view) {
    const cards = h('div.cards', {'aria-live': 'polite'});
    const byDay = h('canvas', {role: 'img', 'aria-label': 'Credits spent per day, last 30 days'});
    const byModel = h('canvas', {role: 'img', 'aria-label': 'Credits spent per model, last 30 days'});
    const modelTable = h('div.table-wrap');
    const ledger = h('div.table-wrap');
    clear(view, h('section.page', {'aria-labelledby': 'usage-title'},
        h('h1#usage-title', {}, 'Usage'),
        cards,
        h('div.chart-row', {},
            h('figure.chart', {}, h('figcaption', {}, 'Credits per day (30 days)'), h('div.chart-box', {}, byDay)),
            h('figure.chart', {}, h('figcaption', {}, 'Credits by model (30 days)'), h('div.chart-box', {}, byModel),
                modelTable)),
        h('h2', {}, 'Transactions'),
        ledger));
    const range = {from: isoDate(daysAgo(29)), to: isoDate(new Date())};
    const [usage, days, models] = await Promise.all([api('/api/me/usage'),
        api(`/api/me/usage/report${query({...range, groupBy: 'day'})}`),
        api(`/api/me/usage/report${query({...range, groupBy: 'model'})}`)]);
    drawCards(cards, usage);
    const dayRows = fillDays(days.rows, 30);
    barChart(byDay, dayRows.map(r => r.key.slice(5)), dayRows.map(r => r.cost), 'Credits');
    shareChart(byModel, models.rows.map(r => r.key), models.rows.map(r => r.cost));
    clear(modelTable, reportTable(models.rows, 'Model'));
    await drawLedger(ledger, 0);
}

function drawCards(cards, usage) {
    const refill = usage.refill && usage.refill.amount > 0
        ? `${num(usage.refill.amount)} every ${humanInterval(usage.refill.interval)}` : 'none';
    clear(cards,
        card('Balance', num(usage.balance), 'credits', 'balance'),
        card('Reserved', num(usage.reserved), 'held by answers in progress', 'reserved'),
        card('Available', num(usage.available), 'for new requests', 'available'),
        card('Spent', num(usage.debitedCredits), `${num(usage.debitedTokens)} tokens`, 'spent'),
        card('Refill', refill, usage.organisationId ? `paid by ${usage.organisationId}` : '', 'refill'));
}

function card(label, value, note, key) {
    return h('div.card', {dataset: {card: key}}, h('div.card-label', {}, label), h('div.card-value', {}, value),
        note ? h('div.card-note', {}, note) : null);
}

export function humanInterval(iso) {
    const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso || '');
    if (!match) {
        return iso;
    }
    const [, d, hours, m] = match;
    return [d && `${d} day${d === '1' ? '' : 's'}`, hours && `${hours} h`, m && `${m} min`].filter(Boolean).join(' ');
}

/** One row per day of the last {@code days} days, zero where nothing was used. */
function fillDays(rows, days) {
    const byKey = new Map(rows.map(r => [r.key, r]));
    return Array.from({length: days}, (_, i) => {
        const key = isoDate(daysAgo(days - 1 - i));
        return byKey.get(key) || {key, cost: 0, requests: 0};
    });
}

/** @param perUser adds the distinct users and the credits and requests per user (admin reports) */
export function reportTable(rows, keyLabel, perUser = false) {
    if (!rows.length) {
        return h('p.muted', {}, 'No usage in this period.');
    }
    const extra = perUser ? ['Users', 'Requests per user', 'Credits per user'] : [];
    return h('table', {},
        h('thead', {}, h('tr', {}, [keyLabel.replaceAll(',', ' · '), 'Requests', 'Input tokens', 'Output tokens',
            'Credits', ...extra].map(c => h('th', {scope: 'col'}, c)))),
        h('tbody', {}, rows.map(r => h('tr', {},
            h('th', {scope: 'row'}, r.keys ? Object.values(r.keys).map(v => v ?? '—').join(' · ') : r.key),
            h('td', {}, num(r.requests)), h('td', {}, num(r.inputTokens)), h('td', {}, num(r.outputTokens)),
            h('td', {}, num(r.cost)),
            ...(perUser ? [h('td', {}, num(r.users)), h('td', {}, num(r.perUser?.requests)),
                h('td', {}, num(r.perUser?.cost))] : [])))));
}

async function drawLedger(container, page) {
    const result = await api(`/api/me/transactions${query({page, size: PAGE_SIZE})}`);
    clear(container, ledgerTable(result.items), pager(result, next => drawLedger(container, next)));
}

export function ledgerTable(items) {
    if (!items.length) {
        return h('p.muted', {}, 'No transactions yet.');
    }
    return h('table.ledger', {},
        h('thead', {}, h('tr', {}, ['When', 'Type', 'Model', 'Tokens', 'Change', 'Balance after']
            .map(c => h('th', {scope: 'col'}, c)))),
        h('tbody', {}, items.map(t => h('tr', {dataset: {type: t.type}},
            h('td', {}, when(t.recordedAt)), h('td', {}, t.type.toLowerCase().replaceAll('_', ' ')),
            h('td', {}, t.model || ''), h('td', {}, t.tokens ? num(t.tokens.input + t.tokens.output) : ''),
            h('td', {className: t.delta < 0 ? 'negative' : 'positive'}, num(t.delta)),
            h('td', {}, num(t.balanceAfter))))));
}

export function pager(result, go) {
    const pages = result.totalPages ?? Math.ceil((result.total ?? 0) / (result.size || PAGE_SIZE));
    if (pages <= 1) {
        return null;
    }
    return h('nav.pager', {'aria-label': 'Pages'},
        h('button', {type: 'button', disabled: result.page === 0, onclick: () => go(result.page - 1)}, 'Previous'),
        h('span', {}, `Page ${result.page + 1} of ${pages}`),
        h('button', {type: 'button', disabled: result.page >= pages - 1, onclick: () => go(result.page + 1)}, 'Next'));
}
