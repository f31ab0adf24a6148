import type { ContextPartnership } from '../layout/dashboard-context.graphql';
import { columnChoice, FIELD_LABELS, withColumnChoice } from './import-mapping';
import type { GqlDateOrder, GqlImportField, ImportMapping, ImportSession } from './imports.graphql';

interface MappingFormProps {
  readonly session: ImportSession;
  readonly partnership: ContextPartnership;
  readonly mapping: ImportMapping;
  readonly onChange: (mapping: ImportMapping) => void;
  readonly disabled: boolean;
}

const URGENCIES = [['IMMEDIATE', 'Immediate'], ['URGENT', 'Urgent'], ['STANDARD', 'Standard']] as const;
const RAISED_VIA = [['IN_PERSON', 'In person'], ['PHONE', 'Phone'], ['VIDEO', 'Video'], ['MEETING', 'Meeting'], ['EMAIL', 'Email'], ['LETTER', 'Letter']] as const;

/**
 * The mapping step: each of the file's columns beside its first values, with the field it
 * holds (suggested by name, or as last time); how its dates are written, stated rather
 * than guessed; and defaults for what the file leaves out.
 */
export function MappingForm({ session, partnership, mapping, onChange, disabled }: MappingFormProps) {
  const stages = partnership.activeProtocol?.stages ?? [];
  const fields = (Object.keys(FIELD_LABELS) as GqlImportField[]).filter((f) => f !== 'STAGE_ENTERED');
  return (
    <fieldset className="import-mapping" disabled={disabled}>
      <legend className="heading-m">Which column is which</legend>
      <div className="table-wrapper">
      <table className="table table--data import-mapping__columns">
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">First values</th>
            <th scope="col">Holds</th>
          </tr>
        </thead>
        <tbody>
          {session.headers.map((header, index) => (
            <tr key={header}>
              <th scope="row">{header}</th>
              <td>{session.sampleRows.map((row) => row[index] ?? '').filter(Boolean).slice(0, 3).join(' · ')}</td>
              <td>
                <select className="select" aria-label={`What "${header}" holds`} value={columnChoice(mapping, header)} onChange={(e) => onChange(withColumnChoice(mapping, header, e.target.value))}>
                  <option value="">Not imported</option>
                  {fields.map((field) => <option key={field} value={field}>{FIELD_LABELS[field]}</option>)}
                  {stages.map((stage) => <option key={stage.code} value={`STAGE_ENTERED:${stage.code}`}>Date stage {stage.code} ({stage.name}) was reached</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>

      <fieldset className="import-mapping__group">
        <legend className="heading-s">How the file writes dates</legend>
        {(['DAY_FIRST', 'MONTH_FIRST'] as GqlDateOrder[]).map((order) => (
          <label key={order} className="checkbox">
            <input className="checkbox__input" type="radio" name="date-order" checked={mapping.dateOrder === order} onChange={() => onChange({ ...mapping, dateOrder: order })} />
            <span className="checkbox__label">{order === 'DAY_FIRST' ? 'Day first, as in the UK: 24/02/2025' : 'Month first, as in the US: 02/24/2025'}</span>
          </label>
        ))}
        <label className="checkbox">
          <input className="checkbox__input" type="checkbox" checked={mapping.excelSerialDates} onChange={(e) => onChange({ ...mapping, excelSerialDates: e.target.checked })} />
          <span className="checkbox__label">Numbers such as 45712 in date columns are Excel dates</span>
        </label>
        <label className="import-mapping__field">
          <span className="label">Time given to dates written without one (UK time)</span>
          <input className="input import-mapping__time" type="time" value={mapping.dateOnlyTime} onChange={(e) => onChange({ ...mapping, dateOnlyTime: e.target.value })} />
        </label>
      </fieldset>

      <fieldset className="import-mapping__group">
        <legend className="heading-s">For rows that leave them out</legend>
        <label className="import-mapping__field">
          <span className="label">Urgency</span>
          <select className="select" value={mapping.defaultUrgency ?? ''} onChange={(e) => onChange({ ...mapping, defaultUrgency: (e.target.value || null) as ImportMapping['defaultUrgency'] })}>
            <option value="">No default: the row is a problem</option>
            {URGENCIES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <label className="import-mapping__field">
          <span className="label">How it was raised</span>
          <select className="select" value={mapping.defaultRaisedVia ?? ''} onChange={(e) => onChange({ ...mapping, defaultRaisedVia: (e.target.value || null) as ImportMapping['defaultRaisedVia'] })}>
            <option value="">No default: the row is a problem</option>
            {RAISED_VIA.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
      </fieldset>
    </fieldset>
  );
}
