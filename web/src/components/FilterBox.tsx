/** The filter language box: checks as you type (the same parser as the server) and points at errors. */
import { useState } from 'react';
import { FilterSyntaxError, parseFilter } from '../../../src/track/query/filter.js';

export function FilterBox({ value, serverError, onApply }: { value: string; serverError: { message: string; position?: number } | null; onApply: (filter: string) => void }) {
  const [text, setText] = useState(value);
  let local: FilterSyntaxError | null = null;
  try {
    parseFilter(text);
  } catch (err) {
    if (err instanceof FilterSyntaxError) local = err;
  }
  const shown = local ? { reason: local.reason, position: local.position } : serverError ? { reason: serverError.message, position: serverError.position } : null;
  return (
    <form className="filter" onSubmit={(e) => { e.preventDefault(); if (!local) onApply(text); }}>
      <input
        aria-label="filter"
        className={shown ? 'invalid' : ''}
        value={text}
        spellCheck={false}
        placeholder="metrics.accuracy > 0.9 AND (params.model = 'ridge' OR tags.team IN ('a', 'b'))"
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" disabled={local !== null}>Apply</button>
      {shown ? (
        <div className="filter-error" role="alert">
          <code>{text}</code>
          {shown.position !== undefined ? <code className="caret">{' '.repeat(shown.position)}^</code> : null}
          <span>{shown.position !== undefined ? `position ${shown.position + 1}: ` : ''}{shown.reason}</span>
        </div>
      ) : null}
    </form>
  );
}
