import {
  applyDecorators,
  Body,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Res,
  Type,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { Response } from 'express';
import { Page } from '../pagination/cursor';
import { ParseIdPipe } from '../validation/parse-id.pipe';
import { ReplayReads } from './replay-reads.decorator';
import { writeStatus, Written } from './write-outcome';

/** What a record service offers the shared routes; create goes through the controller's write(). */
export interface RecordService<Entity> {
  get(id: string): Promise<Entity>;
  list(query: never): Promise<Page<Entity>>;
}

/** The record type a service's get() answers. */
export type RecordOf<Service extends RecordService<unknown>> = Awaited<ReturnType<Service['get']>>;

/** The service methods the optional routes call, typed loosely: each controller's DTOs are its own. */
interface WritableService<Entity> extends RecordService<Entity> {
  list(query: unknown): Promise<Page<Entity>>;
  update(id: string, body: unknown): Promise<Entity>;
  remove(id: string): Promise<Entity | void>;
}

export interface RecordRoutesOptions<Service, ResponseDto> {
  service: Type<Service>;
  response: Type<ResponseDto>;
  list: { type: Type<unknown>; query: Type<unknown>; summary: string };
  /** existing: the description of the 200 answer when the record was sent before, if documented. */
  create: { body: Type<unknown>; summary: string; existing?: string };
  update?: { body: Type<unknown>; summary: string };
  /** Without returnsRecord a delete answers 204; with it, 200 and the deleted record. */
  remove?: { summary: string; description?: string; returnsRecord?: boolean };
}

/**
 * The request types the global ValidationPipe and the OpenAPI document see: a generic parameter
 * is emitted as Object, which would silently skip validation.
 */
const ParamTypes =
  (...types: Array<Type<unknown> | undefined>): MethodDecorator =>
  (target, key) =>
    Reflect.defineMetadata('design:paramtypes', types, target, key);

const Skip: MethodDecorator = () => undefined;

function createRoute({ create, response }: RecordRoutesOptions<unknown, unknown>) {
  return applyDecorators(
    Post(),
    // An Idempotency-Key replay answers the record as GET :id would.
    ReplayReads('get'),
    ApiOperation({ summary: create.summary }),
    ApiCreatedResponse({ type: response }),
    create.existing ? ApiOkResponse({ type: response, description: create.existing }) : Skip,
    ParamTypes(create.body, Object),
  );
}

function listRoute({ list }: RecordRoutesOptions<unknown, unknown>) {
  return applyDecorators(
    Get(),
    ApiOperation({ summary: list.summary }),
    ApiOkResponse({ type: list.type }),
    ParamTypes(list.query),
  );
}

function updateRoute({ update, response }: RecordRoutesOptions<unknown, unknown>) {
  if (!update) return Skip;
  return applyDecorators(
    Patch(':id'),
    ApiOperation({ summary: update.summary }),
    ApiOkResponse({ type: response }),
    ParamTypes(String, update.body),
  );
}

function removeRoute({ remove, response }: RecordRoutesOptions<unknown, unknown>) {
  if (!remove) return Skip;
  const answer = remove.returnsRecord
    ? [HttpCode(HttpStatus.OK), ApiOkResponse({ type: response })]
    : [
        HttpCode(HttpStatus.NO_CONTENT),
        ApiNoContentResponse(remove.description ? { description: remove.description } : {}),
      ];
  return applyDecorators(Delete(':id'), ApiOperation({ summary: remove.summary }), ...answer);
}

/**
 * The record controller shape: POST (201 new, 200 sent before), GET list, GET :id and, when
 * configured, PATCH :id and DELETE :id. A controller extends the class this returns, adds its
 * @Controller, tags and roles, and says how a create is written and how records are answered.
 */
export function RecordRoutes<Service extends RecordService<unknown>, ResponseDto>(
  options: RecordRoutesOptions<Service, ResponseDto>,
) {
  type Entity = RecordOf<Service>;

  abstract class RecordRoutesHost {
    constructor(@Inject(options.service) protected readonly service: Service) {}

    /** Writes a new record or finds the one sent before. */
    protected abstract write(body: unknown): Promise<Written<Entity>>;

    protected abstract toResponses(records: Entity[]): ResponseDto[] | Promise<ResponseDto[]>;

    protected async toResponse(record: Entity): Promise<ResponseDto> {
      const [response] = await this.toResponses([record]);
      return response;
    }

    @createRoute(options)
    async create(
      @Body() body: unknown,
      @Res({ passthrough: true }) response: Response,
    ): Promise<ResponseDto> {
      const { record, outcome } = await this.write(body);
      response.status(writeStatus(outcome));
      return this.toResponse(record);
    }

    @listRoute(options)
    async list(@Query() query: unknown): Promise<Page<ResponseDto>> {
      const page = await this.records.list(query);
      return { ...page, items: await this.toResponses(page.items) };
    }

    @Get(':id')
    @ApiOkResponse({ type: options.response })
    async get(@Param('id', ParseIdPipe) id: string): Promise<ResponseDto> {
      return this.toResponse(await this.records.get(id));
    }

    @updateRoute(options)
    async update(
      @Param('id', ParseIdPipe) id: string,
      @Body() body: unknown,
    ): Promise<ResponseDto> {
      return this.toResponse(await this.records.update(id, body));
    }

    @removeRoute(options)
    async remove(@Param('id', ParseIdPipe) id: string): Promise<ResponseDto | void> {
      const removed = await this.records.remove(id);
      if (options.remove?.returnsRecord && removed) return this.toResponse(removed);
    }

    private get records(): WritableService<Entity> {
      return this.service as unknown as WritableService<Entity>;
    }
  }
  return RecordRoutesHost;
}
