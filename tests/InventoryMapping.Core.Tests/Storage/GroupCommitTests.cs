using InventoryMapping.Storage;

namespace InventoryMapping.Core.Tests.Storage;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Changes_queued_while_a_commit_is_under_way_go_out_together_in_the_next_one()
    {
        var commits = new List<IReadOnlyList<int>>();
        var firstUnderWay = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var group = new GroupCommit<int, int>(async (batch, _) =>
        {
            lock (commits)
            {
                commits.Add(batch);
            }

            if (commits.Count == 1)
            {
                firstUnderWay.SetResult();
                await releaseFirst.Task;
            }

            return commits.Count;
        });

        var first = group.CommitAsync(1, default);
        await firstUnderWay.Task;
        var second = group.CommitAsync(2, default);
        var third = group.CommitAsync(3, default);
        releaseFirst.SetResult();

        Assert.Equal(1, await first);
        var later = await Task.WhenAll(second, third);
        Assert.Equal([2, 2], later);
        Assert.Equal([[1], [2, 3]], commits);
    }

    [Fact]
    public async Task A_failed_commit_fails_the_callers_it_carried_and_the_next_commit_goes_on()
    {
        var group = new GroupCommit<string, bool>((batch, _) =>
            batch.Contains("bad") ? throw new InvalidOperationException("refused") : Task.FromResult(true));

        await Assert.ThrowsAsync<InvalidOperationException>(() => group.CommitAsync("bad", default));
        Assert.True(await group.CommitAsync("good", default));
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_still_has_its_change_committed()
    {
        var committed = new List<string>();
        var firstUnderWay = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var group = new GroupCommit<string, bool>(async (batch, _) =>
        {
            committed.AddRange(batch);
            if (batch.Contains("first"))
            {
                firstUnderWay.SetResult();
                await releaseFirst.Task;
            }

            return true;
        });

        var first = group.CommitAsync("first", default);
        await firstUnderWay.Task;
        using var impatient = new CancellationTokenSource();
        var waiting = group.CommitAsync("impatient", impatient.Token);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        releaseFirst.SetResult();

        Assert.True(await first); // the first caller writes what was queued meanwhile before it returns
        Assert.Equal(["first", "impatient"], committed);
    }
}
