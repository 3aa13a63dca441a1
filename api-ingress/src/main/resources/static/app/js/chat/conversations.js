// The conversation list: search by title, new, rename, delete.
import {api} from '../api.js';
import {busy, clear, confirmAction, dialog, field, h, toast} from '../dom.js';

export class ConversationList {
    constructor(activeId) {
        this.activeId = activeId;
        this.items = [];
        this.search = h('input', {type: 'search', placeholder: 'Search by title', 'aria-label': 'Search conversations',
            oninput: () => this.draw()});
        this.list = h('ul.conversations', {'aria-label': 'Conversations'});
        this.element = h('aside.sidebar', {'aria-label': 'Conversations'},
            h('div.sidebar-head', {},
                h('a.button.primary', {href: '#/chat', onclick: () => this.onNew?.()}, '+ New chat'),
                this.search),
            this.list);
    }

    async load() {
        const page = await api('/api/conversations?size=100');
        this.items = page.items;
        this.draw();
    }

    find(id) {
        return this.items.find(item => item.id === id);
    }

    draw() {
        const needle = this.search.value.trim().toLowerCase();
        const shown = this.items.filter(item => !needle || (item.title || '').toLowerCase().includes(needle));
        clear(this.list, shown.length ? shown.map(item => this.row(item))
            : h('li.empty', {}, needle ? 'No conversation matches.' : 'No conversations yet.'));
    }

    row(item) {
        const title = item.title || 'Untitled';
        const current = item.id === this.activeId;
        return h('li', {className: current ? 'active' : ''},
            h('a', {href: `#/chat/${encodeURIComponent(item.id)}`, 'aria-current': current ? 'page' : null,
                title}, title),
            h('div.row-actions', {},
                h('button.icon', {type: 'button', 'aria-label': `Rename ${title}`, title: 'Rename',
                    onclick: event => this.rename(item, event.currentTarget)}, '✎'),
                h('button.icon', {type: 'button', 'aria-label': `Delete ${title}`, title: 'Delete',
                    onclick: event => this.remove(item, event.currentTarget)}, '×')));
    }

    async rename(item, button) {
        const input = h('input', {name: 'title', value: item.title || '', required: true, maxLength: 200});
        const values = await dialog('Rename conversation', [field('Title', input)], 'Rename');
        if (values) {
            await busy(button, async () => {
                Object.assign(item, await api(`/api/conversations/${item.id}`, {method: 'PATCH',
                    body: {title: values.title}}));
                this.draw();
                this.onRenamed?.(item);
            });
        }
    }

    async remove(item, button) {
        if (await confirmAction('Delete conversation', `Delete “${item.title || 'Untitled'}”?`)) {
            await busy(button, async () => {
                await api(`/api/conversations/${item.id}`, {method: 'DELETE'});
                this.items = this.items.filter(other => other !== item);
                this.draw();
                toast('Conversation deleted');
                if (item.id === this.activeId) {
                    location.hash = '#/chat';
                }
            });
        }
    }
}
