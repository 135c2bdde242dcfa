/**
 * My terms: the user's own terms, added, edited and deleted here. The form
 * checks each field as you type in it (empty fields only once you try to
 * save) with the same rules the background applies when it saves, and shows
 * each message under its field. Not on blur: a message appearing on blur
 * moves the Save button away from a click that is already under way.
 */
import { cloneElement, type JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SetSummary } from '../../utils/db/glossary-store';
import { SUMMARY_MAX, type Term } from '../../utils/glossary/schema';
import { checkMyTerm, MY_TERMS_SET_ID, type FieldProblem, type MyTermField } from '../../utils/import/my-terms';
import { sendMessage } from '../../utils/messaging/protocol';
import { EMPTY_FORM, formOf, inputOf, type MyTermForm } from './my-term-form';
import { useTerms } from './use-glossary';

interface Props {
  revision: number;
  sets: SetSummary[] | undefined;
  onGlossaryChanged(): void;
  /** A name to start a new term with (the popup's "add it to your own terms"); the Name field gets focus. */
  initialName?: string;
}

type Touched = Partial<Record<MyTermField, boolean>>;

export function MyTermsSection({ revision, sets, onGlossaryChanged, initialName }: Props) {
  const allTerms = useTerms(revision);
  const mine = useMemo(() => (allTerms ?? []).filter((t) => t.sets.includes(MY_TERMS_SET_ID)), [allTerms]);
  const [form, setForm] = useState<MyTermForm>(() => (initialName ? { ...EMPTY_FORM, term: initialName } : EMPTY_FORM));
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (initialName) nameInput.current?.focus({ preventScroll: true });
  }, []);
  const [touched, setTouched] = useState<Touched>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverProblems, setServerProblems] = useState<FieldProblem[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const live = useMemo(() => {
    if (!allTerms || !sets) return [];
    const check = checkMyTerm(inputOf(form), { sets, terms: allTerms });
    return check.ok ? [] : check.problems;
  }, [form, allTerms, sets]);
  const shown = (field: MyTermField | 'form') => {
    const fromServer = serverProblems.filter((p) => p.field === field);
    if (fromServer.length) return fromServer;
    return live.filter((p) => p.field === field && (submitted || (field !== 'form' && touched[field])));
  };

  const set = <K extends keyof MyTermForm>(key: K, value: MyTermForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setTouched((t) => ({ ...t, [key]: true }));
    setServerProblems([]);
  };
  const reset = () => {
    setForm(EMPTY_FORM);
    setTouched({});
    setSubmitted(false);
    setServerProblems([]);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setSubmitted(true);
    if (live.length) return;
    setBusy(true);
    try {
      const result = await sendMessage('saveMyTerm', inputOf(form));
      if (result.ok) {
        setStatus(form.id ? `Saved “${result.term.term}”.` : `Added “${result.term.term}” to My terms.`);
        reset();
        onGlossaryChanged();
      } else setServerProblems(result.problems);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string, name: string) => {
    if (await sendMessage('deleteMyTerm', id)) {
      setStatus(`Deleted “${name}”.`);
      if (form.id === id) reset();
      onGlossaryChanged();
    }
  };
  const nameOf = (id: string) => allTerms?.find((t) => t.id === id)?.term ?? id;
  const edit = (term: Term) => {
    reset();
    setForm(formOf(term, nameOf));
  };

  const field = (name: MyTermField, label: string, control: JSX.Element, hint?: string) => {
    const problems = shown(name);
    const describedBy = [hint ? `my-${name}-hint` : '', problems.length ? `my-${name}-error` : ''].filter(Boolean).join(' ');
    return (
      <div class="field">
        <label for={`my-${name}`}>{label}</label>
        {cloneElement(control, {
          id: `my-${name}`,
          'aria-invalid': problems.length ? true : undefined,
          'aria-describedby': describedBy || undefined,
        })}
        {hint && (
          <p id={`my-${name}-hint`} class="hint">
            {hint}
          </p>
        )}
        {problems.length > 0 && (
          <p id={`my-${name}-error`} class="field-error">
            {problems.map((p) => p.message).join(' ')}
          </p>
        )}
      </div>
    );
  };

  return (
    <section class="options-section" id="my-terms" aria-labelledby="my-terms-heading">
      <h2 id="my-terms-heading">My terms</h2>
      <p class="muted">Your own terms are highlighted like the others and stay when Termlight or a feed updates.</p>
      {mine.length > 0 && (
        <ul class="my-term-list" aria-label="Your terms">
          {mine.map((t) => (
            <li key={t.id}>
              <div>
                <strong>{t.term}</strong> <span class="muted">{t.summary}</span>
              </div>
              <div class="row">
                <button type="button" class="link-button" onClick={() => edit(t)} aria-label={`Edit ${t.term}`}>
                  Edit
                </button>
                <button type="button" class="link-button danger" onClick={() => void remove(t.id, t.term)} aria-label={`Delete ${t.term}`}>
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form class="my-term-form" onSubmit={save} noValidate aria-label={form.id ? `Edit ${form.term}` : 'Add a term'}>
        <h3>{form.id ? 'Edit term' : 'Add a term'}</h3>
        {field('term', 'Name', <input ref={nameInput} type="text" value={form.term} onInput={(e) => set('term', e.currentTarget.value)} />)}
        {field(
          'summary',
          `Definition (what the tooltip shows, up to ${SUMMARY_MAX} characters)`,
          <textarea rows={3} value={form.summary} onInput={(e) => set('summary', e.currentTarget.value)} />,
          `${form.summary.trim().length} / ${SUMMARY_MAX}`,
        )}
        {field(
          'aliases',
          'Other names',
          <textarea rows={2} value={form.aliases} onInput={(e) => set('aliases', e.currentTarget.value)} />,
          'One per line. Plurals and hyphen or space variants are matched without listing them.',
        )}
        {field(
          'abbreviations',
          'Abbreviations',
          <input type="text" value={form.abbreviations} onInput={(e) => set('abbreviations', e.currentTarget.value)} />,
          'Separated by commas; matched with their exact capitals (OI, IV).',
        )}
        {field('body', 'Longer explanation (optional)', <textarea rows={4} value={form.body} onInput={(e) => set('body', e.currentTarget.value)} />)}
        {field(
          'related',
          'Related terms (optional)',
          <input type="text" value={form.related} onInput={(e) => set('related', e.currentTarget.value)} />,
          'Names of terms in your glossary, separated by commas.',
        )}
        <label class="choice">
          <input type="checkbox" checked={form.ambiguous} onChange={(e) => set('ambiguous', e.currentTarget.checked)} /> It is also an
          everyday word (highlight only when “everyday words” is on)
        </label>
        {shown('form').map((p) => (
          <p key={p.message} class="field-error" role="alert">
            {p.message}
          </p>
        ))}
        <div class="row">
          <button type="submit" class="primary" disabled={busy}>
            {form.id ? 'Save changes' : 'Add term'}
          </button>
          {(form.id || form.term || form.summary) && (
            <button type="button" onClick={reset}>
              Cancel
            </button>
          )}
        </div>
      </form>
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}
