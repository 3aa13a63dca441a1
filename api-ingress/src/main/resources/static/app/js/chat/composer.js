// The message box with the request settings: model (from /api/models), temperature and max tokens.
import {api} from '../api.js';
import {clear, field, h} from '../dom.js';

const SETTINGS_KEY = 'parley.chatSettings';

export class Composer {
    /** @param onSend(content, settings) @param onStop() */
    constructor({onSend, onStop, onModelChange}) {
        const saved = JSON.parse(sessionStorage.getItem(SETTINGS_KEY) || '{}');
        this.onSend = onSend;
        this.onStop = onStop;
        this.model = h('select', {name: 'model', onchange: () => onModelChange?.(this.model.value)});
        this.temperature = h('input', {type: 'number', name: 'temperature', min: 0, max: 2, step: 0.1,
            placeholder: 'default', value: saved.temperature ?? ''});
        this.maxTokens = h('input', {type: 'number', name: 'maxTokens', min: 1, step: 1, placeholder: 'default',
            value: saved.maxTokens ?? ''});
        this.input = h('textarea', {name: 'content', rows: 2, placeholder: 'Send a message (Enter sends, Shift+Enter '
            + 'adds a line)', 'aria-label': 'Message', required: true, onkeydown: event => this.key(event)});
        this.send = h('button.primary.send', {type: 'submit'}, 'Send');
        this.stop = h('button.danger.stop', {type: 'button', hidden: true, onclick: () => this.onStop()}, 'Stop');
        this.error = h('p.composer-error', {role: 'alert'});
        this.element = h('form.composer', {onsubmit: event => this.submit(event)},
            this.error,
            h('div.composer-row', {}, this.input, this.send, this.stop),
            h('details.settings', {},
                h('summary', {}, 'Model and settings'),
                h('div.settings-grid', {}, field('Model', this.model), field('Temperature (0–2)', this.temperature),
                    field('Max tokens', this.maxTokens))));
    }

    async loadModels(preferred) {
        const models = await api('/api/models');
        const chosen = models.find(m => m.id === preferred) || models.find(m => m.default) || models[0];
        clear(this.model, models.map(m => h('option', {value: m.id, selected: chosen && m.id === chosen.id},
            `${m.displayName || m.id} (${m.provider})${m.ownKey ? ' · own key' : ''}`)));
        this.models = models;
    }

    settings() {
        const settings = {model: this.model.value || undefined};
        if (this.temperature.value !== '') {
            settings.temperature = Number(this.temperature.value);
        }
        if (this.maxTokens.value !== '') {
            settings.maxTokens = Number(this.maxTokens.value);
        }
        sessionStorage.setItem(SETTINGS_KEY, JSON.stringify({temperature: settings.temperature,
            maxTokens: settings.maxTokens}));
        return settings;
    }

    key(event) {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            this.element.requestSubmit();
        }
    }

    async submit(event) {
        event.preventDefault();
        const content = this.input.value.trim();
        if (!content || this.send.disabled) {
            return;
        }
        this.showError('');
        this.send.disabled = true;
        try {
            if (await this.onSend(content, this.settings())) {
                this.input.value = '';
            }
        } finally {
            this.send.disabled = false;
        }
    }

    showError(message) {
        this.error.textContent = message;
    }

    /** While an answer streams: Stop instead of Send. */
    streaming(active) {
        this.send.hidden = active;
        this.stop.hidden = !active;
        if (!active) {
            this.input.focus();
        }
    }
}
