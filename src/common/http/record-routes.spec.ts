import 'reflect-metadata';
import { Injectable, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RecordRoutes } from './record-routes';
import { Written } from './write-outcome';

class CreateThingDto {}
class UpdateThingDto {}
class ListThingsQuery {}
class ThingDto {}
class ThingListDto {}

@Injectable()
class ThingsService {
  async get(id: string): Promise<{ id: string }> {
    return { id };
  }
  async list(): Promise<{ items: { id: string }[]; nextCursor: null; total: number }> {
    return { items: [], nextCursor: null, total: 0 };
  }
}

const options = {
  service: ThingsService,
  response: ThingDto,
  create: { body: CreateThingDto, summary: 'Create.' },
  list: { type: ThingListDto, query: ListThingsQuery, summary: 'List.' },
};

class ThingsController extends RecordRoutes({
  ...options,
  update: { body: UpdateThingDto, summary: 'Update.' },
  remove: { summary: 'Delete.' },
}) {
  protected async write(): Promise<Written<{ id: string }>> {
    return { record: { id: 'a' }, outcome: 'created' };
  }
  protected toResponses(things: { id: string }[]): ThingDto[] {
    return things;
  }
}

class ReadOnlyThingsController extends RecordRoutes(options) {
  protected async write(): Promise<Written<{ id: string }>> {
    return { record: { id: 'a' }, outcome: 'created' };
  }
  protected toResponses(things: { id: string }[]): ThingDto[] {
    return things;
  }
}

const paramTypes = (controller: object, method: string): unknown[] =>
  Reflect.getMetadata('design:paramtypes', controller, method) as unknown[];

describe('RecordRoutes', () => {
  it('gives the validation pipe the concrete request classes, not Object', () => {
    const prototype = ThingsController.prototype;
    expect(paramTypes(prototype, 'create')[0]).toBe(CreateThingDto);
    expect(paramTypes(prototype, 'list')[0]).toBe(ListThingsQuery);
    expect(paramTypes(prototype, 'update')[1]).toBe(UpdateThingDto);
  });

  it('routes only what is configured', () => {
    const route = (controller: object, method: string) => {
      const handler = (controller as Record<string, unknown>)[method] as object;
      return [
        Reflect.getMetadata(METHOD_METADATA, handler),
        Reflect.getMetadata(PATH_METADATA, handler),
      ];
    };
    expect(route(ThingsController.prototype, 'update')).toEqual([RequestMethod.PATCH, ':id']);
    expect(route(ThingsController.prototype, 'remove')).toEqual([RequestMethod.DELETE, ':id']);
    expect(route(ReadOnlyThingsController.prototype, 'get')).toEqual([RequestMethod.GET, ':id']);
    expect(route(ReadOnlyThingsController.prototype, 'update')).toEqual([undefined, undefined]);
    expect(route(ReadOnlyThingsController.prototype, 'remove')).toEqual([undefined, undefined]);
  });

  it('answers 201 for a new record', async () => {
    const controller = new ThingsController(new ThingsService());
    const status = jest.fn();
    await controller.create({}, { status } as never);
    expect(status).toHaveBeenCalledWith(201);
  });
});
