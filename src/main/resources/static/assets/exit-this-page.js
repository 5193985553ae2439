// "Exit this page" (templates/components/exit-this-page): leaves for a neutral site at once, by the
// button, by the link after the skip link, or by pressing Shift three times. Before it leaves, it
// blanks the page and its title, empties every form field, and clears this site's storage; then it
// replaces the page's history entry, so Back does not return to it.
// Without JavaScript the button and the link are plain links to the same site.
// GOV.UK Frontend's own ExitThisPage is not started (the markup does not name its module): it neither
// clears the page nor replaces the history entry.

const PRESSES_TO_EXIT = 3;
// Shift presses count towards an exit while each follows the last within this time.
const PRESS_WINDOW_MS = 5000;

/** Empties every field, including what the server put back into a form it showed again. */
function clearFields(root) {
  root.querySelectorAll('form').forEach((form) => form.reset());
  root.querySelectorAll('input, textarea, select').forEach((field) => {
    if (field instanceof HTMLSelectElement) {
      Array.from(field.options).forEach((option) => {
        option.selected = false;
        option.defaultSelected = false;
      });
      field.selectedIndex = -1;
    } else if (field.type === 'checkbox' || field.type === 'radio') {
      field.checked = false;
      field.defaultChecked = false;
    } else if (!['submit', 'button', 'reset', 'image'].includes(field.type)) {
      field.value = '';
      field.defaultValue = '';
    }
  });
}

function clearStorage() {
  for (const name of ['sessionStorage', 'localStorage']) {
    try {
      window[name].clear();
    } catch (e) {
      // storage switched off or not allowed: nothing was stored there
    }
  }
}

class ExitThisPage {
  constructor(root) {
    this.root = root;
    this.button = root.querySelector('.app-js-exit-this-page');
    this.exitUrl = this.button.href;
    this.presses = 0;
    this.pressTimer = null;
    this.messageTimer = null;
    this.shiftWithOtherKeys = false;
    this.exiting = false;

    this.status = document.createElement('span');
    this.status.className = 'govuk-visually-hidden';
    this.status.setAttribute('role', 'status');
    root.appendChild(this.status);

    this.indicator = document.createElement('div');
    this.indicator.className = 'govuk-exit-this-page__indicator';
    this.indicator.setAttribute('aria-hidden', 'true');
    for (let i = 0; i < PRESSES_TO_EXIT; i += 1) {
      const light = document.createElement('div');
      light.className = 'govuk-exit-this-page__indicator-light';
      this.indicator.appendChild(light);
    }
    this.button.appendChild(this.indicator);

    document.querySelectorAll('.app-js-exit-this-page').forEach((link) => {
      link.addEventListener('click', (event) => {
        event.preventDefault();
        this.exit();
      });
    });
    document.addEventListener('keydown', (event) => this.keyDown(event), true);
    document.addEventListener('keyup', (event) => this.keyUp(event), true);
    // Coming back to a page kept in the browser's back-forward cache: start counting afresh.
    window.addEventListener('pageshow', () => this.resetPresses(false));
  }

  message(name) {
    return this.root.getAttribute(`data-i18n-${name}`) || '';
  }

  keyDown(event) {
    if (event.key === 'Shift') {
      if (event.ctrlKey || event.altKey || event.metaKey) {
        this.shiftWithOtherKeys = true;
      }
      return;
    }
    // Any other key: Shift was used to type (a capital letter, Shift+Tab), and a sequence is broken.
    if (event.shiftKey) {
      this.shiftWithOtherKeys = true;
    }
    if (this.presses > 0) {
      this.resetPresses(true);
    }
  }

  keyUp(event) {
    if (event.key !== 'Shift') {
      return;
    }
    if (this.shiftWithOtherKeys || event.ctrlKey || event.altKey || event.metaKey) {
      this.shiftWithOtherKeys = false;
      return;
    }
    this.presses += 1;
    this.showPresses();
    window.clearTimeout(this.pressTimer);
    window.clearTimeout(this.messageTimer);
    if (this.presses >= PRESSES_TO_EXIT) {
      this.exit();
      return;
    }
    this.status.textContent = this.message(this.presses === 1 ? 'press-two-more-times' : 'press-one-more-time');
    this.pressTimer = window.setTimeout(() => this.resetPresses(true), PRESS_WINDOW_MS);
  }

  resetPresses(announce) {
    window.clearTimeout(this.pressTimer);
    window.clearTimeout(this.messageTimer);
    const hadPresses = this.presses > 0;
    this.presses = 0;
    this.shiftWithOtherKeys = false;
    this.showPresses();
    this.status.textContent = announce && hadPresses ? this.message('timed-out') : '';
    if (this.status.textContent) {
      this.messageTimer = window.setTimeout(() => {
        this.status.textContent = '';
      }, PRESS_WINDOW_MS);
    }
  }

  showPresses() {
    this.indicator.classList.toggle('govuk-exit-this-page__indicator--visible', this.presses > 0);
    this.indicator.querySelectorAll('.govuk-exit-this-page__indicator-light').forEach((light, index) => {
      light.classList.toggle('govuk-exit-this-page__indicator-light--on', index < this.presses);
    });
  }

  exit() {
    if (this.exiting) {
      return;
    }
    this.exiting = true;
    window.clearTimeout(this.pressTimer);
    window.clearTimeout(this.messageTimer);
    clearFields(document);
    clearStorage();
    document.title = '';
    const overlay = document.createElement('div');
    overlay.className = 'govuk-exit-this-page-overlay';
    overlay.setAttribute('role', 'alert');
    overlay.textContent = this.message('activated');
    document.body.replaceChildren(overlay);
    // The neutral site takes this page's place in the history: Back does not return here.
    window.location.replace(this.exitUrl);
  }
}

/** Starts "Exit this page" once per page; a page without the component is left alone. */
export function initExitThisPage(root = document) {
  const component = root.querySelector('[data-module="app-exit-this-page"]');
  if (!component || component.hasAttribute('data-app-exit-this-page-init')) {
    return null;
  }
  component.setAttribute('data-app-exit-this-page-init', '');
  return new ExitThisPage(component);
}

initExitThisPage();
