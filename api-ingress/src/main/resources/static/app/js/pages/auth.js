// Sign in and sign up.
import {api} from '../api.js';
import * as session from '../session.js';
import {busy, clear, field, h} from '../dom.js';
import {loadUser} from '../account.js';

export function renderAuth(view, mode) {
    const signup = mode === 'signup';
    const email = h('input', {type: 'email', name: 'email', required: true, autocomplete: 'email'});
    const password = h('input', {type: 'password', name: 'password', required: true, minLength: 8, maxLength: 128,
        autocomplete: signup ? 'new-password' : 'current-password'});
    const displayName = h('input', {type: 'text', name: 'displayName', maxLength: 100, autocomplete: 'name'});
    const inviteCode = h('input', {type: 'text', name: 'inviteCode', maxLength: 512, autocomplete: 'off',
        value: new URLSearchParams(location.hash.split('?')[1] || '').get('invite') || ''});
    const error = h('p.form-error', {role: 'alert'});
    const submit = h('button.primary', {type: 'submit'}, signup ? 'Create account' : 'Sign in');
    const form = h('form.auth-form', {
        onsubmit: event => {
            event.preventDefault();
            error.textContent = '';
            busy(submit, async () => {
                try {
                    if (signup) {
                        await api('/api/auth/register', {method: 'POST', auth: false, body: {email: email.value,
                            password: password.value, displayName: displayName.value || undefined,
                            inviteCode: inviteCode.value.trim() || undefined}});
                    }
                    session.store(await api('/api/auth/login', {method: 'POST', auth: false,
                        body: {email: email.value, password: password.value}}));
                    await loadUser();
                    location.hash = '#/chat';
                } catch (failure) {
                    error.textContent = failure.describe ? failure.describe() : failure.message;
                }
            });
        },
    },
    field('Email', email),
    signup ? field('Name (optional)', displayName) : null,
    field('Password', password, signup ? 'At least 8 characters.' : null),
    signup ? field('Invitation code (if you were given one)', inviteCode,
        'Needed when this server takes invited users only.') : null,
    error,
    submit);
    clear(view, h('section.auth', {'aria-labelledby': 'auth-title'},
        h('div.auth-card', {},
            h('div.auth-brand', {}, h('img', {src: '/app/icon.svg', alt: '', width: 40, height: 40}),
                h('span', {}, 'Parley')),
            h('h1#auth-title', {}, signup ? 'Create your account' : 'Sign in'),
            form,
            h('p.switch', {}, signup ? 'Already have an account? ' : 'New here? ',
                h('a', {href: signup ? '#/signin' : '#/signup'}, signup ? 'Sign in' : 'Create an account')))));
    email.focus();
}

/** A set-password link (#/set-password/<token>): choose a password, and be signed in. */
export function renderSetPassword(view, token) {
    const password = h('input', {type: 'password', name: 'password', required: true, minLength: 8, maxLength: 128,
        autocomplete: 'new-password'});
    const error = h('p.form-error', {role: 'alert'});
    const submit = h('button.primary', {type: 'submit'}, 'Set password');
    const form = h('form.auth-form', {
        onsubmit: event => {
            event.preventDefault();
            error.textContent = '';
            busy(submit, async () => {
                try {
                    session.store(await api('/api/auth/password-link', {method: 'POST', auth: false,
                        body: {token, password: password.value}}));
                    await loadUser();
                    location.hash = '#/chat';
                } catch (failure) {
                    error.textContent = failure.describe ? failure.describe() : failure.message;
                }
            });
        },
    }, field('New password', password, 'At least 8 characters.'), error, submit);
    clear(view, h('section.auth', {'aria-labelledby': 'auth-title'},
        h('div.auth-card', {},
            h('div.auth-brand', {}, h('img', {src: '/app/icon.svg', alt: '', width: 40, height: 40}),
                h('span', {}, 'Parley')),
            h('h1#auth-title', {}, 'Choose your password'),
            form,
            h('p.switch', {}, 'The link works once. ', h('a', {href: '#/signin'}, 'Sign in instead')))));
    password.focus();
}
