import { defaultJobs } from "../../../cli/pool";

describe("defaultJobs: the threads of a run when --jobs does not say", () => {
  const saved = process.env.XIAOBO_JOBS;
  afterEach(() => {
    if (saved === undefined) delete process.env.XIAOBO_JOBS;
    else process.env.XIAOBO_JOBS = saved;
  });

  test("one per core, but the calling thread alone on two cores or fewer (a worker there costs what it saves)", () => {
    delete process.env.XIAOBO_JOBS;
    expect([1, 2, 3, 4, 8].map((cores) => defaultJobs(cores))).toEqual([1, 1, 3, 4, 8]);
  });

  test("XIAOBO_JOBS, a positive integer, is taken whatever the cores; anything else is ignored", () => {
    process.env.XIAOBO_JOBS = "2";
    expect(defaultJobs(2)).toBe(2);
    expect(defaultJobs(16)).toBe(2);
    for (const bad of ["0", "-1", "1.5", "two", ""]) {
      process.env.XIAOBO_JOBS = bad;
      expect(defaultJobs(2)).toBe(1);
      expect(defaultJobs(4)).toBe(4);
    }
  });
});
