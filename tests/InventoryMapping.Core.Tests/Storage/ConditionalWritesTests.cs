using Azure;
using Azure.Data.Tables;
using InventoryMapping.Storage;
using InventoryMapping.Testing;

namespace InventoryMapping.Core.Tests.Storage;

public sealed class ConditionalWritesTests : IAsyncLifetime
{
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        var azurite = await SharedAzurite.GetAsync();
        _table = new TableServiceClient(azurite.ConnectionString).GetTableClient(TestNames.UniquePrefix() + "cw");
        await _table.CreateIfNotExistsAsync();
    }

    public Task DisposeAsync() => _table.DeleteAsync();

    [Fact]
    public async Task A_write_of_a_new_entity_inserts_it_and_gives_it_its_etag()
    {
        var row = Row("a", "1");

        Assert.Equal(WriteOutcome.Written, await _table.TryWriteAsync(row, default));

        Assert.Equal((await _table.GetEntityAsync<TableEntity>("p", "a")).Value.ETag, row.ETag);
    }

    [Fact]
    public async Task An_insert_of_a_row_that_exists_is_a_conflict()
    {
        await _table.AddEntityAsync(Row("b", "1"));

        Assert.Equal(WriteOutcome.Conflict, await _table.TryAddAsync(Row("b", "2"), default));
    }

    [Fact]
    public async Task A_write_under_an_etag_someone_else_moved_is_a_conflict_and_writes_nothing()
    {
        var mine = Row("c", "1");
        await _table.TryWriteAsync(mine, default);
        var theirs = (await _table.GetEntityAsync<TableEntity>("p", "c")).Value;
        theirs["V"] = "theirs";
        await _table.TryWriteAsync(theirs, default);

        mine["V"] = "mine";
        Assert.Equal(WriteOutcome.Conflict, await _table.TryWriteAsync(mine, default));
        Assert.Equal("theirs", (await _table.GetEntityAsync<TableEntity>("p", "c")).Value["V"]);
    }

    [Fact]
    public async Task A_replace_or_delete_of_a_row_that_is_gone_is_missing()
    {
        Assert.Equal(WriteOutcome.Missing, await _table.TryReplaceAsync(Row("d", "1"), ETag.All, default));
        Assert.Equal(WriteOutcome.Missing, await _table.TryDeleteAsync("p", "d", ETag.All, default));
    }

    [Fact]
    public async Task A_delete_under_a_stale_etag_is_a_conflict()
    {
        var row = Row("e", "1");
        await _table.TryWriteAsync(row, default);
        var stale = row.ETag;
        await _table.TryWriteAsync(row, default);

        Assert.Equal(WriteOutcome.Conflict, await _table.TryDeleteAsync("p", "e", stale, default));
        Assert.Equal(WriteOutcome.Written, await _table.TryDeleteAsync("p", "e", row.ETag, default));
    }

    [Fact]
    public async Task A_transaction_that_conflicts_names_the_failed_action_and_writes_none_of_them()
    {
        var existing = Row("g", "1");
        await _table.TryWriteAsync(existing, default);
        var stale = existing.ETag;
        await _table.TryWriteAsync(existing, default);

        var outcome = await _table.TrySubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, Row("f", "1")),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, Row("g", "2"), stale),
        ], default);

        Assert.Equal(new TransactionOutcome(WriteOutcome.Conflict, 1), outcome);
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>("p", "f")).HasValue);
    }

    [Fact]
    public async Task A_transaction_that_is_written_gives_every_entity_its_new_etag()
    {
        var rows = new[] { Row("h", "1"), Row("i", "1") };

        var outcome = await _table.TrySubmitAsync([.. rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r))], default);

        Assert.True(outcome.IsWritten);
        foreach (var row in rows)
        {
            Assert.Equal((await _table.GetEntityAsync<TableEntity>("p", row.RowKey)).Value.ETag, row.ETag);
        }
    }

    private static TableEntity Row(string rowKey, string value) => new("p", rowKey) { ["V"] = value };
}
