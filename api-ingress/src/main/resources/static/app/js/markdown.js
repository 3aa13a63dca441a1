// Answers are Markdown. marked renders it and DOMPurify sanitises the HTML before it touches the page; the
// page's Content-Security-Policy would stop a script that got through anyway.
import {marked} from '../vendor/marked.esm.js';
import DOMPurify from '../vendor/purify.es.js';

marked.setOptions({gfm: true, breaks: false});

DOMPurify.addHook('afterSanitizeAttributes', node => {
    if (node.tagName === 'A') {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
});

const SANITIZE = {USE_PROFILES: {html: true}, FORBID_TAGS: ['style', 'form', 'input', 'button', 'img'],
    FORBID_ATTR: ['style']};

/** Renders {@code text} into {@code element}, with a copy button on each code block. */
export function renderMarkdown(element, text) {
    element.innerHTML = DOMPurify.sanitize(marked.parse(text || ''), SANITIZE);
    element.querySelectorAll('pre').forEach(pre => {
        const copy = document.createElement('button');
        copy.type = 'button';
        copy.className = 'copy-code';
        copy.textContent = 'Copy';
        copy.setAttribute('aria-label', 'Copy code');
        copy.addEventListener('click', () => navigator.clipboard?.writeText((pre.querySelector('code') || pre).textContent));
        pre.append(copy);
    });
}
