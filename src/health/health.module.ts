import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { HealthRegistry } from './health-registry';
import { HealthStatus } from './health-status';

@Global()
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json', logger: false })],
  controllers: [HealthController],
  providers: [HealthRegistry, HealthStatus],
  exports: [HealthRegistry, HealthStatus],
})
export class HealthModule {}
