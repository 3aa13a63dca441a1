// The signed-in session. The access token lives in memory only; the refresh token in sessionStorage, so that a
// reload (or a resume mid-answer) keeps the user signed in while closing the tab signs out. See docs/decisions.md.
const REFRESH_KEY = 'parley.refreshToken';
// A trusted outside issuer's token (#sso=<token>): the session lasts as long as that token, with no refresh.
const OUTSIDE_KEY = 'parley.outsideToken';
const EARLY_REFRESH_MS = 30_000;

let accessToken = null;
let accessExpiresAt = 0;
let me = null;
const listeners = new Set();

export function store(tokens) {
    accessToken = tokens.accessToken;
    accessExpiresAt = Date.now() + tokens.expiresIn * 1000;
    if (tokens.refreshToken) {
        sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
    }
}

/** Starts a session on an outside issuer's token; false when it is not a JWT or has expired. */
export function storeOutside(token) {
    const expiresIn = secondsLeft(token);
    if (expiresIn <= 0) {
        return false;
    }
    sessionStorage.setItem(OUTSIDE_KEY, token);
    store({accessToken: token, expiresIn});
    return true;
}

/** The outside token this tab was signed in with, while it is valid (a reload keeps the session). */
export function resumeOutside() {
    const token = sessionStorage.getItem(OUTSIDE_KEY);
    return Boolean(token) && storeOutside(token);
}

function secondsLeft(token) {
    try {
        const payload = JSON.parse(atob(token.split('.')[1].replaceAll('-', '+').replaceAll('_', '/')));
        return Math.floor(payload.exp - Date.now() / 1000);
    } catch {
        return 0;
    }
}

export function currentAccessToken() {
    return accessToken && Date.now() < accessExpiresAt - EARLY_REFRESH_MS ? accessToken : null;
}

export function refreshToken() {
    return sessionStorage.getItem(REFRESH_KEY);
}

export function clear() {
    accessToken = null;
    accessExpiresAt = 0;
    me = null;
    sessionStorage.removeItem(REFRESH_KEY);
    sessionStorage.removeItem(OUTSIDE_KEY);
    listeners.forEach(listener => listener(null));
}

export function setUser(user) {
    me = user;
    listeners.forEach(listener => listener(me));
}

export function user() {
    return me;
}

export function isAdmin() {
    return Boolean(me && me.roles && me.roles.includes('ADMIN'));
}

export function onUserChange(listener) {
    listeners.add(listener);
}
