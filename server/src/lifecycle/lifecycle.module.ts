import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DatabaseUnavailableInterceptor } from '../database/database-unavailable.interceptor.js';
import { ServerLifecycle } from './server-lifecycle.js';

/**
 * The running server's lifecycle (readiness during shutdown, background work that
 * shutdown waits for) and the mapping of database outages to SERVICE_UNAVAILABLE.
 */
@Global()
@Module({})
export class LifecycleModule {
  static forRoot(lifecycle: ServerLifecycle): DynamicModule {
    return {
      module: LifecycleModule,
      providers: [{ provide: ServerLifecycle, useValue: lifecycle }, { provide: APP_INTERCEPTOR, useClass: DatabaseUnavailableInterceptor }],
      exports: [ServerLifecycle],
    };
  }
}
