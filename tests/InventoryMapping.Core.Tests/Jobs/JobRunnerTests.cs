using InventoryMapping.Channels;
using InventoryMapping.Jobs;
using InventoryMapping.Listings;
using InventoryMapping.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InventoryMapping.Core.Tests.Jobs;

public sealed class JobRunnerTests
{
    [Fact]
    public async Task A_job_that_keeps_failing_is_marked_failed_after_the_last_attempt()
    {
        await using var app = await TestServices.StartAsync(services =>
        {
            services.RemoveAll<IListingJob>();
            services.AddSingleton<IListingJob>(new AlwaysFailing());
        });
        await app.Get<ChannelService>().PutAsync("shop", new ChannelDefinition("S", "n", "EU", ["A1F83G8C2ARO7P"], null, null, null), null, default);
        await app.Get<ListingBatchWriter>().UpsertAsync("shop", [new ListingInput("A", "t")], null, default);
        var job = (await app.Get<JobService>().StartAsync(JobKind.LinkAllBySku, "shop", false, SkuMatchMode.Exact, default)).Value!;
        var runner = app.Get<JobRunner>();

        for (var attempt = 1; attempt < JobRunner.MaxFailedAttempts; attempt++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync(new JobMessage(job.JobId), default));
            Assert.Equal(JobStatus.Running, (await app.Get<JobStore>().GetAsync(job.JobId, default))!.Status);
        }

        await runner.RunAsync(new JobMessage(job.JobId), default);

        var failed = (await app.Get<JobStore>().GetAsync(job.JobId, default))!;
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Contains("broken on purpose", failed.Error, StringComparison.Ordinal);
    }

    private sealed class AlwaysFailing : IListingJob, IListingJobPass
    {
        public JobKind Kind => JobKind.LinkAllBySku;

        public IListingJobPass Start(JobEntity job, Channel channel) => this;

        public Task<JobPageOutcome> ProcessAsync(IReadOnlyList<ListingEntity> page, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("broken on purpose");
    }
}
