import type { ErrorLike } from '@apollo/client';
import { useState } from 'react';

/**
 * The life of one form's change: `run` clears the last outcome, sends the change, reloads
 * what the page shows, and says it was saved, or keeps the refusal to show beside the form.
 */
export function useChange(onSaved: () => Promise<unknown>) {
  const [error, setError] = useState<ErrorLike | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  const run = async (send: () => Promise<unknown>, message: string): Promise<boolean> => {
    setError(undefined);
    setSaved(null);
    try {
      await send();
      await onSaved();
      setSaved(message);
      return true;
    } catch (caught) {
      setError(caught as ErrorLike);
      return false;
    }
  };
  return { error, saved, run };
}
