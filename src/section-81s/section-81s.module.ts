import { Module } from '@nestjs/common';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { Section81sController } from './section-81s.controller';
import { Section81sService } from './section-81s.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [Section81sController],
  providers: [Section81sService],
})
export class Section81sModule {}
