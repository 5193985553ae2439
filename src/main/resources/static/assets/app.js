// Starts GOV.UK Frontend's components (error summary focus, character counts, conditional reveals,
// exit this page). Everything works without it.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

initAll();
