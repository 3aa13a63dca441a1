// Administration (admins only; the API checks the role, this page only hides what would be refused).
import {clear, h} from '../dom.js';
import {renderUsers} from '../admin/users.js';
import {renderFlags} from '../admin/flags.js';
import {renderReports} from '../admin/reports.js';
import {renderProviders} from '../admin/providers.js';

const TABS = {users: ['Users', renderUsers], flags: ['Flags', renderFlags], reports: ['Usage reports', renderReports],
    providers: ['Providers and models', renderProviders]};

export async function renderAdmin(view, tab) {
    const current = TABS[tab] ? tab : 'users';
    const body = h('div.admin-body');
    clear(view, h('section.page', {'aria-labelledby': 'admin-title'},
        h('h1#admin-title', {}, 'Administration'),
        h('nav.tabs', {'aria-label': 'Administration'}, Object.entries(TABS).map(([key, [label]]) =>
            h('a', {href: `#/admin/${key}`, 'aria-current': key === current ? 'page' : null}, label))),
        body));
    return TABS[current][1](body);
}
