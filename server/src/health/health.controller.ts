import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { Access } from '../auth/access.decorator.js';
import { HealthService } from './health.service.js';

/** The minimal slice of Express's response the probes need (passthrough keeps Nest's JSON serialisation). */
interface StatusResponse {
  status(code: number): unknown;
}

/** Probes for orchestrators: plain HTTP, JSON bodies, outside GraphQL. */
@Controller('health')
export class HealthController {
  constructor(private readonly healthService: HealthService) {}

  /** 200 while the process is up. */
  @Get('live')
  @Access('GET /health/live')
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  /** 200 when the database answers, no migration is pending and no shutdown has begun; else 503 with `reason`. */
  @Get('ready')
  @Access('GET /health/ready')
  async ready(@Res({ passthrough: true }) response: StatusResponse) {
    const readiness = await this.healthService.readiness();
    response.status(readiness.ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: readiness.ready ? 'ready' : 'not_ready', ...readiness };
  }
}
