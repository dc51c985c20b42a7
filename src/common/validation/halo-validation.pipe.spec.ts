import 'reflect-metadata';
import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { HaloValidationPipe } from './halo-validation.pipe';

class Address {
  @IsString()
  city!: string;
}

class Body {
  @IsString()
  @MaxLength(5)
  name!: string;

  @IsOptional()
  @IsInt()
  age?: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => Address)
  address?: Address;
}

class Optional {
  @IsOptional()
  @IsString()
  note?: string;
}

const body = (metatype: unknown): ArgumentMetadata => ({
  type: 'body',
  metatype: metatype as ArgumentMetadata['metatype'],
});

describe('HaloValidationPipe with the compiled check', () => {
  const pipe = new HaloValidationPipe();
  // Nest's own validate(): class-validator, run only when the compiled check says false.
  const classValidator = jest.spyOn(ValidationPipe.prototype as never, 'validate');
  beforeEach(() => classValidator.mockClear());

  it('passes a valid body without class-validator, transformed and unstripped as before', async () => {
    const value = { name: 'ada', age: 36, address: { city: 'Rome' } };
    const out = (await pipe.transform(value, body(Body))) as Body;
    expect(out).toBeInstanceOf(Body);
    expect(out.address).toBeInstanceOf(Address);
    expect(out).toEqual({ name: 'ada', age: 36, address: { city: 'Rome' } });
    expect(Object.keys(out)).toEqual(['name', 'age', 'address']);
    expect(classValidator).not.toHaveBeenCalled();
  });

  it('leaves an invalid body to class-validator, whose errors are the answer', async () => {
    const refusal = await pipe
      .transform({ name: 'adelaide', extra: 1, address: { city: 3 } }, body(Body))
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', code: 'maxLength' }),
        expect.objectContaining({ field: 'extra', code: 'unknownField' }),
        expect.objectContaining({ field: 'address.city', code: 'isString' }),
      ]),
    );
    expect(classValidator).toHaveBeenCalledTimes(1);
  });

  it('keeps the refusal of an array where an object belongs (the stand-in check)', async () => {
    const query: ArgumentMetadata = { type: 'query', metatype: Optional };
    await expect(pipe.transform([], query)).rejects.toBeDefined();
    expect(await pipe.transform({ note: 'x' }, query)).toEqual({ note: 'x' });
  });
});
