// Server-Sent Events over fetch(): EventSource cannot send the Authorization header, and the API takes the token
// only there (a token in the URL would end up in logs and history). Same wire format, same Last-Event-ID resume.
import {ApiError, authedFetch} from './api.js';

/**
 * Reads the SSE stream at {@code path} until the server ends it or {@code signal} aborts, calling
 * {@code onEvent({event, id, data})} for each event. Sends {@code lastEventId} as Last-Event-ID when given.
 */
export async function readEvents(path, {lastEventId = null, signal, onEvent}) {
    const headers = {Accept: 'text/event-stream'};
    if (lastEventId !== null && lastEventId !== undefined) {
        headers['Last-Event-ID'] = String(lastEventId);
    }
    const response = await authedFetch(path, {headers, signal, cache: 'no-store'});
    if (!response.ok) {
        throw await ApiError.from(response);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new EventParser(onEvent);
    for (;;) {
        const {value, done} = await reader.read();
        if (done) {
            parser.end();
            return;
        }
        parser.push(value);
    }
}

/** The text/event-stream format (HTML Living Standard, 9.2.6): lines, fields, a blank line dispatches. */
export class EventParser {
    constructor(onEvent) {
        this.onEvent = onEvent;
        this.buffer = '';
        this.reset();
    }

    reset() {
        this.event = '';
        this.data = [];
        this.id = null;
    }

    push(chunk) {
        this.buffer += chunk;
        const lines = this.buffer.split(/\r\n|\r|\n/);
        this.buffer = lines.pop();
        lines.forEach(line => this.line(line));
    }

    end() {
        if (this.buffer) {
            this.line(this.buffer);
            this.buffer = '';
        }
    }

    line(line) {
        if (line === '') {
            this.dispatch();
            return;
        }
        if (line.startsWith(':')) {
            return;
        }
        const colon = line.indexOf(':');
        const name = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) {
            value = value.slice(1);
        }
        if (name === 'event') {
            this.event = value;
        } else if (name === 'data') {
            this.data.push(value);
        } else if (name === 'id') {
            this.id = value;
        }
    }

    dispatch() {
        if (this.data.length) {
            this.onEvent({event: this.event || 'message', id: this.id, data: this.data.join('\n')});
        }
        this.reset();
    }
}
