using InventoryMapping.Channels;
using InventoryMapping.Jobs;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using InventoryMapping.Mapping;

namespace InventoryMapping.Core.Tests.Jobs;

public sealed class JobRunnerTests
{
    [Fact]
    public async Task A_job_that_keeps_failing_is_marked_failed_after_the_last_attempt()
    {
        await using var app = await TestServices.StartAsync(services =>
        {
            services.RemoveAll<IJobKind>();
            services.AddSingleton<IJobKind>(new AlwaysFailing());
        });
        await ShopSeed.SeedAsync(app, ["A"], []);
        var job = (await app.Get<MappingJobs>().StartAsync(JobKind.LinkAllBySku, "shop", false, SkuMatchMode.Exact, default)).Value!;
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

    [Fact]
    public async Task A_job_whose_time_slice_ends_hands_over_and_the_next_runs_finish_each_partition_once()
    {
        var clock = new SteppingClock(new FakeTimeProvider(DateTimeOffset.UtcNow), TimeSpan.FromSeconds(50));
        await using var app = await TestServices.StartAsync(services => services.AddSingleton<TimeProvider>(clock));
        var skus = Enumerable.Range(0, 400).Select(i => $"Slice-{i:D4}").ToList();
        await ShopSeed.SeedAsync(app, skus, skus);
        var job = (await app.Get<MappingJobs>().StartAsync(JobKind.LinkAllBySku, "shop", false, SkuMatchMode.Exact, default)).Value!;
        var runner = app.Get<JobRunner>();

        await runner.RunAsync(new JobMessage(job.JobId), default);
        var afterFirst = (await app.Get<JobStore>().GetAsync(job.JobId, default))!;
        Assert.Equal(JobStatus.Running, afterFirst.Status);
        Assert.InRange(afterFirst.Progress.Done, 1, 399);

        var runs = 1;
        for (; runs < 100 && (await app.Get<JobStore>().GetAsync(job.JobId, default))!.Status != JobStatus.Succeeded; runs++)
        {
            await runner.RunAsync(new JobMessage(job.JobId), default);
        }

        var done = (await app.Get<JobStore>().GetAsync(job.JobId, default))!;
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(400, done.Progress.Done);
        Assert.Equal(400, done.Result["linked"]);
        Assert.Equal(400, (await app.Get<ChannelSummaryService>().SummaryAsync("shop", default)).Value!.Counts.Linked);
    }

    [Fact]
    public async Task A_job_whose_runner_died_shows_stalled_since_it_was_last_seen_until_its_watch_takes_it_over()
    {
        await using var app = await TestServices.StartAsync();
        await ShopSeed.SeedAsync(app, ["A"], ["A"]);
        var started = (await app.Get<MappingJobs>().StartAsync(JobKind.LinkAllBySku, "shop", false, SkuMatchMode.Exact, default)).Value!;
        var store = app.Get<JobStore>();

        // A runner took the job and died: its lease stays on the row, and nothing renews it.
        var job = (await store.GetEntityAsync(started.JobId, default))!;
        var lastSeen = app.Clock.GetUtcNow();
        (job.Status, job.LeaseUntil, job.HeartbeatAt, job.LeaseId) = (nameof(JobStatus.Running), lastSeen + JobRunner.Lease, lastSeen, "dead-runner");
        Assert.True(await store.TrySaveAsync(job, default));
        var whileHeld = (await store.GetAsync(started.JobId, default))!;
        app.Clock.Advance(JobRunner.Lease + TimeSpan.FromSeconds(1));
        var afterLease = (await store.GetAsync(started.JobId, default))!;
        await app.Get<JobRunner>().RunAsync(new JobMessage(started.JobId, "dead-runner"), default);
        var done = (await store.GetAsync(started.JobId, default))!;

        Assert.Equal(JobStatus.Running, whileHeld.Status);
        Assert.Equal(lastSeen + JobRunner.Lease, whileHeld.LeaseUntil);
        Assert.Equal(JobStatus.Stalled, afterLease.Status);
        Assert.Equal(lastSeen, afterLease.StalledSince);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(1, done.Result["linked"]);
        Assert.Equal(new JobProgress(1, 1), done.Progress);
    }

    private sealed class AlwaysFailing : JobDefinition<LinkAllBySkuParameters, LinkAllBySkuResult, int>, IWorkSource<int>, IPageProcessor<int, LinkAllBySkuResult>
    {
        public override JobKind Kind => JobKind.LinkAllBySku;

        public int PartCount => 1;

        protected override LinkAllBySkuParameters NoParameters => new(SkuMatchMode.Exact);

        public Task<WorkPage<int>> ReadAsync(int part, string? cursor, CancellationToken cancellationToken) => Task.FromResult(new WorkPage<int>([1], null));

        public Task<JobPageOutcome<LinkAllBySkuResult>> ProcessAsync(IReadOnlyList<int> page, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("broken on purpose");

        protected override IWorkSource<int> Source(JobEntity job, LinkAllBySkuParameters parameters) => this;

        protected override IPageProcessor<int, LinkAllBySkuResult> Start(JobEntity job, LinkAllBySkuParameters parameters, Channel? channel) => this;
    }
}
