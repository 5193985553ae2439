// Moves progress bars without reloading the page (the page has a refresh link without JavaScript).
export function followProgress(root = document) {
  root.querySelectorAll('[data-progress-url]').forEach((box) => {
    const url = box.getAttribute('data-progress-url');
    const bar = box.querySelector('progress');
    const update = async () => {
      try {
        const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (!response.ok) return;
        const progress = await response.json();
        bar.value = progress.percent;
        for (const field of ['done', 'total', 'percent', 'pending', 'failed']) {
          const span = box.querySelector(`[data-progress="${field}"]`);
          if (span) span.textContent = progress[field];
        }
        if (progress.pending > 0 || progress.running) setTimeout(update, 2000);
      } catch (e) {
        // the refresh link still works
      }
    };
    setTimeout(update, 2000);
  });
}
