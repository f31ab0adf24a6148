import type { ApolloCache } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { formatDate } from '../../lib/format';
import { ROLE_LABELS } from '../layout/pages';
import { useDashboardContext } from '../layout/use-dashboard-context';
import { CONTACT_CANDIDATES, NAME_CONTACT, UNNAME_CONTACT, type NamedPerson } from './reminders.graphql';
import './reminders.css';

interface NamedPeopleProps {
  readonly escalationId: string;
  /** As the escalation's own query read them; kept current by the changes made here. */
  readonly named: readonly NamedPerson[];
}

/** Puts the list a change answered with into the cached escalation, so the page shows it without asking again. */
function storeNamed(cache: ApolloCache, escalationId: string, named: readonly NamedPerson[] | undefined): void {
  if (!named) return;
  cache.modify({ id: cache.identify({ __typename: 'Escalation', id: escalationId }), fields: { namedPeople: () => named } });
}

/**
 * Who is named on the escalation: they see its deadlines among their reminders (and are
 * emailed about them). Business-unit staff add and remove people; others only read.
 */
export function NamedPeople({ escalationId, named }: NamedPeopleProps) {
  const { viewer } = useDashboardContext();
  const titleId = useId();
  const partnershipId = viewer.partnershipId ?? '';
  const edits = viewer.role === 'BUSINESS_UNIT';

  return (
    <section className="named-people" aria-labelledby={titleId}>
      <h2 className="heading-l" id={titleId}>
        People named
      </h2>
      <p className="muted">People named here see this escalation&apos;s deadlines in their reminders.</p>
      {named.length === 0 ? (
        <p>Nobody is named on this escalation.</p>
      ) : (
        <ul className="list named-people__list">
          {named.map((person) => (
            <li key={person.userId} className="named-people__person">
              <span>
                {person.displayName}
                {person.role && <span className="muted">, {ROLE_LABELS[person.role]}</span>}
                <span className="muted"> (named {formatDate(person.namedAt)})</span>
              </span>
              {edits && <RemoveButton person={person} partnershipId={partnershipId} escalationId={escalationId} />}
            </li>
          ))}
        </ul>
      )}
      {edits && <AddPerson partnershipId={partnershipId} escalationId={escalationId} named={named} />}
    </section>
  );
}

interface ChangeProps {
  readonly partnershipId: string;
  readonly escalationId: string;
}

function RemoveButton({ person, partnershipId, escalationId }: { readonly person: NamedPerson } & ChangeProps) {
  const [unname, { loading, error }] = useMutation(UNNAME_CONTACT, {
    update: (cache, { data }) => storeNamed(cache, escalationId, data?.unnameEscalationContact),
  });
  return (
    <>
      <button
        type="button"
        className="button button--secondary named-people__remove"
        disabled={loading}
        onClick={() => void unname({ variables: { input: { partnershipId, escalationId, userId: person.userId } } }).catch(() => undefined)}
      >
        Remove<span className="visually-hidden"> {person.displayName}</span>
      </button>
      {error && (
        <span className="named-people__error" role="alert">
          {error.message}
        </span>
      )}
    </>
  );
}

function AddPerson({ partnershipId, escalationId, named }: ChangeProps & { readonly named: readonly NamedPerson[] }) {
  const id = useId();
  const [userId, setUserId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const candidates = useQuery(CONTACT_CANDIDATES, { variables: { partnershipId }, skip: !partnershipId });
  const [name, { loading }] = useMutation(NAME_CONTACT, {
    update: (cache, { data }) => storeNamed(cache, escalationId, data?.nameEscalationContact),
  });
  const namedIds = new Set(named.map((person) => person.userId));
  const available = (candidates.data?.escalationContactCandidates ?? []).filter((person) => !namedIds.has(person.userId));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!userId) {
      setProblem('Choose a person to name.');
      return;
    }
    try {
      await name({ variables: { input: { partnershipId, escalationId, userId } } });
      setProblem(null);
      setUserId('');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  if (candidates.error) {
    return (
      <p className="named-people__error" role="alert">
        The people who can be named could not be loaded: {candidates.error.message}
      </p>
    );
  }
  return (
    <form className="named-people__add" onSubmit={(event) => void submit(event)} noValidate>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-person`}>
          Name a person on this escalation
        </label>
        {problem && (
          <p className="named-people__error" id={`${id}-problem`} role="alert">
            {problem}
          </p>
        )}
        <select
          id={`${id}-person`}
          className="select"
          value={userId}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => setUserId(event.target.value)}
          disabled={candidates.loading}
        >
          <option value="">{candidates.loading ? 'Loading…' : available.length === 0 ? 'Everyone is already named' : 'Choose a person'}</option>
          {available.map((person) => (
            <option key={person.userId} value={person.userId}>
              {person.displayName} ({ROLE_LABELS[person.role]})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={loading || available.length === 0}>
        Name this person
      </button>
    </form>
  );
}
