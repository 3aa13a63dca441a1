// Who is signed in: loaded after sign-in and after a reload; the roles decide whether the admin link shows.
import {api} from './api.js';
import * as session from './session.js';

export async function loadUser() {
    const me = await api('/api/auth/me');
    session.setUser(me);
    document.getElementById('nav-admin').hidden = !session.isAdmin();
    return me;
}
