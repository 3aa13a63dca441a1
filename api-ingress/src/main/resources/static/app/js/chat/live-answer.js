// Follows one answer's stream: renders deltas as they come, survives a dropped connection and a page reload by
// resuming with Last-Event-ID, and honours a worker takeover (`reset`: start the text over).
import {readEvents} from '../sse.js';

const LIVE_KEY = 'parley.liveAnswer';
const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

/** The answer this tab was following when it was reloaded, if it belongs to {@code conversationId}. */
export function savedAnswer(conversationId) {
    try {
        const saved = JSON.parse(sessionStorage.getItem(LIVE_KEY) || 'null');
        return saved && saved.conversationId === conversationId ? saved : null;
    } catch {
        return null;
    }
}

/** Remembers an answer about to be followed (before navigating to its conversation, which then resumes it). */
export function rememberAnswer(answer) {
    sessionStorage.setItem(LIVE_KEY, JSON.stringify({lastEventId: null, text: '', ...answer}));
}

export class LiveAnswer {
    /**
     * @param answer {conversationId, messageId, streamUrl, lastEventId?, text?}
     * @param onText called with the whole text so far after each change
     * @param onEnd called once with {event: 'done'|'error', data}
     */
    constructor(answer, {onText, onEnd}) {
        this.answer = {lastEventId: null, text: '', ...answer};
        this.onText = onText;
        this.onEnd = onEnd;
        this.controller = new AbortController();
        this.ended = false;
    }

    get messageId() {
        return this.answer.messageId;
    }

    get text() {
        return this.answer.text;
    }

    async start() {
        this.save();
        if (this.answer.text) {
            this.onText(this.answer.text);
        }
        for (let attempt = 0; !this.ended && !this.controller.signal.aborted; attempt++) {
            try {
                await readEvents(this.answer.streamUrl, {lastEventId: this.answer.lastEventId,
                    signal: this.controller.signal, onEvent: event => this.handle(event)});
                attempt = -1;
            } catch (error) {
                if (this.controller.signal.aborted) {
                    return;
                }
                if (error.status && error.status < 500) {
                    this.finish('error', {code: 'stream_unavailable', message: error.describe()});
                    return;
                }
            }
            if (!this.ended && !this.controller.signal.aborted) {
                await delay(RETRY_DELAYS_MS[Math.min(Math.max(attempt, 0), RETRY_DELAYS_MS.length - 1)]);
            }
        }
    }

    /** Stops following (leaving the page); the answer itself goes on and is stored. */
    detach() {
        this.controller.abort();
    }

    handle({event, id, data}) {
        const payload = data ? JSON.parse(data) : {};
        if (id !== null && id !== '') {
            this.answer.lastEventId = Number(id);
        }
        if (event === 'delta') {
            this.answer.text += payload.text || '';
        } else if (event === 'reset') {
            this.answer.text = '';
        } else if (event === 'done' || event === 'error') {
            if (event === 'done' && payload.content !== undefined) {
                this.answer.text = payload.content;
            }
            this.onText(this.answer.text);
            this.finish(event, payload);
            return;
        }
        this.save();
        this.onText(this.answer.text);
    }

    finish(event, payload) {
        this.ended = true;
        sessionStorage.removeItem(LIVE_KEY);
        this.controller.abort();
        this.onEnd({event, data: payload});
    }

    save() {
        sessionStorage.setItem(LIVE_KEY, JSON.stringify(this.answer));
    }
}

/** Resolves after {@code ms} milliseconds. */
export function delay(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
}
