// Criteria wizard: show a row's 5段階 texts as soon as its scale is switched to 5段階.
// Without this file the page still works: the texts appear after the next button press.
document.addEventListener('change', (event) => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement) || !select.dataset.anchors) return;
    const row = document.getElementById(select.dataset.anchors);
    if (row) row.hidden = select.value !== 'FiveLevel';
});
