import { Query, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import { HealthService } from './health.service.js';
import { Health } from './models/health.model.js';

@Resolver(() => Health)
export class HealthResolver {
  constructor(private readonly healthService: HealthService) {}

  @Query(() => Health, { description: 'Whether the API can reach its database.' })
  @Access('Query.health')
  health(): Promise<Health> {
    return this.healthService.check();
  }
}
