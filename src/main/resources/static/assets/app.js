// Starts GOV.UK Frontend's components (error summary focus, character counts, conditional reveals)
// and the progress bars. Everything works without it. "Exit this page" is our own script
// (exit-this-page.js), loaded separately so that it works even if this one fails.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';
import { followProgress } from '/assets/progress.js';

initAll();
followProgress();
