using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryMapping.Testing;

/// <summary>
/// Records the storage requests an app makes (method and unescaped path), for tests that pin how many requests an
/// operation costs: a design property, not a timing.
/// </summary>
public sealed class StorageRequestLog : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<(string Method, string Path)> _requests = new();

    /// <summary>Adds the log to every storage client of <paramref name="services"/>.</summary>
    public void AddTo(IServiceCollection services) =>
        services.AddAzureClients(clients => clients.ConfigureDefaults(options => options.AddPolicy(this, HttpPipelinePosition.PerCall)));

    public void Clear() => _requests.Clear();

    /// <summary>GETs of one entity of <paramref name="table"/> (a table name without the test's prefix).</summary>
    public int PointReads(string table) => _requests.Count(r => r.Method == "GET" && r.Path.Contains(table + "(PartitionKey", StringComparison.Ordinal));

    /// <summary>GETs of a query over <paramref name="table"/>.</summary>
    public int Queries(string table) =>
        _requests.Count(r => r.Method == "GET" && (r.Path.EndsWith(table + "()", StringComparison.Ordinal) || r.Path.EndsWith(table, StringComparison.Ordinal)));

    /// <summary>Single-entity writes (insert, replace, merge, delete) to <paramref name="table"/>; transactions are counted by <see cref="Transactions"/>.</summary>
    public int Writes(string table) =>
        _requests.Count(r => r.Method != "GET" && (r.Path.Contains(table + "(PartitionKey", StringComparison.Ordinal) || r.Path.EndsWith(table, StringComparison.Ordinal)));

    /// <summary>Entity-group transactions (of any table).</summary>
    public int Transactions() => _requests.Count(r => r.Method == "POST" && r.Path.EndsWith("$batch", StringComparison.Ordinal));

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message.Request);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message.Request);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(Request request) => _requests.Enqueue((request.Method.ToString(), Uri.UnescapeDataString(request.Uri.Path)));
}
