/** Sets and terms from the background, reloaded whenever the options page changes the glossary. */
import { useEffect, useState } from 'preact/hooks';
import type { SetSummary } from '../../utils/db/glossary-store';
import type { Term } from '../../utils/glossary/schema';
import { sendMessage } from '../../utils/messaging/protocol';

export function useSets(revision: number): SetSummary[] | undefined {
  const [sets, setSets] = useState<SetSummary[]>();
  useEffect(() => {
    let live = true;
    void sendMessage('listSets', undefined).then((s) => live && setSets(s));
    return () => {
      live = false;
    };
  }, [revision]);
  return sets;
}

export function useTerms(revision: number, setId?: string): Term[] | undefined {
  const [terms, setTerms] = useState<Term[]>();
  useEffect(() => {
    let live = true;
    void sendMessage('listTerms', setId ? { setId } : {}).then((t) => live && setTerms(t));
    return () => {
      live = false;
    };
  }, [revision, setId]);
  return terms;
}
