// My account: profile and password, personal API keys (shown once), my own provider keys.
import {api} from '../api.js';
import * as session from '../session.js';
import {busy, clear, confirmAction, field, h, toast, when} from '../dom.js';
import {loadUser} from '../account.js';

export async function renderSettings(view) {
    const keys = h('div.table-wrap');
    const providerKeys = h('div.table-wrap');
    clear(view, h('section.page', {'aria-labelledby': 'settings-title'},
        h('h1#settings-title', {}, 'Settings'),
        h('div.panels', {}, profilePanel(), passwordPanel()),
        h('section.panel', {'aria-labelledby': 'keys-title'}, h('h2#keys-title', {}, 'API keys'),
            h('p.muted', {}, 'Use a key wherever a bearer token works, e.g. as the API key of an OpenAI SDK pointed at ',
                h('code', {}, `${location.origin}/v1`), '.'),
            newKeyForm(() => drawKeys(keys)), keys),
        h('section.panel', {'aria-labelledby': 'pk-title'}, h('h2#pk-title', {}, 'Your own provider keys'),
            h('p.muted', {}, 'Calls made with your own key are recorded but not charged to your credits.'),
            providerKeyForm(() => drawProviderKeys(providerKeys)), providerKeys),
        session.isAdmin() ? null : bootstrapPanel()));
    await Promise.all([drawKeys(keys), drawProviderKeys(providerKeys)]);
}

function profilePanel() {
    const me = session.user();
    const name = h('input', {name: 'displayName', value: me.displayName || '', maxLength: 100});
    const save = h('button.primary', {type: 'submit'}, 'Save');
    return h('form.panel', {onsubmit: event => {
        event.preventDefault();
        busy(save, async () => {
            await api('/api/auth/me', {method: 'PATCH', body: {displayName: name.value}});
            await loadUser();
            toast('Profile saved');
        });
    }}, h('h2', {}, 'Profile'), h('p', {}, 'Signed in as ', h('strong', {}, me.email || me.id)),
    field('Display name', name), save);
}

// The operator's one-time bootstrap token (PARLEY_ADMIN_TOKEN, printed by ./parley up) makes its redeemer an admin.
function bootstrapPanel() {
    const token = h('input', {type: 'password', autocomplete: 'off', required: true, maxLength: 512});
    const redeem = h('button', {type: 'submit'}, 'Become admin');
    return h('form.panel', {'aria-labelledby': 'bootstrap-title', onsubmit: event => {
        event.preventDefault();
        busy(redeem, async () => {
            await api('/api/admin/bootstrap', {method: 'POST', body: {token: token.value.trim()}});
            token.value = '';
            await loadUser();
            toast('You are now an administrator');
            location.hash = '#/admin';
        });
    }}, h('h2#bootstrap-title', {}, 'Administrator access'),
    h('p.muted', {}, 'The first administrator redeems the bootstrap token the operator was given ',
        '(PARLEY_ADMIN_TOKEN; ./parley up prints it). It works once.'),
    field('Bootstrap token', token), redeem);
}

function passwordPanel() {
    const current = h('input', {type: 'password', autocomplete: 'current-password', required: true});
    const next = h('input', {type: 'password', autocomplete: 'new-password', required: true, minLength: 8});
    const save = h('button', {type: 'submit'}, 'Change password');
    return h('form.panel', {onsubmit: event => {
        event.preventDefault();
        busy(save, async () => {
            await api('/api/auth/password', {method: 'POST', body: {currentPassword: current.value,
                newPassword: next.value}});
            toast('Password changed: please sign in again.');
            session.clear();
            location.hash = '#/signin';
        });
    }}, h('h2', {}, 'Password'), field('Current password', current), field('New password', next,
        'At least 8 characters. Changing it signs you out everywhere.'), save);
}

function newKeyForm(refresh) {
    const name = h('input', {name: 'name', required: true, maxLength: 100, placeholder: 'e.g. laptop'});
    const create = h('button.primary', {type: 'submit'}, 'Create key');
    const shown = h('div.secret', {'aria-live': 'polite'});
    return h('div', {}, h('form.inline-form', {onsubmit: event => {
        event.preventDefault();
        busy(create, async () => {
            const created = await api('/api/keys', {method: 'POST', body: {name: name.value}});
            name.value = '';
            clear(shown, h('p', {}, h('strong', {}, 'Copy your new key now: it is shown only once.')),
                h('code.key', {tabIndex: 0}, created.key),
                h('button', {type: 'button', onclick: () => navigator.clipboard?.writeText(created.key)
                    .then(() => toast('Copied'))}, 'Copy'),
                h('button.link-button', {type: 'button', onclick: () => clear(shown)}, 'Done'));
            await refresh();
        });
    }}, field('Name', name), create), shown);
}

async function drawKeys(container) {
    const keys = await api('/api/keys');
    clear(container, keys.length ? h('table', {},
        h('thead', {}, h('tr', {}, ['Name', 'Key', 'Created', 'Last used', 'State', ''].map(c => h('th', {scope: 'col'},
            c)))),
        h('tbody', {}, keys.map(key => h('tr', {},
            h('td', {}, key.name), h('td', {}, h('code', {}, `${key.prefix}…`)), h('td', {}, when(key.createdAt)),
            h('td', {}, when(key.lastUsedAt)), h('td', {}, key.revoked ? 'revoked' : 'active'),
            h('td', {}, key.revoked ? null : h('button.danger', {type: 'button', onclick: async event => {
                if (await confirmAction('Revoke key', `Revoke “${key.name}”? Programs using it stop working.`,
                    'Revoke')) {
                    await busy(event.currentTarget, async () => {
                        await api(`/api/keys/${encodeURIComponent(key.id)}`, {method: 'DELETE'});
                        await drawKeys(container);
                    });
                }
            }}, 'Revoke')))))) : h('p.muted', {}, 'No API keys yet.'));
}

function providerKeyForm(refresh) {
    const provider = h('input', {name: 'provider', required: true, placeholder: 'e.g. openai', maxLength: 40,
        pattern: '[a-z0-9][a-z0-9._-]*'});
    const key = h('input', {type: 'password', name: 'apiKey', required: true, autocomplete: 'off'});
    const save = h('button.primary', {type: 'submit'}, 'Save key');
    return h('form.inline-form', {onsubmit: event => {
        event.preventDefault();
        busy(save, async () => {
            await api(`/api/me/provider-keys/${encodeURIComponent(provider.value)}`, {method: 'PUT',
                body: {apiKey: key.value}});
            key.value = '';
            toast('Key saved');
            await refresh();
        });
    }}, field('Provider', provider), field('API key', key), save);
}

async function drawProviderKeys(container) {
    const keys = await api('/api/me/provider-keys');
    clear(container, keys.length ? h('table', {},
        h('thead', {}, h('tr', {}, ['Provider', 'Key', 'Updated', ''].map(c => h('th', {scope: 'col'}, c)))),
        h('tbody', {}, keys.map(key => h('tr', {}, h('td', {}, key.provider), h('td', {}, h('code', {}, key.masked)),
            h('td', {}, when(key.updatedAt)),
            h('td', {}, h('button.danger', {type: 'button', onclick: async event => {
                if (await confirmAction('Delete key', `Delete your ${key.provider} key?`)) {
                    await busy(event.currentTarget, async () => {
                        await api(`/api/me/provider-keys/${encodeURIComponent(key.provider)}`, {method: 'DELETE'});
                        await drawProviderKeys(container);
                    });
                }
            }}, 'Delete')))))) : h('p.muted', {}, 'No provider keys stored.'));
}
