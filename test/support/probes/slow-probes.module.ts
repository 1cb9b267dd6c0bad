import {
  Controller,
  Get,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Public } from '../../../src/auth/public.decorator';

/** Test-only: a request the test holds open, and a "pool" that records when the app closes it. */
@Injectable()
export class SlowProbeState implements OnModuleDestroy, OnApplicationShutdown {
  readonly events: string[] = [];
  private release: () => void = () => undefined;
  private readonly released = new Promise<void>((resolve) => (this.release = resolve));
  started!: Promise<void>;
  private markStarted: () => void = () => undefined;

  constructor() {
    this.started = new Promise<void>((resolve) => (this.markStarted = resolve));
  }

  async hold(): Promise<void> {
    this.events.push('request started');
    this.markStarted();
    await this.released;
    this.events.push('request finished');
  }

  finish(): void {
    this.release();
  }

  onModuleDestroy(): void {
    this.events.push('pool closed');
  }

  onApplicationShutdown(): void {
    this.events.push('application shut down');
  }
}

@Public()
@Controller({ path: 'slow-probes', version: '1' })
export class SlowProbesController {
  constructor(private readonly state: SlowProbeState) {}

  @Get()
  async slow(): Promise<object> {
    await this.state.hold();
    return { done: true };
  }
}

@Module({ controllers: [SlowProbesController], providers: [SlowProbeState] })
export class SlowProbesModule {}
