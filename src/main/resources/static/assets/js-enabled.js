// Lets GOV.UK Frontend's styles know that its scripts will run (kept out of the page: no inline script).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
