/** A dossier's progress in plain words, newest first. */
import { ACTION_LABELS } from '../../core/dossier/labels.ts';
import { PLAIN_ACTIONS } from '../../core/i18n/portal.ts';
import type { ActionName } from '../../core/dossier/actions.ts';
import type { TrackEntry } from '../api.ts';
import { useLang } from '../context.tsx';
import { fmtDateTime } from '../format.ts';

export function Timeline({ entries }: { entries: TrackEntry[] }) {
  const { lang } = useLang();
  const items = [...entries].reverse();
  return (
    <ol className="timeline">
      {items.map((e, i) => {
        const a = e.action as ActionName;
        const text = PLAIN_ACTIONS[a]?.[lang] ?? ACTION_LABELS[a]?.[lang] ?? e.label;
        return (
          <li key={`${e.at}-${i}`} className={i === 0 ? 'timeline-item current' : 'timeline-item'}>
            <span className="timeline-dot" aria-hidden="true" />
            <p className="timeline-text">{text}</p>
            <p className="timeline-at">
              <time dateTime={e.at}>{fmtDateTime(e.at, lang)}</time>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
