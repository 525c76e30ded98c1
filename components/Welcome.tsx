import { ShortcutList, Keys } from './Help';
import { usePickerShortcut } from './hooks/usePickerShortcut';

/** The puzzle piece browsers use for their Extensions button. */
function PuzzleIcon() {
  return (
    <svg class="inline-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path fill="currentColor" d="M10 3a2 2 0 0 1 4 0v2h4a1 1 0 0 1 1 1v4h-1.5a2 2 0 1 0 0 4H19v4a1 1 0 0 1-1 1h-4v-1.5a2 2 0 1 0-4 0V19H6a1 1 0 0 1-1-1v-4h1.5a2 2 0 1 0 0-4H5V6a1 1 0 0 1 1-1h4z" />
    </svg>
  );
}

function PinIcon() {
  return (
    <svg class="inline-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path fill="currentColor" d="M15 3l6 6-2 1-3 3 1 5-2 2-4-4-5 5-1-1 5-5-4-4 2-2 5 1 3-3z" />
    </svg>
  );
}

/**
 * The welcome page, opened once on install (issue 15 "first run"): what Goalpost does in one
 * sentence, how to pin its button, and the way to a first pick; the keyboard shortcuts.
 */
export function Welcome() {
  const shortcut = usePickerShortcut();
  const firefox = import.meta.env.BROWSER === 'firefox';
  return (
    <main class="welcome" data-testid="welcome">
      <header class="hero">
        <img src="/icon/128.png" width={96} height={96} alt="" />
        <div>
          <h1>Welcome to Goalpost</h1>
          <p class="lead" data-testid="welcome-lead">
            Click the buttons, links and forms on any web page whose clicks count as a success, and Goalpost turns them
            into goal metrics your analytics tool can count, without writing code.
          </p>
        </div>
      </header>

      <section aria-labelledby="start-heading">
        <h2 id="start-heading">Start in four steps</h2>
        <ol class="steps" data-testid="welcome-steps">
          <li data-testid="step-pin">
            <h3>Pin Goalpost’s button</h3>
            {firefox ? (
              <p>Click the Extensions button <PuzzleIcon /> right of the address bar, then the gear next to Goalpost, and choose <strong>Pin to Toolbar</strong>.</p>
            ) : (
              <p>Click the Extensions button <PuzzleIcon /> right of the address bar, then the pin <PinIcon /> next to Goalpost.</p>
            )}
          </li>
          <li data-testid="step-open">
            <h3>Open your page</h3>
            <p>Go to the page whose clicks you want to count: a product page, a landing page, a sign-up form.</p>
          </li>
          <li data-testid="step-button">
            <h3>Click Goalpost’s button there</h3>
            <p>
              Goalpost opens beside the page, in {firefox ? 'the sidebar' : 'the side panel'}. The click lets it read that page, and only that page.
            </p>
          </li>
          <li data-testid="step-pick">
            <h3>Pick what counts</h3>
            <p>
              Press <strong>Pick elements</strong>{shortcut ? <>, or <Keys keys={shortcut} /> on the page,</> : null} then click each element whose
              clicks count as a success. <Keys keys="Esc" /> stops.
              {!shortcut && <> To start picking from the keyboard, set a keyboard shortcut for Goalpost in the browser’s extension shortcuts (see below).</>}
            </p>
          </li>
        </ol>
      </section>

      <section aria-labelledby="then-heading">
        <h2 id="then-heading">Then</h2>
        <p>
          Group the elements into goal metrics (once per visitor, or every click) and export them to Google Tag Manager, Adobe Target,
          PostHog, a webhook, or Goalpost’s own JSON file.
        </p>
      </section>

      <section aria-labelledby="keys-heading" class="card-section">
        <h2 id="keys-heading">Keyboard shortcuts</h2>
        <ShortcutList />
        <p class="status">The panel lists these too: press <strong>?</strong> in its header.</p>
      </section>

      <p class="privacy">
        Goalpost reads only the pages you point it at, and nothing leaves your browser unless you press a button that says where it goes.
      </p>
    </main>
  );
}
