// The chat page: conversation list, the current thread, and the composer. Posting remembers the answer before it
// is followed, so a reload (or opening the new conversation) resumes its stream where it was.
import {api} from '../api.js';
import {clear, h, toast} from '../dom.js';
import {ConversationList} from '../chat/conversations.js';
import {Thread} from '../chat/thread.js';
import {Composer} from '../chat/composer.js';
import {LiveAnswer, delay, rememberAnswer, savedAnswer} from '../chat/live-answer.js';

const STORE_WAITS_MS = [0, 250, 500, 1000, 2000, 4000];

export async function renderChat(view, conversationId) {
    const page = new ChatPage(view, conversationId || null);
    await page.render();
    return () => page.leave();
}

class ChatPage {
    constructor(view, conversationId) {
        this.view = view;
        this.conversationId = conversationId;
        this.live = null;
        this.list = new ConversationList(conversationId);
        this.composer = new Composer({onSend: (content, settings) => this.send(content, settings),
            onStop: () => this.stop(), onModelChange: model => this.saveDefault({model})});
        this.thread = conversationId ? new Thread(conversationId, {
            reload: () => this.reload(),
            regenerate: message => this.post(`/messages/${encodeURIComponent(message.id)}/regenerate`,
                this.composer.settings()),
            edit: (message, content) => this.post(`/messages/${encodeURIComponent(message.id)}/edit`,
                {...this.composer.settings(), content}),
        }) : null;
    }

    async render() {
        const title = h('h1.chat-title', {}, 'New chat');
        const toggle = h('button.sidebar-toggle', {type: 'button', 'aria-expanded': 'false',
            onclick: () => {
                const open = layout.classList.toggle('show-sidebar');
                toggle.setAttribute('aria-expanded', String(open));
            }}, 'Conversations');
        const layout = h('div.chat-layout', {}, this.list.element,
            h('section.chat-main', {'aria-labelledby': 'chat-title'},
                h('div.chat-head', {}, toggle, title),
                this.thread ? this.thread.element : h('div.thread', {},
                    h('div.empty-thread', {}, h('h2', {}, 'Start a conversation'),
                        h('p', {}, 'Type below to begin. Answers stream in as they are written.'))),
                this.composer.element));
        title.id = 'chat-title';
        this.title = title;
        clear(this.view, layout);
        this.list.onRenamed = item => {
            if (item.id === this.conversationId) {
                title.textContent = item.title || 'Untitled';
            }
        };
        await this.list.load();
        const conversation = this.conversationId && this.list.find(this.conversationId);
        if (this.conversationId && !conversation) {
            // not among the newest 100: ask for it (a foreign or deleted one answers 404)
            this.conversation = await api(`/api/conversations/${encodeURIComponent(this.conversationId)}`);
        } else {
            this.conversation = conversation || null;
        }
        title.textContent = this.conversation ? this.conversation.title || 'Untitled' : 'New chat';
        await this.composer.loadModels(this.conversation?.model);
        if (this.conversation?.temperature !== null && this.conversation?.temperature !== undefined
                && this.composer.temperature.value === '') {
            this.composer.temperature.value = this.conversation.temperature;
        }
        if (this.thread) {
            await this.reload();
        }
        this.composer.input.focus();
    }

    async reload() {
        await this.thread.load();
        this.followPending();
    }

    /** Follows the answer still being written, resuming from what this tab had when it was reloaded. */
    followPending() {
        const pending = [...this.thread.messages].reverse()
            .find(m => m.role === 'ASSISTANT' && m.status === 'PENDING');
        if (!pending || this.live?.messageId === pending.id) {
            return;
        }
        this.live?.detach();
        const saved = savedAnswer(this.conversationId);
        const answer = saved && saved.messageId === pending.id ? saved : {conversationId: this.conversationId,
            messageId: pending.id, streamUrl: `/api/conversations/${encodeURIComponent(this.conversationId)}`
                + `/messages/${encodeURIComponent(pending.id)}/stream`};
        this.live = new LiveAnswer(answer, {
            onText: text => this.thread.showText(pending.id, text),
            onEnd: ({event, data}) => this.ended(pending.id, event, data),
        });
        this.composer.streaming(true);
        this.live.start();
    }

    async ended(messageId, event, data) {
        this.live = null;
        this.composer.streaming(false);
        if (event === 'error') {
            toast(data.message || 'The answer failed', 'error');
        }
        await this.loadUntilStored(messageId);
        this.list.load();
    }

    /**
     * Loads the thread until the answer whose stream ended is stored as ended too: the stream's last event and the
     * stored status come through different consumers, and the store may trail the stream by a moment. Past these
     * waits it follows the answer again, as a page reload would.
     */
    async loadUntilStored(messageId) {
        for (const wait of STORE_WAITS_MS) {
            await delay(wait);
            if (this.left) {
                return;
            }
            await this.thread.load();
            if (!this.thread.messages.some(m => m.id === messageId && m.status === 'PENDING')) {
                return;
            }
        }
        this.followPending();
    }

    async send(content, settings) {
        if (!this.conversationId) {
            const title = content.split('\n')[0].slice(0, 60);
            // kept when the post is refused (402, 429), so that trying again does not make another conversation
            this.created ||= await this.attempt(() => api('/api/conversations', {method: 'POST',
                body: {title, model: settings.model}}));
            const created = this.created;
            if (!created) {
                return false;
            }
            const accepted = await this.attempt(() => api(`/api/conversations/${encodeURIComponent(created.id)}`
                + '/messages', {method: 'POST', body: {...settings, content}}));
            if (!accepted) {
                return false;
            }
            rememberAnswer({conversationId: created.id, messageId: accepted.messageId, streamUrl: accepted.streamUrl});
            location.hash = `#/chat/${encodeURIComponent(created.id)}`;
            return true;
        }
        return this.post('/messages', {...settings, content});
    }

    /** Posts (a message, a regenerate, an edit) and follows the answer it starts. */
    async post(path, body) {
        const accepted = await this.attempt(() => api(`/api/conversations/${encodeURIComponent(this.conversationId)}`
            + path, {method: 'POST', body}));
        if (!accepted) {
            return false;
        }
        rememberAnswer({conversationId: this.conversationId, messageId: accepted.messageId,
            streamUrl: accepted.streamUrl});
        await this.reload();
        return true;
    }

    async attempt(action) {
        try {
            return await action();
        } catch (error) {
            this.composer.showError(error.describe ? error.describe() : error.message);
            return null;
        }
    }

    async stop() {
        if (!this.live) {
            return;
        }
        try {
            await api(`/api/conversations/${encodeURIComponent(this.conversationId)}/messages/`
                + `${encodeURIComponent(this.live.messageId)}/cancel`, {method: 'POST'});
        } catch (error) {
            toast(error.describe ? error.describe() : error.message, 'error');
        }
    }

    async saveDefault(change) {
        if (this.conversationId) {
            try {
                await api(`/api/conversations/${encodeURIComponent(this.conversationId)}`, {method: 'PATCH',
                    body: change});
            } catch (error) {
                toast(error.describe ? error.describe() : error.message, 'error');
            }
        }
    }

    leave() {
        this.left = true;
        this.live?.detach();
    }
}
