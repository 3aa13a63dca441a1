// Projects (agents) and their versioned prompts; a project's system prompt leads every conversation in it.
import {api} from '../api.js';
import {busy, clear, confirmAction, dialog, field, h, toast, when} from '../dom.js';

export async function renderProjects(view, projectId) {
    const list = h('ul.project-list', {'aria-label': 'Projects'});
    const detail = h('div.project-detail');
    clear(view, h('section.page', {'aria-labelledby': 'projects-title'},
        h('h1#projects-title', {}, 'Projects'),
        h('p.muted', {}, 'A project gives its conversations a system prompt. Every change of a prompt is kept as a '
            + 'version; conversations use the current one.'),
        h('div.split.wide-right', {}, h('div.panel', {}, newProjectForm(), list), detail)));
    const projects = (await api('/api/projects?size=100')).items;
    clear(list, projects.length ? projects.map(p => h('li', {className: p.id === projectId ? 'active' : ''},
        h('a', {href: `#/projects/${encodeURIComponent(p.id)}`, 'aria-current': p.id === projectId ? 'page' : null},
            p.name))) : h('li.empty', {}, 'No projects yet.'));
    const project = projects.find(p => p.id === projectId);
    if (project) {
        await drawProject(detail, project);
    } else {
        clear(detail, h('p.muted', {}, projects.length ? 'Choose a project.' : 'Create your first project.'));
    }
}

function newProjectForm() {
    const name = h('input', {name: 'name', required: true, maxLength: 200});
    const create = h('button.primary', {type: 'submit'}, 'Create project');
    return h('form.inline-form', {onsubmit: event => {
        event.preventDefault();
        busy(create, async () => {
            const project = await api('/api/projects', {method: 'POST', body: {name: name.value}});
            location.hash = `#/projects/${encodeURIComponent(project.id)}`;
        });
    }}, field('New project', name), create);
}

async function drawProject(detail, project) {
    const base = `/api/projects/${encodeURIComponent(project.id)}`;
    const prompts = (await api(`${base}/prompts?size=100`)).items;
    const redraw = async () => drawProject(detail, await api(base));
    clear(detail,
        h('div.panel', {},
            h('div.panel-head', {}, h('h2', {}, project.name),
                h('button', {type: 'button', onclick: async event => {
                    const conversation = await busy(event.currentTarget, () => api('/api/conversations',
                        {method: 'POST', body: {title: `${project.name} chat`, projectId: project.id}}));
                    if (conversation) {
                        location.hash = `#/chat/${encodeURIComponent(conversation.id)}`;
                    }
                }}, 'New chat in this project'),
                h('button.danger', {type: 'button', onclick: async event => {
                    if (await confirmAction('Delete project', `Delete “${project.name}” and its prompts?`)) {
                        await busy(event.currentTarget, () => api(base, {method: 'DELETE'}));
                        location.hash = '#/projects';
                    }
                }}, 'Delete')),
            project.description ? h('p', {}, project.description) : null),
        h('div.panel', {}, h('h3', {}, 'Prompts'),
            prompts.length ? prompts.map(prompt => promptCard(base, project, prompt, redraw))
                : h('p.muted', {}, 'No prompts yet.'),
            newPromptForm(base, redraw)));
}

function promptCard(base, project, prompt, redraw) {
    const path = `${base}/prompts/${encodeURIComponent(prompt.id)}`;
    const isSystem = project.systemPromptId === prompt.id;
    return h('article.prompt', {},
        h('header', {}, h('strong', {}, prompt.name), h('span.muted', {}, ` v${prompt.currentVersion}`),
            isSystem ? h('span.badge', {}, 'system prompt') : null),
        h('pre.prompt-text', {}, prompt.content),
        h('div.actions', {},
            isSystem ? null : h('button', {type: 'button', onclick: event => busy(event.currentTarget, async () => {
                await api(`${base}/system-prompt`, {method: 'PUT', body: {promptId: prompt.id}});
                toast(`“${prompt.name}” is now the system prompt`);
                await redraw();
            })}, 'Use as system prompt'),
            h('button', {type: 'button', onclick: async event => {
                const content = h('textarea', {name: 'content', value: prompt.content, rows: 8, required: true});
                const values = await dialog(`Edit “${prompt.name}”`, [field('Content (saved as a new version)',
                    content)], 'Save version');
                if (values) {
                    await busy(event.currentTarget, () => api(path, {method: 'PATCH', body: {content: values.content}}));
                    await redraw();
                }
            }}, 'Edit'),
            h('button', {type: 'button', onclick: event => busy(event.currentTarget, async () => {
                const versions = await api(`${path}/versions`);
                await dialog(`Versions of “${prompt.name}”`, versions.map(v => h('details', {},
                    h('summary', {}, `v${v.version} · ${when(v.createdAt)}`), h('pre.prompt-text', {}, v.content))),
                'Close');
            })}, 'Versions'),
            h('button.danger', {type: 'button', onclick: async event => {
                if (await confirmAction('Delete prompt', `Delete “${prompt.name}”?`)) {
                    await busy(event.currentTarget, () => api(path, {method: 'DELETE'}));
                    await redraw();
                }
            }}, 'Delete')));
}

function newPromptForm(base, redraw) {
    const name = h('input', {name: 'name', required: true, maxLength: 200});
    const content = h('textarea', {name: 'content', required: true, rows: 4});
    const create = h('button.primary', {type: 'submit'}, 'Add prompt');
    return h('form.stack-form', {onsubmit: event => {
        event.preventDefault();
        busy(create, async () => {
            await api(`${base}/prompts`, {method: 'POST', body: {name: name.value, content: content.value}});
            await redraw();
        });
    }}, h('h4', {}, 'New prompt'), field('Name', name), field('Content', content), create);
}
