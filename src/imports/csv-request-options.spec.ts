import { DomainError } from '../common/errors/domain-error';
import { csvReadOptions, parseColumnMapping } from './csv-request-options';

function refusal(run: () => unknown): { field: string; reason: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.details[0];
    throw error;
  }
  throw new Error('accepted');
}

describe('csvReadOptions', () => {
  it('takes locale en or it, in any case, and nothing by default', () => {
    expect(csvReadOptions({}, 'csv')).toEqual({});
    expect(csvReadOptions({ locale: 'it' }, 'csv')).toEqual({ locale: 'it' });
    expect(csvReadOptions({ locale: 'EN' }, 'json')).toEqual({ locale: 'en' });
  });

  it('refuses an unknown or repeated locale, naming locale', () => {
    expect(refusal(() => csvReadOptions({ locale: 'de' }, 'csv'))).toMatchObject({
      field: 'locale',
      reason: 'must be one of en, it',
    });
    expect(refusal(() => csvReadOptions({ locale: ['it', 'en'] }, 'csv')).field).toBe('locale');
  });

  it('takes a column mapping for CSV only', () => {
    expect(csvReadOptions({ columns: 'Email:email,Nome:name' }, 'csv')).toEqual({
      columns: [
        ['Email', 'email'],
        ['Nome', 'name'],
      ],
    });
    expect(refusal(() => csvReadOptions({ columns: 'Email:email' }, 'ndjson')).field).toBe(
      'columns',
    );
  });
});

describe('parseColumnMapping', () => {
  it('splits on the last colon and trims', () => {
    expect(parseColumnMapping(' Ora: ordine:externalId , Totale:amount,')).toEqual([
      ['Ora: ordine', 'externalId'],
      ['Totale', 'amount'],
    ]);
  });

  it.each(['Email', 'Email:', ':email', '', 'A:x,A:y', 'A:x,B:x'])(
    'refuses %p naming columns',
    (text) => expect(refusal(() => parseColumnMapping(text)).field).toBe('columns'),
  );
});
