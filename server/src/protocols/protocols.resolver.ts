import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { Category } from './models/category.model.js';
import { ProtocolStage } from './models/protocol-stage.model.js';
import { Protocol } from './models/protocol.model.js';
import { TimescaleRule } from './models/timescale-rule.model.js';
import { ProtocolPartsService } from './protocol-parts.service.js';

@Resolver(() => Protocol)
export class ProtocolsResolver {
  constructor(private readonly partsService: ProtocolPartsService) {}

  @ResolveField('stages', () => [ProtocolStage], { description: 'The ladder, in order.' })
  @Access('Protocol.stages')
  stages(@Parent() protocol: Protocol, @Context('loaders') loaders: RequestLoaders): Promise<ProtocolStage[]> {
    return this.partsService.stagesOf(protocol, loaders);
  }

  @ResolveField('categories', () => [Category], { description: 'The areas of disagreement, in display order.' })
  @Access('Protocol.categories')
  categories(@Parent() protocol: Protocol, @Context('loaders') loaders: RequestLoaders): Promise<Category[]> {
    return this.partsService.categoriesOf(protocol, loaders);
  }

  @ResolveField('rules', () => [TimescaleRule], { description: 'The timescale rules, by stage order then code.' })
  @Access('Protocol.rules')
  rules(@Parent() protocol: Protocol, @Context('loaders') loaders: RequestLoaders): Promise<TimescaleRule[]> {
    return this.partsService.rulesOf(protocol, loaders);
  }
}
