using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using InventoryMapping.Storage;
using InventoryMapping.Testing;

namespace InventoryMapping.Core.Tests.Storage;

public sealed class KeyedReadsTests : IAsyncLifetime
{
    private readonly RequestCount _requests = new();
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        var azurite = await SharedAzurite.GetAsync();
        var options = new TableClientOptions();
        options.AddPolicy(_requests, HttpPipelinePosition.PerCall);
        _table = new TableServiceClient(azurite.ConnectionString, options).GetTableClient(TestNames.UniquePrefix() + "kr");
        await _table.CreateIfNotExistsAsync();
        // Partition "dense": rows 000..199; partition "sparse": rows 0000..1999.
        foreach (var (partition, count, digits) in new[] { ("dense", 200, 3), ("sparse", 2000, 4) })
        {
            await _table.SubmitAllAsync(
                Enumerable.Range(0, count).Select(i => new TableTransactionAction(
                    TableTransactionActionType.UpsertReplace, new TableEntity(partition, i.ToString($"D{digits}", System.Globalization.CultureInfo.InvariantCulture)) { ["V"] = i })),
                parallelism: 4,
                default);
        }

        _requests.Reset();
    }

    public Task DisposeAsync() => _table.DeleteAsync();

    [Fact]
    public async Task Keys_that_fill_their_range_are_read_by_one_query_and_absent_keys_are_absent()
    {
        var keys = Enumerable.Range(0, 100).Select(i => ("dense", (i * 2).ToString("D3", System.Globalization.CultureInfo.InvariantCulture))).Append(("dense", "050x")).ToList();

        var rows = await _table.ReadRowsAsync<TableEntity>(keys, readsInFlight: 4, default);

        Assert.Equal(100, rows.Count);
        Assert.All(rows, r => Assert.Equal(int.Parse(r.Key.RowKey, System.Globalization.CultureInfo.InvariantCulture), r.Value.GetInt32("V")));
        Assert.DoesNotContain(("dense", "050x"), rows.Keys);
        Assert.Equal(1, _requests.Queries);
        Assert.Equal(0, _requests.PointReads);
    }

    [Fact]
    public async Task Keys_spread_thin_over_a_big_range_are_read_one_by_one_after_one_short_query()
    {
        var keys = new[] { "0000", "0500", "1000", "1500", "1999", "2500" }.Select(k => ("sparse", k)).ToList();

        var rows = await _table.ReadRowsAsync<TableEntity>(keys, readsInFlight: 4, default);

        Assert.Equal(new[] { "0000", "0500", "1000", "1500", "1999" }, rows.Keys.Select(k => k.RowKey).Order());
        Assert.Equal(1, _requests.Queries);
        Assert.Equal(5, _requests.PointReads); // the query's first page of 12 rows settled "0000" only
    }

    [Fact]
    public async Task Keys_spread_over_partitions_are_read_by_one_query_across_them_while_it_is_dense()
    {
        var keys = Enumerable.Range(0, 200).Select(i => ("dense", i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)))
            .Concat(Enumerable.Range(0, 100).Select(i => ("sparse", i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))))
            .ToList();

        var rows = await _table.ReadRowsAsync<TableEntity>(keys, readsInFlight: 4, default);

        Assert.Equal(300, rows.Count);
        Assert.Equal(1, _requests.Queries); // 600 rows: dense 000-199, then sparse 0000-0399, which settled every key
        Assert.Equal(0, _requests.PointReads);
    }

    [Fact]
    public async Task A_single_key_per_partition_and_a_key_asked_twice_are_each_read_once()
    {
        var keys = new[] { ("dense", "007"), ("dense", "007"), ("sparse", "0042"), ("elsewhere", "x") };

        var rows = await _table.ReadRowsAsync<TableEntity>(keys, readsInFlight: 4, default);

        Assert.Equal(new[] { ("dense", "007"), ("sparse", "0042") }, rows.Keys.Order());
        Assert.Equal(1, _requests.Queries); // across the partitions: its first page, 6 rows, settled ("dense", "007") only, so it stopped
        Assert.Equal(2, _requests.PointReads);
    }

    private sealed class RequestCount : HttpPipelineSynchronousPolicy
    {
        private int _queries;
        private int _pointReads;

        public int Queries => Volatile.Read(ref _queries);

        public int PointReads => Volatile.Read(ref _pointReads);

        public void Reset()
        {
            Volatile.Write(ref _queries, 0);
            Volatile.Write(ref _pointReads, 0);
        }

        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Method != RequestMethod.Get)
            {
                return;
            }

            var isPointRead = Uri.UnescapeDataString(message.Request.Uri.Path).Contains("PartitionKey=", StringComparison.Ordinal);
            Interlocked.Increment(ref isPointRead ? ref _pointReads : ref _queries);
        }
    }
}
