// The messages of the current branch, with their actions: edit a question, regenerate or flag an answer, and
// browse the branches that regenerating and editing made.
import {api} from '../api.js';
import {busy, clear, dialog, field, h, toast} from '../dom.js';
import {renderMarkdown} from '../markdown.js';
import {newestLeaf, siblingsOf} from './branches.js';

const STATUS_LABELS = {PENDING: 'Writing…', CANCELLED: 'Stopped', FAILED: 'Failed'};

export class Thread {
    /** @param actions {edit(message, content), regenerate(message), reload()} supplied by the chat page */
    constructor(conversationId, actions) {
        this.conversationId = conversationId;
        this.actions = actions;
        this.messages = [];
        this.element = h('div.thread', {role: 'log', 'aria-live': 'off', 'aria-label': 'Messages'});
    }

    async load() {
        const base = `/api/conversations/${encodeURIComponent(this.conversationId)}/messages`;
        const [current, all] = await Promise.all([api(`${base}?size=200`), api(`${base}?branch=all&size=200`)]);
        this.messages = current.items;
        this.tree = siblingsOf(all.items);
        this.draw();
    }

    draw() {
        if (!this.messages.length) {
            clear(this.element, h('div.empty-thread', {}, h('h2', {}, 'Ask anything'),
                h('p', {}, 'Answers stream in as they are written. Pick a model and its settings below.')));
            return;
        }
        const lastAnswer = [...this.messages].reverse().find(m => m.role === 'ASSISTANT');
        clear(this.element, this.messages.map(message => this.messageElement(message, message === lastAnswer)));
        this.scrollToEnd();
    }

    scrollToEnd() {
        this.element.scrollTop = this.element.scrollHeight;
    }

    /** The element of an answer, to stream text into. */
    answerBody(messageId) {
        return this.element.querySelector(`[data-message-id="${CSS.escape(messageId)}"] .body`);
    }

    showText(messageId, text) {
        const body = this.answerBody(messageId);
        if (body) {
            renderMarkdown(body, text);
            this.scrollToEnd();
        }
    }

    messageElement(message, isLastAnswer) {
        const user = message.role === 'USER';
        const body = h('div.body', {});
        if (user) {
            body.classList.add('plain');
            body.textContent = message.content;
        } else {
            renderMarkdown(body, message.content || '');
        }
        const status = STATUS_LABELS[message.status];
        return h(`article.message.${user ? 'user' : 'assistant'}`, {dataset: {messageId: message.id, status:
                message.status || ''}, 'aria-label': user ? 'Your message' : 'Answer'},
            h('header', {},
                h('span.role', {}, user ? 'You' : 'Parley'),
                !user && message.model ? h('span.model', {}, message.model) : null,
                status ? h(`span.status.${message.status.toLowerCase()}`, {}, status) : null),
            body,
            message.status === 'FAILED' && message.error
                ? h('p.answer-error', {role: 'alert'}, message.error.message || message.error.code) : null,
            h('footer', {}, this.branchNav(message), user ? this.userActions(message)
                : this.answerActions(message, isLastAnswer)));
    }

    branchNav(message) {
        const group = this.tree?.siblings.get(message.id);
        if (!group || group.length < 2) {
            return null;
        }
        const index = group.findIndex(m => m.id === message.id);
        const go = async (target, button) => busy(button, async () => {
            const leaf = newestLeaf(target, this.tree.byParent);
            await api(`/api/conversations/${encodeURIComponent(this.conversationId)}/branches/`
                + `${encodeURIComponent(leaf.id)}/activate`, {method: 'POST'});
            await this.actions.reload();
        });
        return h('span.branches', {role: 'group', 'aria-label': 'Versions'},
            h('button.icon', {type: 'button', 'aria-label': 'Previous version', disabled: index === 0,
                onclick: event => go(group[index - 1], event.currentTarget)}, '‹'),
            h('span', {}, `${index + 1} / ${group.length}`),
            h('button.icon', {type: 'button', 'aria-label': 'Next version', disabled: index === group.length - 1,
                onclick: event => go(group[index + 1], event.currentTarget)}, '›'));
    }

    userActions(message) {
        return h('span.actions', {},
            h('button.link-button', {type: 'button', onclick: event => this.edit(message, event.currentTarget)},
                'Edit'));
    }

    answerActions(message, isLastAnswer) {
        const finished = message.status !== 'PENDING';
        return h('span.actions', {},
            message.usage ? h('span.usage', {title: 'Tokens in / out'},
                `${message.usage.inputTokens} → ${message.usage.outputTokens} tokens`) : null,
            finished && message.content ? h('button.link-button', {type: 'button',
                onclick: () => navigator.clipboard?.writeText(message.content).then(() => toast('Copied'))}, 'Copy')
                : null,
            finished && isLastAnswer ? h('button.link-button', {type: 'button',
                onclick: event => busy(event.currentTarget, () => this.actions.regenerate(message))}, 'Regenerate')
                : null,
            finished ? h('button.link-button', {type: 'button',
                onclick: event => this.flag(message, event.currentTarget)}, 'Flag') : null);
    }

    edit(message, button) {
        const article = button.closest('article');
        const body = article.querySelector('.body');
        const input = h('textarea', {value: message.content, rows: 3, 'aria-label': 'Edited question',
            required: true});
        const form = h('form.edit-form', {
            onsubmit: event => {
                event.preventDefault();
                busy(form.querySelector('button[type=submit]'), () => this.actions.edit(message, input.value));
            },
        }, input, h('div.actions', {},
            h('button', {type: 'button', onclick: () => form.replaceWith(body)}, 'Cancel'),
            h('button.primary', {type: 'submit'}, 'Send edited')));
        body.replaceWith(form);
        input.focus();
    }

    async flag(message, button) {
        const reason = h('textarea', {name: 'reason', required: true, maxLength: 500, rows: 3});
        const category = h('select', {name: 'category'},
            ['incorrect', 'harmful', 'unhelpful', 'other'].map(c => h('option', {value: c}, c)));
        const values = await dialog('Flag this answer', [field('What is wrong?', reason), field('Category', category)],
            'Flag');
        if (values) {
            await busy(button, async () => {
                await api(`/api/conversations/${encodeURIComponent(this.conversationId)}/messages/`
                    + `${encodeURIComponent(message.id)}/flag`, {method: 'POST', body: values});
                toast('Thanks: the answer was reported to the administrators.');
            });
        }
    }
}
