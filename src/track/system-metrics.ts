/** Samples CPU and memory of this process while a run trains (`system/*` metrics). */
import type { MetricPoint } from './types.js';

/** One sample: CPU percent since the last sample (of one core), RSS and heap in MiB. */
export class SystemSampler {
  private lastCpu = process.cpuUsage();
  private lastTime = process.hrtime.bigint();
  private step = 0;

  sample(): MetricPoint[] {
    const cpu = process.cpuUsage(this.lastCpu);
    const now = process.hrtime.bigint();
    const elapsedUs = Number(now - this.lastTime) / 1000;
    this.lastCpu = process.cpuUsage();
    this.lastTime = now;
    const mem = process.memoryUsage();
    const time = Date.now();
    const step = this.step++;
    const mib = 1024 * 1024;
    return [
      { key: 'system/cpu_percent', value: elapsedUs > 0 ? (100 * (cpu.user + cpu.system)) / elapsedUs : 0, step, time },
      { key: 'system/memory_rss_mb', value: mem.rss / mib, step, time },
      { key: 'system/heap_used_mb', value: mem.heapUsed / mib, step, time },
    ];
  }
}
