// Answers users flagged; resolving one records who did it and when.
import {api, query} from '../api.js';
import {busy, clear, h, toast, when} from '../dom.js';
import {pager} from '../pages/usage.js';

export async function renderFlags(body, resolved = false, page = 0) {
    const result = await api(`/api/admin/flags${query({resolved, page, size: 20})}`);
    const show = h('select', {'aria-label': 'Show', onchange: () => renderFlags(body, show.value === 'resolved')},
        h('option', {value: 'open', selected: !resolved}, 'Open flags'),
        h('option', {value: 'resolved', selected: resolved}, 'Resolved flags'));
    clear(body, h('div.toolbar', {}, show),
        result.items.length ? h('ul.flags', {}, result.items.map(flag => h('li.flag', {dataset: {flagId: flag.id}},
            h('div', {}, h('span.badge', {}, flag.category || 'other'), ' ', h('strong', {}, flag.reason)),
            h('div.muted', {}, `by ${flag.userId} · ${when(flag.createdAt)} · message ${flag.messageId}`),
            flag.resolved ? h('div.muted', {}, `resolved by ${flag.resolvedBy} · ${when(flag.resolvedAt)}`)
                : h('button.primary', {type: 'button', onclick: event => busy(event.currentTarget, async () => {
                    await api(`/api/admin/flags/${encodeURIComponent(flag.id)}/resolve`, {method: 'POST'});
                    toast('Flag resolved');
                    await renderFlags(body, resolved, page);
                })}, 'Resolve')))) : h('p.muted', {}, resolved ? 'No resolved flags.' : 'No open flags.'),
        pager(result, next => renderFlags(body, resolved, next)));
}
