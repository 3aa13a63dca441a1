// Usage of everyone by day, month, user, organisation or model (or two at once), with averages per user, with a chart and a model's written summary.
import {api, query} from '../api.js';
import {busy, clear, daysAgo, field, h, isoDate} from '../dom.js';
import {barChart} from '../charts.js';
import {renderMarkdown} from '../markdown.js';
import {reportTable} from '../pages/usage.js';
import {LiveAnswer} from '../chat/live-answer.js';

export async function renderReports(body) {
    const from = h('input', {type: 'date', required: true, value: isoDate(daysAgo(29))});
    const to = h('input', {type: 'date', required: true, value: isoDate(new Date())});
    const groupBy = h('select', {}, ['day', 'month', 'user', 'organisation', 'model', 'model,user', 'day,model',
        'organisation,model'].map(g => h('option', {value: g}, g.replaceAll(',', ' and '))));
    const canvas = h('canvas', {role: 'img', 'aria-label': 'Credits per group'});
    const table = h('div.table-wrap');
    const summary = h('div.summary.markdown', {'aria-live': 'polite'});
    const show = h('button.primary', {type: 'submit'}, 'Show');
    const summarize = h('button', {type: 'button'}, 'Write a summary');
    const load = async () => {
        const report = await api(`/api/admin/usage${query({from: from.value, to: to.value, groupBy: groupBy.value})}`);
        barChart(canvas, report.rows.map(r => r.key), report.rows.map(r => r.cost), 'Credits');
        clear(table, reportTable(report.rows, groupBy.value, true), report.totals ? h('p.muted', {},
            `Total: ${report.totals.requests} requests, ${report.totals.cost} credits, ${report.totals.users} users `
            + `(${report.totals.perUser?.cost ?? 0} credits per user)`) : null);
    };
    summarize.addEventListener('click', () => busy(summarize, async () => {
        const accepted = await api('/api/admin/usage/summary', {method: 'POST', body: {from: from.value, to: to.value,
            groupBy: groupBy.value}});
        renderMarkdown(summary, '_Writing…_');
        await new Promise(resolve => new LiveAnswer({conversationId: accepted.conversationId,
            messageId: accepted.messageId, streamUrl: accepted.streamUrl}, {
            onText: text => renderMarkdown(summary, text),
            onEnd: ({event, data}) => {
                if (event === 'error') {
                    renderMarkdown(summary, `**The summary failed:** ${data.message || data.code}`);
                }
                resolve();
            },
        }).start());
    }));
    clear(body, h('form.inline-form', {onsubmit: event => {
        event.preventDefault();
        busy(show, load);
    }}, field('From', from), field('To', to), field('Group by', groupBy), show, summarize),
    h('figure.chart.wide', {}, h('figcaption', {}, 'Credits'), h('div.chart-box', {}, canvas)),
    table,
    h('section.panel', {'aria-label': 'Summary'}, h('h2', {}, 'Summary'), summary));
    await load();
}
