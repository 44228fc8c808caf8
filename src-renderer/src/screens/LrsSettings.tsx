// Settings' `Learning record store` section: where results go when the
// organisation collects them over xAPI. The secret is typed here and sent to
// main once; main never sends it back, so the field stays empty after saving
// and an empty field keeps the saved secret.
import { useEffect, useId, useState } from 'react';
import type { LrsStatus } from '../../../src-main/contract/api';
import { getApi } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { errorMessage } from '../lib/errors';
import { useStore } from '../store';

export function LrsSettings() {
  const id = useId();
  const settings = useStore((s) => s.settings);
  const save = useStore((s) => s.saveSettings);
  const [status, setStatus] = useState<LrsStatus | null>(null);
  const [endpoint, setEndpoint] = useState('');
  const [key, setKey] = useState('');
  const [secret, setSecret] = useState('');
  const [baseIri, setBaseIri] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const refresh = async () => {
    try {
      const next = await getApi().call('lrs.status');
      setStatus(next);
      return next;
    } catch (failure) {
      setError(errorMessage(failure));
      return null;
    }
  };

  useEffect(() => {
    void refresh().then((first) => {
      if (first) {
        setEndpoint(first.endpoint);
        setBaseIri(first.baseIri);
      }
    });
    // While this screen is open, the waiting count follows the sender.
    const timer = setInterval(() => void refresh(), 5000);
    return () => clearInterval(timer);
  }, []);

  const run = async (what: () => Promise<void>) => {
    setError(null);
    setNote('');
    setBusy(true);
    try {
      await what();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const saveCredentials = () =>
    run(async () => {
      const next = await getApi().call('lrs.save', {
        endpoint,
        key,
        ...(secret ? { secret } : {}),
        baseIri,
      });
      setStatus(next);
      setSecret('');
      setKey('');
      setNote('Saved.');
    });

  const test = () =>
    run(async () => {
      const answer = await getApi().call('lrs.test');
      setNote(answer.message);
    });

  const sendNow = () =>
    run(async () => {
      setStatus(await getApi().call('lrs.sendNow'));
      setNote('Sent what the store would take.');
    });

  // The pick shows at once; once main answers, its stored value is the truth again.
  const [pickedSend, setPickedSend] = useState<boolean | null>(null);
  const toggle = async (on: boolean) => {
    setPickedSend(on);
    await save({ sendResults: on });
    setPickedSend(null);
    await refresh();
  };

  const configured = status !== null && status.endpoint !== '';
  return (
    <section className="panel" aria-labelledby={`${id}-lrs`}>
      <h2 id={`${id}-lrs`}>Learning record store</h2>
      <p className="hint">
        Your organisation&apos;s learning record store (xAPI) collects practice results: each
        session, drill attempt and finished track. Results wait safely on this computer until the
        store can be reached.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void saveCredentials();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-endpoint`}>Endpoint</label>
          <input
            id={`${id}-endpoint`}
            className="input"
            type="url"
            inputMode="url"
            placeholder="https://lrs.example.com/xapi/"
            value={endpoint}
            onChange={(event) => setEndpoint(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-key`}>Key</label>
          <input
            id={`${id}-key`}
            className="input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder={status?.keyHint ? `Saved (${status.keyHint})` : ''}
            aria-describedby={`${id}-key-hint`}
            value={key}
            onChange={(event) => setKey(event.target.value)}
          />
          <span id={`${id}-key-hint`} className="hint">
            {status?.keyHint
              ? 'A key is saved; type it again to change the endpoint, key or secret.'
              : 'The key and secret the store gave you (Basic auth).'}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-secret`}>Secret</label>
          <input
            id={`${id}-secret`}
            className="input"
            type="password"
            autoComplete="new-password"
            aria-describedby={`${id}-secret-hint`}
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
          />
          <span id={`${id}-secret-hint`} className="hint">
            {status?.hasSecret
              ? `A secret is saved (${status.secretKept === 'encrypted' ? 'encrypted with this computer’s keychain' : 'in a file only you can read'}); it is never shown. Leave this empty to keep it.`
              : 'Kept on this computer only, never shown again after saving.'}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-base`}>Activity base address</label>
          <input
            id={`${id}-base`}
            className="input"
            type="url"
            aria-describedby={`${id}-base-hint`}
            value={baseIri}
            onChange={(event) => setBaseIri(event.target.value)}
          />
          <span id={`${id}-base-hint`} className="hint">
            Every activity and learner account the store sees is named under this address.
          </span>
        </div>
        <div className="lrs-actions">
          <button type="submit" className="button" disabled={busy || !endpoint || !key}>
            Save
          </button>
          <button
            type="button"
            className="button"
            disabled={busy || !configured}
            onClick={() => void test()}
          >
            Test connection
          </button>
        </div>
      </form>

      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={pickedSend ?? settings?.sendResults ?? false}
            disabled={!settings}
            aria-describedby={`${id}-send-hint`}
            onChange={(event) => void toggle(event.target.checked)}
          />
          <span>Send results</span>
        </label>
        <span id={`${id}-send-hint`} className="hint">
          When on, each result from now on is queued here and sent when the store is reachable.
        </span>
      </div>

      {status && (
        <p className="hint" aria-live="polite">
          {status.waiting === 0
            ? 'Nothing waiting to be sent.'
            : `${status.waiting} statement${status.waiting === 1 ? '' : 's'} waiting to be sent.`}
          {status.setAside > 0 &&
            ` ${status.setAside} refused by the store and set aside (see the xapi folder in the data folder).`}
          {status.lastSentAt && ` Last sent ${new Date(status.lastSentAt).toLocaleString()}.`}
        </p>
      )}
      {status?.lastError && <p className="hint">Last problem: {status.lastError}</p>}
      {settings?.sendResults && configured && (status?.waiting ?? 0) > 0 && (
        <button type="button" className="button" disabled={busy} onClick={() => void sendNow()}>
          Send now
        </button>
      )}
      <p className="status-line" aria-live="polite">
        {note}
      </p>
      {error && <ErrorAlert message={error} />}
    </section>
  );
}
