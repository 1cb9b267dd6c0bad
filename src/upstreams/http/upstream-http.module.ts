import { Module } from '@nestjs/common';
import { UpstreamHttp } from './upstream-http.service';

/** Imported by every upstream module; MetricsModule is global, so the core's metrics need no import here. */
@Module({
  providers: [UpstreamHttp],
  exports: [UpstreamHttp],
})
export class UpstreamHttpModule {}
