// Autosave of a member's score sheet (Evaluation/Pages/Sheet). The form keeps working without this file: the
// "下書きを保存" button posts the same fields. Here the form is posted to its Autosave handler 1.5 s after the last
// change and when the page is left. Cells are independent: the server writes only the cells that differ from the
// version the page sent (the same cell's later write wins). The reply carries the new version and the cells another
// tab saved meanwhile; those are shown here (unless typed into since), so the next save's version matches the page.
(() => {
    'use strict';
    // A submitted sheet renders the attribute empty (and does not load this file).
    const form = document.querySelector('form[data-autosave-url]:not([data-autosave-url=""])');
    if (!form) return;

    const delayMs = 1500;
    const status = document.getElementById('autosave-status');
    const version = form.querySelector('input[name="Version"]');
    let timer = null;
    let dirty = false;
    // Inputs changed since the last request was sent: a newer value from the server must not replace them.
    let touched = new Set();
    let stopped = false;
    let queue = Promise.resolve();

    function setStatus(text, isError) {
        if (!status) return;
        status.textContent = text;
        status.classList.toggle('field-error', Boolean(isError));
        status.classList.toggle('muted', !isError);
    }

    function clearErrors() {
        for (const e of form.querySelectorAll('.field-error[data-valmsg-for]')) e.remove();
        for (const e of form.querySelectorAll('[aria-invalid="true"]')) e.removeAttribute('aria-invalid');
    }

    function showErrors(errors) {
        clearErrors();
        for (const [key, message] of Object.entries(errors || {})) {
            const input = document.getElementById(key);
            const span = document.createElement('span');
            span.className = 'field-error';
            span.dataset.valmsgFor = key;
            span.textContent = message;
            if (input) {
                input.setAttribute('aria-invalid', 'true');
                input.parentElement.appendChild(span);
            } else if (status) {
                status.before(span);
            }
        }
    }

    function showStale(message) {
        stopped = true;
        setStatus(message + ' ', true);
        const link = document.createElement('a');
        link.href = form.dataset.reloadUrl;
        link.textContent = form.dataset.reloadText;
        status.appendChild(link);
    }

    async function save(keepalive) {
        clearTimeout(timer);
        timer = null;
        if (!dirty || stopped) return;
        dirty = false;
        touched = new Set();
        let response;
        try {
            response = await fetch(form.dataset.autosaveUrl, {
                method: 'POST',
                body: new FormData(form), // carries __RequestVerificationToken and Version
                credentials: 'same-origin',
                headers: { Accept: 'application/json' },
                keepalive,
            });
        } catch {
            dirty = true;
            setStatus(form.dataset.failedText, true);
            return;
        }
        let body = {};
        try { body = await response.json(); } catch { body = {}; }
        if (response.ok && body.saved) {
            if (version) version.value = body.version;
            for (const [id, text] of Object.entries(body.cells || {})) {
                const input = document.getElementById(id);
                if (input && !touched.has(id)) input.value = text;
            }
            clearErrors();
            setStatus(form.dataset.savedText.replace('{0}', body.at), false);
        } else if (response.status === 409) {
            showStale(body.message || '');
        } else if (response.status === 422) {
            showErrors(body.errors);
            setStatus(form.dataset.invalidText, true);
        } else {
            dirty = true;
            setStatus(form.dataset.failedText, true);
        }
    }

    // One save at a time, so each one sends the version the previous one returned.
    function enqueue(keepalive) {
        queue = queue.then(() => save(keepalive));
        return queue;
    }

    function changed(event) {
        if (event && event.target && event.target.id) touched.add(event.target.id);
        dirty = true;
        clearTimeout(timer);
        timer = setTimeout(() => enqueue(false), delayMs);
    }

    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    // The buttons post the same fields themselves; an autosave racing them would only add noise.
    form.addEventListener('submit', () => {
        clearTimeout(timer);
        dirty = false;
    });

    // Leaving the page (or hiding the tab) saves at once; keepalive lets the request outlive the page.
    function leave() {
        if (dirty) enqueue(true);
    }
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') leave();
    });
})();
