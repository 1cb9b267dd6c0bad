import { Global, Module } from '@nestjs/common';
import { RedisService } from './redis.service';

/** Global, so each store's provider can choose Redis or memory where it is declared. */
@Global()
@Module({
  providers: [RedisService],
  exports: [RedisService],
})
export class RedisModule {}
