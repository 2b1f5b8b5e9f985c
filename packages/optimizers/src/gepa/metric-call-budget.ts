/**
 * GEPA's budget: metric calls (one per example evaluated) plus teacher calls, against
 * `maxMetricCalls`. Work is only started when all of it fits, so the cap is never passed.
 */
export class MetricCallBudget {
  private metric = 0;
  private teacher = 0;

  constructor(readonly max: number) {}

  get used(): number {
    return this.metric + this.teacher;
  }

  canAfford(calls: number): boolean {
    return this.used + calls <= this.max;
  }

  spendMetric(calls: number): void {
    this.metric += calls;
  }

  spendTeacher(calls = 1): void {
    this.teacher += calls;
  }

  summary(): {
    readonly max: number;
    readonly metricCalls: number;
    readonly teacherCalls: number;
    readonly used: number;
  } {
    return { max: this.max, metricCalls: this.metric, teacherCalls: this.teacher, used: this.used };
  }
}
