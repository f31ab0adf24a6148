import { columnChoice, mappingInput, withColumnChoice, withValueMapping } from './import-mapping';
import type { ImportMapping } from './imports.graphql';

const MAPPING: ImportMapping = {
  columns: [
    { header: 'Ref', field: 'REFERENCE', stageCode: null },
    { header: 'Stage 2', field: 'STAGE_ENTERED', stageCode: '2' },
  ],
  dateOrder: null,
  excelSerialDates: true,
  dateOnlyTime: '09:00',
  defaultUrgency: null,
  defaultRaisedVia: null,
  values: [],
};

describe('the import mapping form', () => {
  it('shows and changes what a column holds, moving a field from the column that held it', () => {
    expect(columnChoice(MAPPING, 'Stage 2')).toBe('STAGE_ENTERED:2');
    const moved = withColumnChoice(MAPPING, 'Case', 'REFERENCE');
    expect(moved.columns).toEqual([
      { header: 'Stage 2', field: 'STAGE_ENTERED', stageCode: '2' },
      { header: 'Case', field: 'REFERENCE', stageCode: null },
    ]);
    expect(withColumnChoice(MAPPING, 'Ref', '').columns.map((c) => c.header)).toEqual(['Stage 2']);
  });

  it('keeps one meaning per spelling, and forgets it when cleared', () => {
    const mapped = withValueMapping(withValueMapping(MAPPING, { kind: 'AGENCY', from: 'CSC', to: '1' }), { kind: 'AGENCY', from: 'CSC', to: '2' });
    expect(mapped.values).toEqual([{ kind: 'AGENCY', from: 'CSC', to: '2' }]);
    expect(withValueMapping(mapped, { kind: 'AGENCY', from: 'CSC', to: '' }).values).toEqual([]);
  });

  it('will not send a mapping until the date order is stated', () => {
    expect(mappingInput(MAPPING)).toEqual({ ok: false, reason: expect.stringMatching(/day first/) });
    expect(mappingInput({ ...MAPPING, dateOrder: 'DAY_FIRST' }).ok).toBe(true);
  });

  it('sends only the fields of the input type, leaving out the __typename of a mapping the API sent', () => {
    const fromApi = { __typename: 'ImportMappingModel', ...MAPPING, dateOrder: 'DAY_FIRST', columns: [{ __typename: 'ImportColumnModel', ...MAPPING.columns[0]! }] } as unknown as ImportMapping;
    const sent = mappingInput(fromApi);
    expect(sent).toEqual({
      ok: true,
      input: {
        dateOrder: 'DAY_FIRST', excelSerialDates: true, dateOnlyTime: '09:00', defaultUrgency: null, defaultRaisedVia: null,
        columns: [{ header: 'Ref', field: 'REFERENCE', stageCode: null }], values: [],
      },
    });
  });
});
