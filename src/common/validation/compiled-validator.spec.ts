import 'reflect-metadata';
import { Type, plainToInstance } from 'class-transformer';
import {
  Allow,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  ValidatorOptions,
  registerDecorator,
  validate,
} from 'class-validator';
import { HOUSE_VALIDATOR_OPTIONS, compileValidator, passesValidation } from './compiled-validator';
import { IsOmittable } from './is-omittable';

/** The pipe's options: Nest's ValidationPipe turns forbidUnknownValues off unless told. */
const PIPE_OPTIONS: ValidatorOptions = { ...HOUSE_VALIDATOR_OPTIONS, forbidUnknownValues: false };

/** The compiled verdict, checked against class-validator's under the same options. */
async function verdict(instance: object, options = HOUSE_VALIDATOR_OPTIONS): Promise<boolean> {
  const compiled = await passesValidation(instance, options);
  const errors = await validate(instance, options);
  expect({ compiled, errors }).toEqual({ compiled: errors.length === 0, errors });
  return compiled;
}

const make = <T extends object>(cls: new () => T, plain: object): T => plainToInstance(cls, plain);

class Basic {
  @IsString()
  @MaxLength(5)
  name!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  count?: number;

  @IsOmittable()
  @IsInt()
  kept?: number;

  @Allow()
  note?: unknown;
}

describe('compiled validator: the branches of ValidationExecutor', () => {
  it('passes a valid object and refuses wrong types, missing and unknown fields', async () => {
    expect(await verdict(make(Basic, { name: 'ada' }))).toBe(true);
    expect(await verdict(make(Basic, { name: 'ada', count: 3, kept: 1, note: { any: 1 } }))).toBe(
      true,
    );
    expect(await verdict(make(Basic, { name: 'adelaide' }))).toBe(false);
    expect(await verdict(make(Basic, { name: 3 }))).toBe(false);
    expect(await verdict(make(Basic, {}))).toBe(false);
    expect(await verdict(make(Basic, { name: 'ada', extra: 1 }))).toBe(false);
    expect(await verdict(make(Basic, { name: 'ada', count: 11 }))).toBe(false);
  });

  it('IsOptional skips null and undefined; IsOmittable (ValidateIf) only undefined', async () => {
    expect(await verdict(make(Basic, { name: 'ada', count: null }))).toBe(true);
    expect(await verdict(make(Basic, { name: 'ada', kept: undefined }))).toBe(true);
    expect(await verdict(make(Basic, { name: 'ada', kept: null }))).toBe(false);
  });

  it('@Allow admits a property without checking it', async () => {
    expect(await verdict(make(Basic, { name: 'ada', note: [null, { x: 1 }] }))).toBe(true);
  });

  it('whitelists own keys with class-validator`s own look-up (prototype names included)', async () => {
    for (const key of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
      const instance = make(Basic, { name: 'ada' });
      Object.defineProperty(instance, key, { value: 1, enumerable: true, configurable: true });
      await verdict(instance);
      await verdict(instance, PIPE_OPTIONS);
    }
  });

  it('calls every ValidateIf condition with (object, value), even after a false one', async () => {
    const calls: string[] = [];
    class Conditional {
      @ValidateIf((object: Conditional) => {
        calls.push('first');
        return object.mode === 'strict';
      })
      @ValidateIf((_object, value) => {
        calls.push('second');
        return value !== 'skip';
      })
      @IsInt()
      amount?: unknown;

      @IsIn(['strict', 'loose'])
      mode!: string;
    }
    expect(await verdict(make(Conditional, { mode: 'loose', amount: 'x' }))).toBe(true);
    expect(calls.filter((call) => call === 'second').length).toBe(2);
    expect(await verdict(make(Conditional, { mode: 'strict', amount: 'x' }))).toBe(false);
    expect(await verdict(make(Conditional, { mode: 'strict', amount: 'skip' }))).toBe(true);
    expect(await verdict(make(Conditional, { mode: 'strict', amount: 4 }))).toBe(true);
  });

  it('IsDefined refuses undefined and null, and is itself subject to ValidateIf', async () => {
    class Defined {
      @IsDefined()
      value!: unknown;

      @ValidateIf((object: Defined) => object.value === 'needs')
      @IsDefined()
      other?: unknown;
    }
    expect(await verdict(make(Defined, { value: 0 }))).toBe(true);
    expect(await verdict(make(Defined, {}))).toBe(false);
    expect(await verdict(make(Defined, { value: null }))).toBe(false);
    expect(await verdict(make(Defined, { value: 'needs' }))).toBe(false);
    expect(await verdict(make(Defined, { value: 'needs', other: false }))).toBe(true);
  });

  it('each: over arrays, Sets and Maps; a non-collection checked as one value', async () => {
    class Each {
      @IsOptional()
      @IsInt({ each: true })
      @Min(1, { each: true })
      numbers?: unknown;
    }
    const each = (numbers: unknown) => Object.assign(new Each(), { numbers });
    expect(await verdict(each([1, 2, 3]))).toBe(true);
    expect(await verdict(each([]))).toBe(true);
    expect(await verdict(each([1, 0]))).toBe(false);
    expect(await verdict(each([1, 'a']))).toBe(false);
    expect(await verdict(each(new Set([1, 2])))).toBe(true);
    expect(await verdict(each(new Set([1, -2])))).toBe(false);
    expect(await verdict(each(new Map([['a', 1]])))).toBe(true);
    expect(await verdict(each(new Map([['a', 0]])))).toBe(false);
    expect(await verdict(each(5))).toBe(true);
    expect(await verdict(each('5'))).toBe(false);
    // eslint-disable-next-line no-sparse-arrays
    expect(await verdict(each([1, , 2]))).toBe(true);
  });

  it('custom constraints get the same ValidationArguments as from class-validator', async () => {
    const seen: Array<Omit<ValidationArguments, 'object'> & { object: unknown }> = [];
    @ValidatorConstraint({ name: 'recorded' })
    class Recorded implements ValidatorConstraintInterface {
      validate(value: unknown, args: ValidationArguments) {
        seen.push({ ...args });
        return value !== 'bad';
      }
    }
    class WithArguments {
      @Validate(Recorded, ['limit', 3])
      field!: unknown;
    }
    const instance = make(WithArguments, { field: 'good' });
    seen.length = 0;
    await passesValidation(instance, HOUSE_VALIDATOR_OPTIONS);
    const compiledArgs = [...seen];
    seen.length = 0;
    await validate(instance, HOUSE_VALIDATOR_OPTIONS);
    expect(compiledArgs).toEqual(seen);
    expect(compiledArgs[0]).toEqual({
      targetName: 'WithArguments',
      property: 'field',
      object: instance,
      value: 'good',
      constraints: ['limit', 3],
    });
    expect(await verdict(make(WithArguments, { field: 'bad' }))).toBe(false);
  });

  it('awaits async constraints, single and each, and answers false on a rejection', async () => {
    @ValidatorConstraint({ name: 'slowPositive', async: true })
    class SlowPositive implements ValidatorConstraintInterface {
      async validate(value: unknown) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (value === 'throw') throw new Error('refused');
        return typeof value === 'number' && value > 0;
      }
    }
    class Async {
      @IsOptional()
      @Validate(SlowPositive)
      single?: unknown;

      @IsOptional()
      @Validate(SlowPositive, { each: true })
      many?: unknown;
    }
    const check = compileValidator(Async);
    const ok = make(Async, { single: 2, many: [1, 2] });
    const answer = check(ok);
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toBe(true);
    expect(await verdict(ok)).toBe(true);
    expect(await verdict(make(Async, { single: -1 }))).toBe(false);
    expect(await verdict(make(Async, { many: [1, -1] }))).toBe(false);
    expect(await check(make(Async, { single: 'throw' }))).toBe(false);
    await expect(validate(make(Async, { single: 'throw' }))).rejects.toThrow('refused');
  });

  it('recurses into nested classes, arrays of them, and refuses what is not an object', async () => {
    class Child {
      @IsString()
      name!: string;
    }
    class Parent {
      @IsOptional()
      @ValidateNested()
      @Type(() => Child)
      child?: Child;

      @IsOptional()
      @ValidateNested({ each: true })
      @Type(() => Child)
      children?: Child[];

      @IsOptional()
      @ValidateNested()
      untyped?: unknown;
    }
    expect(await verdict(make(Parent, { child: { name: 'a' } }))).toBe(true);
    expect(await verdict(make(Parent, { child: { name: 1 } }))).toBe(false);
    expect(await verdict(make(Parent, { child: { name: 'a', extra: 1 } }))).toBe(false);
    expect(await verdict(make(Parent, { child: 'text' }))).toBe(false);
    expect(await verdict(make(Parent, { children: [{ name: 'a' }, { name: 'b' }] }))).toBe(true);
    expect(await verdict(make(Parent, { children: [{ name: 'a' }, 3] }))).toBe(false);
    expect(await verdict(make(Parent, { children: [{ name: 'a' }, null] }))).toBe(false);
    expect(await verdict(make(Parent, { children: [[{ name: 'a' }]] }))).toBe(true);
    expect(await verdict(make(Parent, { children: [] }))).toBe(true);
    // A plain object has no rules: refused by forbidUnknownValues, and by the pipe (which
    // turns it off) only when it has keys.
    expect(await verdict(make(Parent, { untyped: {} }))).toBe(false);
    expect(await verdict(make(Parent, { untyped: {} }), PIPE_OPTIONS)).toBe(true);
    expect(await verdict(make(Parent, { untyped: { a: 1 } }), PIPE_OPTIONS)).toBe(false);
    const withSet = Object.assign(new Parent(), {
      children: new Set([Object.assign(new Child(), { name: 'a' })]),
    });
    expect(await verdict(withSet)).toBe(true);
    const withMap = Object.assign(new Parent(), {
      children: new Map([['k', Object.assign(new Child(), { name: 1 })]]),
    });
    expect(await verdict(withMap)).toBe(false);
  });

  it('reads inherited metadata, a subclass`s own rule on a property replacing the same type', async () => {
    class Base {
      @IsString()
      @MaxLength(3)
      code!: string;

      @IsOptional()
      @IsInt()
      size?: number;
    }
    class Derived extends Base {
      @MaxLength(6)
      declare code: string;

      @IsIn(['a', 'b'])
      kind!: string;
    }
    expect(await verdict(make(Derived, { code: 'abcde', kind: 'a' }))).toBe(true);
    expect(await verdict(make(Derived, { code: 'abcdefg', kind: 'a' }))).toBe(false);
    expect(await verdict(make(Derived, { code: 5, kind: 'a' }))).toBe(false);
    expect(await verdict(make(Derived, { code: 'ab', kind: 'a', size: 'x' }))).toBe(false);
    expect(await verdict(make(Derived, { code: 'ab' }))).toBe(false);
    expect(await verdict(make(Base, { code: 'abcde' }))).toBe(false);
  });

  it('answers false for a class without rules (forbidUnknownValues), true for the pipe`s stand-in', async () => {
    class Bare {
      name?: string;
    }
    expect(await verdict(make(Bare, {}))).toBe(false);
    expect(await verdict(make(Bare, {}), PIPE_OPTIONS)).toBe(true);
    expect(await verdict({ constructor: Basic }, PIPE_OPTIONS)).toBe(false);
    expect(await verdict({ constructor: Bare }, PIPE_OPTIONS)).toBe(true);
  });

  it('cannot tell (false) under options it does not mirror, or for another class', async () => {
    const instance = make(Basic, { name: 'ada' });
    expect(passesValidation(instance, { whitelist: true })).toBe(false);
    expect(passesValidation(instance, { ...HOUSE_VALIDATOR_OPTIONS, groups: ['x'] })).toBe(false);
    expect(
      passesValidation(instance, { ...HOUSE_VALIDATOR_OPTIONS, skipMissingProperties: true }),
    ).toBe(false);
    expect(passesValidation(instance, undefined)).toBe(false);
    expect(passesValidation(instance, HOUSE_VALIDATOR_OPTIONS)).toBe(true);
    expect(compileValidator(Basic)(instance)).toBe(true);
    expect(compileValidator(Basic)).toBe(compileValidator(Basic));
    class Other {
      @IsString()
      name!: string;
    }
    expect(compileValidator(Other)(instance)).toBe(false);
  });

  it('cannot tell when a validator throws; class-validator then throws as before', async () => {
    class Throws {
      @IsString()
      name!: string;
    }
    registerDecorator({
      name: 'explodes',
      target: Throws,
      propertyName: 'name',
      validator: {
        validate(value: unknown) {
          if (value === 'boom') throw new Error('boom');
          return true;
        },
      },
    });
    expect(passesValidation(make(Throws, { name: 'boom' }), HOUSE_VALIDATOR_OPTIONS)).toBe(false);
    // (synchronously: the executor runs before validate() builds its promise)
    expect(() => validate(make(Throws, { name: 'boom' }))).toThrow('boom');
    expect(await verdict(make(Throws, { name: 'calm' }))).toBe(true);
  });

  it('sees a rule registered after the class was compiled', async () => {
    class Late {
      @IsString()
      name!: string;
    }
    expect(await verdict(make(Late, { name: 'abcdef' }))).toBe(true);
    MaxLength(3)(Late.prototype, 'name');
    expect(await verdict(make(Late, { name: 'abcdef' }))).toBe(false);
  });
});
