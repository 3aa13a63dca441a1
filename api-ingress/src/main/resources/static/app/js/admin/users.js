// Users with their credits: balance, refill, grants, disable / enable.
import {api, query} from '../api.js';
import {busy, clear, field, h, num, toast, when} from '../dom.js';
import {humanInterval, pager} from '../pages/usage.js';

export async function renderUsers(body) {
    const search = h('input', {type: 'search', placeholder: 'Email starts with…', 'aria-label': 'Search users'});
    const table = h('div.table-wrap');
    const detail = h('div.user-detail', {'aria-live': 'polite'});
    const load = page => drawUsers(table, detail, search.value.trim(), page);
    clear(body, h('form.inline-form', {role: 'search', onsubmit: event => {
        event.preventDefault();
        load(0);
    }}, search, h('button', {type: 'submit'}, 'Search')), h('div.stack', {}, table, detail), invitationPanel());
    await load(0);
}

async function drawUsers(table, detail, q, page) {
    const result = await api(`/api/admin/users${query({q, page, size: 20})}`);
    clear(table, h('table', {},
        h('thead', {}, h('tr', {}, ['Email', 'Name', 'Roles', 'State', 'Balance', 'Reserved', 'Grants', 'Refill',
            'Created'].map(c => h('th', {scope: 'col'}, c)))),
        h('tbody', {}, result.items.map(user => h('tr', {},
            h('th', {scope: 'row'}, h('button.link-button', {type: 'button',
                onclick: () => drawUser(detail, user, () => drawUsers(table, detail, q, page))},
            user.email || user.externalId || user.id)),
            h('td', {}, user.displayName || ''), h('td', {}, (user.roles || []).join(', ')),
            h('td', {}, user.deleted ? 'deleted' : user.disabled ? 'disabled' : 'active'),
            h('td', {}, user.credits ? num(user.credits.balance) : '–'),
            h('td', {}, user.credits ? num(user.credits.reserved) : '–'),
            h('td', {}, user.credits ? grantsSummary(user.credits.grants || []) : '–'),
            h('td', {}, user.credits ? refillText(user.credits.refill) : '–'),
            h('td', {}, when(user.createdAt)))))),
    pager(result, next => drawUsers(table, detail, q, next)));
}

function grantsSummary(grants) {
    return grants.length ? `${grants.length}: ${num(grants.reduce((sum, grant) => sum + grant.amount, 0))}` : 'none';
}

function refillText(refill) {
    if (!refill || refill.amount <= 0) {
        return 'none';
    }
    return refill.depletionThreshold != null
        ? `${num(refill.amount)} when at ${num(refill.depletionThreshold)} or below, at most every ${humanInterval(refill.interval)}`
        : `${num(refill.amount)} every ${humanInterval(refill.interval)}`;
}

async function drawUser(detail, user, refreshList) {
    const base = `/api/admin/users/${encodeURIComponent(user.id)}`;
    const [account, view] = await Promise.all([api(`${base}/account`), api(base)]);
    const grants = view.grants || [];
    const redraw = () => drawUser(detail, user, refreshList);
    const balance = h('input', {type: 'number', min: 0, required: true, value: account.balance});
    const grant = h('input', {type: 'number', min: 1, required: true});
    const grantExpiry = h('input', {type: 'date'});
    const refillAmount = h('input', {type: 'number', min: 0, required: true, value: account.refill?.amount ?? 0});
    const refillInterval = h('select', {}, [['P1D', 'every day'], ['P7D', 'every week'], ['P30D', 'every 30 days'],
        ['PT1H', 'every hour']].map(([value, label]) => h('option', {value, selected: account.refill?.interval === value},
        label)));
    const refillOnDepletion = h('input', {type: 'checkbox', checked: account.refill?.depletionThreshold != null});
    const form = (title, fields, label, action) => {
        const submit = h('button.primary', {type: 'submit'}, label);
        return h('form.stack-form', {onsubmit: event => {
            event.preventDefault();
            busy(submit, async () => {
                await action();
                toast(`${title}: saved`);
                await redraw();
            });
        }}, h('h3', {}, title), fields, submit);
    };
    clear(detail, h('div.panel', {},
        h('h2', {}, user.email || user.id),
        h('dl.facts', {},
            h('dt', {}, 'Balance'), h('dd', {}, num(account.balance)),
            h('dt', {}, 'Reserved'), h('dd', {}, num(account.reserved)),
            h('dt', {}, 'Available'), h('dd', {}, num(account.available)),
            h('dt', {}, 'Spent'), h('dd', {}, num(account.debitedCredits)),
            h('dt', {}, 'Refill'), h('dd', {}, refillText(account.refill))),
        h('h3', {}, 'Grants'),
        grants.length ? h('div.table-wrap', {}, h('table', {},
            h('thead', {}, h('tr', {}, ['Amount', 'State', 'From', 'Expires'].map(c => h('th', {scope: 'col'}, c)))),
            h('tbody', {}, grants.map(grant => h('tr', {},
                h('td', {}, num(grant.amount)), h('td', {}, grant.state.toLowerCase()),
                h('td', {}, when(grant.effectiveAt)), h('td', {}, grant.expiresAt ? when(grant.expiresAt) : 'never'))))))
            : h('p.muted', {}, 'No grants.'),
        form('Set balance', field('Balance (credits)', balance), 'Set', () => api(`${base}/balance`,
            {method: 'PUT', body: {balance: Number(balance.value)}})),
        form('Grant credits', [field('Amount', grant), field('Expires (optional)', grantExpiry)], 'Grant',
            () => api(`${base}/grants`, {method: 'POST', body: {amount: Number(grant.value),
                expiresAt: grantExpiry.value ? new Date(`${grantExpiry.value}T00:00:00Z`).toISOString() : undefined}})),
        form('Automatic refill', [field('Amount (0: off)', refillAmount), field('Interval', refillInterval),
            h('label.check', {}, refillOnDepletion, ' Only when the balance runs out (at most once per interval)')],
        'Save', () => api(`${base}/refill`, {method: 'PUT', body: {amount: Number(refillAmount.value),
            interval: refillInterval.value, onDepletion: refillOnDepletion.checked}})),
        user.deleted ? null : h('div.actions', {},
            h('button', {type: 'button', onclick: event => busy(event.currentTarget, async () => {
                Object.assign(user, await api(`${base}/${user.disabled ? 'enable' : 'disable'}`, {method: 'POST'}));
                toast(user.disabled ? 'Account disabled' : 'Account enabled');
                await refreshList();
                await redraw();
            })}, user.disabled ? 'Enable account' : 'Disable account'),
            h('button', {type: 'button', onclick: event => busy(event.currentTarget, async () => {
                const admin = (user.roles || []).includes('ADMIN');
                Object.assign(user, await api(base, {method: 'PATCH',
                    body: {roles: admin ? ['USER'] : ['USER', 'ADMIN']}}));
                toast(admin ? 'Admin role removed' : 'Admin role granted');
                await refreshList();
                await redraw();
            })}, (user.roles || []).includes('ADMIN') ? 'Remove admin role' : 'Make admin'))));
}

// Invitations: single-use codes for sign-up when registration takes invited users only (PARLEY_REGISTRATION_MODE).
function invitationPanel() {
    const email = h('input', {type: 'email', maxLength: 254, placeholder: 'anyone'});
    const balance = h('input', {type: 'number', min: 0, placeholder: 'default'});
    const days = h('input', {type: 'number', min: 1, max: 90, value: 7, required: true});
    const create = h('button.primary', {type: 'submit'}, 'Create invitation');
    const shown = h('div.secret', {'aria-live': 'polite'});
    return h('section.panel', {'aria-labelledby': 'invite-title'}, h('h2#invite-title', {}, 'Invite someone'),
        h('form.inline-form', {onsubmit: event => {
            event.preventDefault();
            busy(create, async () => {
                const created = await api('/api/admin/invitations', {method: 'POST', body: {
                    email: email.value.trim() || undefined,
                    startingBalance: balance.value === '' ? undefined : Number(balance.value),
                    validDays: Number(days.value)}});
                const link = `${location.origin}/#/signup?invite=${encodeURIComponent(created.code)}`;
                clear(shown, h('p', {}, h('strong', {}, 'Send this code or link now: it is shown only once. '),
                    `Valid until ${when(created.expiresAt)}.`),
                h('code.key', {tabIndex: 0}, created.code),
                h('button', {type: 'button', onclick: () => navigator.clipboard?.writeText(link)
                    .then(() => toast('Link copied'))}, 'Copy link'));
            });
        }}, field('Only for this email', email), field('Starting credits', balance), field('Valid days', days),
        create), shown);
}
