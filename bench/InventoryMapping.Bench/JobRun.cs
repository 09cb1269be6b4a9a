using InventoryMapping.Jobs;

namespace InventoryMapping.Bench;

/// <summary>Runs a job in-process, one runner invocation after another (as the queue would), until it succeeds.</summary>
public static class JobRun
{
    /// <summary>The finished job and how many invocations it took; throws if it failed.</summary>
    public static async Task<(Job Job, int Runs)> ToEndAsync(BenchHost host, string jobId, CancellationToken cancellationToken)
    {
        var runner = host.Get<JobRunner>();
        var store = host.Get<JobStore>();
        for (var runs = 1; ; runs++)
        {
            await runner.RunAsync(new JobMessage(jobId), cancellationToken);
            var job = await store.GetAsync(jobId, cancellationToken) ?? throw new InvalidOperationException("The job is gone.");
            if (job.Status == JobStatus.Failed)
            {
                throw new InvalidOperationException($"The job failed: {job.Error}");
            }

            if (job.Status == JobStatus.Succeeded)
            {
                return (job, runs);
            }

            BenchReport.Progress($"job: {job.Progress.Done:N0}/{job.Progress.Total:N0} after {runs} run(s)");
        }
    }
}
