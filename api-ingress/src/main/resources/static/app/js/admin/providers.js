// The model catalog: providers and their models, prices and limits (whole credits per million tokens).
import {api} from '../api.js';
import {busy, clear, confirmAction, dialog, field, h, num, toast} from '../dom.js';

export async function renderProviders(body) {
    const providers = await api('/api/providers');
    const redraw = () => renderProviders(body);
    clear(body, h('div.toolbar', {}, h('button.primary', {type: 'button', onclick: () => addProvider(redraw)},
        'Add provider')),
    providers.map(provider => h('section.panel.provider', {'aria-label': provider.name},
        h('div.panel-head', {}, h('h2', {}, provider.name),
            h('span.badge', {}, provider.kind), provider.builtIn ? h('span.badge', {}, 'built in') : null,
            h('span', {className: `badge ${provider.usable ? 'ok' : 'off'}`}, provider.usable ? 'usable' : 'not usable'),
            provider.hasApiKey ? h('span.muted', {}, `key …${provider.apiKeyLast4}`) : null,
            h('button', {type: 'button', onclick: () => editModel(provider, null, redraw)}, 'Add model'),
            provider.builtIn ? null : h('button.danger', {type: 'button', onclick: async event => {
                if (await confirmAction('Delete provider', `Delete ${provider.name} and its models?`)) {
                    await busy(event.currentTarget, () => api(`/api/providers/${encodeURIComponent(provider.name)}`,
                        {method: 'DELETE'}));
                    await redraw();
                }
            }}, 'Delete')),
        provider.baseUrl ? h('p.muted', {}, provider.baseUrl) : null,
        h('div.table-wrap', {}, h('table', {},
            h('thead', {}, h('tr', {}, ['Model', 'Context', 'Max output', 'Input', 'Output', 'Cached', 'Enabled', '']
                .map(c => h('th', {scope: 'col'}, c)))),
            h('tbody', {}, provider.models.map(model => h('tr', {},
                h('th', {scope: 'row'}, model.id), h('td', {}, num(model.contextWindow)),
                h('td', {}, num(model.maxOutputTokens)), h('td', {}, num(model.prices.input)),
                h('td', {}, num(model.prices.output)), h('td', {}, num(model.prices.cachedInput)),
                h('td', {}, model.enabled ? 'yes' : 'no'),
                h('td', {}, h('button.link-button', {type: 'button', onclick: () => editModel(provider, model, redraw)},
                    'Edit'),
                h('button.link-button', {type: 'button', onclick: async event => {
                    if (await confirmAction('Remove model', `Remove ${model.id}?`)) {
                        await busy(event.currentTarget, () => api(modelPath(provider, model.id), {method: 'DELETE'}));
                        await redraw();
                    }
                }}, 'Remove'))))))))));
}

function modelPath(provider, id) {
    return `/api/providers/${encodeURIComponent(provider.name)}/models/${encodeURIComponent(id)}`;
}

function modelFields(model) {
    const number = (name, value, min = 0) => h('input', {type: 'number', name, min, required: true, value: value ?? ''});
    return [
        field('Model id', h('input', {name: 'id', required: true, value: model?.id || '', readOnly: Boolean(model)})),
        field('Display name', h('input', {name: 'displayName', value: model?.displayName || ''})),
        field('Context window (tokens)', number('contextWindow', model?.contextWindow ?? 8192, 2)),
        field('Max output tokens', number('maxOutputTokens', model?.maxOutputTokens ?? 1024, 1)),
        field('Input price (credits / 1M tokens)', number('input', model?.prices.input ?? 1000000)),
        field('Output price', number('output', model?.prices.output ?? 1000000)),
        field('Cached input price', number('cachedInput', model?.prices.cachedInput ?? 0)),
        h('label.check', {}, h('input', {type: 'checkbox', name: 'enabled', checked: model ? model.enabled : true}),
            ' Enabled'),
    ];
}

function modelBody(values) {
    return {id: values.id, displayName: values.displayName || undefined, contextWindow: Number(values.contextWindow),
        maxOutputTokens: Number(values.maxOutputTokens), enabled: values.enabled === 'on',
        prices: {input: Number(values.input), output: Number(values.output), cachedInput: Number(values.cachedInput)}};
}

async function editModel(provider, model, redraw) {
    const values = await dialog(model ? `Edit ${model.id}` : `Add a model to ${provider.name}`, modelFields(model),
        'Save');
    if (values) {
        try {
            await api(modelPath(provider, values.id), {method: 'PUT', body: modelBody(values)});
            toast('Model saved');
            await redraw();
        } catch (error) {
            toast(error.describe(), 'error');
        }
    }
}

async function addProvider(redraw) {
    const kind = h('select', {name: 'kind'}, ['openai-compatible', 'openai', 'anthropic', 'mock']
        .map(k => h('option', {value: k}, k)));
    const values = await dialog('Add provider', [
        field('Name', h('input', {name: 'name', required: true, pattern: '[a-z0-9][a-z0-9._-]{0,39}'}),
            'Lower case letters, digits, ".", "_" and "-".'),
        field('Kind', kind),
        field('Base URL', h('input', {name: 'baseUrl', type: 'url'}), 'Needed for openai-compatible.'),
        field('API key', h('input', {name: 'apiKey', type: 'password', autocomplete: 'off'}),
            'Kept encrypted; never shown again.'),
        h('h3', {}, 'First model'), ...modelFields(null)], 'Add');
    if (values) {
        try {
            await api('/api/providers', {method: 'POST', body: {name: values.name, kind: values.kind,
                baseUrl: values.baseUrl || undefined, apiKey: values.apiKey || undefined, models: [modelBody(values)]}});
            toast('Provider added');
            await redraw();
        } catch (error) {
            toast(error.describe(), 'error');
        }
    }
}
