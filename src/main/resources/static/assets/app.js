// Starts GOV.UK Frontend's components (error summary focus, character counts, conditional reveals,
// exit this page) and the progress bars. Everything works without it.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';
import { followProgress } from '/assets/progress.js';

initAll();
followProgress();
