// Calls to Parley's own API (same origin). Problems (RFC 9457) become ApiError; an expired access token is
// renewed with the refresh token once, transparently, by whichever call notices first.
import * as session from './session.js';

export class ApiError extends Error {
    constructor(status, problem, retryAfter) {
        super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
        this.status = status;
        this.problem = problem || {};
        this.retryAfter = retryAfter;
    }

    static async from(response) {
        let problem = null;
        try {
            problem = await response.json();
        } catch {
            problem = null;
        }
        const retryAfter = Number(response.headers.get('Retry-After')) || null;
        return new ApiError(response.status, problem, retryAfter);
    }

    /** A sentence for people: the problem's own words, with the cases users meet most spelled out. */
    describe() {
        if (this.status === 402) {
            return 'Your credits are used up: this request costs more than your available balance. '
                + 'Wait for your refill or ask an administrator for a grant.';
        }
        if (this.status === 429) {
            const wait = this.retryAfter ? ` Try again in ${this.retryAfter} s.` : ' Try again in a moment.';
            return `Too many requests right now.${wait}`;
        }
        const errors = this.problem.errors;
        if (Array.isArray(errors) && errors.length) {
            return errors.map(e => `${e.field}: ${e.message}`).join('; ');
        }
        return this.message;
    }
}

let refreshing = null;

/** Renews the access token; concurrent callers share one refresh (a refresh token is single use). */
export function refresh() {
    if (!refreshing) {
        refreshing = doRefresh().finally(() => {
            refreshing = null;
        });
    }
    return refreshing;
}

async function doRefresh() {
    const token = session.refreshToken();
    if (!token) {
        // nothing to renew with (an outside issuer's token ran out): back to the sign-in page
        session.clear();
        throw new ApiError(401, {title: 'Not signed in'});
    }
    const response = await fetch('/api/auth/refresh', {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({refreshToken: token}),
    });
    if (!response.ok) {
        session.clear();
        throw await ApiError.from(response);
    }
    session.store(await response.json());
}

async function bearer() {
    let token = session.currentAccessToken();
    if (!token) {
        await refresh();
        token = session.currentAccessToken();
    }
    return `Bearer ${token}`;
}

/** fetch() with the bearer token, renewed once on a 401. Answers the raw Response (streams read it). */
export async function authedFetch(path, init = {}) {
    const send = async () => fetch(path, {...init, headers: {...(init.headers || {}), Authorization: await bearer()}});
    let response = await send();
    if (response.status === 401 && session.refreshToken()) {
        await refresh();
        response = await send();
    }
    if (response.status === 401) {
        session.clear();
    }
    return response;
}

/** A JSON call: answers the parsed body (null for 204), or throws ApiError. */
export async function api(path, {method = 'GET', body, auth = true, signal} = {}) {
    const init = {method, signal, headers: {Accept: 'application/json'}};
    if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    const response = auth ? await authedFetch(path, init) : await fetch(path, init);
    if (!response.ok) {
        throw await ApiError.from(response);
    }
    if (response.status === 204) {
        return null;
    }
    const text = await response.text();
    return text ? JSON.parse(text) : null;
}

/** A query string from the defined values of {@code params}. */
export function query(params) {
    const search = new URLSearchParams();
    Object.entries(params).forEach(([key, value]) => {
        if (value !== undefined && value !== null && value !== '') {
            search.set(key, value);
        }
    });
    const text = search.toString();
    return text ? `?${text}` : '';
}
