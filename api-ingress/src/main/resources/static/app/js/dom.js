// Small DOM helpers: elements are built with h(), never from HTML strings (Markdown is the one exception, and
// it is sanitised in markdown.js).

/** h('button.primary', {type: 'submit', onclick}, 'Send'): tag with optional .classes and #id, props, children. */
export function h(spec, props = {}, ...children) {
    const [tagAndId, ...classes] = spec.split('.');
    const [tag, id] = tagAndId.split('#');
    const element = document.createElement(tag || 'div');
    if (id) {
        element.id = id;
    }
    classes.filter(Boolean).forEach(c => element.classList.add(c));
    Object.entries(props || {}).forEach(([key, value]) => {
        if (value === undefined || value === null || value === false) {
            return;
        }
        if (key.startsWith('on') && typeof value === 'function') {
            element.addEventListener(key.slice(2), value);
        } else if (key === 'dataset') {
            Object.assign(element.dataset, value);
        } else if (key in element && !key.startsWith('aria') && key !== 'list' && key !== 'form') {
            element[key] = value;
        } else {
            element.setAttribute(key, value === true ? '' : value);
        }
    });
    append(element, children);
    return element;
}

function append(element, children) {
    children.flat(Infinity).forEach(child => {
        if (child === null || child === undefined || child === false) {
            return;
        }
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    });
}

export function clear(element, ...children) {
    element.replaceChildren();
    append(element, children);
    return element;
}

let toastId = 0;

/** A short message in the live region; errors stay until dismissed. */
export function toast(message, kind = 'info') {
    const region = document.getElementById('toasts');
    const id = `toast-${++toastId}`;
    const item = h(`div.toast.${kind}`, {id, role: kind === 'error' ? 'alert' : 'status'},
        h('span', {}, message),
        h('button.icon', {type: 'button', 'aria-label': 'Dismiss', onclick: () => item.remove()}, '×'));
    region.append(item);
    if (kind !== 'error') {
        setTimeout(() => item.remove(), 5000);
    }
}

/** Runs {@code action} for a button, disabling it meanwhile and reporting failures. */
export async function busy(button, action) {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
        return await action();
    } catch (error) {
        toast(error.describe ? error.describe() : error.message, 'error');
        return undefined;
    } finally {
        button.disabled = false;
        button.removeAttribute('aria-busy');
    }
}

export function field(label, input, hint) {
    const id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
    input.id = id;
    return h('div.field', {},
        h('label', {htmlFor: id}, label),
        input,
        hint ? h('small.hint', {}, hint) : null);
}

const numberFormat = new Intl.NumberFormat();
export const num = value => (value === null || value === undefined ? '–' : numberFormat.format(value));

export function when(instant) {
    if (!instant) {
        return '–';
    }
    return new Date(instant).toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'short'});
}

export function isoDate(date) {
    return date.toISOString().slice(0, 10);
}

export function daysAgo(days) {
    const date = new Date();
    date.setUTCDate(date.getUTCDate() - days);
    return date;
}

/** A modal dialog (native <dialog>, which traps focus and closes on Escape); resolves with the form's values. */
export function dialog(title, fields, submitLabel = 'OK') {
    return new Promise(resolve => {
        const form = h('form', {method: 'dialog'},
            h('h2', {}, title),
            fields,
            h('div.actions', {},
                h('button', {type: 'button', value: 'cancel', onclick: () => modal.close('cancel')}, 'Cancel'),
                h('button.primary', {type: 'submit', value: 'ok'}, submitLabel)));
        const modal = h('dialog', {'aria-label': title}, form);
        modal.addEventListener('close', () => {
            const values = modal.returnValue === 'ok' ? Object.fromEntries(new FormData(form)) : null;
            modal.remove();
            resolve(values);
        });
        form.addEventListener('submit', event => {
            event.preventDefault();
            if (form.reportValidity()) {
                modal.close('ok');
            }
        });
        document.body.append(modal);
        modal.showModal();
    });
}

export async function confirmAction(title, text, label = 'Delete') {
    return (await dialog(title, [h('p', {}, text)], label)) !== null;
}
