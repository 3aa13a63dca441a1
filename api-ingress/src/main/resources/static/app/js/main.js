// The shell: session start-up, navigation and the hash router (#/chat, #/usage, ...), so that the server serves
// one page and every route works after a reload.
import {api, refresh} from './api.js';
import {loadUser} from './account.js';
import * as session from './session.js';
import {clear, h, toast} from './dom.js';
import {renderAuth, renderSetPassword} from './pages/auth.js';
import {renderChat} from './pages/chat.js';
import {renderProjects} from './pages/projects.js';
import {renderUsage} from './pages/usage.js';
import {renderSettings} from './pages/settings.js';
import {renderAdmin} from './pages/admin.js';

const view = document.getElementById('view');
const routes = {
    signin: () => renderAuth(view, 'signin'),
    signup: () => renderAuth(view, 'signup'),
    'set-password': params => renderSetPassword(view, params[0]),
    chat: params => renderChat(view, params[0]),
    projects: params => renderProjects(view, params[0]),
    usage: () => renderUsage(view),
    settings: () => renderSettings(view),
    admin: params => renderAdmin(view, params[0] || 'users'),
};
const PUBLIC = new Set(['signin', 'signup', 'set-password']);
let leaveCurrent = null;

function parseHash() {
    const [name, ...params] = location.hash.replace(/^#\/?/, '').split('?')[0].split('/').map(decodeURIComponent);
    return {name: routes[name] ? name : 'chat', params};
}

async function route() {
    const {name, params} = parseHash();
    if (!PUBLIC.has(name) && !session.user()) {
        location.hash = '#/signin';
        return;
    }
    if (name === 'admin' && !session.isAdmin()) {
        location.hash = '#/chat';
        return;
    }
    if (leaveCurrent) {
        leaveCurrent();
        leaveCurrent = null;
    }
    document.getElementById('topbar').hidden = PUBLIC.has(name);
    document.querySelectorAll('[data-nav]').forEach(link => {
        if (link.dataset.nav === name) {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    });
    closeMenu();
    try {
        const leave = await routes[name](params);
        leaveCurrent = typeof leave === 'function' ? leave : null;
    } catch (error) {
        clear(view, h('p.notice.error', {role: 'alert'}, error.describe ? error.describe() : error.message));
    }
}

function closeMenu() {
    document.getElementById('nav-toggle').setAttribute('aria-expanded', 'false');
    document.getElementById('main-nav').classList.remove('open');
}

function wireShell() {
    document.getElementById('nav-toggle').addEventListener('click', event => {
        const open = event.currentTarget.getAttribute('aria-expanded') !== 'true';
        event.currentTarget.setAttribute('aria-expanded', String(open));
        document.getElementById('main-nav').classList.toggle('open', open);
    });
    document.getElementById('sign-out').addEventListener('click', async () => {
        const refreshToken = session.refreshToken();
        try {
            if (refreshToken) {
                await api('/api/auth/logout', {method: 'POST', body: {refreshToken}});
            }
        } catch {
            // signed out locally all the same
        }
        session.clear();
        toast('Signed out');
        location.hash = '#/signin';
    });
    window.addEventListener('hashchange', route);
    // a refresh that failed (expired or revoked session) signs out: back to the sign-in page
    session.onUserChange(user => {
        if (!user && !PUBLIC.has(parseHash().name)) {
            location.hash = '#/signin';
        }
    });
}

/**
 * A host product signs its user in by opening /#sso=<its token> (a trusted outside issuer's JWT): the token is taken
 * out of the address at once and used as the bearer token until it expires. A fragment never reaches a server log.
 */
function takeOutsideToken() {
    const match = location.hash.match(/^#sso=([A-Za-z0-9_.-]+)$/);
    if (!match) {
        return session.resumeOutside();
    }
    history.replaceState(null, '', `${location.pathname}${location.search}#/chat`);
    return session.storeOutside(match[1]);
}

async function start() {
    wireShell();
    if (takeOutsideToken()) {
        try {
            await loadUser();
        } catch {
            session.clear();
        }
    } else if (session.refreshToken()) {
        try {
            await refresh();
            await loadUser();
        } catch {
            session.clear();
        }
    }
    await route();
}

start();
