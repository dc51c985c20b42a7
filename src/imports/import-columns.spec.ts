import { CreateMemberDto } from '../members/dto/create-member.dto';
import { CreatePurchaseDto } from '../purchases/dto/create-purchase.dto';
import { importColumns } from './import-columns';

describe('importColumns', () => {
  it("lists a member's columns with their kinds; none required alone (externalId or email is a rule between fields)", () => {
    const columns = importColumns(CreateMemberDto);
    expect(columns).toEqual(
      expect.arrayContaining([
        { name: 'externalId', kind: 'string', required: false },
        { name: 'email', kind: 'string', required: false },
        { name: 'tags', kind: 'list', required: false },
      ]),
    );
  });

  it("marks a purchase's required columns and dots its nested fields", () => {
    const columns = importColumns(CreatePurchaseDto);
    const byName = new Map(columns.map((column) => [column.name, column]));
    expect(byName.get('amount')).toEqual({ name: 'amount', kind: 'string', required: true });
    expect(byName.get('occurredAt')?.required).toBe(true);
    expect(columns.some((column) => column.name.startsWith('attribution.'))).toBe(true);
    expect(columns.filter((column) => column.name.startsWith('attribution.'))).toEqual(
      expect.arrayContaining([expect.objectContaining({ required: false })]),
    );
  });
});
